import { readFileSync } from 'node:fs';
import type { ManagedCluster } from '@azure/arm-containerservice';
import type { AccessToken } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { clusterFactsFrom } from '../../../../src/facts/azure/cluster.js';
import { getApplicationByAppId, getTransitiveGroups } from '../../../../src/facts/azure/graph.js';
import { registryFactsFrom } from '../../../../src/facts/azure/registries.js';
import type { FactContext } from '../../../../src/types/facts/context.js';

// Copies of shared/material files (provenance in test/rules/_material/identity/README.md).
const MATERIAL = 'test/rules/_material/identity';

function material<T>(rel: string): T {
  return JSON.parse(readFileSync(`${MATERIAL}/${rel}`, 'utf8')) as T;
}

/** The ARM JSON body flattened the way the modular SDK deserializes it (properties lifted to the top). */
function flatten<T>(body: Record<string, unknown>): T {
  const { properties, ...rest } = body as { properties?: Record<string, unknown> };
  return { ...rest, ...(properties ?? {}) } as T;
}

describe('cluster facts from a real ARM recording', () => {
  const body = material<{ body: Record<string, unknown> }>('azure-cli_aks_private_cluster_GET_2021-10-01.json').body;
  const id = body.id as string;
  const facts = clusterFactsFrom(flatten<ManagedCluster>(body), id);

  it('takes the kubelet identity from identityProfile.kubeletidentity and the resource group from a /resourcegroups/ id', () => {
    expect(facts.kubelet).toEqual({
      objectId: '00000000-0000-0000-0000-000000000001',
      clientId: '00000000-0000-0000-0000-000000000001',
      resourceId: expect.stringContaining('/userAssignedIdentities/cliakstest000001-agentpool'),
    });
    expect(facts.resourceGroup).toBe('clitest000001');
    expect(facts.name).toBe('cliakstest000001');
    expect(facts.tenantId).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(facts.controlPlane).toEqual([
      { principalId: '00000000-0000-0000-0000-000000000001', label: 'system-assigned control-plane identity' },
    ]);
    expect(facts.agentPools).toEqual([
      { name: 'nodepool1', osType: 'Linux', osSKU: 'Ubuntu', vmSize: 'Standard_DS2_v2' },
    ]);
  });

  it('treats servicePrincipalProfile.clientId "msi" as a managed-identity cluster', () => {
    const mc = flatten<ManagedCluster>({
      ...body,
      properties: { ...(body.properties as object), servicePrincipalProfile: { clientId: 'msi' } },
    });
    expect(clusterFactsFrom(mc, id).servicePrincipalClientId).toBeUndefined();
  });
});

describe('registry facts', () => {
  it('keeps roleAssignmentMode from the ABAC example and leaves it undefined (unknown) when a body has none', () => {
    const abac = material<{ responses: { 200: { body: Record<string, unknown> } } }>(
      '2025-03-01-preview_RegistryCreateAbac.json',
    ).responses[200].body;
    expect(registryFactsFrom(flatten(abac), 'tenant').roleAssignmentMode).toBe('AbacRepositoryPermissions');
    const legacy = material<{ responses: { 200: { body: Record<string, unknown> } } }>('2025-04-01_RegistryGet.json')
      .responses[200].body;
    const f = registryFactsFrom(flatten(legacy), 'tenant');
    expect(f.roleAssignmentMode).toBeUndefined();
    expect(f.loginServer).toBe(f.loginServer.toLowerCase());
    expect(f.resourceGroup).toBe('myResourceGroup');
  });
});

function ctxWith(
  fetchImpl: typeof fetch,
  graph = 'https://graph.example.test',
): { ctx: FactContext; scopes: string[] } {
  const scopes: string[] = [];
  const ctx: FactContext = {
    logger: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    maskSecret: () => undefined,
    now: new Date('2026-11-21T00:00:00Z'),
    signal: new AbortController().signal,
    fetch: fetchImpl,
    azure: {
      credential: {
        getToken: async (scope: string | string[]): Promise<AccessToken> => {
          scopes.push(String(scope));
          return { token: 'graph-token-SECRET', expiresOnTimestamp: Date.now() + 3600_000 };
        },
      },
      endpoints: {
        name: 'test',
        authorityHost: 'https://login.example.test',
        resourceManager: 'https://management.example.test',
        graph,
        acrSuffixes: ['.azurecr.io'],
        acrScope: 'https://containerregistry.azure.net/.default',
      },
    },
  };
  return { ctx, scopes };
}

describe('Microsoft Graph reads', () => {
  it('reads passwordCredentials of an application by appId with a token for <graph>/.default, dropping hints', async () => {
    const doc = material<{ 'entra-docs_app-manifest-reference': { passwordCredentials: unknown[] } }>(
      'passwordCredentials-populated.docs-examples.json',
    );
    const urls: string[] = [];
    const { ctx, scopes } = ctxWith(async (input) => {
      urls.push(String(input));
      return new Response(
        JSON.stringify({
          id: 'obj',
          appId: 'app-1',
          displayName: 'cluster-sp',
          passwordCredentials: doc['entra-docs_app-manifest-reference'].passwordCredentials,
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    });
    const r = await getApplicationByAppId(ctx, 'app-1');
    expect(scopes).toEqual(['https://graph.example.test/.default']);
    expect(urls[0]).toBe(
      "https://graph.example.test/v1.0/applications(appId='app-1')?$select=id,appId,displayName,passwordCredentials",
    );
    expect(r).toEqual({
      found: {
        id: 'obj',
        appId: 'app-1',
        displayName: 'cluster-sp',
        passwordCredentials: [
          {
            keyId: '<guid>',
            displayName: 'Generated by App Service',
            startDateTime: '2022-10-19T17:59:59.6521653Z',
            endDateTime: '2022-10-19T17:59:59.6521653Z',
          },
        ],
      },
    });
  });

  it('turns 403 into unverifiable naming Application.Read.All, without the token in the reason', async () => {
    const { ctx } = ctxWith(
      async () => new Response('{"error":{"code":"Authorization_RequestDenied"}}', { status: 403 }),
    );
    const r = await getApplicationByAppId(ctx, 'app-1');
    expect(r).toEqual({ reason: 'Microsoft Graph answered 403', permission: 'Application.Read.All' });
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('follows nextLink on the Graph endpoint only, never sending the token elsewhere', async () => {
    const seen: string[] = [];
    const { ctx } = ctxWith(async (input) => {
      seen.push(String(input));
      return new Response(
        JSON.stringify({
          value: [{ '@odata.type': '#microsoft.graph.group', id: 'g1' }],
          '@odata.nextLink': 'https://evil.example.test/v1.0/next',
        }),
        { status: 200 },
      );
    });
    const r = await getTransitiveGroups(ctx, 'oid-1');
    expect(r).toEqual({ reason: 'refusing to send a Graph token to https://evil.example.test' });
    expect(seen).toEqual(['https://graph.example.test/v1.0/directoryObjects/oid-1/transitiveMemberOf?$select=id']);
  });
});
