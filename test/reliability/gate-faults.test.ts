// Fault injection end to end: the whole gate (runGate with a Config under `simulate`) against one world per fault.
// Each run must end in the right `*-unverifiable` finding naming what failed, within the overall timeout, with every
// other check still reporting (a registry 429 storm still leaves the RBAC, network and pull-secret findings), retries
// bounded, and Retry-After honoured (measured from the timestamps of the requests the gate sent to the emulator).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startStubHttps } from '../helpers/stub-https.js';
import type { Config } from '../../src/settings/config.js';
import type { Finding } from '../../src/types/index.js';
import { testConfig } from '../helpers/config.js';

// Records every request the gate sends through the emulator's request (registry hosts), with its time and answer, so the
// spacing of retries is measured rather than inferred. The emulator itself is the real one.
const wire: { t: number; url: string; status: number | 'error' }[] = [];
vi.mock('../../src/simulate/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/simulate/index.js')>();
  return {
    ...real,
    startEmulator: async (...args: Parameters<typeof real.startEmulator>) => {
      const emu = await real.startEmulator(...args);
      // The registry clients send with the emulator's `request` (undici's); record that.
      const inner = emu.request;
      emu.request = async (url, init) => {
        const t = performance.now();
        try {
          const res = await inner(url, init);
          wire.push({ t, url: url.href, status: res.statusCode });
          return res;
        } catch (err) {
          wire.push({ t, url: url.href, status: 'error' });
          throw err;
        }
      };
      return emu;
    },
  };
});
const { runGate } = await import('../../src/gate.js');

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The example world, broken three more ways so that every check family has something to say: the kubelet's AcrPull
// assignment removed (RBAC), the firewall allows another range (network), a pod references a missing pull secret.
const baseWorld = readFileSync('examples/world.yaml', 'utf8')
  .replace(/ {4}# The kubelet identity holds AcrPull[\s\S]*?(?=^registries:)/m, '')
  .replace('value: "20.50.12.32/28"', 'value: "198.51.100.0/24"');
writeFileSync(
  path.join(tmp, 'deploy.yaml'),
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: orders-api, namespace: orders}
spec:
  template:
    spec:
      imagePullSecrets: [{name: acr-creds}]
      containers:
        - name: orders-api
          image: prodacr.azurecr.io/orders-api:v1.4.1
        - name: proxy
          image: prodacr.azurecr.io/mirror/nginx:1.27.3
`,
);

let n = 0;
function world(extra: string): string {
  const file = path.join(tmp, `world-${++n}.yaml`);
  writeFileSync(file, `${baseWorld}\n${extra}\n`);
  return file;
}

function config(simulate: string, timeoutMs = 30_000): Config {
  return testConfig({ manifests: ['deploy.yaml'], cwd: tmp, cluster: CLUSTER, subscription: SUB, simulate, timeoutMs });
}

async function gate(extra: string, timeoutMs?: number, manifests?: string) {
  wire.length = 0;
  if (manifests) writeFileSync(path.join(tmp, 'other.yaml'), manifests);
  const logs: string[] = [];
  const started = performance.now();
  const cfg = config(world(extra), timeoutMs);
  if (manifests) cfg.manifests = ['other.yaml'];
  const r = await runGate(cfg, {
    logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    maskSecret: () => {},
    env: {},
  });
  return { ...r, ms: performance.now() - started, logs, rules: r.report.findings.map((f) => f.rule) };
}

const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const OTHER_CHECKS = ['kubelet-pull-permission-missing', 'registry-firewall-blocks-cluster', 'pull-secret-missing'];

describe('the gate under injected faults', () => {
  it('healthy baseline: the three planted problems are found and both images verified', async () => {
    const r = await gate('');
    console.info(
      'baseline',
      r.rules,
      r.report.images.map((i) => i.status),
      Math.round(r.ms),
    );
    expect(r.rules).toEqual(expect.arrayContaining(OTHER_CHECKS));
    expect(r.report.images.map((i) => i.status)).toEqual(['ok', 'ok']);
  });
});

const images = (r: { report: { images: { reference: string; status: string }[] } }) =>
  Object.fromEntries(r.report.images.map((i) => [i.reference, i.status]));
const manifestHeads = () => wire.filter((w) => w.url.includes('/manifests/v1.4.1'));

describe('registry faults: image-unverifiable naming the registry and the failure, the other checks still report', () => {
  it('a 429 storm with Retry-After ends each image unverifiable "throttled", after at most 4 attempts spaced by Retry-After', async () => {
    const r = await gate('faults:\n  - {host: prodacr.azurecr.io, kind: manifest-get, status: 429, retryAfter: 1}');
    const unv = of(r.report.findings, 'image-unverifiable');
    expect(unv).toHaveLength(2);
    for (const f of unv)
      expect(f.message).toMatch(/prodacr\.azurecr\.io .*throttled \(429, Retry-After 1\); retries exhausted/);
    expect(r.rules).toEqual(expect.arrayContaining(OTHER_CHECKS));
    const heads = manifestHeads();
    expect(heads.length).toBe(4); // 1 + maxRetries 3: bounded
    for (let i = 1; i < heads.length; i++) expect(heads[i].t - heads[i - 1].t).toBeGreaterThanOrEqual(950);
    expect(r.requests.retries).toBe(6);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('honours Retry-After: 2 on a single 429 (the retry comes 2 s later) and then verifies the image', async () => {
    const r = await gate(
      'faults:\n  - {host: prodacr.azurecr.io, kind: manifest-get, path: "orders-api", status: 429, retryAfter: 2, count: 1}',
    );
    const heads = manifestHeads();
    expect(heads.map((h) => h.status)).toEqual([429, 200]);
    const spacing = heads[1].t - heads[0].t;
    expect(spacing).toBeGreaterThanOrEqual(1950);
    expect(spacing).toBeLessThan(4000);
    expect(Object.values(images(r))).toEqual(['ok', 'ok']);
    expect(of(r.report.findings, 'image-unverifiable')).toEqual([]);
  });

  it('a 429 without Retry-After backs off exponentially, gives up after 3 retries, and says so', async () => {
    const r = await gate('faults:\n  - {host: prodacr.azurecr.io, kind: manifest-get, status: 429}');
    const heads = manifestHeads();
    expect(heads).toHaveLength(4);
    const gaps = heads.slice(1).map((h, i) => h.t - heads[i].t);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    for (const f of of(r.report.findings, 'image-unverifiable'))
      expect(f.message).toMatch(/throttled \(429\); retries exhausted/);
    expect(r.rules).toEqual(expect.arrayContaining(OTHER_CHECKS));
  });

  it.each([
    [
      '502 on every registry request',
      '{host: prodacr.azurecr.io, status: 502}',
      /GET \/v2\/: server error 502; retries exhausted/,
    ],
    [
      '503 at the token exchange',
      '{host: prodacr.azurecr.io, kind: registry-token, status: 503}',
      /\/oauth2\/exchange answered 503/,
    ],
    ['500 on manifests', '{host: prodacr.azurecr.io, kind: manifest-get, status: 500}', /500/],
    ['a connection reset', '{host: prodacr.azurecr.io, mode: reset}', /connection reset/],
    [
      'truncated JSON from the token exchange',
      '{host: prodacr.azurecr.io, kind: registry-token, mode: truncate}',
      /\/oauth2\/exchange/,
    ],
    [
      'an HTML page instead of JSON',
      '{host: prodacr.azurecr.io, kind: registry-token, mode: wrong-content-type}',
      /\/oauth2\/exchange/,
    ],
  ])('%s: image-unverifiable naming it, no crash', async (_name, fault, why) => {
    const r = await gate(`faults:\n  - ${fault}`);
    const unv = of(r.report.findings, 'image-unverifiable');
    expect(unv).toHaveLength(2);
    for (const f of unv) {
      expect(f.message).toContain('prodacr.azurecr.io');
      expect(f.message).toMatch(why);
      expect(f.severity).toBe('warning');
    }
    expect(r.rules).toEqual(expect.arrayContaining(OTHER_CHECKS));
    expect(Object.values(images(r))).toEqual(['unverifiable', 'unverifiable']);
    expect(r.ms).toBeLessThan(20_000);
  });

  it.each([
    ['hangs', 'hang'],
    ['trickles its replies (slow loris)', 'slow'],
  ])(
    'a registry that %s: the run ends within the timeout, image-unverifiable names the registry, other checks still report',
    async (_name, mode) => {
      const r = await gate(`faults:\n  - {host: prodacr.azurecr.io, mode: ${mode}}`, 6000);
      expect(r.ms).toBeLessThan(6000 + 5000);
      expect(r.rules).toEqual(expect.arrayContaining(OTHER_CHECKS));
      const unv = of(r.report.findings, 'image-unverifiable');
      expect(unv.length).toBeGreaterThanOrEqual(1);
      expect(unv[0].message).toMatch(/6 s timeout/);
      expect(Object.values(images(r))).not.toContain('ok');
      // What failed: the user must learn which registry did not answer, not just "the registries".
      expect(unv.map((f) => f.message).join('\n')).toContain('prodacr.azurecr.io');
    },
  );
});

describe('Azure faults', () => {
  it('ARM 403 on role assignments only: role-assignments-unverifiable names the permission, images are still checked', async () => {
    const r = await gate('gate:\n  deniedActions: [Microsoft.Authorization/roleAssignments/read]');
    const unv = of(r.report.findings, 'role-assignments-unverifiable');
    expect(unv).toHaveLength(1);
    expect(`${unv[0].message} ${unv[0].remediation ?? ''}`).toContain('Microsoft.Authorization/roleAssignments/read');
    expect(r.rules).not.toContain('kubelet-pull-permission-missing');
    expect(Object.values(images(r))).toEqual(['ok', 'ok']);
    expect(r.rules).toEqual(expect.arrayContaining(['registry-firewall-blocks-cluster', 'pull-secret-missing']));
  });

  it('ARM hangs: the run ends within the timeout with each ARM family unverifiable, not a hung job', async () => {
    const r = await gate('faults:\n  - {kind: arm, mode: hang}', 5000);
    expect(r.ms).toBeLessThan(5000 + 5000);
    expect(r.rules).toEqual(expect.arrayContaining(['role-assignments-unverifiable', 'pull-secret-unverifiable']));
    // The registry's data plane is not ARM: it answered the gate's identity (Entra token, /oauth2/exchange) from the
    // sign-in on, so the images are verified though the registry discovery never answered; the kubelet's permission
    // is not, and the run is not Ready.
    expect(Object.values(images(r))).toEqual(['ok', 'ok']);
    expect(r.report.ready).toBe(false);
  });

  it('a 503 on the public IP read: cluster-egress-unknown naming the IP, RBAC, images and pull secrets unaffected', async () => {
    const r = await gate('faults:\n  - {kind: arm, path: publicIPAddresses, status: 503}');
    const f = of(r.report.findings, 'cluster-egress-unknown');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('publicIPAddresses/kubernetes-egress');
    expect(r.rules).toEqual(expect.arrayContaining(['kubelet-pull-permission-missing', 'pull-secret-missing']));
    expect(Object.values(images(r))).toEqual(['ok', 'ok']);
  });

  it('Kubernetes API 403: pull-secret-unverifiable naming verb, resource and namespace instead of a false pull-secret-missing', async () => {
    const r = await gate('faults:\n  - {kind: kubernetes, status: 403}');
    const f = of(r.report.findings, 'pull-secret-unverifiable');
    expect(f.length).toBeGreaterThanOrEqual(1);
    expect(f[0].message).toMatch(/denied get secrets in namespace orders \(403\)/);
    expect(r.rules).not.toContain('pull-secret-missing');
    expect(r.rules).toEqual(
      expect.arrayContaining(['kubelet-pull-permission-missing', 'registry-firewall-blocks-cluster']),
    );
  });

  it('Entra answers 503 to the sign-in: the run ends within the timeout and the manifests-only checks still report', async () => {
    const r = await gate('faults:\n  - {kind: entra, status: 503}', 6000);
    expect(r.ms).toBeLessThan(6000 + 5000);
    expect(r.rules).toContain('role-assignments-unverifiable');
    expect(r.rules).toContain('pull-secret-missing');
    expect(Object.values(images(r))).not.toContain('ok');
  });
});

describe('TLS and DNS failures', () => {
  it('DNS failure: an ACR-looking host the world does not serve gives registry-unknown / image-unverifiable naming the host, no hang', async () => {
    const r = await gate(
      '',
      10_000,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: orders}\nspec:\n  containers:\n    - {name: a, image: "ghostacr.azurecr.io/app:v1"}\n    - {name: b, image: "registry.example.invalid/app:v1"}\n',
    );
    expect(r.ms).toBeLessThan(10_000);
    expect(r.rules).toContain('registry-unknown');
    const unv = of(r.report.findings, 'image-unverifiable')
      .map((f) => f.message)
      .join('\n');
    expect(unv).toMatch(/registry\.example\.invalid.*(ENOTFOUND|resolve|DNS)/i);
    expect(images(r)['registry.example.invalid/app:v1']).toBe('unverifiable');
  });

  it('TLS failure: a registry whose certificate nobody trusts gives image-unverifiable naming the certificate problem, and no request reaches it', async () => {
    const stub = await startStubHttps((_req, res) => res.writeHead(200).end('{}'), { untrusted: true });
    try {
      const r = await gate(
        '',
        10_000,
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: orders}\nspec:\n  containers:\n    - {name: a, image: "${stub.host}/app:v1"}\n`,
      );
      const unv = of(r.report.findings, 'image-unverifiable');
      expect(unv).toHaveLength(1);
      expect(unv[0].message).toContain(stub.host);
      expect(unv[0].message).toMatch(/certificate|TLS|self[- ]signed/i);
      expect(stub.requests).toHaveLength(0);
    } finally {
      await stub.stop();
    }
  });
});

// Keep the default trust store as found: the emulator adds and removes its own CA per run.
afterAll(() => {
  expect(tls.getCACertificates('default').length).toBeGreaterThan(0);
});
