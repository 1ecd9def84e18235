// Replay of real recorded ARM and Graph responses (test/fixtures/real-recordings/, copies of the shared material; the
// README there names the source repository, path and commit of each). A loopback HTTPS stub serves each recorded body
// with its status to the real SDK clients and the gate's readers, and the tests assert what the gate concludes from
// it. Where the emulator serves the same request, its answer is compared with the recording by keys, casing and status,
// ignoring values.

import { readdirSync, readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { ContainerRegistryManagementClient, type Registry } from '@azure/arm-containerregistry';
import type { ManagedCluster } from '@azure/arm-containerservice';
import { getCluster } from '../../src/facts/azure/cluster.js';
import { registryFactsFrom, replicaHostOf } from '../../src/facts/azure/registries.js';
import { listAssignmentsForPrincipalInSubscription } from '../../src/facts/azure/role-assignments.js';
import { getApplicationByAppId, GRAPH_APP_PERMISSION } from '../../src/facts/azure/graph.js';
import { getApplication } from '../../src/facts/credentials/azure-reads.js';
import {
  collectNetworkFacts,
  VNET_RULES_API_VERSION,
  virtualNetworkRulesFrom,
} from '../../src/facts/network/network.js';
import { checkNetwork } from '../../src/checks/network.js';
import { isUnverifiable } from '../../src/lib/unverifiable.js';
import type { ClusterFacts } from '../../src/types/facts/identity.js';
import type { FactContext } from '../../src/types/facts/context.js';
import type { ImageUse } from '../../src/types/index.js';
import { parseWorld, startEmulator } from '../../src/simulate/index.js';
import { testTls } from '../helpers/docker-registry.js';
import { startStubHttps, type StubHttps, type StubRequest } from '../helpers/stub-https.js';

const DIR = 'test/fixtures/real-recordings';

interface Recording {
  request: { method: string; uri: string };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

/** Both shapes: `request`/`response`, and the first material's `_source`/`status`/`body` (no request). */
function load(name: string): Recording {
  const raw = JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8')) as Record<string, unknown>;
  if ('_source' in raw) {
    const src = raw._source as { interaction: string };
    // The interaction elides the path (`GET .../managedClusters/<n>?api-version=...`): the body's id is the path.
    const api = /api-version=([\w-]+)/.exec(src.interaction)?.[1] ?? '';
    const id = (raw.body as { id: string }).id;
    return {
      request: { method: 'GET', uri: `https://management.azure.com${id}?api-version=${api}` },
      response: { status: raw.status as number, headers: {}, body: raw.body },
    };
  }
  return raw as unknown as Recording;
}

const ARM_GRAPH = readdirSync(DIR).filter((f) => /^(arm-|graph-|azure-cli_).*\.json$/.test(f));

type Route = (req: StubRequest, url: URL) => { status: number; body: unknown } | undefined;
let stub: StubHttps;
let routes: Route[] = [];
let savedCAs: string[];

beforeAll(async () => {
  savedCAs = tls.getCACertificates('default');
  tls.setDefaultCACertificates([...savedCAs, (await testTls()).cert]);
  stub = await startStubHttps((req, res: ServerResponse) => {
    const url = new URL(req.path, 'https://stub.invalid');
    for (const r of routes) {
      const hit = r(req, url);
      if (hit) {
        res.writeHead(hit.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(hit.body));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'ResourceNotFound', message: `no route for ${url.pathname}` } }));
  });
});

afterAll(async () => {
  await stub?.stop();
  tls.setDefaultCACertificates(savedCAs);
});

const credential: TokenCredential = {
  getToken: () => Promise.resolve({ token: 'replay-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

function ctx(fetchFn: typeof globalThis.fetch = fetch): FactContext {
  return {
    logger: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    maskSecret: () => undefined,
    now: new Date('2026-12-01T00:00:00Z'),
    signal: AbortSignal.timeout(30_000),
    fetch: fetchFn,
    azure: {
      credential,
      endpoints: {
        name: 'replay',
        authorityHost: 'https://127.0.0.1:9',
        resourceManager: stub.base.origin,
        graph: 'https://graph.replay.invalid',
        acrSuffixes: ['.azurecr.io'],
        acrScope: 'https://containerregistry.azure.net/.default',
      },
      tenantId: '00000000-0000-0000-0000-000000000000',
    },
  };
}

const pathOf = (r: Recording) => decodeURIComponent(new URL(r.request.uri).pathname).toLowerCase();

/** Serves a recording at its path (any api-version unless given). */
function serve(r: Recording, apiVersion?: string): Route {
  return (req, url) =>
    decodeURIComponent(url.pathname).toLowerCase() === pathOf(r) &&
    (!apiVersion || url.searchParams.get('api-version') === apiVersion)
      ? { status: r.response.status, body: r.response.body }
      : undefined;
}

type Props = Record<string, unknown>;
const propsOf = (r: Recording) => ((r.response.body as { properties: Props }).properties ?? {}) as Props;

async function getRegistryThroughSdk(r: Recording): Promise<Registry> {
  routes = [serve(r)];
  const m =
    /\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerregistry\/registries\/([^/]+)$/.exec(
      pathOf(r),
    )!;
  const client = new ContainerRegistryManagementClient(credential, m[1], {
    endpoint: stub.base.origin,
    credentials: { scopes: [`${stub.base.origin}/.default`] },
  });
  return client.registries.get(m[2], m[3]);
}

/** Keys (with casing) of an object tree; arrays contribute the keys of their elements. */
function keyTree(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => keyTree(x, `${prefix}[]`)))].sort();
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v as Props)
    .flatMap(([k, x]) => [`${prefix}.${k}`, ...keyTree(x, `${prefix}.${k}`)])
    .sort();
}

describe('every ARM, Graph and azure-cli recording has a replay here', () => {
  it('lists the recordings this file replays', () => {
    expect(ARM_GRAPH.sort()).toEqual(
      [
        'arm-aks-get-404-ResourceNotFound.json',
        'arm-aks-get-managed-nat-gateway-2026-07-01.json',
        'arm-registry-cacherule-get-2023-01-01-preview.json',
        'arm-registry-credentialset-unhealthy-2023-01-01-preview.json',
        'arm-registry-get-abac-2025-03-01-preview.json',
        'arm-registry-get-basic-2026-09-01-preview.json',
        'arm-registry-get-network-rules-2023-11-01-preview.json',
        'arm-registry-get-network-rules-vnet-2021-08-01-preview.json',
        'arm-registry-patch-data-endpoint-premium-2026-09-01-preview.json',
        'arm-registry-put-dual-stack-2026-09-01-preview.json',
        'arm-registry-put-regional-endpoints-2026-03-01-preview.json',
        'arm-registry-replications-list-empty.json',
        'arm-roleassignments-list-principalId-eq-2022-04-01.json',
        'azure-cli_aks_private_cluster_GET_2021-10-01.json',
        'graph-application-passwordCredentials-hint-200.json',
        'graph-applications-403-Authorization_RequestDenied.json',
      ].sort(),
    );
  });
});

describe('registry bodies through the SDK and registryFactsFrom', () => {
  const bodies = ARM_GRAPH.filter((f) => /^arm-registry-(get|patch|put)-/.test(f));

  it.each(bodies)('%s: login server, mode, data endpoints and the ARM-audience policy as recorded', async (name) => {
    const r = load(name);
    const p = propsOf(r);
    const facts = registryFactsFrom(await getRegistryThroughSdk(r), '00000000-0000-0000-0000-000000000000');
    expect(facts.loginServer).toBe(String(p.loginServer).toLowerCase());
    expect(facts.id.toLowerCase()).toBe(pathOf(r));
    expect(facts.dataEndpointHostNames).toEqual(
      ((p.dataEndpointHostNames as string[]) ?? []).map((h) => h.toLowerCase()),
    );
    expect(facts.roleAssignmentMode).toBe(p.roleAssignmentMode);
    const policy = (p.policies as { azureADAuthenticationAsArmPolicy?: { status?: string } })
      .azureADAuthenticationAsArmPolicy;
    expect(facts.armAudiencePolicy).toBe(policy?.status);
  });

  it('ABAC and legacy modes come through as the recordings say', async () => {
    const abac = registryFactsFrom(
      await getRegistryThroughSdk(load('arm-registry-get-abac-2025-03-01-preview.json')),
      undefined,
    );
    expect(abac.roleAssignmentMode).toBe('AbacRepositoryPermissions');
    const basic = registryFactsFrom(
      await getRegistryThroughSdk(load('arm-registry-get-basic-2026-09-01-preview.json')),
      undefined,
    );
    expect(basic.roleAssignmentMode).toBe('LegacyRegistryPermissions');
  });

  it('maps the recorded regional endpoint host to its registry, and the recorded data endpoint host as a data endpoint', () => {
    const regional = propsOf(load('arm-registry-put-regional-endpoints-2026-03-01-preview.json'));
    const [geo] = regional.regionalEndpointHostNames as string[];
    expect(replicaHostOf(geo, String(regional.loginServer), ['.azurecr.io'])).toBe('geo');
    const data = propsOf(load('arm-registry-patch-data-endpoint-premium-2026-09-01-preview.json'));
    const [host] = data.dataEndpointHostNames as string[];
    expect(replicaHostOf(host, String(data.loginServer), ['.azurecr.io'])).toBe('data');
  });

  it('reads the VNet rule only from the 2021-08-01-preview body; the 2023-11-01-preview body has none', () => {
    const old = load('arm-registry-get-network-rules-vnet-2021-08-01-preview.json');
    const fresh = load('arm-registry-get-network-rules-2023-11-01-preview.json');
    expect(virtualNetworkRulesFrom(old.response.body)).toEqual([
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest.rg000001/providers/Microsoft.Network/virtualNetworks/cliregvnet/subnets/cliregsubnet',
    ]);
    expect(virtualNetworkRulesFrom(fresh.response.body)).toEqual([]);
    expect(VNET_RULES_API_VERSION).toBe('2021-08-01-preview');
  });
});

describe('service-endpoint VNet rules: what the gate concludes from the two recorded bodies', () => {
  const old = load('arm-registry-get-network-rules-vnet-2021-08-01-preview.json');
  const fresh = load('arm-registry-get-network-rules-2023-11-01-preview.json');
  const SUB = '00000000-0000-0000-0000-000000000000';
  const subnet = virtualNetworkRulesFrom(old.response.body)[0];
  const vnetId = subnet.replace(/\/subnets\/[^/]+$/, '');
  const pip = `/subscriptions/${SUB}/resourceGroups/mc_rg/providers/Microsoft.Network/publicIPAddresses/egress`;
  const cluster: ManagedCluster = {
    id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
    location: 'westcentralus',
    agentPoolProfiles: [{ name: 'nodepool1', vnetSubnetID: subnet }],
    networkProfile: { outboundType: 'loadBalancer', loadBalancerProfile: { effectiveOutboundIPs: [{ id: pip }] } },
  };
  const network: Route[] = [
    (_q, url) =>
      url.pathname.toLowerCase() === pip.toLowerCase()
        ? { status: 200, body: { id: pip, name: 'egress', properties: { ipAddress: '20.1.2.3' } } }
        : undefined,
    (_q, url) =>
      url.pathname.toLowerCase() === vnetId.toLowerCase()
        ? {
            status: 200,
            body: {
              id: vnetId,
              name: 'cliregvnet',
              properties: { subnets: [{ id: subnet }], dhcpOptions: { dnsServers: [] } },
            },
          }
        : undefined,
  ];
  const use: ImageUse = {
    image: 'clireg000002.azurecr.io/app:v1',
    location: { file: 'k8s/app.yaml', line: 1, column: 1 },
    workload: { kind: 'Deployment', name: 'app', namespace: 'prod' },
    container: 'app',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints: {},
  };

  async function conclude(registryRoutes: Route[]) {
    const registry = await getRegistryThroughSdk(fresh);
    routes = [...registryRoutes, ...network];
    const facts = await collectNetworkFacts(ctx(), cluster, [registry]);
    return checkNetwork(facts, new Map([['clireg000002.azurecr.io', [use]]])).map((f) => `${f.severity}:${f.rule}`);
  }

  it('nodes in the allowed subnet pass, because the gate reads the rules at 2021-08-01-preview', async () => {
    expect(await conclude([serve(old, '2021-08-01-preview'), serve(fresh)])).toEqual([]);
  });

  it('reading only the newer body (no virtualNetworkRules) would block: the egress IP is not in the IP rule', async () => {
    expect(await conclude([serve(fresh)])).toEqual(['error:registry-firewall-blocks-cluster']);
  });

  it('an unreadable rule set is unknown, not blocked', async () => {
    const refused: Route = (_q, url) =>
      url.searchParams.get('api-version') === '2021-08-01-preview' &&
      decodeURIComponent(url.pathname).toLowerCase() === pathOf(old)
        ? { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no' } } }
        : undefined;
    expect(await conclude([refused, serve(fresh)])).toEqual(['warning:cluster-egress-unknown']);
  });
});

describe('artifact cache bodies through the SDK', () => {
  it('keeps the cache rule source/target and the credential set health the gate will read', async () => {
    const rule = load('arm-registry-cacherule-get-2023-01-01-preview.json');
    const set = load('arm-registry-credentialset-unhealthy-2023-01-01-preview.json');
    routes = [serve(rule), serve(set)];
    const client = new ContainerRegistryManagementClient(credential, '00000000-0000-0000-0000-000000000000', {
      endpoint: stub.base.origin,
      credentials: { scopes: [`${stub.base.origin}/.default`] },
    });
    const got = await client.cacheRules.get('clitest.rg000001', 'clireg000002', 'test1');
    const recorded = propsOf(rule);
    expect(got.sourceRepository).toBe(recorded.sourceRepository);
    expect(got.targetRepository).toBe(recorded.targetRepository);
    const cs = await client.credentialSets.get('clitest.rg000001', 'clireg000002', 'test1');
    const health = (propsOf(set).authCredentials as { credentialHealth: { status: string } }[])[0].credentialHealth;
    expect(cs.authCredentials?.[0]?.credentialHealth?.status).toBe(health.status);
    expect(health.status).toBe('Unhealthy');
  });

  it('lists no replicas for a registry without any (the home region is not in the list)', async () => {
    const r = load('arm-registry-replications-list-empty.json');
    routes = [serve(r)];
    const client = new ContainerRegistryManagementClient(credential, '00000000-0000-0000-0000-000000000000', {
      endpoint: stub.base.origin,
      credentials: { scopes: [`${stub.base.origin}/.default`] },
    });
    const out = [];
    for await (const x of client.replications.list('clitest.rg000001', 'testreg000002')) out.push(x);
    expect(out).toEqual([]);
  });
});

describe('managed cluster bodies through getCluster', () => {
  it.each(['arm-aks-get-managed-nat-gateway-2026-07-01.json', 'azure-cli_aks_private_cluster_GET_2021-10-01.json'])(
    '%s: kubelet identity, service principal only when not msi, agent pools from the body',
    async (name) => {
      const r = load(name);
      routes = [serve(r)];
      const facts = (await getCluster(ctx(), new URL(r.request.uri).pathname)) as ClusterFacts;
      expect(isUnverifiable(facts)).toBe(false);
      const p = propsOf(r) as { identityProfile: { kubeletidentity: Props }; agentPoolProfiles: { name: string }[] };
      expect(facts.kubelet).toEqual({
        objectId: p.identityProfile.kubeletidentity.objectId,
        clientId: p.identityProfile.kubeletidentity.clientId,
        resourceId: p.identityProfile.kubeletidentity.resourceId,
      });
      // `msi` on managed-identity clusters; the NAT-gateway recorder sanitized it to a GUID, which then reads as an app id.
      const sp = (propsOf(r).servicePrincipalProfile as { clientId?: string } | undefined)?.clientId;
      expect(facts.servicePrincipalClientId).toBe(sp && sp.toLowerCase() !== 'msi' ? sp : undefined);
      expect(facts.agentPools.map((x) => x.name)).toEqual(p.agentPoolProfiles.map((x) => x.name));
    },
  );

  it('arm-aks-get-404-ResourceNotFound: the cluster is reported not found, not unreadable', async () => {
    const r = load('arm-aks-get-404-ResourceNotFound.json');
    routes = [serve(r)];
    const out = await getCluster(ctx(), new URL(r.request.uri).pathname);
    // Not found (ARM 404) is its own state: the gate turns it into a configuration error (exit 2), not unverified.
    expect(out).toEqual({ notFound: true, reason: expect.stringContaining('was not found') as string });
  });
});

describe('role assignments through the SDK', () => {
  it('a subscription-wide principal query returns the resource-group assignment with its scope and role', async () => {
    const r = load('arm-roleassignments-list-principalId-eq-2022-04-01.json');
    routes = [serve(r)];
    const [recorded] = (r.response.body as { value: { id: string; properties: Props }[] }).value;
    const out = await listAssignmentsForPrincipalInSubscription(
      ctx(),
      '00000000-0000-0000-0000-000000000000',
      String(recorded.properties.principalId),
    );
    expect(Array.isArray(out)).toBe(true);
    expect(out).toEqual([
      expect.objectContaining({
        scope: recorded.properties.scope,
        roleDefinitionId: recorded.properties.roleDefinitionId,
        principalId: recorded.properties.principalId,
      }),
    ]);
  });
});

describe('Graph bodies through the gate readers', () => {
  const graphFetch =
    (r: Recording): typeof globalThis.fetch =>
    () =>
      Promise.resolve(
        new Response(JSON.stringify(r.response.body), {
          status: r.response.status,
          headers: { 'content-type': 'application/json' },
        }),
      );

  it('passwordCredentials: expiry and key ids for the identity checks; the hint for pull-secret matching', async () => {
    const r = load('graph-application-passwordCredentials-hint-200.json');
    const recorded = (r.response.body as { passwordCredentials: Props[]; appId: string }).passwordCredentials;
    const got = await getApplicationByAppId(ctx(graphFetch(r)), 'afb85a07-e312-4d49-b75b-9db4e2d683cd');
    expect('found' in got && got.found.passwordCredentials.map((p) => [p.keyId, p.endDateTime])).toEqual(
      recorded.map((p) => [p.keyId, p.endDateTime]),
    );
    const c = ctx(graphFetch(r));
    const cred = await getApplication(c.azure!, c.fetch, 'afb85a07-e312-4d49-b75b-9db4e2d683cd');
    expect(cred.ok && cred.value?.passwordCredentials.map((p) => p.hint)).toEqual(recorded.map((p) => p.hint));
  });

  it('Authorization_RequestDenied: unverifiable, naming the Graph permission, never an error', async () => {
    const r = load('graph-applications-403-Authorization_RequestDenied.json');
    const got = await getApplicationByAppId(ctx(graphFetch(r)), 'afb85a07-e312-4d49-b75b-9db4e2d683cd');
    expect(got).toEqual({ reason: 'Microsoft Graph answered 403', permission: GRAPH_APP_PERMISSION });
  });
});

describe('the emulator answers the recorded requests in the recorded shape', () => {
  const SUB = '00000000-0000-0000-0000-000000000000';

  async function emulatorGet(resources: unknown[], uri: string) {
    const world = parseWorld(
      JSON.stringify({
        apiVersion: 'aks-pull-gate/v1',
        kind: 'World',
        azure: { subscriptions: [{ subscriptionId: SUB, tenantId: SUB }], resources },
      }),
    );
    const emu = await startEmulator(world);
    try {
      const token = await new ClientSecretCredential(emu.gate.tenantId, emu.gate.clientId, emu.gate.clientSecret, {
        authorityHost: emu.endpoints.authorityHost,
        disableInstanceDiscovery: true,
      }).getToken(`${emu.endpoints.resourceManager}/.default`);
      const u = new URL(uri);
      const res = await fetch(`${emu.endpoints.resourceManager}${u.pathname}${u.search}`, {
        headers: { authorization: `Bearer ${token.token}` },
      });
      return { status: res.status, body: (await res.json()) as unknown };
    } finally {
      await emu.close();
    }
  }

  it.each([
    'arm-registry-get-network-rules-vnet-2021-08-01-preview.json',
    'arm-registry-get-network-rules-2023-11-01-preview.json',
  ])('%s: same status and keys; virtualNetworkRules only at the older api-version', async (name) => {
    const r = load(name);
    // The world holds the recorded registry with the rule (the older body lists it; the newer gets it added back).
    const rule = (propsOf(load('arm-registry-get-network-rules-vnet-2021-08-01-preview.json')).networkRuleSet as Props)
      .virtualNetworkRules;
    const world = structuredClone(r.response.body) as { properties: { networkRuleSet: Props } };
    world.properties.networkRuleSet.virtualNetworkRules = rule;
    const got = await emulatorGet([world], r.request.uri);
    expect(got.status).toBe(r.response.status);
    expect(keyTree(got.body)).toEqual(keyTree(r.response.body));
  });

  it('arm-aks-get-404-ResourceNotFound: same status, error keys and code for a missing cluster in an existing group', async () => {
    const r = load('arm-aks-get-404-ResourceNotFound.json');
    const other = {
      id: `/subscriptions/${SUB}/resourceGroups/clitest000001/providers/Microsoft.Network/virtualNetworks/v`,
      name: 'v',
      type: 'Microsoft.Network/virtualNetworks',
    };
    const got = await emulatorGet([other], r.request.uri);
    expect(got.status).toBe(404);
    expect(keyTree(got.body)).toEqual(keyTree(r.response.body));
    expect((got.body as { error: { code: string } }).error.code).toBe('ResourceNotFound');
  });

  it('arm-roleassignments-list-principalId-eq: a subscription query returns the resource-group assignment, same keys', async () => {
    const r = load('arm-roleassignments-list-principalId-eq-2022-04-01.json');
    const assignments = (r.response.body as { value: unknown[] }).value;
    const got = await emulatorGet(assignments, r.request.uri);
    expect(got.status).toBe(200);
    expect(keyTree((got.body as { value: unknown[] }).value)).toEqual(keyTree(assignments));
    expect((got.body as { value: unknown[] }).value).toHaveLength(1);
  });
});
