// The one place that decides whether a request goes through a proxy, for every client of the gate: registries (with
// their token endpoints and blob redirects), Microsoft Graph, the live pull-secret credential checks, the GitHub API
// (CLI and action) and the Kubernetes API. It honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY and their lower-case forms,
// as the runner sets them. fetch goes through undici's EnvHttpProxyAgent (decided per origin, so a redirect to a host
// in NO_PROXY goes direct); clients that take a proxy URL instead of a fetch (the Kubernetes API reader,
// facts/kubernetes/api.ts, when the kubeconfig entry has no `proxy-url` of its own) ask `proxyUrlFor`, which makes the
// same choice as EnvHttpProxyAgent (tested side by side). Without a proxy in the environment fetch is the plain global
// fetch. Under --simulate the emulator's own fetch and kubeconfig are used instead: traffic to the loopback emulator
// never goes through a proxy.

import type { SecureContext } from 'node:tls';
import type { Dispatcher, EnvHttpProxyAgent } from 'undici';
import type { WireRequest } from '../types/facts/context.js';
import { DEFAULT_CONCURRENCY_PER_REGISTRY } from './registry/http.js';

/**
 * Connections per origin for the registry transport: as many as a registry client has requests in flight. Without a
 * cap undici opens a new connection whenever a request arrives before a finished one has handed its socket back: 62
 * TLS connections for 32 in flight at 150 images on docker-registry, whose handshakes cost the registry 0.16 s of its
 * 0.77 s of CPU for the run and the gate as much again (measured; 32 connections with the cap). Requests beyond the cap
 * wait in undici's queue for a free connection.
 */
export const CONNECTIONS_PER_ORIGIN = DEFAULT_CONCURRENCY_PER_REGISTRY;

export function proxyFromEnv(env: NodeJS.ProcessEnv): { httpProxy?: string; httpsProxy?: string; noProxy?: string } {
  const pick = (upper: string): string | undefined => env[upper] || env[upper.toLowerCase()] || undefined;
  const httpProxy = pick('HTTP_PROXY');
  const httpsProxy = pick('HTTPS_PROXY') ?? httpProxy;
  const noProxy = pick('NO_PROXY');
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/**
 * The proxy a request to `target` goes through under `env`, or undefined for a direct connection. NO_PROXY as
 * EnvHttpProxyAgent reads it: entries split on commas or spaces, `*` alone means never, an entry matches the host
 * itself or any subdomain (a leading `.` or `*.` is dropped), `host:port` only that port.
 */
export function proxyUrlFor(target: string | URL, env: NodeJS.ProcessEnv): string | undefined {
  const p = proxyFromEnv(env);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const proxy = url.protocol === 'https:' ? p.httpsProxy : url.protocol === 'http:' ? p.httpProxy : undefined;
  if (!proxy) return undefined;
  const noProxy = (p.noProxy ?? '').trim();
  if (noProxy === '*') return undefined;
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
  for (const entry of noProxy.split(/[,\s]/)) {
    if (!entry) continue;
    const m = /^(.+):(\d+)$/.exec(entry);
    const host = (m ? m[1] : entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = m ? Number.parseInt(m[2], 10) : 0;
    if (entryPort && entryPort !== port) continue;
    if (hostname === host || hostname.endsWith(`.${host}`)) return undefined;
  }
  return proxy;
}

type Undici = typeof import('undici');
let undici: Promise<Undici> | undefined;

/**
 * undici (~0.5 MB of bundle, and its load touches globalThis.Headers, which loads Node's own copy too) is loaded by the
 * first request that needs it: a run that sends nothing (`--offline`, a run on manifests alone) never loads it.
 */
export function loadUndici(): Promise<Undici> {
  // undici is CommonJS: a bundler may hand its exports over as `default` only (esbuild's split chunks do).
  return (undici ??= import('undici').then((m) => ('Agent' in m ? m : (m as { default: Undici }).default)));
}

/** The agent for a proxy named in the environment; every field given, so it never falls back to process.env. */
function envProxyAgent(u: Undici, p: ReturnType<typeof proxyFromEnv>): EnvHttpProxyAgent {
  return new u.EnvHttpProxyAgent({
    httpProxy: p.httpProxy ?? '',
    httpsProxy: p.httpsProxy ?? '',
    noProxy: p.noProxy ?? '',
  });
}

/**
 * A request through the proxy that failed before any answer (the proxy refused the connection, timed out, or refused
 * the tunnel) says so: "connection refused" alone would blame the registry, or Graph, for the proxy. An abort (the
 * deadline, a timeout) and a direct request keep their own error.
 */
function blameProxy(err: unknown, target: string | URL, env: NodeJS.ProcessEnv, aborted: boolean): unknown {
  const proxy = proxyUrlFor(target, env);
  if (!proxy || (err instanceof Error && err.name === 'AbortError') || aborted) return err;
  return new ProxyFailure(proxy, err);
}

export function proxyAwareFetch(env: NodeJS.ProcessEnv): typeof fetch {
  const p = proxyFromEnv(env);
  if (!p.httpProxy && !p.httpsProxy) return globalThis.fetch.bind(globalThis);
  let agent: Promise<EnvHttpProxyAgent> | undefined;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    try {
      const dispatcher = await (agent ??= loadUndici().then((u) => envProxyAgent(u, p)));
      return await globalThis.fetch(input, { ...init, dispatcher } as RequestInit);
    } catch (err) {
      const target = typeof input === 'string' || input instanceof URL ? input : input.url;
      throw blameProxy(err, target, env, init?.signal?.aborted === true);
    }
  }) as typeof fetch;
}

/**
 * The same choice as proxyAwareFetch for undici's `request` (the registry clients' transport): an EnvHttpProxyAgent
 * when the environment names a proxy, else an Agent of its own, and the same ProxyFailure for a proxy that failed.
 */
export function proxyAwareRequest(env: NodeJS.ProcessEnv): WireRequest {
  const p = proxyFromEnv(env);
  const wire = lazyRequest((u) =>
    p.httpProxy || p.httpsProxy
      ? envProxyAgent(u, p)
      : new u.Agent({ connections: CONNECTIONS_PER_ORIGIN, connect: { secureContext: sharedSecureContext() } }),
  );
  return async (url, init) => {
    try {
      const { request, dispatcher } = await wire();
      return await request(url, { ...init, dispatcher });
    } catch (err) {
      throw blameProxy(err, url, env, init.signal.aborted);
    }
  };
}

/**
 * One TLS context for every connection of the registry transport. Without it, each connection builds its own from
 * the same defaults (the root store, with NODE_EXTRA_CA_CERTS, and the default protocol and ciphers): ~0.2 ms of CPU
 * each, 12 ms for the 64 connections of the +20 ms RTT bench row (CPU profile) and ~40 ms for the 192 of 3 registries.
 * Verification does not change: undici still gives each connection its `servername`, checked against the certificate.
 */
function sharedSecureContext(): SecureContext {
  const tls = process.getBuiltinModule('node:tls');
  return tls.createSecureContext();
}

/** undici's `request` and a dispatcher, both made by the first call (which loads undici), shared by every later one. */
export function lazyRequest(
  dispatcher: (u: Undici) => Dispatcher,
): () => Promise<{ request: Undici['request']; dispatcher: Dispatcher }> {
  let wire: Promise<{ request: Undici['request']; dispatcher: Dispatcher }> | undefined;
  return () => (wire ??= loadUndici().then((u) => ({ request: u.request, dispatcher: dispatcher(u) })));
}

/** A request that went through a proxy failed without an answer; `cause` is fetch's error. */
export class ProxyFailure extends Error {
  /** The proxy's host:port (never its credentials). */
  readonly proxyHost: string;
  constructor(proxy: string, cause: unknown) {
    const host = proxyHostOf(proxy);
    const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : '';
    super(`through the proxy ${host}${detail ? `: ${detail}` : ''}`, { cause });
    this.name = 'ProxyFailure';
    this.proxyHost = host;
  }
}

/** `http://user:secret@proxy.corp:3128` -> `proxy.corp:3128`: only the host goes into messages. */
export function proxyHostOf(proxy: string): string {
  try {
    return new URL(proxy).host || '(proxy)';
  } catch {
    return '(proxy)';
  }
}
