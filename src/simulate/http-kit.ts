// Small HTTP building blocks shared by the emulator's services: a Reply value (handlers return data, the server writes
// it, so faults can truncate, retype or slow any reply uniformly), body reading, and the emulator's own JWTs.

import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent verbatim; anything else is JSON-encoded. HEAD replies keep headers, drop the body. */
  body?: unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
}

/** Everything a service needs to know about one request. */
export interface Req {
  method: string;
  /** Host header without port, lower case. */
  host: string;
  /** Path as received (percent-decoded per segment is up to the service). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** Origin of the emulator's Azure endpoints, e.g. https://127.0.0.1:40123 */
  origin: string;
}

export function form(req: Req): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

export function bearer(req: Req): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1] : undefined;
}

export function basic(req: Req): { username: string; password: string } | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Basic\s+(.+)$/i.exec(h.trim());
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

export type Claims = Record<string, unknown>;

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** JWT signer/verifier of one emulator run (HS256 with a random key: tokens it did not issue are recognisable). */
export class TokenMint {
  private readonly key = Buffer.from(randomUUID() + randomUUID());

  sign(claims: Claims): string {
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'aks-pull-gate-emulator' }));
    const body = b64url(JSON.stringify(claims));
    const sig = createHmac('sha256', this.key).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${sig}`;
  }

  /** Claims of a token this emulator signed, or undefined. Expiry is checked against the real clock. */
  verify(token: string): Claims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const sig = createHmac('sha256', this.key).update(`${parts[0]}.${parts[1]}`).digest('base64url');
    if (sig !== parts[2]) return undefined;
    const claims = decodeJwt(token);
    if (!claims) return undefined;
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return undefined;
    return claims;
  }
}

/** Payload of any JWT, signature unchecked (world-authored refresh tokens, client assertions). */
export function decodeJwt(token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length < 2) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Claims) : undefined;
  } catch {
    return undefined;
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
