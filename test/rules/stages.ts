// Stage-level assertions of the rule cases (test/rules/<rule-id>/<case>/expected.json, key `stage`): the same world
// read by one stage's real clients (facts) and judged by that stage's checks, before the gate combines the pull paths
// into findings. They carry what the gate's report does not show: each pull path's state, the exact remediation, the
// finding's place, the platforms read from the node pools, what the masker saw. Moved from the four scenario
// harnesses (identity, network, credentials, registry) when they folded into test/rules/rules.test.ts: every
// assertion they made is made here, unchanged.

import path from 'node:path';
import { ContainerRegistryManagementClient, type Registry } from '@azure/arm-containerregistry';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { ClientSecretCredential } from '@azure/identity';
import { expect } from 'vitest';
import { checkIdentity } from '../../src/checks/identity.js';
import { isUnverifiable } from '../../src/lib/unverifiable.js';
import { checkNetwork } from '../../src/checks/network.js';
import { platformsFromAgentPools } from '../../src/checks/node-pools.js';
import { checkPullSecrets } from '../../src/checks/pull-secrets.js';
import { armScope } from '../../src/facts/azure/clouds.js';
import { collectIdentityFacts } from '../../src/facts/azure/role-assignments.js';
import { collectCredentialFacts } from '../../src/facts/credentials/collect.js';
import { collectNetworkFacts, parseResourceId } from '../../src/facts/network/network.js';
import { buildInventory } from '../../src/inventory/inventory.js';
import { parseImageReference } from '../../src/lib/image-reference.js';
import { loadWorld, startEmulator, type Emulator, type World } from '../../src/simulate/index.js';
import type { FactContext } from '../../src/types/facts/context.js';
import type { Finding, ImageUse, Logger } from '../../src/types/index.js';
import { testConfig } from '../helpers/config.js';

// ---------------------------------------------------------------------------------------------------------------
// Identity: collectIdentityFacts + checkIdentity over uses of `images` (Deployment prod/orders, ServiceAccount default).

export interface IdentityStage {
  cluster: string;
  images: string[];
  /** rule -> how many findings of it. */
  findings: Record<string, number>;
  /** image -> state of its kubelet path. */
  paths: Record<string, 'works' | 'broken' | 'unknown'>;
  /** rule -> the exact remediation. */
  remediation?: Record<string, string>;
  messageContains?: Record<string, string>;
  platforms?: string[];
  /** `namespace/serviceAccount` -> acr-client-id annotation of the pods' ServiceAccount (identity bindings). */
  serviceAccountBindings?: Record<string, string>;
  /** image -> state of its identity-binding path(s). */
  bindingPaths?: Record<string, 'works' | 'broken' | 'unknown'>;
}

function identityUses(images: string[]): ImageUse[] {
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

function normalized(image: string): string {
  const r = parseImageReference(image);
  return r.ok ? r.ref.normalized : image;
}

export async function assertIdentityStage(dir: string, expected: IdentityStage, healthy: boolean): Promise<void> {
  const emu = await startEmulator(await loadWorld(path.join(dir, 'world.yaml')));
  let result: ReturnType<typeof checkIdentity>;
  let facts: Awaited<ReturnType<typeof collectIdentityFacts>>;
  try {
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
    const imageUses = identityUses(expected.images);
    const hosts = [...new Set(imageUses.map((u) => u.ref!.registry))];
    facts = await collectIdentityFacts(ctx, expected.cluster, hosts, expected.serviceAccountBindings ?? {});
    result = checkIdentity(facts, imageUses, { expiryWarningDays: 30 });
  } finally {
    await emu.close();
  }
  const counts: Record<string, number> = {};
  for (const f of result.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  expect(counts, JSON.stringify(result.findings, null, 2)).toEqual(expected.findings);
  if (healthy) expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  for (const f of result.findings.filter((x) => x.severity === 'error')) {
    expect(f.remediation, `${f.rule} carries a fixing command`).toBeTruthy();
  }
  for (const [rule, cmd] of Object.entries(expected.remediation ?? {})) {
    expect(result.findings.find((f) => f.rule === rule)?.remediation).toBe(cmd);
  }
  for (const [rule, text] of Object.entries(expected.messageContains ?? {})) {
    expect(result.findings.find((f) => f.rule === rule)?.message).toContain(text);
  }
  const states = Object.fromEntries(result.paths.filter((p) => p.path === 'kubelet').map((p) => [p.image, p.state]));
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
}

// ---------------------------------------------------------------------------------------------------------------
// Network: the cluster and registries read with the ARM SDKs, collectNetworkFacts + checkNetwork over uses of
// `images` (Deployment prod/orders-api at k8s/app.yaml:10).

export interface NetworkStage {
  images: string[];
  findings: {
    rule: string;
    severity: string;
    registry: string;
    remediation?: string;
    messageIncludes?: string[];
  }[];
}

function networkUse(image: string, line: number): ImageUse {
  return {
    image,
    location: { file: 'k8s/app.yaml', line, column: 16 },
    workload: { kind: 'Deployment', name: 'orders-api', namespace: 'prod' },
    container: 'orders-api',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints: {},
  };
}

/** Reads the world's network posture as the gate does; the facts are returned for the fact-level tests. */
export async function runNetworkStage(dir: string, images: string[]) {
  const world = await loadWorld(path.join(dir, 'world.yaml'));
  const emulator = await startEmulator(world);
  try {
    return await readAndCheckNetwork(world, images, emulator);
  } finally {
    await emulator.close();
  }
}

async function readAndCheckNetwork(world: World, imageList: string[], emulator: Emulator) {
  const { endpoints, gate } = emulator;
  const credential = new ClientSecretCredential(gate.tenantId, gate.clientId, gate.clientSecret, {
    authorityHost: endpoints.authorityHost,
    disableInstanceDiscovery: true,
  });
  const options = { endpoint: endpoints.resourceManager, credentials: { scopes: [armScope(endpoints)] } };

  const clusterId = world.azure.resources.find((r) => /managedclusters/i.test(r.type ?? ''))!.id;
  const c = parseResourceId(clusterId)!;
  const cluster = await new ContainerServiceClient(credential, c.subscriptionId, options).managedClusters.get(
    c.resourceGroup,
    c.segments[1],
  );
  const registries: Registry[] = [];
  for await (const r of new ContainerRegistryManagementClient(
    credential,
    c.subscriptionId,
    options,
  ).registries.list()) {
    registries.push(r);
  }

  const logs: string[] = [];
  const logger: Logger = {
    debug: (m) => logs.push(m),
    info: (m) => logs.push(m),
    warning: (m) => logs.push(m),
  };
  const ctx: FactContext = {
    logger,
    maskSecret: () => undefined,
    now: new Date(world.now),
    signal: AbortSignal.timeout(30_000),
    fetch: emulator.fetch,
    azure: { credential, endpoints, subscriptionId: c.subscriptionId, tenantId: gate.tenantId },
  };
  const facts = await collectNetworkFacts(ctx, cluster, registries);
  const images = new Map<string, ImageUse[]>();
  imageList.forEach((image, i) => {
    const host = image.split('/')[0];
    images.set(host, [...(images.get(host) ?? []), networkUse(image, 10 + i)]);
  });
  return { findings: checkNetwork(facts, images), facts, logs, gate };
}

export async function assertNetworkStage(dir: string, expected: NetworkStage): Promise<void> {
  const { findings, logs, gate } = await runNetworkStage(dir, expected.images);
  const summary = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    registry: f.registry,
    ...(f.remediation ? { remediation: f.remediation } : {}),
  }));
  const wanted = expected.findings.map(({ messageIncludes: _m, ...rest }) => rest);
  expect(summary).toEqual(wanted);
  expected.findings.forEach((e, i) => {
    for (const words of e.messageIncludes ?? []) expect(findings[i].message).toContain(words);
    expect(findings[i].location).toEqual({ file: 'k8s/app.yaml', line: 10, column: 16 });
  });
  // The gate's client secret never reaches a finding or a log line.
  expect(JSON.stringify(findings) + logs.join('\n')).not.toContain(gate.clientSecret);
}

// ---------------------------------------------------------------------------------------------------------------
// Credentials: the case's manifests.yaml inventory, collectCredentialFacts (Kubernetes, ARM, Graph, registry token
// endpoint) + checkPullSecrets. Every secret value in the worlds contains CANARY: none may reach findings, paths,
// facts or log lines, and each must have been masked.

export interface CredentialsStage {
  cluster: string;
  findings: { rule: string; severity: string; evidence?: Record<string, unknown>; remediationContains?: string[] }[];
  paths: { image: string; path: string; state: string }[];
}

async function runCredentialsStage(dir: string, cluster: string) {
  const world = await loadWorld(path.join(dir, 'world.yaml'));
  const emu: Emulator = await startEmulator(world);
  const logs: string[] = [];
  const masked = new Set<string>();
  try {
    const inventory = await buildInventory({
      manifests: [path.join(dir, 'manifests.yaml')],
      cwd: process.cwd(),
      namespace: 'default',
      maxFileBytes: 1024 * 1024,
    });
    const credential = new ClientSecretCredential(emu.gate.tenantId, emu.gate.clientId, emu.gate.clientSecret, {
      authorityHost: emu.endpoints.authorityHost,
      disableInstanceDiscovery: true,
    });
    const ctx: FactContext = {
      cluster,
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
    const result = checkPullSecrets(inventory, facts, testConfig({ cluster }));
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

export async function assertCredentialsStage(dir: string, expected: CredentialsStage): Promise<void> {
  const { world, facts, result, logs, masked } = await runCredentialsStage(dir, expected.cluster);
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
}
