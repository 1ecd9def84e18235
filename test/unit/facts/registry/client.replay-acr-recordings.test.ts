// Replay of every real ACR data-plane recording in test/fixtures/real-recordings/acr-*.json (vendored from
// shared/material/azure-arm/real-recordings; each names its source repository, path and commit). The recorded status,
// headers and body are fed to the registry client's challenge, token, error and attribute parsing, and the test
// asserts what the gate concludes. Where the emulator serves the same request, its answer is compared with the
// recording by keys, casing and status (values differ: hosts, digests and tokens are the recorder's).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../../src/facts/registry/client.js';
import { challengeFrom } from '../../../../src/facts/registry/auth.js';
import { parseManifestAttributes, parseTagAttributes } from '../../../../src/facts/registry/acr.js';
import { grantedPull } from '../../../../src/facts/credentials/live-check.js';
import { decodeJwtClaims } from '../../../../src/lib/credential-classify.js';
import { parseImageReference } from '../../../../src/lib/image-reference.js';
import { parseWorld, startEmulator, type Emulator } from '../../../../src/simulate/index.js';

const DIR = 'test/fixtures/real-recordings';
const HOST = 'replayacr.azurecr.io';
const RECORDED_HOSTS =
  /fake_url\.azurecr\.io|myregistry\.azurecr\.io|yallacrtestsanon\.azurecr\.io|yallacrtests\.azurecr\.io/g;

interface Recording {
  request: { method: string; uri: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
  decoded_access_claim?: unknown;
}

const files = readdirSync(DIR).filter((f) => f.startsWith('acr-') && f.endsWith('.json'));
const rec = (name: string): Recording => JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as Recording;

/** The recorded response as a fetch Response, with the recorder's hosts replaced by the test host. */
function respond(r: Recording): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.response.headers)) {
    if (k.toLowerCase() === 'content-length') continue;
    headers.set(k, v.replace(RECORDED_HOSTS, HOST));
  }
  const b = r.response.body;
  const body = b === null || b === undefined ? null : typeof b === 'string' ? b : JSON.stringify(b);
  return new Response(body, { status: r.response.status, headers });
}

type Route = [method: string, path: RegExp, answer: () => Response];

/** A fetch that answers by method and path from recordings; anything unrouted is a test failure (404 text). */
function replayFetch(routes: Route[], seen: string[] = []): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    seen.push(`${method} ${url.pathname}`);
    const hit = routes.find(([m, p]) => (m === method || m === '*') && p.test(url.pathname));
    return hit ? hit[2]() : new Response('unrouted in replay', { status: 418 });
  }) as typeof fetch;
}

const challenge401 = (): Response => respond(rec('acr-manifest-get-401-challenge'));
const anonymousToken = (): Response => respond(rec('acr-anonymous-token-for-delete-scope-200'));
const ref = (s: string) => {
  const p = parseImageReference(s);
  if (!p.ok) throw new Error(s);
  return p.ref;
};
const DIGEST = 'sha256:f54a58bc1aac5ea1a25d796ae155dc228b3f0e11d046ae276b39c4bf2f13d8c4';

describe('real ACR recordings replayed through the registry client', () => {
  it('covers every acr-*.json recording (13)', () => {
    expect(files.sort()).toEqual(
      [
        'acr-acrv1-manifest-MANIFEST_UNKNOWN-404.json',
        'acr-acrv1-manifest-attributes-401-metadata-read.json',
        'acr-acrv1-manifest-attributes-list-200.json',
        'acr-acrv1-repository-NAME_UNKNOWN-404.json',
        'acr-acrv1-tag-attributes-200.json',
        'acr-acrv1-tags-paged-link-header-200.json',
        'acr-acrv1-uppercase-repo-404-text-plain.json',
        'acr-anonymous-token-for-delete-scope-200.json',
        'acr-insufficient-scope-401.json',
        'acr-manifest-get-401-challenge.json',
        'acr-manifest-get-docker-v2-with-oci-accept-200.json',
        'acr-oauth2-exchange-200.json',
        'acr-oauth2-token-refresh-grant-200.json',
      ].sort(),
    );
  });

  it('401 challenge + anonymous token + Docker v2 manifest served to an OCI Accept: the image is ok, pulled anonymously', async () => {
    const seen: string[] = [];
    const c = new RegistryClient({
      fetch: replayFetch(
        [
          ['GET', /^\/v2\/$/, challenge401],
          ['*', /^\/oauth2\/token$/, anonymousToken],
          ['GET', /\/manifests\//, () => respond(rec('acr-manifest-get-docker-v2-with-oci-accept-200'))],
        ],
        seen,
      ),
      maxRetries: 0,
      isAcr: () => true,
    });
    const r = await c.checkImage(ref(`${HOST}/library/hello-world@${DIGEST}`));
    expect(r).toMatchObject({
      status: 'ok',
      auth: 'anonymous',
      digest: DIGEST,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    });
    // The config blob is not in the recording: platforms stay unknown, said as a reason, not a failure.
    expect(r.reason).toContain('platforms unknown');
    expect(seen.filter((s) => s.includes('/oauth2/token'))).toHaveLength(1);
  });

  it('the recorded challenge parses to realm and service (scope and detail keys are capitalised in the body)', () => {
    const r = rec('acr-manifest-get-401-challenge');
    const c = challengeFrom(r.response.headers['WWW-Authenticate'], 'myregistry.azurecr.io');
    expect(c).toMatchObject({ kind: 'bearer', service: 'myregistry.azurecr.io' });
    expect(String((c as { realm: URL }).realm)).toBe('https://myregistry.azurecr.io/oauth2/token');
    const detail = (r.response.body as { errors: { detail: Record<string, unknown>[] }[] }).errors[0].detail[0];
    expect(Object.keys(detail)).toEqual(['Type', 'Name', 'Action']);
  });

  it('insufficient_scope 401 on the manifest: unauthorized (the gate then reports the image unverifiable, never not-found)', async () => {
    const c = new RegistryClient({
      fetch: replayFetch([
        ['GET', /^\/v2\/$/, challenge401],
        ['*', /^\/oauth2\/token$/, anonymousToken],
        ['GET', /\/manifests\//, () => respond(rec('acr-insufficient-scope-401'))],
        ['GET', /^\/acr\/v1\//, () => respond(rec('acr-acrv1-manifest-attributes-401-metadata-read'))],
      ]),
      maxRetries: 0,
      isAcr: () => true,
    });
    const r = await c.checkImage(ref(`${HOST}/library/hello-world@${DIGEST}`));
    expect(r.status).toBe('unauthorized');
    expect(r.reason).toContain('requires authentication for library/hello-world (401)');
    const h = rec('acr-insufficient-scope-401').response.headers['WWW-Authenticate'];
    expect(h).toContain('error="insufficient_scope"');
    expect(challengeFrom(h, 'yallacrtestsanon.azurecr.io')).toMatchObject({ kind: 'bearer' });
  });

  it('NAME_UNKNOWN (detail {name}) on tags/list after a 404 manifest: repository-not-found', async () => {
    const c = new RegistryClient({
      fetch: replayFetch([
        ['GET', /^\/v2\/$/, challenge401],
        ['*', /^\/oauth2\/token$/, anonymousToken],
        ['GET', /\/manifests\//, () => respond(rec('acr-acrv1-manifest-MANIFEST_UNKNOWN-404'))],
        ['GET', /\/tags\/list$/, () => respond(rec('acr-acrv1-repository-NAME_UNKNOWN-404'))],
        ['GET', /^\/acr\/v1\//, () => respond(rec('acr-acrv1-repository-NAME_UNKNOWN-404'))],
      ]),
      maxRetries: 0,
      isAcr: () => true,
    });
    const r = await c.checkImage(ref(`${HOST}/not_real_repo:v1`));
    expect(r.status).toBe('repository-not-found');
    expect(r.reason).toBe(`repository not_real_repo does not exist in ${HOST}`);
  });

  it('MANIFEST_UNKNOWN ("manifest unknown", no detail) with the tag listed: not-found, attributes read from /acr/v1', async () => {
    const seen: string[] = [];
    const c = new RegistryClient({
      fetch: replayFetch(
        [
          ['GET', /^\/v2\/$/, challenge401],
          ['*', /^\/oauth2\/token$/, anonymousToken],
          ['GET', /\/manifests\//, () => respond(rec('acr-acrv1-manifest-MANIFEST_UNKNOWN-404'))],
          [
            'GET',
            /\/tags\/list$/,
            () => new Response(JSON.stringify({ name: 'repoe63342a4', tags: ['tage63342a4'] }), { status: 200 }),
          ],
          ['GET', /^\/acr\/v1\/repoe63342a4\/_tags\//, () => respond(rec('acr-acrv1-tag-attributes-200'))],
          [
            'GET',
            /^\/acr\/v1\/repoe63342a4\/_manifests\//,
            () => respond(rec('acr-acrv1-manifest-MANIFEST_UNKNOWN-404')),
          ],
          ['GET', /^\/acr\/v1\/repoe63342a4$/, () => respond(rec('acr-acrv1-uppercase-repo-404-text-plain'))],
        ],
        seen,
      ),
      maxRetries: 0,
      isAcr: () => true,
    });
    const r = await c.checkImage(ref(`${HOST}/repoe63342a4:tage63342a4`));
    expect(r).toMatchObject({ status: 'not-found', tagListed: true, repositoryTags: ['tage63342a4'] });
    // The tag's attributes name its digest; the manifest's 404 (and the text/plain 404) leave no attribute and no note.
    expect(r.digest).toBe('sha256:53f1bbee2f52c39e41682ee1d388285290c5c8a76cc92b42687eecf38e0af3f0');
    expect(r.attributes).toEqual({ tagReadEnabled: true });
    expect(r.reason).not.toContain('ACR attributes not checked');
    expect(seen).toContain('GET /acr/v1/repoe63342a4');
  });

  it('/acr/v1 answering 401 (metadata_read challenge): the attributes are "not checked", naming metadata_read', async () => {
    const c = new RegistryClient({
      fetch: replayFetch([
        ['GET', /^\/v2\/$/, challenge401],
        ['*', /^\/oauth2\/token$/, anonymousToken],
        [
          'GET',
          /\/manifests\//,
          () => new Response('{"errors":[{"code":"DENIED","message":"denied"}]}', { status: 403 }),
        ],
        ['GET', /^\/acr\/v1\//, () => respond(rec('acr-acrv1-manifest-attributes-401-metadata-read'))],
      ]),
      maxRetries: 0,
      isAcr: () => true,
    });
    const r = await c.checkImage(ref(`${HOST}/repoe63342a4@${DIGEST}`));
    expect(r.status).toBe('denied');
    expect(r.reason).toContain('manifest attributes answered 401');
    expect(r.reason).toContain('needs metadata_read');
  });

  it('Entra exchange ({refresh_token}) then the refresh grant ({access_token}, no expires_in): the pull is made with the credential', async () => {
    const seen: string[] = [];
    const c = new RegistryClient({
      fetch: replayFetch(
        [
          ['GET', /^\/v2\/$/, challenge401],
          ['POST', /^\/oauth2\/exchange$/, () => respond(rec('acr-oauth2-exchange-200'))],
          ['POST', /^\/oauth2\/token$/, () => respond(rec('acr-oauth2-token-refresh-grant-200'))],
          ['GET', /\/manifests\//, () => respond(rec('acr-manifest-get-docker-v2-with-oci-accept-200'))],
        ],
        seen,
      ),
      maxRetries: 0,
      isAcr: () => true,
      getEntraToken: () => Promise.resolve('entra-token-for-replay'),
    });
    const r = await c.checkImage(ref(`${HOST}/library/hello-world@${DIGEST}`));
    expect(r).toMatchObject({ status: 'ok', auth: 'gate-identity', digest: DIGEST });
    expect(seen).toEqual(expect.arrayContaining(['POST /oauth2/exchange', 'POST /oauth2/token']));
  });

  it('attribute bodies: tag digest + readEnabled; a manifest list without quarantineState', () => {
    const tag = rec('acr-acrv1-tag-attributes-200');
    expect(parseTagAttributes(JSON.stringify(tag.response.body))).toEqual({
      readEnabled: true,
      digest: 'sha256:53f1bbee2f52c39e41682ee1d388285290c5c8a76cc92b42687eecf38e0af3f0',
    });
    const m = rec('acr-acrv1-manifest-attributes-list-200');
    expect(parseManifestAttributes(JSON.stringify(m.response.body))).toEqual({ readEnabled: true });
  });

  it('the relative Link header of a paged tag list names the next page', () => {
    const r = rec('acr-acrv1-tags-paged-link-header-200');
    const link = r.response.headers.link;
    expect(/<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1]).toBe(
      '/acr/v1/library%2Fhello-world/_tags?last=latest&n=1&orderby=',
    );
    const body = JSON.parse(r.response.body as string) as { tags: { changeableAttributes: Record<string, unknown> }[] };
    expect(Object.keys(body.tags[0].changeableAttributes)).toEqual([
      'deleteEnabled',
      'writeEnabled',
      'readEnabled',
      'listEnabled',
    ]);
  });

  it('the anonymous token (capitalised claims, Name "*") grants pull on any repository to the live credential check', () => {
    const r = rec('acr-anonymous-token-for-delete-scope-200');
    const token = (r.response.body as { access_token: string }).access_token;
    const claims = decodeJwtClaims(token);
    expect(claims?.access).toEqual(r.decoded_access_claim);
    expect(claims?.sub).toBe('acr_anon_pull');
    expect(Number(claims?.exp) - Number(claims?.iat)).toBe(1200);
    expect(grantedPull(token, 'library/hello-world', 'yallacrtestsanon.azurecr.io')).toEqual({ state: 'works' });
    expect(grantedPull(token, 'orders-api', 'yallacrtestsanon.azurecr.io')).toEqual({ state: 'works' });
  });
});

// ---- the emulator beside the recordings: same keys, casing and statuses ------------------------------------------

const SUB = '11111111-1111-1111-1111-111111111111';
const D = `sha256:${'a'.repeat(64)}`;
const world = parseWorld(
  `apiVersion: aks-pull-gate/v1
kind: World
now: "2026-11-21T00:00:00Z"
azure:
  subscriptions: [{subscriptionId: "${SUB}", tenantId: "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"}]
  resources:
    - id: /subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/anonacr
      name: anonacr
      type: Microsoft.ContainerRegistry/registries
      location: westeurope
      properties: {loginServer: anonacr.azurecr.io, anonymousPullEnabled: true, adminUserEnabled: false}
registries:
  anonacr.azurecr.io:
    repositories:
      library/hello-world:
        tags: {latest: "${D}"}
        manifests: {"${D}": {platforms: [linux/amd64]}}
`,
  'replay-world.yaml',
);

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator(world, { latencyMs: 0 });
});
afterAll(async () => {
  await emu.close();
});

const E = 'https://anonacr.azurecr.io';
const keysDeep = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.length ? [keysDeep(v[0])] : [];
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, keysDeep((v as Record<string, unknown>)[k])]),
    );
  return typeof v;
};
const challengeParams = (h: string | null): string[] => [...(h ?? '').matchAll(/(\w+)="/g)].map((m) => m[1]).sort();

async function anonToken(scope: string): Promise<string> {
  const res = await emu.fetch(`${E}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `service=anonacr.azurecr.io&scope=${encodeURIComponent(scope)}&grant_type=password`,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('the emulator answers like the recordings (keys, casing, statuses; values ignored)', () => {
  it('anonymous token: 200 {access_token}; claims sub acr_anon_pull, access [{Type, Name: "*", Actions: [pull]}], 1200 s', async () => {
    const r = rec('acr-anonymous-token-for-delete-scope-200');
    const token = await anonToken('repository:library/hello-world:delete');
    const claims = decodeJwtClaims(token)!;
    expect(claims.access).toEqual(r.decoded_access_claim);
    expect(claims.sub).toBe('acr_anon_pull');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(1200);
  });

  it('unauthenticated manifest GET: 401 with realm/service/scope and capitalised detail keys', async () => {
    const r = rec('acr-manifest-get-401-challenge');
    const res = await emu.fetch(`${E}/v2/library/hello-world/manifests/${D}`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(res.status).toBe(r.response.status);
    expect(challengeParams(res.headers.get('www-authenticate'))).toEqual(
      challengeParams(r.response.headers['WWW-Authenticate']),
    );
    expect(keysDeep(await res.json())).toEqual(keysDeep(r.response.body));
  });

  it('a token lacking the action: 401 with error="insufficient_scope", same body keys', async () => {
    const r = rec('acr-insufficient-scope-401');
    const token = await anonToken('repository:library/hello-world:delete');
    // The anonymous token grants pull only; the emulator's /acr/v1 needs metadata_read, so ask there.
    const res = await emu.fetch(`${E}/acr/v1/library/hello-world/_tags/latest`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(challengeParams(res.headers.get('www-authenticate'))).toEqual(
      challengeParams(r.response.headers['WWW-Authenticate']),
    );
    expect(keysDeep(await res.json())).toEqual(keysDeep(JSON.parse(r.response.body as string)));
  });

  it('/acr/v1 without a token: 401 asking metadata_read, like the recording', async () => {
    const r = rec('acr-acrv1-manifest-attributes-401-metadata-read');
    const res = await emu.fetch(`${E}/acr/v1/library/hello-world/_manifests/${D}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain(':metadata_read"');
    expect(keysDeep(await res.json())).toEqual(keysDeep(r.response.body));
  });

  it('the anonymous pull itself: the manifest with the anonymous token answers 200 with digest, content type and quoted ETag', async () => {
    const r = rec('acr-manifest-get-docker-v2-with-oci-accept-200');
    const token = await anonToken('repository:library/hello-world:pull');
    const res = await emu.fetch(`${E}/v2/library/hello-world/manifests/${D}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(res.status).toBe(r.response.status);
    for (const h of ['content-type', 'docker-content-digest', 'docker-distribution-api-version', 'etag'])
      expect(res.headers.get(h), h).toBeTruthy();
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
    expect(Object.keys((await res.json()) as object).sort()).toEqual(Object.keys(r.response.body as object).sort());
  });

  it('an unknown repository: 404 NAME_UNKNOWN with detail {name}', async () => {
    const r = rec('acr-acrv1-repository-NAME_UNKNOWN-404');
    const token = await anonToken('repository:not_real_repo:pull');
    const res = await emu.fetch(`${E}/v2/not_real_repo/manifests/latest`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    expect(keysDeep(await res.json())).toEqual(keysDeep(r.response.body));
  });

  it('an unknown digest: 404 MANIFEST_UNKNOWN "manifest unknown" without detail', async () => {
    const r = rec('acr-acrv1-manifest-MANIFEST_UNKNOWN-404');
    const token = await anonToken('repository:library/hello-world:pull');
    const res = await emu.fetch(`${E}/v2/library/hello-world/manifests/sha256:${'b'.repeat(64)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(keysDeep(body)).toEqual(keysDeep(r.response.body));
    expect(body).toEqual(r.response.body);
  });

  it('an upper-case repository name: a text/plain 404 without a challenge', async () => {
    const r = rec('acr-acrv1-uppercase-repo-404-text-plain');
    const res = await emu.fetch(`${E}/acr/v1/Nonexistent/_tags/Nonexistent`);
    expect(res.status).toBe(404);
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(res.headers.get('content-type')).toBe(r.response.headers['Content-Type']);
    expect(await res.text()).toBe(r.response.body);
  });

  it('the exchange answers {refresh_token} and the refresh grant {access_token}, without expires_in', async () => {
    expect(Object.keys(rec('acr-oauth2-exchange-200').response.body as object)).toEqual(['refresh_token']);
    expect(Object.keys(rec('acr-oauth2-token-refresh-grant-200').response.body as object)).toEqual(['access_token']);
    // The emulator's exchange needs an emulator-issued Entra token: a foreign one is refused with the challenge.
    const res = await emu.fetch(`${E}/oauth2/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=access_token&service=anonacr.azurecr.io&access_token=SecretPlaceholder',
    });
    expect(res.status).toBe(401);
  });
});
