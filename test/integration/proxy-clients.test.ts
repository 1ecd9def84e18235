// Behind a proxy every client of the gate goes through it, not only the registry client (proxy.test.ts): Microsoft
// Graph, the live pull-secret credential check, the Kubernetes API (the kubeconfig cluster entry's `proxy-url`, which
// kubectl honours and which wins, else HTTPS_PROXY) and the GitHub API (the CLI's REST client and the action's
// Octokit). A CONNECT proxy on loopback records each tunnel; NO_PROXY naming the host keeps it direct, with the same
// rules everywhere (proxyUrlFor makes the choice undici's EnvHttpProxyAgent makes for fetch, checked side by side).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { proxyAwareFetch, proxyAwareRequest, proxyUrlFor } from '../../src/facts/proxy-fetch.js';
import { getApplicationByAppId } from '../../src/facts/azure/graph.js';
import { LiveCredentialChecker } from '../../src/facts/credentials/live-check.js';
import { clusterObjectReader } from '../../src/facts/kubernetes/cluster-objects.js';
import { liveClusterReader } from '../../src/facts/kubernetes/live.js';
import { main } from '../../src/cli-main.js';
import { RegistryClient } from '../../src/facts/registry/client.js';
import { parseImageReference } from '../../src/lib/image-reference.js';
import { actionOctokit } from '../../src/main.js';
import type { FactContext } from '../../src/types/facts/context.js';
import { json, startStubHttps, type StubHttps } from '../helpers/stub-https.js';
import { testTls } from '../helpers/docker-registry.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js';

const APP_ID = '22222222-2222-2222-2222-222222222222';
/** Nothing listens on port 1: a client sent there instead of the right proxy fails. */
const DEAD_PROXY = 'http://127.0.0.1:1';
const savedCAs = tls.getCACertificates('default');
let proxy: ConnectProxy;
let api: StubHttps;
let gh: GitHubApiStub;
let ca: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-proxy-clients-'));

beforeAll(async () => {
  ca = (await testTls()).cert;
  tls.setDefaultCACertificates([...savedCAs, ca]);
  proxy = await startConnectProxy();
  api = await startStubHttps((req, res) => {
    if (req.path === '/v2/') return json(res, 200, {});
    if (req.path.startsWith(`/v1.0/applications(appId='${APP_ID}')`))
      return json(res, 200, { id: 'obj-1', appId: APP_ID, displayName: 'aks-sp', passwordCredentials: [] });
    if (req.path === '/api/v1/namespaces/prod/secrets/acr-pull')
      return json(res, 200, {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'acr-pull', namespace: 'prod' },
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') },
      });
    if (req.path.startsWith('/api/v1/nodes'))
      return json(res, 200, { apiVersion: 'v1', kind: 'NodeList', metadata: {}, items: [] });
    return json(res, 404, { message: 'not found' });
  });
  gh = await startGitHubApiStub({ writeTokens: ['ghs_write'], readOnlyTokens: [] });
});
afterAll(async () => {
  tls.setDefaultCACertificates(savedCAs);
  await api.stop();
  await gh.close();
  await proxy.close();
  rmSync(dir, { recursive: true, force: true });
});

const reset = () => {
  proxy.tunnels.length = 0;
};
const ghHost = () => new URL(gh.baseUrl).host;

describe('one proxy rule for every client', () => {
  it('proxyUrlFor chooses as EnvHttpProxyAgent does for fetch (NO_PROXY: host, host:port, suffix, *, lists)', async () => {
    const url = `https://${api.host}/v2/`;
    const cases: [NodeJS.ProcessEnv, boolean][] = [
      [{ HTTPS_PROXY: proxy.url }, true],
      [{ https_proxy: proxy.url }, true],
      [{ http_proxy: proxy.url }, true], // HTTPS_PROXY absent: HTTP_PROXY serves https too
      [{ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, false],
      [{ HTTPS_PROXY: proxy.url, no_proxy: '127.0.0.1' }, false],
      [{ HTTPS_PROXY: proxy.url, NO_PROXY: api.host }, false],
      [{ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1' }, true],
      [{ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com 127.0.0.1' }, false],
      [{ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,.0.0.1' }, false],
      [{ HTTPS_PROXY: proxy.url, NO_PROXY: '27.0.0.1' }, true],
      [{ HTTPS_PROXY: proxy.url, NO_PROXY: '*' }, false],
      [{}, false],
    ];
    for (const [env, expected] of cases) {
      reset();
      const res = await proxyAwareFetch(env)(url);
      expect(res.status, JSON.stringify(env)).toBe(200);
      const tunnelled = proxy.tunnels.includes(api.host);
      expect({ env, tunnelled }).toEqual({ env, tunnelled: expected });
      expect({ env, rule: proxyUrlFor(url, env) !== undefined }).toEqual({ env, rule: expected });
    }
  });

  it('Microsoft Graph reads go through HTTPS_PROXY, and NO_PROXY keeps them direct', async () => {
    const ctx = (env: NodeJS.ProcessEnv) =>
      ({
        fetch: proxyAwareFetch(env),
        signal: AbortSignal.timeout(10_000),
        azure: {
          credential: { getToken: async () => ({ token: 'graph-token', expiresOnTimestamp: Date.now() + 3.6e6 }) },
          endpoints: { graph: `https://${api.host}` },
          tenantId: 't',
        },
      }) as unknown as FactContext;
    reset();
    const app = await getApplicationByAppId(ctx({ HTTPS_PROXY: proxy.url }), APP_ID);
    expect(app).toMatchObject({ found: { appId: APP_ID, displayName: 'aks-sp' } });
    expect(proxy.tunnels).toContain(api.host);
    reset();
    expect(await getApplicationByAppId(ctx({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }), APP_ID)).toHaveProperty(
      'found',
    );
    expect(proxy.tunnels).toEqual([]);
  });

  it('the live pull-secret credential check goes through HTTPS_PROXY, and NO_PROXY keeps it direct', async () => {
    // As the gate builds it: undici's request for the transport (fetch beside it).
    const check = (env: NodeJS.ProcessEnv) =>
      new LiveCredentialChecker({
        fetch: proxyAwareFetch(env),
        request: proxyAwareRequest(env),
        signal: AbortSignal.timeout(10_000),
      }).check(api.host, 'app', 'user', 'password');
    reset();
    expect(await check({ HTTPS_PROXY: proxy.url })).toEqual({ state: 'works' });
    expect(proxy.tunnels).toContain(api.host);
    reset();
    expect(await check({ HTTPS_PROXY: proxy.url, NO_PROXY: api.host })).toEqual({ state: 'works' });
    expect(proxy.tunnels).toEqual([]);
  });

  const kubeconfig = (name: string, proxyUrl?: string): string => {
    const file = path.join(dir, name);
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- name: c',
        '  cluster:',
        `    server: https://${api.host}`,
        `    certificate-authority-data: ${Buffer.from(ca).toString('base64')}`,
        ...(proxyUrl ? [`    proxy-url: ${proxyUrl}`] : []),
        'users:',
        '- name: u',
        '  user: {token: k8s-token}',
        'contexts:',
        '- name: x',
        '  context: {cluster: c, user: u}',
        'current-context: x',
        '',
      ].join('\n'),
    );
    return file;
  };
  const readSecret = (file: string, proxyEnv?: NodeJS.ProcessEnv) =>
    clusterObjectReader(file, [], { interactive: false, ...(proxyEnv ? { proxyEnv } : {}) }).readSecret(
      'prod',
      'acr-pull',
    );

  it('the Kubernetes API goes through HTTPS_PROXY (pull-secret reads and the live reader), NO_PROXY keeps it direct', async () => {
    const plain = kubeconfig('plain.yaml');
    reset();
    expect(await readSecret(plain, { HTTPS_PROXY: proxy.url })).toMatchObject({ state: 'found' });
    expect(proxy.tunnels).toContain(api.host);
    reset();
    expect(await liveClusterReader(plain, { https_proxy: proxy.url }).listNodes()).toEqual({
      state: 'found',
      value: [],
    });
    expect(proxy.tunnels).toContain(api.host);
    reset();
    expect(await readSecret(plain, { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })).toMatchObject({
      state: 'found',
    });
    expect(await liveClusterReader(plain, { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }).listNodes()).toMatchObject(
      { state: 'found' },
    );
    // No proxy environment at all (what --simulate passes): direct.
    expect(await readSecret(plain)).toMatchObject({ state: 'found' });
    expect(proxy.tunnels).toEqual([]);
  });

  it("the kubeconfig's proxy-url is honoured as kubectl does, and wins over HTTPS_PROXY and NO_PROXY", async () => {
    const viaEntry = kubeconfig('proxy-url.yaml', proxy.url);
    reset();
    expect(await readSecret(viaEntry, {})).toMatchObject({ state: 'found' });
    expect(proxy.tunnels).toContain(api.host);
    reset();
    // HTTPS_PROXY names a dead proxy and NO_PROXY the host: the entry's proxy-url is still the one used.
    expect(await readSecret(viaEntry, { HTTPS_PROXY: DEAD_PROXY, NO_PROXY: '127.0.0.1' })).toMatchObject({
      state: 'found',
    });
    expect(await liveClusterReader(viaEntry, { HTTPS_PROXY: DEAD_PROXY }).listNodes()).toMatchObject({
      state: 'found',
    });
    expect(proxy.tunnels.filter((t) => t === api.host)).toHaveLength(2);
  });

  it('look-alike: a kubeconfig without proxy-url under a dead HTTPS_PROXY is unverifiable, not read directly', async () => {
    const r = await readSecret(kubeconfig('plain2.yaml'), { HTTPS_PROXY: DEAD_PROXY });
    expect(r.state).toBe('unverifiable');
  });

  it('a proxy that refuses the connection is named as the cause (registry, Graph), not the registry or Graph', async () => {
    const env = { HTTPS_PROXY: 'http://user:pw@127.0.0.1:1' };
    const ref = parseImageReference(`${api.host}/app:1.0`);
    if (!ref.ok) throw new Error('bad ref');
    for (const wire of ['request', 'fetch'] as const) {
      const image = await new RegistryClient({
        fetch: proxyAwareFetch(env),
        ...(wire === 'request' ? { request: proxyAwareRequest(env) } : {}),
        signal: AbortSignal.timeout(10_000),
      }).checkImage(ref.ref);
      expect({ wire, image }).toMatchObject({ wire, image: { status: 'unverifiable', failure: 'connection-refused' } });
      expect(image.reason).toContain('(through the proxy 127.0.0.1:1)');
      expect(JSON.stringify(image)).not.toContain('pw');
    }
    const graph = await getApplicationByAppId(
      {
        fetch: proxyAwareFetch(env),
        signal: AbortSignal.timeout(10_000),
        azure: {
          credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3.6e6 }) },
          endpoints: { graph: `https://${api.host}` },
          tenantId: 't',
        },
      } as unknown as FactContext,
      APP_ID,
    );
    expect(graph).toMatchObject({
      reason: expect.stringMatching(/Microsoft Graph unreachable: .*through the proxy 127\.0\.0\.1:1/),
    });
    expect(JSON.stringify(graph)).not.toContain('pw');
  });

  it("the action's Octokit goes through HTTP_PROXY for the GitHub API, and NO_PROXY keeps it direct", async () => {
    const list = async (env: NodeJS.ProcessEnv) => {
      const octokit = await actionOctokit('ghs_write', AbortSignal.timeout(10_000), env, gh.baseUrl);
      return octokit.rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 7 });
    };
    reset();
    expect((await list({ HTTP_PROXY: proxy.url })).status).toBe(200);
    expect(proxy.tunnels).toContain(ghHost());
    reset();
    expect((await list({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })).status).toBe(200);
    expect(proxy.tunnels).toEqual([]);
  });

  it("the CLI's GitHub client (PR comment inside a job) goes through HTTP_PROXY, and NO_PROXY keeps it direct", async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    writeFileSync(
      path.join(dir, 'deploy.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n',
    );
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ number: 7, pull_request: { number: 7 } }));
    const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_API_URL: gh.baseUrl,
      GITHUB_TOKEN: 'ghs_write',
      ...extra,
    });
    const argv = [
      'check',
      '--manifests',
      path.join(dir, 'deploy.yaml'),
      '--offline',
      '--output',
      path.join(dir, 'r.txt'),
    ];
    reset();
    await main(argv, env({ HTTP_PROXY: proxy.url }));
    expect(proxy.tunnels).toContain(ghHost());
    expect(gh.writes().map((w) => w.method)).toContain('POST');
    reset();
    const before = gh.requests.length;
    await main(argv, env({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }));
    expect(proxy.tunnels).toEqual([]);
    expect(gh.requests.length).toBeGreaterThan(before);
    vi.restoreAllMocks();
  });
});
