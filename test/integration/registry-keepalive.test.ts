// A body the registry client does not need (an error document, a manifest whose digest is already resolved) must not
// cost the connection: undici drops a keep-alive connection whose response body is cancelled while still in flight,
// and the next request to the registry then pays a new TCP and TLS handshake (three round trips; on a hosted runner
// far from the registry, 60+ ms each). Here a 404 body arrives in two chunks, as over a real network, and the client
// asks for the tag list next, for four missing tags in a row: the connections must be reused, not one per 404.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { RegistryClient } from '../../src/facts/registry/client.js';
import { parseImageReference } from '../../src/lib/image-reference.js';
import { testTls } from '../helpers/docker-registry.js';

let server: Server;
let connections = 0;
let host = '';
const seen: string[] = [];

beforeAll(async () => {
  const t = await testTls();
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), t.cert]);
  server = createServer({ cert: t.cert, key: t.key }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/v2/') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' });
      res.end('{}');
      return;
    }
    if (req.url?.includes('/manifests/')) {
      // distribution's answer for a tag that does not exist, its body split over two writes 50 ms apart.
      const body = JSON.stringify({
        errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { Tag: 'v9' } }],
      });
      res.writeHead(404, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.write(body.slice(0, 10));
      setTimeout(() => res.end(body.slice(10)), 50);
      return;
    }
    if (req.url?.includes('/tags/list')) {
      const body = JSON.stringify({ name: 'team/app', tags: ['v1', 'v2'] });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(404, { 'content-length': '0' });
    res.end();
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

it('keeps its connections when small unneeded bodies are still arriving (no new handshake per image)', async () => {
  const client = new RegistryClient({});
  for (const tag of ['v9', 'v8', 'v7', 'v6']) {
    const parsed = parseImageReference(`${host}/team/app:${tag}`);
    if (!parsed.ok) throw new Error('reference');
    const r = await client.checkImage(parsed.ref);
    expect(r.status).toBe('not-found');
  }
  expect(seen.filter((s) => s.includes('/manifests/'))).toHaveLength(4);
  expect(seen.filter((s) => s.includes('/tags/list'))).toHaveLength(4);
  // One image at a time: a connection or two (undici may open a second while the first is being handed back), not
  // one more per discarded 404 body.
  expect(connections).toBeLessThanOrEqual(2);
});
