// "Unverified is not ready" end to end: the whole gate against the example world (the seed incident: v1.4.2 was never
// pushed), with the gate's runner placed outside or inside the registry's network. The refusal the emulator serves is
// ACR's real one (403 DENIED "client with IP '<ip>' is not allowed access", the body of
// https://learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-access); the gate must call it
// registry-firewall-blocks-gate, end "Not verified" with exit 1, and never tell anyone to grant AcrPull.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate.js';
import { renderReport } from '../../src/report/render.js';
import { renderSummary } from '../../src/report/markdown.js';
import type { Config } from '../../src/settings/config.js';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-unverified-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const baseWorld = readFileSync('examples/world.yaml', 'utf8');
let n = 0;
function world(extra: string): string {
  const file = path.join(tmp, `world-${++n}.yaml`);
  writeFileSync(file, `${baseWorld}\n${extra}\n`);
  return file;
}

async function gate(extra: string, overrides: Partial<Config> = {}) {
  const cfg = testConfig({
    manifests: [path.resolve('examples/manifests/orders-api.yaml')],
    cwd: process.cwd(),
    cluster: CLUSTER,
    subscription: SUB,
    simulate: world(extra),
    timeoutMs: 30_000,
    ...overrides,
  });
  const logs: string[] = [];
  const r = await runGate(cfg, {
    logger: { debug: () => {}, info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    maskSecret: () => {},
    env: {},
  });
  const text = renderReport(r.report, 'text', { color: false, version: 'test' });
  return { ...r, text, rules: r.report.findings.map((f) => f.rule), logs };
}

describe('registry-firewall-blocks-gate: the registry refuses the runner', () => {
  it('a runner outside the ipRules and a missing tag: exit 1, "Not verified", the firewall rule with the IP, no AcrPull', async () => {
    const r = await gate('gate:\n  sourceIp: 203.0.113.10');
    expect(r.exitCode).toBe(1);
    expect(r.report.ready).toBe(false);
    expect(r.report.verified).toBe(false);
    const fw = r.report.findings.filter((f) => f.rule === 'registry-firewall-blocks-gate');
    expect(fw.length).toBeGreaterThan(0);
    for (const f of fw) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('203.0.113.10');
      expect(f.message).toContain('prodacr.azurecr.io');
      expect(f.remediation).toContain('az acr network-rule add --name prodacr --ip-address 203.0.113.10');
      expect(f.remediation).toContain('az acr network-rule remove --name prodacr --ip-address 203.0.113.10');
      expect(f.remediation).toMatch(/self-hosted runner/);
    }
    expect(r.rules).not.toContain('image-unverifiable');
    expect(JSON.stringify(r.report)).not.toMatch(/AcrPull/);
    expect(r.text).not.toMatch(/AcrPull/);
    expect(r.text).toMatch(/Not verified: \d+ of \d+ images? could not be checked \(firewall: \d+\)/);
    expect(r.text).not.toMatch(/^Ready/m);
    const image = r.report.images.find((i) => i.reference.endsWith('orders-api:v1.4.2'));
    expect(image?.checks?.exists).toMatchObject({ state: 'unverified', reason: 'firewall' });
    expect(image?.checks?.exists.toCheck).toContain('self-hosted runner');
  });

  it('the same runner with unverified: warn passes, and still says the images were not verified', async () => {
    const r = await gate('gate:\n  sourceIp: 203.0.113.10', { unverified: 'warn' });
    expect(r.exitCode).toBe(0);
    expect(r.report.verified).toBe(false);
    expect(r.text).toMatch(/Not verified \(unverified: warn lets the rollout go\)/);
  });

  it('healthy look-alike: a runner inside the allowed range reads the registry and finds the missing tag', async () => {
    const r = await gate('gate:\n  sourceIp: 20.50.12.33');
    expect(r.rules).not.toContain('registry-firewall-blocks-gate');
    expect(r.rules).toContain('image-not-found');
    expect(r.exitCode).toBe(1);
    expect(r.text).toMatch(/^Not ready: /m);
  });

  it('healthy look-alike: a self-hosted runner in an allowed subnet is let in by virtualNetworkRules', async () => {
    const subnet = `/subscriptions/${SUB}/resourceGroups/rg-ci/providers/Microsoft.Network/virtualNetworks/vnet-ci/subnets/runners`;
    const w = baseWorld.replace(
      '- {action: Allow, value: "20.50.12.32/28"}',
      `- {action: Allow, value: "20.50.12.32/28"}\n          virtualNetworkRules:\n            - {action: Allow, id: ${subnet}}`,
    );
    expect(w).not.toBe(baseWorld);
    const file = path.join(tmp, 'world-vnet.yaml');
    writeFileSync(file, `${w}\ngate:\n  sourceIp: 203.0.113.10\n  subnetId: ${subnet}\n`);
    const r = await gate('', { simulate: file });
    expect(r.rules).not.toContain('registry-firewall-blocks-gate');
    expect(r.rules).toContain('image-not-found');
  });

  it('without gate.sourceIp the registry network rules do not apply to the gate (the earlier contract)', async () => {
    const r = await gate('');
    expect(r.rules).not.toContain('registry-firewall-blocks-gate');
    expect(r.rules).toContain('image-not-found');
  });
});

describe('per-image checks and the verdict line', () => {
  it('a healthy cluster run verifies all four checks of an ACR image and says Ready', async () => {
    const fixed = path.resolve('examples/manifests-fixed');
    const r = await gate('', { manifests: [fixed] });
    expect(r.exitCode).toBe(0);
    expect(r.report.verified).toBe(true);
    for (const i of r.report.images.filter((x) => x.registry === 'prodacr.azurecr.io')) {
      expect(i.checks).toEqual({
        exists: { state: 'ok' },
        platforms: { state: 'ok' },
        pullPath: { state: 'ok' },
        network: { state: 'ok' },
      });
    }
    expect(r.text).toMatch(/^Ready: every image can be pulled/m);
  });

  it('no cluster given: pull path and network are not applicable and the verdict says images only', async () => {
    const fixed = path.resolve('examples/manifests-fixed');
    const r = await gate('', { manifests: [fixed], cluster: undefined });
    expect(r.report.scope).toBe('images-only');
    const acr = r.report.images.find((x) => x.registry === 'prodacr.azurecr.io');
    expect(acr?.checks?.pullPath).toEqual({ state: 'not-applicable', why: 'no cluster given' });
    expect(acr?.checks?.network).toEqual({ state: 'not-applicable', why: 'no cluster given' });
    expect(r.text).toMatch(/Ready \(images only\)/);
    expect(r.text).not.toMatch(/every image can be pulled/);
    const summary = renderSummary(r.report);
    expect(summary).toMatch(/not checked: no cluster given/);
  });
});

describe('configuration mistakes end the run up front (exit 2), never a green verdict', () => {
  it('a misspelled cluster (ARM 404) is one line naming the clusters the gate sees in that resource group', async () => {
    const wrong = CLUSTER.replace(/prod-aks$/, 'prod-aks2');
    await expect(gate('', { cluster: wrong })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message:
        'cluster prod-aks2 was not found in resource group rg-prod; the gate sees these clusters there: prod-aks',
    });
  });

  it('a cluster in a resource group that does not exist names the clusters of the subscription', async () => {
    const wrong = CLUSTER.replace('/resourceGroups/rg-prod/', '/resourceGroups/rg-prdo/');
    await expect(gate('', { cluster: wrong })).rejects.toThrow(
      /^resource group rg-prdo was not found \(cluster prod-aks\); the gate sees these clusters in the subscription: rg-prod\/prod-aks$/,
    );
  });

  it('`-` with nothing on standard input (a failed helm template before the pipe) is a usage error', async () => {
    const cfg = testConfig({ manifests: ['-'], offline: true });
    await expect(
      runGate(cfg, {
        logger: { debug: () => {}, info: () => {}, warning: () => {} },
        maskSecret: () => {},
        readStdin: async () => Buffer.from('  \n'),
      }),
    ).rejects.toThrow('no manifests on standard input: did the command before the pipe fail?');
  });
});
