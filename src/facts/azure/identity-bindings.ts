// Identity bindings (service-account image pull): a pod whose ServiceAccount carries
// `kubernetes.azure.com/acr-client-id` pulls with that user-assigned identity (cloud-provider-azure identity bindings;
// AgentBaker's credential-provider config names the annotation). This finds each such identity by its client id:
// `Microsoft.ManagedIdentity/userAssignedIdentities` in every visible subscription (`properties.clientId`,
// `properties.principalId`), read with a raw ARM GET through an SDK client's pipeline (no SDK for it is installed).
// Never throws: an identity the gate cannot find or read is Unverifiable.

import type { BoundIdentity } from '../../types/facts/identity.js';
import type { Unverifiable } from '../../types/facts/unverifiable.js';
import type { FactContext } from '../../types/facts/context.js';
import { armClientOptions, noSignIn } from './cluster.js';

export const ACR_CLIENT_ID_ANNOTATION = 'kubernetes.azure.com/acr-client-id';
const API_VERSION = '2023-01-31';
const MAX_PAGES = 50;

interface IdentityBody {
  id?: string;
  properties?: { clientId?: string; principalId?: string; tenantId?: string };
}

/** Every user-assigned identity of one subscription, or why they could not be listed. */
async function listIdentities(ctx: FactContext, subscriptionId: string): Promise<IdentityBody[] | Unverifiable> {
  const azure = ctx.azure!;
  const [{ ContainerRegistryManagementClient }, { createDefaultHttpClient, createPipelineRequest }] = await Promise.all(
    [import('@azure/arm-containerregistry'), import('@azure/core-rest-pipeline')],
  );
  const pipeline = new ContainerRegistryManagementClient(azure.credential, subscriptionId, armClientOptions(ctx))
    .pipeline;
  const http = createDefaultHttpClient();
  const base = azure.endpoints.resourceManager.replace(/\/+$/, '');
  let url: string | undefined =
    `${base}/subscriptions/${subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version=${API_VERSION}`;
  const out: IdentityBody[] = [];
  for (let page = 0; url && page < MAX_PAGES; page++) {
    let status: number;
    let text: string | undefined;
    try {
      const res = await pipeline.sendRequest(http, createPipelineRequest({ url, abortSignal: ctx.signal }));
      status = res.status;
      text = res.bodyAsText ?? undefined;
    } catch (err) {
      return { reason: `cannot list user-assigned identities in ${subscriptionId}: ${String(err).split('\n')[0]}` };
    }
    if (status !== 200) {
      const u: Unverifiable = { reason: `cannot list user-assigned identities in ${subscriptionId}: HTTP ${status}` };
      if (status === 401 || status === 403) u.permission = 'Microsoft.ManagedIdentity/userAssignedIdentities/read';
      return u;
    }
    let body: { value?: IdentityBody[]; nextLink?: string };
    try {
      body = JSON.parse(text ?? '{}') as typeof body;
    } catch {
      return { reason: `the user-assigned identity list of ${subscriptionId} is not JSON` };
    }
    out.push(...(Array.isArray(body.value) ? body.value : []));
    // Only follow links on the ARM endpoint the token belongs to.
    url = body.nextLink && body.nextLink.startsWith(`${base}/`) ? body.nextLink : undefined;
  }
  return out;
}

/** The identity behind each client id (lower-case keys), searched in every given subscription. */
export async function findBoundIdentities(
  ctx: FactContext,
  clientIds: string[],
  subscriptionIds: string[],
): Promise<Record<string, BoundIdentity | Unverifiable>> {
  const out: Record<string, BoundIdentity | Unverifiable> = {};
  const wanted = [...new Set(clientIds.map((c) => c.trim().toLowerCase()))].filter(Boolean);
  if (wanted.length === 0) return out;
  if (!ctx.azure) {
    for (const c of wanted) out[c] = noSignIn(`the identity with client id ${c}`);
    return out;
  }
  const lists = await Promise.all(subscriptionIds.map((s) => listIdentities(ctx, s)));
  const problems = lists.filter((l): l is Unverifiable => !Array.isArray(l));
  const all = lists.filter((l): l is IdentityBody[] => Array.isArray(l)).flat();
  for (const c of wanted) {
    const hit = all.find((i) => (i.properties?.clientId ?? '').toLowerCase() === c && i.properties?.principalId);
    if (hit) {
      out[c] = { clientId: c, principalId: hit.properties!.principalId!, resourceId: hit.id ?? '' };
      continue;
    }
    out[c] = problems[0]
      ? { ...problems[0], reason: `no visible user-assigned identity has client id ${c} (${problems[0].reason})` }
      : { reason: `no user-assigned identity the gate can see has client id ${c}` };
  }
  return out;
}
