// Fault injection per world (issue 10): each mode must look on the wire like the failure it stands for, be limited
// to what the fault matches (host, path, kind, count), and never keep the emulator from closing.

import { readFileSync } from 'node:fs';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { ClientSecretCredential } from '@azure/identity';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';

const worldText = readFileSync('test/fixtures/worlds/contoso.yaml', 'utf8');
const SUB = '11111111-1111-1111-1111-111111111111';
let emu: Emulator | undefined;

afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function withFaults(faults: string, latencyMs?: number): Promise<Emulator> {
  emu = await startEmulator(
    parseWorld(`${worldText}\nfaults:\n${faults}\n`, 'faults.yaml'),
    latencyMs === undefined ? {} : { latencyMs },
  );
  return emu;
}

async function armToken(e: Emulator): Promise<string> {
  const cred = new ClientSecretCredential(e.gate.tenantId, e.gate.clientId, e.gate.clientSecret, {
    authorityHost: e.endpoints.authorityHost,
    disableInstanceDiscovery: true,
  });
  return (await cred.getToken(`${e.endpoints.resourceManager}/.default`)).token;
}

const CLUSTER_PATH = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks?api-version=2026-04-01`;

describe('fault injection', () => {
  it('answers 429 with Retry-After for exactly `count` matching ARM requests, then serves normally', async () => {
    const e = await withFaults('  - {kind: arm, path: "managedClusters", status: 429, retryAfter: 3, count: 1}');
    const auth = { authorization: `Bearer ${await armToken(e)}` };
    const first = await fetch(`${e.endpoints.resourceManager}${CLUSTER_PATH}`, { headers: auth });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect((await fetch(`${e.endpoints.resourceManager}${CLUSTER_PATH}`, { headers: auth })).status).toBe(200);
  });

  it('fails one resource type only: a 403 on publicIPAddresses leaves the cluster readable through the SDK', async () => {
    const e = await withFaults('  - {path: "publicIPAddresses", status: 403}');
    const auth = { authorization: `Bearer ${await armToken(e)}` };
    const ip = await fetch(
      `${e.endpoints.resourceManager}/subscriptions/${SUB}/resourceGroups/MC_rg-prod_prod-aks_eastus/providers/Microsoft.Network/publicIPAddresses/egress-1`,
      { headers: auth },
    );
    expect(ip.status).toBe(403);
    expect(((await ip.json()) as { error: { code: string } }).error.code).toBe('AuthorizationFailed');
    const cred = new ClientSecretCredential(e.gate.tenantId, e.gate.clientId, e.gate.clientSecret, {
      authorityHost: e.endpoints.authorityHost,
      disableInstanceDiscovery: true,
    });
    const aks = new ContainerServiceClient(cred, SUB, {
      endpoint: e.endpoints.resourceManager,
      credentials: { scopes: [`${e.endpoints.resourceManager}/.default`] },
    });
    expect((await aks.managedClusters.get('rg-prod', 'prod-aks')).name).toBe('prod-aks');
  });

  it('resets the connection on a registry host, leaving other hosts alone', async () => {
    const e = await withFaults('  - {host: prodacr.azurecr.io, mode: reset}');
    await expect(e.fetch('https://prodacr.azurecr.io/v2/')).rejects.toThrow();
    expect((await e.fetch('https://abacacr.azurecr.io/v2/')).status).toBe(401);
  });

  it('hangs until the client gives up, and close() still returns promptly', async () => {
    const e = await withFaults('  - {kind: registry, mode: hang}');
    const started = Date.now();
    await expect(e.fetch('https://prodacr.azurecr.io/v2/', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    const closing = Date.now();
    await e.close();
    expect(Date.now() - closing).toBeLessThan(5000);
  });

  it('trickles a slow reply: headers arrive, the body does not within a deadline', async () => {
    const e = await withFaults('  - {kind: registry, mode: slow}');
    const res = await e.fetch('https://prodacr.azurecr.io/v2/');
    expect(res.status).toBe(401);
    const deadline = AbortSignal.timeout(400);
    await expect(
      Promise.race([
        res.text(),
        new Promise((_, reject) => deadline.addEventListener('abort', () => reject(new Error('deadline')))),
      ]),
    ).rejects.toThrow('deadline');
  });

  it('truncates JSON so that it no longer parses, and swaps the content type for an HTML page', async () => {
    const e = await withFaults(
      '  - {kind: entra, path: "openid-configuration", mode: truncate}\n  - {kind: arm, path: "^/subscriptions\\\\?", mode: wrong-content-type}',
    );
    const oidc = await fetch(`${e.endpoints.authorityHost}/${e.gate.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(oidc.status).toBe(200);
    await expect(oidc.json()).rejects.toThrow(SyntaxError);
    const subs = await fetch(`${e.endpoints.resourceManager}/subscriptions?api-version=2022-12-01`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(subs.headers.get('content-type')).toContain('text/html');
  });

  it('delays every reply by latencyMs', async () => {
    const e = await withFaults('  - {kind: none-such, status: 500}', 120);
    const started = Date.now();
    await fetch(`${e.endpoints.authorityHost}/${e.gate.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers a Kubernetes 403 fault as RBAC does, naming verb, resource and namespace', async () => {
    const e = await withFaults('  - {path: "^/api/v1/namespaces/prod/secrets/acr-pull", status: 403}');
    const kc = JSON.parse(readFileSync(e.kubeconfigPath, 'utf8')) as { users: { user: { token: string } }[] };
    const res = await fetch(`${e.endpoints.resourceManager}/api/v1/namespaces/prod/secrets/acr-pull`, {
      headers: { authorization: `Bearer ${kc.users[0].user.token}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
      message:
        'secrets "acr-pull" is forbidden: User "aks-pull-gate" cannot get resource "secrets" in API group "" in the namespace "prod"',
    });
  });
});
