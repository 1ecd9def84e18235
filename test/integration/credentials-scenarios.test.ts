// Scenario worlds for the pull-secret and credential rules (test/scenarios/credentials/<name>/): each world runs
// through the loopback emulator with the real clients (Kubernetes, ARM, Graph, registry token endpoint), the facts
// are collected and checked, and the findings and pull paths must equal expected.json. Every secret value in the
// worlds contains CANARY: none may reach findings, paths, facts or log lines, and each must have been masked.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { checkPullSecrets } from '../../src/checks/pull-secrets.js';
import type { Config } from '../../src/settings/config.js';
import { collectCredentialFacts } from '../../src/facts/credentials/collect.js';
import type { FactContext } from '../../src/types/facts/context.js';
import { buildInventory } from '../../src/inventory/inventory.js';
import { loadWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';
import type { Finding } from '../../src/types/index.js';
import { testConfig } from '../helpers/config.js';

const ROOT = 'test/scenarios/credentials';
const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';

interface Expected {
  findings: { rule: string; severity: string; evidence?: Record<string, unknown>; remediationContains?: string[] }[];
  paths: { image: string; path: string; state: string }[];
}

function config(): Config {
  return testConfig({ cluster: CLUSTER });
}

async function runScenario(name: string) {
  const dir = join(ROOT, name);
  const world = await loadWorld(join(dir, 'world.yaml'));
  const emu: Emulator = await startEmulator(world);
  const logs: string[] = [];
  const masked = new Set<string>();
  try {
    const inventory = await buildInventory({
      manifests: [join(dir, 'manifests.yaml')],
      cwd: process.cwd(),
      namespace: 'default',
      maxFileBytes: 1024 * 1024,
    });
    const credential = new ClientSecretCredential(emu.gate.tenantId, emu.gate.clientId, emu.gate.clientSecret, {
      authorityHost: emu.endpoints.authorityHost,
      disableInstanceDiscovery: true,
    });
    const ctx: FactContext = {
      cluster: CLUSTER,
      logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
      maskSecret: (v) => masked.add(v),
      now: new Date(world.now),
      signal: new AbortController().signal,
      fetch: emu.fetch,
      azure: {
        credential,
        endpoints: emu.endpoints,
        subscriptionId: '11111111-1111-1111-1111-111111111111',
        tenantId: emu.gate.tenantId,
      },
      kubeconfigPath: emu.kubeconfigPath,
    };
    const facts = await collectCredentialFacts(ctx, inventory);
    const result = checkPullSecrets(inventory, facts, config());
    return { world, facts, result, logs, masked };
  } finally {
    await emu.close();
  }
}

/** Passwords in the world's dockerconfigjson Secrets (those that decode), to check the masker saw them. */
function worldPasswords(objects: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  for (const o of objects) {
    const data = (o.data ?? {}) as Record<string, string>;
    const raw = data['.dockerconfigjson'];
    if (o.kind !== 'Secret' || !raw) continue;
    try {
      const doc = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as {
        auths?: Record<string, { password?: string }>;
      };
      for (const e of Object.values(doc.auths ?? {})) if (e.password) out.push(e.password);
    } catch {
      // Malformed on purpose: nothing decodes, nothing to mask.
    }
  }
  return out;
}

const scenarios = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

describe('credential scenario worlds', () => {
  it('has a scenario for every rule it owns', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of scenarios) {
    it(`${name}: findings and pull paths match expected.json, and no CANARY secret leaks`, async () => {
      const expected = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as Expected;
      const { world, facts, result, logs, masked } = await runScenario(name);
      const got = [...result.findings].sort((a: Finding, b: Finding) => a.rule.localeCompare(b.rule));
      expect(got.map((f) => `${f.rule}:${f.severity}`)).toEqual(
        expected.findings.map((f) => `${f.rule}:${f.severity}`).sort(),
      );
      expected.findings.forEach((e, i) => {
        if (e.evidence) expect(got[i].evidence).toMatchObject(e.evidence);
        for (const m of e.remediationContains ?? []) expect(got[i].remediation, e.rule).toContain(m);
      });
      for (const f of got) if (f.severity === 'error') expect(f.remediation, f.rule).toBeTruthy();
      expect(result.paths.map((p) => ({ image: p.image, path: p.path, state: p.state }))).toEqual(expected.paths);

      const out = JSON.stringify({ result, facts, logs });
      expect(out).not.toMatch(/CANARY/);
      // Every password the gate decoded from a pull secret it read was registered with the masker first.
      if (facts.secrets['prod/acr-pull']?.state === 'found') {
        for (const password of worldPasswords(world.kubernetes)) expect(masked.has(password), 'masked').toBe(true);
      }
      for (const v of masked) expect(v.length).toBeGreaterThanOrEqual(4);
    });
  }
});
