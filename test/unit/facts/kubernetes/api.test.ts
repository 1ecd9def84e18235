// The gate's own Kubernetes API reader against a loopback HTTPS server: TLS as the kubeconfig says (its CA, else the
// default store; skip-verify; tls-server-name; a client certificate), the proxy as kubectl chooses it (proxy-url wins
// over HTTPS_PROXY and NO_PROXY), pagination by `continue`, and the bounds: a per-request timeout, the run's deadline,
// a body size cap. Failures are one line each, as the readers report them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls, { type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, kubeApi, type ApiOptions } from '../../../../src/facts/kubernetes/api.js';
import { clusterObjectReader } from '../../../../src/facts/kubernetes/cluster-objects.js';
import { liveClusterReader } from '../../../../src/facts/kubernetes/live.js';
import { loadKubeconfigFile } from '../../../../src/facts/kubernetes/kubeconfig.js';
import { closeServer, testTls, type TestTls } from '../../../helpers/docker-registry.js';
import { startConnectProxy, type ConnectProxy } from '../../../helpers/connect-proxy.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-kube-api-'));
let material: TestTls;
let server: Server;
let port: number;
let handler: Handler;
let proxy: ConnectProxy;
const seen: { url: URL; headers: IncomingMessage['headers']; peer?: string; method: string; body: string }[] = [];

beforeAll(async () => {
  material = await testTls();
  // Asks for a client certificate without requiring one, so both kinds of user can be tested against one server.
  server = createServer(
    { cert: material.cert, key: material.key, ca: [material.cert], requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'https://x');
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        seen.push({
          url,
          headers: req.headers,
          method: req.method ?? '',
          body: Buffer.concat(chunks).toString(),
          ...(peer && peer.subject ? { peer: String(peer.subject.CN) } : {}),
        });
        handler(req, res, url);
      });
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  proxy = await startConnectProxy();
});
afterAll(async () => {
  server.closeAllConnections();
  await closeServer(server);
  await proxy.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  seen.length = 0;
  proxy.tunnels.length = 0;
  handler = (_req, res) => json(res, 200, { kind: 'NodeList', metadata: {}, items: [] });
});

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

let n = 0;
/** A kubeconfig for the loopback server; `cluster` and `user` are extra YAML lines of each entry. */
function kubeconfig(
  cluster: string[] = [],
  user: string[] = ['token: t0ken'],
  server = `https://127.0.0.1:${port}`,
): string {
  const file = path.join(dir, `kc-${++n}.yaml`);
  writeFileSync(
    file,
    [
      'clusters:',
      '- name: c',
      '  cluster:',
      `    server: ${server}`,
      ...cluster.map((l) => `    ${l}`),
      'users:',
      '- name: u',
      '  user:',
      ...(user.length ? user.map((l) => `    ${l}`) : ['    {}']),
      'contexts: [{name: x, context: {cluster: c, user: u}}]',
      'current-context: x',
      '',
    ].join('\n'),
  );
  return file;
}

const caData = (): string => `certificate-authority-data: ${Buffer.from(material.cert).toString('base64')}`;
const api = (file: string, opts: Partial<ApiOptions> = {}) =>
  kubeApi(loadKubeconfigFile(file), { interactive: false, ...opts });
const reason = async (p: Promise<unknown>, verb = 'list nodes', where = 'at the cluster scope'): Promise<unknown> => {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return failure(err, verb, where);
  }
};

describe('TLS as the kubeconfig says', () => {
  it('trusts certificate-authority (a file relative to the kubeconfig) and sends the bearer token', async () => {
    writeFileSync(path.join(dir, 'ca.pem'), material.cert);
    const r = await api(kubeconfig(['certificate-authority: ca.pem'])).get('/api/v1/nodes');
    expect(r).toEqual({ kind: 'NodeList', metadata: {}, items: [] });
    expect(seen[0].headers.authorization).toBe('Bearer t0ken');
    expect(seen[0].headers.accept).toBe('application/json');
  });

  it('without a CA in the kubeconfig the default store applies: refused until the CA is in it', async () => {
    expect(await reason(api(kubeconfig()).get('/api/v1/nodes'))).toEqual({
      state: 'unverifiable',
      reason: expect.stringMatching(
        /^the Kubernetes API server could not be reached \((SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\) for list nodes at the cluster scope$/,
      ),
    });
    const saved = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...saved, material.cert]);
    try {
      expect(await api(kubeconfig()).get('/api/v1/nodes')).toMatchObject({ kind: 'NodeList' });
    } finally {
      tls.setDefaultCACertificates(saved);
    }
  });

  it('insecure-skip-tls-verify: true accepts the untrusted certificate', async () => {
    expect(await api(kubeconfig(['insecure-skip-tls-verify: true'])).get('/api/v1/nodes')).toMatchObject({
      kind: 'NodeList',
    });
  });

  it('tls-server-name is the name the certificate is checked against', async () => {
    const url = `https://127.0.0.1:${port}`;
    expect(await api(kubeconfig([caData(), 'tls-server-name: localhost'], undefined, url)).get('/x')).toBeTruthy();
    expect(await reason(api(kubeconfig([caData(), 'tls-server-name: elsewhere.example'])).get('/x'))).toMatchObject({
      reason: expect.stringContaining('could not be reached (ERR_TLS_CERT_ALTNAME_INVALID)'),
    });
  });

  it('presents client-certificate / client-key (files, or -data), without a token', async () => {
    writeFileSync(path.join(dir, 'user.pem'), material.cert);
    writeFileSync(path.join(dir, 'user.key'), material.key);
    await api(kubeconfig([caData()], ['client-certificate: user.pem', 'client-key: user.key'])).get('/x');
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    await api(
      kubeconfig(
        [caData()],
        [`client-certificate-data: ${b64(material.cert)}`, `client-key-data: ${b64(material.key)}`],
      ),
    ).get('/x');
    await api(kubeconfig([caData()])).get('/x');
    expect(seen.map((s) => s.peer)).toEqual(['aks-pull-gate test CA', 'aks-pull-gate test CA', undefined]);
    expect(seen[0].headers.authorization).toBeUndefined();
  });

  it('a client-key file that is not there is named when the reader is made', () => {
    expect(() => api(kubeconfig([caData()], ['client-certificate: user.pem', 'client-key: gone.key']))).toThrow(
      `the kubeconfig's client-key ${path.join(dir, 'gone.key')} could not be read (ENOENT)`,
    );
  });

  it('a plain http:// server without insecure-skip-tls-verify is refused', () => {
    expect(() => api(kubeconfig([], undefined, 'http://127.0.0.1:1'))).toThrow(/HTTP protocol is not allowed/);
  });
});

describe('the proxy, as kubectl chooses it', () => {
  it('HTTPS_PROXY applies, NO_PROXY keeps it direct, and the entry’s proxy-url wins over both', async () => {
    const host = `127.0.0.1:${port}`;
    await api(kubeconfig([caData()]), { proxyEnv: { HTTPS_PROXY: proxy.url } }).get('/x');
    expect(proxy.tunnels).toEqual([host]);
    await api(kubeconfig([caData()]), { proxyEnv: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }).get('/x');
    await api(kubeconfig([caData()])).get('/x');
    expect(proxy.tunnels).toEqual([host]);
    const viaEntry = kubeconfig([caData(), `proxy-url: ${proxy.url}`]);
    await api(viaEntry, { proxyEnv: { HTTPS_PROXY: 'http://127.0.0.1:1', NO_PROXY: '127.0.0.1' } }).get('/x');
    await api(viaEntry, { proxyEnv: { HTTPS_PROXY: 'http://127.0.0.1:1' } }).get('/x');
    expect(proxy.tunnels).toEqual([host, host, host]);
    expect(seen).toHaveLength(5);
  });

  it('a SOCKS proxy-url is refused by scheme, without echoing the URL', () => {
    expect(() => api(kubeconfig([caData(), 'proxy-url: socks5://me:secret@127.0.0.1:1080']))).toThrow(
      "the kubeconfig's proxy-url is a socks5 proxy; only http and https proxies are supported",
    );
  });
});

describe('pagination', () => {
  it('lists with limit=500 and follows metadata.continue until it is empty, keeping the query', async () => {
    handler = (_req, res, url) => {
      const cont = url.searchParams.get('continue');
      const next = cont === null ? 'tok-1' : cont === 'tok-1' ? 'tok-2' : '';
      json(res, 200, {
        kind: 'SecretList',
        metadata: { continue: next, resourceVersion: '7' },
        items: [{ metadata: { name: `s-${cont ?? 0}` }, type: 'kubernetes.io/dockerconfigjson' }],
      });
    };
    const items = await api(kubeconfig([caData()])).list('/api/v1/secrets', {
      fieldSelector: 'type=kubernetes.io/dockerconfigjson',
    });
    expect(items.map((i) => (i.metadata as { name: string }).name)).toEqual(['s-0', 's-tok-1', 's-tok-2']);
    expect(
      seen.map((s) => [s.url.pathname, s.url.searchParams.get('limit'), s.url.searchParams.get('continue')]),
    ).toEqual([
      ['/api/v1/secrets', '500', null],
      ['/api/v1/secrets', '500', 'tok-1'],
      ['/api/v1/secrets', '500', 'tok-2'],
    ]);
    expect(seen.every((s) => s.url.searchParams.get('fieldSelector') === 'type=kubernetes.io/dockerconfigjson')).toBe(
      true,
    );
  });

  it('a server that never stops sending continue is cut off after 2000 pages', async () => {
    handler = (_req, res) => json(res, 200, { metadata: { continue: 'again' }, items: [] });
    expect(await reason(api(kubeconfig([caData()])).list('/api/v1/nodes'))).toEqual({
      state: 'unverifiable',
      reason: 'the Kubernetes API server sent more than 2000 pages for list nodes at the cluster scope',
    });
    expect(seen).toHaveLength(2000);
  }, 30_000);

  it('the pull-secret reader filters by type again, whatever the server sends', async () => {
    handler = (_req, res, url) =>
      json(res, 200, {
        metadata: {},
        items: [
          { metadata: { name: 'pull', namespace: 'a' }, type: 'kubernetes.io/dockerconfigjson', data: { k: 'dg==' } },
          { metadata: { name: 'tls', namespace: 'a' }, type: 'kubernetes.io/tls', data: { k: 'dg==' } },
          {
            metadata: { name: `cfg-${url.searchParams.get('fieldSelector')}`, namespace: 'b' },
            type: 'kubernetes.io/dockercfg',
          },
        ],
      });
    const r = await clusterObjectReader(kubeconfig([caData()]), [], { interactive: false }).listPullSecrets();
    expect(r).toEqual({
      state: 'found',
      value: [
        {
          name: 'pull',
          namespace: 'a',
          data: { k: 'dg==' },
          origin: 'cluster',
          type: 'kubernetes.io/dockerconfigjson',
        },
        {
          name: 'cfg-type=kubernetes.io/dockercfg',
          namespace: 'b',
          data: {},
          origin: 'cluster',
          type: 'kubernetes.io/dockercfg',
        },
      ],
    });
  });
});

describe('bounds and failures', () => {
  it('maps 401, 403, 404 and other statuses as the readers report them, never echoing the body', async () => {
    const status = (code: number) => {
      handler = (_req, res) => json(res, code, { kind: 'Status', message: 'SECRET-IN-BODY' });
      return clusterObjectReader(kubeconfig([caData()]), [], { interactive: false }).readSecret('prod', 'acr');
    };
    expect(await status(404)).toEqual({ state: 'absent' });
    expect(await status(401)).toEqual({
      state: 'unverifiable',
      reason: 'the Kubernetes API server rejected the kubeconfig credentials (401)',
      permission: 'get secrets',
    });
    expect(await status(403)).toEqual({
      state: 'unverifiable',
      reason: 'the Kubernetes API server denied get secrets in namespace prod (403)',
      permission: 'get secrets',
    });
    const r = await status(500);
    expect(r).toEqual({
      state: 'unverifiable',
      reason: 'the Kubernetes API server answered 500 for get secrets in namespace prod',
    });
    expect(seen.map((s) => s.url.pathname)).toEqual(Array(4).fill('/api/v1/namespaces/prod/secrets/acr'));
  });

  it('a server that does not answer in time ends the request at the timeout', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    expect(await reason(api(kubeconfig([caData()]), { timeoutMs: 300 }).get('/x'))).toEqual({
      state: 'unverifiable',
      reason: 'the Kubernetes API server did not answer within 300 ms for list nodes at the cluster scope',
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a body that trickles past the run's deadline is cut there", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
    };
    const deadline = new AbortController();
    setTimeout(() => deadline.abort(), 200);
    const started = Date.now();
    expect(await reason(api(kubeconfig([caData()]), { signal: deadline.signal }).list('/api/v1/nodes'))).toEqual({
      state: 'unverifiable',
      reason: "the Kubernetes API server did not answer before the run's deadline for list nodes at the cluster scope",
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a body over the cap is not read to the end (declared or streamed)', async () => {
    const big = JSON.stringify({ items: [{ metadata: { name: 'x'.repeat(4096) } }] });
    handler = (_req, res) => json(res, 200, JSON.parse(big));
    const small = { maxBodyBytes: 1024 };
    const tooLarge = {
      state: 'unverifiable',
      reason: 'the Kubernetes API server sent a body over 1 KB for list nodes at the cluster scope',
    };
    expect(await reason(api(kubeconfig([caData()]), small).get('/x'))).toEqual(tooLarge);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no content-length
      for (let i = 0; i < 8; i++) res.write(big.slice(i * 600, (i + 1) * 600));
      res.end(big.slice(4800));
    };
    expect(await reason(api(kubeconfig([caData()]), small).get('/x'))).toEqual(tooLarge);
    expect(await api(kubeconfig([caData()]), { maxBodyBytes: 64 * 1024 }).get('/x')).toEqual(JSON.parse(big));
  });

  it('a body that is not JSON is named so', async () => {
    handler = (_req, res) => res.writeHead(200).end('<html>proxy login</html>');
    expect(await reason(api(kubeconfig([caData()])).get('/x'))).toEqual({
      state: 'unverifiable',
      reason: 'the Kubernetes API server sent a body that is not JSON for list nodes at the cluster scope',
    });
  });

  it('a server nobody listens on is "could not be reached", with the socket error', async () => {
    expect(await reason(api(kubeconfig([caData()], undefined, 'https://127.0.0.1:1')).get('/x'))).toEqual({
      state: 'unverifiable',
      reason: 'the Kubernetes API server could not be reached (ECONNREFUSED) for list nodes at the cluster scope',
    });
  });

  it('a legacy auth-provider makes every read unverifiable with its one line, and nothing is sent', async () => {
    const file = kubeconfig([caData()], ['auth-provider: {name: azure, config: {access-token: x}}']);
    const r = await clusterObjectReader(file, [], { interactive: false }).readSecret('prod', 'acr');
    expect(r).toEqual({
      state: 'unverifiable',
      reason: expect.stringMatching(
        /^the kubeconfig's user u signs in with the azure auth-provider.*kubelogin convert-kubeconfig -l azurecli/,
      ),
    });
    expect(await liveClusterReader(file).listNodes()).toEqual(r);
    expect(seen).toHaveLength(0);
  });
});

describe('the live reader', () => {
  it('asks SelfSubjectAccessReview by POST and reads status.allowed', async () => {
    handler = (_req, res) =>
      json(res, 201, { kind: 'SelfSubjectAccessReview', status: { allowed: seen.at(-1)?.body.includes('"get"') } });
    const live = liveClusterReader(kubeconfig([caData()]));
    expect(await live.canI('get', '', 'secrets', 'prod')).toBe(true);
    expect(await live.canI('list', '', 'nodes')).toBe(false);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(JSON.parse(seen[0].body)).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'get', group: '', resource: 'secrets', namespace: 'prod' } },
    });
    expect(live.requests()).toBe(2);
  });

  it('event timestamps come out as the ISO strings the Date models gave (milliseconds, Z)', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        metadata: {},
        items: [
          { involvedObject: { name: 'p' }, type: 'Warning', reason: 'Failed', lastTimestamp: '2026-03-01T09:12:00Z' },
          { involvedObject: { name: 'p' }, reason: 'Pulling', eventTime: '2026-03-01T09:12:00.123456Z', count: 3 },
          { involvedObject: { name: 'other' }, reason: 'Pulled' },
        ],
      });
    expect(await liveClusterReader(kubeconfig([caData()])).listPodEvents('prod', 'p')).toEqual({
      state: 'found',
      value: [
        { type: 'Warning', reason: 'Failed', message: '', count: 1, last: '2026-03-01T09:12:00.000Z' },
        { type: '', reason: 'Pulling', message: '', count: 3, last: '2026-03-01T09:12:00.123Z' },
      ],
    });
    expect(seen[0].url.pathname).toBe('/api/v1/namespaces/prod/events');
    expect(seen[0].url.searchParams.get('fieldSelector')).toBe('involvedObject.name=p');
  });

  it('runs the exec credential plugin itself, once for all its reads, and refuses a devicecode login nobody answers', async () => {
    const plugin = path.join(dir, 'plugin.sh');
    const runs = path.join(dir, 'plugin-runs');
    writeFileSync(
      plugin,
      `#!/bin/sh\necho run >> ${runs}\necho '{"kind":"ExecCredential","status":{"token":"exec-token"}}'\n`,
      { mode: 0o755 },
    );
    const live = liveClusterReader(kubeconfig([caData()], ['exec:', `  command: ${plugin}`, '  args: [get-token]']));
    await live.listNodes();
    await live.listNodes();
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer exec-token', 'Bearer exec-token']);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(runs, 'utf8')).toBe('run\n');
    const devicecode = kubeconfig([caData()], ['exec:', '  command: kubelogin', '  args: [get-token, -l, devicecode]']);
    expect(await liveClusterReader(devicecode, undefined, { interactive: false }).listNodes()).toEqual({
      state: 'unverifiable',
      reason: "the kubeconfig's credential plugin kubelogin asks for devicecode login, which waits for a person",
    });
    expect(seen).toHaveLength(2);
  });

  it('reads workloads at the group path of their kind, namespaced or across namespaces', async () => {
    const live = liveClusterReader(kubeconfig([caData()]));
    await live.listWorkloads('CronJob', 'prod');
    await live.listWorkloads('Deployment');
    await live.listPods('prod', '');
    expect(seen.map((s) => s.url.pathname + s.url.search)).toEqual([
      '/apis/batch/v1/namespaces/prod/cronjobs?limit=500',
      '/apis/apps/v1/deployments?limit=500',
      '/api/v1/namespaces/prod/pods?limit=500',
    ]);
  });
});
