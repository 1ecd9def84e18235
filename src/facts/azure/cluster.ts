// The AKS cluster as ARM describes it (I/O): kubelet identity, control-plane identity, service principal, tenant and
// agent pools, read with @azure/arm-containerservice. Also the small helpers the other identity fact modules share:
// client options for the injected cloud, and turning an SDK error into "unverifiable: why + which permission".

import type { AgentPool, ContainerServiceClient, ManagedCluster } from '@azure/arm-containerservice';
import type { AgentPoolLike, ClusterFacts } from '../../types/facts/identity.js';
import type { Unverifiable } from '../../types/facts/unverifiable.js';
import type { FactContext } from '../../types/facts/context.js';
import { armScope } from './clouds.js';
import { rememberClusterBody } from './sdk-bodies.js';

const CLUSTER_ID_RE =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)\/?$/i;

/**
 * Options for the modular ARM clients: the injected cloud's endpoint, and its scope. The clients default to the public
 * cloud's scope whatever the endpoint, which would send a token for the wrong audience to sovereign clouds and the
 * emulator.
 */
export function armClientOptions(ctx: FactContext): { endpoint: string; credentials: { scopes: string[] } } {
  const endpoints = ctx.azure!.endpoints;
  return { endpoint: endpoints.resourceManager, credentials: { scopes: [armScope(endpoints)] } };
}

/** HTTP status of an SDK (RestError) or fetch error, when it has one. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'statusCode' in err) {
    const s = (err as { statusCode?: unknown }).statusCode;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}

/** One line, no secrets: the SDK error's code and status (messages may quote request URLs, never credentials). */
export function describeError(err: unknown): string {
  const status = statusOf(err);
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message.split('\n')[0].slice(0, 300) : String(err).slice(0, 300);
  return [status ? `HTTP ${status}` : '', code && code !== 'undefined' ? code : '', message].filter(Boolean).join(' ');
}

/** Turns a failed read into Unverifiable; 401/403 name the permission that would let the gate read it. */
export function unverifiableFrom(err: unknown, what: string, permission: string): Unverifiable {
  const status = statusOf(err);
  const u: Unverifiable = { reason: `cannot read ${what}: ${describeError(err)}` };
  if (status === 401 || status === 403) u.permission = permission;
  return u;
}

export function noSignIn(what: string): Unverifiable {
  return {
    reason: `no Azure sign-in, so ${what} could not be read`,
    permission: 'an Azure sign-in (azure/login or client-id + tenant-id)',
  };
}

function agentPoolLike(p: AgentPool | NonNullable<ManagedCluster['agentPoolProfiles']>[number]): AgentPoolLike {
  const out: AgentPoolLike = {};
  if (p.name) out.name = p.name;
  if (p.osType) out.osType = p.osType;
  if (p.osSKU) out.osSKU = p.osSKU;
  if (p.vmSize) out.vmSize = p.vmSize;
  if (p.currentOrchestratorVersion) out.currentOrchestratorVersion = p.currentOrchestratorVersion;
  return out;
}

/** Reduces a ManagedCluster body to the identity facts (pure; exported for tests and the audit). */
export function clusterFactsFrom(mc: ManagedCluster, clusterId: string, pools?: AgentPool[]): ClusterFacts {
  const m = CLUSTER_ID_RE.exec(mc.id ?? clusterId) ?? CLUSTER_ID_RE.exec(clusterId);
  const facts: ClusterFacts = {
    id: mc.id ?? clusterId,
    name: mc.name ?? m?.[3] ?? '',
    resourceGroup: m?.[2] ?? '',
    subscriptionId: m?.[1] ?? '',
    controlPlane: [],
    agentPools: (pools ?? mc.agentPoolProfiles ?? []).map(agentPoolLike),
  };
  rememberClusterBody(facts, mc);
  if (mc.fqdn) facts.fqdn = mc.fqdn;
  if (mc.privateFqdn) facts.privateFqdn = mc.privateFqdn;
  if (mc.identity?.tenantId) facts.tenantId = mc.identity.tenantId;
  // identityProfile keys are documented as "kubeletidentity"; compare case-insensitively all the same.
  const kubeletKey = Object.keys(mc.identityProfile ?? {}).find((k) => k.toLowerCase() === 'kubeletidentity');
  const k = kubeletKey ? mc.identityProfile?.[kubeletKey] : undefined;
  if (k) {
    facts.kubelet = {};
    if (k.objectId) facts.kubelet.objectId = k.objectId;
    if (k.clientId) facts.kubelet.clientId = k.clientId;
    if (k.resourceId) facts.kubelet.resourceId = k.resourceId;
  }
  if (mc.identity?.principalId) {
    facts.controlPlane.push({ principalId: mc.identity.principalId, label: 'system-assigned control-plane identity' });
  }
  for (const [resourceId, v] of Object.entries(mc.identity?.userAssignedIdentities ?? {})) {
    if (v.principalId)
      facts.controlPlane.push({ principalId: v.principalId, label: `control-plane identity ${resourceId}` });
  }
  const spClient = mc.servicePrincipalProfile?.clientId;
  // `msi` means "managed identity"; a GUID is the service principal's app id.
  if (spClient && spClient.toLowerCase() !== 'msi') facts.servicePrincipalClientId = spClient;
  return facts;
}

/**
 * Reads the cluster (managedClusters.get) and its agent pools (agentPools.list; falls back to the body's
 * agentPoolProfiles when listing is refused). Never throws.
 */
export async function getCluster(ctx: FactContext, clusterId: string): Promise<ClusterFacts | Unverifiable> {
  if (!ctx.azure) return noSignIn(`cluster ${clusterId}`);
  const m = CLUSTER_ID_RE.exec(clusterId.trim());
  if (!m) return { reason: `"${clusterId}" is not an AKS resource id` };
  const [, subscriptionId, resourceGroup, name] = m;
  const { ContainerServiceClient } = await import('@azure/arm-containerservice');
  const client = new ContainerServiceClient(ctx.azure.credential, subscriptionId, armClientOptions(ctx));
  let mc: ManagedCluster;
  try {
    mc = await client.managedClusters.get(resourceGroup, name, { abortSignal: ctx.signal });
  } catch (err) {
    if (statusOf(err) === 404) return { reason: await notFoundLine(client, resourceGroup, name, ctx), notFound: true };
    return unverifiableFrom(err, `cluster ${clusterId}`, 'Microsoft.ContainerService/managedClusters/read');
  }
  let pools: AgentPool[] | undefined;
  try {
    pools = [];
    for await (const p of client.agentPools.list(resourceGroup, name, { abortSignal: ctx.signal })) pools.push(p);
  } catch (err) {
    ctx.logger.debug(`agentPools.list failed, using agentPoolProfiles: ${describeError(err)}`);
    pools = undefined;
  }
  return clusterFactsFrom(mc, clusterId, pools);
}

/** One line naming what the gate can see where the missing cluster was looked for: the group's clusters, or the subscription's. */
async function notFoundLine(
  client: ContainerServiceClient,
  resourceGroup: string,
  name: string,
  ctx: FactContext,
): Promise<string> {
  const names = async (it: AsyncIterable<ManagedCluster>): Promise<string[]> => {
    const out: string[] = [];
    for await (const c of it) {
      const id = c.id ?? '';
      const rg = /\/resourcegroups\/([^/]+)\//i.exec(id)?.[1];
      if (c.name) out.push(rg && rg.toLowerCase() !== resourceGroup.toLowerCase() ? `${rg}/${c.name}` : c.name);
      if (out.length >= 20) break;
    }
    return out.sort();
  };
  try {
    const inGroup = await names(client.managedClusters.listByResourceGroup(resourceGroup, { abortSignal: ctx.signal }));
    return `cluster ${name} was not found in resource group ${resourceGroup}; the gate sees ${inGroup.length ? `these clusters there: ${inGroup.join(', ')}` : 'no AKS cluster in that resource group'}`;
  } catch (err) {
    if (statusOf(err) !== 404)
      return `cluster ${name} was not found in resource group ${resourceGroup} (${describeError(err)})`;
  }
  try {
    const inSub = await names(client.managedClusters.list({ abortSignal: ctx.signal }));
    return `resource group ${resourceGroup} was not found (cluster ${name}); the gate sees ${inSub.length ? `these clusters in the subscription: ${inSub.join(', ')}` : 'no AKS cluster in the subscription'}`;
  } catch (err) {
    return `resource group ${resourceGroup} was not found (cluster ${name}; listing the subscription failed: ${describeError(err)})`;
  }
}
