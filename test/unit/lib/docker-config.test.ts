import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  keyMatchesImage,
  keyringKey,
  lookupCredentials,
  parsePullSecret,
  type DockerCredential,
} from '../../../src/lib/docker-config.js';
import type { ManifestSecret } from '../../../src/types/index.js';

// Vendored from the shared material (test/fixtures/material/README.md): a clean clone has everything it reads.
const MATERIAL = new URL('../../fixtures/material/k8s-pull-secrets/dockerconfigjson-secrets.yaml', import.meta.url)
  .pathname;

function materialSecrets(): ManifestSecret[] {
  return parseAllDocuments(readFileSync(MATERIAL, 'utf8')).map((d) => {
    const o = d.toJS() as { metadata: { name: string }; type: string; data: Record<string, string> };
    return { name: o.metadata.name, namespace: 'default', type: o.type, data: o.data, origin: 'manifest' };
  });
}

function secret(type: string | undefined, data: Record<string, string>): ManifestSecret {
  return { name: 's', namespace: 'ns', type, data, origin: 'manifest' };
}

function dockerconfigjson(doc: unknown): ManifestSecret {
  return secret('kubernetes.io/dockerconfigjson', {
    '.dockerconfigjson': Buffer.from(JSON.stringify(doc)).toString('base64'),
  });
}

function cred(key: string): DockerCredential {
  const k = keyringKey(key);
  if (!k) throw new Error(`bad key ${key}`);
  return { key, ...k, username: key, password: 'x' };
}

describe('parsePullSecret on the kubectl- and msi-acrpull-shaped material', () => {
  it('reads username and password from the auth field of a kubectl create secret docker-registry secret', () => {
    const [regcred] = materialSecrets();
    const masked: string[] = [];
    const parsed = parsePullSecret(regcred, (v) => masked.push(v));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.credentials).toHaveLength(1);
    expect(parsed.credentials[0]).toMatchObject({
      key: 'myregistry.azurecr.io',
      matchKey: 'myregistry.azurecr.io',
      server: 'myregistry.azurecr.io',
      username: 'myregistry',
    });
    expect(masked).toContain('EXAMPLEpassword');
    expect(masked).toContain(regcred.data['.dockerconfigjson']);
  });

  it('reads the all-zero-GUID username of an ACR token secret and masks the token', () => {
    const token = materialSecrets()[1];
    const masked: string[] = [];
    const parsed = parsePullSecret(token, (v) => masked.push(v));
    expect(parsed.ok && parsed.credentials[0].username).toBe('00000000-0000-0000-0000-000000000000');
    expect(masked).toContain('eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.EXAMPLE.SIGNATURE');
  });

  it('reports the legacy dockercfg whose auth lacks "user:" as bad-auth-field, which fails the whole pod', () => {
    const legacy = materialSecrets()[2];
    const parsed = parsePullSecret(legacy, () => {});
    expect(parsed).toMatchObject({ ok: false, reason: 'bad-auth-field', blocksAllPaths: true });
  });

  it('reads a legacy dockercfg map without the auths wrapper', () => {
    const s = secret('kubernetes.io/dockercfg', {
      '.dockercfg': Buffer.from(
        JSON.stringify({ 'https://index.docker.io/v1/': { username: 'u', password: 'pw12' } }),
      ).toString('base64'),
    });
    const parsed = parsePullSecret(s, () => {});
    expect(parsed.ok && parsed.credentials[0]).toMatchObject({ matchKey: 'index.docker.io', username: 'u' });
  });
});

describe('parsePullSecret failures', () => {
  it('says wrong-type for an Opaque secret (the kubelet ignores it, other paths still count)', () => {
    expect(parsePullSecret(secret('Opaque', { a: 'YQ==' }), () => {})).toMatchObject({
      ok: false,
      reason: 'wrong-type',
      blocksAllPaths: false,
    });
  });
  it('says missing-key when .dockerconfigjson is absent', () => {
    expect(parsePullSecret(secret('kubernetes.io/dockerconfigjson', {}), () => {})).toMatchObject({
      reason: 'missing-key',
    });
  });
  it('says bad-base64 for data that is not base64', () => {
    expect(
      parsePullSecret(secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': 'not base64!' }), () => {}),
    ).toMatchObject({
      reason: 'bad-base64',
      blocksAllPaths: true,
    });
  });
  it('says bad-json for base64 of something that is not JSON', () => {
    const s = secret('kubernetes.io/dockerconfigjson', {
      '.dockerconfigjson': Buffer.from('{auths:').toString('base64'),
    });
    expect(parsePullSecret(s, () => {})).toMatchObject({ reason: 'bad-json' });
  });
  it('says no-auths for a config without an auths object', () => {
    expect(parsePullSecret(dockerconfigjson({ credsStore: 'desktop' }), () => {})).toMatchObject({
      reason: 'no-auths',
    });
    expect(parsePullSecret(dockerconfigjson({ auths: {} }), () => {})).toMatchObject({ reason: 'no-auths' });
  });
  it('never puts the password into the failure detail', () => {
    const canary = 'CANARY-pw-7f3a91';
    const s = dockerconfigjson({ auths: { 'r.example.com': { auth: Buffer.from(canary).toString('base64') } } });
    const parsed = parsePullSecret(s, () => {});
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain(canary);
  });
});

describe('parsePullSecret fields', () => {
  it('lets auth override username/password like DockerConfigEntry.UnmarshalJSON', () => {
    const s = dockerconfigjson({
      auths: { 'r.io': { username: 'a', password: 'b', auth: Buffer.from('user:pa:ss').toString('base64') } },
    });
    const parsed = parsePullSecret(s, () => {});
    expect(parsed.ok && parsed.credentials[0]).toMatchObject({ username: 'user', password: 'pa:ss' });
  });
  it('accepts an unpadded auth field (Go RawStdEncoding)', () => {
    const auth = Buffer.from('ab:c').toString('base64').replace(/=+$/, '');
    const parsed = parsePullSecret(dockerconfigjson({ auths: { 'r.io': { auth } } }), () => {});
    expect(parsed.ok && parsed.credentials[0].password).toBe('c');
  });
  it('masks passwords given as username/password fields', () => {
    const masked: string[] = [];
    parsePullSecret(
      dockerconfigjson({ auths: { 'r.io': { username: 'u', password: 'CANARY-plain-password' } } }),
      (v) => masked.push(v),
    );
    expect(masked).toContain('CANARY-plain-password');
  });
});

describe('keyringKey, as the kubelet indexes registry keys', () => {
  it.each([
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['index.docker.io', 'index.docker.io'],
    ['http://registry.local:5000/v2/', 'registry.local:5000'],
    ['prodacr.azurecr.io/team/app', 'prodacr.azurecr.io/team/app'],
    ['https://prodacr.azurecr.io/', 'prodacr.azurecr.io'],
    ['*.azurecr.io', '*.azurecr.io'],
  ])('%s -> %s', (key, expected) => {
    expect(keyringKey(key)?.matchKey).toBe(expected);
  });
});

describe('lookupCredentials, as the kubelet picks credentials for an image', () => {
  it('matches a glob host *.azurecr.io but not a host with more labels', () => {
    expect(keyMatchesImage('*.azurecr.io', 'prodacr.azurecr.io/orders-api')).toBe(true);
    expect(keyMatchesImage('*.azurecr.io', 'a.b.azurecr.io/orders-api')).toBe(false);
  });
  it('requires the same port', () => {
    expect(keyMatchesImage('registry.local:5000', 'registry.local/app')).toBe(false);
    expect(keyMatchesImage('registry.local:5000', 'registry.local:5000/app')).toBe(true);
  });
  it('treats a key path as a prefix of the repository path', () => {
    expect(keyMatchesImage('prodacr.azurecr.io/team', 'prodacr.azurecr.io/team/app')).toBe(true);
    expect(keyMatchesImage('prodacr.azurecr.io/team', 'prodacr.azurecr.io/other/app')).toBe(false);
  });
  it('tries the longest (most specific) key first', () => {
    const creds = [cred('prodacr.azurecr.io'), cred('prodacr.azurecr.io/team'), cred('*.azurecr.io')];
    const order = lookupCredentials(creds, { registry: 'prodacr.azurecr.io', repository: 'team/app' }).map(
      (c) => c.key,
    );
    expect(order).toEqual(['prodacr.azurecr.io/team', 'prodacr.azurecr.io', '*.azurecr.io']);
  });
  it('uses the https://index.docker.io/v1/ key for a Docker Hub image', () => {
    const creds = [cred('https://index.docker.io/v1/')];
    expect(lookupCredentials(creds, { registry: 'docker.io', repository: 'library/nginx' })).toHaveLength(1);
  });
  it('finds no credential for another registry', () => {
    const creds = [cred('prodacr.azurecr.io')];
    expect(lookupCredentials(creds, { registry: 'ghcr.io', repository: 'org/app' })).toEqual([]);
    expect(lookupCredentials(creds, { registry: 'docker.io', repository: 'library/nginx' })).toEqual([]);
  });
});
