// The Azure SDK clients the gate uses, signed in with ClientSecretCredential against the emulator's Entra endpoint,
// must deserialize what the emulator serves: clusters, agent pools, registries, tokens, scope maps, private endpoint
// connections, role assignments (every filter), role definitions, public IPs, private DNS links, subscriptions.
// Microsoft.Network is read with plain GETs through the core pipeline (src/facts/azure/arm-get.ts), as the gate does.

import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { PrivateDnsManagementClient } from '@azure/arm-privatedns';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';
import { ArmGetter, type PublicIPAddress } from '../../src/facts/azure/arm-get.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const SUB2 = '22222222-2222-2222-2222-222222222222';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const REGISTRY = `/subscriptions/${SUB}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr`;
const KUBELET = 'b0b0b0b0-0000-0000-0000-000000000001';

let emu: Emulator;
let credential: ClientSecretCredential;
// core-client SDKs read `credentialScopes`; the modular ones (containerservice, network, privatedns, subscriptions)
// read `credentials.scopes` and otherwise ask for https://management.azure.com/.default.
let clientOptions: { endpoint: string; credentialScopes: string[]; credentials: { scopes: string[] } };

beforeAll(async () => {
  emu = await startEmulator(await loadWorld('test/fixtures/worlds/contoso.yaml'));
  credential = new ClientSecretCredential(emu.gate.tenantId, emu.gate.clientId, emu.gate.clientSecret, {
    authorityHost: emu.endpoints.authorityHost,
    disableInstanceDiscovery: true,
  });
  clientOptions = {
    endpoint: emu.endpoints.resourceManager,
    credentialScopes: [`${emu.endpoints.resourceManager}/.default`],
    credentials: { scopes: [`${emu.endpoints.resourceManager}/.default`] },
  };
});

afterAll(async () => {
  await emu?.close();
});

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('ARM through the real SDK clients', () => {
  it('signs the gate in with ClientSecretCredential and a token carrying oid, tid, appid, aud, exp', async () => {
    const token = await credential.getToken(`${emu.endpoints.resourceManager}/.default`);
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      oid: emu.gate.objectId,
      tid: emu.gate.tenantId,
      appid: emu.gate.clientId,
      aud: emu.endpoints.resourceManager,
    });
    expect(typeof claims.exp).toBe('number');
  });

  it('reads the cluster, its kubelet identity and its agent pools (from agentPoolProfiles) with ContainerServiceClient', async () => {
    const aks = new ContainerServiceClient(credential, SUB, clientOptions);
    const cluster = await aks.managedClusters.get('rg-prod', 'prod-aks');
    expect(cluster.identityProfile?.kubeletidentity?.objectId).toBe(KUBELET);
    expect(cluster.agentPoolProfiles?.map((p) => p.name)).toEqual(['system', 'armpool']);
    const pools = await all(aks.agentPools.list('rg-prod', 'prod-aks'));
    expect(pools.map((p) => [p.name, p.vmSize, p.osType])).toEqual([
      ['system', 'Standard_D4s_v5', 'Linux'],
      ['armpool', 'Standard_D4ps_v5', 'Linux'],
    ]);
  });

  it('answers ResourceNotFound for a cluster that does not exist, and the SDK surfaces the code', async () => {
    const aks = new ContainerServiceClient(credential, SUB, clientOptions);
    await expect(aks.managedClusters.get('rg-prod', 'nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });

  it('reads registries (get, list across subscriptions with paging), tokens, scope maps and private endpoint connections', async () => {
    const acr = new ContainerRegistryManagementClient(credential, SUB, clientOptions);
    const reg = await acr.registries.get('rg-acr', 'prodacr');
    expect(reg.loginServer).toBe('prodacr.azurecr.io');
    expect(reg.roleAssignmentMode).toBe('LegacyRegistryPermissions');
    expect(reg.dataEndpointHostNames).toEqual(['prodacr.eastus.data.azurecr.io']);
    expect((await all(acr.registries.list())).map((r) => r.name)).toEqual(['prodacr']);
    const acr2 = new ContainerRegistryManagementClient(credential, SUB2, clientOptions);
    expect((await all(acr2.registries.list()))[0].roleAssignmentMode).toBe('AbacRepositoryPermissions');
    const tokens = await all(acr.tokens.list('rg-acr', 'prodacr'));
    expect(tokens.map((t) => [t.name, t.status])).toEqual([
      ['ci-pull', 'enabled'],
      ['old-token', 'disabled'],
    ]);
    expect(tokens[0].credentials?.passwords?.[0].expiry).toBeInstanceOf(Date);
    const map = await acr.scopeMaps.get('rg-acr', 'prodacr', 'orders-read');
    expect(map.actions).toContain('repositories/orders-api/content/read');
    const pecs = await all(acr.privateEndpointConnections.list('rg-acr', 'prodacr'));
    expect(pecs[0].privateLinkServiceConnectionState?.status).toBe('Approved');
  });

  it('returns the admin credentials of the world on listCredentials', async () => {
    const acr = new ContainerRegistryManagementClient(credential, SUB, clientOptions);
    const creds = await acr.registries.listCredentials('rg-acr', 'prodacr');
    expect(creds.username).toBe('prodacr');
    expect(creds.passwords?.map((p) => p.name)).toEqual(['password', 'password2']);
  });

  it('lists role assignments at or above the registry with atScope(), excluding those below or elsewhere', async () => {
    const authz = new AuthorizationManagementClient(credential, SUB, clientOptions);
    const got = await all(authz.roleAssignments.listForScope(REGISTRY, { filter: 'atScope()' }));
    expect(got.map((a) => a.name).sort()).toEqual([
      '0a0a0a0a-0000-0000-0000-000000000001',
      '0a0a0a0a-0000-0000-0000-000000000003',
    ]);
    expect(got.find((a) => a.name?.endsWith('1'))?.scope).toBe(REGISTRY);
  });

  it("expands group membership transitively for assignedTo('<oid>')", async () => {
    const authz = new AuthorizationManagementClient(credential, SUB, clientOptions);
    const got = await all(
      authz.roleAssignments.listForScope(REGISTRY, {
        filter: "atScope() and assignedTo('a3a3a3a3-0000-0000-0000-000000000001')",
      }),
    );
    expect(got.map((a) => a.principalId)).toEqual(['9e9e9e9e-0000-0000-0000-00000000000a']);
  });

  it('matches only direct assignments for principalId eq, above and below the scope', async () => {
    const authz = new AuthorizationManagementClient(credential, SUB, clientOptions);
    const direct = await all(
      authz.roleAssignments.listForScope(`/subscriptions/${SUB}`, { filter: `principalId eq '${KUBELET}'` }),
    );
    expect(direct.map((a) => a.name).sort()).toEqual([
      '0a0a0a0a-0000-0000-0000-000000000001',
      '0a0a0a0a-0000-0000-0000-000000000004',
    ]);
    const viaGroup = await all(
      authz.roleAssignments.listForScope(`/subscriptions/${SUB}`, {
        filter: "principalId eq 'a3a3a3a3-0000-0000-0000-000000000001'",
      }),
    );
    expect(viaGroup).toEqual([]);
  });

  it('serves the real built-in role definitions by id under any subscription, and the world custom roles', async () => {
    const authz = new AuthorizationManagementClient(credential, SUB, clientOptions);
    const acrPull = await authz.roleDefinitions.get(`/subscriptions/${SUB}`, '7f951dda-4ed3-4680-a7ca-43fe172d538d');
    expect(acrPull.roleName).toBe('AcrPull');
    expect(acrPull.roleType).toBe('BuiltInRole');
    expect(acrPull.permissions?.[0].actions).toEqual(['Microsoft.ContainerRegistry/registries/pull/read']);
    const reader = await authz.roleDefinitions.getById(
      `/subscriptions/${SUB2}/providers/Microsoft.Authorization/roleDefinitions/b93aa761-3e63-49ed-ac28-beffa264f7ac`,
    );
    expect(reader.roleName).toBe('Container Registry Repository Reader');
    expect(reader.permissions?.[0].dataActions).toContain(
      'Microsoft.ContainerRegistry/registries/repositories/content/read',
    );
    const custom = await authz.roleDefinitions.get(`/subscriptions/${SUB}`, '5e5e5e5e-0000-0000-0000-000000000001');
    expect(custom.roleName).toBe('Contoso Image Puller');
    const named = await all(authz.roleDefinitions.list(`/subscriptions/${SUB}`, { filter: "roleName eq 'AcrPush'" }));
    expect(named.map((r) => r.name)).toEqual(['8311e382-0749-4cb8-b61a-304f252e45ec']);
  });

  it('lists no deny assignments unless the world has them', async () => {
    const authz = new AuthorizationManagementClient(credential, SUB, clientOptions);
    expect(await all(authz.denyAssignments.listForScope(REGISTRY, { filter: 'atScope()' }))).toEqual([]);
  });

  it('reads a public IP and pages through private DNS virtual network links', async () => {
    const net = new ArmGetter(
      credential,
      emu.endpoints.resourceManager,
      `${emu.endpoints.resourceManager}/.default`,
      AbortSignal.timeout(30_000),
    );
    const ip = await net.get<PublicIPAddress>(
      `/subscriptions/${SUB}/resourceGroups/MC_rg-prod_prod-aks_eastus/providers/Microsoft.Network/publicIPAddresses/egress-1`,
    );
    expect(ip.ipAddress).toBe('20.1.2.3');
    const dns = new PrivateDnsManagementClient(credential, SUB, clientOptions);
    const links = await all(dns.virtualNetworkLinks.list('rg-net', 'privatelink.azurecr.io'));
    expect(links.map((l) => l.name)).toEqual(['link-prod', 'link-hub', 'link-dev']);
    const records = await all(dns.recordSets.listByType('rg-net', 'privatelink.azurecr.io', 'A'));
    expect(records.map((r) => r.aRecords?.[0].ipv4Address)).toEqual(['10.1.0.4', '10.1.0.5']);
  });

  it('lists subscriptions with SubscriptionClient', async () => {
    const subs = new SubscriptionClient(credential, clientOptions);
    const got = await all(subs.subscriptions.list());
    expect(got.map((s) => [s.subscriptionId, s.displayName, s.tenantId])).toEqual([
      [SUB, 'Contoso AKS', 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'],
      [SUB2, 'Contoso Shared', 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'],
    ]);
  });

  it('pages with nextLink (page size 2) and matches ids case-insensitively', async () => {
    const tokenResp = await credential.getToken(`${emu.endpoints.resourceManager}/.default`);
    const headers = { authorization: `Bearer ${tokenResp.token}` };
    const first = (await (
      await fetch(
        `${emu.endpoints.resourceManager}/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io/virtualNetworkLinks?api-version=2099-01-01`,
        { headers },
      )
    ).json()) as { value: unknown[]; nextLink?: string };
    expect(first.value).toHaveLength(2);
    expect(first.nextLink).toMatch(/\$skiptoken=2/);
    const lowered = await fetch(
      `${emu.endpoints.resourceManager}${CLUSTER.toLowerCase().replace('resourcegroups', 'resourcegroups')}?api-version=2026-04-01`,
      { headers },
    );
    expect(lowered.status).toBe(200);
    expect(((await lowered.json()) as { name: string }).name).toBe('prod-aks');
  });

  it('refuses a token obtained for another audience (ACR) with InvalidAuthenticationTokenAudience', async () => {
    const acrToken = await credential.getToken(emu.endpoints.acrScope);
    const res = await fetch(`${emu.endpoints.resourceManager}/subscriptions?api-version=2022-12-01`, {
      headers: { authorization: `Bearer ${acrToken.token}` },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationTokenAudience');
  });
});
