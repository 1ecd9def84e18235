// Registry failures as data: one kind per thing a person can act on, and a one-line reason that never holds a secret.
// Transport errors (DNS, TLS, refused, timeout) are translated here from undici's error causes.

import type { RegistryFailureKind } from '../../types/facts/images.js';

export type { RegistryFailureKind };

export class RegistryError extends Error {
  readonly kind: RegistryFailureKind;
  /** HTTP status when the failure was an HTTP answer. */
  readonly status?: number;
  /** Distribution error code (`MANIFEST_UNKNOWN`, `NAME_UNKNOWN`, ...) when the body carried one. */
  readonly code?: string;
  /** The caller's IP as the registry saw it, when its firewall refused the gate. */
  clientIp?: string;

  constructor(kind: RegistryFailureKind, message: string, status?: number, code?: string) {
    super(message);
    this.name = 'RegistryError';
    this.kind = kind;
    if (status !== undefined) this.status = status;
    if (code !== undefined) this.code = code;
  }
}

/**
 * ACR's firewall refuses a caller outside its network rules with 403 and
 * `{"errors":[{"code":"DENIED","message":"client with IP '<ip>' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}`
 * (the same body on /v2/, the token endpoints and the content API). Returns the IP when the body is that refusal.
 */
export function firewallRefusalIp(body: string): string | undefined {
  const m = /client with IP '([^']{1,64})' is not allowed access/i.exec(body);
  return m ? m[1] : undefined;
}

/** The RegistryError for a firewall refusal of the gate's own request. */
export function firewallError(registry: string, ip: string): RegistryError {
  const e = new RegistryError(
    'firewall',
    `${registry}'s firewall refused the gate's request from IP ${ip} (403 DENIED: client with IP '${ip}' is not allowed access)`,
    403,
    'DENIED',
  );
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

function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function errorName(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'name' in err) {
    const name = (err as { name: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** Walks `err.cause` (undici wraps the socket error in `TypeError: fetch failed`). */
function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 6 && cur !== undefined && cur !== null; i++) {
    out.push(cur);
    cur = typeof cur === 'object' && 'cause' in cur ? (cur as { cause: unknown }).cause : undefined;
  }
  return out;
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'EPROTO'
  );
}

/**
 * Turns whatever fetch threw into a RegistryError. `deadline` tells an overall-deadline abort from a per-request
 * timeout so the reason says which one ran out.
 */
export function transportError(
  err: unknown,
  host: string,
  what: 'deadline' | 'request-timeout' | 'other',
): RegistryError {
  if (err instanceof RegistryError) return err;
  // Through a proxy (facts/proxy-fetch.ts): the same kind, and the message names the proxy, not only the registry.
  const proxy = causes(err).find(
    (c): c is { proxyHost: string } & Error => c instanceof Error && c.name === 'ProxyFailure',
  );
  if (proxy && what === 'other') {
    const e = transportError(proxy.cause, host, what);
    return new RegistryError(e.kind, `${e.message} (through the proxy ${proxy.proxyHost})`);
  }
  if (what === 'deadline') return new RegistryError('timeout', `${host}: no answer before the overall deadline`);
  if (what === 'request-timeout') return new RegistryError('timeout', `${host}: request timed out`);
  for (const c of causes(err)) {
    const code = errorCode(c);
    const name = errorName(c);
    if (name === 'TimeoutError') return new RegistryError('timeout', `${host}: request timed out`);
    if (name === 'AbortError') return new RegistryError('timeout', `${host}: request aborted before an answer`);
    if (code === undefined) continue;
    if (DNS_CODES.has(code)) return new RegistryError('dns', `${host}: DNS lookup failed (${code})`);
    if (REFUSED_CODES.has(code)) return new RegistryError('connection-refused', `${host}: connection refused`);
    if (TIMEOUT_CODES.has(code)) return new RegistryError('timeout', `${host}: request timed out (${code})`);
    if (isTlsCode(code)) return new RegistryError('tls', `${host}: TLS failed (${code})`);
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

export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
