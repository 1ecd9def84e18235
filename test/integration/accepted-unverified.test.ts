// Issue 19, "Accepting a finding on purpose": suppressing a finding that leaves an image unverified (here
// registry-firewall-blocks-gate: ACR's 403 DENIED "client with IP '<ip>' is not allowed access" to the gate's runner,
// https://learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-access) also accepts that
// check: it no longer blocks, and the verdict, the text report and the job summary say it was accepted, by whom (the
// `ignore:` entry's file and line, or the workload annotation) and why.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate.js';
import { verdictWords } from '../../src/report/common.js';
import { renderSummary } from '../../src/report/markdown.js';
import { renderReport } from '../../src/report/render.js';
import type { Config } from '../../src/settings/config.js';
import type { IgnoreEntry } from '../../src/types/suppression.js';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-accepted-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const world = path.join(tmp, 'world.yaml');
writeFileSync(world, `${readFileSync('examples/world.yaml', 'utf8')}\ngate:\n  sourceIp: 203.0.113.10\n`);
const REASON = 'the runner is outside the firewall until the self-hosted pool lands';

async function gate(manifest: string, ignore: IgnoreEntry[], overrides: Partial<Config> = {}) {
  const cfg = testConfig({
    manifests: [manifest],
    cwd: process.cwd(),
    cluster: CLUSTER,
    subscription: SUB,
    simulate: world,
    timeoutMs: 30_000,
    ignore,
    ...overrides,
  });
  const r = await runGate(cfg, {
    logger: { debug: () => {}, info: () => {}, warning: () => {} },
    maskSecret: () => {},
    env: {},
  });
  return { ...r, text: renderReport(r.report, 'text', { color: false, version: 'test' }) };
}

const entry: IgnoreEntry = {
  rule: 'registry-firewall-blocks-gate',
  image: 'prodacr.azurecr.io/*',
  reason: REASON,
  expires: '2027-01-31',
  source: '.aks-pull-gate.yaml:7',
  kind: 'external',
};

describe('an accepted finding that left an image unverified', () => {
  it('without the entry the firewalled runner blocks: Not verified, exit 1 (the reproduction)', async () => {
    const r = await gate(path.resolve('examples/manifests/orders-api.yaml'), []);
    expect(r.exitCode).toBe(1);
    expect(verdictWords(r.report)).toMatch(/^Not verified/);
    expect(verdictWords(r.report)).not.toContain('accepted');
  });

  it('an ignore: entry accepts the check: exit 0, and the verdict says by .aks-pull-gate.yaml:7, why and until when', async () => {
    const r = await gate(path.resolve('examples/manifests/orders-api.yaml'), [entry]);
    expect(r.exitCode).toBe(0);
    expect(r.report.ready).toBe(true);
    const image = r.report.images.find((i) => i.reference.endsWith('orders-api:v1.4.2'));
    expect(image?.checks?.exists).toMatchObject({
      state: 'unverified',
      reason: 'firewall',
      accepted: { by: '.aks-pull-gate.yaml:7', reason: REASON, expires: '2027-01-31' },
    });
    const words = verdictWords(r.report);
    // Both prodacr images of examples/manifests sit behind the firewall; the entry's image glob covers both.
    expect(words).toMatch(/^Ready: nothing blocks the rollout/);
    expect(words).toContain(
      `; 2 images not verified but accepted by .aks-pull-gate.yaml:7 until 2027-01-31 (${REASON}): prodacr.azurecr.io/mirror/nginx:1.27.3, prodacr.azurecr.io/orders-api:v1.4.2`,
    );
    expect(r.text).toContain('accepted by .aks-pull-gate.yaml:7');
    const md = renderSummary(r.report);
    expect(md.split('\n')[0]).toContain('accepted by .aks-pull-gate.yaml:7');
    // The image row marks the accepted check ☑️ with who and why, not ❔ "could not verify".
    const row = md.split('\n').find((l) => l.startsWith('| `prodacr.azurecr.io/orders-api:v1.4.2`'));
    expect(row).toContain('☑️ accepted by .aks-pull-gate.yaml:7 until 2027-01-31: the runner is outside the firewall');
    expect(row).not.toContain('❔');
  });

  it('a workload annotation accepts it the same way and is named as the one who accepted', async () => {
    const text = readFileSync('examples/manifests/orders-api.yaml', 'utf8').replace(
      'kind: Deployment\nmetadata:\n  name: orders-api\n  namespace: orders\n',
      `$&  annotations:\n    aks-pull-gate.io/ignore: "registry-firewall-blocks-gate until 2027-01-31: ${REASON}"\n`,
    );
    expect(text).toContain('aks-pull-gate.io/ignore');
    const file = path.join(tmp, 'annotated.yaml');
    writeFileSync(file, text);
    const r = await gate(file, []);
    expect(r.exitCode).toBe(0);
    const words = verdictWords(r.report);
    expect(words).toMatch(
      /accepted by Deployment orders\/orders-api annotation until 2027-01-31 \(the runner is outside/,
    );
  });
});
