// The kubelet-equivalent check of one pull-secret credential: ping the registry's /v2/, answer its challenge with the
// secret's own username and password for `repository:<repo>:pull`, and read the granted access from the token.
// Built on the registry client's transport and token cache (src/registry: same retries, deadline and the
// credential policy: HTTPS only, plain HTTP only to loopback, realm on the registry's host or registrable domain).
// Outcome: works / rejected (the kubelet would get 401 too) / unreachable (could not tell from here).

import { challengeFrom, basicHeader, TokenCache } from '../registry/auth.js';
import {
  hostnameOf,
  isLoopbackHost,
  mayReceiveCredential,
  registryEndpointHost,
} from '../registry/credential-policy.js';
import { RegistryError, transportError } from '../registry/errors.js';
import { RegistryHttp, type WireResponse } from '../registry/http.js';
import type { Logger } from '../../types/index.js';
import type { WireRequest } from '../../types/facts/context.js';
import { decodeJwtClaims } from '../../lib/credential-classify.js';
import type { LiveCheckFact } from '../../types/facts/credentials.js';

export interface LiveCheckOptions {
  fetch: typeof globalThis.fetch;
  /** undici's `request` with the same routing as `fetch`: the transport when given. */
  request?: WireRequest;
  signal?: AbortSignal;
  logger?: Logger;
  /** Per-request timeout (ms). */
  requestTimeoutMs?: number;
}

/** Failures that mean "the registry said no to this credential", as opposed to "we could not ask". */
const REJECTIONS = new Set(['unauthorized', 'denied']);

export class LiveCredentialChecker {
  private readonly http: RegistryHttp;
  private readonly tokens: TokenCache;
  private readonly pings = new Map<string, Promise<WireResponse | RegistryError>>();

  constructor(private readonly opts: LiveCheckOptions) {
    const httpOpts: ConstructorParameters<typeof RegistryHttp>[0] = {
      fetch: opts.fetch,
      concurrencyPerRegistry: 4,
      maxRetries: 2,
      requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
      maxRetryDelayMs: 5_000,
      baseRetryDelayMs: 250,
    };
    if (opts.signal) httpOpts.signal = opts.signal;
    if (opts.logger) httpOpts.logger = opts.logger;
    if (opts.request) httpOpts.request = opts.request;
    this.http = new RegistryHttp(httpOpts);
    this.tokens = new TokenCache(this.http);
  }

  private base(registry: string): URL {
    const host = registryEndpointHost(registry);
    // Plain HTTP only for loopback registries (local test registries); everything else is HTTPS.
    const scheme = isLoopbackHost(hostnameOf(host)) && this.plainHttpLoopback ? 'http' : 'https';
    return new URL(`${scheme}://${host}/`);
  }

  /** Tests against a plain-HTTP registry on 127.0.0.1 turn this on; never used for other hosts. */
  plainHttpLoopback = false;

  /** Asks the registry whether `username`/`password` may pull `repository`. Never throws. */
  async check(registry: string, repository: string, username: string, password: string): Promise<LiveCheckFact> {
    const scope = `repository:${repository}:pull`;
    try {
      const base = this.base(registry);
      const ping = await this.ping(registry, base);
      if (ping instanceof RegistryError) return unreachable(ping.message);
      if (ping.status === 200) {
        return { state: 'works' };
      }
      if (ping.status !== 401) return unreachable(`${registry}/v2/ answered ${ping.status}`);
      const challenge = challengeFrom(ping.headers.get('www-authenticate'), registry);
      if (challenge instanceof RegistryError) return unreachable(challenge.message);
      if (challenge.kind === 'basic') return await this.basicCheck(registry, base, username, password);
      if (challenge.kind !== 'bearer') return { state: 'works' };
      const token = await this.tokens.token({
        registry,
        challenge,
        scope,
        credential: { kind: 'basic', username, password },
      });
      return grantedPull(token, repository, registry);
    } catch (err) {
      const e = err instanceof RegistryError ? err : transportError(err, registry, 'other');
      if (REJECTIONS.has(e.kind)) {
        const out: LiveCheckFact = { state: 'rejected', reason: e.message };
        if (e.status !== undefined) out.httpStatus = e.status;
        return out;
      }
      if (e.kind === 'credential-refused') return unreachable(e.message, 'a token realm on the registry’s own host');
      return unreachable(e.message);
    }
  }

  /** One unauthenticated /v2/ ping per registry, shared by every credential checked against it. */
  private ping(registry: string, base: URL): Promise<WireResponse | RegistryError> {
    let p = this.pings.get(registry);
    if (!p) {
      p = this.http
        .send('ping', new URL('/v2/', base), { method: 'GET', pool: registry, headers: { accept: 'application/json' } })
        .catch((err: unknown) => (err instanceof RegistryError ? err : transportError(err, registry, 'other')));
      this.pings.set(registry, p);
    }
    return p;
  }

  /** Registries that answer with a Basic challenge (htpasswd): the credential is checked against /v2/ itself. */
  private async basicCheck(registry: string, base: URL, username: string, password: string): Promise<LiveCheckFact> {
    const url = new URL('/v2/', base);
    const verdict = mayReceiveCredential(registry, url);
    if (!verdict.ok) return unreachable(verdict.reason);
    const res = await this.http.send('ping', url, {
      method: 'GET',
      pool: registry,
      headers: { authorization: basicHeader(username, password), accept: 'application/json' },
    });
    if (res.status === 200) return { state: 'works' };
    if (res.status === 401 || res.status === 403) {
      return {
        state: 'rejected',
        reason: `${registry} refused the credential (${res.status})`,
        httpStatus: res.status,
      };
    }
    return unreachable(`${registry}/v2/ answered ${res.status} with the credential`);
  }
}

function unreachable(reason: string, permission?: string): LiveCheckFact {
  const out: LiveCheckFact = { state: 'unreachable', reason };
  if (permission) out.permission = permission;
  return out;
}

/**
 * A token endpoint may sign a credential in and still grant nothing on the repository (ACR, Docker Hub do):
 * the pull then fails with 401 at the manifest. Read the `access` claim when the token carries one.
 */
export function grantedPull(token: string, repository: string, registry: string): LiveCheckFact {
  const claims = decodeJwtClaims(token);
  const access = claims?.access;
  if (!Array.isArray(access)) return { state: 'works' };
  const ok = access.some((a: unknown) => {
    if (typeof a !== 'object' || a === null) return false;
    // Real ACR anonymous tokens carry `{"Type":"repository","Name":"*","Actions":["pull"]}` (recording
    // acr-anonymous-token-for-delete-scope-200); the distribution spec writes the keys in lower case. The casing of
    // other ACR token kinds is not documented, so both are read, and `*` names every repository.
    const o = a as Record<string, unknown>;
    const type = o.type ?? o.Type;
    const name = o.name ?? o.Name;
    const actions = o.actions ?? o.Actions;
    return (
      type === 'repository' &&
      (name === repository || name === '*') &&
      Array.isArray(actions) &&
      actions.some((x) => x === 'pull' || x === '*')
    );
  });
  return ok
    ? { state: 'works' }
    : { state: 'rejected', reason: `${registry} signed the credential in but granted no pull on ${repository}` };
}
