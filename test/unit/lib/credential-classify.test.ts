import { describe, expect, it } from 'vitest';
import {
  classifyCredential,
  daysUntil,
  decodeJwtClaims,
  expiryState,
  matchPasswordCredential,
  scopeGrantsPull,
} from '../../../src/lib/credential-classify.js';

function jwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;
}

const NOW = new Date('2026-11-21T00:00:00Z');

describe('classifyCredential', () => {
  it('reads the exp of an ACR refresh token (all-zero GUID username) without verifying it', () => {
    const c = classifyCredential('00000000-0000-0000-0000-000000000000', jwt({ exp: 1_795_000_000 }), {});
    expect(c).toEqual({ kind: 'refresh-token', expiresAt: new Date(1_795_000_000_000).toISOString() });
  });
  it('keeps a refresh token whose password is not a JWT, with no expiry', () => {
    expect(classifyCredential('00000000-0000-0000-0000-000000000000', 'opaque', {})).toEqual({ kind: 'refresh-token' });
  });
  it('recognises the admin user by the registry name, case-insensitively', () => {
    expect(classifyCredential('ProdAcr', 'pw', { registryName: 'prodacr' })).toEqual({
      kind: 'admin-user',
      registryName: 'prodacr',
    });
  });
  it('recognises a scoped token by name', () => {
    expect(classifyCredential('ci-pull', 'pw', { registryName: 'prodacr', tokenNames: ['ci-pull'] })).toEqual({
      kind: 'acr-token',
      tokenName: 'ci-pull',
    });
  });
  it('recognises a service principal by its appId GUID', () => {
    expect(classifyCredential('6F1D2A3B-0000-4000-8000-000000000001', 'pw', { registryName: 'prodacr' })).toEqual({
      kind: 'service-principal',
      appId: '6f1d2a3b-0000-4000-8000-000000000001',
    });
  });
  it('calls anything else other', () => {
    expect(classifyCredential('octocat', 'pw', { registryName: 'prodacr', tokenNames: [] })).toEqual({ kind: 'other' });
  });
});

describe('matchPasswordCredential by Graph hint', () => {
  const creds = [
    { keyId: 'k-old', hint: 'Abc', endDateTime: '2026-10-01T00:00:00Z' },
    { keyId: 'k-new', hint: 'Xyz', endDateTime: '2027-10-01T00:00:00Z' },
  ];
  it('picks the credential whose hint is the first three characters of the secret', () => {
    expect(matchPasswordCredential('Xyz~secret', creds)).toMatchObject({ keyId: 'k-new', candidates: 1 });
    expect(matchPasswordCredential('Abc~secret', creds)).toMatchObject({ keyId: 'k-old', candidates: 1 });
  });
  it('finds none when no hint matches (the secret is not one of the app’s)', () => {
    expect(matchPasswordCredential('Qqq~secret', creds)).toBeUndefined();
  });
  it('takes the latest-ending one when two share a hint, and says how many did', () => {
    const dup = [...creds, { keyId: 'k-dup', hint: 'Abc', endDateTime: '2028-01-01T00:00:00Z' }];
    expect(matchPasswordCredential('Abc~secret', dup)).toMatchObject({ keyId: 'k-dup', candidates: 2 });
  });
});

describe('expiry arithmetic', () => {
  it('tells expired, expiring within the threshold, and ok', () => {
    expect(expiryState('2026-11-20T00:00:00Z', NOW, 30)).toBe('expired');
    expect(expiryState('2026-12-10T00:00:00Z', NOW, 30)).toBe('expiring');
    expect(expiryState('2027-06-01T00:00:00Z', NOW, 30)).toBe('ok');
    expect(expiryState(undefined, NOW, 30)).toBe('ok');
    expect(expiryState('garbage', NOW, 30)).toBe('unknown');
  });
  it('counts whole days left', () => {
    expect(daysUntil('2026-12-01T00:00:00Z', NOW)).toBe(10);
    expect(daysUntil('2026-11-20T12:00:00Z', NOW)).toBe(-1);
  });
  it('decodes base64url JWT claims and rejects non-JWTs', () => {
    expect(decodeJwtClaims(jwt({ exp: 5, tenant: 't' }))).toEqual({ exp: 5, tenant: 't' });
    expect(decodeJwtClaims('a.b')).toBeUndefined();
  });
});

describe('scopeGrantsPull', () => {
  it('grants on an exact repository with content/read', () => {
    expect(scopeGrantsPull(['repositories/orders-api/content/read'], 'orders-api')).toBe(true);
  });
  it('does not grant with metadata/read or content/write only', () => {
    expect(
      scopeGrantsPull(['repositories/orders-api/metadata/read', 'repositories/orders-api/content/write'], 'orders-api'),
    ).toBe(false);
  });
  it('grants through a namespace wildcard repo/* but not to a sibling', () => {
    expect(scopeGrantsPull(['repositories/team/*/content/read'], 'team/api')).toBe(true);
    expect(scopeGrantsPull(['repositories/team/*/content/read'], 'teamwork/api')).toBe(false);
  });
  it('does not grant on another repository', () => {
    expect(scopeGrantsPull(['repositories/billing/content/read'], 'orders-api')).toBe(false);
  });
});
