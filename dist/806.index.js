export const id = 806;
export const ids = [806];
export const modules = {

/***/ 20806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J0: () => (/* binding */ CONNECTIONS_PER_ORIGIN),
/* harmony export */   Qr: () => (/* binding */ lazyRequest),
/* harmony export */   proxyAwareFetch: () => (/* binding */ proxyAwareFetch),
/* harmony export */   tr: () => (/* binding */ proxyUrlFor),
/* harmony export */   wv: () => (/* binding */ proxyAwareRequest)
/* harmony export */ });
/* unused harmony exports proxyFromEnv, loadUndici, ProxyFailure, proxyHostOf */
/* harmony import */ var _registry_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38843);
// The one place that decides whether a request goes through a proxy, for every client of the gate: registries (with
// their token endpoints and blob redirects), Microsoft Graph, the live pull-secret credential checks, the GitHub API
// (CLI and action) and the Kubernetes API. It honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY and their lower-case forms,
// as the runner sets them. fetch goes through undici's EnvHttpProxyAgent (decided per origin, so a redirect to a host
// in NO_PROXY goes direct); clients that take a proxy URL instead of a fetch (the Kubernetes API reader,
// facts/kubernetes/api.ts, when the kubeconfig entry has no `proxy-url` of its own) ask `proxyUrlFor`, which makes the
// same choice as EnvHttpProxyAgent (tested side by side). Without a proxy in the environment fetch is the plain global
// fetch. Under --simulate the emulator's own fetch and kubeconfig are used instead: traffic to the loopback emulator
// never goes through a proxy.

/**
 * Connections per origin for the registry transport: as many as a registry client has requests in flight. Without a
 * cap undici opens a new connection whenever a request arrives before a finished one has handed its socket back: 62
 * TLS connections for 32 in flight at 150 images on docker-registry, whose handshakes cost the registry 0.16 s of its
 * 0.77 s of CPU for the run and the gate as much again (measured; 32 connections with the cap). Requests beyond the cap
 * wait in undici's queue for a free connection.
 */
const CONNECTIONS_PER_ORIGIN = _registry_http_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONCURRENCY_PER_REGISTRY */ .gf;
function proxyFromEnv(env) {
    const pick = (upper) => env[upper] || env[upper.toLowerCase()] || undefined;
    const httpProxy = pick('HTTP_PROXY');
    const httpsProxy = pick('HTTPS_PROXY') ?? httpProxy;
    const noProxy = pick('NO_PROXY');
    return {
        ...(httpProxy ? { httpProxy } : {}),
        ...(httpsProxy ? { httpsProxy } : {}),
        ...(noProxy ? { noProxy } : {}),
    };
}
const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
/**
 * The proxy a request to `target` goes through under `env`, or undefined for a direct connection. NO_PROXY as
 * EnvHttpProxyAgent reads it: entries split on commas or spaces, `*` alone means never, an entry matches the host
 * itself or any subdomain (a leading `.` or `*.` is dropped), `host:port` only that port.
 */
function proxyUrlFor(target, env) {
    const p = proxyFromEnv(env);
    let url;
    try {
        url = new URL(target);
    }
    catch {
        return undefined;
    }
    const proxy = url.protocol === 'https:' ? p.httpsProxy : url.protocol === 'http:' ? p.httpProxy : undefined;
    if (!proxy)
        return undefined;
    const noProxy = (p.noProxy ?? '').trim();
    if (noProxy === '*')
        return undefined;
    const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
    const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
    for (const entry of noProxy.split(/[,\s]/)) {
        if (!entry)
            continue;
        const m = /^(.+):(\d+)$/.exec(entry);
        const host = (m ? m[1] : entry).replace(/^\*?\./, '').toLowerCase();
        const entryPort = m ? Number.parseInt(m[2], 10) : 0;
        if (entryPort && entryPort !== port)
            continue;
        if (hostname === host || hostname.endsWith(`.${host}`))
            return undefined;
    }
    return proxy;
}
let undici;
/**
 * undici (~0.5 MB of bundle, and its load touches globalThis.Headers, which loads Node's own copy too) is loaded by the
 * first request that needs it: a run that sends nothing (`--offline`, a run on manifests alone) never loads it.
 */
function loadUndici() {
    // undici is CommonJS: a bundler may hand its exports over as `default` only (esbuild's split chunks do).
    return (undici ??= __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 24371, 19)).then((m) => ('Agent' in m ? m : m.default)));
}
/** The agent for a proxy named in the environment; every field given, so it never falls back to process.env. */
function envProxyAgent(u, p) {
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
function blameProxy(err, target, env, aborted) {
    const proxy = proxyUrlFor(target, env);
    if (!proxy || (err instanceof Error && err.name === 'AbortError') || aborted)
        return err;
    return new ProxyFailure(proxy, err);
}
function proxyAwareFetch(env) {
    const p = proxyFromEnv(env);
    if (!p.httpProxy && !p.httpsProxy)
        return globalThis.fetch.bind(globalThis);
    let agent;
    return (async (input, init) => {
        try {
            const dispatcher = await (agent ??= loadUndici().then((u) => envProxyAgent(u, p)));
            return await globalThis.fetch(input, { ...init, dispatcher });
        }
        catch (err) {
            const target = typeof input === 'string' || input instanceof URL ? input : input.url;
            throw blameProxy(err, target, env, init?.signal?.aborted === true);
        }
    });
}
/**
 * The same choice as proxyAwareFetch for undici's `request` (the registry clients' transport): an EnvHttpProxyAgent
 * when the environment names a proxy, else an Agent of its own, and the same ProxyFailure for a proxy that failed.
 */
function proxyAwareRequest(env) {
    const p = proxyFromEnv(env);
    const wire = lazyRequest((u) => p.httpProxy || p.httpsProxy
        ? envProxyAgent(u, p)
        : new u.Agent({ connections: CONNECTIONS_PER_ORIGIN, connect: { secureContext: sharedSecureContext() } }));
    return async (url, init) => {
        try {
            const { request, dispatcher } = await wire();
            return await request(url, { ...init, dispatcher });
        }
        catch (err) {
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
function sharedSecureContext() {
    const tls = process.getBuiltinModule('node:tls');
    return tls.createSecureContext();
}
/** undici's `request` and a dispatcher, both made by the first call (which loads undici), shared by every later one. */
function lazyRequest(dispatcher) {
    let wire;
    return () => (wire ??= loadUndici().then((u) => ({ request: u.request, dispatcher: dispatcher(u) })));
}
/** A request that went through a proxy failed without an answer; `cause` is fetch's error. */
class ProxyFailure extends Error {
    /** The proxy's host:port (never its credentials). */
    proxyHost;
    constructor(proxy, cause) {
        const host = proxyHostOf(proxy);
        const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : '';
        super(`through the proxy ${host}${detail ? `: ${detail}` : ''}`, { cause });
        this.name = 'ProxyFailure';
        this.proxyHost = host;
    }
}
/** `http://user:secret@proxy.corp:3128` -> `proxy.corp:3128`: only the host goes into messages. */
function proxyHostOf(proxy) {
    try {
        return new URL(proxy).host || '(proxy)';
    }
    catch {
        return '(proxy)';
    }
}


/***/ }),

/***/ 99169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readCapped)
/* harmony export */ });
// Reading a response body with a size cap, for every client that reads bodies itself (the registry transport, the
// Kubernetes API reader): a hostile or broken server must not fill memory.
/**
 * Reads a body to its end, or stops past `cap` bytes and returns undefined (leaving the iterator cancels the stream:
 * fetch's ReadableStream or undici's body). A missing body is an empty one.
 */
async function readCapped(body, cap) {
    if (!body)
        return Buffer.alloc(0);
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.byteLength;
        if (size > cap)
            return undefined;
        chunks.push(chunk);
    }
    return chunks.length === 1 ? Buffer.from(chunks[0].buffer, chunks[0].byteOffset, size) : Buffer.concat(chunks, size);
}


/***/ }),

/***/ 72612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ firewallError),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   WQ: () => (/* binding */ transportError),
/* harmony export */   g0: () => (/* binding */ firewallRefusalIp),
/* harmony export */   gl: () => (/* binding */ RegistryError)
/* harmony export */ });
// Registry failures as data: one kind per thing a person can act on, and a one-line reason that never holds a secret.
// Transport errors (DNS, TLS, refused, timeout) are translated here from undici's error causes.
class RegistryError extends Error {
    kind;
    /** HTTP status when the failure was an HTTP answer. */
    status;
    /** Distribution error code (`MANIFEST_UNKNOWN`, `NAME_UNKNOWN`, ...) when the body carried one. */
    code;
    /** The caller's IP as the registry saw it, when its firewall refused the gate. */
    clientIp;
    constructor(kind, message, status, code) {
        super(message);
        this.name = 'RegistryError';
        this.kind = kind;
        if (status !== undefined)
            this.status = status;
        if (code !== undefined)
            this.code = code;
    }
}
/**
 * ACR's firewall refuses a caller outside its network rules with 403 and
 * `{"errors":[{"code":"DENIED","message":"client with IP '<ip>' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}`
 * (the same body on /v2/, the token endpoints and the content API). Returns the IP when the body is that refusal.
 */
function firewallRefusalIp(body) {
    const m = /client with IP '([^']{1,64})' is not allowed access/i.exec(body);
    return m ? m[1] : undefined;
}
/** The RegistryError for a firewall refusal of the gate's own request. */
function firewallError(registry, ip) {
    const e = new RegistryError('firewall', `${registry}'s firewall refused the gate's request from IP ${ip} (403 DENIED: client with IP '${ip}' is not allowed access)`, 403, 'DENIED');
    e.clientIp = ip;
    return e;
}
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const REFUSED_CODES = new Set(['ECONNREFUSED']);
const TIMEOUT_CODES = new Set([
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ETIMEDOUT',
    'ESOCKETTIMEDOUT',
]);
function errorCode(err) {
    if (typeof err === 'object' && err !== null && 'code' in err) {
        const code = err.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
function errorName(err) {
    if (typeof err === 'object' && err !== null && 'name' in err) {
        const name = err.name;
        if (typeof name === 'string')
            return name;
    }
    return undefined;
}
/** Walks `err.cause` (undici wraps the socket error in `TypeError: fetch failed`). */
function causes(err) {
    const out = [];
    let cur = err;
    for (let i = 0; i < 6 && cur !== undefined && cur !== null; i++) {
        out.push(cur);
        cur = typeof cur === 'object' && 'cause' in cur ? cur.cause : undefined;
    }
    return out;
}
function isTlsCode(code) {
    return (code.startsWith('ERR_TLS_') ||
        code.startsWith('ERR_SSL_') ||
        code.includes('CERT') ||
        code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
        code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
        code === 'EPROTO');
}
/**
 * Turns whatever fetch threw into a RegistryError. `deadline` tells an overall-deadline abort from a per-request
 * timeout so the reason says which one ran out.
 */
function transportError(err, host, what) {
    if (err instanceof RegistryError)
        return err;
    // Through a proxy (facts/proxy-fetch.ts): the same kind, and the message names the proxy, not only the registry.
    const proxy = causes(err).find((c) => c instanceof Error && c.name === 'ProxyFailure');
    if (proxy && what === 'other') {
        const e = transportError(proxy.cause, host, what);
        return new RegistryError(e.kind, `${e.message} (through the proxy ${proxy.proxyHost})`);
    }
    if (what === 'deadline')
        return new RegistryError('timeout', `${host}: no answer before the overall deadline`);
    if (what === 'request-timeout')
        return new RegistryError('timeout', `${host}: request timed out`);
    for (const c of causes(err)) {
        const code = errorCode(c);
        const name = errorName(c);
        if (name === 'TimeoutError')
            return new RegistryError('timeout', `${host}: request timed out`);
        if (name === 'AbortError')
            return new RegistryError('timeout', `${host}: request aborted before an answer`);
        if (code === undefined)
            continue;
        if (DNS_CODES.has(code))
            return new RegistryError('dns', `${host}: DNS lookup failed (${code})`);
        if (REFUSED_CODES.has(code))
            return new RegistryError('connection-refused', `${host}: connection refused`);
        if (TIMEOUT_CODES.has(code))
            return new RegistryError('timeout', `${host}: request timed out (${code})`);
        if (isTlsCode(code))
            return new RegistryError('tls', `${host}: TLS failed (${code})`);
        if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
            return new RegistryError('network', `${host}: connection reset (${code})`);
        }
        if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
            return new RegistryError('network', `${host}: host unreachable (${code})`);
        }
    }
    const first = causes(err).at(-1);
    const msg = first instanceof Error ? first.message : String(first);
    return new RegistryError('network', `${host}: request failed (${oneLine(msg)})`);
}
function oneLine(text, max = 200) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}


/***/ }),

/***/ 38843:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ readBounded),
/* harmony export */   O_: () => (/* binding */ throwIfFirewall),
/* harmony export */   WR: () => (/* binding */ RegistryHttp),
/* harmony export */   W_: () => (/* binding */ sumCounts),
/* harmony export */   gf: () => (/* binding */ DEFAULT_CONCURRENCY_PER_REGISTRY)
/* harmony export */ });
/* unused harmony exports REQUEST_KINDS, MAX_BODY_BYTES, retryAfterMs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72612);
/* harmony import */ var _read_capped_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99169);
// The registry client's transport: one place that sends requests, so bounded concurrency per registry, retries
// (429 with Retry-After, 5xx), the overall deadline, redirect handling and request counting are done once.
// Redirects are followed by hand so an Authorization header never follows a blob to another origin (S3, Azure Blob).
// It sends with undici's `request` where the gate gives one (fetch costs about twice the CPU per request: 0.34 vs
// 0.17 ms on loopback TLS, server included), else with the injected fetch (tests' stand-ins), and reads every body to
// its end, bounded, before the next request to that registry may start.


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
const DEFAULT_CONCURRENCY_PER_REGISTRY = 64;
const REQUEST_KINDS = [
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
function sumCounts(a, b) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b))
        out[k] = (out[k] ?? 0) + v;
    return out;
}
/** The largest body any registry request reads (an image config blob: 16 MiB). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
class PlainHeaders {
    h;
    constructor(h) {
        this.h = h;
    }
    get(name) {
        const v = this.h[name.toLowerCase()];
        if (v === undefined)
            return null;
        return Array.isArray(v) ? v.join(', ') : v;
    }
}
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/** A small FIFO semaphore. */
class Semaphore {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async acquire() {
        if (this.active < this.limit) {
            this.active++;
            return;
        }
        await new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Retry-After as milliseconds (delta-seconds or an HTTP date), undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    if (value === null)
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
class RegistryHttp {
    opts;
    pools = new Map();
    counts = new Map();
    retries = 0;
    constructor(opts) {
        this.opts = opts;
    }
    requestCounts() {
        const out = {};
        for (const k of REQUEST_KINDS)
            out[k] = this.counts.get(k) ?? 0;
        out.retries = this.retries;
        return out;
    }
    pool(key) {
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
    async send(kind, url, init) {
        const host = url.host;
        for (let attempt = 0;; attempt++) {
            const res = await this.attempt(kind, url, init);
            if (!RETRYABLE_STATUS.has(res.status) || attempt >= this.opts.maxRetries)
                return res;
            const delay = this.retryDelay(res, attempt);
            // Retry-After beyond what we may wait: give up now rather than sleep past the deadline.
            if (delay === undefined)
                return res;
            this.retries++;
            this.opts.logger?.debug(`${host}: ${res.status} on ${kind}, retry ${attempt + 1} in ${delay} ms`);
            try {
                await sleep(delay, this.opts.signal);
            }
            catch (err) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .transportError */ .WQ)(err, host, 'deadline');
            }
        }
    }
    retryDelay(res, attempt) {
        const backoff = this.opts.baseRetryDelayMs * 2 ** attempt;
        const jitter = Math.floor(Math.random() * this.opts.baseRetryDelayMs);
        const asked = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
        if (asked !== undefined && asked > this.opts.maxRetryDelayMs)
            return undefined;
        return Math.min(this.opts.maxRetryDelayMs, Math.max(asked ?? 0, backoff + jitter));
    }
    /** One HTTP exchange, following redirects by hand. */
    async attempt(kind, start, init) {
        const maxRedirects = init.maxRedirects ?? 5;
        let url = start;
        const headers = { ...(init.headers ?? {}) };
        for (let hop = 0;; hop++) {
            const res = await this.exchange(kind, url, { ...init, headers });
            if (res.status < 300 || res.status >= 400 || res.status === 304)
                return res;
            const location = res.headers.get('location');
            if (location === null || hop >= maxRedirects)
                return res;
            const next = new URL(location, url);
            if (next.origin !== url.origin) {
                // The registry's token must not travel to a storage host; presigned URLs carry their own authorization.
                delete headers.authorization;
                delete headers.Authorization;
            }
            if (url.protocol === 'https:' && next.protocol !== 'https:') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl('protocol', `${url.host}: redirected from HTTPS to ${next.origin}; not followed`);
            }
            url = next;
        }
    }
    async exchange(kind, url, init) {
        const pool = this.pool(init.pool);
        const outer = this.opts.signal;
        if (outer?.aborted)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .transportError */ .WQ)(outer.reason, url.host, 'deadline');
        await pool.acquire();
        const perRequest = AbortSignal.timeout(this.opts.requestTimeoutMs);
        const signal = outer ? AbortSignal.any([outer, perRequest]) : perRequest;
        this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
        const method = init.method ?? 'GET';
        const cap = init.maxBytes ?? MAX_BODY_BYTES;
        try {
            if (this.opts.request) {
                const wireInit = { method, signal };
                if (init.headers)
                    wireInit.headers = init.headers;
                if (init.body !== undefined)
                    wireInit.body = init.body;
                const res = await this.opts.request(url, wireInit);
                return {
                    status: res.statusCode,
                    headers: new PlainHeaders(res.headers),
                    body: await (0,_read_capped_js__WEBPACK_IMPORTED_MODULE_1__/* .readCapped */ .E)(res.body, cap),
                };
            }
            const reqInit = { method, redirect: 'manual', signal };
            if (init.headers)
                reqInit.headers = init.headers;
            if (init.body !== undefined)
                reqInit.body = init.body;
            const res = await this.opts.fetch(url, reqInit);
            return { status: res.status, headers: res.headers, body: await (0,_read_capped_js__WEBPACK_IMPORTED_MODULE_1__/* .readCapped */ .E)(res.body, cap) };
        }
        catch (err) {
            if (outer?.aborted)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .transportError */ .WQ)(err, url.host, 'deadline');
            if (perRequest.aborted)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .transportError */ .WQ)(err, url.host, 'request-timeout');
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .transportError */ .WQ)(err, url.host, 'other');
        }
        finally {
            pool.release();
        }
    }
}
/** A body as text, refused when it is larger than `max` (a registry should not send that). */
function readBounded(res, max, host) {
    if (res.body === undefined || res.body.byteLength > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl('protocol', `${host}: response larger than ${max} bytes`);
    }
    return res.body.toString('utf8');
}
/** A 403 whose body is the registry firewall's refusal becomes its own failure (never "the gate needs AcrPull"). */
function throwIfFirewall(res, registry) {
    let body;
    try {
        body = readBounded(res, 64 * 1024, registry);
    }
    catch {
        return;
    }
    const ip = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .firewallRefusalIp */ .g0)(body);
    if (ip)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .firewallError */ .FG)(registry, ip);
}


/***/ })

};
