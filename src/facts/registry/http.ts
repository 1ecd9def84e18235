// The registry client's transport: one place that sends requests, so bounded concurrency per registry, retries
// (429 with Retry-After, 5xx), the overall deadline, redirect handling and request counting are done once.
// Redirects are followed by hand so an Authorization header never follows a blob to another origin (S3, Azure Blob).
// It sends with undici's `request` where the gate gives one (fetch costs about twice the CPU per request: 0.34 vs
// 0.17 ms on loopback TLS, server included), else with the injected fetch (tests' stand-ins), and reads every body to
// its end, bounded, before the next request to that registry may start.

import { RegistryError, firewallError, firewallRefusalIp, transportError } from './errors.js';
import type { Logger } from '../../types/index.js';
import { readCapped } from '../read-capped.js';
import type { WireRequest } from '../../types/facts/context.js';

/**
 * Requests in flight per registry host. Every image costs one manifest GET, one token per repository and (single
 * platform) one config blob, so a registry's share of a run takes about requests / this limit round trips, and at a
 * fixed round-trip time the limit is what bounds a large run: 12,500 requests over 3 registries at 40 ms each take at
 * least 5.2 s at 32 in flight and 2.6 s at 64 (the bench's 5,000-image row went from 8.2 to 5.9 s, its 500-image
 * docker-registry row from 1.45 to 1.33 s, and +20 ms RTT at 150 images from 0.88 to 0.82 s). Registries run in
 * parallel, each with its own limit: 192 connections for 3 registries, well under what made the loopback emulator
 * reset connections (ECONNRESET at 1,000 simultaneous connections). A connection is opened only for a request that
 * finds none free, so a small run opens as many as it has requests in flight, never more. ACR throttles by operations
 * per minute per SKU (429 with Retry-After, retried here), which no concurrency changes.
 *
 * HTTP/2 was tried (an undici Agent with `allowH2`; ACR and distribution's TLS listener offer h2 in ALPN) and left
 * out: undici's pool counts an h2 session busy once it carries `pipelining` streams (default 1), so it still opened a
 * connection per request in flight (9 and 23 against docker-registry behind 20 ms RTT at 32 and 16 in flight, vs 34 and 25 over HTTP/1.1) with
 * no wall-time gain measurable here, and a higher `pipelining` would also pipeline HTTP/1.1 connections.
 */
export const DEFAULT_CONCURRENCY_PER_REGISTRY = 64;

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

/** Two clients' request counts added up, by kind. */
export function sumCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export interface HttpOptions {
  /** Sends with undici's `request` when given (the product); else with `fetch` (tests' stand-ins). */
  request?: WireRequest;
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
  /** Longest body read; a larger one is cut off and `readBounded` refuses it. Default MAX_BODY_BYTES. */
  maxBytes?: number;
}

/** The largest body any registry request reads (an image config blob: 16 MiB). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Response headers by name, case-insensitive, as fetch's Headers answers them. */
export interface WireHeaders {
  get(name: string): string | null;
}

/**
 * A registry response whose body was read to its end (up to the request's cap) before the concurrency slot was let
 * go: the slot then bounds the connections, not only the requests waiting for headers (released at headers, 32 in
 * flight opened ~60 connections behind 20 ms of RTT), and every connection goes back to the keep-alive pool whole
 * (a body cancelled in flight makes undici drop it, and the next request pays a new TCP and TLS handshake).
 */
export interface WireResponse {
  readonly status: number;
  readonly headers: WireHeaders;
  /** The body, or undefined when it was larger than the cap (then only its first bytes arrived). */
  readonly body: Buffer | undefined;
}

class PlainHeaders implements WireHeaders {
  constructor(private readonly h: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const v = this.h[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : v;
  }
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
  async send(kind: RequestKind, url: URL, init: SendInit): Promise<WireResponse> {
    const host = url.host;
    for (let attempt = 0; ; attempt++) {
      const res = await this.attempt(kind, url, init);
      if (!RETRYABLE_STATUS.has(res.status) || attempt >= this.opts.maxRetries) return res;
      const delay = this.retryDelay(res, attempt);
      // Retry-After beyond what we may wait: give up now rather than sleep past the deadline.
      if (delay === undefined) return res;
      this.retries++;
      this.opts.logger?.debug(`${host}: ${res.status} on ${kind}, retry ${attempt + 1} in ${delay} ms`);
      try {
        await sleep(delay, this.opts.signal);
      } catch (err) {
        throw transportError(err, host, 'deadline');
      }
    }
  }

  private retryDelay(res: WireResponse, attempt: number): number | undefined {
    const backoff = this.opts.baseRetryDelayMs * 2 ** attempt;
    const jitter = Math.floor(Math.random() * this.opts.baseRetryDelayMs);
    const asked = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
    if (asked !== undefined && asked > this.opts.maxRetryDelayMs) return undefined;
    return Math.min(this.opts.maxRetryDelayMs, Math.max(asked ?? 0, backoff + jitter));
  }

  /** One HTTP exchange, following redirects by hand. */
  private async attempt(kind: RequestKind, start: URL, init: SendInit): Promise<WireResponse> {
    const maxRedirects = init.maxRedirects ?? 5;
    let url = start;
    const headers = { ...(init.headers ?? {}) };
    for (let hop = 0; ; hop++) {
      const res = await this.exchange(kind, url, { ...init, headers });
      if (res.status < 300 || res.status >= 400 || res.status === 304) return res;
      const location = res.headers.get('location');
      if (location === null || hop >= maxRedirects) return res;
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

  private async exchange(kind: RequestKind, url: URL, init: SendInit): Promise<WireResponse> {
    const pool = this.pool(init.pool);
    const outer = this.opts.signal;
    if (outer?.aborted) throw transportError(outer.reason, url.host, 'deadline');
    await pool.acquire();
    const perRequest = AbortSignal.timeout(this.opts.requestTimeoutMs);
    const signal = outer ? AbortSignal.any([outer, perRequest]) : perRequest;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    const method = init.method ?? 'GET';
    const cap = init.maxBytes ?? MAX_BODY_BYTES;
    try {
      if (this.opts.request) {
        const wireInit: Parameters<WireRequest>[1] = { method, signal };
        if (init.headers) wireInit.headers = init.headers;
        if (init.body !== undefined) wireInit.body = init.body;
        const res = await this.opts.request(url, wireInit);
        return {
          status: res.statusCode,
          headers: new PlainHeaders(res.headers),
          body: await readCapped(res.body, cap),
        };
      }
      const reqInit: RequestInit = { method, redirect: 'manual', signal };
      if (init.headers) reqInit.headers = init.headers;
      if (init.body !== undefined) reqInit.body = init.body;
      const res = await this.opts.fetch(url, reqInit);
      return { status: res.status, headers: res.headers, body: await readCapped(res.body, cap) };
    } catch (err) {
      if (outer?.aborted) throw transportError(err, url.host, 'deadline');
      if (perRequest.aborted) throw transportError(err, url.host, 'request-timeout');
      throw transportError(err, url.host, 'other');
    } finally {
      pool.release();
    }
  }
}

/** A body as text, refused when it is larger than `max` (a registry should not send that). */
export function readBounded(res: WireResponse, max: number, host: string): string {
  if (res.body === undefined || res.body.byteLength > max) {
    throw new RegistryError('protocol', `${host}: response larger than ${max} bytes`);
  }
  return res.body.toString('utf8');
}

/** A 403 whose body is the registry firewall's refusal becomes its own failure (never "the gate needs AcrPull"). */
export function throwIfFirewall(res: WireResponse, registry: string): void {
  let body: string;
  try {
    body = readBounded(res, 64 * 1024, registry);
  } catch {
    return;
  }
  const ip = firewallRefusalIp(body);
  if (ip) throw firewallError(registry, ip);
}
