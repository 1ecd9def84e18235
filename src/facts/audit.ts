// What the scheduled credential audit reads (`aks-pull-gate audit`, `mode: audit`): every registry the gate can see
// (or the ones named) with its scoped tokens and admin user, every pull secret of the cluster with the ServiceAccounts
// and pod owners that use it, and the service principal of each named cluster with its client secrets. Reads only;
// secrets are masked on decode and never leave the fact layer. What it cannot read is a gap, never thrown; judging
// is checks/audit.ts's job (the same rule functions as the gate).

import { armClientOptions, getCluster } from './azure/cluster.js';
import { getApplicationByAppId } from './azure/graph.js';
import { AzureCredentialFacts, newEntry } from './credentials/collect.js';
import { getRegistry, listRegistries, listTokens, type AzureRead } from './credentials/azure-reads.js';
import { clusterObjectReader, type ClusterObjectReader } from './kubernetes/cluster-objects.js';
import { parsePullSecret } from '../lib/docker-config.js';
import { parseTypedArmId } from '../lib/arm-id.js';
import { isUnverifiable } from '../lib/unverifiable.js';
import type { CredentialEntryFact, PullSecretFact } from '../types/facts/credentials.js';
import type { FactContext } from '../types/facts/context.js';
import type {
  AuditedCluster,
  AuditedSecret,
  AuditFacts,
  AuditGap,
  CredentialRegistry,
  RegistryTokenInfo,
} from '../types/facts/audit.js';

export interface AuditReadOptions {
  /** AKS resource ids: their service principals are audited (the kubeconfig's cluster gives the pull secrets). */
  clusterIds: string[];
  /** Registry resource ids; empty means every registry the gate can see. */
  registryIds: string[];
  /** Injected cluster reader (tests); default: one over ctx.kubeconfigPath when cluster reads are on. */
  cluster?: ClusterObjectReader;
}

export async function collectAuditFacts(ctx: FactContext, opts: AuditReadOptions): Promise<AuditFacts> {
  const gaps: AuditGap[] = [];
  const registries = await auditRegistries(ctx, opts.registryIds, gaps);
  const tokens: Record<string, RegistryTokenInfo[]> = {};
  for (const reg of registries) {
    const t = ctx.azure ? await listTokens(ctx.azure, reg) : undefined;
    if (t?.ok) tokens[reg.id] = t.value;
    else if (t) gaps.push(gapOf(`the scoped tokens of ${reg.name}`, t, reg.loginServer));
  }
  const facts: AuditFacts = { registries, tokens, secrets: [], clusters: [], gaps };
  const named = parseTypedArmId(ctx.cluster, 'Microsoft.ContainerService', ['managedClusters']);
  if (named && ctx.cluster)
    facts.cluster = { id: ctx.cluster, name: named.names[0], resourceGroup: named.resourceGroup };
  facts.secrets = await auditPullSecrets(ctx, opts, registries, gaps);
  for (const id of opts.clusterIds) facts.clusters.push(await auditCluster(ctx, id, gaps));
  return facts;
}

function gapOf(what: string, r: AzureRead<unknown>, registry?: string): AuditGap {
  const reason = r.ok ? 'unknown' : r.reason;
  const permission = r.ok ? undefined : r.permission;
  const g: AuditGap = {
    reason,
    message: `Audit could not read ${what}: ${reason}${permission ? `. Grant the gate ${permission}.` : '.'}`,
    evidence: { reason, permission },
  };
  if (permission) g.permission = permission;
  if (registry) g.registry = registry;
  return g;
}

async function auditRegistries(ctx: FactContext, ids: string[], gaps: AuditGap[]): Promise<CredentialRegistry[]> {
  const azure = ctx.azure;
  if (!azure) {
    gaps.push(gapOf('the registries', { ok: false, reason: 'no Azure sign-in' }));
    return [];
  }
  if (ids.length > 0) {
    const out: CredentialRegistry[] = [];
    for (const id of ids) {
      const r = await getRegistry(azure, id);
      if (r.ok) out.push(r.value);
      else gaps.push(gapOf(`registry ${id}`, r));
    }
    return out;
  }
  // Every registry the gate can see, across its subscriptions.
  const subs: string[] = [];
  try {
    const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
    const client = new SubscriptionClient(azure.credential, armClientOptions(ctx));
    for await (const s of client.subscriptions.list({ abortSignal: ctx.signal }))
      if (s.subscriptionId) subs.push(s.subscriptionId);
  } catch {
    if (azure.subscriptionId) subs.push(azure.subscriptionId);
  }
  const out: CredentialRegistry[] = [];
  for (const sub of subs) {
    const r = await listRegistries(azure, sub);
    if (r.ok) out.push(...r.value);
    else gaps.push(gapOf(`the registries of subscription ${sub}`, r));
  }
  return out;
}

function clusterReaderFor(ctx: FactContext, opts: AuditReadOptions, gaps: AuditGap[]): ClusterObjectReader | undefined {
  if (opts.cluster) return opts.cluster;
  if (ctx.clusterReadsOff || !ctx.kubeconfigPath) {
    gaps.push({
      reason: 'no kubeconfig, or cluster reads are off',
      message:
        'Audit did not read the cluster’s pull secrets: no kubeconfig (run azure/aks-set-context first) or cluster reads are off.',
      evidence: { permission: 'a kubeconfig allowed to list secrets, serviceaccounts and pods' },
    });
    return undefined;
  }
  try {
    return clusterObjectReader(ctx.kubeconfigPath, [], {
      interactive: true,
      signal: ctx.signal,
      ...(ctx.proxyEnv ? { proxyEnv: ctx.proxyEnv } : {}),
    });
  } catch {
    gaps.push({
      reason: 'the kubeconfig could not be loaded',
      message: 'Audit could not load the kubeconfig, so the cluster’s pull secrets were not read.',
    });
    return undefined;
  }
}

/** Where each pull secret is used: ServiceAccounts naming it, and the owners of pods naming it. */
async function usageIndex(reader: ClusterObjectReader): Promise<Map<string, Set<string>>> {
  const used = new Map<string, Set<string>>();
  const add = (ns: string, secret: string, who: string): void => {
    const k = `${ns}/${secret}`;
    const s = used.get(k) ?? new Set<string>();
    s.add(who);
    used.set(k, s);
  };
  const sas = await reader.listServiceAccounts();
  const saSecrets = new Map<string, string[]>();
  if (sas.state === 'found') {
    for (const sa of sas.value) {
      saSecrets.set(`${sa.namespace}/${sa.name}`, sa.imagePullSecrets);
      for (const s of sa.imagePullSecrets) add(sa.namespace, s, `serviceaccount:${sa.namespace}/${sa.name}`);
    }
  }
  const pods = await reader.listPods();
  if (pods.state === 'found') {
    for (const p of pods.value) {
      const who = `${p.owner ?? `Pod/${p.name}`} in ${p.namespace}`;
      for (const s of [...p.imagePullSecrets, ...(saSecrets.get(`${p.namespace}/${p.serviceAccount}`) ?? [])])
        add(p.namespace, s, who);
    }
  }
  return used;
}

async function auditPullSecrets(
  ctx: FactContext,
  opts: AuditReadOptions,
  registries: CredentialRegistry[],
  gaps: AuditGap[],
): Promise<AuditedSecret[]> {
  const reader = clusterReaderFor(ctx, opts, gaps);
  if (!reader) return [];
  const list = await reader.listPullSecrets();
  if (list.state !== 'found') {
    if (list.state === 'unverifiable') {
      const g: AuditGap = {
        reason: list.reason,
        message: `Audit could not list the cluster’s pull secrets: ${list.reason}.`,
        evidence: { reason: list.reason, permission: list.permission },
      };
      gaps.push(g);
    }
    return [];
  }
  const used = await usageIndex(reader);
  const azure = new AzureCredentialFacts(
    ctx,
    registries.map((r) => r.loginServer),
    registries,
  );
  const out: AuditedSecret[] = [];
  for (const raw of list.value) {
    const usedBy = [...(used.get(`${raw.namespace}/${raw.name}`) ?? [])].sort();
    const secret: PullSecretFact = {
      namespace: raw.namespace,
      name: raw.name,
      origin: 'cluster',
      parsed: { ok: true, entries: [] },
    };
    const parsed = parsePullSecret(raw, ctx.maskSecret);
    if (!parsed.ok) {
      secret.parsed = {
        ok: false,
        reason: parsed.reason,
        detail: parsed.detail,
        blocksAllPaths: parsed.blocksAllPaths,
      };
      out.push({ secret, entries: [], usedBy });
      continue;
    }
    const entries: CredentialEntryFact[] = [];
    for (const cred of parsed.credentials) {
      const entry = newEntry(cred);
      await azure.describe(entry, cred, cred.server.toLowerCase(), []);
      entries.push(entry);
    }
    secret.parsed = { ok: true, entries };
    out.push({ secret, entries, usedBy });
  }
  return out;
}

async function auditCluster(ctx: FactContext, clusterId: string, gaps: AuditGap[]): Promise<AuditedCluster> {
  const cluster = await getCluster(ctx, clusterId);
  const out: AuditedCluster = { id: clusterId, cluster };
  if (isUnverifiable(cluster)) {
    gaps.push({
      ...cluster,
      message: `Audit could not read cluster ${clusterId}: ${cluster.reason}.`,
      evidence: { reason: cluster.reason, permission: cluster.permission, clusterId },
    });
    return out;
  }
  const appId = cluster.servicePrincipalClientId;
  if (!appId) return out;
  const app = await getApplicationByAppId(ctx, appId);
  if (!('found' in app)) {
    const reason = 'reason' in app ? app.reason : app.notFound;
    const permission = 'permission' in app ? app.permission : undefined;
    out.servicePrincipal = { appId, passwordCredentials: { reason, ...(permission ? { permission } : {}) } };
    gaps.push({
      reason,
      message: `Audit could not read the secrets of cluster ${cluster.name}'s service principal ${appId}: ${reason}.`,
      evidence: { reason, identity: appId, permission },
    });
    return out;
  }
  out.servicePrincipal = {
    appId,
    ...(app.found.displayName ? { displayName: app.found.displayName } : {}),
    passwordCredentials: app.found.passwordCredentials.map((p) => ({
      ...(p.keyId ? { keyId: p.keyId } : {}),
      ...(p.displayName ? { displayName: p.displayName } : {}),
      ...(p.endDateTime ? { endDateTime: p.endDateTime } : {}),
    })),
  };
  return out;
}
