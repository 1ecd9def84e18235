// Identity bindings (service-account image pull): a pod whose ServiceAccount carries
// `kubernetes.azure.com/acr-client-id` pulls with that user-assigned identity (cloud-provider-azure identity bindings;
// AgentBaker's credential-provider config names the annotation). This finds each such identity by its client id:
// `Microsoft.ManagedIdentity/userAssignedIdentities` in every visible subscription (`properties.clientId`,
// `properties.principalId`), read with plain ARM GETs (arm-get.ts: no SDK for it is installed).
// Never throws: an identity the gate cannot find or read is Unverifiable.

import type { BoundIdentity } from '../../types/facts/identity.js';
import type { Unverifiable } from '../../types/facts/unverifiable.js';
import type { FactContext } from '../../types/facts/context.js';
import { ArmGetter } from './arm-get.js';
import { armScope } from './clouds.js';
import { noSignIn, unverifiableFrom } from './cluster.js';

export const ACR_CLIENT_ID_ANNOTATION = 'kubernetes.azure.com/acr-client-id';
const API_VERSION = '2023-01-31';

/** A user-assigned identity as ArmGetter hands it over: `properties` flattened into the resource. */
interface IdentityBody {
  id?: string;
  clientId?: string;
  principalId?: string;
  tenantId?: string;
}

/** Every user-assigned identity of one subscription, or why they could not be listed. */
async function listIdentities(arm: ArmGetter, subscriptionId: string): Promise<IdentityBody[] | Unverifiable> {
  try {
    return await arm.list<IdentityBody>(
      `/subscriptions/${subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`,
      API_VERSION,
    );
  } catch (err) {
    return unverifiableFrom(
      err,
      `the user-assigned identities of subscription ${subscriptionId}`,
      'Microsoft.ManagedIdentity/userAssignedIdentities/read',
    );
  }
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
  const endpoints = ctx.azure.endpoints;
  const arm = new ArmGetter(ctx.azure.credential, endpoints.resourceManager, armScope(endpoints), ctx.signal);
  const lists = await Promise.all(subscriptionIds.map((s) => listIdentities(arm, s)));
  const problems = lists.filter((l): l is Unverifiable => !Array.isArray(l));
  const all = lists.filter((l): l is IdentityBody[] => Array.isArray(l)).flat();
  for (const c of wanted) {
    const hit = all.find((i) => (i.clientId ?? '').toLowerCase() === c && i.principalId);
    if (hit?.principalId) {
      out[c] = { clientId: c, principalId: hit.principalId, resourceId: hit.id ?? '' };
      continue;
    }
    out[c] = problems[0]
      ? { ...problems[0], reason: `no visible user-assigned identity has client id ${c} (${problems[0].reason})` }
      : { reason: `no user-assigned identity the gate can see has client id ${c}` };
  }
  return out;
}
