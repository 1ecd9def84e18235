// The OCI distribution client: answers the kubelet's question for one image reference (does it resolve to a
// manifest, for which platforms, and may this identity read it?) with as few requests as the protocol allows:
// one challenge per registry, one token per repository + scope, HEAD before GET, platforms cached by digest,
// each unique image checked once even when asked concurrently.

import { setMaxListeners } from 'node:events';
import {
  acrName,
  exchangeEntraToken,
  looksLikeAcr,
  parseManifestAttributes,
  parseRepositoryReadEnabled,
  parseTagAttributes,
} from './acr.js';
import type { AcrAttributes } from './acr.js';
import {
  TokenCache,
  basicHeader,
  challengeFrom,
  credentialKey,
  type RegistryChallenge,
  type RegistryCredential,
} from './auth.js';
import { isLoopbackHost, mayReceiveCredential, registryEndpointHost, hostnameOf } from './credential-policy.js';
import { RegistryError, transportError } from './errors.js';
import {
  DEFAULT_CONCURRENCY_PER_REGISTRY,
  RegistryHttp,
  readBounded,
  throwIfFirewall,
  type RequestKind,
  type WireResponse,
} from './http.js';
import { MANIFEST_ACCEPT, baseMediaType, isImageConfigType, parseManifest, platformFromConfig } from './manifests.js';
import { nearestTags } from '../../lib/nearest-tags.js';
import type { ImageReference, Logger, Platform } from '../../types/index.js';
import type { WireRequest } from '../../types/facts/context.js';
import type { ImageCheck, ImageCheckStatus, RegistryAuth } from '../../types/facts/images.js';

export type { RegistryCredential } from './auth.js';
export type { AcrAttributes } from './acr.js';

export interface RegistryClientOptions {
  /** Injected fetch: the gate routes registry hosts to the emulator under --simulate; tests trust their CA. */
  fetch?: typeof globalThis.fetch;
  /** undici's `request` with the same routing: the transport when given (the gate gives it), `fetch` otherwise. */
  request?: WireRequest;
  /** Requests in flight per registry host (default DEFAULT_CONCURRENCY_PER_REGISTRY, 32). Registries run in parallel. */
  concurrencyPerRegistry?: number;
  /** The overall deadline: when it aborts, every pending check ends as unverifiable (timeout). */
  signal?: AbortSignal;
  /** Retries for 429 and 5xx (default 3). */
  maxRetries?: number;
  /** Per-request timeout in ms (default 15000). */
  requestTimeoutMs?: number;
  /** Longest wait before one retry in ms (default 10000); a longer Retry-After ends the check as throttled. */
  maxRetryDelayMs?: number;
  /** First backoff step in ms (default 250). */
  baseRetryDelayMs?: number;
  logger?: Logger;
  /** Credential for a registry when checkImage is not given one (e.g. from a pull secret). */
  credentialFor?: (registry: string) => Promise<RegistryCredential | undefined>;
  /** Speak plain HTTP to this registry; honoured only for loopback hosts. */
  plainHttp?: (registry: string) => boolean;
  /** Is this registry an ACR (gets /oauth2/exchange and /acr/v1 attributes)? Default: *.azurecr.io/.cn/.us. */
  isAcr?: (registry: string) => boolean;
  /** The gate's Entra access token for ACR (audience containerregistry); exchanged for an ACR refresh token. */
  getEntraToken?: () => Promise<string>;
  /** Tenant sent with /oauth2/exchange. */
  acrTenant?: string;
  /** Resolve platforms (manifest GET, config blob). Default true. */
  resolvePlatforms?: boolean;
  /**
   * Is the registry's quarantine policy enabled (ARM `policies.quarantinePolicy.status`)? ACR answers a quarantined
   * tag with 404 "manifest unknown", so the manifest attributes are then read even for a tag tags/list lacks.
   */
  quarantineEnabled?: (registry: string) => boolean | Promise<boolean>;
}

export type { ImageCheck, ImageCheckStatus } from '../../types/facts/images.js';

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
const MAX_TAGS_BYTES = 8 * 1024 * 1024;
const MAX_TAG_PAGES = 20;

interface Session {
  registry: string;
  base: URL;
  challenge: RegistryChallenge;
  credential?: RegistryCredential;
}

type PlatformResult = { platforms: Platform[] } | { reason: string };

export class RegistryClient {
  private readonly http: RegistryHttp;
  private readonly tokens: TokenCache;
  private readonly fetchFn: typeof globalThis.fetch;
  private readonly challenges = new Map<string, Promise<RegistryChallenge>>();
  private readonly checks = new Map<string, Promise<ImageCheck>>();
  /** Platforms by manifest digest: content-addressed, so shared across repositories and tags. */
  private readonly platformsByDigest = new Map<string, Promise<PlatformResult>>();
  private readonly acrRefreshTokens = new Map<string, Promise<RegistryCredential>>();

  /** Follows opts.signal, so the caller's signal carries one listener however many checks are pending. */
  private readonly deadline: AbortSignal | undefined;

  constructor(private readonly opts: RegistryClientOptions = {}) {
    this.fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
    if (opts.signal) {
      const outer = opts.signal;
      const inner = new AbortController();
      setMaxListeners(0, inner.signal);
      if (outer.aborted) inner.abort(outer.reason);
      else outer.addEventListener('abort', () => inner.abort(outer.reason), { once: true });
      this.deadline = inner.signal;
    }
    const httpOpts: ConstructorParameters<typeof RegistryHttp>[0] = {
      fetch: this.fetchFn,
      concurrencyPerRegistry: opts.concurrencyPerRegistry ?? DEFAULT_CONCURRENCY_PER_REGISTRY,
      maxRetries: opts.maxRetries ?? 3,
      requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
      maxRetryDelayMs: opts.maxRetryDelayMs ?? 10_000,
      baseRetryDelayMs: opts.baseRetryDelayMs ?? 250,
    };
    if (this.deadline) httpOpts.signal = this.deadline;
    if (opts.logger) httpOpts.logger = opts.logger;
    if (opts.request) httpOpts.request = opts.request;
    this.http = new RegistryHttp(httpOpts);
    this.tokens = new TokenCache(this.http);
  }

  /** Requests sent so far, by kind (every attempt, retries and redirects included), plus `retries`. */
  requestCounts(): Record<string, number> {
    return this.http.requestCounts();
  }

  /**
   * Checks one image. Never throws: every failure is a status with a reason. The same reference with the same
   * credential is checked once, also when asked concurrently.
   */
  checkImage(ref: ImageReference, credential?: RegistryCredential): Promise<ImageCheck> {
    const key = `${ref.normalized}|${credential ? credentialKey(credential) : 'default'}`;
    let p = this.checks.get(key);
    if (!p) {
      p = this.withDeadline(ref, this.check(ref, credential));
      this.checks.set(key, p);
    }
    return p;
  }

  /**
   * Checks an image whose answer no credential can change, or says it cannot: for a registry that needs none (`GET
   * /v2/` answered 200: no credential is ever sent) or that cannot be reached at all (the failure comes before any
   * credential is looked at). `open` tells the two apart. Undefined when the registry wants authentication. What lets
   * the gate check images while the manifests are still being read, before it knows every pod's pull secrets.
   */
  async checkIfNoCredentialMatters(ref: ImageReference): Promise<{ check: ImageCheck; open: boolean } | undefined> {
    const ping = this.challenge(ref.registry, this.baseUrl(ref.registry)).then(
      (c) => (c.kind === 'none' ? 'open' : 'authenticates'),
      () => 'unreachable' as const,
    );
    const state = await this.untilDeadline(ping);
    if (state === 'authenticates') return undefined;
    // Unreachable, or out of time before it answered: the check ends as the same failure whatever the credential.
    return { check: await this.checkImage(ref), open: state === 'open' };
  }

  /** Guarantees an answer when the overall deadline passes, even if a socket never gives up. */
  private async withDeadline(ref: ImageReference, work: Promise<ImageCheck>): Promise<ImageCheck> {
    const r = await this.untilDeadline(work);
    if (r !== 'deadline') return r;
    return {
      status: 'unverifiable',
      failure: 'timeout',
      reason: `${ref.registry}: no answer before the overall deadline`,
    };
  }

  /** `work`'s answer, or 'deadline' once the overall deadline passes first (`work` must not reject). */
  private untilDeadline<T>(work: Promise<T>): Promise<T | 'deadline'> {
    const signal = this.deadline;
    if (!signal) return work;
    if (signal.aborted) return Promise.resolve('deadline');
    return new Promise((resolve) => {
      const onAbort = (): void => resolve('deadline');
      signal.addEventListener('abort', onAbort, { once: true });
      void work.then((r) => {
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      });
    });
  }

  private isAcr(registry: string): boolean {
    return this.opts.isAcr ? this.opts.isAcr(registry) : looksLikeAcr(registry);
  }

  private baseUrl(registry: string): URL {
    const host = registryEndpointHost(registry);
    const plain = this.opts.plainHttp?.(registry) === true && isLoopbackHost(hostnameOf(host));
    return new URL(`${plain ? 'http' : 'https'}://${host}/`);
  }

  private async check(ref: ImageReference, explicit?: RegistryCredential): Promise<ImageCheck> {
    const acr = this.isAcr(ref.registry);
    let auth: RegistryAuth = 'anonymous';
    try {
      const base = this.baseUrl(ref.registry);
      const challenge = await this.challenge(ref.registry, base);
      const resolved = await this.resolveCredential(ref.registry, base, challenge, explicit);
      const credential = resolved?.credential;
      if (resolved) auth = resolved.auth;
      const session: Session = { registry: ref.registry, base, challenge };
      if (credential) session.credential = credential;
      let result: ImageCheck;
      try {
        result = await this.checkManifest(session, ref);
      } catch (err) {
        result = failureResult(err, ref);
      }
      // ACR refuses a read-disabled or quarantined manifest (403/404): its attributes say which.
      if (acr) await this.addAcrAttributes(session, ref, result);
      return { ...result, acr, auth };
    } catch (err) {
      return { ...failureResult(err, ref), acr, auth };
    }
  }

  private async resolveCredential(
    registry: string,
    base: URL,
    challenge: RegistryChallenge,
    explicit?: RegistryCredential,
  ): Promise<{ credential: RegistryCredential; auth: RegistryAuth } | undefined> {
    if (explicit) return { credential: explicit, auth: 'credential' };
    const given = await this.opts.credentialFor?.(registry);
    if (given) return { credential: given, auth: 'credential' };
    if (challenge.kind === 'none' || !this.opts.getEntraToken || !this.isAcr(registry)) return undefined;
    let p = this.acrRefreshTokens.get(registry);
    if (!p) {
      const getEntraToken = this.opts.getEntraToken;
      p = (async (): Promise<RegistryCredential> => {
        let entra: string;
        try {
          entra = await getEntraToken();
        } catch {
          throw new RegistryError('unauthorized', `the gate could not get an Entra token for ${registry}`);
        }
        const token = await exchangeEntraToken(this.http, base, registry, entra, this.opts.acrTenant);
        return { kind: 'refresh-token', token };
      })();
      this.acrRefreshTokens.set(registry, p);
    }
    return { credential: await p, auth: 'gate-identity' };
  }

  /** `GET /v2/`: which authentication the registry wants. Once per registry; a failure is kept for the run. */
  private challenge(registry: string, base: URL): Promise<RegistryChallenge> {
    let p = this.challenges.get(registry);
    if (!p) {
      p = (async (): Promise<RegistryChallenge> => {
        const res = await this.http.send('ping', new URL('/v2/', base), { method: 'GET', pool: registry });
        if (res.status === 403) throwIfFirewall(res, registry);
        if (res.status === 200) return { kind: 'none' };
        if (res.status === 401) {
          const c = challengeFrom(res.headers.get('www-authenticate'), registry);
          if (c instanceof RegistryError) throw c;
          return c;
        }
        throw statusError(res, `${registry} GET /v2/`);
      })();
      this.challenges.set(registry, p);
    }
    return p;
  }

  /** The Authorization header for a scope, or undefined (anonymous, or no auth needed). */
  private async authorization(s: Session, scope: string): Promise<string | undefined> {
    const c = s.challenge;
    if (c.kind === 'none') return undefined;
    if (c.kind === 'basic') {
      if (s.credential?.kind !== 'basic') return undefined;
      const verdict = mayReceiveCredential(s.registry, s.base);
      if (!verdict.ok) throw new RegistryError('credential-refused', verdict.reason);
      return basicHeader(s.credential.username, s.credential.password);
    }
    const req: Parameters<TokenCache['token']>[0] = { registry: s.registry, challenge: c, scope };
    if (s.credential) req.credential = s.credential;
    return `Bearer ${await this.tokens.token(req)}`;
  }

  private async get(
    kind: RequestKind,
    s: Session,
    path: string,
    scope: string,
    method: 'GET' | 'HEAD' = 'GET',
    accept?: string,
  ): Promise<WireResponse> {
    const headers: Record<string, string> = {};
    const authz = await this.authorization(s, scope);
    if (authz) headers.authorization = authz;
    if (accept) headers.accept = accept;
    return this.http.send(kind, new URL(path, s.base), { method, headers, pool: s.registry });
  }

  private async checkManifest(s: Session, ref: ImageReference): Promise<ImageCheck> {
    const repo = ref.repository;
    const scope = `repository:${repo}:pull`;
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const path = `/v2/${repo}/manifests/${reference}`;
    // One GET, not HEAD + GET: the body is needed for the platforms anyway, and undici closes the connection after
    // every HEAD, so a HEAD first also costs each image a new TLS handshake. Without platforms, HEAD suffices.
    const resolve = this.opts.resolvePlatforms !== false;
    const head = resolve
      ? await this.get('manifest-get', s, path, scope, 'GET', MANIFEST_ACCEPT)
      : await this.get('manifest-head', s, path, scope, 'HEAD', MANIFEST_ACCEPT);
    if (head.status === 403 && resolve) throwIfFirewall(head, s.registry);
    if (head.status === 404) return this.missing(s, ref);
    if (head.status === 401) {
      throw new RegistryError(
        'unauthorized',
        s.credential
          ? `${s.registry} refused the credential for ${repo} (401)`
          : `${s.registry} requires authentication for ${repo} (401) and no credential was given`,
        401,
      );
    }
    if (head.status === 403) throw new RegistryError('denied', `${s.registry} denied pull of ${repo} (403)`, 403);
    if (head.status !== 200) throw statusError(head, `${s.registry} HEAD ${repo}:${reference}`);

    const out: ImageCheck = { status: 'ok' };
    const digest = head.headers.get('docker-content-digest') ?? ref.digest;
    if (digest) out.digest = digest;
    const mediaType = baseMediaType(head.headers.get('content-type'));
    if (mediaType) out.mediaType = mediaType;
    if (!resolve) return out;

    const platforms = await this.platformsOf(s, repo, digest ?? reference, scope, head);
    if ('platforms' in platforms) out.platforms = platforms.platforms;
    else out.reason = platforms.reason;
    return out;
  }

  /** Platforms of a manifest, cached by digest (tags are resolved per call; digests never change content). */
  private platformsOf(
    s: Session,
    repo: string,
    reference: string,
    scope: string,
    fetched: WireResponse,
  ): Promise<PlatformResult> {
    const cacheable = reference.includes(':');
    const cached = cacheable ? this.platformsByDigest.get(reference) : undefined;
    // Another tag already resolved this digest: the body in hand is not needed.
    if (cached) return cached;
    const p = this.readPlatforms(s, repo, scope, fetched);
    if (cacheable) this.platformsByDigest.set(reference, p);
    return p;
  }

  /** Platforms from a manifest GET response: an index lists them; a single image's config blob says its own. */
  private async readPlatforms(s: Session, repo: string, scope: string, res: WireResponse): Promise<PlatformResult> {
    if (res.status !== 200) {
      return { reason: `platforms unknown: manifest GET answered ${res.status}` };
    }
    const contentType = baseMediaType(res.headers.get('content-type'));
    const body = readBounded(res, MAX_MANIFEST_BYTES, s.registry);
    const parsed = parseManifest(body, contentType);
    if (parsed.kind === 'index' || parsed.kind === 'schema1') {
      if (parsed.kind === 'index' && parsed.platforms.length === 0 && parsed.entriesWithoutPlatform > 0) {
        return { reason: 'platforms unknown: the index entries declare no platform' };
      }
      return { platforms: parsed.platforms };
    }
    if (parsed.kind === 'unknown') return { reason: `platforms unknown: ${parsed.reason}` };
    if (!parsed.configDigest) return { reason: 'platforms unknown: the manifest names no config blob' };
    if (!isImageConfigType(parsed.configMediaType)) {
      return { reason: `not a runnable image: config media type ${parsed.configMediaType ?? ''}` };
    }
    const blob = await this.get('blob', s, `/v2/${repo}/blobs/${parsed.configDigest}`, scope);
    if (blob.status !== 200) {
      return { reason: `platforms unknown: config blob GET answered ${blob.status}` };
    }
    const config = readBounded(blob, MAX_CONFIG_BYTES, s.registry);
    const platform = platformFromConfig(config);
    return platform
      ? { platforms: [platform] }
      : { reason: 'platforms unknown: the image config has no os/architecture' };
  }

  /** HEAD said 404: is it the tag (name the nearest ones) or the whole repository? `tags/list` tells. */
  private async missing(s: Session, ref: ImageReference): Promise<ImageCheck> {
    const repo = ref.repository;
    const what = ref.digest ? `${repo}@${ref.digest}` : `${repo}:${ref.tag ?? 'latest'}`;
    const listed = await this.listTags(s, repo);
    if (listed === 'repository-missing' && ref.digest) {
      // distribution answers NAME_UNKNOWN to tags/list also for a repository that holds only untagged manifests,
      // so for a digest it cannot tell "no such repository" from "no such digest": say both.
      return {
        status: 'not-found',
        failure: 'not-found',
        reason: `${what} not found in ${s.registry} (the repository has no tags, or does not exist)`,
      };
    }
    if (listed === 'repository-missing') {
      return {
        status: 'repository-not-found',
        failure: 'not-found',
        reason: `repository ${repo} does not exist in ${s.registry}`,
      };
    }
    const out: ImageCheck = { status: 'not-found', failure: 'not-found', reason: `${what} not found in ${s.registry}` };
    if (Array.isArray(listed)) {
      out.repositoryTags = [...listed].sort().slice(0, 10);
      if (!ref.digest) out.tagListed = listed.includes(ref.tag ?? 'latest');
      if (!ref.digest && ref.tag !== undefined) out.nearestTags = nearestTags(ref.tag, listed);
      else if (!ref.digest) out.nearestTags = nearestTags('latest', listed);
    } else {
      out.reason += ` (tags could not be listed: ${listed.reason})`;
    }
    return out;
  }

  private async listTags(s: Session, repo: string): Promise<string[] | 'repository-missing' | { reason: string }> {
    const scope = `repository:${repo}:pull`;
    const tags: string[] = [];
    let path = `/v2/${repo}/tags/list?n=1000`;
    for (let page = 0; page < MAX_TAG_PAGES; page++) {
      const res = await this.get('tags', s, path, scope);
      if (res.status === 404) {
        // NAME_UNKNOWN is distribution's "no such repository"; a bare 404 means the same on registries without codes.
        return page === 0 ? 'repository-missing' : tags;
      }
      if (res.status !== 200) {
        return { reason: `tags/list answered ${res.status}` };
      }
      const link = res.headers.get('link');
      const body = readBounded(res, MAX_TAGS_BYTES, s.registry);
      try {
        const list = (JSON.parse(body) as { tags?: unknown }).tags;
        if (Array.isArray(list)) for (const t of list) if (typeof t === 'string') tags.push(t);
      } catch {
        return { reason: 'tags/list body is not JSON' };
      }
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1] : undefined;
      if (!next) break;
      path = next;
    }
    return tags;
  }

  /** ACR: readEnabled of the tag and manifest, and the quarantine state. Best effort: failures only add a reason. */
  private async addAcrAttributes(s: Session, ref: ImageReference, result: ImageCheck): Promise<void> {
    // A manifest the registry served is readable and not held by quarantine (ACR refuses both with 403/404): its
    // attributes could not explain a failed pull, so they are read only when the manifest was refused.
    if (result.status !== 'not-found' && result.status !== 'denied') return;
    // A tag that tags/list does not have was never pushed (or was deleted): no lock can explain it either, unless the
    // registry quarantines (ACR answers a quarantined tag with 404 and may leave it out of the list).
    const quarantine = (await this.opts.quarantineEnabled?.(s.registry)) === true;
    if (result.status === 'not-found' && result.tagListed === false && !quarantine) return;
    const repo = ref.repository;
    const scope = `repository:${repo}:metadata_read`;
    const attrs: AcrAttributes = {};
    const notes: string[] = [];
    let digest = ref.digest ?? result.digest;
    try {
      // The repository's own lock refuses every tag and digest in it.
      const r = await this.get('acr-attributes', s, `/acr/v1/${repo}`, scope);
      if (r.status === 200) {
        const enabled = parseRepositoryReadEnabled(readBounded(r, MAX_MANIFEST_BYTES, s.registry));
        if (enabled !== undefined) attrs.repositoryReadEnabled = enabled;
      } else {
        if (r.status !== 404) notes.push(`repository attributes answered ${r.status}`);
      }
      if (ref.tag !== undefined && !ref.digest) {
        const res = await this.get('acr-attributes', s, `/acr/v1/${repo}/_tags/${ref.tag}`, scope);
        if (res.status === 200) {
          const t = parseTagAttributes(readBounded(res, MAX_MANIFEST_BYTES, s.registry));
          if (t.readEnabled !== undefined) attrs.tagReadEnabled = t.readEnabled;
          digest ??= t.digest;
        } else {
          if (res.status !== 404) notes.push(`tag attributes answered ${res.status}`);
        }
      }
      if (digest) {
        const res = await this.get('acr-attributes', s, `/acr/v1/${repo}/_manifests/${digest}`, scope);
        if (res.status === 200) {
          const m = parseManifestAttributes(readBounded(res, MAX_MANIFEST_BYTES, s.registry));
          if (m.readEnabled !== undefined) attrs.readEnabled = m.readEnabled;
          if (m.quarantineState !== undefined) attrs.quarantineState = m.quarantineState;
        } else {
          if (res.status !== 404) notes.push(`manifest attributes answered ${res.status}`);
        }
      }
    } catch (err) {
      notes.push(err instanceof RegistryError ? err.message : 'attributes could not be read');
    }
    if (Object.keys(attrs).length > 0) result.attributes = attrs;
    if (notes.length > 0) {
      const note = `ACR attributes not checked (${notes.join('; ')}; needs metadata_read)`;
      result.reason = result.reason ? `${result.reason}; ${note}` : note;
    }
    if (result.digest === undefined && digest) result.digest = digest;
  }

  /** For remediations: `az acr ... --name <this>`. */
  static acrName(registry: string): string {
    return acrName(registry);
  }
}

function statusError(res: WireResponse, what: string): RegistryError {
  const s = res.status;
  if (s === 429) {
    const after = res.headers.get('retry-after');
    return new RegistryError(
      'throttled',
      `${what}: throttled (429${after ? `, Retry-After ${after}` : ''}); retries exhausted`,
      s,
    );
  }
  if (s === 401) return new RegistryError('unauthorized', `${what}: unauthorized (401)`, s);
  if (s === 403) return new RegistryError('denied', `${what}: denied (403)`, s);
  if (s >= 500) return new RegistryError('server-error', `${what}: server error ${s}; retries exhausted`, s);
  if (s === 404) return new RegistryError('protocol', `${what}: 404, not a registry API endpoint`, s);
  return new RegistryError('protocol', `${what}: unexpected status ${s}`, s);
}

function failureResult(err: unknown, ref: ImageReference): ImageCheck {
  const e = err instanceof RegistryError ? err : transportError(err, ref.registry, 'other');
  const status: ImageCheckStatus =
    e.kind === 'unauthorized' ? 'unauthorized' : e.kind === 'denied' ? 'denied' : 'unverifiable';
  return { status, failure: e.kind, reason: e.message, ...(e.clientIp ? { clientIp: e.clientIp } : {}) };
}
