// The registry client's transport: one place that sends requests, so bounded concurrency per registry, retries
// (429 with Retry-After, 5xx), the overall deadline, redirect handling and request counting are done once.
// Redirects are followed by hand so an Authorization header never follows a blob to another origin (S3, Azure Blob).

import { RegistryError, firewallError, firewallRefusalIp, transportError } from './errors.js';
import type { Logger } from '../../types/index.js';

/**
 * Requests in flight per registry host. Every image costs one manifest GET, one token per repository and (single
 * platform) one config blob, so a registry's share of a run takes about requests / this limit round trips: 1,250
 * requests over 3 registries at 16 was ~26 round trips each, at 32 ~13. Registries run in parallel, each with its own
 * limit. The limit stays well under what made the loopback emulator reset connections (ECONNRESET at 1,000
 * simultaneous connections) and bounds the burst a registry sees; ACR throttles by operations per minute per SKU
 * (429 with Retry-After, retried here), which no concurrency changes.
 *
 * HTTP/2 was tried (an undici Agent with `allowH2`; ACR and distribution's TLS listener offer h2 in ALPN) and left
 * out: undici's pool counts an h2 session busy once it carries `pipelining` streams (default 1), so it still opened a
 * connection per request in flight (9 and 23 against docker-registry behind 20 ms RTT at 32 and 16 in flight, vs 34 and 25 over HTTP/1.1) with
 * no wall-time gain measurable here, and a higher `pipelining` would also pipeline HTTP/1.1 connections.
 */
export const DEFAULT_CONCURRENCY_PER_REGISTRY = 32;

export type RequestKind =
  'ping' | 'token' | 'manifest-head' | 'manifest-get' | 'blob' | 'tags' | 'acr-exchange' | 'acr-attributes';

export const REQUEST_KINDS: RequestKind[] = [
  'ping',
  'token',
  'manifest-head',
  'manifest-get',
  'blob',
  'tags',
  'acr-exchange',
  'acr-attributes',
];

export interface HttpOptions {
  fetch: typeof globalThis.fetch;
  concurrencyPerRegistry: number;
  maxRetries: number;
  /** Per-attempt timeout; the overall deadline still wins. */
  requestTimeoutMs: number;
  /** Longest single wait before a retry, whatever Retry-After says. */
  maxRetryDelayMs: number;
  /** First backoff step; doubles per retry. */
  baseRetryDelayMs: number;
  signal?: AbortSignal;
  logger?: Logger;
}

export interface SendInit {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Key for the concurrency limit (the registry host). */
  pool: string;
  /** Drop the Authorization header when a redirect leaves this origin. */
  maxRedirects?: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** A small FIFO semaphore. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class RegistryHttp {
  private readonly pools = new Map<string, Semaphore>();
  private readonly counts = new Map<RequestKind, number>();
  private retries = 0;

  constructor(private readonly opts: HttpOptions) {}

  requestCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of REQUEST_KINDS) out[k] = this.counts.get(k) ?? 0;
    out.retries = this.retries;
    return out;
  }

  private pool(key: string): Semaphore {
    let s = this.pools.get(key);
    if (!s) {
      s = new Semaphore(this.opts.concurrencyPerRegistry);
      this.pools.set(key, s);
    }
    return s;
  }

  /**
   * Sends one logical request, retrying 429 and 5xx with bounded backoff. Returns the final Response (any status
   * that is not retried, or the last retried one); throws RegistryError for transport failures and deadline.
   */
  async send(kind: RequestKind, url: URL, init: SendInit): Promise<Response> {
    const host = url.host;
    for (let attempt = 0; ; attempt++) {
      const res = await this.attempt(kind, url, init);
      if (!RETRYABLE_STATUS.has(res.status) || attempt >= this.opts.maxRetries) return res;
      const delay = this.retryDelay(res, attempt);
      await discard(res);
      if (delay === undefined) {
        // Retry-After beyond what we may wait: give up now rather than sleep past the deadline.
        return new Response(null, { status: res.status, headers: res.headers });
      }
      this.retries++;
      this.opts.logger?.debug(`${host}: ${res.status} on ${kind}, retry ${attempt + 1} in ${delay} ms`);
      try {
        await sleep(delay, this.opts.signal);
      } catch (err) {
        throw transportError(err, host, 'deadline');
      }
    }
  }

  private retryDelay(res: Response, attempt: number): number | undefined {
    const backoff = this.opts.baseRetryDelayMs * 2 ** attempt;
    const jitter = Math.floor(Math.random() * this.opts.baseRetryDelayMs);
    const asked = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
    if (asked !== undefined && asked > this.opts.maxRetryDelayMs) return undefined;
    return Math.min(this.opts.maxRetryDelayMs, Math.max(asked ?? 0, backoff + jitter));
  }

  /** One HTTP exchange, following redirects by hand. */
  private async attempt(kind: RequestKind, start: URL, init: SendInit): Promise<Response> {
    const maxRedirects = init.maxRedirects ?? 5;
    let url = start;
    const headers = { ...(init.headers ?? {}) };
    for (let hop = 0; ; hop++) {
      const res = await this.exchange(kind, url, { ...init, headers });
      if (res.status < 300 || res.status >= 400 || res.status === 304) return res;
      const location = res.headers.get('location');
      if (location === null || hop >= maxRedirects) return res;
      await discard(res);
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        // The registry's token must not travel to a storage host; presigned URLs carry their own authorization.
        delete headers.authorization;
        delete headers.Authorization;
      }
      if (url.protocol === 'https:' && next.protocol !== 'https:') {
        throw new RegistryError('protocol', `${url.host}: redirected from HTTPS to ${next.origin}; not followed`);
      }
      url = next;
    }
  }

  private async exchange(kind: RequestKind, url: URL, init: SendInit): Promise<Response> {
    const pool = this.pool(init.pool);
    const outer = this.opts.signal;
    if (outer?.aborted) throw transportError(outer.reason, url.host, 'deadline');
    await pool.acquire();
    const perRequest = AbortSignal.timeout(this.opts.requestTimeoutMs);
    const signal = outer ? AbortSignal.any([outer, perRequest]) : perRequest;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    try {
      const reqInit: RequestInit = {
        method: init.method ?? 'GET',
        redirect: 'manual',
        signal,
      };
      if (init.headers) reqInit.headers = init.headers;
      if (init.body !== undefined) reqInit.body = init.body;
      const res = await this.opts.fetch(url, reqInit);
      return res;
    } catch (err) {
      if (outer?.aborted) throw transportError(err, url.host, 'deadline');
      if (perRequest.aborted) throw transportError(err, url.host, 'request-timeout');
      throw transportError(err, url.host, 'other');
    } finally {
      pool.release();
    }
  }
}

/** Bodies up to this size (by Content-Length) are read to their end by `discard` rather than cancelled. */
const DRAIN_MAX_BYTES = 64 * 1024;
/** Longest wait for such a body to finish arriving. */
const DRAIN_MAX_MS = 2_000;

/**
 * Gets rid of a body we do not need. A small one (an error document, a manifest already resolved by digest) is read
 * to its end, so the connection goes back to the keep-alive pool: cancelling a body still in flight makes undici
 * drop the connection, and the next request to that registry pays a new TCP and TLS handshake (three round trips).
 * Four missing tags in a row, each 404 body still arriving: 6 connections with cancel, at most 2 when drained
 * (test/integration/registry-keepalive.test.ts). A large or unsized body is cancelled. The request's own signal
 * (per-request timeout, overall deadline) still bounds the read.
 */
export async function discard(res: Response): Promise<void> {
  const body = res.body;
  if (!body) return;
  const length = Number(res.headers.get('content-length') ?? Number.NaN);
  try {
    if (!(Number.isFinite(length) && length <= DRAIN_MAX_BYTES)) {
      await body.cancel();
      return;
    }
    // Read to the end, but never wait on a stalled body longer than DRAIN_MAX_MS: then cancel (and lose the socket).
    const reader = body.getReader();
    const timer = setTimeout(() => void reader.cancel().catch(() => undefined), DRAIN_MAX_MS);
    try {
      for (;;) if ((await reader.read()).done) break;
    } finally {
      clearTimeout(timer);
    }
  } catch {
    // a body that cannot be read or cancelled is already gone
  }
}

/** Reads at most `max` bytes of a body as text; larger bodies are a protocol error (a registry should not do that). */
export async function readBounded(res: Response, max: number, host: string, signal?: AbortSignal): Promise<string> {
  const body = res.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw transportError(signal.reason, host, 'deadline');
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw transportError(err, host, signal?.aborted ? 'deadline' : 'other');
      }
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw new RegistryError('protocol', `${host}: response larger than ${max} bytes`);
      }
      chunks.push(chunk.value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A 403 whose body is the registry firewall's refusal becomes its own failure (never "the gate needs AcrPull"). */
export async function throwIfFirewall(res: Response, registry: string, signal?: AbortSignal): Promise<void> {
  let body: string;
  try {
    body = await readBounded(res, 64 * 1024, registry, signal);
  } catch {
    return;
  }
  const ip = firewallRefusalIp(body);
  if (ip) throw firewallError(registry, ip);
}
