// The gate as the benchmark runs it: the CLI's own argv parsing and runGate, bundled by bench/run.mjs into a temp dir
// and run as a child process on Node 24, so each run pays the real start-up and owns its memory. It prints one JSON
// line on stdout with what the CLI cannot show: requests by kind (registry client and emulator), peak RSS, CPU and the
// report's counts. Logs are dropped: the benchmark measures the gate, not its terminal.

import module from 'node:module';
import type { Logger } from '../src/types/index.js';

const started = performance.now();
// As src/cli.ts does before it loads the gate: V8's compile cache, so the runs after the first compile no chunk again.
module.enableCompileCache();
const { parseCli } = await import('../src/settings/from-cli.js');
const { runGate } = await import('../src/gate.js');
const { renderReport } = await import('../src/report/render.js');
const warnings: string[] = [];
const logger: Logger = { debug: () => undefined, info: () => undefined, warning: (m) => void warnings.push(m) };

const cmd = parseCli(process.argv.slice(2), process.cwd());
if (cmd.kind !== 'run') throw new Error('gate-runner needs a check command');
// Phase start times, so a slow run says where its time went (reading manifests vs. the network).
const phases: { name: string; atMs: number; heapMb?: number; externalMb?: number }[] = [];
const mb = (n: number) => Math.round(n / 1048576);
// With APG_BENCH_MEMORY=1 each mark also records the V8 heap and the memory outside it (buffers), so a large peak
// RSS says what holds it.
const memory = () => {
  if (process.env.APG_BENCH_MEMORY !== '1') return {};
  const m = process.memoryUsage();
  return { heapMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers) };
};
const result = await runGate(cmd.config, {
  logger,
  maskSecret: () => undefined,
  env: process.env,
  phase: (name) => void phases.push({ name, atMs: Math.round(performance.now() - started) }),
  mark: (name) =>
    void phases.push({ name: `mark:${name}`, atMs: Math.round(performance.now() - started), ...memory() }),
});
// What the CLI does next: render the report (text, as a terminal run would).
renderReport(result.report, 'text', { color: false, version: 'bench', fileExists: () => true });
phases.push({ name: 'mark:rendered', atMs: Math.round(performance.now() - started) });
const findingsByRule: Record<string, number> = {};
for (const f of result.report.findings) findingsByRule[f.rule] = (findingsByRule[f.rule] ?? 0) + 1;
const imagesByStatus: Record<string, number> = {};
for (const i of result.report.images) imagesByStatus[i.status] = (imagesByStatus[i.status] ?? 0) + 1;

const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    exitCode: result.exitCode,
    gateMs: performance.now() - started,
    uptimeMs: process.uptime() * 1000,
    // maxRSS is in kilobytes on Linux; CPU (user + system, all threads: the JS thread, GC helpers, the thread pool)
    // in ms, from the process's start, so the row can say whether its wall time was waiting or computing.
    maxRssKb: usage.maxRSS,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    requests: result.requests,
    phases,
    summary: result.report.summary,
    imagesByStatus,
    findingsByRule,
    warnings: warnings.slice(0, 5),
  }) + '\n',
);
