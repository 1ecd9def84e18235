// A tiny loopback HTTPS server whose behaviour each test scripts: 429 storms, hangs, 5xx, redirects, hostile realms,
// an ACR data plane. It records every request (method, path, headers) so tests can prove what was sent where.
// `untrusted: true` serves a certificate the test CA does not sign (a TLS failure).

import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { closeServer, listen, testTls, type TestTls } from './docker-registry.js';

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type StubHandler = (req: StubRequest, res: ServerResponse) => unknown;

export interface StubHttps {
  /** `127.0.0.1:PORT` (or `localhost:PORT` when asked). */
  host: string;
  port: number;
  base: URL;
  requests: StubRequest[];
  stop(): Promise<void>;
}

export interface StubOptions {
  /** Hostname used in `host`/`base` (the server always listens on 127.0.0.1). */
  hostname?: string;
  /** Serve a certificate nobody trusts. */
  untrusted?: boolean;
}

async function untrustedTls(): Promise<TestTls> {
  const p = await generate([{ name: 'commonName', value: 'untrusted' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { cert: p.cert, key: p.private };
}

export async function startStubHttps(handler: StubHandler, opts: StubOptions = {}): Promise<StubHttps> {
  const tls = opts.untrusted ? await untrustedTls() : await testTls();
  const requests: StubRequest[] = [];
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: StubRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(r);
      Promise.resolve(handler(r, res)).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });
  await listen(server);
  const port = (server.address() as AddressInfo).port;
  const host = `${opts.hostname ?? '127.0.0.1'}:${port}`;
  return { host, port, base: new URL(`https://${host}/`), requests, stop: () => closeServer(server) };
}

/** JSON response helper. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
