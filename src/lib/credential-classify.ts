// What kind of credential a pull-secret entry holds (service principal, ACR refresh token, admin user, scoped token,
// other), plus the pure helpers that evaluate one without printing it: JWT `exp` without verification, Graph
// password-credential matching by hint, ACR scope-map actions. No I/O.

import type { CredentialClass, MatchedPasswordCredential } from '../types/facts/credentials.js';

export type { CredentialClass, MatchedPasswordCredential };

export const ACR_REFRESH_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000';

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ClassifyContext {
  /** The ACR the entry's server belongs to, when it is one. */
  registryName?: string;
  /** Names of the registry's scoped tokens, when they could be listed. */
  tokenNames?: readonly string[];
}

export function isGuid(value: string): boolean {
  return GUID_RE.test(value);
}

/**
 * Classifies by username, most specific first: the all-zero GUID is ACR's marker for a token password; a registry's
 * name is its admin user (ACR usernames compare case-insensitively); a token name of that registry is a scoped token;
 * any other GUID is an Entra application (client) id.
 */
export function classifyCredential(username: string, password: string, ctx: ClassifyContext): CredentialClass {
  if (username === ACR_REFRESH_TOKEN_USERNAME) {
    const claims = decodeJwtClaims(password);
    const out: CredentialClass = { kind: 'refresh-token' };
    if (claims && typeof claims.exp === 'number') out.expiresAt = new Date(claims.exp * 1000).toISOString();
    if (claims && typeof claims.tenant === 'string') out.tenant = claims.tenant;
    return out;
  }
  if (ctx.registryName && username.toLowerCase() === ctx.registryName.toLowerCase()) {
    return { kind: 'admin-user', registryName: ctx.registryName };
  }
  const token = ctx.tokenNames?.find((t) => t.toLowerCase() === username.toLowerCase());
  if (token) return { kind: 'acr-token', tokenName: token };
  if (isGuid(username)) return { kind: 'service-principal', appId: username.toLowerCase() };
  return { kind: 'other' };
}

/** The claims of a JWT, decoded without verifying the signature. Undefined when it is not a JWT. */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = Buffer.from(parts[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A Graph passwordCredential as read (secretText is always null on read). */
export interface GraphPasswordCredential {
  keyId?: string | null;
  displayName?: string | null;
  hint?: string | null;
  startDateTime?: string | null;
  endDateTime?: string | null;
}

/**
 * Graph's `hint` is the first three characters of the secret: the credential whose hint matches is the one in use.
 * When several share the hint, the latest-ending one is assumed (a live token request settles it).
 */
export function matchPasswordCredential(
  secret: string,
  credentials: readonly GraphPasswordCredential[],
): MatchedPasswordCredential | undefined {
  const hint = secret.slice(0, 3);
  const matches = credentials.filter((c) => typeof c.hint === 'string' && c.hint !== '' && c.hint === hint);
  if (matches.length === 0) return undefined;
  const best = [...matches].sort((a, b) => endTime(b) - endTime(a))[0];
  const out: MatchedPasswordCredential = { candidates: matches.length };
  if (best.keyId) out.keyId = best.keyId;
  if (best.displayName) out.displayName = best.displayName;
  if (best.endDateTime) out.endDateTime = best.endDateTime;
  return out;
}

function endTime(c: GraphPasswordCredential): number {
  const t = c.endDateTime ? Date.parse(c.endDateTime) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** Whole days from `now` until `iso` (negative once passed). Undefined when `iso` is absent or not a date. */
export function daysUntil(iso: string | undefined, now: Date): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return Math.floor((t - now.getTime()) / 86_400_000);
}

export type ExpiryState = 'expired' | 'expiring' | 'ok' | 'unknown';

/** Expired when the moment has passed; expiring when it falls within `warningDays` days; no date means no expiry. */
export function expiryState(iso: string | undefined | null, now: Date, warningDays: number): ExpiryState {
  if (iso === undefined || iso === null || iso === '') return 'ok';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'unknown';
  if (t <= now.getTime()) return 'expired';
  if (t - now.getTime() <= warningDays * 86_400_000) return 'expiring';
  return 'ok';
}

/**
 * Whether a scope map's actions grant `content/read` on a repository. ACR actions look like
 * `repositories/<repo>/content/read`; the repository part may end in `/*` (that namespace and below) or be `*`.
 */
export function scopeGrantsPull(actions: readonly string[], repository: string): boolean {
  const repo = repository.toLowerCase();
  return actions.some((action) => {
    const m = /^repositories\/(.+)\/content\/read$/i.exec(action.trim());
    if (!m) return false;
    const pattern = m[1].toLowerCase();
    if (pattern === '*') return true;
    if (pattern.endsWith('/*')) return repo.startsWith(pattern.slice(0, -1));
    return pattern === repo;
  });
}
