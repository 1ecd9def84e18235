// Graph, Kubernetes, Entra errors, the gate's denied actions and injected faults, as clients see them.

import { ContainerServiceClient } from '@azure/arm-containerservice';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ClientSecretCredential } from '@azure/identity';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, parseWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const REGISTRY = `/subscriptions/${SUB}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr`;
const worldText = readFileSync('test/fixtures/worlds/contoso.yaml', 'utf8');

function credentialFor(emu: Emulator, secret = emu.gate.clientSecret): ClientSecretCredential {
  return new ClientSecretCredential(emu.gate.tenantId, emu.gate.clientId, secret, {
    authorityHost: emu.endpoints.authorityHost,
    disableInstanceDiscovery: true,
  });
}

async function graphGet(emu: Emulator, path: string): Promise<Response> {
  const t = await credentialFor(emu).getToken(`${emu.endpoints.graph}/.default`);
  return fetch(`${emu.endpoints.graph}${path}`, { headers: { authorization: `Bearer ${t.token}` } });
}

describe('Graph, Kubernetes and Entra', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator(await loadWorld('test/fixtures/worlds/contoso.yaml'));
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("serves applications by (appId='...'), by $filter and by object id, with passwordCredentials", async () => {
    const byAppId = (await (
      await graphGet(
        emu,
        "/v1.0/applications(appId='a2a2a2a2-0000-0000-0000-000000000001')?$select=id,appId,passwordCredentials",
      )
    ).json()) as {
      id: string;
      passwordCredentials: { hint: string; endDateTime: string }[];
      displayName?: string;
    };
    expect(byAppId.id).toBe('a1a1a1a1-0000-0000-0000-000000000001');
    expect(byAppId.passwordCredentials.map((p) => p.hint)).toEqual(['cur', 'old']);
    expect(byAppId.displayName).toBeUndefined();
    const filtered = (await (
      await graphGet(emu, "/v1.0/applications?$filter=appId eq 'a2a2a2a2-0000-0000-0000-000000000001'")
    ).json()) as { value: unknown[] };
    expect(filtered.value).toHaveLength(1);
    expect((await graphGet(emu, '/v1.0/applications/a1a1a1a1-0000-0000-0000-000000000001')).status).toBe(200);
  });

  it('answers Request_ResourceNotFound for an unknown application', async () => {
    const res = await graphGet(emu, "/v1.0/applications(appId='deadbeef-0000-0000-0000-000000000000')");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
  });

  it('lists transitiveMemberOf for a service principal from graph.groupMembers (nested groups)', async () => {
    const res = (await (
      await graphGet(emu, '/v1.0/servicePrincipals/a3a3a3a3-0000-0000-0000-000000000001/transitiveMemberOf')
    ).json()) as { value: { id: string }[] };
    expect(res.value.map((g) => g.id).sort()).toEqual([
      '9e9e9e9e-0000-0000-0000-00000000000a',
      '9e9e9e9e-0000-0000-0000-00000000000b',
    ]);
    const sp = (await (
      await graphGet(emu, "/v1.0/servicePrincipals(appId='a2a2a2a2-0000-0000-0000-000000000001')")
    ).json()) as { id: string };
    expect(sp.id).toBe('a3a3a3a3-0000-0000-0000-000000000001');
  });

  it('pages Graph collections with an absolute @odata.nextLink', async () => {
    const first = (await (
      await graphGet(
        emu,
        '/v1.0/servicePrincipals/a3a3a3a3-0000-0000-0000-000000000001/transitiveMemberOf?$select=id&$top=1',
      )
    ).json()) as {
      value: { id: string }[];
      '@odata.nextLink'?: string;
    };
    expect(first.value).toHaveLength(1);
    const next = new URL(first['@odata.nextLink'] ?? '');
    const second = (await (await graphGet(emu, `${next.pathname}${next.search}`)).json()) as {
      value: { id: string }[];
      '@odata.nextLink'?: string;
    };
    expect(second.value).toHaveLength(1);
    expect(second['@odata.nextLink']).toBeUndefined();
    expect([first.value[0].id, second.value[0].id].sort()).toEqual([
      '9e9e9e9e-0000-0000-0000-00000000000a',
      '9e9e9e9e-0000-0000-0000-00000000000b',
    ]);
  });

  it('rejects a wrong client secret with AADSTS7000215 and never echoes the secret', async () => {
    await expect(
      credentialFor(emu, 'wrong-CANARY').getToken(`${emu.endpoints.resourceManager}/.default`),
    ).rejects.toThrow(/AADSTS7000215/);
    const res = await fetch(`${emu.endpoints.authorityHost}/${emu.gate.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emu.gate.clientId,
        client_secret: 'wrong-CANARY',
        scope: 'x/.default',
      }).toString(),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('CANARY');
  });

  it('accepts a client assertion (workload identity / GitHub OIDC federation) for a known client id', async () => {
    const assertion = `e30.${Buffer.from(JSON.stringify({ sub: emu.gate.clientId, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.sig`;
    const res = await fetch(`${emu.endpoints.authorityHost}/${emu.gate.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emu.gate.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: `${emu.endpoints.resourceManager}/.default`,
      }).toString(),
    });
    expect(res.status).toBe(200);
  });

  it('serves Secrets and ServiceAccounts to @kubernetes/client-node through the kubeconfig, with 404 Status bodies', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(emu.kubeconfigPath);
    const core = kc.makeApiClient(CoreV1Api);
    const secret = await core.readNamespacedSecret({ name: 'acr-pull', namespace: 'prod' });
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    const sa = await core.readNamespacedServiceAccount({ name: 'orders', namespace: 'prod' });
    expect(sa.imagePullSecrets).toEqual([{ name: 'acr-pull' }]);
    expect((await core.listNamespacedSecret({ namespace: 'prod' })).items).toHaveLength(1);
    expect((await core.listSecretForAllNamespaces()).items).toHaveLength(2);
    expect((await core.listNamespace()).items.map((n) => n.metadata?.name)).toContain('staging');
    await expect(core.readNamespacedSecret({ name: 'missing', namespace: 'prod' })).rejects.toMatchObject({
      code: 404,
    });
  });
});

describe('the gate identity and its denied actions', () => {
  it('answers 403 AuthorizationFailed with the real message shape for a denied action, and Graph 403 when graph is false', async () => {
    const world = parseWorld(
      `${worldText}\ngate:\n  deniedActions: [Microsoft.Authorization/roleAssignments/read, Microsoft.ContainerService/managedClusters/read]\n  graph: false\n`,
      'denied.yaml',
    );
    const emu = await startEmulator(world);
    try {
      const cred = credentialFor(emu);
      const opts = {
        endpoint: emu.endpoints.resourceManager,
        credentialScopes: [`${emu.endpoints.resourceManager}/.default`],
        credentials: { scopes: [`${emu.endpoints.resourceManager}/.default`] },
      };
      const authz = new AuthorizationManagementClient(cred, SUB, opts);
      const it = authz.roleAssignments.listForScope(REGISTRY, { filter: 'atScope()' });
      await expect(it.next()).rejects.toMatchObject({
        statusCode: 403,
        code: 'AuthorizationFailed',
        message: expect.stringContaining(
          `does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read' over scope '${REGISTRY}'`,
        ),
      });
      const aks = new ContainerServiceClient(cred, SUB, opts);
      await expect(aks.managedClusters.get('rg-prod', 'prod-aks')).rejects.toMatchObject({ statusCode: 403 });
      // Agent pools are a different action: still readable.
      expect((await aks.agentPools.get('rg-prod', 'prod-aks', 'system')).vmSize).toBe('Standard_D4s_v5');
      const g = await graphGet(emu, "/v1.0/applications(appId='a2a2a2a2-0000-0000-0000-000000000001')");
      expect(g.status).toBe(403);
      expect(((await g.json()) as { error: { code: string } }).error.code).toBe('Authorization_RequestDenied');
    } finally {
      await emu.close();
    }
  });

  it('refuses the gate registry pulls when deniedActions names registries/pull/read', async () => {
    const emu = await startEmulator(
      parseWorld(`${worldText}\ngate:\n  deniedActions: [Microsoft.ContainerRegistry/registries/pull/read]\n`),
    );
    try {
      const res = await emu.fetch(
        `https://prodacr.azurecr.io/oauth2/token?service=prodacr.azurecr.io&scope=repository:orders-api:pull`,
        {
          headers: {
            authorization: `Basic ${Buffer.from(`${emu.gate.clientId}:${emu.gate.clientSecret}`).toString('base64')}`,
          },
        },
      );
      const token = ((await res.json()) as { access_token: string }).access_token;
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
        access: { actions: string[] }[];
      };
      expect(claims.access[0].actions).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});

describe('lifecycle', () => {
  it('removes the kubeconfig and stops serving on close', async () => {
    const emu = await startEmulator(parseWorld(worldText));
    const origin = emu.endpoints.resourceManager;
    expect(existsSync(emu.kubeconfigPath)).toBe(true);
    await emu.close();
    expect(existsSync(emu.kubeconfigPath)).toBe(false);
    await expect(fetch(`${origin}/subscriptions`)).rejects.toThrow();
  });

  it('runs two emulators at once: each CA is trusted, and closing one leaves the other reachable', async () => {
    const a = await startEmulator(parseWorld(worldText));
    const b = await startEmulator(parseWorld(worldText));
    try {
      expect(
        (await fetch(`${a.endpoints.authorityHost}/${a.gate.tenantId}/v2.0/.well-known/openid-configuration`)).status,
      ).toBe(200);
      await a.close();
      expect(
        (await fetch(`${b.endpoints.authorityHost}/${b.gate.tenantId}/v2.0/.well-known/openid-configuration`)).status,
      ).toBe(200);
      expect((await b.fetch('https://prodacr.azurecr.io/v2/')).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
