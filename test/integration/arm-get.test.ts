// The plain ARM GETs that replace @azure/arm-network (src/facts/azure/arm-get.ts), against a loopback ARM stand-in:
// the api-version the SDK sent, paging through `nextLink` (ARM's list shape `{value, nextLink}`), the SDK's flattened
// models, and errors as RestError with ARM's `error.code` (what describeArmError in network.ts reads). Bodies follow
// the wire shape of the Microsoft Learn REST examples ("Virtual Networks - Get", "Public IP Addresses - Get",
// "Private Dns Zone Groups - List"): resource fields at the top, the rest under `properties`, nested resources alike.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tls from 'node:tls';
import { RestError } from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/identity';
import {
  ArmGetter,
  NETWORK_API_VERSION,
  flattenProperties,
  type VirtualNetwork,
} from '../../src/facts/azure/arm-get.js';
import { testTls } from '../helpers/docker-registry.js';
import { json, startStubHttps, type StubHttps } from '../helpers/stub-https.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub`;
let arm: StubHttps;
const scopes: string[] = [];
const credential: TokenCredential = {
  getToken: async (s): Promise<AccessToken> => {
    scopes.push(String(s));
    return { token: 'arm-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};

beforeAll(async () => {
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), (await testTls()).cert]);
  arm = await startStubHttps((req, res) => {
    const url = new URL(req.path, 'https://x');
    if (req.headers.authorization !== 'Bearer arm-token')
      return json(res, 401, { error: { code: 'AuthenticationFailed' } });
    if (url.pathname === VNET)
      return json(res, 200, {
        name: 'hub',
        id: VNET,
        type: 'Microsoft.Network/virtualNetworks',
        location: 'eastus',
        properties: {
          addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
          dhcpOptions: { dnsServers: ['10.0.0.4'] },
          subnets: [{ name: 'nodes', id: `${VNET}/subnets/nodes`, properties: { addressPrefix: '10.0.0.0/24' } }],
          virtualNetworkPeerings: [
            {
              name: 'to-spoke',
              id: `${VNET}/virtualNetworkPeerings/to-spoke`,
              properties: {
                peeringState: 'Connected',
                allowVirtualNetworkAccess: true,
                remoteVirtualNetwork: {
                  id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/spoke`,
                },
              },
            },
          ],
        },
      });
    const zoneGroups = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe/privateDnsZoneGroups`;
    if (url.pathname === zoneGroups && !url.searchParams.has('page'))
      return json(res, 200, {
        value: [
          {
            name: 'g1',
            properties: { privateDnsZoneConfigs: [{ name: 'c', properties: { privateDnsZoneId: 'zone-1' } }] },
          },
        ],
        // A nextLink without api-version: the SDK's pager added its own.
        nextLink: `${arm.base.origin}${zoneGroups}?page=2`,
      });
    if (url.pathname === zoneGroups)
      return json(res, 200, {
        value: [
          {
            name: 'g2',
            properties: { privateDnsZoneConfigs: [{ name: 'c', properties: { privateDnsZoneId: 'zone-2' } }] },
          },
        ],
      });
    if (url.pathname.endsWith('/elsewhere'))
      return json(res, 200, { value: [], nextLink: 'https://127.0.0.2:1/subscriptions/x?api-version=1' });
    if (url.pathname.endsWith('/forbidden'))
      return json(res, 403, {
        error: { code: 'AuthorizationFailed', message: 'The client does not have authorization to perform action.' },
      });
    return json(res, 404, { error: { code: 'ResourceNotFound', message: 'not found' } });
  });
});

afterAll(() => arm.stop());

const getter = () =>
  new ArmGetter(credential, arm.base.origin, `${arm.base.origin}/.default`, AbortSignal.timeout(20_000));

describe('ArmGetter', () => {
  it('GETs a resource at the SDK api-version and flattens properties as the SDK models did', async () => {
    const vnet = await getter().get<VirtualNetwork>(VNET);
    expect(vnet.id).toBe(VNET);
    expect(vnet.dhcpOptions?.dnsServers).toEqual(['10.0.0.4']);
    expect(vnet.subnets?.map((s) => s.id)).toEqual([`${VNET}/subnets/nodes`]);
    expect(vnet.virtualNetworkPeerings?.[0]).toMatchObject({
      peeringState: 'Connected',
      allowVirtualNetworkAccess: true,
      remoteVirtualNetwork: { id: expect.stringContaining('/virtualNetworks/spoke') },
    });
    const sent = arm.requests.find((r) => r.path.startsWith(VNET));
    expect(new URL(sent!.path, 'https://x').searchParams.get('api-version')).toBe(NETWORK_API_VERSION);
    expect(scopes).toContain(`${arm.base.origin}/.default`);
  });

  it('follows nextLink, adding the api-version when the link lacks it', async () => {
    const before = arm.requests.length;
    const groups = await getter().list<{ name?: string; privateDnsZoneConfigs?: { privateDnsZoneId?: string }[] }>(
      `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe/privateDnsZoneGroups`,
    );
    expect(groups.map((g) => g.privateDnsZoneConfigs?.[0]?.privateDnsZoneId)).toEqual(['zone-1', 'zone-2']);
    const pages = arm.requests.slice(before).map((r) => new URL(r.path, 'https://x').searchParams);
    expect(pages).toHaveLength(2);
    expect(pages.every((q) => q.get('api-version') === NETWORK_API_VERSION)).toBe(true);
  });

  it('does not send the token to a nextLink on another host', async () => {
    await expect(getter().list(`/subscriptions/${SUB}/elsewhere`)).rejects.toThrow(/nextLink leaves/);
  });

  it('turns an ARM error into a RestError with its status and code', async () => {
    const err = await getter()
      .get(`/subscriptions/${SUB}/forbidden`)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(RestError);
    expect((err as RestError).statusCode).toBe(403);
    expect((err as RestError).code).toBe('AuthorizationFailed');
  });

  it('flattens nested resources and leaves other fields alone', () => {
    expect(
      flattenProperties({
        id: 'a',
        tags: { properties: 'x' },
        properties: { id: 'inner', n: [{ properties: { k: 1 } }] },
      }),
    ).toEqual({
      id: 'a',
      tags: { properties: 'x' },
      n: [{ k: 1 }],
    });
  });
});
