// The image rules as pure functions: each fires on the result that should trigger it and stays quiet on a healthy one.
import { describe, expect, it } from 'vitest';
import { checkImages, platformMatches, platformsForUse } from '../../../src/checks/images.js';
import type { ImageCheck } from '../../../src/facts/registry/client.js';
import type { ImageReference, ImageUse, Platform } from '../../../src/types/index.js';

const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64' };

function ref(registry: string, repository: string, tag?: string, digest?: string): ImageReference {
  const normalized = `${registry}/${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  const r: ImageReference = { original: normalized, registry, repository, normalized };
  if (tag) r.tag = tag;
  if (digest) r.digest = digest;
  return r;
}

function use(r: ImageReference, constraints: ImageUse['constraints'] = {}, line = 21): ImageUse {
  return {
    image: r.original,
    ref: r,
    location: { file: 'k8s/app.yaml', line, column: 16 },
    workload: { kind: 'Deployment', name: 'orders', namespace: 'prod' },
    container: 'orders',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints,
  };
}

const orders = ref('prodacr.azurecr.io', 'orders-api', 'v1.4.2');
const run = (u: ImageUse[], result: ImageCheck, defaults: Platform[] = [AMD64]) =>
  checkImages(u, new Map([[orders.normalized, result]]), defaults);

describe('platformsForUse', () => {
  it('uses the defaults for an unpinned pod', () => {
    expect(platformsForUse(use(orders), [AMD64])).toEqual([AMD64]);
  });
  it('lets a pod pinned to arm64 replace defaults that have no arm64', () => {
    expect(platformsForUse(use(orders, { arch: ['arm64'] }), [AMD64])).toEqual([ARM64]);
  });
  it('narrows defaults to the pinned os, keeping the default Windows build', () => {
    const win: Platform = { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348' };
    expect(platformsForUse(use(orders, { os: ['windows'] }), [AMD64, win])).toEqual([win]);
  });
  it('intersects an arch list with the defaults', () => {
    expect(platformsForUse(use(orders, { arch: ['amd64', 'arm64'] }), [AMD64, ARM64])).toEqual([AMD64, ARM64]);
    expect(platformsForUse(use(orders, { arch: ['arm64'] }), [AMD64, ARM64])).toEqual([ARM64]);
  });
});

describe('platformMatches', () => {
  it('treats arm64 and arm64/v8 as the same platform', () => {
    expect(platformMatches(ARM64, { ...ARM64, variant: 'v8' })).toBe(true);
  });
  it('tells arm/v6 from arm/v7', () => {
    expect(
      platformMatches(
        { os: 'linux', architecture: 'arm', variant: 'v7' },
        { os: 'linux', architecture: 'arm', variant: 'v6' },
      ),
    ).toBe(false);
  });
  it('compares Windows builds by prefix, not revision', () => {
    const node: Platform = { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348' };
    expect(platformMatches(node, { ...node, osVersion: '10.0.20348.2113' })).toBe(true);
    expect(platformMatches(node, { ...node, osVersion: '10.0.17763.5458' })).toBe(false);
  });
});

describe('checkImages', () => {
  it('stays quiet on an ok image that offers the pod platform', () => {
    expect(run([use(orders)], { status: 'ok', platforms: [AMD64] })).toEqual([]);
  });

  it('reports image-platform-missing for an amd64-only image used by a pod pinned to arm64, and nothing for the unpinned pod', () => {
    const findings = run([use(orders, { arch: ['arm64'] }, 30), use(orders, {}, 40)], {
      status: 'ok',
      digest: 'sha256:abc',
      platforms: [AMD64],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'image-platform-missing',
      severity: 'error',
      image: orders.normalized,
      registry: 'prodacr.azurecr.io',
      location: { file: 'k8s/app.yaml', line: 30, column: 16 },
      remediation:
        'docker buildx build --platform linux/amd64,linux/arm64 -t prodacr.azurecr.io/orders-api:v1.4.2 --push .',
    });
  });

  it('reports a Windows image built for another OS build as image-platform-missing', () => {
    const node: Platform = { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348' };
    const f = run(
      [use(orders, { os: ['windows'] })],
      { status: 'ok', platforms: [{ ...node, osVersion: '10.0.17763.5458' }] },
      [node],
    );
    expect(f.map((x) => x.rule)).toEqual(['image-platform-missing']);
    expect(f[0]?.message).toContain('windows/amd64:10.0.20348');
  });

  it('does not judge platforms it could not read', () => {
    expect(run([use(orders, { arch: ['arm64'] })], { status: 'ok', reason: 'platforms unknown' })).toEqual([]);
  });

  it('reports image-not-found naming the nearest tags and the fix', () => {
    const [f] = run([use(orders)], { status: 'not-found', nearestTags: ['v1.4.1', 'v1.4.0', 'latest'] });
    expect(f?.rule).toBe('image-not-found');
    expect(f?.message).toContain('nearest existing tags: v1.4.1, v1.4.0, latest');
    expect(f?.remediation).toBe(
      'change the tag to v1.4.1 in k8s/app.yaml:21, or push it: docker push prodacr.azurecr.io/orders-api:v1.4.2',
    );
  });

  it('reports repository-not-found with a push or import command', () => {
    const [f] = run([use(orders)], { status: 'repository-not-found' });
    expect(f?.rule).toBe('repository-not-found');
    expect(f?.remediation).toContain('docker push prodacr.azurecr.io/orders-api:v1.4.2');
    expect(f?.remediation).toContain('az acr import --name prodacr');
  });

  it('reports image-unverifiable naming the ACR role the gate lacks on 401/403', () => {
    for (const status of ['unauthorized', 'denied'] as const) {
      const [f] = run([use(orders)], {
        status,
        acr: true,
        reason: 'prodacr.azurecr.io denied pull of orders-api (403)',
      });
      expect(f?.rule).toBe('image-unverifiable');
      expect(f?.severity).toBe('warning');
      expect(f?.message).toContain('AcrPull or Container Registry Repository Reader on prodacr');
    }
  });

  it('reports image-unverifiable with the reason for a timeout, without an ACR role hint on other registries', () => {
    const ghcr = ref('ghcr.io', 'org/app', 'v1');
    const f = checkImages(
      [use(ghcr)],
      new Map([[ghcr.normalized, { status: 'unverifiable', reason: 'ghcr.io: request timed out' } as ImageCheck]]),
      [AMD64],
    );
    expect(f[0]?.message).toBe('ghcr.io/org/app:v1 could not be checked: ghcr.io: request timed out');
  });

  it('reports image-read-disabled for a locked tag with the az command that unlocks it', () => {
    const [f, ...rest] = run([use(orders)], {
      status: 'ok',
      platforms: [AMD64],
      attributes: { tagReadEnabled: false, readEnabled: true },
    });
    expect(rest).toEqual([]);
    expect(f?.rule).toBe('image-read-disabled');
    expect(f?.remediation).toBe(
      'az acr repository update --name prodacr --image orders-api:v1.4.2 --read-enabled true',
    );
  });

  it('reports image-read-disabled for a locked manifest even when the registry answered not found', () => {
    const [f] = run([use(orders)], { status: 'not-found', digest: 'sha256:aa', attributes: { readEnabled: false } });
    expect(f?.rule).toBe('image-read-disabled');
    expect(f?.remediation).toBe(
      'az acr repository update --name prodacr --image orders-api@sha256:aa --read-enabled true',
    );
  });

  it('reports image-quarantined when the registry refused a manifest that is not Passed', () => {
    const held = { quarantineState: 'Quarantined' };
    const [f] = run([use(orders)], { status: 'denied', digest: 'sha256:aa', attributes: held });
    expect(f?.rule).toBe('image-quarantined');
    expect(f?.remediation).toContain('/acr/v1/orders-api/_manifests/sha256:aa');
    expect(
      run([use(orders)], { status: 'denied', digest: 'sha256:aa', attributes: { quarantineState: 'Passed' } })[0]?.rule,
    ).toBe('image-unverifiable');
  });

  it('stays quiet on a leftover quarantine state when the registry serves the manifest (policy off)', () => {
    const held = { quarantineState: 'Quarantined' };
    expect(run([use(orders)], { status: 'ok', platforms: [AMD64], digest: 'sha256:aa', attributes: held })).toEqual([]);
  });

  it('gives one finding per use, at each use location, and skips uses without a result or a reference', () => {
    const noRef = { ...use(orders), ref: undefined } as ImageUse;
    const other = use(ref('docker.io', 'library/nginx', 'latest'));
    const f = run([use(orders, {}, 5), use(orders, {}, 9), noRef, other], { status: 'repository-not-found' });
    expect(f.map((x) => x.location?.line)).toEqual([5, 9]);
  });
});
