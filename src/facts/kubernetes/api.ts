// A small reader of the Kubernetes API for the gate's few calls (get, list with pagination, one POST): the current
// context's server over undici with the kubeconfig's TLS (CA, client certificate, tls-server-name, skip-verify) and
// proxy (the entry's proxy-url wins, else HTTPS_PROXY / NO_PROXY through proxyUrlFor), the user's credentials from
// kubeconfig.ts, each request bounded by a timeout and the run's deadline, each body by a size cap. Every failure is a
// KubeApiError that `failure` turns into one line; a response body is never echoed.

import type { Dispatcher } from 'undici';
import { lazyRequest, proxyUrlFor } from '../proxy-fetch.js';
import { readCapped } from '../read-capped.js';
import {
  credentialsFor,
  currentTarget,
  readKubeconfigFile,
  type CredentialOptions,
  type KubeCluster,
  type Kubeconfig,
  type KubeUser,
  type RequestAuth,
} from './kubeconfig.js';

/** Why a call failed: an HTTP status, no answer (`code` from the socket or TLS), or something the gate refused. */
export class KubeApiError extends Error {
  constructor(
    readonly kind: 'status' | 'unreachable' | 'timeout' | 'deadline' | 'too-large' | 'not-json' | 'refused',
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

/** One line about a failed call: 404 is absent, 401/403 name the RBAC verb to grant, the rest say what happened. */
export function failure(
  err: unknown,
  verb: string,
  where: string,
): { state: 'absent' } | { state: 'unverifiable'; reason: string; permission?: string } {
  const e = err instanceof KubeApiError ? err : undefined;
  if (e?.status === 404) return { state: 'absent' };
  if (e?.status === 401)
    return {
      state: 'unverifiable',
      reason: 'the Kubernetes API server rejected the kubeconfig credentials (401)',
      permission: verb,
    };
  if (e?.status === 403)
    return {
      state: 'unverifiable',
      reason: `the Kubernetes API server denied ${verb} ${where} (403)`,
      permission: verb,
    };
  // Credentials that could not be had (a failed exec plugin, a legacy auth-provider) say so in their own words.
  if (!e || e.kind === 'refused')
    return { state: 'unverifiable', reason: (err instanceof Error ? err.message : String(err)).split('\n')[0] };
  const what =
    e.kind === 'status'
      ? `answered ${e.status}`
      : e.kind === 'timeout' || e.kind === 'deadline' || e.kind === 'too-large' || e.kind === 'not-json'
        ? e.message
        : `could not be reached${e.code ? ` (${e.code})` : ''}`;
  return { state: 'unverifiable', reason: `the Kubernetes API server ${what} for ${verb} ${where}` };
}

export interface ApiOptions extends CredentialOptions {
  /** The environment whose HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply to the API server (absent under --simulate). */
  proxyEnv?: NodeJS.ProcessEnv;
  /** Per request, headers and body (default 30 s). */
  timeoutMs?: number;
  /** Largest body read (default 64 MB, one list page of 500 objects is far less). */
  maxBodyBytes?: number;
}

export interface KubeApi {
  get(path: string, query?: Record<string, string | undefined>): Promise<unknown>;
  /** Every item of a list, page by page (`limit=500`, then `continue` until the server has no more). */
  list(path: string, query?: Record<string, string | undefined>): Promise<Record<string, unknown>[]>;
  post(path: string, body: unknown): Promise<unknown>;
  /** Requests sent, for the figures. */
  requests(): number;
}

const MB = 1024 * 1024;
const MAX_PAGES = 2000;

/** The proxy the server is reached through, as kubectl chooses it: the entry's own `proxy-url` wins, else the env. */
export function proxyFor(cluster: KubeCluster, proxyEnv: NodeJS.ProcessEnv | undefined): string | undefined {
  return cluster.proxyUrl ?? (proxyEnv ? proxyUrlFor(cluster.server, proxyEnv) : undefined);
}

function fileOrData(file: string | undefined, data: string | undefined, what: string): Buffer | undefined {
  // As kubectl: the inline data overrides the file.
  if (data) return Buffer.from(data, 'base64');
  return file ? readKubeconfigFile(file, what) : undefined;
}

/**
 * The dispatcher for the cluster's TLS (and proxy), built once undici is loaded (by the first request); what cannot be
 * used (a file the kubeconfig names, a proxy scheme) throws here, at once.
 */
function dispatcherFor(
  cluster: KubeCluster,
  user: KubeUser | undefined,
  proxy: string | undefined,
): (u: typeof import('undici')) => Dispatcher {
  const tls: { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized?: boolean; servername?: string } = {};
  // No CA in the kubeconfig: the default store (system CAs and NODE_EXTRA_CA_CERTS) applies.
  const ca = fileOrData(cluster.caFile, cluster.caData, 'certificate-authority');
  if (ca) tls.ca = ca;
  const cert = fileOrData(user?.certFile, user?.certData, 'client-certificate');
  if (cert) tls.cert = cert;
  const key = fileOrData(user?.keyFile, user?.keyData, 'client-key');
  if (key) tls.key = key;
  if (cluster.skipTLSVerify) tls.rejectUnauthorized = false;
  if (cluster.tlsServerName) tls.servername = cluster.tlsServerName;
  if (!proxy) return (u) => new u.Agent({ connect: tls });
  // Only the scheme goes into the message: a proxy URL may carry credentials.
  if (!/^https?:/i.test(proxy))
    throw new Error(
      `the kubeconfig's proxy-url is a ${proxy.split(':')[0]} proxy; only http and https proxies are supported`,
    );
  return (u) => new u.ProxyAgent({ uri: proxy, requestTls: tls });
}

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  return undefined;
}

/**
 * A reader of the kubeconfig's current context. Throws when the context, its cluster, or a file the kubeconfig names
 * cannot be used, or KubeconfigProblem (from credentialsFor) when its exec plugin waits for a person or is missing.
 */
export function kubeApi(kc: Kubeconfig, opts: ApiOptions): KubeApi {
  const { cluster, user } = currentTarget(kc);
  const server = new URL(cluster.server);
  if (server.protocol === 'http:' && !cluster.skipTLSVerify)
    throw new Error('HTTP protocol is not allowed when insecure-skip-tls-verify is not set');
  if (server.protocol !== 'http:' && server.protocol !== 'https:')
    throw new Error(`the kubeconfig's server is not an http(s) URL (${server.protocol})`);
  const auth = credentialsFor(user, opts);
  const wire = lazyRequest(dispatcherFor(cluster, user, proxyFor(cluster, opts.proxyEnv)));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxBody = opts.maxBodyBytes ?? 64 * MB;
  const base = cluster.server.replace(/\/+$/, '');
  let count = 0;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    query?: Record<string, string | undefined>,
    body?: unknown,
  ): Promise<unknown> {
    let creds: RequestAuth;
    try {
      creds = await auth();
    } catch (err) {
      throw new KubeApiError('refused', err instanceof Error ? err.message : String(err));
    }
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    if (opts.signal?.aborted) throw new KubeApiError('deadline', "did not answer before the run's deadline");
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const why = (err: unknown): KubeApiError => {
      if (opts.signal?.aborted) return new KubeApiError('deadline', "did not answer before the run's deadline");
      if (timeout.aborted)
        return new KubeApiError(
          'timeout',
          `did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
        );
      if (err instanceof KubeApiError) return err;
      return new KubeApiError('unreachable', 'could not be reached', undefined, errorCode(err));
    };
    count += 1;
    let res: Dispatcher.ResponseData;
    try {
      const { request, dispatcher } = await wire();
      res = await request(url, {
        method,
        dispatcher,
        signal,
        headers: {
          accept: 'application/json',
          'user-agent': 'aks-pull-gate',
          ...creds.headers,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (err) {
      throw why(err);
    }
    try {
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump({ signal, limit: 64 * 1024 }).catch(() => undefined);
        throw new KubeApiError('status', `answered ${res.statusCode}`, res.statusCode);
      }
      const tooLarge = (): KubeApiError =>
        new KubeApiError(
          'too-large',
          `sent a body over ${maxBody < MB ? `${Math.round(maxBody / 1024)} KB` : `${Math.round(maxBody / MB)} MB`}`,
        );
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBody) {
        res.body.destroy();
        throw tooLarge();
      }
      const bytes = await readCapped(res.body, maxBody);
      if (!bytes) throw tooLarge();
      try {
        return JSON.parse(bytes.toString('utf8')) as unknown;
      } catch {
        throw new KubeApiError('not-json', 'sent a body that is not JSON');
      }
    } catch (err) {
      throw why(err);
    }
  }

  return {
    get: (path, query) => call('GET', path, query),
    post: (path, body) => call('POST', path, undefined, body),
    async list(path, query) {
      const out: Record<string, unknown>[] = [];
      let cont: string | undefined;
      let pages = 0;
      do {
        // A server that never stops sending `continue` is cut off (1,000,000 objects at 500 a page).
        if (++pages > MAX_PAGES) throw new KubeApiError('too-large', `sent more than ${MAX_PAGES} pages`);
        const page = (await call('GET', path, { ...query, limit: '500', continue: cont })) as {
          items?: unknown;
          metadata?: { continue?: unknown };
        } | null;
        if (Array.isArray(page?.items))
          for (const i of page.items) if (typeof i === 'object' && i !== null) out.push(i as Record<string, unknown>);
        cont =
          typeof page?.metadata?.continue === 'string' && page.metadata.continue ? page.metadata.continue : undefined;
      } while (cont);
      return out;
    },
    requests: () => count,
  };
}
