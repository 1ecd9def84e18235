// Microsoft Graph reads (I/O, fetch + a token for `<graph>/.default`): an application by appId (its
// passwordCredentials: expiry of service-principal secrets), a service principal by appId (its object id, the principal
// role assignments name), and a principal's transitive group memberships. 401/403 become Unverifiable naming the Graph
// permission. Shared with the pull-secret checks. Tokens never leave this module or reach a log line.

import type { PasswordCredentialFact } from '../../types/facts/identity.js';
import type { Unverifiable } from '../../types/facts/unverifiable.js';
import type { FactContext } from '../../types/facts/context.js';
import { describeError, noSignIn } from './cluster.js';

export const GRAPH_APP_PERMISSION = 'Application.Read.All';
/** transitiveMemberOf needs directory read rights beyond Application.Read.All. */
export const GRAPH_MEMBERSHIP_PERMISSION = 'GroupMember.Read.All (or Directory.Read.All)';

export interface GraphApplication {
  id: string;
  appId: string;
  displayName?: string;
  passwordCredentials: PasswordCredentialFact[];
}

export interface GraphServicePrincipal {
  id: string;
  appId: string;
  displayName?: string;
  appOwnerOrganizationId?: string;
}

export type GraphResult<T> = { found: T } | { notFound: string } | Unverifiable;

type Json = Record<string, unknown>;

function base(ctx: FactContext): string {
  return ctx.azure!.endpoints.graph.replace(/\/+$/, '');
}

/** GET a Graph URL (must be on the Graph endpoint: the token is only ever sent there). */
async function graphGet(
  ctx: FactContext,
  url: string,
  permission: string,
): Promise<{ status: number; body?: Json } | Unverifiable> {
  if (!ctx.azure) return noSignIn('Microsoft Graph');
  const graph = new URL(base(ctx));
  const target = new URL(url);
  if (target.origin !== graph.origin) return { reason: `refusing to send a Graph token to ${target.origin}` };
  let token: string;
  try {
    const t = await ctx.azure.credential.getToken(`${base(ctx)}/.default`, { abortSignal: ctx.signal });
    if (!t) return { reason: 'no token for Microsoft Graph', permission };
    token = t.token;
  } catch (err) {
    return { reason: `no token for Microsoft Graph: ${describeError(err)}`, permission };
  }
  let res: Response;
  try {
    res = await ctx.fetch(target, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: ctx.signal,
    });
  } catch (err) {
    return { reason: `Microsoft Graph unreachable: ${describeError(err)}` };
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    return { reason: `Microsoft Graph answered ${res.status}`, permission };
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return { status: 404 };
  }
  if (!res.ok) {
    await res.body?.cancel();
    return { reason: `Microsoft Graph answered ${res.status}` };
  }
  try {
    return { status: res.status, body: (await res.json()) as Json };
  } catch {
    return { reason: 'Microsoft Graph returned a body that is not JSON' };
  }
}

function isU(x: unknown): x is Unverifiable {
  return typeof x === 'object' && x !== null && 'reason' in x;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function passwordCredentials(v: unknown): PasswordCredentialFact[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((p): p is Json => typeof p === 'object' && p !== null)
    .map((p) => {
      // secretText and hint stay behind: neither is needed for expiry.
      const out: PasswordCredentialFact = {};
      if (str(p.keyId)) out.keyId = str(p.keyId);
      if (str(p.displayName)) out.displayName = str(p.displayName);
      if (str(p.startDateTime)) out.startDateTime = str(p.startDateTime);
      if (p.endDateTime === null) out.endDateTime = null;
      else if (str(p.endDateTime)) out.endDateTime = str(p.endDateTime);
      return out;
    });
}

/** GET /v1.0/applications(appId='...')?$select=id,appId,displayName,passwordCredentials */
export async function getApplicationByAppId(ctx: FactContext, appId: string): Promise<GraphResult<GraphApplication>> {
  if (!ctx.azure) return noSignIn('Microsoft Graph');
  const url = `${base(ctx)}/v1.0/applications(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName,passwordCredentials`;
  const r = await graphGet(ctx, url, GRAPH_APP_PERMISSION);
  if (isU(r)) return r;
  if (r.status === 404 || !r.body) return { notFound: `no application with appId ${appId} in the gate's tenant` };
  const app: GraphApplication = {
    id: str(r.body.id) ?? '',
    appId: str(r.body.appId) ?? appId,
    passwordCredentials: passwordCredentials(r.body.passwordCredentials),
  };
  if (str(r.body.displayName)) app.displayName = str(r.body.displayName);
  return { found: app };
}

/** GET /v1.0/servicePrincipals(appId='...')?$select=id,appId,displayName,appOwnerOrganizationId */
export async function getServicePrincipalByAppId(
  ctx: FactContext,
  appId: string,
): Promise<GraphResult<GraphServicePrincipal>> {
  if (!ctx.azure) return noSignIn('Microsoft Graph');
  const url = `${base(ctx)}/v1.0/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName,appOwnerOrganizationId`;
  const r = await graphGet(ctx, url, GRAPH_APP_PERMISSION);
  if (isU(r)) return r;
  if (r.status === 404 || !r.body) return { notFound: `no service principal with appId ${appId} in the gate's tenant` };
  const sp: GraphServicePrincipal = { id: str(r.body.id) ?? '', appId: str(r.body.appId) ?? appId };
  if (str(r.body.displayName)) sp.displayName = str(r.body.displayName);
  if (str(r.body.appOwnerOrganizationId)) sp.appOwnerOrganizationId = str(r.body.appOwnerOrganizationId);
  return { found: sp };
}

/**
 * Object ids of every group `objectId` belongs to, directly or through nested groups
 * (GET /v1.0/directoryObjects/{id}/transitiveMemberOf, following @odata.nextLink on the Graph endpoint only).
 */
export async function getTransitiveGroups(ctx: FactContext, objectId: string): Promise<string[] | Unverifiable> {
  if (!ctx.azure) return noSignIn('Microsoft Graph');
  const ids: string[] = [];
  let url: string | undefined =
    `${base(ctx)}/v1.0/directoryObjects/${encodeURIComponent(objectId)}/transitiveMemberOf?$select=id`;
  for (let page = 0; url && page < 50; page++) {
    const r = await graphGet(ctx, url, GRAPH_MEMBERSHIP_PERMISSION);
    if (isU(r)) return r;
    if (r.status === 404 || !r.body) return { reason: `principal ${objectId} not found in Microsoft Graph` };
    const value = Array.isArray(r.body.value) ? (r.body.value as Json[]) : [];
    for (const o of value) {
      const type = str(o['@odata.type']);
      if (str(o.id) && (!type || type === '#microsoft.graph.group')) ids.push(str(o.id)!);
    }
    url = str(r.body['@odata.nextLink']);
  }
  return [...new Set(ids)];
}
