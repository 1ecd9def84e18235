// Issue 18, lazy sign-in: on a hosted runner `az` is always on PATH, and every `az account get-access-token` is a
// Python start-up (~0.6 s). A run that reads no Azure fact (no cluster, no ACR image, no Azure pull-secret credential)
// must start no `az`; a run that signs in must ask it at most once per scope and tenant. The fake az on PATH appends
// one line per invocation to FAKE_AZ_ARGS_FILE, so the count is exact.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { runGate } from '../../src/gate.js';
import { azureNeed, createAzureContext } from '../../src/facts/azure/sign-in.js';
import { cloudEndpoints } from '../../src/facts/azure/clouds.js';
import { testConfig } from '../helpers/config.js';
import { testTls } from '../helpers/docker-registry.js';
import { servedEmptyImage } from '../helpers/oci-push.js';
import { json, startStubHttps, type StubHttps } from '../helpers/stub-https.js';
import type { ImageUse, ManifestSecret } from '../../src/types/index.js';

const FAKE_AZ_DIR = path.resolve(import.meta.dirname, '../helpers/fake-az');
const TENANT = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
const OTHER_TENANT = 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-lazy-'));
const argsFile = path.join(tmp, 'az-args.txt');
const savedEnv = { ...process.env };
let registry: StubHttps;

const { config, configDigest, manifest, manifestDigest } = servedEmptyImage();

function azCalls(): string[] {
  return existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split('\n').filter(Boolean) : [];
}

beforeAll(async () => {
  const t = await testTls();
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), t.cert]);
  // An open registry (distribution's answers, no auth): /v2/, one image.
  registry = await startStubHttps((req, res) => {
    if (req.path === '/v2/') return json(res, 200, {});
    if (req.path === '/v2/team/app/manifests/v1') {
      res.writeHead(200, {
        'content-type': 'application/vnd.oci.image.manifest.v1+json',
        'docker-content-digest': manifestDigest,
        'content-length': String(manifest.length),
      });
      res.end(req.method === 'HEAD' ? undefined : manifest);
      return;
    }
    if (req.path === `/v2/team/app/blobs/${configDigest}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(config);
      return;
    }
    return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
  });
});

afterAll(async () => {
  await registry.stop();
  rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  rmSync(argsFile, { force: true });
});

function useAz(): void {
  process.env.PATH = `${FAKE_AZ_DIR}:/usr/bin:/bin`;
  process.env.FAKE_AZ_ARGS_FILE = argsFile;
  const claims = Buffer.from(JSON.stringify({ tid: TENANT })).toString('base64url');
  process.env.FAKE_AZ_TOKEN = `eyJhbGciOiJub25lIn0.${claims}.sig`;
}

describe('a run that reads no Azure fact', () => {
  it('starts no az process for a non-ACR image without a cluster (az logged in on PATH)', async () => {
    useAz();
    const file = path.join(tmp, 'deploy.yaml');
    writeFileSync(
      file,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: prod}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${registry.host}/team/app:v1\n`,
    );
    const lines: string[] = [];
    const r = await runGate(testConfig({ manifests: [file], clusterReads: false }), {
      logger: { debug: (m) => lines.push(m), info: (m) => lines.push(m), warning: (m) => lines.push(m) },
      maskSecret: () => {},
      env: { PATH: process.env.PATH, KUBECONFIG: path.join(tmp, 'none') },
    });
    expect(azCalls()).toEqual([]);
    // The image was still checked against its registry.
    expect(registry.requests.some((q) => q.path === '/v2/team/app/manifests/v1')).toBe(true);
    expect(r.report.verified).toBe(true);
    expect(lines.join('\n')).not.toMatch(/Signed in to Azure/);
  });
});

describe('a run that signs in', () => {
  it('asks az once per scope and tenant, however many clients ask', async () => {
    useAz();
    const endpoints = { ...cloudEndpoints('AzureCloud'), resourceManager: 'https://127.0.0.1:1' };
    const ctx = await createAzureContext({
      endpoints,
      env: {},
      logger: { debug: () => {}, info: () => {}, warning: () => {} },
    });
    if ('unavailable' in ctx) throw new Error(ctx.unavailable);
    expect(ctx.method).toBe('azure-cli');
    expect(azCalls()).toHaveLength(1); // the ARM probe
    const arm = 'https://127.0.0.1:1/.default';
    await Promise.all([
      ctx.credential.getToken(arm),
      ctx.credential.getToken(endpoints.acrScope),
      ctx.credential.getToken(endpoints.acrScope),
      ctx.credential.getToken(endpoints.acrScope),
      ctx.credential.getToken(arm, { tenantId: OTHER_TENANT }),
      ctx.credential.getToken(arm, { tenantId: OTHER_TENANT }),
    ]);
    await ctx.credential.getToken(endpoints.acrScope);
    await ctx.credential.getToken(arm, { tenantId: OTHER_TENANT.toUpperCase() });
    const calls = azCalls();
    // ARM (probe), the ACR audience, ARM in the other tenant: three distinct scope/tenant pairs, three processes.
    expect(calls).toHaveLength(3);
    expect(calls.filter((c) => c.includes('--resource https://containerregistry.azure.net'))).toHaveLength(1);
    expect(calls.filter((c) => c.includes(`--tenant ${OTHER_TENANT}`))).toHaveLength(1);
  });
});

describe('azureNeed', () => {
  const endpoints = cloudEndpoints('AzureCloud');
  const use = (image: string, pullSecrets: string[] = []): ImageUse =>
    ({
      image,
      namespace: 'prod',
      serviceAccount: 'default',
      pullSecrets,
      ref: { registry: image.split('/')[0], repository: 'x', normalized: image },
    }) as unknown as ImageUse;
  const secret = (name: string, server: string, username: string): ManifestSecret => ({
    name,
    namespace: 'prod',
    type: 'kubernetes.io/dockerconfigjson',
    origin: 'manifest',
    data: {
      '.dockerconfigjson': Buffer.from(
        JSON.stringify({ auths: { [server]: { auth: Buffer.from(`${username}:pw`).toString('base64') } } }),
      ).toString('base64'),
    },
  });
  const need = (uses: ImageUse[], secrets: ManifestSecret[] = [], extra = {}) =>
    azureNeed({ mode: 'check', liveSecrets: false, inventory: { uses, secrets }, endpoints, ...extra });

  it('is nothing for images on other registries with non-Azure pull secrets', () => {
    expect(need([use('ghcr.io/a/b:1', ['gh'])], [secret('gh', 'ghcr.io', 'bot')])).toBeUndefined();
    expect(
      need([use('docker.io/library/redis:7')], [], { offline: true, cluster: '/subscriptions/x' }),
    ).toBeUndefined();
  });

  it('names what needs Azure: a cluster, an audit, an ACR image, an Azure pull-secret credential, live secrets', () => {
    expect(need([], [], { cluster: '/subscriptions/x' })).toMatch(/cluster/);
    expect(need([], [], { mode: 'audit' })).toMatch(/audit/);
    expect(need([use('prodacr.azurecr.io/a:1')])).toMatch(/prodacr\.azurecr\.io/);
    expect(need([use('prodacr.westeurope.geo.azurecr.io/a:1')])).toMatch(/Azure Container Registry/);
    expect(need([use('ghcr.io/a/b:1', ['acr'])], [secret('acr', 'prodacr.azurecr.io', 'ci-pull')])).toMatch(
      /pull secret prod\/acr/,
    );
    // A service principal's credential (GUID username): Graph tells when its secret expires.
    expect(
      need([use('ghcr.io/a/b:1', ['sp'])], [secret('sp', 'ghcr.io', '0b6f2c1e-8a5d-4e52-9d6c-8f0f3c2a1b7e')]),
    ).toMatch(/pull secret prod\/sp/);
    expect(need([use('ghcr.io/a/b:1')], [], { liveSecrets: true })).toMatch(/from the cluster/);
  });
});
