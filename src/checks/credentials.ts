// Judges one pull-secret credential for one repository: service-principal secret expiry (Graph hint match), ACR
// refresh tokens, the admin user, scoped tokens (status, password expiry, scope map), and what the registry's token
// endpoint said. Pure: takes secret-free facts (credentials/fact-types.ts), returns the path state and findings
// without image/location (pull-secrets.ts adds those). Remediations carry placeholders, never a secret.

import {
  acrAdminEnable,
  acrAdminPassword,
  acrScopeMapAddRepository,
  acrTokenCreate,
  acrTokenCredentialGenerate,
  acrTokenEnable,
  appCredentialReset,
  attachAcr,
  kubectlRecreatePullSecret,
  tokenRotationCommands,
} from '../rules/remediation.js';
import { subscriptionOf } from '../lib/arm-id.js';
import { daysUntil, expiryState, scopeGrantsPull } from '../lib/credential-classify.js';
import type {
  AcrTokenFact,
  CredentialEntryFact,
  CredentialFacts,
  PullSecretFact,
  ServicePrincipalFact,
} from '../types/facts/credentials.js';
import type { PullPathResult } from '../types/facts/context.js';
import type { AuditCredential, Finding, RuleId } from '../types/index.js';

/** Emitted by the pull-secret and credential checks, the audit, and by the gate when their reads time out. */
export const PULL_SECRET_UNVERIFIABLE: RuleId = 'pull-secret-unverifiable';

export type PartialFinding = Omit<Finding, 'image' | 'location'>;

export interface EntryVerdict {
  state: PullPathResult['state'];
  reason?: string;
  findings: PartialFinding[];
}

export interface EntryContext {
  secret: PullSecretFact;
  repository: string;
  /** The image's registry host (`prodacr.azurecr.io`). */
  imageRegistry: string;
  now: Date;
  warningDays: number;
  cluster?: CredentialFacts['cluster'];
}

export const GRAPH_READ_PERMISSION = 'Application.Read.All (Microsoft Graph application permission)';

/** `kubectl create secret docker-registry` that replaces the secret in place; the password is a placeholder. */
export const recreateSecretCommand = kubectlRecreatePullSecret;

/** `az aks update --attach-acr`: lets the kubelet identity pull, so the secret is no longer needed. */
export function attachAcrCommand(cluster: EntryContext['cluster'], registryId: string): string {
  return attachAcr(cluster && { ...cluster, subscriptionId: subscriptionOf(cluster.id) }, registryId);
}

function secretLabel(s: { namespace: string; name: string }): string {
  return `${s.namespace}/${s.name}`;
}

function fmtDate(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}

function remainingText(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  if (ms <= 0) {
    const ago = Math.floor(-ms / 86_400_000);
    return ago >= 1 ? `expired ${fmtDate(iso)} (${ago} day${ago === 1 ? '' : 's'} ago)` : `expired ${fmtDate(iso)}`;
  }
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return `expires ${fmtDate(iso)} (in ${days} day${days === 1 ? '' : 's'})`;
  const hours = Math.max(1, Math.floor(ms / 3_600_000));
  return `expires ${fmtDate(iso)} (in ${hours} hour${hours === 1 ? '' : 's'})`;
}

function baseEvidence(ctx: EntryContext, entry: CredentialEntryFact): Record<string, unknown> {
  const ev: Record<string, unknown> = {
    path: `pull-secret:${secretLabel(ctx.secret)}`,
    secretName: secretLabel(ctx.secret),
    username: entry.username,
    repository: ctx.repository,
  };
  if (entry.registry) ev.registryId = entry.registry.id;
  return ev;
}

/** Evaluates one credential (one `auths` entry) of a pull secret for one repository. */
export function evaluateEntry(entry: CredentialEntryFact, ctx: EntryContext): EntryVerdict {
  const findings: PartialFinding[] = [];
  const specific = evaluateByClass(entry, ctx, findings);
  const live = entry.live[ctx.repository];
  const label = secretLabel(ctx.secret);
  const hasError = findings.some((f) => f.severity === 'error');

  if (live?.state === 'works') {
    // The registry itself accepted the credential: whatever the metadata suggested, this path pulls today.
    return {
      state: 'works',
      findings: findings.filter((f) => f.severity !== 'error'),
    };
  }
  if (live?.state === 'rejected') {
    if (!hasError) {
      findings.push({
        rule: 'pull-secret-credential-rejected',
        severity: 'error',
        message:
          `Pull secret ${label}: ${ctx.imageRegistry} refused its credential (user ${entry.username}) for ` +
          `repository:${ctx.repository}:pull: ${live.reason}. The kubelet gets the same answer.`,
        registry: ctx.imageRegistry,
        remediation: rejectedRemediation(entry, ctx),
        evidence: { ...baseEvidence(ctx, entry), reason: live.reason, httpStatus: live.httpStatus, state: 'rejected' },
      });
    }
    return { state: 'broken', reason: specific.reason ?? `credential rejected: ${live.reason}`, findings };
  }
  if (specific.state === 'broken') return { state: 'broken', reason: specific.reason, findings };

  // Nothing conclusive from the registry itself.
  if (live?.state === 'unreachable' && specific.state !== 'works') {
    findings.push({
      rule: PULL_SECRET_UNVERIFIABLE,
      severity: 'warning',
      message:
        `Pull secret ${label}: could not ask ${ctx.imageRegistry} whether its credential (user ${entry.username}) ` +
        `may pull ${ctx.repository}: ${live.reason}.`,
      registry: ctx.imageRegistry,
      evidence: { ...baseEvidence(ctx, entry), reason: live.reason, permission: live.permission },
    });
    return { state: 'unknown', reason: `not verifiable: ${live.reason}`, findings };
  }
  return { state: specific.state, reason: specific.reason, findings };
}

/** What the Azure metadata alone says about the credential. `works` only when something positive was seen. */
function evaluateByClass(
  entry: CredentialEntryFact,
  ctx: EntryContext,
  findings: PartialFinding[],
): { state: PullPathResult['state']; reason?: string } {
  const c = entry.credentialClass;
  switch (c.kind) {
    case 'service-principal':
      return evaluateServicePrincipal(entry, entry.servicePrincipal, ctx, findings);
    case 'refresh-token':
      return evaluateRefreshToken(entry, c.expiresAt, ctx, findings);
    case 'admin-user':
      return evaluateAdmin(entry, ctx, findings);
    case 'acr-token':
      return evaluateToken(entry, entry.token, ctx, findings);
    case 'other':
      if (entry.registry && entry.tokensUnverifiable && !entry.live[ctx.repository]) {
        findings.push(
          unverifiableFinding(entry, ctx, entry.tokensUnverifiable, 'its scoped tokens could not be listed'),
        );
        return { state: 'unknown', reason: `not verifiable: ${entry.tokensUnverifiable.reason}` };
      }
      return { state: 'unknown' };
  }
}

function unverifiableFinding(
  entry: CredentialEntryFact,
  ctx: EntryContext,
  u: { reason: string; permission?: string },
  what: string,
): PartialFinding {
  return {
    rule: PULL_SECRET_UNVERIFIABLE,
    severity: 'warning',
    message:
      `Pull secret ${secretLabel(ctx.secret)} (user ${entry.username} on ${entry.server}): ${what}: ${u.reason}` +
      (u.permission ? `. Grant the gate ${u.permission} to check it.` : '.'),
    registry: ctx.imageRegistry,
    evidence: { ...baseEvidence(ctx, entry), reason: u.reason, permission: u.permission },
  };
}

function evaluateServicePrincipal(
  entry: CredentialEntryFact,
  sp: ServicePrincipalFact | undefined,
  ctx: EntryContext,
  findings: PartialFinding[],
): { state: PullPathResult['state']; reason?: string } {
  const appId = entry.credentialClass.kind === 'service-principal' ? entry.credentialClass.appId : entry.username;
  if (!sp || sp.state === 'unverifiable') {
    if (entry.live[ctx.repository]) return { state: 'unknown' };
    const u = sp ?? { reason: 'Microsoft Graph was not asked (no Azure sign-in)', permission: GRAPH_READ_PERMISSION };
    findings.push(unverifiableFinding(entry, ctx, u, `the expiry of service principal ${appId}'s secret is unknown`));
    return { state: 'unknown', reason: `not verifiable: ${u.reason}` };
  }
  if (sp.state === 'app-not-found') {
    if (entry.live[ctx.repository]) return { state: 'unknown' };
    findings.push(
      unverifiableFinding(
        entry,
        ctx,
        { reason: `no application with appId ${appId} is registered in the gate's tenant` },
        'its service principal could not be found',
      ),
    );
    return { state: 'unknown', reason: `application ${appId} not found in the tenant` };
  }
  const label = secretLabel(ctx.secret);
  const name = sp.displayName ? `${sp.displayName} (${appId})` : appId;
  const reset = appCredentialReset(appId);
  const recreate = recreateSecretCommand(ctx.secret, entry.server, appId);
  if (!sp.matched) {
    const reason = `its secret matches none of the ${sp.credentialCount} current client secret(s) of ${name}: it was removed or replaced`;
    findings.push({
      rule: 'pull-secret-credential-rejected',
      severity: 'error',
      message: `Pull secret ${label}: ${reason}, so Entra ID refuses it.`,
      registry: ctx.imageRegistry,
      remediation: `${reset}\n${recreate}`,
      evidence: { ...baseEvidence(ctx, entry), identity: appId, reason, state: 'no-matching-secret' },
    });
    return { state: 'broken', reason: `service principal ${appId}: secret no longer exists` };
  }
  const end = sp.matched.endDateTime;
  const state = expiryState(end, ctx.now, ctx.warningDays);
  const keyText = sp.matched.displayName
    ? ` "${sp.matched.displayName}"`
    : sp.matched.keyId
      ? ` ${sp.matched.keyId}`
      : '';
  const evidence = {
    ...baseEvidence(ctx, entry),
    identity: appId,
    keyId: sp.matched.keyId,
    expires: end,
    daysLeft: daysUntil(end, ctx.now),
    state,
  };
  if (state === 'expired' && end) {
    findings.push({
      rule: 'sp-secret-expired',
      severity: 'error',
      message: `Pull secret ${label} uses client secret${keyText} of service principal ${name}, which ${remainingText(end, ctx.now)}: every pull with it gets 401.`,
      registry: ctx.imageRegistry,
      remediation: `${reset}\n${recreate}`,
      evidence,
    });
    return { state: 'broken', reason: `service principal ${appId}: client secret ${remainingText(end, ctx.now)}` };
  }
  if (state === 'expiring' && end) {
    findings.push({
      rule: 'sp-secret-expiring',
      severity: 'warning',
      message: `Pull secret ${label} uses client secret${keyText} of service principal ${name}, which ${remainingText(end, ctx.now)}.`,
      registry: ctx.imageRegistry,
      remediation: `${reset}\n${recreate}`,
      evidence,
    });
  }
  return { state: 'unknown' };
}

function evaluateRefreshToken(
  entry: CredentialEntryFact,
  expiresAt: string | undefined,
  ctx: EntryContext,
  findings: PartialFinding[],
): { state: PullPathResult['state']; reason?: string } {
  const label = secretLabel(ctx.secret);
  const remediation = entry.registry
    ? attachAcrCommand(ctx.cluster, entry.registry.id)
    : acrTokenCreate({
        registry: '<registry-name>',
        name: `${ctx.secret.name}-pull`,
        repository: ctx.repository,
        actions: ['content/read'],
      }) +
      '\n' +
      recreateSecretCommand(ctx.secret, entry.server, `${ctx.secret.name}-pull`);
  const evidence = {
    ...baseEvidence(ctx, entry),
    expires: expiresAt,
    daysLeft: daysUntil(expiresAt, ctx.now),
  };
  if (expiresAt && Date.parse(expiresAt) <= ctx.now.getTime()) {
    findings.push({
      rule: 'refresh-token-in-pull-secret',
      severity: 'error',
      message: `Pull secret ${label} holds an ACR refresh token (user 00000000-0000-0000-0000-000000000000) that ${remainingText(expiresAt, ctx.now)}: pulls with it get 401. Use the kubelet identity (--attach-acr) or a scoped token instead.`,
      registry: ctx.imageRegistry,
      remediation,
      evidence: { ...evidence, state: 'expired' },
    });
    return { state: 'broken', reason: `ACR refresh token ${remainingText(expiresAt, ctx.now)}` };
  }
  findings.push({
    rule: 'refresh-token-in-pull-secret',
    severity: 'warning',
    message:
      `Pull secret ${label} holds an ACR refresh token (user 00000000-0000-0000-0000-000000000000)` +
      (expiresAt ? ` that ${remainingText(expiresAt, ctx.now)}` : '') +
      `; these last hours, not months, and pulls fail when it lapses. Use the kubelet identity (--attach-acr) or a scoped token instead.`,
    registry: ctx.imageRegistry,
    remediation,
    evidence: { ...evidence, state: 'short-lived' },
  });
  return { state: 'unknown' };
}

function evaluateAdmin(
  entry: CredentialEntryFact,
  ctx: EntryContext,
  findings: PartialFinding[],
): { state: PullPathResult['state']; reason?: string } {
  const label = secretLabel(ctx.secret);
  const reg = entry.registry;
  const acr = reg?.name ?? entry.username;
  const admin = entry.adminUser;
  if (!admin || admin.state === 'unverifiable') {
    if (entry.live[ctx.repository]) return { state: 'unknown' };
    const u = admin ?? { reason: 'the registry was not read (no Azure sign-in)' };
    findings.push(unverifiableFinding(entry, ctx, u, `the admin user state of ${acr} is unknown`));
    return { state: 'unknown', reason: `not verifiable: ${u.reason}` };
  }
  const evidence = { ...baseEvidence(ctx, entry) };
  if (!admin.adminUserEnabled) {
    findings.push({
      rule: 'admin-user-disabled',
      severity: 'error',
      message: `Pull secret ${label} signs in as the admin user of ${acr}, but the admin user is disabled: pulls get 401. Re-enable it, or drop the secret and attach the registry to the cluster (az aks update --attach-acr).`,
      registry: ctx.imageRegistry,
      remediation: acrAdminEnable(acr),
      evidence: {
        ...evidence,
        state: 'disabled',
        alternative: reg ? attachAcrCommand(ctx.cluster, reg.id) : undefined,
      },
    });
    return { state: 'broken', reason: `admin user of ${acr} is disabled` };
  }
  if (admin.passwordCurrent === false) {
    findings.push({
      rule: 'admin-password-rotated',
      severity: 'error',
      message: `Pull secret ${label} holds an admin password of ${acr} that is no longer one of its two current passwords (regenerated): pulls get 401.`,
      registry: ctx.imageRegistry,
      remediation: recreateSecretCommand(ctx.secret, entry.server, acr, `"$(${acrAdminPassword(acr)})"`),
      evidence: { ...evidence, state: 'rotated' },
    });
    return { state: 'broken', reason: `admin password of ${acr} was regenerated` };
  }
  if (admin.passwordCurrent === undefined && admin.passwordUnverifiable && !entry.live[ctx.repository]) {
    findings.push(
      unverifiableFinding(
        entry,
        ctx,
        admin.passwordUnverifiable,
        `whether the admin password of ${acr} is current is unknown`,
      ),
    );
  }
  findings.push({
    rule: 'admin-user-in-use',
    severity: 'notice',
    message: `Pull secret ${label} signs in as the admin user of ${acr}: one shared password with push rights; prefer the kubelet identity (--attach-acr) or a pull-only scoped token.`,
    registry: ctx.imageRegistry,
    remediation: reg ? attachAcrCommand(ctx.cluster, reg.id) : undefined,
    evidence: { ...evidence, state: 'in-use' },
  });
  return admin.passwordCurrent ? { state: 'works' } : { state: 'unknown' };
}

function evaluateToken(
  entry: CredentialEntryFact,
  token: AcrTokenFact | undefined,
  ctx: EntryContext,
  findings: PartialFinding[],
): { state: PullPathResult['state']; reason?: string } {
  const label = secretLabel(ctx.secret);
  const acr = entry.registry?.name ?? '<registry-name>';
  const tokenName = entry.credentialClass.kind === 'acr-token' ? entry.credentialClass.tokenName : entry.username;
  if (!token || token.state === 'unverifiable') {
    if (entry.live[ctx.repository]) return { state: 'unknown' };
    const u = token ?? { reason: 'the registry was not read (no Azure sign-in)' };
    findings.push(unverifiableFinding(entry, ctx, u, `scoped token ${tokenName} could not be read`));
    return { state: 'unknown', reason: `not verifiable: ${u.reason}` };
  }
  const evidence = { ...baseEvidence(ctx, entry), tokenName, status: token.status };
  const live = entry.live[ctx.repository];
  let broken: string | undefined;
  if (token.status.toLowerCase() !== 'enabled') {
    findings.push({
      rule: 'acr-token-disabled',
      severity: 'error',
      message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, which is ${token.status}: pulls get 401.`,
      registry: ctx.imageRegistry,
      remediation: acrTokenEnable(tokenName, acr),
      evidence: { ...evidence, state: 'disabled' },
    });
    broken = `scoped token ${tokenName} is ${token.status}`;
  }
  broken = evaluateTokenPasswords(entry, token, ctx, findings, evidence, live?.state) ?? broken;
  if (token.actions) {
    // No particular repository (the audit judges the credential, not a pull): there is no scope to check.
    if (ctx.repository !== '' && !scopeGrantsPull(token.actions, ctx.repository)) {
      const scopeMap = token.scopeMapName ?? '<scope-map>';
      findings.push({
        rule: 'acr-token-scope-missing-repository',
        severity: 'error',
        message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, whose scope map ${scopeMap} does not grant content/read on ${ctx.repository}: pulls of it get 401.`,
        registry: ctx.imageRegistry,
        remediation: acrScopeMapAddRepository(scopeMap, acr, ctx.repository),
        evidence: { ...evidence, scope: token.actions.join(', '), state: 'scope-missing' },
      });
      broken = broken ?? `scope map ${scopeMap} of token ${tokenName} lacks content/read on ${ctx.repository}`;
    }
  } else if (token.scopeUnverifiable && !live) {
    findings.push(
      unverifiableFinding(entry, ctx, token.scopeUnverifiable, `the scope map of token ${tokenName} could not be read`),
    );
  }
  return broken ? { state: 'broken', reason: broken } : { state: 'unknown' };
}

/** Token passwords: the API never returns their values, so which one the secret holds is known only via the live check. */
function evaluateTokenPasswords(
  entry: CredentialEntryFact,
  token: Extract<AcrTokenFact, { state: 'found' }>,
  ctx: EntryContext,
  findings: PartialFinding[],
  evidence: Record<string, unknown>,
  liveState: string | undefined,
): string | undefined {
  const label = secretLabel(ctx.secret);
  const acr = entry.registry?.name ?? '<registry-name>';
  const tokenName = token.tokenName;
  const states = token.passwords.map((p) => ({ p, s: expiryState(p.expiry, ctx.now, ctx.warningDays) }));
  if (states.length === 0) return undefined;
  const expired = states.filter((x) => x.s === 'expired');
  const regenerate = (name: string): string =>
    `${acrTokenCredentialGenerate(tokenName, acr, name === 'password2' ? 'password2' : 'password1')}\n` +
    recreateSecretCommand(ctx.secret, entry.server, tokenName);
  if (expired.length === states.length) {
    const p = expired.sort((a, b) => Date.parse(b.p.expiry ?? '') - Date.parse(a.p.expiry ?? ''))[0].p;
    const expiry = p.expiry ?? '';
    findings.push({
      rule: 'acr-token-expired',
      severity: 'error',
      message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, and every password of it has expired (${p.name} ${remainingText(expiry, ctx.now)}): pulls get 401.`,
      registry: ctx.imageRegistry,
      remediation: regenerate(p.name),
      evidence: { ...evidence, expires: expiry, daysLeft: daysUntil(expiry, ctx.now), state: 'expired' },
    });
    return `scoped token ${tokenName}: every password expired`;
  }
  if (expired.length > 0 && liveState !== 'works') {
    // One password expired, another still valid: the secret may hold either. Without a live answer, say so.
    const p = expired[0].p;
    const expiry = p.expiry ?? '';
    findings.push({
      rule: 'acr-token-expired',
      severity: 'warning',
      message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, whose ${p.name} ${remainingText(expiry, ctx.now)}; if the secret holds ${p.name}, pulls get 401 (the registry could not be asked which one it holds).`,
      registry: ctx.imageRegistry,
      remediation: regenerate(p.name),
      evidence: { ...evidence, expires: expiry, daysLeft: daysUntil(expiry, ctx.now), state: 'one-password-expired' },
    });
    return undefined;
  }
  const valid = states.filter((x) => x.s !== 'expired');
  const soonest = valid.filter((x) => x.s === 'expiring');
  // Warn only when every still-valid password is inside the threshold: one long-lived password keeps the token usable.
  if (soonest.length > 0 && soonest.length === valid.length) {
    const p = soonest.sort((a, b) => Date.parse(b.p.expiry ?? '') - Date.parse(a.p.expiry ?? ''))[0].p;
    const expiry = p.expiry ?? '';
    findings.push({
      rule: 'acr-token-expiring',
      severity: 'warning',
      message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, whose ${p.name} ${remainingText(expiry, ctx.now)}.`,
      registry: ctx.imageRegistry,
      remediation: tokenRotationCommands(
        tokenName,
        acr,
        token.passwords.map((x) => ({ name: x.name, ...(x.expiry ? { expiry: x.expiry } : {}) })),
        recreateSecretCommand(ctx.secret, entry.server, tokenName),
      ),
      evidence: { ...evidence, expires: expiry, daysLeft: daysUntil(expiry, ctx.now), state: 'expiring' },
    });
  }
  return undefined;
}

function rejectedRemediation(entry: CredentialEntryFact, ctx: EntryContext): string {
  const c = entry.credentialClass;
  if (c.kind === 'service-principal') {
    return `${appCredentialReset(c.appId)}\n${recreateSecretCommand(ctx.secret, entry.server, c.appId)}`;
  }
  if (c.kind === 'acr-token' && entry.registry) {
    return (
      `${acrTokenCredentialGenerate(c.tokenName, entry.registry.name, 'password1')}\n` +
      recreateSecretCommand(ctx.secret, entry.server, c.tokenName)
    );
  }
  if (entry.registry) return attachAcrCommand(ctx.cluster, entry.registry.id);
  return recreateSecretCommand(ctx.secret, entry.server, entry.username);
}

/**
 * The audit's judgement of a scoped token from the registry's token list (acr-token-disabled/-expired/-expiring),
 * for a token no pull secret uses (a used one is judged with its secret by `evaluateEntry`).
 */
export function scopedTokenFinding(
  reg: { name: string; loginServer: string },
  t: { name: string; status: string; passwords?: { name?: string; expiry?: string }[] },
  c: AuditCredential,
): Finding | undefined {
  const generate = acrTokenCredentialGenerate(t.name, reg.name, 'password1');
  const used = c.usedBy.length > 0 ? ` (used by ${c.usedBy.join(', ')})` : '';
  if (c.status === 'disabled' && c.usedBy.length > 0) {
    return {
      rule: 'acr-token-disabled',
      severity: 'error',
      message: `Scoped token ${t.name} of ${reg.name} is ${t.status}${used}.`,
      registry: reg.loginServer,
      remediation: acrTokenEnable(t.name, reg.name),
      evidence: { tokenName: t.name, status: t.status },
    };
  }
  if (c.status === 'expired') {
    return {
      rule: 'acr-token-expired',
      severity: 'error',
      message: `Every password of scoped token ${t.name} of ${reg.name} has expired (latest ${c.expires})${used}.`,
      registry: reg.loginServer,
      remediation: generate,
      evidence: { tokenName: t.name, expires: c.expires, daysLeft: c.daysLeft },
    };
  }
  if (c.status === 'expiring') {
    return {
      rule: 'acr-token-expiring',
      severity: 'warning',
      message: `Scoped token ${t.name} of ${reg.name} has no password valid beyond ${c.expires} (${c.daysLeft} day(s) left)${used}.`,
      registry: reg.loginServer,
      remediation: tokenRotationCommands(
        t.name,
        reg.name,
        (t.passwords ?? []).map((p) => ({ name: p.name ?? '', ...(p.expiry ? { expiry: p.expiry } : {}) })),
        `update every pull secret that uses ${t.name}${used} with the new password`,
      ),
      evidence: { tokenName: t.name, expires: c.expires, daysLeft: c.daysLeft },
    };
  }
  return undefined;
}
