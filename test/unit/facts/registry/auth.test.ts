// Pure pieces of the registry client: WWW-Authenticate parsing, the credential policy, nearest tags, manifest parsing.
import { describe, expect, it } from 'vitest';
import { challengeFrom, credentialKey, parseWwwAuthenticate } from '../../../../src/facts/registry/auth.js';
import {
  mayReceiveCredential,
  mayUseRealm,
  registrableDomain,
  registryEndpointHost,
} from '../../../../src/facts/registry/credential-policy.js';
import { retryAfterMs } from '../../../../src/facts/registry/http.js';
import { parseManifest, platformFromConfig } from '../../../../src/facts/registry/manifests.js';
import { nearestTags } from '../../../../src/lib/nearest-tags.js';

describe('WWW-Authenticate', () => {
  it("reads Docker Hub's Bearer challenge with a quoted scope holding commas", () => {
    const [c] = parseWwwAuthenticate(
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull,push"',
    );
    expect(c).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/nginx:pull,push',
      },
    });
  });
  it('reads Basic and picks Bearer when both are offered', () => {
    expect(parseWwwAuthenticate('Basic realm="Registry Realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
    ]);
    const c = challengeFrom('Basic realm="x", Bearer realm="https://r.example/token",service=r', 'r.example');
    expect(c).toMatchObject({ kind: 'bearer', service: 'r' });
  });
  it('rejects a Bearer challenge without a realm as a protocol error', () => {
    expect(challengeFrom('Bearer service="x"', 'r.example')).toMatchObject({ kind: 'protocol' });
  });
  it('keys credentials without holding the secret', () => {
    const k = credentialKey({ kind: 'basic', username: 'u', password: 'topsecret' });
    expect(k).not.toContain('topsecret');
    expect(k).not.toBe(credentialKey({ kind: 'basic', username: 'u', password: 'other' }));
  });
});

describe('credential policy', () => {
  const ok = { ok: true };
  it('sends Docker Hub credentials to auth.docker.io, and serves docker.io at registry-1.docker.io', () => {
    expect(mayReceiveCredential('docker.io', new URL('https://auth.docker.io/token'))).toEqual(ok);
    expect(registryEndpointHost('docker.io')).toBe('registry-1.docker.io');
  });
  it('accepts the registry host itself and a same-domain realm', () => {
    expect(mayReceiveCredential('prodacr.azurecr.io', new URL('https://prodacr.azurecr.io/oauth2/token'))).toEqual(ok);
    expect(mayReceiveCredential('ghcr.io', new URL('https://ghcr.io/token'))).toEqual(ok);
    expect(mayReceiveCredential('registry.example.com', new URL('https://auth.example.com/token'))).toEqual(ok);
  });
  it('refuses another ACR under the shared azurecr.io suffix', () => {
    expect(registrableDomain('prodacr.azurecr.io')).toBe('prodacr.azurecr.io');
    expect(mayReceiveCredential('prodacr.azurecr.io', new URL('https://evil.azurecr.io/oauth2/token')).ok).toBe(false);
  });
  it('refuses a realm on another domain, and plain HTTP off loopback', () => {
    expect(mayReceiveCredential('registry.example.com', new URL('https://collector.evil.test/token'))).toMatchObject({
      ok: false,
    });
    expect(mayReceiveCredential('registry.example.com', new URL('http://registry.example.com/token'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not HTTPS'),
    });
    expect(mayReceiveCredential('127.0.0.1:5000', new URL('http://127.0.0.1:5001/token'))).toEqual(ok);
    expect(mayUseRealm(new URL('http://auth.example.com/token')).ok).toBe(false);
  });
  it('compares IP addresses exactly', () => {
    expect(mayReceiveCredential('10.0.0.1:5000', new URL('https://10.0.0.2/token')).ok).toBe(false);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('nearest tags', () => {
  it('names v1.4.1 first when v1.4.2 is missing', () => {
    expect(nearestTags('v1.4.2', ['latest', 'v1.4.0', 'v1.4.1'])).toEqual(['v1.4.1', 'v1.4.0', 'latest']);
  });
  it('prefers the same major.minor, then the same prefix style', () => {
    expect(nearestTags('v2.1.0', ['2.1.1', 'v2.1.1', 'v3.0.0', 'v2.0.9'])).toEqual(['v2.1.1', '2.1.1', 'v2.0.9']);
  });
  it('ranks non-version tags by similarity', () => {
    expect(nearestTags('mian', ['main', 'dev', 'latest'])).toEqual(['main', 'dev', 'latest']);
  });
  it('returns nothing for an empty repository', () => {
    expect(nearestTags('v1', [])).toEqual([]);
  });
});

describe('manifest parsing', () => {
  it('reads an index, skipping attestations and unknown/unknown', () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { digest: 'sha256:1', platform: { os: 'linux', architecture: 'amd64' } },
        { digest: 'sha256:2', platform: { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348.2113' } },
        {
          digest: 'sha256:3',
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    });
    expect(parseManifest(body)).toMatchObject({
      kind: 'index',
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.2113' },
      ],
    });
  });
  it('reads the config digest of an image manifest and the platform of its config', () => {
    const m = parseManifest(
      JSON.stringify({
        schemaVersion: 2,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:c' },
      }),
    );
    expect(m).toMatchObject({ kind: 'image', configDigest: 'sha256:c' });
    expect(platformFromConfig('{"os":"linux","architecture":"arm","variant":"v7"}')).toEqual({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7',
    });
  });
  it('does not throw on garbage', () => {
    expect(parseManifest('<html>')).toMatchObject({ kind: 'unknown' });
    expect(platformFromConfig('null')).toBeUndefined();
  });
});
