// The registry client and the image rules against Debian's real docker-registry (CNCF distribution 2.8.2),
// started here on 127.0.0.1 with TLS in three modes: no auth, htpasswd Basic, and token auth with a test realm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImages } from '../../src/checks/images.js';
import { RegistryClient, type ImageCheck, type RegistryCredential } from '../../src/facts/registry/client.js';
import type { ImageReference, ImageUse, Platform } from '../../src/types/index.js';
import type { WireRequest } from '../../src/types/facts/context.js';
import { startDockerRegistry, trustingFetch, type DockerRegistry } from '../helpers/docker-registry.js';
import { pushImage, pushIndex, type PushTarget } from '../helpers/oci-push.js';

const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64' };

function ref(registry: string, repository: string, tag?: string, digest?: string): ImageReference {
  const r: ImageReference = {
    original: '',
    registry,
    repository,
    normalized: `${registry}/${repository}${tag !== undefined ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`,
  };
  if (tag !== undefined) r.tag = tag;
  if (digest !== undefined) r.digest = digest;
  if (tag === undefined && digest === undefined) {
    r.tag = 'latest';
    r.normalized += ':latest';
  }
  r.original = r.normalized;
  return r;
}

function use(r: ImageReference, line: number, constraints: ImageUse['constraints'] = {}): ImageUse {
  return {
    image: r.original,
    ref: r,
    location: { file: 'k8s/app.yaml', line, column: 16 },
    workload: { kind: 'Deployment', name: 'app', namespace: 'prod' },
    container: 'app',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints,
  };
}

interface Started {
  registry: DockerRegistry;
  fetch: typeof globalThis.fetch;
  request: WireRequest;
  close: () => Promise<void>;
  push: PushTarget;
}

async function start(auth: 'none' | 'htpasswd' | 'token', realmHost?: string): Promise<Started> {
  const opts: Parameters<typeof startDockerRegistry>[0] = { auth };
  if (realmHost) opts.realmHost = realmHost;
  const registry = await startDockerRegistry(opts);
  const f = trustingFetch(registry.ca);
  return {
    registry,
    fetch: f.fetch,
    request: f.request,
    close: async () => {
      await f.close();
      await registry.stop();
    },
    push: { base: registry.base, fetch: f.fetch, authorization: registry.pushAuthorization },
  };
}

describe('against the real docker-registry without auth', () => {
  let s: Started;
  let host: string;
  let single: string;
  let byDigestOnly: string;
  beforeAll(async () => {
    s = await start('none');
    host = s.registry.host;
    single = (await pushImage(s.push, 'orders-api', 'v1.4.1', AMD64)).digest;
    await pushImage(s.push, 'orders-api', 'v1.4.0', AMD64);
    await pushImage(s.push, 'orders-api', 'latest', AMD64);
    await pushImage(s.push, 'orders-api', 'v1.3.9', AMD64);
    await pushIndex(s.push, 'multi', 'v2', [AMD64, ARM64], 'oci', { attestation: true });
    await pushIndex(s.push, 'list', 'v3', [AMD64, { ...ARM64, variant: 'v8' }], 'docker');
    await pushImage(s.push, 'docker-single', 'v1', ARM64, 'docker');
    byDigestOnly = (await pushImage(s.push, 'untagged', undefined, AMD64)).digest;
  });
  afterAll(async () => s?.close());

  it('resolves a single-arch OCI image to its digest and reads linux/amd64 from the config blob', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(host, 'orders-api', 'v1.4.1'));
    expect(r).toMatchObject({ status: 'ok', digest: single, platforms: [AMD64] });
    expect(r.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
  });

  it('lists both platforms of an OCI index and leaves out the BuildKit attestation entry', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(host, 'multi', 'v2'));
    expect(r.status).toBe('ok');
    expect(r.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(r.platforms).toEqual([AMD64, ARM64]);
  });

  it('lists the platforms of a Docker manifest list, variant included', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(host, 'list', 'v3'));
    expect(r.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
    expect(r.platforms).toEqual([AMD64, { ...ARM64, variant: 'v8' }]);
  });

  it('reads a Docker v2 single-arch image', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    expect(await c.checkImage(ref(host, 'docker-single', 'v1'))).toMatchObject({ status: 'ok', platforms: [ARM64] });
  });

  it('finds an image pushed by digest only, and reports a digest that was never pushed as not found (not as a missing repository)', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    expect(await c.checkImage(ref(host, 'untagged', undefined, byDigestOnly))).toMatchObject({
      status: 'ok',
      digest: byDigestOnly,
    });
    const missing = `sha256:${'0'.repeat(64)}`;
    expect((await c.checkImage(ref(host, 'untagged', undefined, missing))).status).toBe('not-found');
  });

  it('names v1.4.1 first when v1.4.2 was never pushed', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(host, 'orders-api', 'v1.4.2'));
    expect(r.status).toBe('not-found');
    expect(r.nearestTags).toEqual(['v1.4.1', 'v1.4.0', 'v1.3.9']);
  });

  it('tells a missing repository from a missing tag', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(host, 'oders-api', 'v1.4.1'));
    expect(r.status).toBe('repository-not-found');
    expect(r.reason).toContain('oders-api');
  });

  it('fires image-not-found, repository-not-found and image-platform-missing, each with a remediation, and stays quiet on healthy images', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const refs = {
      healthy: ref(host, 'orders-api', 'v1.4.1'),
      multi: ref(host, 'multi', 'v2'),
      missingTag: ref(host, 'orders-api', 'v1.4.2'),
      missingRepo: ref(host, 'oders-api', 'v1.4.1'),
    };
    const uses = [
      use(refs.healthy, 10),
      use(refs.healthy, 11, { arch: ['arm64'] }),
      use(refs.multi, 12, { arch: ['arm64'] }),
      use(refs.multi, 13),
      use(refs.missingTag, 14),
      use(refs.missingRepo, 15),
    ];
    const results = new Map<string, ImageCheck>();
    for (const r of Object.values(refs)) results.set(r.normalized, await c.checkImage(r));
    const findings = checkImages(uses, results, [AMD64]);
    expect(findings.map((f) => [f.rule, f.location?.line])).toEqual([
      ['image-platform-missing', 11],
      ['image-not-found', 14],
      ['repository-not-found', 15],
    ]);
    for (const f of findings) {
      expect(f.severity).toBe('error');
      expect(f.registry).toBe(host);
      expect(f.remediation).toBeTruthy();
    }
    expect(findings[0]?.remediation).toBe(
      `docker buildx build --platform linux/amd64,linux/arm64 -t ${host}/orders-api:v1.4.1 --push .`,
    );
    expect(findings[1]?.message).toContain('v1.4.1, v1.4.0');
    expect(findings[1]?.remediation).toContain('change the tag to v1.4.1 in k8s/app.yaml:14');
    expect(findings[2]?.remediation).toBe(`docker push ${host}/oders-api:v1.4.1`);
  });

  it('checks each unique image once, also when 20 pods ask at the same time, and counts requests by kind', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = ref(host, 'multi', 'v2');
    const all = await Promise.all(Array.from({ length: 20 }, () => c.checkImage(r)));
    expect(new Set(all.map((x) => x.digest)).size).toBe(1);
    expect(c.requestCounts()).toMatchObject({
      ping: 1,
      token: 0,
      'manifest-get': 1,
      blob: 0,
      tags: 0,
    });
  });

  it('measures requests per unique image and wall time for 100 images', async () => {
    const tags = Array.from({ length: 25 }, (_, i) => `v1.${i}.0`);
    const repos = ['bench-a', 'bench-b', 'bench-c', 'bench-d'];
    for (const repo of repos) {
      const idx = await pushIndex(s.push, repo, undefined, [AMD64, ARM64]);
      const one = await pushImage(s.push, repo, undefined, AMD64);
      // Half the tags are multi-arch, half single-arch, as in a real fleet.
      for (const [i, tag] of tags.entries()) {
        const body = await s.fetch(
          new URL(`/v2/${repo}/manifests/${i % 2 ? idx.digest : one.digest}`, s.registry.base),
          {
            headers: { accept: i % 2 ? idx.mediaType : one.mediaType },
          },
        );
        const text = await body.text();
        const put = await s.fetch(new URL(`/v2/${repo}/manifests/${tag}`, s.registry.base), {
          method: 'PUT',
          headers: { 'content-type': i % 2 ? idx.mediaType : one.mediaType },
          body: text,
        });
        expect(put.status).toBe(201);
        await put.body?.cancel();
      }
    }
    const refs = repos.flatMap((repo) => tags.map((t) => ref(host, repo, t)));
    expect(refs).toHaveLength(100);
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const t0 = performance.now();
    const results = await Promise.all(refs.map((r) => c.checkImage(r)));
    const ms = performance.now() - t0;
    expect(results.every((r) => r.status === 'ok' && r.platforms !== undefined)).toBe(true);
    const counts = c.requestCounts();
    // Every image: one manifest GET (no HEAD first); config blobs only for single-arch digests not seen before.
    expect(counts['manifest-head'] ?? 0).toBe(0);
    expect(counts['manifest-get']).toBe(100);
    expect(counts.blob).toBe(4);
    expect(counts.ping).toBe(1);
    const total = Object.entries(counts)
      .filter(([k]) => k !== 'retries')
      .reduce((a, [, v]) => a + v, 0);
    console.info(
      `100 images, 4 repositories, no auth: ${ms.toFixed(0)} ms, ${total} requests (${(total / 100).toFixed(2)} per image): ${JSON.stringify(counts)}`,
    );
    expect(ms).toBeLessThan(10_000);
  });
});

describe('against the real docker-registry with htpasswd Basic auth', () => {
  let s: Started;
  let cred: RegistryCredential;
  beforeAll(async () => {
    s = await start('htpasswd');
    const u = s.registry.users[0];
    if (!u) throw new Error('no user');
    cred = { kind: 'basic', username: u.username, password: u.password };
    await pushImage(s.push, 'private/app', 'v1', AMD64);
  });
  afterAll(async () => s?.close());

  it('reads the image with the right password', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    expect(await c.checkImage(ref(s.registry.host, 'private/app', 'v1'), cred)).toMatchObject({
      status: 'ok',
      auth: 'credential',
      platforms: [AMD64],
    });
  });

  it('reports unauthorized, not not-found, when no credential is given', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(s.registry.host, 'private/app', 'v1'));
    expect(r.status).toBe('unauthorized');
    expect(r.reason).toContain('no credential was given');
  });

  it('reports a wrong password as unauthorized, and the password appears nowhere in the result or finding', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const bad: RegistryCredential = { kind: 'basic', username: 'pusher', password: 'hunter2-wrong-secret' };
    const r = ref(s.registry.host, 'private/app', 'v1');
    const result = await c.checkImage(r, bad);
    expect(result.status).toBe('unauthorized');
    const findings = checkImages([use(r, 3)], new Map([[r.normalized, result]]), [AMD64]);
    expect(findings.map((f) => f.rule)).toEqual(['image-unverifiable']);
    expect(findings[0]?.severity).toBe('warning');
    expect(JSON.stringify([result, findings])).not.toContain('hunter2-wrong-secret');
  });

  it('uses the credential from credentialFor when checkImage is given none', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request, credentialFor: () => Promise.resolve(cred) });
    expect((await c.checkImage(ref(s.registry.host, 'private/app', 'v1'))).status).toBe('ok');
  });
});

describe('against the real docker-registry with token auth', () => {
  let s: Started;
  let cred: RegistryCredential;
  beforeAll(async () => {
    s = await start('token');
    const u = s.registry.users[0];
    if (!u) throw new Error('no user');
    cred = { kind: 'basic', username: u.username, password: u.password };
    await pushImage(s.push, 'public/tool', 'v1', AMD64);
    await pushIndex(s.push, 'team/api', 'v2', [AMD64, ARM64]);
    s.registry.tokenServer?.refreshTokens.add('refresh-token-secret-value');
  });
  afterAll(async () => s?.close());

  it('gets an anonymous token for a public repository', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    expect(await c.checkImage(ref(s.registry.host, 'public/tool', 'v1'))).toMatchObject({
      status: 'ok',
      auth: 'anonymous',
    });
    expect(c.requestCounts()).toMatchObject({ ping: 1, token: 1, 'manifest-get': 1, blob: 1 });
  });

  it('reports unauthorized for a private repository without a credential', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    expect((await c.checkImage(ref(s.registry.host, 'team/api', 'v2'))).status).toBe('unauthorized');
  });

  it('gets the token with Basic credentials and reuses it for every tag of the repository', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const host = s.registry.host;
    expect(await c.checkImage(ref(host, 'team/api', 'v2'), cred)).toMatchObject({
      status: 'ok',
      platforms: [AMD64, ARM64],
    });
    expect(await c.checkImage(ref(host, 'team/api', 'v9'), cred)).toMatchObject({
      status: 'not-found',
      nearestTags: ['v2'],
    });
    expect(c.requestCounts().token).toBe(1);
  });

  it('gets the token with a refresh token (POST grant_type=refresh_token)', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(s.registry.host, 'team/api', 'v2'), {
      kind: 'refresh-token',
      token: 'refresh-token-secret-value',
    });
    expect(r.status).toBe('ok');
    expect(s.registry.tokenServer?.requests.some((q) => q.grantType === 'refresh_token')).toBe(true);
  });

  it('measures requests per unique image and wall time for 100 distinct images in 10 repositories with token auth', async () => {
    const repos = Array.from({ length: 10 }, (_, i) => `fleet/svc-${i}`);
    await Promise.all(
      repos.map(async (repo) => {
        for (let i = 0; i < 10; i++) {
          if (i % 2) await pushIndex(s.push, repo, `v1.${i}.0`, [AMD64, ARM64]);
          else await pushImage(s.push, repo, `v1.${i}.0`, AMD64);
        }
      }),
    );
    const refs = repos.flatMap((repo) => Array.from({ length: 10 }, (_, i) => ref(s.registry.host, repo, `v1.${i}.0`)));
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const t0 = performance.now();
    const results = await Promise.all(refs.map((r) => c.checkImage(r, cred)));
    const ms = performance.now() - t0;
    expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
    const counts = c.requestCounts();
    // One token per repository; one manifest GET per image; a config blob for each single-arch image.
    expect(counts).toMatchObject({ ping: 1, token: 10, 'manifest-get': 100, blob: 50, tags: 0 });
    expect(counts['manifest-head'] ?? 0).toBe(0);
    const total = Object.entries(counts)
      .filter(([k]) => k !== 'retries')
      .reduce((a, [, v]) => a + v, 0);
    console.info(
      `100 distinct images, 10 repositories, token auth: ${ms.toFixed(0)} ms, ${total} requests (${(total / 100).toFixed(2)} per image): ${JSON.stringify(counts)}`,
    );
    expect(ms).toBeLessThan(15_000);
  });

  it('reports a rejected password at the token endpoint as unauthorized', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const r = await c.checkImage(ref(s.registry.host, 'team/api', 'v2'), {
      kind: 'basic',
      username: 'pusher',
      password: 'nope',
    });
    expect(r).toMatchObject({ status: 'unauthorized' });
    expect(r.reason).toContain('rejected the credential');
  });
});

describe('a real registry whose token realm is on another host', () => {
  let s: Started;
  beforeAll(async () => {
    // The registry is 127.0.0.1; its challenge names https://localhost:<port>/token, another host.
    s = await start('token', 'localhost');
    await pushImage(s.push, 'public/tool', 'v1', AMD64);
  });
  afterAll(async () => s?.close());

  it('never sends the Basic password or the refresh token to the foreign realm and says why', async () => {
    const c = new RegistryClient({ fetch: s.fetch, request: s.request });
    const host = s.registry.host;
    const basic = await c.checkImage(ref(host, 'public/tool', 'v1'), {
      kind: 'basic',
      username: 'pusher',
      password: 'pw-secret',
    });
    const rt = await c.checkImage(ref(host, 'public/tool', 'v1'), { kind: 'refresh-token', token: 'rt-secret' });
    for (const r of [basic, rt]) {
      expect(r.status).toBe('unverifiable');
      expect(r.failure).toBe('credential-refused');
      expect(r.reason).toMatch(/token realm https:\/\/localhost:\d+ is neither 127\.0\.0\.1 nor in its domain/);
    }
    expect(s.registry.tokenServer?.requests.filter((q) => q.carriedSecret)).toEqual([]);
    expect(c.requestCounts().token).toBe(0);
  });
});
