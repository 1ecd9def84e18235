// Issue 18: image checks that start while the manifests are still being read (facts/registry/early.ts). Only checks
// no credential can change start early, so an early answer must equal what the run's own registry client answers for
// the same image and credential: that is what these tests compare, against scripted loopback registries. Distribution
// answers `GET /v2/` with 200 when it needs no authentication (docs/spec/api.md, "API Version Check"), 401 with a
// Bearer or Basic challenge when it does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { RegistryClient, type RegistryCredential } from '../../src/facts/registry/client.js';
import { EarlyImageChecks } from '../../src/facts/registry/early.js';
import { parseImageReference } from '../../src/lib/image-reference.js';
import { runGate } from '../../src/gate.js';
import { testTls, trustingFetch } from '../helpers/docker-registry.js';
import { servedEmptyImage } from '../helpers/oci-push.js';
import { json, startStubHttps, type StubHttps } from '../helpers/stub-https.js';
import { testConfig } from '../helpers/config.js';
import type { ImageReference } from '../../src/types/index.js';
import type { AzureContext } from '../../src/types/facts/context.js';
import { isAcrHost } from '../../src/lib/acr-host.js';

const quiet = { debug: () => {}, info: () => {}, warning: () => {} };
const { config, configDigest, manifest, manifestDigest } = servedEmptyImage();
const secret: RegistryCredential = { kind: 'basic', username: 'puller', password: 'not-sent-anywhere' };

let open: StubHttps;
let locked: StubHttps;
let acr: StubHttps;
let trusting: ReturnType<typeof trustingFetch>;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-early-'));

/** An open registry (no authentication), distribution's answers: team/app:v1 exists, team/app has v1 and v2. */
function openRegistry(): Promise<StubHttps> {
  return startStubHttps((req, res) => {
    if (req.path === '/v2/') return json(res, 200, {});
    if (req.path === '/v2/team/app/manifests/v1' || req.path === '/v2/team/other/manifests/v1') {
      res.writeHead(200, {
        'content-type': 'application/vnd.oci.image.manifest.v1+json',
        'docker-content-digest': manifestDigest,
        'content-length': String(manifest.length),
      });
      return res.end(req.method === 'HEAD' ? undefined : manifest);
    }
    if (req.path === `/v2/team/app/blobs/${configDigest}` || req.path === `/v2/team/other/blobs/${configDigest}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(config);
    }
    if (req.path.startsWith('/v2/team/app/tags/list')) return json(res, 200, { name: 'team/app', tags: ['v1', 'v2'] });
    // A repository the open registry still protects (some registries answer /v2/ for everyone, not every repository).
    if (req.path.startsWith('/v2/team/private/')) return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
    return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
  });
}

/**
 * An ACR data plane as contoso.azurecr.io answers it (the shapes of test/fixtures/real-recordings: the Bearer
 * challenge naming the login server, `/oauth2/exchange` for the Entra token, `/oauth2/token` per repository scope):
 * team/app:v1 exists, team/app:gone does not (not in tags/list), and `/acr/v1/` answers the repository's attributes.
 */
const ACR = 'contoso.azurecr.io';
const ENTRA = 'entra-token-for-the-test';
function acrRegistry(): Promise<StubHttps> {
  return startStubHttps((req, res) => {
    const p = req.path.split('?')[0];
    if (p === '/v2/')
      return json(
        res,
        401,
        { errors: [{ code: 'UNAUTHORIZED' }] },
        {
          'www-authenticate': `Bearer realm="https://${ACR}/oauth2/token",service="${ACR}"`,
        },
      );
    if (p === '/oauth2/exchange' && req.method === 'POST')
      return new URLSearchParams(req.body).get('access_token') === ENTRA
        ? json(res, 200, { refresh_token: 'acr-refresh' })
        : json(res, 401, {});
    if (p === '/oauth2/token' && req.method === 'POST') return json(res, 200, { access_token: 'acr-access' });
    if (req.headers.authorization !== 'Bearer acr-access')
      return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
    if (p === '/v2/team/app/manifests/v1') {
      res.writeHead(200, {
        'content-type': 'application/vnd.oci.image.manifest.v1+json',
        'docker-content-digest': manifestDigest,
      });
      return res.end(manifest);
    }
    if (p === `/v2/team/app/blobs/${configDigest}`) return res.end(config);
    if (p === '/v2/team/app/tags/list') return json(res, 200, { name: 'team/app', tags: ['v1'] });
    if (p === '/acr/v1/team/app') return json(res, 200, { changeableAttributes: { readEnabled: true } });
    return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
  });
}

/** The transport of a run whose DNS sends contoso.azurecr.io to the stub. */
function toAcr(): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.hostname === ACR) url.host = acr.host;
    return trusting.fetch(url, init);
  }) as typeof fetch;
}

/** The gate's sign-in as the registry client sees it: an Entra token for the registry audience. */
const azure: AzureContext = {
  credential: { getToken: async () => ({ token: ENTRA, expiresOnTimestamp: Date.now() + 3_600_000 }) },
  endpoints: {
    name: 'test',
    authorityHost: 'https://login.invalid',
    resourceManager: 'https://arm.invalid',
    graph: 'https://graph.invalid',
    acrSuffixes: ['.azurecr.io'],
    acrScope: 'https://containerregistry.azure.net/.default',
  },
  tenantId: 'tenant-guid',
};

beforeAll(async () => {
  const t = await testTls();
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), t.cert]);
  trusting = trustingFetch(t.cert);
  open = await openRegistry();
  acr = await acrRegistry();
  locked = await startStubHttps((req, res) =>
    json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': 'Basic realm="locked"' }),
  );
});

afterAll(async () => {
  await Promise.all([open.stop(), locked.stop(), acr.stop(), trusting.close()]);
  rmSync(tmp, { recursive: true, force: true });
});

function ref(image: string): ImageReference {
  const p = parseImageReference(image);
  if (!p.ok) throw new Error(p.error);
  return p.ref;
}

function early(): EarlyImageChecks {
  return new EarlyImageChecks(Promise.resolve({ fetch: trusting.fetch }), AbortSignal.timeout(20_000), quiet);
}

/** What the run's own client answers (a fresh one: no early state shared). */
function client(): RegistryClient {
  return new RegistryClient({ fetch: trusting.fetch, signal: AbortSignal.timeout(20_000) });
}

async function until(what: string, ok: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('early image checks', () => {
  it('check an image at a registry that needs no credential before anyone asks, and answer as the client would', async () => {
    const before = open.requests.length;
    const e = early();
    e.add(`${open.host}/team/app:v1`);
    await until('the manifest GET', () =>
      open.requests.slice(before).some((q) => q.path === '/v2/team/app/manifests/v1'),
    );
    const image = ref(`${open.host}/team/app:v1`);
    const anonymous = await e.answer(image, undefined);
    expect(anonymous).toEqual(await client().checkImage(image));
    expect(anonymous?.status).toBe('ok');
    expect(anonymous?.auth).toBe('anonymous');
    // A pull secret changes nothing the registry sees (it is never sent): the same answer, said to be the secret's.
    const withSecret = await e.answer(image, secret);
    expect(withSecret).toEqual(await client().checkImage(image, secret));
    expect(withSecret?.auth).toBe('credential');
    expect(e.requestCounts()).toMatchObject({ ping: 1, 'manifest-get': 1, blob: 1 });
  });

  it('answer a missing tag with the nearest ones, as the client does', async () => {
    const e = early();
    e.add(`${open.host}/team/app:v3`);
    const image = ref(`${open.host}/team/app:v3`);
    const a = await e.answer(image, undefined);
    expect(a).toEqual(await client().checkImage(image));
    expect(a?.status).toBe('not-found');
  });

  it('leave a 401 under a credential to the run: its message names whether one was given', async () => {
    const e = early();
    e.add(`${open.host}/team/private:v1`);
    const image = ref(`${open.host}/team/private:v1`);
    expect((await e.answer(image, undefined))?.status).toBe('unauthorized');
    expect(await e.answer(image, secret)).toBeUndefined();
  });

  it('ask a registry that wants authentication only its GET /v2/, and leave the check to the run', async () => {
    const e = early();
    e.add(`${locked.host}/team/app:v1`);
    const image = ref(`${locked.host}/team/app:v1`);
    expect(await e.answer(image, undefined)).toBeUndefined();
    expect(await e.answer(image, secret)).toBeUndefined();
    expect(locked.requests.map((q) => q.path)).toEqual(['/v2/']);
  });

  it('answer for an unreachable registry with the failure the client gives under any credential', async () => {
    const e = early();
    e.add('127.0.0.1:9/team/app:v1');
    const image = ref('127.0.0.1:9/team/app:v1');
    const a = await e.answer(image, secret);
    expect(a).toEqual(await client().checkImage(image, secret));
    expect(a?.status).toBe('unverifiable');
  });

  it('never start on an ACR host before the sign-in, nor on a reference that does not parse', async () => {
    let calls = 0;
    const counting = ((...args: Parameters<typeof fetch>) => {
      calls++;
      return trusting.fetch(...args);
    }) as typeof fetch;
    const e = new EarlyImageChecks(Promise.resolve({ fetch: counting }), AbortSignal.timeout(20_000), quiet);
    e.add('contoso.azurecr.io/team/app:v1');
    e.add('Not An Image');
    expect(await e.answer(ref('contoso.azurecr.io/team/app:v1'), undefined)).toBeUndefined();
    expect(e.acrAnswer(ref('contoso.azurecr.io/team/app:v1'))).toBeUndefined();
    expect(calls).toBe(0);
  });

  it('check ACR images with the gate identity from the sign-in on, before the discovery, as the run’s client would', async () => {
    const before = acr.requests.length;
    const e = new EarlyImageChecks(Promise.resolve({ fetch: toAcr() }), AbortSignal.timeout(20_000), quiet);
    e.add(`${ACR}/team/app:v1`);
    await new Promise((r) => setTimeout(r, 50));
    expect(acr.requests.length).toBe(before); // not signed in yet: nothing is asked
    e.signedIn(azure, { fetch: toAcr() });
    const image = ref(`${ACR}/team/app:v1`);
    // No discovery has answered (discovered() is never called): a served manifest needs nothing from it.
    const early = await e.acrAnswer(image);
    const fresh = new RegistryClient({
      fetch: toAcr(),
      signal: AbortSignal.timeout(20_000),
      isAcr: isAcrHost,
      getEntraToken: async () => ENTRA,
      acrTenant: 'tenant-guid',
    });
    expect(early).toEqual(await fresh.checkImage(image));
    expect(early).toMatchObject({ status: 'ok', acr: true, auth: 'gate-identity' });
    // An image a later file names is started at once, with the same exchanged token (a registry that does not
    // quarantine: the discovery has answered by then).
    e.discovered(() => false);
    e.add(`${ACR}/team/app:gone`);
    expect((await e.acrAnswer(ref(`${ACR}/team/app:gone`)))?.status).toBe('not-found');
    expect(e.requestCounts()).toMatchObject({ ping: 1, 'acr-exchange': 1, 'manifest-get': 2, 'acr-attributes': 0 });
  });

  it('a refused ACR manifest waits for the discovery to say whether the registry quarantines', async () => {
    for (const quarantines of [true, false]) {
      const e = new EarlyImageChecks(Promise.resolve({ fetch: toAcr() }), AbortSignal.timeout(20_000), quiet);
      e.signedIn(azure, { fetch: toAcr() });
      e.add(`${ACR}/team/app:gone`);
      const answer = e.acrAnswer(ref(`${ACR}/team/app:gone`));
      const pending = await Promise.race([answer, new Promise((r) => setTimeout(() => r('pending'), 300))]);
      // The manifest and the tag list have answered (not found, never pushed); whether ACR's quarantine could
      // explain it is the registry's policy, which only ARM's discovery knows.
      expect(pending).toBe('pending');
      expect(e.requestCounts()).toMatchObject({ 'manifest-get': 1, tags: 1, 'acr-attributes': 0 });
      e.discovered(() => quarantines);
      expect((await answer)?.status).toBe('not-found');
      // With the policy on, ACR answers a quarantined tag with 404 and may leave it out of the list: the attributes
      // are read (repository and tag); with it off a tag the list lacks was never pushed, and nothing more is read.
      expect(e.requestCounts()['acr-attributes']).toBe(quarantines ? 2 : 0);
    }
  });

  it('the gate checks the images of a file while the next one is still being read, one request each', async () => {
    const first = path.join(tmp, 'first.yaml');
    writeFileSync(
      first,
      `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: ${open.host}/team/app:v1\n`,
    );
    const before = open.requests.length;
    const seen = (p: string): boolean => open.requests.slice(before).some((q) => q.path === p);
    const marks: string[] = [];
    const r = await runGate(testConfig({ manifests: [first, '-'], clusterReads: false }), {
      logger: quiet,
      maskSecret: () => {},
      env: { PATH: '/usr/bin:/bin', KUBECONFIG: path.join(tmp, 'none') },
      // The second manifest arrives only once the first file's image has been asked for: a gate that waited for every
      // manifest before asking a registry would never get it (and fail on the wait's timeout).
      readStdin: async () => {
        await until('the first file’s manifest GET', () => seen('/v2/team/app/manifests/v1'));
        marks.push('stdin read');
        return Buffer.from(
          `apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers:\n  - name: b\n    image: ${open.host}/team/other:v1\n`,
        );
      },
      mark: (name) => marks.push(name),
    });
    expect(marks.indexOf('stdin read')).toBeLessThan(marks.indexOf('manifests read'));
    expect(r.report.verified).toBe(true);
    expect(r.exitCode).toBe(0);
    const sent = open.requests.slice(before).map((q) => q.path);
    expect(sent.filter((p) => p === '/v2/')).toHaveLength(1);
    expect(sent.filter((p) => p.includes('/manifests/'))).toEqual([
      '/v2/team/app/manifests/v1',
      '/v2/team/other/manifests/v1',
    ]);
    // Both tags are one manifest (one digest): its platform is read once (platforms are cached by digest).
    expect(r.requests).toMatchObject({ ping: 1, 'manifest-get': 2, blob: 1 });
  });
  it('the early checks end when the manifests turn out unreadable: no request outlives the run', async () => {
    let closed = false;
    let asked = false;
    const hanging = await startStubHttps((req, res) => {
      if (req.path === '/v2/') return json(res, 200, {});
      asked = true;
      res.on('close', () => (closed = true)); // the client gave up on the request: its socket closed
      return undefined; // never answers
    });
    try {
      const first = path.join(tmp, 'hanging.yaml');
      writeFileSync(
        first,
        `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: ${hanging.host}/team/app:v1\n`,
      );
      const run = runGate(testConfig({ manifests: [first, '-'], clusterReads: false, timeoutMs: 60_000 }), {
        logger: quiet,
        maskSecret: () => {},
        env: { PATH: '/usr/bin:/bin', KUBECONFIG: path.join(tmp, 'none') },
        // Standard input is empty (a failed `helm template` before the pipe), once the first file's image is asked.
        readStdin: async () => {
          await until('the manifest GET', () => asked);
          return Buffer.alloc(0);
        },
      });
      await expect(run).rejects.toThrow(/no manifests on standard input/);
      await until('the hanging request to be dropped', () => closed);
    } finally {
      await hanging.stop();
    }
  });
});
