// Network rules over hand-built fact objects: each rule fires on its broken setup with the exact fixing command, and
// stays quiet on the healthy setups (egress inside an allowed /28; private-only registry with an approved endpoint
// in the nodes' VNet, a linked zone and both A records).

import { describe, expect, it } from 'vitest';
import type { NetworkFacts, RegistryNetworkFacts } from '../../../src/types/facts/network.js';
import { checkNetwork, parseRange, rangeContains } from '../../../src/checks/network.js';
import type { ImageUse } from '../../../src/types/index.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-prod`;
const SUBNET = `${VNET}/subnets/nodes`;
const HUB = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
const ACR = `/subscriptions/${SUB}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr`;
const CONN = `${ACR}/privateEndpointConnections/prodacr-pe.0123`;
const PE = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/prodacr-pe`;
const ZONE = `/subscriptions/${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io`;

function use(image: string, file = 'k8s/app.yaml', line = 21): ImageUse {
  return {
    image,
    location: { file, line, column: 16 },
    workload: { kind: 'Deployment', name: 'orders', namespace: 'prod' },
    container: 'app',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints: {},
  };
}

const IMAGES = new Map([
  [
    'prodacr.azurecr.io',
    [use('prodacr.azurecr.io/orders:v1', 'k8s/b.yaml', 5), use('prodacr.azurecr.io/orders:v1', 'k8s/a.yaml', 9)],
  ],
]);

function publicRegistry(over: Partial<RegistryNetworkFacts> = {}): RegistryNetworkFacts {
  return {
    id: ACR,
    name: 'prodacr',
    loginServer: 'prodacr.azurecr.io',
    subscriptionId: SUB,
    resourceGroup: 'rg-acr',
    location: 'westeurope',
    sku: 'Premium',
    publicNetworkAccess: 'Enabled',
    defaultAction: 'Deny',
    ipRules: ['20.50.1.0/28'],
    networkRuleBypassOptions: 'AzureServices',
    dataEndpointEnabled: false,
    dataEndpointHostNames: [],
    regions: ['westeurope'],
    privateEndpoints: [],
    privateZoneName: 'privatelink.azurecr.io',
    requiredRecords: ['prodacr', 'prodacr.westeurope.data'],
    privateZones: [],
    ...over,
  };
}

function privateRegistry(over: Partial<RegistryNetworkFacts> = {}): RegistryNetworkFacts {
  return publicRegistry({
    publicNetworkAccess: 'Disabled',
    defaultAction: 'Deny',
    ipRules: [],
    privateEndpoints: [
      {
        connectionId: CONN,
        status: 'Approved',
        endpointId: PE,
        subnetId: `${VNET}/subnets/endpoints`,
        vnetId: VNET,
        reach: 'same-vnet',
        dnsConfigs: [
          { fqdn: 'prodacr.azurecr.io', ipAddresses: ['10.10.2.4'] },
          { fqdn: 'prodacr.westeurope.data.azurecr.io', ipAddresses: ['10.10.2.5'] },
        ],
        zoneIds: [ZONE],
      },
    ],
    privateZones: [
      {
        id: ZONE,
        subscriptionId: SUB,
        resourceGroup: 'rg-dns',
        name: 'privatelink.azurecr.io',
        linkedToNodes: true,
        linkName: 'vnet-prod-link',
        linkState: 'Completed',
        records: { prodacr: ['10.10.2.4'], 'prodacr.westeurope.data': ['10.10.2.5'] },
      },
    ],
    ...over,
  });
}

function facts(registry: RegistryNetworkFacts, over: Partial<NetworkFacts> = {}): NetworkFacts {
  return {
    clusterId: CLUSTER,
    clusterSubscriptionId: SUB,
    egress: {
      outboundType: 'loadBalancer',
      addresses: [{ cidr: '20.50.1.7/32', source: 'pip', kind: 'public-ip' }],
      unknown: [],
    },
    nodes: { subnetIds: [SUBNET], vnetIds: [VNET], customDnsServers: [], peeredVnetIds: [HUB] },
    registries: [registry],
    unverifiable: [],
    ...over,
  };
}

const rules = (f: NetworkFacts, images = IMAGES) => checkNetwork(f, images).map((x) => `${x.severity}:${x.rule}`);

describe('healthy setups stay quiet', () => {
  it('says nothing when the egress IP lies inside an allowed /28', () => {
    expect(checkNetwork(facts(publicRegistry()), IMAGES)).toEqual([]);
  });

  it('says nothing for a private-only registry with an approved endpoint in the nodes VNet, a linked zone and both A records', () => {
    expect(checkNetwork(facts(privateRegistry()), IMAGES)).toEqual([]);
  });

  it('counts an approved endpoint in a directly peered hub VNet', () => {
    const r = privateRegistry();
    r.privateEndpoints[0] = { ...r.privateEndpoints[0], vnetId: HUB, reach: 'peered' };
    expect(checkNetwork(facts(r), IMAGES)).toEqual([]);
  });

  it('says nothing about registries no image uses', () => {
    expect(checkNetwork(facts(publicRegistry({ ipRules: [] })), new Map([['docker.io', [use('nginx')]]]))).toEqual([]);
  });

  it('says nothing about a firewall with defaultAction Allow, whatever the egress', () => {
    const f = facts(publicRegistry({ defaultAction: 'Allow', ipRules: [] }), {
      egress: { outboundType: 'userDefinedRouting', addresses: [], unknown: ['udr'] },
    });
    expect(checkNetwork(f, IMAGES)).toEqual([]);
  });
});

describe('registry-firewall-blocks-cluster', () => {
  it('names the egress IP missing from the rules and the az acr network-rule add command, at the first image use', () => {
    const [f] = checkNetwork(facts(publicRegistry({ ipRules: ['20.50.2.0/28', '1.2.3.4'] })), IMAGES);
    expect(f.rule).toBe('registry-firewall-blocks-cluster');
    expect(f.severity).toBe('error');
    expect(f.registry).toBe('prodacr.azurecr.io');
    expect(f.message).toContain('20.50.1.7');
    expect(f.message).toContain('trusted-services bypass does not cover AKS');
    expect(f.remediation).toBe('az acr network-rule add --name prodacr --ip-address 20.50.1.7');
    expect(f.location).toEqual({ file: 'k8s/a.yaml', line: 9, column: 16 });
  });

  it('requires the whole outbound prefix to be allowed, not just part of it', () => {
    const egress = {
      outboundType: 'managedNATGateway',
      addresses: [{ cidr: '20.50.1.0/27', source: 'p', kind: 'public-ip-prefix' as const }],
      unknown: [],
    };
    const blocked = checkNetwork(facts(publicRegistry(), { egress }), IMAGES);
    expect(blocked.map((f) => f.remediation)).toEqual([
      'az acr network-rule add --name prodacr --ip-address 20.50.1.0/27',
    ]);
    const allowed = checkNetwork(facts(publicRegistry({ ipRules: ['20.50.0.0/23'] }), { egress }), IMAGES);
    expect(allowed).toEqual([]);
  });

  it('still names the known missing IP when part of the egress is unknown', () => {
    const f = facts(publicRegistry({ ipRules: [] }), {
      egress: {
        outboundType: 'loadBalancer',
        addresses: [{ cidr: '20.50.1.7/32', source: 'pip', kind: 'public-ip' }],
        unknown: ['node pool spot gives each node its own public IP'],
      },
    });
    expect(rules(f)).toEqual(['error:registry-firewall-blocks-cluster']);
  });

  it('does not throw on a malformed ip rule', () => {
    expect(() => checkNetwork(facts(publicRegistry({ ipRules: ['not-an-ip', '300.1.1.1/40'] })), IMAGES)).not.toThrow();
    expect(rules(facts(publicRegistry({ ipRules: ['not-an-ip'] })))).toEqual([
      'error:registry-firewall-blocks-cluster',
    ]);
  });

  it('is not reported when the private path works', () => {
    const r = privateRegistry({ publicNetworkAccess: 'Enabled', ipRules: [] });
    expect(checkNetwork(facts(r), IMAGES)).toEqual([]);
  });
});

describe('cluster-egress-unknown', () => {
  it('warns that user-defined routing hides the egress IP from a deny-by-default firewall', () => {
    const f = facts(publicRegistry(), {
      egress: { outboundType: 'userDefinedRouting', addresses: [], unknown: ['outboundType userDefinedRouting: ...'] },
    });
    const [finding] = checkNetwork(f, IMAGES);
    expect(finding.rule).toBe('cluster-egress-unknown');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('userDefinedRouting');
  });

  it('treats an HTTPS proxy as unknown egress without printing its credentials', () => {
    const f = facts(publicRegistry(), {
      egress: {
        outboundType: 'loadBalancer',
        addresses: [{ cidr: '20.50.1.7/32', source: 'pip', kind: 'public-ip' }],
        unknown: [],
        httpsProxy: { proxy: 'http://user:s3cret@proxy.corp:3128', noProxy: ['.svc'] },
      },
    });
    const [finding] = checkNetwork(f, IMAGES);
    expect(finding.rule).toBe('cluster-egress-unknown');
    expect(JSON.stringify(finding)).not.toContain('s3cret');
    expect(finding.message).toContain('proxy.corp:3128');
    // The registry in noProxy: pulls go direct, from the known egress IP, which is allowed.
    f.egress.httpsProxy = { proxy: 'http://proxy.corp:3128', noProxy: ['.azurecr.io'] };
    expect(checkNetwork(f, IMAGES)).toEqual([]);
  });
});

describe('registry-public-access-disabled', () => {
  it('fires when public access is disabled and the registry has no private endpoint, with the commands that add one', () => {
    const [f, ...rest] = checkNetwork(facts(privateRegistry({ privateEndpoints: [], privateZones: [] })), IMAGES);
    expect(rest).toEqual([]);
    expect(f.rule).toBe('registry-public-access-disabled');
    expect(f.severity).toBe('error');
    expect(f.remediation).toContain(
      `az network private-endpoint create -g rg-net -n prodacr-pe --subnet ${SUBNET} --private-connection-resource-id ${ACR} --group-id registry --connection-name prodacr-pe`,
    );
    expect(f.remediation).toContain(
      `az network private-dns link vnet create -g rg-net -z privatelink.azurecr.io -n vnet-prod-link -v ${VNET} -e false`,
    );
  });

  it('fires when the only approved endpoint sits in a VNet not peered with the nodes', () => {
    const r = privateRegistry();
    const other = `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/vnet-other`;
    r.privateEndpoints[0] = { ...r.privateEndpoints[0], vnetId: other, reach: 'not-connected' };
    const [f] = checkNetwork(facts(r), IMAGES);
    expect(f.rule).toBe('registry-public-access-disabled');
    expect(f.message).toContain('vnet-other');
  });

  it('does not claim the path is broken when the endpoint VNet could not be read', () => {
    const r = privateRegistry();
    r.privateEndpoints[0] = { ...r.privateEndpoints[0], reach: 'unknown' };
    expect(rules(facts(r)).filter((x) => x.startsWith('error'))).toEqual([]);
  });
});

describe('private-endpoint-not-approved', () => {
  it('is an error with the approve command when public access is disabled', () => {
    const r = privateRegistry();
    r.privateEndpoints[0] = { ...r.privateEndpoints[0], status: 'Pending', description: 'Awaiting approval' };
    const found = checkNetwork(facts(r), IMAGES);
    expect(found.map((f) => f.rule)).toEqual(['private-endpoint-not-approved']);
    expect(found[0].severity).toBe('error');
    expect(found[0].remediation).toBe(`az network private-endpoint-connection approve --id ${CONN}`);
    expect(found[0].message).toContain('Pending');
  });

  it('is a warning while the public endpoint still lets the nodes in', () => {
    const r = privateRegistry({ publicNetworkAccess: 'Enabled', defaultAction: 'Allow' });
    r.privateEndpoints[0] = { ...r.privateEndpoints[0], status: 'Rejected' };
    expect(rules(facts(r))).toEqual(['warning:private-endpoint-not-approved']);
  });

  it('ignores endpoints in VNets the nodes cannot reach', () => {
    const r = privateRegistry({ publicNetworkAccess: 'Enabled', defaultAction: 'Allow' });
    r.privateEndpoints.push({
      ...r.privateEndpoints[0],
      connectionId: `${CONN}x`,
      status: 'Pending',
      reach: 'not-connected',
    });
    expect(checkNetwork(facts(r), IMAGES)).toEqual([]);
  });
});

describe('private DNS', () => {
  it('private-dns-zone-not-linked: names the zone resource group and the nodes VNet id', () => {
    const r = privateRegistry();
    r.privateZones[0] = { ...r.privateZones[0], linkedToNodes: false, records: undefined };
    const [f] = checkNetwork(facts(r), IMAGES);
    expect(f.rule).toBe('private-dns-zone-not-linked');
    expect(f.severity).toBe('error');
    expect(f.remediation).toBe(
      `az network private-dns link vnet create -g rg-dns -z privatelink.azurecr.io -n vnet-prod-link -v ${VNET} -e false`,
    );
  });

  it('private-dns-record-missing: the data endpoint record of a replica region, with the endpoint IP', () => {
    const r = privateRegistry({
      regions: ['westeurope', 'northeurope'],
      requiredRecords: ['prodacr', 'prodacr.westeurope.data', 'prodacr.northeurope.data'],
    });
    r.privateEndpoints[0].dnsConfigs.push({ fqdn: 'prodacr.northeurope.data.azurecr.io', ipAddresses: ['10.10.2.6'] });
    r.privateZones[0].records = { ...r.privateZones[0].records, 'prodacr.northeurope.data': [] };
    const found = checkNetwork(facts(r), IMAGES);
    expect(found.map((f) => f.rule)).toEqual(['private-dns-record-missing']);
    expect(found[0].remediation).toBe(
      'az network private-dns record-set a add-record -g rg-dns -z privatelink.azurecr.io -n prodacr.northeurope.data -a 10.10.2.6',
    );
  });

  it('private-dns-record-missing: a stale record pointing at an old endpoint IP', () => {
    const r = privateRegistry();
    r.privateZones[0].records = { ...r.privateZones[0].records, prodacr: ['10.10.9.9'] };
    const [f] = checkNetwork(facts(r), IMAGES);
    expect(f.rule).toBe('private-dns-record-missing');
    expect(f.message).toContain('10.10.9.9');
    expect(f.remediation).toContain('remove-record -g rg-dns -z privatelink.azurecr.io -n prodacr -a 10.10.9.9');
  });

  it('is a warning when the public endpoint still works', () => {
    const r = privateRegistry({ publicNetworkAccess: 'Enabled', ipRules: ['20.50.1.7'] });
    r.privateZones[0] = { ...r.privateZones[0], linkedToNodes: false, records: undefined };
    expect(rules(facts(r))).toEqual(['warning:private-dns-zone-not-linked']);
  });

  it('reports custom DNS servers as unverifiable instead of guessing', () => {
    const r = privateRegistry();
    r.privateZones[0] = { ...r.privateZones[0], linkedToNodes: false, records: undefined };
    const f = facts(r, {
      nodes: { subnetIds: [SUBNET], vnetIds: [VNET], customDnsServers: ['10.0.0.4'], peeredVnetIds: [] },
    });
    expect(rules(f)).toEqual(['warning:private-dns-unverifiable']);
  });

  it('adds --subscription when the zone lives in another subscription than the cluster', () => {
    const other = '22222222-2222-2222-2222-222222222222';
    const r = privateRegistry();
    r.privateZones[0] = {
      ...r.privateZones[0],
      subscriptionId: other,
      records: { prodacr: [], 'prodacr.westeurope.data': ['10.10.2.5'] },
    };
    const [f] = checkNetwork(facts(r), IMAGES);
    expect(f.remediation).toMatch(/-n prodacr -a 10\.10\.2\.4 --subscription 2222/);
  });
});

describe('network-unverifiable', () => {
  it('names the permission when a registry read failed', () => {
    const f = facts(privateRegistry(), {
      unverifiable: [
        {
          scope: 'registry',
          registryId: ACR,
          what: 'replications of prodacr',
          reason:
            "the gate's identity lacks Microsoft.ContainerRegistry/registries/replications/read (AuthorizationFailed)",
          permission: 'Microsoft.ContainerRegistry/registries/replications/read',
        },
      ],
    });
    const [finding] = checkNetwork(f, IMAGES);
    expect(finding.rule).toBe('network-unverifiable');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('Microsoft.ContainerRegistry/registries/replications/read');
  });
});

describe('CIDR helpers', () => {
  it('contains a /32 in a /28 and not in a neighbouring one', () => {
    expect(rangeContains(parseRange('20.50.1.0/28')!, parseRange('20.50.1.15')!)).toBe(true);
    expect(rangeContains(parseRange('20.50.1.0/28')!, parseRange('20.50.1.16')!)).toBe(false);
    expect(rangeContains(parseRange('20.50.1.0/28')!, parseRange('2001:db8::1')!)).toBe(false);
  });
});

describe('service-endpoint VNet rules (networkRuleSet.virtualNetworkRules)', () => {
  const blocked = { ipRules: ['20.50.2.0/28'] };

  it('counts a VNet rule on every node subnet as a way in, whatever the egress IP', () => {
    expect(
      checkNetwork(facts(publicRegistry({ ...blocked, virtualNetworkRules: [SUBNET.toUpperCase()] })), IMAGES),
    ).toEqual([]);
  });

  it('counts a VNet rule on the managed VNet subnet even when the egress IP is unknown', () => {
    const f = facts(publicRegistry({ ...blocked, virtualNetworkRules: [SUBNET] }), {
      egress: { outboundType: 'userDefinedRouting', addresses: [], unknown: ['user-defined routing'] },
    });
    expect(checkNetwork(f, IMAGES)).toEqual([]);
  });

  it('still blocks when the VNet rule allows another subnet, or only one of the node subnets', () => {
    const other = publicRegistry({ ...blocked, virtualNetworkRules: [`${VNET}/subnets/endpoints`] });
    expect(rules(facts(other))).toEqual(['error:registry-firewall-blocks-cluster']);
    const partial = facts(publicRegistry({ ...blocked, virtualNetworkRules: [SUBNET] }), {
      nodes: { subnetIds: [SUBNET, `${VNET}/subnets/gpu`], vnetIds: [VNET], customDnsServers: [] },
    });
    expect(rules(partial)).toEqual(['error:registry-firewall-blocks-cluster']);
  });

  it('says unknown, not blocked, when the VNet rules could not be read', () => {
    const f = facts(publicRegistry({ ...blocked, virtualNetworkRulesUnknown: 'HTTP 403 AuthorizationFailed' }));
    const out = checkNetwork(f, IMAGES);
    expect(out.map((x) => `${x.severity}:${x.rule}`)).toEqual(['warning:cluster-egress-unknown']);
    expect(out[0].message).toContain('service-endpoint VNet rules');
    expect(out[0].message).toContain('20.50.1.7');
  });
});
