// SIGINT/SIGTERM: the CLI aborts the gate through GateDeps.signal. A run stuck on a registry that never answers ends
// once the signal comes (not at its 60 s timeout), the emulator is closed and its temp kubeconfig is gone.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { testConfig } from '../helpers/config.js';

const emulators: { kubeconfigPath: string }[] = [];
vi.mock('../../src/simulate/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/simulate/index.js')>();
  return {
    ...real,
    startEmulator: async (...args: Parameters<typeof real.startEmulator>) => {
      const emu = await real.startEmulator(...args);
      emulators.push(emu);
      return emu;
    },
  };
});
const { runGate } = await import('../../src/gate.js');

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-signal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('an aborted run (SIGINT) ends before its timeout, with the emulator closed and no temp kubeconfig left', async () => {
  const world = path.join(tmp, 'world.yaml');
  writeFileSync(
    world,
    `${readFileSync('examples/world.yaml', 'utf8')}\nfaults:\n  - {host: prodacr.azurecr.io, mode: hang}\n`,
  );
  const stop = new AbortController();
  const cfg = testConfig({
    manifests: [path.resolve('examples/manifests/orders-api.yaml')],
    cluster: CLUSTER,
    subscription: SUB,
    simulate: world,
    timeoutMs: 60_000,
  });
  const started = Date.now();
  const run = runGate(cfg, {
    logger: { debug: () => {}, info: () => {}, warning: () => {} },
    maskSecret: () => {},
    env: {},
    signal: stop.signal,
    phase: (name) => {
      if (name.startsWith('Checking')) setTimeout(() => stop.abort(), 300);
    },
  });
  const r = await run;
  // What the registry never answered is unverified, not a hang until the 60 s timeout.
  expect(r.report.verified).toBe(false);
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(emulators).toHaveLength(1);
  expect(existsSync(emulators[0].kubeconfigPath)).toBe(false);
  expect(existsSync(path.dirname(emulators[0].kubeconfigPath))).toBe(false);
});
