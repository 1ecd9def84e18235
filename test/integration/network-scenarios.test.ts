// Network posture end to end against the loopback emulator: each world under test/scenarios/network/<name>/ is served
// as ARM; the real SDK clients read the cluster, the registry and the network resources through it, and
// collectNetworkFacts + checkNetwork must produce exactly the findings of expected.json (rule, severity, registry,
// remediation, and words the message must contain). Worlds with no expected findings are the "must stay quiet" cases.

import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContainerRegistryManagementClient, type Registry } from '@azure/arm-containerregistry';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { ClientSecretCredential } from '@azure/identity';
import { armScope } from '../../src/facts/azure/clouds.js';
import { collectNetworkFacts, parseResourceId } from '../../src/facts/network/network.js';
import { checkNetwork } from '../../src/checks/network.js';
import type { FactContext } from '../../src/types/facts/context.js';
import { loadWorld, startEmulator, type Emulator, type World } from '../../src/simulate/index.js';
import type { ImageUse, Logger } from '../../src/types/index.js';

const ROOT = resolve(import.meta.dirname, '../scenarios/network');
const SCENARIOS = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface ExpectedFinding {
  rule: string;
  severity: string;
  registry: string;
  remediation?: string;
  messageIncludes?: string[];
}

interface Expected {
  images: string[];
  findings: ExpectedFinding[];
}

const running: Emulator[] = [];
afterAll(async () => {
  await Promise.all(running.map((e) => e.close()));
});

function useOf(image: string, line: number): ImageUse {
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

async function runScenario(name: string) {
  const dir = join(ROOT, name);
  const world = await loadWorld(join(dir, 'world.yaml'));
  const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Expected;
  const emulator = await startEmulator(world);
  running.push(emulator);
  try {
    return await readAndCheck(world, expected, emulator);
  } finally {
    await emulator.close();
    running.splice(running.indexOf(emulator), 1);
  }
}

async function readAndCheck(world: World, expected: Expected, emulator: Emulator) {
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
  expected.images.forEach((image, i) => {
    const host = image.split('/')[0];
    images.set(host, [...(images.get(host) ?? []), useOf(image, 10 + i)]);
  });
  return { findings: checkNetwork(facts, images), expected, facts, logs, gate };
}

describe('network scenarios through the emulator', () => {
  it('has scenarios to run', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of SCENARIOS) {
    it(`${name}: matches expected.json`, async () => {
      const { findings, expected, logs, gate } = await runScenario(name);
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
    });
  }
});

describe('facts the scenarios rely on', () => {
  it('resolves the user-assigned NAT gateway from the node subnet down to its public IP prefix', async () => {
    const { facts } = await runScenario('nat-gateway-prefix-not-allowed');
    expect(facts.egress).toMatchObject({
      outboundType: 'userAssignedNATGateway',
      addresses: [{ cidr: '51.105.64.0/30', kind: 'public-ip-prefix' }],
      unknown: [],
    });
  });

  it('requires the data-endpoint record of every replica region', async () => {
    const { facts } = await runScenario('private-dns-record-missing-replica');
    expect(facts.registries[0].regions).toEqual(['westeurope', 'northeurope']);
    expect(facts.registries[0].requiredRecords).toEqual([
      'prodacr',
      'prodacr.westeurope.data',
      'prodacr.northeurope.data',
    ]);
    expect(facts.registries[0].privateZones[0].records).toEqual({
      prodacr: ['10.10.8.4'],
      'prodacr.westeurope.data': ['10.10.8.5'],
      'prodacr.northeurope.data': [],
    });
  });

  it('records a refused read as unverifiable with the permission, not as a failure', async () => {
    const { facts } = await runScenario('egress-ip-unreadable');
    expect(facts.unverifiable).toEqual([
      expect.objectContaining({ scope: 'egress', permission: 'Microsoft.Network/publicIPAddresses/read' }),
    ]);
    expect(facts.egress.addresses).toEqual([]);
  });
});
