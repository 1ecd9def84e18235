// What the client does when a registry misbehaves: 429 storms, hangs, 5xx, TLS and connection failures, redirects to
// storage, and hostile token realms. Loopback HTTPS stubs script each behaviour and record what they received.
import type { ServerResponse } from 'node:http';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImages } from '../../src/checks/images.js';
import { RegistryClient, type ImageCheck } from '../../src/facts/registry/client.js';
import type { ImageReference, ImageUse } from '../../src/types/index.js';
import type { WireRequest } from '../../src/types/facts/context.js';
import { testTls, trustingFetch } from '../helpers/docker-registry.js';
import { json, startStubHttps, type StubHttps, type StubRequest } from '../helpers/stub-https.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const CONFIG_DIGEST = `sha256:${'c'.repeat(64)}`;
const MANIFEST_DIGEST = `sha256:${'d'.repeat(64)}`;
const manifestBody = JSON.stringify({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: CONFIG_DIGEST, size: 2 },
  layers: [],
});

function ref(registry: string, repository = 'app', tag = 'v1'): ImageReference {
  const normalized = `${registry}/${repository}:${tag}`;
  return { original: normalized, registry, repository, tag, normalized };
}

function use(r: ImageReference): ImageUse {
  return {
    image: r.original,
    ref: r,
    location: { file: 'k8s/app.yaml', line: 7, column: 16 },
    workload: { kind: 'Deployment', name: 'app', namespace: 'prod' },
    container: 'app',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints: {},
  };
}

/** A registry without auth that serves one single-arch image `app:v1`. */
function healthyRegistry(req: StubRequest, res: ServerResponse): void {
  if (req.path === '/v2/') return json(res, 200, {});
  if (req.path === '/v2/app/manifests/v1') {
    res.writeHead(200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': MANIFEST_DIGEST });
    res.end(req.method === 'HEAD' ? undefined : manifestBody);
    return;
  }
  if (req.path === `/v2/app/manifests/${MANIFEST_DIGEST}`) {
    res.writeHead(200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': MANIFEST_DIGEST });
    res.end(manifestBody);
    return;
  }
  if (req.path === `/v2/app/blobs/${CONFIG_DIGEST}`) return json(res, 200, { os: 'linux', architecture: 'amd64' });
  json(res, 404, { errors: [{ code: 'NAME_UNKNOWN' }] });
}

const stubs: StubHttps[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stubs.splice(0)) await s.stop();
  for (const c of closers.splice(0)) await c();
});

async function stub(handler: Parameters<typeof startStubHttps>[0], opts: Parameters<typeof startStubHttps>[1] = {}) {
  const s = await startStubHttps(handler, opts);
  stubs.push(s);
  return s;
}

/** What the gate gives the registry client: undici's `request` (with fetch beside it), trusting the test CA. */
async function tlsWire(): Promise<{ fetch: typeof globalThis.fetch; request: WireRequest }> {
  const f = trustingFetch((await testTls()).cert);
  closers.push(f.close);
  return { fetch: f.fetch, request: f.request };
}

describe('throttling', () => {
  it('ends a 429 storm as image-unverifiable within the deadline, after bounded retries', async () => {
    const s = await stub((_req, res) =>
      json(res, 429, { errors: [{ code: 'TOOMANYREQUESTS' }] }, { 'retry-after': '1' }),
    );
    const c = new RegistryClient({ ...(await tlsWire()), maxRetries: 2, signal: AbortSignal.timeout(8_000) });
    const t0 = Date.now();
    const r = await c.checkImage(ref(s.host));
    const elapsed = Date.now() - t0;
    expect(r).toMatchObject({ status: 'unverifiable', failure: 'throttled' });
    expect(r.reason).toContain('429');
    expect(s.requests).toHaveLength(3);
    // Retry-After: 1 was honoured twice.
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(8_000);
    const findings = checkImages([use(ref(s.host))], new Map([[ref(s.host).normalized, r]]), [
      { os: 'linux', architecture: 'amd64' },
    ]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['image-unverifiable', 'warning']]);
    expect(findings[0]?.message).toContain('throttled');
  });

  it('gives up at once when Retry-After asks for longer than it may wait', async () => {
    const s = await stub((_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const c = new RegistryClient({ ...(await tlsWire()), maxRetryDelayMs: 2_000 });
    const t0 = Date.now();
    const r = await c.checkImage(ref(s.host));
    expect(r.failure).toBe('throttled');
    expect(r.reason).toContain('Retry-After 3600');
    expect(s.requests).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('succeeds when the registry stops throttling after Retry-After', async () => {
    let n = 0;
    const s = await stub((req, res) => {
      if (req.path === '/v2/' && n++ === 0) return json(res, 429, {}, { 'retry-after': '1' });
      healthyRegistry(req, res);
    });
    const c = new RegistryClient({ ...(await tlsWire()) });
    expect(await c.checkImage(ref(s.host))).toMatchObject({
      status: 'ok',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
    });
    expect(c.requestCounts().retries).toBe(1);
  });
});

describe('hangs and server errors', () => {
  it('ends a registry that never answers as image-unverifiable when the overall deadline passes', async () => {
    const s = await stub(() => {
      /* never answers */
    });
    const c = new RegistryClient({
      ...(await tlsWire()),
      signal: AbortSignal.timeout(1_500),
      requestTimeoutMs: 60_000,
    });
    const t0 = Date.now();
    const results = await Promise.all([c.checkImage(ref(s.host, 'a')), c.checkImage(ref(s.host, 'b'))]);
    const elapsed = Date.now() - t0;
    for (const r of results) {
      expect(r).toMatchObject({ status: 'unverifiable', failure: 'timeout' });
      expect(r.reason).toContain('overall deadline');
    }
    expect(elapsed).toBeLessThan(8_000);
  });

  it('times out a single hanging request and says so', async () => {
    const s = await stub((req, res) => {
      if (req.path === '/v2/') return json(res, 200, {});
      // the manifest request hangs
    });
    const c = new RegistryClient({ ...(await tlsWire()), requestTimeoutMs: 500 });
    const r = await c.checkImage(ref(s.host));
    expect(r).toMatchObject({ status: 'unverifiable', failure: 'timeout' });
    expect(r.reason).toBe(`${s.host}: request timed out`);
  });

  it('retries 5xx a bounded number of times, then reports the server error', async () => {
    const s = await stub((_req, res) => json(res, 503, {}));
    const c = new RegistryClient({ ...(await tlsWire()), maxRetries: 3, baseRetryDelayMs: 10 });
    const r = await c.checkImage(ref(s.host));
    expect(r).toMatchObject({ status: 'unverifiable', failure: 'server-error' });
    expect(r.reason).toContain('503');
    expect(s.requests).toHaveLength(4);
  });

  it('recovers from one 502 on the manifest', async () => {
    let failed = false;
    const s = await stub((req, res) => {
      if (req.path.includes('/manifests/') && !failed) {
        failed = true;
        return json(res, 502, {});
      }
      healthyRegistry(req, res);
    });
    const c = new RegistryClient({ ...(await tlsWire()), baseRetryDelayMs: 10 });
    expect((await c.checkImage(ref(s.host))).status).toBe('ok');
  });
});

describe('refusals', () => {
  it('reports 403 on the manifest as denied, which the rules turn into image-unverifiable', async () => {
    const s = await stub((req, res) =>
      req.path === '/v2/' ? json(res, 200, {}) : json(res, 403, { errors: [{ code: 'DENIED' }] }),
    );
    const c = new RegistryClient({ ...(await tlsWire()) });
    const r = await c.checkImage(ref(s.host));
    expect(r).toMatchObject({ status: 'denied', failure: 'denied' });
    expect(r.reason).toBe(`${s.host} denied pull of app (403)`);
    const findings = checkImages([use(ref(s.host))], new Map([[ref(s.host).normalized, r]]), []);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['image-unverifiable', 'warning']]);
  });
});

describe('connection failures', () => {
  it('reports an untrusted certificate as a TLS failure', async () => {
    const s = await stub(healthyRegistry, { untrusted: true });
    const c = new RegistryClient({ ...(await tlsWire()) });
    const r = await c.checkImage(ref(s.host));
    expect(r).toMatchObject({ status: 'unverifiable', failure: 'tls' });
    expect(r.reason).toMatch(/TLS failed \(.+\)/);
  });

  it('reports connection refused', async () => {
    const s = await stub(healthyRegistry);
    await s.stop();
    stubs.pop();
    const c = new RegistryClient({ ...(await tlsWire()) });
    const r = await c.checkImage(ref(s.host));
    expect(r).toMatchObject({ status: 'unverifiable', failure: 'connection-refused' });
    expect(r.reason).toBe(`${s.host}: connection refused`);
  });

  it('reports a name that does not resolve as a DNS failure', async () => {
    const agent = new Agent({
      connect: {
        lookup: (hostname, _opts, cb) =>
          cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4),
      },
    });
    closers.push(() => agent.close());
    const f = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      fetch(input, { ...init, dispatcher: agent } as RequestInit)) as typeof globalThis.fetch;
    const c = new RegistryClient({ fetch: f });
    const r = await c.checkImage(ref('prodacr.azurecr.io'));
    expect(r).toMatchObject({ status: 'unverifiable', failure: 'dns' });
    expect(r.reason).toBe('prodacr.azurecr.io: DNS lookup failed (ENOTFOUND)');
  });
});

describe('credentials go only where they belong', () => {
  it('does not send the registry token along a redirect to a storage host', async () => {
    const storage = await stub(
      (req, res) => {
        if (req.path.startsWith('/blob')) return json(res, 200, { os: 'linux', architecture: 'arm64' });
        json(res, 404, {});
      },
      { hostname: 'localhost' },
    );
    const s = await stub((req, res) => {
      if (req.path === '/v2/' && !req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://127.0.0.1:${s.port}/token",service="stub"` });
        return res.end();
      }
      if (req.path.startsWith('/token')) return json(res, 200, { token: 'registry-bearer-token' });
      if (req.path === `/v2/app/blobs/${CONFIG_DIGEST}`) {
        res.writeHead(307, { location: `https://${storage.host}/blob?sig=presigned` });
        return res.end();
      }
      healthyRegistry(req, res);
    });
    const c = new RegistryClient({ ...(await tlsWire()) });
    const r = await c.checkImage(ref(s.host), { kind: 'basic', username: 'u', password: 'p' });
    expect(r).toMatchObject({ status: 'ok', platforms: [{ os: 'linux', architecture: 'arm64' }] });
    expect(storage.requests).toHaveLength(1);
    expect(storage.requests[0]?.headers.authorization).toBeUndefined();
    expect(
      s.requests
        .filter((q) => q.path.startsWith('/v2/app'))
        .every((q) => q.headers.authorization === 'Bearer registry-bearer-token'),
    ).toBe(true);
  });

  it('refuses a realm on another host for a Basic credential and never contacts it', async () => {
    const hostile = await stub((_req, res) => json(res, 200, { token: 'stolen' }), { hostname: 'localhost' });
    const s = await stub((req, res) => {
      if (req.path === '/v2/') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${hostile.host}/token",service="stub"` });
        return res.end();
      }
      json(res, 401, {});
    });
    const c = new RegistryClient({ ...(await tlsWire()) });
    const r = await c.checkImage(ref(s.host), { kind: 'basic', username: 'u', password: 'secret-password' });
    expect(r).toMatchObject({ status: 'unverifiable', failure: 'credential-refused' });
    expect(hostile.requests).toHaveLength(0);
    const findings = checkImages([use(ref(s.host))], new Map([[ref(s.host).normalized, r as ImageCheck]]), []);
    expect(findings[0]?.rule).toBe('image-unverifiable');
    expect(findings[0]?.message).toContain('the credential was not sent there');
    expect(JSON.stringify(findings)).not.toContain('secret-password');
  });

  it('still checks anonymously through a foreign HTTPS realm (nothing secret travels)', async () => {
    const realm = await stub((_req, res) => json(res, 200, { token: 'anon' }), { hostname: 'localhost' });
    const s = await stub((req, res) => {
      if (req.path === '/v2/') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${realm.host}/token",service="stub"` });
        return res.end();
      }
      healthyRegistry(req, res);
    });
    const c = new RegistryClient({ ...(await tlsWire()) });
    expect((await c.checkImage(ref(s.host))).status).toBe('ok');
    expect(realm.requests).toHaveLength(1);
    expect(realm.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('load', () => {
  it('keeps at most concurrencyPerRegistry requests in flight to one registry', async () => {
    let inFlight = 0;
    let peak = 0;
    const s = await stub(async (req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      if (req.path === '/v2/') return json(res, 200, {});
      json(res, 404, { errors: [{ code: 'NAME_UNKNOWN' }] });
    });
    const c = new RegistryClient({ ...(await tlsWire()), concurrencyPerRegistry: 4 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => c.checkImage(ref(s.host, `repo${i}`))));
    expect(results.every((r) => r.status === 'repository-not-found')).toBe(true);
    expect(peak).toBe(4);
  });

  for (const wire of ['request', 'fetch'] as const) {
    it(`holds a registry's slot until the body is read, not only until the headers arrive (${wire})`, async () => {
      // Headers first, the body 30 ms later: a slot let go at the headers would let all 30 requests in at once.
      let open = 0;
      let peak = 0;
      const s = await stub((req, res) => {
        open++;
        peak = Math.max(peak, open);
        res.on('close', () => open--);
        if (req.path === '/v2/') return json(res, 200, {});
        res.writeHead(404, { 'content-type': 'application/json' });
        res.flushHeaders();
        setTimeout(() => res.end(JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN' }] })), 30);
      });
      const w = await tlsWire();
      const c = new RegistryClient({ ...(wire === 'request' ? w : { fetch: w.fetch }), concurrencyPerRegistry: 4 });
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => c.checkImage(ref(s.host, `repo${i}`))));
      expect(results.every((r) => r.status === 'repository-not-found')).toBe(true);
      expect(peak).toBe(4);
    });
  }

  it('stops reading a body past the largest a registry request reads (16 MiB) and says the response is too large', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let written = 0;
    const s = await stub((req, res) => {
      if (req.path === '/v2/') return json(res, 200, {});
      res.writeHead(200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': MANIFEST_DIGEST });
      // 64 MiB of spaces, written as the client reads: a transport that read it all would take it all.
      const pump = (): void => {
        while (written < 64) {
          written++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (written = Math.max(written, 0)));
      pump();
    });
    const c = new RegistryClient({ ...(await tlsWire()), signal: AbortSignal.timeout(10_000) });
    const r = await c.checkImage(ref(s.host));
    expect(r.status).toBe('unverifiable');
    expect(r.reason).toMatch(/response larger than 4194304 bytes/);
    expect(written).toBeLessThan(40);
  });

  it('ends 50 throttled images within the deadline, however many retries were allowed', async () => {
    const s = await stub((req, res) =>
      req.path === '/v2/' ? json(res, 200, {}) : json(res, 429, {}, { 'retry-after': '1' }),
    );
    const c = new RegistryClient({ ...(await tlsWire()), signal: AbortSignal.timeout(2_500), maxRetries: 10 });
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => c.checkImage(ref(s.host, `r${i}`))));
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(new Set(results.map((r) => `${r.status}/${r.failure}`))).toEqual(new Set(['unverifiable/timeout']));
  });
});
