// Every world under test/scenarios/identity/ runs through the loopback emulator with the real SDK clients: the facts
// (collectIdentityFacts) and the checks (checkIdentity) must give exactly the findings expected.json lists, by rule,
// with the exact remediation where one is given, and every healthy look-alike must give no error.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, describe, expect, it } from 'vitest';
import { collectIdentityFacts } from '../../src/facts/azure/role-assignments.js';
import { checkIdentity, isUnverifiable } from '../../src/checks/identity.js';
import { platformsFromAgentPools } from '../../src/checks/node-pools.js';
import type { FactContext } from '../../src/types/facts/context.js';
import { parseImageReference } from '../../src/lib/image-reference.js';
import { loadWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';
import type { ImageUse } from '../../src/types/index.js';

const ROOT = 'test/scenarios/identity';

interface Expected {
  description: string;
  cluster: string;
  images: string[];
  findings: Record<string, number>;
  paths: Record<string, 'works' | 'broken' | 'unknown'>;
  remediation?: Record<string, string>;
  messageContains?: Record<string, string>;
  platforms?: string[];
  /** `namespace/serviceAccount` -> acr-client-id annotation of the pods' ServiceAccount (identity bindings). */
  serviceAccountBindings?: Record<string, string>;
  /** image -> state of its identity-binding path(s). */
  bindingPaths?: Record<string, 'works' | 'broken' | 'unknown'>;
}

function uses(images: string[]): ImageUse[] {
  return images.map((image, i) => {
    const parsed = parseImageReference(image);
    if (!parsed.ok) throw new Error(`bad image in expected.json: ${image}`);
    return {
      image,
      ref: parsed.ref,
      location: { file: 'k8s/app.yaml', line: 10 + i, column: 16 },
      workload: { kind: 'Deployment', name: 'orders', namespace: 'prod' },
      container: `c${i}`,
      field: 'containers',
      namespace: 'prod',
      serviceAccount: 'default',
      podPullSecrets: [],
      pullSecrets: [],
      constraints: {},
    };
  });
}

const running: Emulator[] = [];
afterAll(async () => {
  await Promise.all(running.map((e) => e.close()));
});

async function run(dir: string, expected: Expected) {
  const emu = await startEmulator(await loadWorld(path.join(dir, 'world.yaml')));
  running.push(emu);
  const credential = new ClientSecretCredential(emu.gate.tenantId, emu.gate.clientId, emu.gate.clientSecret, {
    authorityHost: emu.endpoints.authorityHost,
    disableInstanceDiscovery: true,
  });
  const logs: string[] = [];
  const ctx: FactContext = {
    clusterReadsOff: 'cluster reads are turned off (--no-cluster-reads)',
    logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    maskSecret: () => undefined,
    now: new Date('2026-11-21T00:00:00Z'),
    signal: AbortSignal.timeout(60_000),
    fetch: emu.fetch,
    azure: { credential, endpoints: emu.endpoints, tenantId: emu.gate.tenantId },
  };
  const imageUses = uses(expected.images);
  const hosts = [...new Set(imageUses.map((u) => u.ref!.registry))];
  const facts = await collectIdentityFacts(ctx, expected.cluster, hosts, expected.serviceAccountBindings ?? {});
  const result = checkIdentity(facts, imageUses, { expiryWarningDays: 30 });
  await emu.close();
  return { facts, result, logs };
}

const scenarios = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort();

describe('identity scenarios through the emulator', () => {
  it('has a world per cause and the healthy look-alikes', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(16);
  });

  for (const name of scenarios) {
    const dir = path.join(ROOT, name);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.description}`, async () => {
      const { facts, result } = await run(dir, expected);
      const counts: Record<string, number> = {};
      for (const f of result.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
      expect(counts, JSON.stringify(result.findings, null, 2)).toEqual(expected.findings);
      if (name.startsWith('healthy-')) expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      for (const f of result.findings.filter((x) => x.severity === 'error')) {
        expect(f.remediation, `${f.rule} carries a fixing command`).toBeTruthy();
      }
      for (const [rule, cmd] of Object.entries(expected.remediation ?? {})) {
        expect(result.findings.find((f) => f.rule === rule)?.remediation).toBe(cmd);
      }
      for (const [rule, text] of Object.entries(expected.messageContains ?? {})) {
        expect(result.findings.find((f) => f.rule === rule)?.message).toContain(text);
      }
      const states = Object.fromEntries(
        result.paths.filter((p) => p.path === 'kubelet').map((p) => [p.image, p.state]),
      );
      if (expected.bindingPaths) {
        const bound = result.paths.filter((p) => p.path.startsWith('identity-binding:'));
        expect(Object.fromEntries(bound.map((p) => [p.image, p.state])), JSON.stringify(bound)).toEqual(
          Object.fromEntries(Object.entries(expected.bindingPaths).map(([i, st]) => [normalized(i), st])),
        );
      }
      const want = Object.fromEntries(
        Object.entries(expected.paths).map(([image, state]) => [
          parseImageReference(image).ok ? normalized(image) : image,
          state,
        ]),
      );
      expect(states).toEqual(want);
      if (expected.platforms) {
        expect(isUnverifiable(facts.cluster)).toBe(false);
        const pools = isUnverifiable(facts.cluster) ? [] : facts.cluster.agentPools;
        expect(platformsFromAgentPools(pools).map((p) => `${p.os}/${p.architecture}`)).toEqual(expected.platforms);
      }
      // Secrets of the world never reach findings.
      expect(JSON.stringify(result)).not.toMatch(/CANARY|simulated-gate-secret/);
    });
  }
});

function normalized(image: string): string {
  const r = parseImageReference(image);
  return r.ok ? r.ref.normalized : image;
}
