// Secrets never leave the gate: one world with a CANARY value in every credential field (pull-secret password and
// auth — in the manifests and in the live cluster —, admin passwords, scoped-token passwords, service-principal
// secrets, a refresh token, the gate's own client secret), run as users run it: the CLI bundle in every format at
// debug level, and the action bundle with ACTIONS_STEP_DEBUG/RUNNER_DEBUG on a pull_request with a PR comment.
// Nothing it prints or writes may hold a canary (plain or base64); in the action, every decoded credential is
// announced with ::add-mask:: before any other line. Also: a hostile WWW-Authenticate realm on another host never
// receives the pull secret's credential, through the whole gate.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { repoRoot, runCli, type RunResult } from '../helpers/run-bundle.js';
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js';
import { startStubHttps, type StubHttps } from '../helpers/stub-https.js';
import { testTls } from '../helpers/docker-registry.js';
import type { Config } from '../../src/settings/config.js';
import { runGate } from '../../src/gate.js';
import tls from 'node:tls';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const SP_APP = '5a5a5a5a-0000-4000-8000-000000000001';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Every credential value the world holds; each contains CANARY. */
const CANARY = {
  livePullPassword: 'live-pull-password-CANARY',
  manifestPullPassword: 'manifest-pull-password-CANARY',
  manifestAuthOnly: 'manifest-auth-only-CANARY',
  tokenPassword: 'token-password1-CANARY',
  spSecret: 'Old-sp-secret-CANARY',
  adminPassword: 'admin-current-1-CANARY',
  gateClientSecret: 'gate-client-secret-CANARY',
  refreshToken: `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ exp: 1, oid: 'x', sub: 'x' })}.sig-CANARY`,
};

function dockerConfig(entries: Record<string, { username?: string; password?: string; auth?: string }>): string {
  return b64(JSON.stringify({ auths: entries }));
}

const ws = mkdtempSync(path.join(os.tmpdir(), 'apg-canary-'));
afterAll(() => (process.env.KEEP_WS ? undefined : rmSync(ws, { recursive: true, force: true })));

const liveSecrets: [string, string][] = [
  [
    'live-admin',
    dockerConfig({
      'prodacr.azurecr.io': {
        username: 'prodacr',
        password: CANARY.livePullPassword,
        auth: b64(`prodacr:${CANARY.livePullPassword}`),
      },
    }),
  ],
  ['live-token', dockerConfig({ 'prodacr.azurecr.io': { username: 'ci-pull', password: CANARY.tokenPassword } })],
  ['live-sp', dockerConfig({ 'prodacr.azurecr.io': { auth: b64(`${SP_APP}:${CANARY.spSecret}`) } })],
  [
    'live-refresh',
    dockerConfig({
      'prodacr.azurecr.io': { username: '00000000-0000-0000-0000-000000000000', password: CANARY.refreshToken },
    }),
  ],
];
const manifestSecret = dockerConfig({
  'prodacr.azurecr.io': { username: 'prodacr', password: CANARY.manifestPullPassword },
  'other.azurecr.io': { auth: b64(`someone:${CANARY.manifestAuthOnly}`) },
});
/** Base64 forms are leaks too: a report that echoes secret data would not contain the plain canary. */
const ENCODED = [
  ...liveSecrets.map(([, d]) => d),
  manifestSecret,
  b64(`prodacr:${CANARY.livePullPassword}`),
  b64(`${SP_APP}:${CANARY.spSecret}`),
];

const worldText =
  readFileSync('test/rules/admin-password-rotated/admin-password-rotated/world.yaml', 'utf8').replace(
    /^kubernetes:[\s\S]*$/m,
    '',
  ) +
  `gate:\n  clientSecret: ${CANARY.gateClientSecret}\nkubernetes:\n` +
  liveSecrets
    .map(
      ([name, data]) =>
        `- {apiVersion: v1, kind: Secret, metadata: {name: ${name}, namespace: prod}, type: kubernetes.io/dockerconfigjson, data: {.dockerconfigjson: "${data}"}}`,
    )
    .join('\n') +
  '\n';
writeFileSync(path.join(ws, 'world.yaml'), worldText);
const deployment = (name: string, secret: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: prod}\nspec:\n  template:\n    spec:\n      imagePullSecrets: [{name: ${secret}}]\n      containers:\n        - {name: api, image: "prodacr.azurecr.io/orders-api:v1"}\n`;
writeFileSync(
  path.join(ws, 'deploy.yaml'),
  [
    ...liveSecrets.map(([name]) => deployment(`uses-${name}`, name)),
    deployment('uses-manifest-secret', 'manifest-pull'),
    `apiVersion: v1\nkind: Secret\nmetadata: {name: manifest-pull, namespace: prod}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${manifestSecret}\n`,
  ].join('---\n'),
);

/** runAction, but asynchronous: the GitHub API stand-in lives in this process and must keep answering meanwhile. */
function runActionAsync(env: NodeJS.ProcessEnv, cwd: string): Promise<RunResult> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist/index.js')], { cwd, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function expectNoCanary(where: string, text: string): void {
  const lines = text.split('\n').filter((l) => !l.startsWith('::add-mask::'));
  const leaked = lines.filter((l) => /CANARY/.test(l) || ENCODED.some((e) => l.includes(e)));
  expect(leaked, `${where} leaks a secret`).toEqual([]);
}

describe('CLI: no canary in any output format, at debug level', () => {
  it.each(['text', 'json', 'sarif', 'markdown'])('check --format %s', (format) => {
    const out = path.join(ws, `report.${format}`);
    const r = runCli(
      [
        'check',
        '--manifests',
        'deploy.yaml',
        '--simulate',
        'world.yaml',
        '--cluster',
        CLUSTER,
        '--format',
        format,
        '--output',
        out,
      ],
      {
        cwd: ws,
        env: { AKS_PULL_GATE_DEBUG: '1' },
      },
    );
    expect([0, 1], r.stderr).toContain(r.status); // the verdict is pinned by the per-pod test below
    const written = readFileSync(out, 'utf8');
    // The run did find the credential problems (so the secrets were read and evaluated, not skipped).
    expect(written).toMatch(/admin-password-rotated|refresh-token-in-pull-secret|sp-secret-expired/);
    expectNoCanary('stdout', r.stdout);
    expectNoCanary('stderr', r.stderr);
    expectNoCanary(`--output ${format}`, written);
    // The debug trace was on, so its lines were among those checked (issue 19 point 9).
    expect(r.stderr).toMatch(/^debug: phase start: /m);
    expect(r.stderr).toMatch(/^debug: http: GET prodacr\.azurecr\.io\//m);
  });

  it('audit --format json', () => {
    const r = runCli(['audit', '--simulate', 'world.yaml', '--cluster', CLUSTER, '--format', 'json'], {
      cwd: ws,
      env: { AKS_PULL_GATE_DEBUG: '1' },
    });
    expect(r.status).not.toBe(2);
    expectNoCanary('audit stdout', r.stdout);
    expectNoCanary('audit stderr', r.stderr);
  });
});

describe('action: no canary in annotations, summary, outputs, SARIF, report or PR comment; every credential masked first', () => {
  let stub: GitHubApiStub;
  beforeAll(async () => {
    stub = await startGitHubApiStub({ writeTokens: ['ghs_write'], readOnlyTokens: [] });
  });
  afterAll(() => stub.close());

  it('on a pull_request with ACTIONS_STEP_DEBUG and RUNNER_DEBUG', async () => {
    writeFileSync(
      path.join(ws, 'event.json'),
      JSON.stringify({ number: 7, pull_request: { number: 7 }, repository: { name: 'r', owner: { login: 'o' } } }),
    );
    for (const f of ['out', 'summary.md']) writeFileSync(path.join(ws, f), '');
    const r = await runActionAsync(
      {
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: path.join(ws, 'out'),
        GITHUB_STEP_SUMMARY: path.join(ws, 'summary.md'),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path.join(ws, 'event.json'),
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_API_URL: stub.baseUrl,
        RUNNER_TEMP: path.join(ws, 'tmp'),
        ACTIONS_STEP_DEBUG: 'true',
        RUNNER_DEBUG: '1',
        INPUT_MANIFESTS: 'deploy.yaml',
        INPUT_SIMULATE: 'world.yaml',
        INPUT_CLUSTER: CLUSTER,
        'INPUT_SARIF-FILE': 'gate.sarif',
        'INPUT_COMMENT-ON-PR': 'true',
        'INPUT_GITHUB-TOKEN': 'ghs_write',
        'INPUT_FAIL-ON': 'error',
      },
      ws,
    );
    expect([0, 1]).toContain(r.status); // the verdict is pinned by the per-pod test below
    const comment = stub.comments.map((c) => c.body).join('\n');
    expect(comment).toMatch(/aks-pull-gate/);
    const files = ['out', 'summary.md', 'gate.sarif', ...readdirSync(path.join(ws, 'tmp')).map((f) => `tmp/${f}`)];
    for (const f of files) expectNoCanary(f, readFileSync(path.join(ws, f), 'utf8'));
    expectNoCanary('stdout', r.stdout);
    expectNoCanary('stderr', r.stderr);
    expectNoCanary('PR comment', comment);
    expect(r.stdout).toMatch(/^::debug::/m); // debug level was really on
    // RUNNER_DEBUG turns the trace on (core.isDebug): its phase and request lines were among those checked.
    expect(r.stdout).toMatch(/^::debug::phase end: .+ \(\d+ ms; deadline left/m);
    expect(r.stdout).toMatch(/^::debug::http: (GET|POST) \S+ -> \d{3} in \d+ ms$/m);

    // Every credential the gate decoded was masked, and the mask came before any other line (all lines are checked
    // above; this pins the order in case a future line echoes one).
    const lines = r.stdout.split('\n');
    const maskAt = (v: string) => lines.indexOf(`::add-mask::${v}`);
    for (const v of [
      CANARY.livePullPassword,
      CANARY.tokenPassword,
      CANARY.spSecret,
      CANARY.refreshToken,
      CANARY.manifestPullPassword,
      CANARY.manifestAuthOnly,
    ]) {
      const at = maskAt(v);
      expect(at, `::add-mask:: for ${v.slice(0, 24)}…`).toBeGreaterThanOrEqual(0);
      const firstUse = lines.findIndex((l) => !l.startsWith('::add-mask::') && l.includes(v));
      if (firstUse >= 0) expect(at).toBeLessThan(firstUse);
    }
    expect(maskAt('ghs_write')).toBeGreaterThanOrEqual(0);
  });
});

describe('any working path is per pod, not per image', () => {
  it('a pod whose only pull secret is broken (and the kubelet has no pull role) is an error, even if another pod pulls the same image with its own secret', async () => {
    const config: Config = testConfig({
      manifests: ['deploy.yaml'],
      cwd: ws,
      cluster: CLUSTER,
      subscription: SUB,
      simulate: path.join(ws, 'world.yaml'),
      timeoutMs: 30_000,
    });
    const { report, exitCode } = await runGate(config, {
      logger: { debug: () => {}, info: () => {}, warning: () => {} },
      maskSecret: () => {},
      env: {},
    });
    // Deployment uses-live-admin (line 9) can only use live-admin, whose admin password was regenerated; the kubelet
    // holds no pull role. Pods of uses-live-token pull fine, but their secret is not in this pod's keyring.
    const onAdminPod = report.findings.filter((f) => f.location?.line === 9 && f.rule === 'admin-password-rotated');
    expect(onAdminPod.map((f) => f.severity)).toEqual(['error']);
    expect(onAdminPod[0].message).not.toMatch(/live-token can pull/);
    expect(exitCode).toBe(1);
  });
});

describe('credentials go only to the registry they belong to', () => {
  let hostile: StubHttps;
  let registry: StubHttps;
  let savedCAs: string[];
  beforeAll(async () => {
    savedCAs = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...savedCAs, (await testTls()).cert]);
    hostile = await startStubHttps(
      (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"t"}'),
      { hostname: 'localhost' },
    );
    // A registry on 127.0.0.1 whose challenge sends clients to a realm on another host (localhost:<other port>).
    registry = await startStubHttps((req, res) => {
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="https://${hostile.host}/token",service="evil",scope="repository:app:pull"`,
        'content-type': 'application/json',
      });
      res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
    });
  });
  afterAll(async () => {
    await hostile.stop();
    await registry.stop();
    tls.setDefaultCACertificates(savedCAs);
  });

  it('a hostile WWW-Authenticate realm on another host never receives the pull secret, through the whole gate', async () => {
    const password = 'realm-victim-CANARY';
    const manifests = path.join(ws, 'realm.yaml');
    writeFileSync(
      manifests,
      `apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: prod}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${dockerConfig({ [registry.host]: { username: 'u', password } })}\n---\n` +
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod}\nspec:\n  imagePullSecrets: [{name: s}]\n  containers:\n    - {name: a, image: "${registry.host}/app:v1"}\n`,
    );
    const config: Config = testConfig({
      manifests: ['realm.yaml'],
      cwd: ws,
      simulate: path.join(ws, 'world.yaml'),
      clusterReads: false,
      timeoutMs: 20_000,
    });
    const logs: string[] = [];
    const { report } = await runGate(config, {
      logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
      maskSecret: () => {},
      env: {},
    });
    expect(registry.requests.length).toBeGreaterThan(0); // the gate did talk to the registry
    const sentToHostile = hostile.requests
      .map((r) => `${r.headers.authorization ?? ''} ${r.path} ${r.body}`)
      .join('\n');
    expect(sentToHostile).not.toContain(password);
    expect(sentToHostile).not.toContain(b64(`u:${password}`));
    expect(hostile.requests.filter((r) => r.headers.authorization)).toEqual([]);
    const f = report.findings.find((x) => x.rule === 'image-unverifiable');
    expect(f?.message).toMatch(/realm/i);
    expect(JSON.stringify(report) + logs.join('\n')).not.toMatch(/CANARY/);
  });
});

describe('the debug trace (issue 19 point 9) holds no secret', () => {
  const run = async (mode: 'check' | 'audit') => {
    const config: Config = testConfig({
      mode,
      manifests: mode === 'check' ? ['deploy.yaml'] : [],
      cwd: ws,
      cluster: CLUSTER,
      subscription: SUB,
      simulate: path.join(ws, 'world.yaml'),
      timeoutMs: 30_000,
    });
    const debug: string[] = [];
    await runGate(config, {
      logger: { debug: (m) => debug.push(m), info: () => {}, warning: () => {} },
      maskSecret: () => {},
      env: {},
      debug: true,
    });
    return debug;
  };

  it.each(['check', 'audit'] as const)(
    '%s with debug on: phases with timings and the deadline, one line per request, no canary, query or header',
    async (mode) => {
      const debug = await run(mode);
      const http = debug.filter((l) => l.startsWith('http: '));
      // Phases start and end with their time and the deadline left.
      expect(debug.some((l) => /^phase start: .+ \(deadline left \d+\.\d s\)$/.test(l))).toBe(true);
      expect(debug.some((l) => /^phase end: .+ \(\d+ ms; deadline left \d+\.\d s\)$/.test(l))).toBe(true);
      expect(debug.at(-1)).toMatch(/^run end: \d+ ms, \d+ HTTP request\(s\); deadline left/);
      // Every client's requests are there: Entra, ARM, the registry data plane and the Kubernetes API.
      expect(http.length).toBeGreaterThan(5);
      for (const l of http)
        expect(l).toMatch(/^http: (GET|POST|HEAD|PUT|PATCH|DELETE) \S+ -> (\S+ in|no answer after) \d+ ms$/);
      expect(http.some((l) => /\/oauth2\/v2\.0\/token(\?…)? -> 200/.test(l))).toBe(true); // the gate's own sign-in
      if (mode === 'check') expect(http.some((l) => /prodacr\.azurecr\.io\/(v2|oauth2)\//.test(l))).toBe(true);
      expect(http.some((l) => /\/api\/v1\/(namespaces\/prod\/)?secrets/.test(l))).toBe(true); // the Kubernetes API
      expect(http.some((l) => /subscriptions\/11111111/i.test(l))).toBe(true);
      // Never a query string (token scopes, SAS), never a header.
      for (const l of http) expect(l).not.toMatch(/\?[^…]|authorization:|bearer |basic /i);
      expectNoCanary(`${mode} debug trace`, debug.join('\n'));
    },
  );
});
