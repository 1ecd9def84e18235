// Network posture facts (facts/network/network.ts reads them, checks/network.ts judges them): the cluster's egress,
// the nodes' VNet, and each registry's public access, firewall, private endpoints and privatelink DNS. Shapes only.

/** A read the gate could not make, and what would let it. */
export interface NetworkUnverifiable {
  /** `egress`: affects the cluster's egress addresses; `nodes`: the nodes' VNet; `registry`: one registry. */
  scope: 'egress' | 'nodes' | 'registry';
  /** Registry resource id, for `registry` scope. */
  registryId?: string;
  /** What could not be read (a resource id or a short description). */
  what: string;
  reason: string;
  /** The Azure permission (action) that would let the gate read it. */
  permission: string;
}

/** One egress address or prefix, as a CIDR (`20.1.2.3/32`, `20.1.2.0/28`). */
export interface EgressAddress {
  cidr: string;
  /** The public IP or prefix resource it came from. */
  source: string;
  kind: 'public-ip' | 'public-ip-prefix';
}

export interface EgressFacts {
  /** `networkProfile.outboundType` (`loadBalancer` when absent, as AKS defaults). */
  outboundType: string;
  /** Addresses the nodes' traffic to the internet certainly leaves from. */
  addresses: EgressAddress[];
  /** Why the egress address set is not (fully) known; empty when `addresses` is complete. */
  unknown: string[];
  /** Cluster-wide HTTPS proxy for node traffic (containerd pulls through it unless the host is in noProxy). */
  httpsProxy?: { proxy: string; noProxy: string[] };
}

export interface NodeNetworkFacts {
  /** Node subnets (agentPoolProfiles[].vnetSubnetID, or the AKS-managed VNet's subnets). */
  subnetIds: string[];
  /** The VNets those subnets belong to (usually one). */
  vnetIds: string[];
  /** `dhcpOptions.dnsServers` of the node VNets: non-empty means Azure DNS is not what nodes ask. */
  customDnsServers: string[];
  /** VNets directly peered (peeringState Connected) with the node VNets; undefined when the VNets could not be read. */
  peeredVnetIds?: string[];
}

export type EndpointReach = 'same-vnet' | 'peered' | 'not-connected' | 'unknown';

export interface PrivateEndpointFacts {
  /** Private endpoint connection resource id (on the registry): what `approve --id` takes. */
  connectionId: string;
  /** `Approved` | `Pending` | `Rejected` | `Disconnected`. */
  status: string;
  description?: string;
  /** The Microsoft.Network/privateEndpoints resource id. */
  endpointId?: string;
  subnetId?: string;
  vnetId?: string;
  /** Whether the nodes can reach the endpoint's VNet. Peering counts only when the node VNet could be read. */
  reach: EndpointReach;
  /** FQDN -> private IPs, from the endpoint's customDnsConfigs (what the A records should say). */
  dnsConfigs: { fqdn: string; ipAddresses: string[] }[];
  /** Private DNS zones the endpoint's DNS zone groups write to. */
  zoneIds: string[];
}

export interface PrivateZoneFacts {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  /** True when a virtual network link points at one of the node VNets; undefined when links could not be read. */
  linkedToNodes?: boolean;
  linkName?: string;
  linkState?: string;
  /** For a zone linked to the nodes: required record name -> IPv4 addresses (empty array: no such A record). */
  records?: Record<string, string[]>;
}

export interface RegistryNetworkFacts {
  id: string;
  name: string;
  loginServer: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  sku?: string;
  publicNetworkAccess?: string;
  defaultAction?: string;
  /** `networkRuleSet.ipRules[].iPAddressOrRange` as written (IP or CIDR). */
  ipRules: string[];
  /**
   * Subnet ids of `networkRuleSet.virtualNetworkRules` (service-endpoint rules, action Allow), read at
   * VNET_RULES_API_VERSION; undefined when they were not read (see `virtualNetworkRulesUnknown`).
   */
  virtualNetworkRules?: string[];
  /** Why the VNet rules could not be read, when the registry denies by default and the read failed. */
  virtualNetworkRulesUnknown?: string;
  networkRuleBypassOptions?: string;
  dataEndpointEnabled: boolean;
  dataEndpointHostNames: string[];
  /** Home region and every replica region, normalized (`westeurope`). */
  regions: string[];
  privateEndpoints: PrivateEndpointFacts[];
  /** `privatelink.azurecr.io` (or the sovereign suffix), the zone private endpoints of this registry need. */
  privateZoneName: string;
  /** Record names the zone needs: `<registry>` and `<registry>.<region>.data` for every region. */
  requiredRecords: string[];
  /** Candidate zones of that name (from the endpoints' zone groups and the cluster's subscription). */
  privateZones: PrivateZoneFacts[];
}

export interface NetworkFacts {
  clusterId: string;
  clusterSubscriptionId: string;
  egress: EgressFacts;
  nodes: NodeNetworkFacts;
  registries: RegistryNetworkFacts[];
  unverifiable: NetworkUnverifiable[];
}
