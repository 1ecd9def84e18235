// ACR extras against a loopback stub that answers with the data-plane shapes in shared/material
// (containerregistry-dataplane 2021-07-01): Entra token -> /oauth2/exchange -> refresh token -> /oauth2/token,
// and /acr/v1 tag and manifest attributes (readEnabled, quarantineState) with the metadata_read scope.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImages } from '../../src/checks/images.js';
import { RegistryClient } from '../../src/facts/registry/client.js';
import type { ImageReference, ImageUse, Platform } from '../../src/types/index.js';
import { testTls, trustingFetch } from '../helpers/docker-registry.js';
import { json, startStubHttps, type StubHttps, type StubRequest } from '../helpers/stub-https.js';

// Bodies as in shared/material/azure-arm/containerregistry-dataplane/2021-07-01_*.json (copied, so CI needs no
// file outside the repository); the stub fills in the names, digests and attribute values of each case.
const TAG_ATTRIBUTES = {
  registry: 'acrapi.azurecr-test.io',
  imageName: 'test/bash',
  tag: {
    name: 'tagName',
    digest: 'sha256:eabe547f78d4c18c708dd97ec3166cf7464cc651f1cbb67e70d407405b7ad7b6',
    createdTime: '2018-10-05T20:54:24.1286047Z',
    lastUpdateTime: '2018-10-05T20:54:24.1286047Z',
    changeableAttributes: { deleteEnabled: true, writeEnabled: false, readEnabled: true, listEnabled: true },
  },
};
const MANIFEST_ATTRIBUTES = {
  registry: 'acrapi.azurecr-test.io',
  imageName: 'nanoserver',
  manifest: {
    digest: 'sha256:110d2b6c84592561338aa040b1b14b7ab81c2f9edbd564c2285dd7d70d777086',
    imageSize: 2401606,
    createdTime: '2018-09-06T06:17:20.9983915Z',
    lastUpdateTime: '2018-09-06T06:17:20.9983915Z',
    architecture: 'amd64',
    os: 'windows',
    tags: ['4.7.2-20180905-nanoserver-1803'],
    changeableAttributes: { deleteEnabled: true, writeEnabled: true, readEnabled: true, listEnabled: true },
  },
};

const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ENTRA = 'entra-access-token-secret';
const REFRESH = 'acr-refresh-token-secret';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

interface Img {
  digest: string;
  tagReadEnabled: boolean;
  readEnabled: boolean;
  quarantineState?: string;
  /** What the manifests endpoint answers (ACR refuses reads of a locked manifest). */
  headStatus: number;
}

const images: Record<string, Img> = {
  'orders-api:v1': {
    digest: `sha256:${'1'.repeat(64)}`,
    tagReadEnabled: true,
    readEnabled: true,
    quarantineState: 'Passed',
    headStatus: 200,
  },
  // A tag locked for reads: ACR refuses the pull (403 DENIED); the tag's attributes say why.
  'locked-tag:v1': { digest: `sha256:${'2'.repeat(64)}`, tagReadEnabled: false, readEnabled: true, headStatus: 403 },
  // With the quarantine policy on, ACR refuses the manifest (403 DENIED) until a scan passes it.
  'quarantined:v1': {
    digest: `sha256:${'3'.repeat(64)}`,
    tagReadEnabled: true,
    readEnabled: true,
    quarantineState: 'Quarantined',
    headStatus: 403,
  },
  'locked-manifest:v1': {
    digest: `sha256:${'4'.repeat(64)}`,
    tagReadEnabled: true,
    readEnabled: false,
    headStatus: 404,
  },
};

function ref(registry: string, spec: string): ImageReference {
  const [repository = '', tag = ''] = spec.split(':');
  return { original: `${registry}/${spec}`, registry, repository, tag, normalized: `${registry}/${spec}` };
}

function use(r: ImageReference): ImageUse {
  return {
    image: r.original,
    ref: r,
    location: { file: 'k8s/app.yaml', line: 12, column: 16 },
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

let acr: StubHttps;
let fetchFn: typeof globalThis.fetch;
let closeFetch: () => Promise<void>;
/** When true, /oauth2/token issues no metadata_read (the identity has AcrPull only). */
let denyMetadata = false;

function bearerScope(req: StubRequest): string | undefined {
  const a = req.headers.authorization;
  return a?.startsWith('Bearer at|') ? a.slice('Bearer at|'.length) : undefined;
}

function handle(req: StubRequest, res: ServerResponse): void {
  const url = new URL(req.path, 'https://acr.invalid');
  const p = url.pathname;
  if (p === '/v2/') {
    res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${acr.host}/oauth2/token",service="${acr.host}"` });
    return void res.end();
  }
  if (p === '/oauth2/exchange' && req.method === 'POST') {
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'access_token' || form.get('access_token') !== ENTRA) return json(res, 401, {});
    return json(res, 200, { refresh_token: REFRESH });
  }
  if (p === '/oauth2/token' && req.method === 'POST') {
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== REFRESH) return json(res, 401, {});
    const scope = form.get('scope') ?? '';
    const granted = denyMetadata && scope.endsWith(':metadata_read') ? 'none' : scope;
    return json(res, 200, { access_token: `at|${granted}` });
  }
  let m = /^\/v2\/([^/]+)\/manifests\/(.+)$/.exec(p);
  if (m) {
    if (bearerScope(req) !== `repository:${m[1]}:pull`) return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
    const img =
      images[`${m[1]}:${m[2]}`] ??
      Object.entries(images).find(([k, v]) => k.startsWith(`${m?.[1]}:`) && v.digest === m?.[2])?.[1];
    if (img?.headStatus === 403) return json(res, 403, { errors: [{ code: 'DENIED' }] });
    if (!img || img.headStatus !== 200) return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
    res.writeHead(200, { 'content-type': OCI_INDEX, 'docker-content-digest': img.digest });
    return void res.end(
      req.method === 'HEAD'
        ? undefined
        : JSON.stringify({
            schemaVersion: 2,
            mediaType: OCI_INDEX,
            manifests: [{ digest: `sha256:${'a'.repeat(64)}`, platform: AMD64 }],
          }),
    );
  }
  m = /^\/v2\/([^/]+)\/tags\/list$/.exec(p);
  if (m)
    return json(res, 200, {
      name: m[1],
      tags: Object.keys(images)
        .filter((k) => k.startsWith(`${m?.[1]}:`))
        .map((k) => k.split(':')[1]),
    });
  m = /^\/acr\/v1\/([^/]+)\/_tags\/(.+)$/.exec(p);
  if (m) {
    if (bearerScope(req) !== `repository:${m[1]}:metadata_read`)
      return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
    const img = images[`${m[1]}:${m[2]}`];
    if (!img) return json(res, 404, {});
    const body = structuredClone(TAG_ATTRIBUTES) as {
      imageName: string;
      tag: { name: string; digest: string; changeableAttributes: { readEnabled: boolean } };
    };
    body.imageName = m[1] ?? '';
    body.tag.name = m[2] ?? '';
    body.tag.digest = img.digest;
    body.tag.changeableAttributes.readEnabled = img.tagReadEnabled;
    return json(res, 200, body);
  }
  m = /^\/acr\/v1\/([^/]+)\/_manifests\/(.+)$/.exec(p);
  if (m) {
    if (bearerScope(req) !== `repository:${m[1]}:metadata_read`)
      return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
    const img = Object.values(images).find((v) => v.digest === m?.[2]);
    if (!img) return json(res, 404, {});
    const body = structuredClone(MANIFEST_ATTRIBUTES) as {
      manifest: { digest: string; quarantineState?: string; changeableAttributes: { readEnabled: boolean } };
    };
    body.manifest.digest = img.digest;
    body.manifest.changeableAttributes.readEnabled = img.readEnabled;
    if (img.quarantineState) body.manifest.quarantineState = img.quarantineState;
    return json(res, 200, body);
  }
  json(res, 404, {});
}

beforeAll(async () => {
  acr = await startStubHttps(handle);
  const f = trustingFetch((await testTls()).cert);
  fetchFn = f.fetch;
  closeFetch = f.close;
});
afterAll(async () => {
  await closeFetch();
  await acr.stop();
});

function client(getEntraToken: () => Promise<string> = () => Promise.resolve(ENTRA)): RegistryClient {
  return new RegistryClient({ fetch: fetchFn, isAcr: () => true, getEntraToken, acrTenant: 'tenant-guid' });
}

async function findingsFor(c: RegistryClient, spec: string) {
  const r = ref(acr.host, spec);
  const result = await c.checkImage(r);
  return { result, findings: checkImages([use(r)], new Map([[r.normalized, result]]), [AMD64]) };
}

describe('ACR', () => {
  it('exchanges the Entra token once per registry, reads attributes only for a refused manifest, and stays quiet on a healthy image', async () => {
    denyMetadata = false;
    const c = client();
    const before = acr.requests.length;
    const { result, findings } = await findingsFor(c, 'orders-api:v1');
    // A served manifest is readable and not held by quarantine: its attributes could not explain a failed pull.
    expect(result).toMatchObject({ status: 'ok', acr: true, auth: 'gate-identity' });
    expect(result.attributes).toBeUndefined();
    expect(findings).toEqual([]);
    expect(c.requestCounts()['acr-attributes'] ?? 0).toBe(0);
    await c.checkImage(ref(acr.host, 'quarantined:v1'));
    // Repository, tag and manifest attributes: three reads for the refused manifest.
    expect(c.requestCounts()).toMatchObject({ 'acr-exchange': 1, 'acr-attributes': 3 });
    const exchange = acr.requests.slice(before).find((q) => q.path === '/oauth2/exchange');
    expect(Object.fromEntries(new URLSearchParams(exchange?.body))).toEqual({
      grant_type: 'access_token',
      service: acr.host,
      tenant: 'tenant-guid',
      access_token: ENTRA,
    });
    expect(JSON.stringify(result)).not.toContain(ENTRA);
    expect(JSON.stringify(result)).not.toContain(REFRESH);
  });

  it('reports image-read-disabled for a tag locked for reads', async () => {
    denyMetadata = false;
    const { findings } = await findingsFor(client(), 'locked-tag:v1');
    expect(findings.map((f) => f.rule)).toEqual(['image-read-disabled']);
    expect(findings[0]?.remediation).toMatch(
      /^az acr repository update --name \S+ --image locked-tag:v1 --read-enabled true$/,
    );
  });

  it('reports image-read-disabled, not image-not-found, when a locked manifest makes the registry answer 404', async () => {
    denyMetadata = false;
    const { result, findings } = await findingsFor(client(), 'locked-manifest:v1');
    expect(result.status).toBe('not-found');
    expect(findings.map((f) => f.rule)).toEqual(['image-read-disabled']);
    expect(findings[0]?.remediation).toContain(`--image locked-manifest@${images['locked-manifest:v1']?.digest}`);
  });

  it('reads no attributes for a tag that tags/list does not have: a tag never pushed cannot be locked', async () => {
    denyMetadata = false;
    const c = client();
    const { result, findings } = await findingsFor(c, 'orders-api:v9.9.9');
    expect(result).toMatchObject({ status: 'not-found', tagListed: false });
    expect(findings.map((f) => f.rule)).toEqual(['image-not-found']);
    expect(c.requestCounts()['acr-attributes'] ?? 0).toBe(0);
  });

  it('reports image-quarantined', async () => {
    denyMetadata = false;
    const { findings } = await findingsFor(client(), 'quarantined:v1');
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['image-quarantined', 'error']]);
  });

  it('still reports the refused image when the identity may pull but not read metadata, and says attributes were not checked', async () => {
    denyMetadata = true;
    const { result, findings } = await findingsFor(client(), 'locked-tag:v1');
    denyMetadata = false;
    expect(result.status).toBe('denied');
    expect(result.attributes).toBeUndefined();
    expect(result.reason).toContain('ACR attributes not checked');
    expect(findings.map((f) => f.rule)).toEqual(['image-unverifiable']);
  });

  it('reports image-unverifiable naming AcrPull when the registry refuses the Entra token', async () => {
    const { result, findings } = await findingsFor(
      client(() => Promise.resolve('some-other-token')),
      'orders-api:v1',
    );
    expect(result).toMatchObject({ status: 'unauthorized', failure: 'unauthorized' });
    expect(findings.map((f) => f.rule)).toEqual(['image-unverifiable']);
    expect(findings[0]?.message).toContain('AcrPull or Container Registry Repository Reader');
    expect(JSON.stringify(findings)).not.toContain('some-other-token');
  });

  it('reports image-unverifiable when no Entra token can be had', async () => {
    const { result } = await findingsFor(
      client(() => Promise.reject(new Error('no sign-in'))),
      'orders-api:v1',
    );
    expect(result.status).toBe('unauthorized');
    expect(result.reason).toContain('could not get an Entra token');
  });
});
