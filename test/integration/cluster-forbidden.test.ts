// Issue 14 case 4, the 403 half: a cluster the gate's identity may not read (ARM answers 403 AuthorizationFailed for
// Microsoft.ContainerService/managedClusters/read, as it does for an identity without Reader on the cluster; the
// emulator's `gate.deniedActions` serves ARM's real 403 body) is not a configuration error like a 404: the run goes
// on, says the cluster's checks are unverified naming the missing permission, and ends exit 1, never "Ready".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate.js';
import { renderReport } from '../../src/report/render.js';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const PERMISSION = 'Microsoft.ContainerService/managedClusters/read';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-cluster-403-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The example world's tags that exist (v1.4.2, the seed incident's missing tag, is left out on purpose: only the
// cluster read decides the verdict here).
const manifest = path.join(tmp, 'app.yaml');
writeFileSync(
  manifest,
  readFileSync('examples/manifests/orders-api.yaml', 'utf8').replace('orders-api:v1.4.2', 'orders-api:v1.4.1'),
);

async function gate(extra: string) {
  const world = path.join(tmp, `world-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(world, `${readFileSync('examples/world.yaml', 'utf8')}\n${extra}\n`);
  const r = await runGate(
    testConfig({ manifests: [manifest], cluster: CLUSTER, subscription: SUB, simulate: world, timeoutMs: 30_000 }),
    { logger: { debug: () => {}, info: () => {}, warning: () => {} }, maskSecret: () => {}, env: {} },
  );
  return { ...r, text: renderReport(r.report, 'text', { color: false, version: 'test' }) };
}

describe('a cluster ARM answers 403 for', () => {
  it('healthy look-alike: the same world and manifests with the cluster readable are Ready, exit 0', async () => {
    const r = await gate('');
    expect(r.exitCode).toBe(0);
    expect(r.report.verified).toBe(true);
    expect(r.text).toMatch(/^Ready/m);
  });

  it('is unverified naming Microsoft.ContainerService/managedClusters/read: exit 1, never Ready', async () => {
    const r = await gate(`gate:\n  deniedActions: [${PERMISSION}]`);
    expect(r.exitCode).toBe(1);
    expect(r.report.ready).toBe(false);
    expect(r.report.verified).toBe(false);
    // Not the 404 path: no configuration error was thrown, the report exists and names the permission.
    const named = r.report.findings.filter((f) => JSON.stringify(f).includes(PERMISSION));
    expect(named.length).toBeGreaterThan(0);
    for (const f of named) expect(f.severity).not.toBe('error');
    const pullPaths = r.report.images.map((i) => i.checks?.pullPath.state);
    expect(pullPaths.length).toBeGreaterThan(0);
    expect(pullPaths.every((s) => s === 'unverified')).toBe(true);
    expect(r.text).toContain(PERMISSION);
    expect(r.text).toMatch(/Not verified: \d+ of \d+ images? could not be checked \(.*permission/);
    expect(r.text).not.toMatch(/^Ready/m);
    expect(r.text).toMatch(/pull path.* not checked: /);
  });
});
