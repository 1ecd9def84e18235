// Judges what the scheduled credential audit read (types/facts/audit.ts, from facts/audit.ts): every scoped token and
// admin user of each registry, each cluster pull secret's credentials, and the clusters' service principals, each with
// its owner, where it is used and the days left, sorted by urgency; plus the findings that make the run exit 1 when
// something is expired or inside the warning threshold. The findings come from the gate's own rule functions
// (credentials.ts evaluateEntry and scopedTokenFinding, pull-secrets.ts malformedSecretFinding, identity.ts
// clusterSecretFindings): one implementation of each rule, one finding per credential. Pure.

import { daysUntil, expiryState, type ExpiryState } from '../lib/credential-classify.js';
import { isUnverifiable } from '../lib/unverifiable.js';
import type { AuditFacts, AuditGap, CredentialRegistry, RegistryTokenInfo } from '../types/facts/audit.js';
import type { CredentialEntryFact } from '../types/facts/credentials.js';
import type { AuditCredential, Finding } from '../types/index.js';
import { evaluateEntry, PULL_SECRET_UNVERIFIABLE, scopedTokenFinding } from './credentials.js';
import { clusterSecretFindings } from './identity.js';
import { malformedSecretFinding } from './pull-secrets.js';

export interface AuditResult {
  credentials: AuditCredential[];
  findings: Finding[];
}

export interface AuditCheckOptions {
  now: Date;
  /** Days before an expiry that count as expiring (expiry-warning-days). */
  expiryWarningDays: number;
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

/** What the audit could not read: pull-secret-unverifiable, in the audit's words. */
function gapFinding(g: AuditGap): Finding {
  const f: Finding = { rule: PULL_SECRET_UNVERIFIABLE, severity: 'warning', message: g.message };
  if (g.evidence) f.evidence = g.evidence;
  if (g.registry) f.registry = g.registry;
  return f;
}

export function checkAudit(facts: AuditFacts, opts: AuditCheckOptions): AuditResult {
  const { now, expiryWarningDays: days } = opts;
  const findings: Finding[] = facts.gaps.map(gapFinding);
  const credentials: AuditCredential[] = [];

  const usedByRegistryCredential = new Map<string, string[]>();
  // A pull secret's copy of a registry credential (a scoped token, the admin user) and the registry's own entry are one
  // credential: it is listed once, as the registry's, with the secret in its "used by".
  const copyOf = new Map<AuditCredential, string>();
  for (const s of facts.secrets) {
    const keys: (string | undefined)[] = [];
    for (const e of s.entries) {
      const who = !e.registry
        ? undefined
        : e.credentialClass.kind === 'acr-token'
          ? `token:${e.registry.id}:${e.credentialClass.tokenName.toLowerCase()}`
          : e.credentialClass.kind === 'admin-user'
            ? `admin:${e.registry.id}`
            : undefined;
      keys.push(who);
      if (who)
        usedByRegistryCredential.set(who, [
          ...(usedByRegistryCredential.get(who) ?? []),
          `pull-secret:${s.secret.namespace}/${s.secret.name}`,
        ]);
    }
    const judged = judgeSecret(s, facts.cluster, now, days);
    if (s.secret.parsed.ok)
      judged.credentials.forEach((c, i) => {
        const who = keys[i];
        if (who) copyOf.set(c, who);
      });
    credentials.push(...judged.credentials);
    findings.push(...judged.findings);
  }
  const listed = new Set<string>();

  for (const reg of facts.registries) {
    listed.add(`admin:${reg.id}`);
    credentials.push({
      kind: 'admin-user',
      name: `${reg.name} admin user`,
      owner: reg.name,
      registry: reg.loginServer,
      usedBy: usedByRegistryCredential.get(`admin:${reg.id}`) ?? [],
      status: reg.adminUserEnabled === undefined ? 'unknown' : reg.adminUserEnabled ? 'ok' : 'disabled',
    });
    for (const t of facts.tokens[reg.id] ?? []) {
      const c = auditToken(
        reg,
        t,
        usedByRegistryCredential.get(`token:${reg.id}:${t.name.toLowerCase()}`) ?? [],
        now,
        days,
      );
      credentials.push(c);
      listed.add(`token:${reg.id}:${t.name.toLowerCase()}`);
      // One finding per credential: a token a pull secret uses was judged with that secret (evaluateEntry, the
      // gate's rule); only a token nobody uses is judged from the registry's token list.
      const f = c.usedBy.length > 0 ? undefined : scopedTokenFinding(reg, t, c);
      if (f) findings.push(f);
    }
  }
  // The admin user that is disabled and used by nobody is the desired state, not an alarm.
  const filtered = credentials.filter((c) => {
    const copy = copyOf.get(c);
    if (copy && listed.has(copy)) return false;
    return !(c.kind === 'admin-user' && c.status === 'disabled' && c.usedBy.length === 0);
  });

  for (const audited of facts.clusters) {
    const cluster = audited.cluster;
    const sp = audited.servicePrincipal;
    if (isUnverifiable(cluster) || !sp) continue;
    const c: AuditCredential = {
      kind: 'cluster-service-principal',
      name: `${cluster.name} service principal`,
      owner: sp.displayName ? `${sp.displayName} (${sp.appId})` : sp.appId,
      usedBy: [`cluster:${cluster.name}`],
      status: 'unknown',
    };
    filtered.push(c);
    if (isUnverifiable(sp.passwordCredentials)) continue;
    // AKS does not say which client secret it holds: the cluster keeps working while the latest one is valid.
    const ends = sp.passwordCredentials.map((p) => p.endDateTime).filter((e): e is string => typeof e === 'string');
    if (ends.length === 0) continue;
    withExpiry(c, ends.sort((a, b) => Date.parse(b) - Date.parse(a))[0], now, days);
    findings.push(...clusterSecretFindings(cluster, sp, now, days));
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

/** One cluster pull secret: its credentials for the list, and the gate's findings for "no particular repository". */
function judgeSecret(
  s: AuditFacts['secrets'][number],
  cluster: AuditFacts['cluster'],
  now: Date,
  days: number,
): { credentials: AuditCredential[]; findings: Finding[] } {
  const { secret, usedBy } = s;
  const label = `${secret.namespace}/${secret.name}`;
  if (!secret.parsed.ok) {
    return {
      credentials: [{ kind: 'pull-secret', name: label, usedBy, status: 'unknown' }],
      // A malformed secret nobody uses breaks no pull.
      findings: usedBy.length > 0 ? [malformedSecretFinding(secret, secret.parsed, { usedBy })] : [],
    };
  }
  const credentials: AuditCredential[] = [];
  const findings: Finding[] = [];
  for (const entry of s.entries) {
    credentials.push(auditEntry(label, entry, usedBy, now, days));
    // Same rules and remediations as the gate, for "no particular repository" (so no scope-map finding).
    const v = evaluateEntry(entry, {
      secret,
      repository: '',
      imageRegistry: entry.registry?.loginServer ?? entry.server,
      now,
      warningDays: days,
      cluster,
    });
    for (const f of v.findings) {
      // A secret nobody uses cannot break a pull: report it as a warning so it gets cleaned up.
      const severity = usedBy.length === 0 && f.severity === 'error' ? 'warning' : f.severity;
      const evidence = { ...f.evidence, usedBy };
      delete (evidence as Record<string, unknown>).repository;
      findings.push({ ...f, severity, evidence });
    }
  }
  return { credentials, findings };
}

const KIND_OF: Record<CredentialEntryFact['credentialClass']['kind'], AuditCredential['kind']> = {
  'service-principal': 'service-principal',
  'refresh-token': 'refresh-token',
  'admin-user': 'admin-user',
  'acr-token': 'acr-token',
  other: 'pull-secret',
};

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
