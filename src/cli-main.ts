// CLI: argv -> Config -> gate -> rendered report (-> the PR comment or tracking issue inside a GitHub Actions job)
// -> exit code. A ConfigurationError is one line on stderr and
// exit 2; anything else unexpected is also one line (the stack only with AKS_PULL_GATE_DEBUG=1).

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, type Config } from './settings/config.js';
import { parseCli, usage, type DiagnoseTargetArgs } from './settings/from-cli.js';
import { gitHubJobFromEnv, publishToGitHub } from './cli-github.js';
import { overwritesInput, unwritableReason } from './output-paths.js';
import { renderReport } from './report/render.js';
import { VERSION } from './version.js';
import type { Logger } from './types/index.js';

/** --output and --sarif-file are checked before the run: exit 2 up front, never after a full run. */
function checkReportPaths(output: string | undefined, sarif: string | undefined, manifests: string[], cwd: string) {
  for (const [flag, file] of [
    ['--output', output],
    ['--sarif-file', sarif],
  ] as const) {
    if (!file) continue;
    if (overwritesInput(file, manifests, cwd))
      throw new ConfigurationError(`${flag} ${file} is one of the input manifests: refusing to overwrite it`);
    const why = unwritableReason(file, cwd);
    if (why) throw new ConfigurationError(`${flag}: ${why}`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function diagnose(config: Config, target: DiagnoseTargetArgs, debug: boolean): Promise<number> {
  const logger: Logger = {
    debug: (m) => debug && process.stderr.write(`debug: ${m}\n`),
    info: (m) => debug && process.stderr.write(`${m}\n`),
    // The gate's own warnings while checking the pod's images go to stderr only with AKS_PULL_GATE_DEBUG=1.
    warning: (m) => debug && process.stderr.write(`warning: ${m}\n`),
  };
  const { runDiagnose } = await import('./diagnose.js');
  const { renderDiagnosis } = await import('./report/diagnose.js');
  const result = await runDiagnose(config, target, { logger, maskSecret: () => undefined, env: process.env });
  const format = config.format === 'json' || config.format === 'markdown' ? config.format : 'text';
  const scope = target.pod ? `${target.pod.namespace}/${target.pod.name}` : `in namespace ${target.namespace}`;
  const out = renderDiagnosis(result, format, scope);
  if (config.output) await writeFile(config.output, out);
  else process.stdout.write(out);
  return result.exitCode;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // `--debug` (anywhere before `--`) or AKS_PULL_GATE_DEBUG=1: the debug log, with the run's trace (lib/debug-log.ts).
  const end = argv.indexOf('--');
  const debugAt = argv.findIndex((a, i) => a === '--debug' && (end < 0 || i < end));
  const debug = env.AKS_PULL_GATE_DEBUG === '1' || debugAt >= 0;
  if (debugAt >= 0) argv = argv.filter((_, i) => i !== debugAt);
  try {
    // `simulate serve` is its own subcommand, dispatched before the gate's flags are parsed.
    if (argv[0] === 'simulate' && argv[1] === 'serve') {
      const { runServe } = await import('./simulate/serve.js');
      return await runServe(argv.slice(2));
    }
    const cmd = parseCli(argv, process.cwd(), env);
    if (cmd.kind === 'help') {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    if (cmd.kind === 'version') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    if (cmd.kind === 'diagnose') return await diagnose(cmd.config, cmd.target, debug);
    const { config, github } = cmd;
    checkReportPaths(config.output, config.sarifFile, config.manifests, config.cwd);
    const tty = !!process.stderr.isTTY;
    const logger: Logger = {
      debug: (m) => debug && process.stderr.write(`debug: ${m}\n`),
      info: (m) => (debug || tty) && process.stderr.write(`${m}\n`),
      warning: (m) => process.stderr.write(`warning: ${m}\n`),
    };
    // The gate (Azure SDKs, HTTP stack) loads only for a real run: --help, --version and usage errors stay instant.
    const { runGate } = await import('./gate.js');
    // SIGINT/SIGTERM end the run within 2 s: the gate stops as at its deadline and closes the emulator (and its temp
    // kubeconfig); a run that still has not ended by then is ended here.
    const stop = new AbortController();
    let stoppedBy: NodeJS.Signals | undefined;
    const onSignal = (sig: NodeJS.Signals): void => {
      if (stoppedBy) return;
      stoppedBy = sig;
      process.stderr.write(`aks-pull-gate: ${sig}: stopping\n`);
      stop.abort();
      setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), 2_000).unref();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const { report, exitCode } = await runGate(config, {
      signal: stop.signal,
      logger,
      // The CLI prints nothing a secret could reach; masking is the action's concern.
      maskSecret: () => undefined,
      readStdin,
      env,
      phase: (name) => tty && process.stderr.write(`… ${name}\n`),
      debug,
    });
    if (stoppedBy) return stoppedBy === 'SIGINT' ? 130 : 143;
    const color = !!process.stdout.isTTY && !env.NO_COLOR && !config.output;
    const fileExists = (p: string): boolean => existsSync(path.resolve(config.cwd, p));
    const out = renderReport(report, config.format, { color, version: VERSION, fileExists });
    if (config.output) await writeFile(config.output, out);
    else process.stdout.write(out.endsWith('\n') ? out : out + '\n');
    if (config.sarifFile)
      await writeFile(config.sarifFile, renderReport(report, 'sarif', { color: false, version: VERSION, fileExists }));
    // Inside a GitHub Actions job the GitHub-only options act as in the action (PR comment, tracking issue), bounded
    // by the run's timeout; they never change the exit code.
    const job = gitHubJobFromEnv(env);
    if (job) {
      await publishToGitHub(report, config, github, job, {
        logger,
        signal: AbortSignal.timeout(config.timeoutMs),
        env,
      });
    }
    return exitCode;
  } catch (err) {
    if (err instanceof ConfigurationError) {
      process.stderr.write(`aks-pull-gate: ${err.message}\n`);
      return 2;
    }
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`aks-pull-gate: unexpected error: ${msg}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return 2;
  }
}
