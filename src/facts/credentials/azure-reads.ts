// The Azure reads credential facts need, each returning data or "unverifiable: why" (never throwing):
// visible registries (ARM), the admin user's current passwords (listCredentials, compared in memory and dropped),
// scoped tokens and their scope maps (ARM), and Entra applications by appId with their passwordCredentials (Graph).
// Clients are made per call site from ctx.azure so the simulated world swaps endpoints, never code.

import type { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import type { AzureContext } from '../../types/facts/context.js';
import { parseTypedArmId } from '../../lib/arm-id.js';
import type { SecretMasker } from '../../types/index.js';
import type { GraphPasswordCredential } from '../../lib/credential-classify.js';
import type { Unverifiable } from '../../types/facts/credentials.js';
import type { CredentialRegistry, RegistryTokenInfo } from '../../types/facts/audit.js';

export type AzureRead<T> = { ok: true; value: T } | ({ ok: false; status?: number } & Unverifiable);

// The registry and token shapes live in types/facts/audit.ts (the audit's checks read them too).
export type { CredentialRegistry, RegistryTokenInfo };

export interface GraphApplication {
  id?: string;
  appId: string;
  displayName?: string;
  passwordCredentials: GraphPasswordCredential[];
}

const ACTIONS = {
  listRegistries: 'Microsoft.ContainerRegistry/registries/read',
  listCredentials: 'Microsoft.ContainerRegistry/registries/listCredentials/action',
  tokens: 'Microsoft.ContainerRegistry/registries/tokens/read',
  scopeMaps: 'Microsoft.ContainerRegistry/registries/scopeMaps/read',
} as const;

export const GRAPH_PERMISSION = 'Application.Read.All (Microsoft Graph application permission)';

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'statusCode' in err) {
    const s = (err as { statusCode: unknown }).statusCode;
    if (typeof s === 'number') return s;
  }
  return undefined;
}

function armFailure<T>(err: unknown, what: string, action: string): AzureRead<T> {
  const status = statusOf(err);
  if (status === 401 || status === 403) {
    return {
      ok: false,
      status,
      reason: `ARM denied ${what} (${status})`,
      permission: `${action} (e.g. the Reader role; listCredentials needs Contributor)`,
    };
  }
  const name = err instanceof Error ? err.name : 'error';
  return { ok: false, status, reason: `${what} failed (${status ?? name})` };
}

export function parseRegistryId(
  id: string,
): { subscriptionId: string; resourceGroup: string; name: string } | undefined {
  const p = parseTypedArmId(id, 'Microsoft.ContainerRegistry', ['registries']);
  return p ? { subscriptionId: p.subscriptionId, resourceGroup: p.resourceGroup, name: p.names[0] } : undefined;
}

async function armClient(azure: AzureContext, subscriptionId: string): Promise<ContainerRegistryManagementClient> {
  const { ContainerRegistryManagementClient } = await import('@azure/arm-containerregistry');
  const endpoint = azure.endpoints.resourceManager.replace(/\/+$/, '');
  return new ContainerRegistryManagementClient(azure.credential, subscriptionId, {
    endpoint,
    credentials: { scopes: [`${endpoint}/.default`] },
  });
}

function iso(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  return typeof d === 'string' ? d : d.toISOString();
}

/** Every registry in a subscription the gate can see. */
export async function listRegistries(
  azure: AzureContext,
  subscriptionId: string,
): Promise<AzureRead<CredentialRegistry[]>> {
  try {
    const out: CredentialRegistry[] = [];
    for await (const r of (await armClient(azure, subscriptionId)).registries.list()) {
      if (!r.id || !r.name || !r.loginServer) continue;
      const reg: CredentialRegistry = { id: r.id, name: r.name, loginServer: r.loginServer.toLowerCase() };
      if (r.adminUserEnabled !== undefined) reg.adminUserEnabled = r.adminUserEnabled;
      out.push(reg);
    }
    return { ok: true, value: out };
  } catch (err) {
    return armFailure(err, `listing registries in subscription ${subscriptionId}`, ACTIONS.listRegistries);
  }
}

/** One registry by resource id. */
export async function getRegistry(azure: AzureContext, id: string): Promise<AzureRead<CredentialRegistry>> {
  const p = parseRegistryId(id);
  if (!p) return { ok: false, reason: `${id} is not a registry resource id` };
  try {
    const r = await (await armClient(azure, p.subscriptionId)).registries.get(p.resourceGroup, p.name);
    const reg: CredentialRegistry = {
      id: r.id ?? id,
      name: r.name ?? p.name,
      loginServer: (r.loginServer ?? '').toLowerCase(),
    };
    if (r.adminUserEnabled !== undefined) reg.adminUserEnabled = r.adminUserEnabled;
    return { ok: true, value: reg };
  } catch (err) {
    return armFailure(err, `reading registry ${p.name}`, ACTIONS.listRegistries);
  }
}

/**
 * Whether `password` is one of the registry's current admin passwords. The listed passwords are masked, compared and
 * dropped here; only the boolean leaves.
 */
export async function adminPasswordIsCurrent(
  azure: AzureContext,
  registry: CredentialRegistry,
  password: string,
  mask: SecretMasker,
): Promise<AzureRead<boolean>> {
  const p = parseRegistryId(registry.id);
  if (!p) return { ok: false, reason: `${registry.id} is not a registry resource id` };
  try {
    const creds = await (await armClient(azure, p.subscriptionId)).registries.listCredentials(p.resourceGroup, p.name);
    const values = (creds.passwords ?? []).map((x) => x.value ?? '').filter((v) => v !== '');
    for (const v of values) mask(v);
    return { ok: true, value: values.includes(password) };
  } catch (err) {
    return armFailure(err, `listing the admin credentials of ${registry.name}`, ACTIONS.listCredentials);
  }
}

export async function listTokens(
  azure: AzureContext,
  registry: CredentialRegistry,
): Promise<AzureRead<RegistryTokenInfo[]>> {
  const p = parseRegistryId(registry.id);
  if (!p) return { ok: false, reason: `${registry.id} is not a registry resource id` };
  try {
    const out: RegistryTokenInfo[] = [];
    for await (const t of (await armClient(azure, p.subscriptionId)).tokens.list(p.resourceGroup, p.name)) {
      if (!t.name) continue;
      const info: RegistryTokenInfo = {
        id: t.id ?? `${registry.id}/tokens/${t.name}`,
        name: t.name,
        status: t.status ?? 'enabled',
        passwords: (t.credentials?.passwords ?? []).map((pw) => {
          const x: RegistryTokenInfo['passwords'][number] = { name: pw.name ?? 'password' };
          const c = iso(pw.creationTime);
          const e = iso(pw.expiry);
          if (c) x.creationTime = c;
          if (e) x.expiry = e;
          return x;
        }),
      };
      if (t.scopeMapId) info.scopeMapId = t.scopeMapId;
      out.push(info);
    }
    return { ok: true, value: out };
  } catch (err) {
    return armFailure(err, `listing the scoped tokens of ${registry.name}`, ACTIONS.tokens);
  }
}

export async function getScopeMapActions(azure: AzureContext, scopeMapId: string): Promise<AzureRead<string[]>> {
  const p = parseTypedArmId(scopeMapId, 'Microsoft.ContainerRegistry', ['registries', 'scopeMaps']);
  if (!p) return { ok: false, reason: `${scopeMapId} is not a scope map id` };
  const [registryName, scopeMapName] = p.names;
  try {
    const sm = await (
      await armClient(azure, p.subscriptionId)
    ).scopeMaps.get(p.resourceGroup, registryName, scopeMapName);
    return { ok: true, value: sm.actions ?? [] };
  } catch (err) {
    return armFailure(err, `reading scope map ${scopeMapName}`, ACTIONS.scopeMaps);
  }
}

/** GET <graph>/v1.0/applications(appId='...'): 404 -> value undefined (no such app in the tenant). */
export async function getApplication(
  azure: AzureContext,
  fetchFn: typeof globalThis.fetch,
  appId: string,
  signal?: AbortSignal,
): Promise<AzureRead<GraphApplication | undefined>> {
  const graph = azure.endpoints.graph.replace(/\/+$/, '');
  let token: string;
  try {
    const t = await azure.credential.getToken(`${graph}/.default`, signal ? { abortSignal: signal } : {});
    if (!t) return { ok: false, reason: 'no token for Microsoft Graph', permission: GRAPH_PERMISSION };
    token = t.token;
  } catch {
    return { ok: false, reason: 'could not get a token for Microsoft Graph', permission: GRAPH_PERMISSION };
  }
  const url = `${graph}/v1.0/applications(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName,passwordCredentials`;
  let res: Response;
  try {
    res = await fetchFn(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: signal ?? null,
    });
  } catch (err) {
    return { ok: false, reason: `Microsoft Graph could not be reached (${err instanceof Error ? err.name : 'error'})` };
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return { ok: true, value: undefined };
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    return {
      ok: false,
      status: res.status,
      reason: `Microsoft Graph denied reading application ${appId} (${res.status})`,
      permission: GRAPH_PERMISSION,
    };
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    return { ok: false, status: res.status, reason: `Microsoft Graph answered ${res.status} for application ${appId}` };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, reason: `Microsoft Graph returned a body that is not JSON for application ${appId}` };
  }
  const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const app: GraphApplication = {
    appId: typeof o.appId === 'string' ? o.appId : appId,
    passwordCredentials: Array.isArray(o.passwordCredentials)
      ? (o.passwordCredentials as GraphPasswordCredential[])
      : [],
  };
  if (typeof o.id === 'string') app.id = o.id;
  if (typeof o.displayName === 'string') app.displayName = o.displayName;
  return { ok: true, value: app };
}
