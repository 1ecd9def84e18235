// Registry authentication: the `GET /v2/` challenge, `WWW-Authenticate` parsing, Bearer tokens (anonymous, with Basic
// credentials, with a refresh token) and Basic, and a token cache per registry + scope + credential.
// Every credential goes through credential-policy.ts before it is put on the wire.

import { createHash } from 'node:crypto';
import { mayReceiveCredential, mayUseRealm } from './credential-policy.js';
import { RegistryError, oneLine } from './errors.js';
import { readBounded, throwIfFirewall, type RegistryHttp, type WireResponse } from './http.js';

export type RegistryCredential =
  { kind: 'basic'; username: string; password: string } | { kind: 'refresh-token'; token: string };

export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

export type RegistryChallenge =
  { kind: 'none' } | { kind: 'basic'; realm?: string } | { kind: 'bearer'; realm: URL; service?: string };

/** Parses `WWW-Authenticate` (RFC 7235), including quoted values with commas (`scope="repository:a:pull,push"`). */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  const tokenChar = /[\w!#$%&'*+.^`|~-]/;
  let i = 0;
  const skip = (chars: RegExp): void => {
    while (i < header.length && chars.test(header[i] ?? '')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < header.length && tokenChar.test(header[i] ?? '')) i++;
    return header.slice(start, i);
  };
  let current: AuthChallenge | undefined;
  while (i < header.length) {
    skip(/[\s,]/);
    const name = readToken();
    if (!name) {
      i++;
      continue;
    }
    skip(/\s/);
    if (header[i] === '=' && current && header[i + 1] !== '=') {
      i++;
      skip(/\s/);
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < header.length && header[i] !== '"') {
          if (header[i] === '\\') i++;
          value += header[i] ?? '';
          i++;
        }
        i++;
      } else {
        value = readToken();
      }
      current.params[name.toLowerCase()] = value;
    } else {
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
    }
  }
  return out;
}

/** Picks the challenge we can answer: Bearer first (it carries a scope), then Basic. */
export function challengeFrom(header: string | null, registryHost: string): RegistryChallenge | RegistryError {
  if (header === null) return { kind: 'basic' };
  const list = parseWwwAuthenticate(header);
  const bearer = list.find((c) => c.scheme === 'bearer');
  if (bearer) {
    const realm = bearer.params.realm;
    if (!realm) return new RegistryError('protocol', `${registryHost}: Bearer challenge without a realm`);
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      return new RegistryError('protocol', `${registryHost}: Bearer realm is not a URL (${oneLine(realm, 80)})`);
    }
    const c: RegistryChallenge = { kind: 'bearer', realm: url };
    if (bearer.params.service !== undefined) c.service = bearer.params.service;
    return c;
  }
  const basic = list.find((c) => c.scheme === 'basic');
  if (basic) {
    const c: RegistryChallenge = { kind: 'basic' };
    if (basic.params.realm !== undefined) c.realm = basic.params.realm;
    return c;
  }
  return new RegistryError('protocol', `${registryHost}: unsupported authentication scheme (${oneLine(header, 80)})`);
}

/** A stable, non-reversible key for a credential, so caches can tell credentials apart without holding secrets in keys. */
export function credentialKey(credential: RegistryCredential | undefined): string {
  if (!credential) return 'anonymous';
  const material =
    credential.kind === 'basic' ? `basic\0${credential.username}\0${credential.password}` : `rt\0${credential.token}`;
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Distribution's default when a token response says nothing (token spec: 60 s). */
const DEFAULT_TOKEN_TTL_S = 60;
/** Renew this long before expiry so a token does not lapse mid-request. */
const TOKEN_MARGIN_MS = 5_000;
const MAX_TOKEN_BODY = 1024 * 1024;

export interface TokenRequest {
  registry: string;
  challenge: Extract<RegistryChallenge, { kind: 'bearer' }>;
  scope: string;
  credential?: RegistryCredential;
}

export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<string>>();

  /** The deadline is the transport's (RegistryHttp bounds every request and body read). */
  constructor(private readonly http: RegistryHttp) {}

  /** A bearer token for the scope, from cache or the realm; concurrent callers share one request. */
  async token(req: TokenRequest): Promise<string> {
    const key = `${req.registry}|${req.scope}|${credentialKey(req.credential)}`;
    const hit = this.tokens.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.token;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = this.fetchToken(req)
      .then((t) => {
        this.tokens.set(key, t);
        return t.token;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private async fetchToken(req: TokenRequest): Promise<CachedToken> {
    const { realm, service } = req.challenge;
    const cred = req.credential;
    const verdict = cred ? mayReceiveCredential(req.registry, realm) : mayUseRealm(realm);
    if (!verdict.ok) throw new RegistryError('credential-refused', verdict.reason);

    const url = new URL(realm);
    let res: WireResponse;
    if (cred?.kind === 'refresh-token') {
      // OAuth2 refresh grant (distribution token spec, ACR's /oauth2/token).
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: cred.token, scope: req.scope });
      if (service !== undefined) form.set('service', service);
      form.set('client_id', 'aks-pull-gate');
      res = await this.http.send('token', url, {
        method: 'POST',
        pool: req.registry,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
    } else {
      if (service !== undefined) url.searchParams.set('service', service);
      url.searchParams.set('scope', req.scope);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (cred?.kind === 'basic') headers.authorization = basicHeader(cred.username, cred.password);
      res = await this.http.send('token', url, { method: 'GET', pool: req.registry, headers });
    }
    const where = `${realm.host} token endpoint`;
    if (res.status === 401) {
      throw new RegistryError(
        'unauthorized',
        cred ? `${where} rejected the credential (401)` : `${where} refused an anonymous token (401)`,
        401,
      );
    }
    if (res.status === 403) {
      throwIfFirewall(res, realm.host);
      throw new RegistryError('denied', `${where} denied the token for ${req.scope} (403)`, 403);
    }
    if (res.status === 429) {
      throw new RegistryError('throttled', `${where} is throttling requests (429); retries exhausted`, 429);
    }
    if (res.status >= 500) {
      throw new RegistryError('server-error', `${where} answered ${res.status}; retries exhausted`, res.status);
    }
    if (res.status !== 200) {
      throw new RegistryError('protocol', `${where} answered ${res.status}`, res.status);
    }
    const text = readBounded(res, MAX_TOKEN_BODY, realm.host);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RegistryError('protocol', `${where} returned a body that is not JSON`);
    }
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const token = typeof b.token === 'string' ? b.token : typeof b.access_token === 'string' ? b.access_token : '';
    if (!token) throw new RegistryError('protocol', `${where} returned no token`);
    const ttl = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : DEFAULT_TOKEN_TTL_S;
    return { token, expiresAt: Date.now() + Math.max(1_000, ttl * 1000 - TOKEN_MARGIN_MS) };
  }
}
