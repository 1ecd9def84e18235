// Identity bindings find the user-assigned identity behind a ServiceAccount's `kubernetes.azure.com/acr-client-id`
// by listing `Microsoft.ManagedIdentity/userAssignedIdentities` per subscription (src/facts/azure/identity-bindings.ts,
// plain ARM GETs through arm-get.ts), against a loopback ARM stand-in. The list bodies follow the wire shape of the
// Microsoft Learn REST example "User Assigned Identities - List By Subscription" (api-version 2023-01-31): the
// identity's resource fields at the top, `tenantId`, `principalId` and `clientId` under `properties`, ARM's
// `{value, nextLink}` paging. What cannot be listed is Unverifiable with the permission that would allow it, never a
// silent "not found".

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tls from 'node:tls';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { findBoundIdentities } from '../../src/facts/azure/identity-bindings.js';
import type { FactContext } from '../../src/types/facts/context.js';
import { testTls } from '../helpers/docker-registry.js';
import { json, startStubHttps, type StubHttps } from '../helpers/stub-https.js';

const OK_SUB = '11111111-1111-1111-1111-111111111111';
const FORBIDDEN_SUB = '22222222-2222-2222-2222-222222222222';
const NOT_JSON_SUB = '33333333-3333-3333-3333-333333333333';
const OFF_HOST_SUB = '44444444-4444-4444-4444-444444444444';
const list = (sub: string) => `/subscriptions/${sub}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`;
const identity = (name: string, clientId: string, principalId: string) => ({
  id: `/subscriptions/${OK_SUB}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
  name,
  type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  location: 'eastus',
  tags: {},
  properties: { tenantId: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', principalId, clientId },
});

let arm: StubHttps;
const credential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'arm-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

beforeAll(async () => {
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), (await testTls()).cert]);
  arm = await startStubHttps((req, res) => {
    const url = new URL(req.path, 'https://x');
    if (req.headers.authorization !== 'Bearer arm-token')
      return json(res, 401, { error: { code: 'AuthenticationFailed' } });
    if (url.pathname === list(OK_SUB) && !url.searchParams.has('$skiptoken'))
      return json(res, 200, {
        value: [identity('web-pull', 'c0c0c0c0-0000-0000-0000-00000000000a', 'p0000000-0000-0000-0000-00000000000a')],
        nextLink: `${arm.base.origin}${list(OK_SUB)}?api-version=2023-01-31&$skiptoken=page2`,
      });
    if (url.pathname === list(OK_SUB))
      return json(res, 200, {
        value: [
          identity('orders-pull', 'c0c0c0c0-0000-0000-0000-000000000002', 'p0000000-0000-0000-0000-000000000002'),
        ],
      });
    if (url.pathname === list(FORBIDDEN_SUB))
      return json(res, 403, {
        error: {
          code: 'AuthorizationFailed',
          message: 'The client does not have authorization to perform action ...userAssignedIdentities/read.',
        },
      });
    if (url.pathname === list(NOT_JSON_SUB)) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html>gateway</html>');
    }
    if (url.pathname === list(OFF_HOST_SUB))
      return json(res, 200, { value: [], nextLink: `https://127.0.0.2:1${list(OFF_HOST_SUB)}?api-version=2023-01-31` });
    return json(res, 404, { error: { code: 'SubscriptionNotFound', message: 'not found' } });
  });
});

afterAll(() => arm.stop());

function ctx(): FactContext {
  return {
    signal: AbortSignal.timeout(20_000),
    azure: {
      credential,
      endpoints: {
        name: 'stub',
        authorityHost: arm.base.origin,
        resourceManager: arm.base.origin,
        graph: arm.base.origin,
        acrSuffixes: ['.azurecr.io'],
        acrScope: 'https://containerregistry.azure.net/.default',
      },
    },
  } as FactContext;
}

describe('findBoundIdentities', () => {
  it('finds an identity on a later page by its client id, in any case, with its principal and resource id', async () => {
    const out = await findBoundIdentities(ctx(), ['C0C0C0C0-0000-0000-0000-000000000002'], [OK_SUB]);
    expect(out).toEqual({
      'c0c0c0c0-0000-0000-0000-000000000002': {
        clientId: 'c0c0c0c0-0000-0000-0000-000000000002',
        principalId: 'p0000000-0000-0000-0000-000000000002',
        resourceId: identity('orders-pull', 'x', 'y').id,
      },
    });
    // The request went to ARM at the api-version of the list example, with the gate's token.
    const sent = arm.requests.find((r) => r.path.startsWith(list(OK_SUB)));
    expect(new URL(sent!.path, 'https://x').searchParams.get('api-version')).toBe('2023-01-31');
  });

  it('says that no identity it can see has the client id when every subscription was listed', async () => {
    const out = await findBoundIdentities(ctx(), ['c0c0c0c0-0000-0000-0000-0000000000ff'], [OK_SUB]);
    expect(out['c0c0c0c0-0000-0000-0000-0000000000ff']).toEqual({
      reason: 'no user-assigned identity the gate can see has client id c0c0c0c0-0000-0000-0000-0000000000ff',
    });
  });

  it('a subscription ARM refuses (403) leaves a missing client id unverifiable, naming the read permission', async () => {
    const out = await findBoundIdentities(ctx(), ['c0c0c0c0-0000-0000-0000-0000000000ff'], [OK_SUB, FORBIDDEN_SUB]);
    const u = out['c0c0c0c0-0000-0000-0000-0000000000ff'] as { reason: string; permission?: string };
    expect(u.permission).toBe('Microsoft.ManagedIdentity/userAssignedIdentities/read');
    expect(u.reason).toContain(
      `cannot read the user-assigned identities of subscription ${FORBIDDEN_SUB}: HTTP 403 AuthorizationFailed`,
    );
    // An identity found elsewhere is found whatever another subscription answered.
    const found = await findBoundIdentities(ctx(), ['c0c0c0c0-0000-0000-0000-00000000000a'], [FORBIDDEN_SUB, OK_SUB]);
    expect(found['c0c0c0c0-0000-0000-0000-00000000000a']).toMatchObject({
      principalId: 'p0000000-0000-0000-0000-00000000000a',
    });
  });

  it('a 200 that is not JSON, or a nextLink off the ARM host, is unverifiable with a one-line reason', async () => {
    const out = await findBoundIdentities(
      ctx(),
      ['c0c0c0c0-0000-0000-0000-0000000000ff'],
      [NOT_JSON_SUB, OFF_HOST_SUB],
    );
    const u = out['c0c0c0c0-0000-0000-0000-0000000000ff'] as { reason: string; permission?: string };
    expect(u.reason).toMatch(
      /cannot read the user-assigned identities of subscription 3{8}-[-3]+: HTTP 200 ARM answered 200 with no JSON body/,
    );
    expect(u.reason).not.toContain('\n');
    expect(u.permission).toBeUndefined();
    const off = await findBoundIdentities(ctx(), ['c0c0c0c0-0000-0000-0000-0000000000ff'], [OFF_HOST_SUB]);
    expect((off['c0c0c0c0-0000-0000-0000-0000000000ff'] as { reason: string }).reason).toContain(
      `cannot read the user-assigned identities of subscription ${OFF_HOST_SUB}: ARM nextLink leaves ${arm.base.origin}`,
    );
  });

  it('with no sign-in, every client id is unverifiable without a request', async () => {
    const before = arm.requests.length;
    const out = await findBoundIdentities(
      { ...ctx(), azure: undefined },
      ['c0c0c0c0-0000-0000-0000-000000000002'],
      [OK_SUB],
    );
    expect(out['c0c0c0c0-0000-0000-0000-000000000002']).toHaveProperty('reason');
    expect(arm.requests.length).toBe(before);
  });
});
