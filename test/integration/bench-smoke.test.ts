// Guards `npm run bench` against silent rot: the benchmark is not run by CI, so a renamed request kind, a gate change
// that breaks the runner bundle or a baseline that stops running would otherwise surface as an empty or NaN table the
// next time someone needs figures. Runs `bench/run.mjs --quick --json` (50 images, one run; real docker-registry on
// loopback, skopeo) and checks the shape only: every row is there and every figure is a positive number. No timings
// are asserted: they belong to bench/RESULTS.md, not to a test on a shared 2-core machine.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

interface BenchRow {
  name: string;
  unique: number;
  wallMs?: number;
  peakRssMb?: number;
  cpuMs?: number;
  serverCpuMs?: number;
  runs: (number | string)[];
  kinds?: Record<string, number>;
  findingsByRule?: Record<string, number>;
  phases?: { name: string; atMs: number }[];
  vsSequential?: number;
  vsParallel?: number;
}

interface BenchOutput {
  headline: number;
  rows: BenchRow[];
  bundle: { actionEntry?: number; cliEntry?: number; actionColdMs?: number; cliVersionMs?: number };
  table: string;
  targets: string;
}

function runBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench/run.mjs'), '--quick', '--json', '--many-docs', '2000'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench -- --quick --json', () => {
  it('prints every row with positive wall time, RSS and request counts (an empty or NaN table means the bench broke)', async () => {
    const r = await runBench();
    expect(r.code, r.stderr.split('\n').slice(-5).join('\n')).toBe(0);
    const out = JSON.parse(r.stdout) as BenchOutput;
    expect(out.headline).toBe(50);

    const gateRows = [
      'gate, simulated ACRs',
      'gate, simulated ACRs, --cluster',
      'gate, simulated ACRs, emulator out of process',
      'gate, simulated ACRs, --cluster, emulator out of process',
      'gate, simulated ACRs, --cluster, emulator out of process, node --max-semi-space-size=8',
      'gate, docker-registry',
    ];
    const offline = 'gate --offline, reading the manifests only';
    const many = 'gate --offline, 2,000 documents in one file';
    const baselines = existsSync('/usr/bin/skopeo')
      ? ['skopeo inspect --raw, sequential', 'xargs -P16 skopeo inspect --raw']
      : [];
    // The one-file row comes after the simulated rows (it needs no registry), before the docker-registry ones.
    expect(out.rows.map((row) => row.name)).toEqual([
      ...gateRows.slice(0, 5),
      many,
      gateRows[5],
      offline,
      ...baselines,
    ]);
    const oneFile = out.rows.find((x) => x.name === many);
    expect(oneFile?.phases?.some((p) => p.name === 'mark:manifests read')).toBe(true);
    expect(oneFile?.wallMs).toBeGreaterThan(0);
    // Every document read by the fast reader as a pod, none refused.
    expect(Object.keys(oneFile?.findingsByRule ?? {})).not.toContain('manifest-invalid');
    expect(out.targets).toMatch(/^- 2,000 documents in one file \([0-9.]+ MB\): \d+ ms \(reading phase/m);
    const read = out.rows.find((x) => x.name === offline);
    expect(read?.kinds?.manifestGet ?? 0).toBe(0); // asks no registry
    expect(read?.phases?.some((p) => p.name === 'mark:manifests read')).toBe(true);
    for (const row of out.rows.filter((x) => x.name !== offline && x.name !== many)) {
      expect(row.unique, row.name).toBe(50);
      expect(row.wallMs, row.name).toBeGreaterThan(0);
      expect(row.runs.length, row.name).toBe(1);
      expect(row.kinds, row.name).toBeDefined();
      const kinds = row.kinds ?? {};
      // Every image is asked about at least once, whichever client asks.
      expect((kinds.manifestHead ?? 0) + (kinds.manifestGet ?? 0), row.name).toBeGreaterThanOrEqual(50);
    }
    for (const name of gateRows) {
      const row = out.rows.find((x) => x.name === name);
      expect(row?.peakRssMb, name).toBeGreaterThan(0);
      // The client's CPU comes from the runner's own resource usage: a run always spends some.
      expect(row?.cpuMs, name).toBeGreaterThan(0);
    }
    // The server's CPU, where it has a process of its own: docker-registry (from /proc) and the emulator child. A
    // server that answered every request of the run spent at least one clock tick on it.
    for (const name of [
      ...gateRows.filter((n) => n.includes('out of process')),
      'gate, docker-registry',
      ...baselines,
    ]) {
      expect(out.rows.find((x) => x.name === name)?.serverCpuMs, name).toBeGreaterThan(0);
    }
    for (const name of baselines) expect(out.rows.find((x) => x.name === name)?.cpuMs, name).toBeGreaterThan(0);
    // In process, the emulator's CPU is the gate's: the table says so rather than leaving the server's cell blank.
    expect(out.table).toMatch(/^\| gate, simulated ACRs \| 50 \|.*\| \d+ \/ in client \/ \d+ \|/m);
    const simulated = out.rows.find((x) => x.name === 'gate, simulated ACRs');
    // The full Azure path ran: ARM discovery, the Entra exchange and registry tokens.
    expect(simulated?.kinds?.arm).toBeGreaterThan(0);
    expect(simulated?.kinds?.token).toBeGreaterThan(0);
    // Out of process, the emulator's own counters come back from its process: the Azure path ran there too.
    const remote = out.rows.find((x) => x.name === 'gate, simulated ACRs, --cluster, emulator out of process');
    expect(remote?.kinds?.arm).toBeGreaterThan(0);
    // The bench world is healthy but for its missing images: every gate row finds those and nothing it could not
    // check (a runner bundle that broke an SDK import once measured a run whose role assignments were unreadable).
    for (const row of out.rows.filter((x) => x.name.startsWith('gate,'))) {
      expect(Object.keys(row.findingsByRule ?? {}), row.name).toEqual(['image-not-found']);
    }
    const real = out.rows.find((x) => x.name === 'gate, docker-registry');
    if (baselines.length) {
      expect(real?.vsSequential).toBeGreaterThan(0);
      expect(real?.vsParallel).toBeGreaterThan(0);
    }

    expect(out.bundle.actionEntry).toBeGreaterThan(0);
    expect(out.bundle.cliEntry).toBeGreaterThan(0);
    expect(out.bundle.actionColdMs).toBeGreaterThan(0);
    expect(out.bundle.cliVersionMs).toBeGreaterThan(0);
    expect(out.table).toContain('| gate, docker-registry | 50 |');
    expect(out.table).not.toMatch(/NaN|undefined/);
    expect(out.targets).toContain('cold start');
  }, 120_000);
});
