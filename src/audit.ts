// The scheduled credential audit (`aks-pull-gate audit`, `mode: audit`): every scoped token and the admin user of each
// registry, the cluster's service principal, and every pull secret in the cluster's namespaces, each with its owner,
// where it is used and the days left, sorted by urgency; plus the findings (same rule ids as the gate) that make the
// CLI/action exit 1 when something is expired or inside the warning threshold. Reads only; secrets are masked on decode
// and never leave the fact layer.

import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { armClientOptions, getCluster } from './facts/azure/cluster.js';
import { getApplicationByAppId } from './facts/azure/graph.js';
import { evaluateEntry, PULL_SECRET_UNVERIFIABLE, scopedTokenFinding } from './checks/credentials.js';
import { daysUntil, expiryState, type ExpiryState } from './lib/credential-classify.js';
import { AzureCredentialFacts, newEntry } from './facts/credentials/collect.js';
import {
  getRegistry,
  listRegistries,
  listTokens,
  type AzureRead,
  type CredentialRegistry,
  type RegistryTokenInfo,
} from './facts/credentials/azure-reads.js';
import { parsePullSecret } from './lib/docker-config.js';
import { parseTypedArmId } from './lib/arm-id.js';
import type { CredentialEntryFact, CredentialFacts, PullSecretFact } from './types/facts/credentials.js';
import type { FactContext } from './types/facts/context.js';
import {
  clusterObjectReader,
  loadKubernetesClient,
  type ClusterObjectReader,
} from './facts/kubernetes/cluster-objects.js';
import type { AuditCredential, Finding, ManifestSecret } from './types/index.js';

export interface AuditOptions {
  /** AKS resource ids: their service principals are audited (the kubeconfig's cluster gives the pull secrets). */
  clusterIds: string[];
  /** Registry resource ids; empty means every registry the gate can see. */
  registryIds: string[];
  /** Days before an expiry that count as expiring (the expiry-warning-days option). */
  expiryWarningDays: number;
  /** Injected cluster reader (tests); default: one over ctx.kubeconfigPath when cluster reads are on. */
  cluster?: ClusterObjectReader;
}

export interface AuditResult {
  credentials: AuditCredential[];
  findings: Finding[];
}

const STATUS_ORDER: Record<AuditCredential['status'], number> = {
  expired: 0,
  disabled: 1,
  expiring: 2,
  unknown: 3,
  ok: 4,
};

/** Most urgent first: expired, disabled, expiring, unknown, ok; then fewest days left; then kind and name. */
export function sortByUrgency(list: AuditCredential[]): AuditCredential[] {
  return [...list].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name),
  );
}

/** True when the audit should fail: something expired, disabled, or inside the threshold. */
export function auditNeedsAttention(result: AuditResult): boolean {
  return result.credentials.some((c) => c.status === 'expired' || c.status === 'expiring' || c.status === 'disabled');
}

function statusOf(state: ExpiryState): AuditCredential['status'] {
  return state === 'unknown' ? 'unknown' : state;
}

function withExpiry(c: AuditCredential, iso: string | undefined | null, now: Date, days: number): AuditCredential {
  if (!iso) return c;
  c.expires = iso;
  const left = daysUntil(iso, now);
  if (left !== undefined) c.daysLeft = left;
  c.status = statusOf(expiryState(iso, now, days));
  return c;
}

export async function runAudit(ctx: FactContext, opts: AuditOptions): Promise<AuditResult> {
  const now = ctx.now;
  const days = opts.expiryWarningDays;
  const findings: Finding[] = [];
  const credentials: AuditCredential[] = [];

  const registries = await auditRegistries(ctx, opts.registryIds, findings);
  const tokensByRegistry = new Map<string, RegistryTokenInfo[]>();
  for (const reg of registries) {
    const t = ctx.azure ? await listTokens(ctx.azure, reg) : undefined;
    if (t?.ok) tokensByRegistry.set(reg.id, t.value);
    else if (t) findings.push(unverifiable(`the scoped tokens of ${reg.name}`, t, reg.loginServer));
  }

  const secrets = await auditPullSecrets(ctx, opts, registries, findings);
  const usedByRegistryCredential = new Map<string, string[]>();
  for (const s of secrets) {
    for (const e of s.entries) {
      if (!e.registry) continue;
      const who =
        e.credentialClass.kind === 'acr-token'
          ? `token:${e.registry.id}:${e.credentialClass.tokenName.toLowerCase()}`
          : e.credentialClass.kind === 'admin-user'
            ? `admin:${e.registry.id}`
            : undefined;
      if (who)
        usedByRegistryCredential.set(who, [
          ...(usedByRegistryCredential.get(who) ?? []),
          `pull-secret:${s.secret.namespace}/${s.secret.name}`,
        ]);
    }
    credentials.push(...s.credentials);
    findings.push(...s.findings);
  }

  for (const reg of registries) {
    credentials.push({
      kind: 'admin-user',
      name: `${reg.name} admin user`,
      owner: reg.name,
      registry: reg.loginServer,
      usedBy: usedByRegistryCredential.get(`admin:${reg.id}`) ?? [],
      status: reg.adminUserEnabled === undefined ? 'unknown' : reg.adminUserEnabled ? 'ok' : 'disabled',
    });
    for (const t of tokensByRegistry.get(reg.id) ?? []) {
      const c = auditToken(
        reg,
        t,
        usedByRegistryCredential.get(`token:${reg.id}:${t.name.toLowerCase()}`) ?? [],
        now,
        days,
      );
      credentials.push(c);
      // One finding per credential: a token a pull secret uses was judged with that secret (evaluateEntry, the
      // gate's rule); only a token nobody uses is judged from the registry's token list.
      const f = c.usedBy.length > 0 ? undefined : scopedTokenFinding(reg, t, c);
      if (f) findings.push(f);
    }
  }
  // The admin user that is disabled and used by nobody is the desired state, not an alarm.
  const filtered = credentials.filter(
    (c) => !(c.kind === 'admin-user' && c.status === 'disabled' && c.usedBy.length === 0),
  );

  for (const id of opts.clusterIds) {
    const r = await auditClusterServicePrincipal(ctx, id, now, days);
    findings.push(...r.findings);
    filtered.push(...r.credentials);
  }
  return { credentials: sortByUrgency(dedupe(filtered)), findings: dedupeFindings(findings) };
}

function dedupe(list: AuditCredential[]): AuditCredential[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.kind}|${c.name}|${c.registry ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupeFindings(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.rule}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function unverifiable(what: string, r: AzureRead<unknown>, registry?: string): Finding {
  const reason = r.ok ? 'unknown' : r.reason;
  const permission = r.ok ? undefined : r.permission;
  const f: Finding = {
    rule: PULL_SECRET_UNVERIFIABLE,
    severity: 'warning',
    message: `Audit could not read ${what}: ${reason}${permission ? `. Grant the gate ${permission}.` : '.'}`,
    evidence: { reason, permission },
  };
  if (registry) f.registry = registry;
  return f;
}

async function auditRegistries(ctx: FactContext, ids: string[], findings: Finding[]): Promise<CredentialRegistry[]> {
  const azure = ctx.azure;
  if (!azure) {
    findings.push(unverifiable('the registries', { ok: false, reason: 'no Azure sign-in' }));
    return [];
  }
  if (ids.length > 0) {
    const out: CredentialRegistry[] = [];
    for (const id of ids) {
      const r = await getRegistry(azure, id);
      if (r.ok) out.push(r.value);
      else findings.push(unverifiable(`registry ${id}`, r));
    }
    return out;
  }
  // Every registry the gate can see, across its subscriptions.
  const subs: string[] = [];
  try {
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
    else findings.push(unverifiable(`the registries of subscription ${sub}`, r));
  }
  return out;
}

function auditToken(
  reg: CredentialRegistry,
  t: RegistryTokenInfo,
  usedBy: string[],
  now: Date,
  days: number,
): AuditCredential {
  const c: AuditCredential = {
    kind: 'acr-token',
    name: t.name,
    owner: reg.name,
    registry: reg.loginServer,
    usedBy,
    status: 'ok',
  };
  if (t.status.toLowerCase() !== 'enabled') {
    c.status = 'disabled';
    return c;
  }
  const expiries = t.passwords.map((p) => p.expiry);
  if (t.passwords.length === 0) {
    c.status = 'unknown';
    return c;
  }
  // The token keeps working while any password does: the latest expiry counts (a password without one never ends).
  if (expiries.some((e) => !e)) return c;
  const latest = (expiries as string[]).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return withExpiry(c, latest, now, days);
}

interface SecretAudit {
  secret: PullSecretFact;
  entries: CredentialEntryFact[];
  credentials: AuditCredential[];
  findings: Finding[];
}

function clusterReaderFor(ctx: FactContext, opts: AuditOptions, findings: Finding[]): ClusterObjectReader | undefined {
  if (opts.cluster) return opts.cluster;
  if (ctx.clusterReadsOff || !ctx.kubeconfigPath) {
    findings.push({
      rule: PULL_SECRET_UNVERIFIABLE,
      severity: 'warning',
      message:
        'Audit did not read the cluster’s pull secrets: no kubeconfig (run azure/aks-set-context first) or cluster reads are off.',
      evidence: { permission: 'a kubeconfig allowed to list secrets, serviceaccounts and pods' },
    });
    return undefined;
  }
  try {
    return clusterObjectReader(ctx.kubeconfigPath);
  } catch {
    findings.push({
      rule: PULL_SECRET_UNVERIFIABLE,
      severity: 'warning',
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
  opts: AuditOptions,
  registries: CredentialRegistry[],
  findings: Finding[],
): Promise<SecretAudit[]> {
  if (!opts.cluster && ctx.kubeconfigPath && !ctx.clusterReadsOff) await loadKubernetesClient();
  const reader = clusterReaderFor(ctx, opts, findings);
  if (!reader) return [];
  const list = await reader.listPullSecrets();
  if (list.state !== 'found') {
    if (list.state === 'unverifiable') {
      findings.push({
        rule: PULL_SECRET_UNVERIFIABLE,
        severity: 'warning',
        message: `Audit could not list the cluster’s pull secrets: ${list.reason}.`,
        evidence: { reason: list.reason, permission: list.permission },
      });
    }
    return [];
  }
  const used = await usageIndex(reader);
  const hosts = registries.map((r) => r.loginServer);
  const azure = new AzureCredentialFacts(ctx, hosts, registries);
  const out: SecretAudit[] = [];
  for (const raw of list.value)
    out.push(
      await auditOneSecret(
        ctx,
        raw,
        azure,
        [...(used.get(`${raw.namespace}/${raw.name}`) ?? [])].sort(),
        opts.expiryWarningDays,
      ),
    );
  return out;
}

const KIND_OF: Record<CredentialEntryFact['credentialClass']['kind'], AuditCredential['kind']> = {
  'service-principal': 'service-principal',
  'refresh-token': 'refresh-token',
  'admin-user': 'admin-user',
  'acr-token': 'acr-token',
  other: 'pull-secret',
};

async function auditOneSecret(
  ctx: FactContext,
  raw: ManifestSecret,
  azure: AzureCredentialFacts,
  usedBy: string[],
  days: number,
): Promise<SecretAudit> {
  const label = `${raw.namespace}/${raw.name}`;
  const secret: PullSecretFact = {
    namespace: raw.namespace,
    name: raw.name,
    origin: 'cluster',
    parsed: { ok: true, entries: [] },
  };
  const parsed = parsePullSecret(raw, ctx.maskSecret);
  if (!parsed.ok) {
    secret.parsed = { ok: false, reason: parsed.reason, detail: parsed.detail, blocksAllPaths: parsed.blocksAllPaths };
    return {
      secret,
      entries: [],
      credentials: [{ kind: 'pull-secret', name: label, usedBy, status: 'unknown' }],
      findings:
        usedBy.length > 0
          ? [
              {
                rule: 'pull-secret-malformed',
                severity: 'error',
                message: `Pull secret ${label} is malformed: ${parsed.detail} (used by ${usedBy.join(', ')}).`,
                remediation: `kubectl create secret docker-registry ${raw.name} --namespace ${raw.namespace} --docker-server <server> --docker-username <username> --docker-password <password> --dry-run=client -o yaml | kubectl apply -f -`,
                evidence: { secretName: label, reason: parsed.reason },
              },
            ]
          : [],
    };
  }
  const entries: CredentialEntryFact[] = [];
  const credentials: AuditCredential[] = [];
  const findings: Finding[] = [];
  const facts: Pick<CredentialFacts, 'cluster'> = {};
  const cluster = parseTypedArmId(ctx.cluster, 'Microsoft.ContainerService', ['managedClusters']);
  if (cluster && ctx.cluster)
    facts.cluster = { id: ctx.cluster, name: cluster.names[0], resourceGroup: cluster.resourceGroup };
  for (const cred of parsed.credentials) {
    const entry = newEntry(cred);
    await azure.describe(entry, cred, cred.server.toLowerCase(), []);
    entries.push(entry);
    secret.parsed = { ok: true, entries };
    credentials.push(auditEntry(label, entry, usedBy, ctx.now, days));
    // Same rules and remediations as the gate, for "no particular repository": scope findings need one, so they are dropped.
    const v = evaluateEntry(entry, {
      secret,
      repository: '',
      imageRegistry: entry.registry?.loginServer ?? cred.server,
      now: ctx.now,
      warningDays: days,
      cluster: facts.cluster,
    });
    for (const f of v.findings) {
      if (f.rule === 'acr-token-scope-missing-repository') continue;
      // A secret nobody uses cannot break a pull: report it as a warning so it gets cleaned up.
      const severity = usedBy.length === 0 && f.severity === 'error' ? 'warning' : f.severity;
      const evidence = { ...f.evidence, usedBy };
      delete (evidence as Record<string, unknown>).repository;
      findings.push({ ...f, severity, evidence });
    }
  }
  return { secret, entries, credentials, findings };
}

function auditEntry(label: string, e: CredentialEntryFact, usedBy: string[], now: Date, days: number): AuditCredential {
  const c: AuditCredential = {
    kind: KIND_OF[e.credentialClass.kind],
    name: `${label} (${e.username} @ ${e.server})`,
    usedBy,
    status: 'unknown',
  };
  if (e.registry) c.registry = e.registry.loginServer;
  const cls = e.credentialClass;
  if (cls.kind === 'service-principal') {
    const sp = e.servicePrincipal;
    c.owner = sp?.state === 'found' && sp.displayName ? `${sp.displayName} (${cls.appId})` : cls.appId;
    if (sp?.state === 'found') {
      if (!sp.matched) c.status = 'expired';
      else if (sp.matched.endDateTime) withExpiry(c, sp.matched.endDateTime, now, days);
      else c.status = 'ok';
    }
  } else if (cls.kind === 'refresh-token') {
    c.owner = e.registry?.name ?? e.server;
    if (cls.expiresAt) withExpiry(c, cls.expiresAt, now, days);
  } else if (cls.kind === 'admin-user') {
    c.owner = cls.registryName;
    const a = e.adminUser;
    if (a?.state === 'found') {
      c.status = !a.adminUserEnabled
        ? 'disabled'
        : a.passwordCurrent === false
          ? 'expired'
          : a.passwordCurrent
            ? 'ok'
            : 'unknown';
    }
  } else if (cls.kind === 'acr-token') {
    c.owner = `${e.registry?.name ?? e.server} token ${cls.tokenName}`;
    const t = e.token;
    if (t?.state === 'found') {
      if (t.status.toLowerCase() !== 'enabled') c.status = 'disabled';
      else if (t.passwords.length === 0 || t.passwords.some((p) => !p.expiry)) c.status = 'ok';
      else
        withExpiry(
          c,
          [...t.passwords].sort((a, b) => Date.parse(b.expiry ?? '') - Date.parse(a.expiry ?? ''))[0].expiry,
          now,
          days,
        );
    }
  } else {
    c.owner = e.server;
  }
  return c;
}

async function auditClusterServicePrincipal(
  ctx: FactContext,
  clusterId: string,
  now: Date,
  days: number,
): Promise<{ credentials: AuditCredential[]; findings: Finding[] }> {
  const cluster = await getCluster(ctx, clusterId);
  if ('reason' in cluster) {
    return {
      credentials: [],
      findings: [
        {
          rule: PULL_SECRET_UNVERIFIABLE,
          severity: 'warning',
          message: `Audit could not read cluster ${clusterId}: ${cluster.reason}.`,
          evidence: { reason: cluster.reason, permission: cluster.permission, clusterId },
        },
      ],
    };
  }
  const appId = cluster.servicePrincipalClientId;
  if (!appId) return { credentials: [], findings: [] };
  const c: AuditCredential = {
    kind: 'cluster-service-principal',
    name: `${cluster.name} service principal`,
    owner: appId,
    usedBy: [`cluster:${cluster.name}`],
    status: 'unknown',
  };
  const app = await getApplicationByAppId(ctx, appId);
  if (!('found' in app)) {
    const reason = 'notFound' in app ? app.notFound : app.reason;
    return {
      credentials: [c],
      findings: [
        {
          rule: PULL_SECRET_UNVERIFIABLE,
          severity: 'warning',
          message: `Audit could not read the secrets of cluster ${cluster.name}'s service principal ${appId}: ${reason}.`,
          evidence: { reason, identity: appId, permission: 'permission' in app ? app.permission : undefined },
        },
      ],
    };
  }
  if (app.found.displayName) c.owner = `${app.found.displayName} (${appId})`;
  // AKS does not say which client secret it holds: the cluster keeps working while the latest one is valid.
  const ends = app.found.passwordCredentials
    .map((p) => p.endDateTime)
    .filter((e): e is string => typeof e === 'string');
  if (ends.length === 0) return { credentials: [c], findings: [] };
  const latest = ends.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  withExpiry(c, latest, now, days);
  const remediation = `az aks update-credentials --resource-group ${cluster.resourceGroup} --name ${cluster.name} --reset-service-principal --service-principal ${appId} --client-secret "$(az ad app credential reset --id ${appId} --append --query password -o tsv)"`;
  const findings: Finding[] = [];
  if (c.status === 'expired') {
    findings.push({
      rule: 'cluster-sp-secret-expired',
      severity: 'error',
      message: `Cluster ${cluster.name}'s service principal ${appId} has no valid client secret (latest ended ${latest}): every node pull from ACR gets 401.`,
      remediation,
      evidence: { identity: appId, expires: latest, daysLeft: c.daysLeft, clusterId },
    });
  } else if (c.status === 'expiring') {
    findings.push({
      rule: 'cluster-sp-secret-expiring',
      severity: 'warning',
      message: `Cluster ${cluster.name}'s service principal ${appId} has no client secret valid beyond ${latest} (${c.daysLeft} day(s) left).`,
      remediation,
      evidence: { identity: appId, expires: latest, daysLeft: c.daysLeft, clusterId },
    });
  }
  return { credentials: [c], findings };
}
