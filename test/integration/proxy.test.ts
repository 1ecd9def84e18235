// Behind a proxy (HTTPS_PROXY / https_proxy, NO_PROXY as the runner sets them) the gate's registry client goes through
// it: a CONNECT proxy on loopback records every tunnel it opens. NO_PROXY keeps a host direct.
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyAwareFetch, proxyAwareRequest } from '../../src/facts/proxy-fetch.js';
import { RegistryClient } from '../../src/facts/registry/client.js';
import { parseImageReference } from '../../src/lib/image-reference.js';
import { json, startStubHttps, type StubHttps } from '../helpers/stub-https.js';
import { testTls } from '../helpers/docker-registry.js';

const tunnels: string[] = [];
let proxy: Server;
let proxyUrl: string;
let registry: StubHttps;
const savedCAs = tls.getCACertificates('default');

beforeAll(async () => {
  tls.setDefaultCACertificates([...savedCAs, (await testTls()).cert]);
  proxy = createHttpServer();
  proxy.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  registry = await startStubHttps((req, res) => {
    if (req.path === '/v2/') return json(res, 200, {});
    return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
  });
});
afterAll(async () => {
  tls.setDefaultCACertificates(savedCAs);
  await registry.stop();
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
});

async function check(env: NodeJS.ProcessEnv, wire: 'request' | 'fetch') {
  tunnels.length = 0;
  registry.requests.length = 0;
  const client = new RegistryClient({
    fetch: proxyAwareFetch(env),
    ...(wire === 'request' ? { request: proxyAwareRequest(env) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const ref = parseImageReference(`${registry.host}/app:1.0`);
  if (!ref.ok) throw new Error('bad ref');
  return client.checkImage(ref.ref);
}

// The gate's registry clients send with undici's request (proxyAwareRequest); fetch is the other transport they take.
describe.each(['request', 'fetch'] as const)('proxies (%s)', (wire) => {
  it('HTTPS_PROXY: the registry is reached through a CONNECT tunnel', async () => {
    const r = await check({ HTTPS_PROXY: proxyUrl }, wire);
    expect(tunnels).toContain(registry.host);
    expect(registry.requests.map((q) => q.path)).toContain('/v2/');
    expect(r.failure).not.toBe('network');
  });

  it('the lower-case https_proxy the runner sets works the same', async () => {
    await check({ https_proxy: proxyUrl }, wire);
    expect(tunnels).toContain(registry.host);
  });

  it('healthy look-alike: NO_PROXY naming the host keeps it direct, and no proxy in the environment means none', async () => {
    await check({ HTTPS_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' }, wire);
    expect(tunnels).toEqual([]);
    expect(registry.requests.map((q) => q.path)).toContain('/v2/');
    await check({}, wire);
    expect(tunnels).toEqual([]);
  });
});

// Without a proxy the registry transport sends over one TLS context shared by all its connections (built once from the
// defaults): it must verify every server as a context of its own would.
describe('the direct registry transport (one shared TLS context)', () => {
  it('refuses a certificate no trusted CA signed, and reaches a trusted registry over the same transport', async () => {
    const untrusted = await startStubHttps((_req, res) => json(res, 200, {}), { untrusted: true });
    try {
      const wire = proxyAwareRequest({});
      const client = new RegistryClient({ fetch, request: wire, signal: AbortSignal.timeout(10_000) });
      const bad = parseImageReference(`${untrusted.host}/app:1.0`);
      const good = parseImageReference(`${registry.host}/app:1.0`);
      if (!bad.ok || !good.ok) throw new Error('bad ref');
      const refused = await client.checkImage(bad.ref);
      expect(refused).toMatchObject({ status: 'unverifiable', failure: 'tls' });
      expect(untrusted.requests).toEqual([]);
      registry.requests.length = 0;
      const reached = await client.checkImage(good.ref);
      expect(reached.failure).not.toBe('tls');
      expect(registry.requests.map((q) => q.path)).toContain('/v2/');
    } finally {
      await untrusted.stop();
    }
  });
});
