// Network posture facts: where the cluster's nodes send traffic from (egress IPs and prefixes, or why that is
// unknown), which VNet they sit in, and for each registry its public access, firewall, private endpoints and the
// privatelink DNS zone the nodes would resolve it through. Microsoft.Network reads are plain ARM GETs through the core
// pipeline (arm-get.ts, at the api-version @azure/arm-network sent); private DNS goes through @azure/arm-privatedns
// and replications through @azure/arm-containerregistry; every read that fails is recorded as
// unverifiable with the permission that would allow it, never thrown. Verdicts live in src/checks/network.ts.

import type { ManagedCluster } from '@azure/arm-containerservice';
import type { ContainerRegistryManagementClient, Registry } from '@azure/arm-containerregistry';
import {
  ArmGetter,
  type NatGateway,
  type PrivateDnsZoneGroup,
  type PrivateEndpoint,
  type PublicIPAddress,
  type PublicIPPrefix,
  type Subnet,
  type VirtualNetwork,
} from '../azure/arm-get.js';
import type { PrivateDnsManagementClient } from '@azure/arm-privatedns';
import type { TokenCredential } from '@azure/identity';
import type { AzureEndpoints, FactContext } from '../../types/facts/context.js';
import { armScope } from '../azure/clouds.js';
import { armIdKey, parseArmId, type ArmId } from '../../lib/arm-id.js';

// Fact shapes (plain data; checks read only these): types/facts/network.ts.
import type {
  NetworkUnverifiable,
  EgressAddress,
  EgressFacts,
  NodeNetworkFacts,
  EndpointReach,
  PrivateEndpointFacts,
  PrivateZoneFacts,
  RegistryNetworkFacts,
  NetworkFacts,
} from '../../types/facts/network.js';

// ---------------------------------------------------------------------------------------------------------------
// Resource ids

export type ParsedResourceId = ArmId;
/** Parses an ARM resource id (lib/arm-id.ts). */
export const parseResourceId = parseArmId;
/** Case-insensitive ARM id comparison key (lib/arm-id.ts). */
export const idKey = armIdKey;

/** The VNet id of a subnet id. */
export function vnetOfSubnet(subnetId: string): string | undefined {
  const m = /^(.*\/providers\/microsoft\.network\/virtualnetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(subnetId.trim());
  return m?.[1];
}

function normalizeRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Collection

/**
 * Collects the network facts for one cluster and the registries its images come from. Never throws: a read that
 * fails lands in `unverifiable` and the corresponding field stays unknown.
 */
export async function collectNetworkFacts(
  ctx: FactContext,
  cluster: ManagedCluster,
  registries: Registry[],
): Promise<NetworkFacts> {
  const clusterId = cluster.id ?? '';
  const clusterSub = parseResourceId(clusterId)?.subscriptionId ?? ctx.azure?.subscriptionId ?? '';
  const unverifiable: NetworkUnverifiable[] = [];
  const reader = ctx.azure
    ? await ArmReader.open(ctx, ctx.azure.credential, ctx.azure.endpoints, unverifiable)
    : undefined;

  const suffixes = ctx.azure?.endpoints.acrSuffixes ?? ['.azurecr.io'];
  if (!reader) {
    unverifiable.push({
      scope: 'egress',
      what: 'network posture',
      reason: 'no Azure sign-in',
      permission: 'Reader on the cluster, its node resource group and the registries',
    });
  }

  const nodes = reader ? await collectNodeNetwork(reader, cluster) : emptyNodes();
  const [egress, regs] = await Promise.all([
    reader ? collectEgress(reader, cluster, nodes) : unknownEgress(cluster, 'no Azure sign-in'),
    Promise.all(registries.map((r) => collectRegistry(reader, r, nodes, clusterSub, suffixes))),
  ]);
  return { clusterId, clusterSubscriptionId: clusterSub, egress, nodes, registries: regs, unverifiable };
}

function emptyNodes(): NodeNetworkFacts {
  return { subnetIds: [], vnetIds: [], customDnsServers: [] };
}

function unknownEgress(cluster: ManagedCluster, reason: string): EgressFacts {
  return { outboundType: cluster.networkProfile?.outboundType ?? 'loadBalancer', addresses: [], unknown: [reason] };
}

/** The SDK modules the reader builds clients from, loaded when a signed-in run reads the network (not before). */
interface ReaderSdk {
  dns: typeof import('@azure/arm-privatedns');
  acr: typeof import('@azure/arm-containerregistry');
  core: typeof import('@azure/core-rest-pipeline');
}

/** Reads through the SDK clients, one per subscription, memoized per id, recording failures. */
class ArmReader {
  private armGetter: ArmGetter | undefined;
  private readonly dns = new Map<string, PrivateDnsManagementClient>();
  private readonly acr = new Map<string, ContainerRegistryManagementClient>();
  private readonly memo = new Map<string, Promise<unknown>>();

  private constructor(
    readonly ctx: FactContext,
    private readonly credential: TokenCredential,
    private readonly endpoints: AzureEndpoints,
    readonly unverifiable: NetworkUnverifiable[],
    readonly sdk: ReaderSdk,
  ) {}

  static async open(
    ctx: FactContext,
    credential: TokenCredential,
    endpoints: AzureEndpoints,
    unverifiable: NetworkUnverifiable[],
  ): Promise<ArmReader> {
    const [dns, acr, core] = await Promise.all([
      import('@azure/arm-privatedns'),
      import('@azure/arm-containerregistry'),
      import('@azure/core-rest-pipeline'),
    ]);
    return new ArmReader(ctx, credential, endpoints, unverifiable, { dns, acr, core });
  }

  private options() {
    return {
      endpoint: this.endpoints.resourceManager,
      // The modular ARM clients default to the public cloud's scope whatever the endpoint: sovereign clouds and the
      // emulator need their own.
      credentials: { scopes: [armScope(this.endpoints)] },
    };
  }

  /** Plain GETs of Microsoft.Network resources (one pipeline for every subscription). */
  get arm(): ArmGetter {
    this.armGetter ??= new ArmGetter(
      this.credential,
      this.endpoints.resourceManager,
      armScope(this.endpoints),
      this.ctx.signal,
    );
    return this.armGetter;
  }

  dnsClient(sub: string): PrivateDnsManagementClient {
    let c = this.dns.get(sub);
    if (!c) this.dns.set(sub, (c = new this.sdk.dns.PrivateDnsManagementClient(this.credential, sub, this.options())));
    return c;
  }

  acrClient(sub: string): ContainerRegistryManagementClient {
    let c = this.acr.get(sub);
    if (!c)
      this.acr.set(sub, (c = new this.sdk.acr.ContainerRegistryManagementClient(this.credential, sub, this.options())));
    return c;
  }

  get opts(): { abortSignal: AbortSignal } {
    return { abortSignal: this.ctx.signal };
  }

  /**
   * Runs one read once per key. On failure records it (with `permission`) and returns undefined; `notFound`
   * lets a caller treat 404 as a fact (a missing A record) instead of an unverifiable read.
   */
  read<T>(
    key: string,
    fn: () => Promise<T>,
    failure: Omit<NetworkUnverifiable, 'reason'>,
    notFound?: T,
  ): Promise<T | undefined> {
    const k = idKey(key);
    let p = this.memo.get(k) as Promise<T | undefined> | undefined;
    if (!p) {
      p = fn().catch((err: unknown) => {
        const status = statusOf(err);
        if (status === 404 && notFound !== undefined) return notFound;
        const reason = describeArmError(err, failure.permission);
        this.unverifiable.push({ ...failure, reason });
        this.ctx.logger.debug(`network: cannot read ${failure.what}: ${reason}`);
        return undefined;
      });
      this.memo.set(k, p);
    }
    return p;
  }

  /** The recorded reason a read of `what` failed, for messages that explain an unknown. */
  why(what: string): string {
    const u = this.unverifiable.find((x) => idKey(x.what) === idKey(what));
    return u ? `: ${u.reason}` : '';
  }

  async list<T>(key: string, iter: () => AsyncIterable<T>, failure: Omit<NetworkUnverifiable, 'reason'>) {
    return this.read(
      key,
      async () => {
        const out: T[] = [];
        for await (const item of iter()) out.push(item);
        return out;
      },
      failure,
    );
  }
}

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/<type>/<name>[/<child type>/<child>]`. */
function networkPath(subscriptionId: string, resourceGroup: string, ...segments: string[]): string {
  return (
    `/subscriptions/${encodeURIComponent(subscriptionId)}/resourceGroups/${encodeURIComponent(resourceGroup)}` +
    `/providers/Microsoft.Network/${segments.map(encodeURIComponent).join('/')}`
  );
}

function statusOf(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'statusCode' in err && typeof err.statusCode === 'number') {
    return err.statusCode;
  }
  return undefined;
}

function describeArmError(err: unknown, permission: string): string {
  const status = statusOf(err);
  const code = err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  if (status === 403 || code === 'AuthorizationFailed') {
    return `the gate's identity lacks ${permission} (${code ?? 'HTTP 403'})`;
  }
  if (status === 404) return `not found (${code ?? 'HTTP 404'})`;
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return status ? `HTTP ${status}${code ? ` ${code}` : ''}: ${message}` : message;
}

// --- nodes -------------------------------------------------------------------------------------------------------

async function collectNodeNetwork(reader: ArmReader, cluster: ManagedCluster): Promise<NodeNetworkFacts> {
  const subnetIds = uniqueIds((cluster.agentPoolProfiles ?? []).map((p) => p.vnetSubnetID));
  const clusterSub = parseResourceId(cluster.id)?.subscriptionId;

  if (subnetIds.length > 0) {
    const vnetIds = uniqueIds(subnetIds.map(vnetOfSubnet));
    const vnets = (await Promise.all(vnetIds.map((id) => readVnet(reader, id)))).filter(
      (v): v is VirtualNetwork => !!v,
    );
    const readAll = vnets.length === vnetIds.length;
    return nodeFacts(subnetIds, vnetIds, vnets, readAll);
  }

  // No vnetSubnetID: AKS created the VNet (aks-vnet-<n>) in the node resource group.
  const nodeRg = cluster.nodeResourceGroup;
  if (!nodeRg || !clusterSub) {
    reader.unverifiable.push({
      scope: 'nodes',
      what: 'node VNet',
      reason: 'the cluster names neither node subnets nor a node resource group',
      permission: 'Microsoft.ContainerService/managedClusters/read',
    });
    return emptyNodes();
  }
  const listed = await reader.read(
    `vnets:${clusterSub}/${nodeRg}`,
    () => reader.arm.list<VirtualNetwork>(networkPath(clusterSub, nodeRg, 'virtualNetworks')),
    {
      scope: 'nodes',
      what: `virtual networks in the node resource group ${nodeRg}`,
      permission: 'Microsoft.Network/virtualNetworks/read',
    },
  );
  if (!listed) return emptyNodes();
  const vnets = listed.filter((v) => /^aks-vnet-/i.test(v.name ?? ''));
  const ids = uniqueIds(vnets.map((v) => v.id));
  const subnets = uniqueIds(vnets.flatMap((v) => (v.subnets ?? []).map((s) => s.id)));
  return nodeFacts(subnets, ids, vnets, true);
}

function nodeFacts(subnetIds: string[], vnetIds: string[], vnets: VirtualNetwork[], readAll: boolean) {
  const facts: NodeNetworkFacts = {
    subnetIds,
    vnetIds,
    customDnsServers: unique(vnets.flatMap((v) => v.dhcpOptions?.dnsServers ?? [])),
  };
  if (readAll) {
    facts.peeredVnetIds = uniqueIds(
      vnets.flatMap((v) =>
        (v.virtualNetworkPeerings ?? [])
          .filter((p) => p.peeringState === 'Connected' && p.allowVirtualNetworkAccess !== false)
          .map((p) => p.remoteVirtualNetwork?.id),
      ),
    );
  }
  return facts;
}

function readVnet(reader: ArmReader, vnetId: string): Promise<VirtualNetwork | undefined> {
  const p = parseResourceId(vnetId);
  if (!p) return Promise.resolve(undefined);
  return reader.read(
    vnetId,
    () =>
      reader.arm.get<VirtualNetwork>(networkPath(p.subscriptionId, p.resourceGroup, 'virtualNetworks', p.segments[1])),
    { scope: 'nodes', what: vnetId, permission: 'Microsoft.Network/virtualNetworks/read' },
  );
}

// --- egress ------------------------------------------------------------------------------------------------------

async function collectEgress(reader: ArmReader, cluster: ManagedCluster, nodes: NodeNetworkFacts) {
  const np = cluster.networkProfile;
  const outboundType = np?.outboundType ?? 'loadBalancer';
  const egress: EgressFacts = { outboundType, addresses: [], unknown: [] };
  const proxy = cluster.httpProxyConfig;
  if (proxy?.httpsProxy) egress.httpsProxy = { proxy: proxy.httpsProxy, noProxy: proxy.noProxy ?? [] };

  let sources: string[] = [];
  switch (outboundType) {
    case 'loadBalancer': {
      const lb = np?.loadBalancerProfile;
      sources = uniqueIds([
        ...(lb?.effectiveOutboundIPs ?? []).map((r) => r.id),
        ...(lb?.outboundIPPrefixes?.publicIPPrefixes ?? []).map((r) => r.id),
      ]);
      if (sources.length === 0) egress.unknown.push('the load balancer reports no effective outbound IPs');
      break;
    }
    case 'managedNATGateway': {
      sources = uniqueIds((np?.natGatewayProfile?.effectiveOutboundIPs ?? []).map((r) => r.id));
      if (sources.length === 0) egress.unknown.push('the managed NAT gateway reports no effective outbound IPs');
      break;
    }
    case 'userAssignedNATGateway':
      sources = await natGatewaySources(reader, nodes, egress);
      break;
    case 'userDefinedRouting':
      egress.unknown.push(
        'outboundType userDefinedRouting: node traffic leaves through the route table next hop (a firewall or ' +
          'appliance) whose public IP the cluster does not name',
      );
      break;
    default:
      egress.unknown.push(`outboundType ${outboundType}: the cluster has no egress the gate can resolve`);
  }

  // Node pools with instance-level public IPs send their own traffic from those IPs.
  for (const pool of cluster.agentPoolProfiles ?? []) {
    if (!pool.enableNodePublicIP) continue;
    if (pool.nodePublicIPPrefixID) sources.push(pool.nodePublicIPPrefixID);
    else egress.unknown.push(`node pool ${pool.name} gives each node its own public IP, from no fixed prefix`);
  }

  const resolved = await Promise.all(uniqueIds(sources).map((id) => resolveEgressSource(reader, id)));
  for (const r of resolved) {
    if (typeof r === 'string') egress.unknown.push(r);
    else egress.addresses.push(r);
  }
  return egress;
}

async function natGatewaySources(reader: ArmReader, nodes: NodeNetworkFacts, egress: EgressFacts) {
  if (nodes.subnetIds.length === 0) {
    egress.unknown.push('outboundType userAssignedNATGateway but no node subnet is known');
    return [];
  }
  const sources: string[] = [];
  await Promise.all(
    nodes.subnetIds.map(async (subnetId) => {
      const p = parseResourceId(subnetId);
      if (!p || p.segments.length < 4) return;
      const subnet = await reader.read(
        subnetId,
        () =>
          reader.arm.get<Subnet>(
            networkPath(p.subscriptionId, p.resourceGroup, 'virtualNetworks', p.segments[1], 'subnets', p.segments[3]),
          ),
        { scope: 'egress', what: subnetId, permission: 'Microsoft.Network/virtualNetworks/subnets/read' },
      );
      if (!subnet) {
        egress.unknown.push(`node subnet ${subnetId} could not be read${reader.why(subnetId)}`);
        return;
      }
      const natId = subnet.natGateway?.id;
      if (!natId) {
        egress.unknown.push(
          `node subnet ${subnetId} has no NAT gateway although outboundType is userAssignedNATGateway`,
        );
        return;
      }
      const np = parseResourceId(natId);
      if (!np) return;
      const nat = await reader.read(
        natId,
        () =>
          reader.arm.get<NatGateway>(networkPath(np.subscriptionId, np.resourceGroup, 'natGateways', np.segments[1])),
        { scope: 'egress', what: natId, permission: 'Microsoft.Network/natGateways/read' },
      );
      if (!nat) {
        egress.unknown.push(`NAT gateway ${natId} could not be read${reader.why(natId)}`);
        return;
      }
      const ids = [...(nat.publicIpAddresses ?? []), ...(nat.publicIpPrefixes ?? [])].map((r) => r.id);
      if (ids.every((id) => !id)) egress.unknown.push(`NAT gateway ${natId} has no public IP or prefix`);
      for (const id of ids) if (id) sources.push(id);
    }),
  );
  return sources;
}

/** A public IP or prefix id -> its CIDR, or a one-line reason it could not be resolved. */
async function resolveEgressSource(reader: ArmReader, id: string): Promise<EgressAddress | string> {
  const p = parseResourceId(id);
  const type = p?.segments[0]?.toLowerCase();
  if (!p || (type !== 'publicipaddresses' && type !== 'publicipprefixes')) {
    return `egress resource ${id} is neither a public IP address nor a public IP prefix`;
  }
  if (type === 'publicipaddresses') {
    const ip: PublicIPAddress | undefined = await reader.read(
      id,
      () =>
        reader.arm.get<PublicIPAddress>(
          networkPath(p.subscriptionId, p.resourceGroup, 'publicIPAddresses', p.segments[1]),
        ),
      { scope: 'egress', what: id, permission: 'Microsoft.Network/publicIPAddresses/read' },
    );
    if (!ip) return `public IP ${id} could not be read${reader.why(id)}`;
    if (!ip.ipAddress) return `public IP ${id} has no address allocated`;
    const v6 = ip.ipAddress.includes(':');
    return { cidr: `${ip.ipAddress}/${v6 ? 128 : 32}`, source: id, kind: 'public-ip' };
  }
  const prefixPath = networkPath(p.subscriptionId, p.resourceGroup, 'publicIPPrefixes', p.segments[1]);
  const prefix = await reader.read(id, () => reader.arm.get<PublicIPPrefix>(prefixPath), {
    scope: 'egress',
    what: id,
    permission: 'Microsoft.Network/publicIPPrefixes/read',
  });
  if (!prefix) return `public IP prefix ${id} could not be read${reader.why(id)}`;
  if (!prefix.ipPrefix) return `public IP prefix ${id} has no prefix allocated`;
  return { cidr: prefix.ipPrefix, source: id, kind: 'public-ip-prefix' };
}

// --- registries --------------------------------------------------------------------------------------------------

async function collectRegistry(
  reader: ArmReader | undefined,
  registry: Registry,
  nodes: NodeNetworkFacts,
  clusterSub: string,
  suffixes: string[],
): Promise<RegistryNetworkFacts> {
  const id = registry.id ?? '';
  const p = parseResourceId(id);
  const loginServer = (registry.loginServer ?? `${registry.name ?? ''}${suffixes[0] ?? '.azurecr.io'}`).toLowerCase();
  const { zoneName, recordBase } = privateZoneFor(loginServer, suffixes);
  const facts: RegistryNetworkFacts = {
    id,
    name: registry.name ?? p?.segments[1] ?? loginServer,
    loginServer,
    subscriptionId: p?.subscriptionId ?? '',
    resourceGroup: p?.resourceGroup ?? '',
    location: normalizeRegion(registry.location ?? ''),
    ...(registry.sku?.name ? { sku: registry.sku.name } : {}),
    ...(registry.publicNetworkAccess ? { publicNetworkAccess: registry.publicNetworkAccess } : {}),
    ...(registry.networkRuleSet?.defaultAction ? { defaultAction: registry.networkRuleSet.defaultAction } : {}),
    ipRules: (registry.networkRuleSet?.ipRules ?? [])
      .filter((r) => (r.action ?? 'Allow') === 'Allow')
      .map((r) => r.iPAddressOrRange),
    ...(registry.networkRuleBypassOptions ? { networkRuleBypassOptions: registry.networkRuleBypassOptions } : {}),
    dataEndpointEnabled: registry.dataEndpointEnabled === true,
    dataEndpointHostNames: registry.dataEndpointHostNames ?? [],
    regions: registry.location ? [normalizeRegion(registry.location)] : [],
    privateEndpoints: [],
    privateZoneName: zoneName,
    requiredRecords: [],
    privateZones: [],
  };

  if (reader && facts.defaultAction?.toLowerCase() === 'deny') {
    const vnet = await readVirtualNetworkRules(reader, facts);
    if (Array.isArray(vnet)) facts.virtualNetworkRules = vnet;
    else facts.virtualNetworkRulesUnknown = vnet.reason;
  } else if (facts.defaultAction?.toLowerCase() === 'deny') {
    facts.virtualNetworkRulesUnknown = 'no Azure sign-in';
  }

  const connections = registry.privateEndpointConnections ?? [];
  if (reader && p && connections.length > 0) {
    const [regions, endpoints] = await Promise.all([
      replicaRegions(reader, facts, registry),
      Promise.all(connections.map((c) => collectEndpoint(reader, facts, c, nodes))),
    ]);
    facts.regions = regions;
    facts.privateEndpoints = endpoints;
    facts.requiredRecords = [recordBase, ...regions.map((r) => `${recordBase}.${r}.data`)];
    facts.privateZones = await collectZones(reader, facts, nodes, clusterSub);
  } else {
    facts.privateEndpoints = connections.map((c) => endpointFromConnection(c));
    facts.requiredRecords = [recordBase, ...facts.regions.map((r) => `${recordBase}.${r}.data`)];
  }
  return facts;
}

/**
 * The api-version the VNet rules are read at. The SDK (api-version 2025-11-01) has no `virtualNetworkRules`, and ARM
 * leaves the key out at 2023-11-01-preview for a registry that lists one at 2021-08-01-preview (azure-cli
 * test_acr_network_rule.yaml recordings, same registry 1 s apart).
 */
export const VNET_RULES_API_VERSION = '2021-08-01-preview';

/** Allowed subnet ids from a registry body read at VNET_RULES_API_VERSION (pure; absent key: none). */
export function virtualNetworkRulesFrom(body: unknown): string[] {
  const props = (body as { properties?: { networkRuleSet?: { virtualNetworkRules?: unknown } } } | null)?.properties;
  const rules = props?.networkRuleSet?.virtualNetworkRules;
  if (!Array.isArray(rules)) return [];
  return rules
    .filter((r): r is { id: string; action?: string } => !!r && typeof (r as { id?: unknown }).id === 'string')
    .filter((r) => (r.action ?? 'Allow').toLowerCase() === 'allow')
    .map((r) => r.id);
}

/** A raw GET of the registry through the SDK client's pipeline (its credential, retries and abort signal). */
async function readVirtualNetworkRules(
  reader: ArmReader,
  facts: RegistryNetworkFacts,
): Promise<string[] | { reason: string }> {
  const permission = 'Microsoft.ContainerRegistry/registries/read';
  const client = reader.acrClient(facts.subscriptionId);
  const base = reader.ctx.azure!.endpoints.resourceManager.replace(/\/+$/, '');
  const url = `${base}${facts.id}?api-version=${VNET_RULES_API_VERSION}`;
  let reason: string;
  try {
    const res = await client.pipeline.sendRequest(
      reader.sdk.core.createDefaultHttpClient(),
      reader.sdk.core.createPipelineRequest({ url, method: 'GET', abortSignal: reader.ctx.signal }),
    );
    if (res.status === 200) {
      try {
        return virtualNetworkRulesFrom(JSON.parse(res.bodyAsText ?? 'null'));
      } catch {
        reason = `the registry body at api-version ${VNET_RULES_API_VERSION} is not JSON`;
      }
    } else {
      let code = '';
      try {
        code = String((JSON.parse(res.bodyAsText ?? '{}') as { error?: { code?: string } }).error?.code ?? '');
      } catch {
        code = '';
      }
      reason =
        res.status === 403 || res.status === 401
          ? `the gate's identity lacks ${permission} (${code || `HTTP ${res.status}`})`
          : `HTTP ${res.status}${code ? ` ${code}` : ''} at api-version ${VNET_RULES_API_VERSION}`;
    }
  } catch (err) {
    reason = describeArmError(err, permission);
  }
  // Not an unverifiable read of its own: it matters only when the IP rules leave the nodes out (checks/network.ts).
  reader.ctx.logger.debug(`network: cannot read the VNet rules of ${facts.loginServer}: ${reason}`);
  return { reason };
}

/** `privatelink.azurecr.io` and `myregistry` for `myregistry.azurecr.io` (sovereign suffixes alike). */
export function privateZoneFor(loginServer: string, suffixes: string[]): { zoneName: string; recordBase: string } {
  const host = loginServer.toLowerCase();
  const known = [...suffixes, '.azurecr.io', '.azurecr.us', '.azurecr.cn'].find((s) => host.endsWith(s.toLowerCase()));
  if (known) return { zoneName: `privatelink${known.toLowerCase()}`, recordBase: host.slice(0, -known.length) };
  const dot = host.indexOf('.');
  return dot > 0
    ? { zoneName: `privatelink${host.slice(dot)}`, recordBase: host.slice(0, dot) }
    : { zoneName: 'privatelink.azurecr.io', recordBase: host };
}

async function replicaRegions(reader: ArmReader, facts: RegistryNetworkFacts, registry: Registry) {
  const home = facts.regions;
  // Only Premium registries replicate; asking the others costs a read and proves nothing.
  if ((registry.sku?.name ?? '').toLowerCase() !== 'premium') return home;
  const replications = await reader.list(
    `${facts.id}/replications`,
    () => reader.acrClient(facts.subscriptionId).replications.list(facts.resourceGroup, facts.name, reader.opts),
    {
      scope: 'registry',
      registryId: facts.id,
      what: `replications of ${facts.name}`,
      permission: 'Microsoft.ContainerRegistry/registries/replications/read',
    },
  );
  return unique([...home, ...(replications ?? []).map((r) => normalizeRegion(r.location ?? '')).filter(Boolean)]);
}

type Connection = NonNullable<Registry['privateEndpointConnections']>[number];

function endpointFromConnection(c: Connection): PrivateEndpointFacts {
  return {
    connectionId: c.id ?? '',
    status: c.privateLinkServiceConnectionState?.status ?? 'Unknown',
    ...(c.privateLinkServiceConnectionState?.description
      ? { description: c.privateLinkServiceConnectionState.description }
      : {}),
    ...(c.privateEndpoint?.id ? { endpointId: c.privateEndpoint.id } : {}),
    reach: 'unknown',
    dnsConfigs: [],
    zoneIds: [],
  };
}

async function collectEndpoint(
  reader: ArmReader,
  registry: RegistryNetworkFacts,
  c: Connection,
  nodes: NodeNetworkFacts,
): Promise<PrivateEndpointFacts> {
  const facts = endpointFromConnection(c);
  const p = parseResourceId(facts.endpointId);
  if (!p || !facts.endpointId) return facts;
  const endpointPath = networkPath(p.subscriptionId, p.resourceGroup, 'privateEndpoints', p.segments[1]);
  const failure = {
    scope: 'registry' as const,
    registryId: registry.id,
    what: facts.endpointId,
    permission: 'Microsoft.Network/privateEndpoints/read',
  };
  const [pe, groups] = await Promise.all([
    reader.read(facts.endpointId, () => reader.arm.get<PrivateEndpoint>(endpointPath), failure),
    reader.read(
      `${facts.endpointId}/privateDnsZoneGroups`,
      () => reader.arm.list<PrivateDnsZoneGroup>(`${endpointPath}/privateDnsZoneGroups`),
      {
        ...failure,
        what: `DNS zone groups of ${facts.endpointId}`,
        permission: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups/read',
      },
    ),
  ]);
  if (pe) applyEndpoint(facts, pe, nodes);
  facts.zoneIds = uniqueIds(
    (groups ?? []).flatMap((g) => (g.privateDnsZoneConfigs ?? []).map((z) => z.privateDnsZoneId)),
  );
  return facts;
}

function applyEndpoint(facts: PrivateEndpointFacts, pe: PrivateEndpoint, nodes: NodeNetworkFacts) {
  const subnetId = pe.subnet?.id;
  const vnetId = subnetId ? vnetOfSubnet(subnetId) : undefined;
  if (subnetId) facts.subnetId = subnetId;
  if (vnetId) facts.vnetId = vnetId;
  facts.dnsConfigs = (pe.customDnsConfigs ?? [])
    .filter((d) => d.fqdn)
    .map((d) => ({ fqdn: (d.fqdn ?? '').toLowerCase(), ipAddresses: d.ipAddresses ?? [] }));
  facts.reach = reachOf(vnetId, nodes);
}

function reachOf(vnetId: string | undefined, nodes: NodeNetworkFacts): EndpointReach {
  if (!vnetId || nodes.vnetIds.length === 0) return 'unknown';
  const key = idKey(vnetId);
  if (nodes.vnetIds.some((v) => idKey(v) === key)) return 'same-vnet';
  if (!nodes.peeredVnetIds) return 'unknown';
  return nodes.peeredVnetIds.some((v) => idKey(v) === key) ? 'peered' : 'not-connected';
}

async function collectZones(
  reader: ArmReader,
  registry: RegistryNetworkFacts,
  nodes: NodeNetworkFacts,
  clusterSub: string,
): Promise<PrivateZoneFacts[]> {
  const zoneName = registry.privateZoneName;
  const candidates = new Map<string, string>(); // key -> id
  for (const pe of registry.privateEndpoints) {
    for (const z of pe.zoneIds) if (isZoneNamed(z, zoneName)) candidates.set(idKey(z), z);
  }
  // Zones are often created by hand in the cluster's (or a hub) subscription, with no zone group pointing at them.
  const subs = unique([clusterSub, ...nodes.vnetIds.map((v) => parseResourceId(v)?.subscriptionId ?? '')]).filter(
    Boolean,
  );
  const listed = await Promise.all(
    subs.map((sub) =>
      reader.list(`zones:${sub}`, () => reader.dnsClient(sub).privateZones.list(reader.opts), {
        scope: 'registry',
        registryId: registry.id,
        what: `private DNS zones in subscription ${sub}`,
        permission: 'Microsoft.Network/privateDnsZones/read',
      }),
    ),
  );
  for (const zones of listed) {
    for (const z of zones ?? [])
      if (z.id && (z.name ?? '').toLowerCase() === zoneName) candidates.set(idKey(z.id), z.id);
  }
  return Promise.all([...candidates.values()].map((id) => collectZone(reader, registry, id, nodes)));
}

function isZoneNamed(zoneId: string, zoneName: string): boolean {
  const p = parseResourceId(zoneId);
  return (p?.segments[1] ?? '').toLowerCase() === zoneName;
}

async function collectZone(
  reader: ArmReader,
  registry: RegistryNetworkFacts,
  zoneId: string,
  nodes: NodeNetworkFacts,
): Promise<PrivateZoneFacts> {
  const p = parseResourceId(zoneId);
  const zone: PrivateZoneFacts = {
    id: zoneId,
    subscriptionId: p?.subscriptionId ?? '',
    resourceGroup: p?.resourceGroup ?? '',
    name: (p?.segments[1] ?? '').toLowerCase(),
  };
  if (!p) return zone;
  const client = reader.dnsClient(p.subscriptionId);
  const links = await reader.list(
    `${zoneId}/virtualNetworkLinks`,
    () => client.virtualNetworkLinks.list(p.resourceGroup, p.segments[1], reader.opts),
    {
      scope: 'registry',
      registryId: registry.id,
      what: `virtual network links of ${zoneId}`,
      permission: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks/read',
    },
  );
  if (!links) return zone;
  const nodeVnets = new Set(nodes.vnetIds.map(idKey));
  const link = links.find((l) => l.virtualNetwork?.id && nodeVnets.has(idKey(l.virtualNetwork.id)));
  zone.linkedToNodes = !!link;
  if (!link) return zone;
  if (link.name) zone.linkName = link.name;
  if (link.virtualNetworkLinkState) zone.linkState = link.virtualNetworkLinkState;

  const records: Record<string, string[]> = {};
  await Promise.all(
    registry.requiredRecords.map(async (name) => {
      const set = await reader.read(
        `${zoneId}/A/${name}`,
        () => client.recordSets.get(p.resourceGroup, p.segments[1], 'A', name, reader.opts),
        {
          scope: 'registry',
          registryId: registry.id,
          what: `A record ${name} in ${zoneId}`,
          permission: 'Microsoft.Network/privateDnsZones/A/read',
        },
        {},
      );
      if (set) records[name] = (set.aRecords ?? []).map((a) => a.ipv4Address ?? '').filter(Boolean);
    }),
  );
  zone.records = records;
  return zone;
}

// --- helpers -----------------------------------------------------------------------------------------------------

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** De-duplicates ARM ids case-insensitively, keeping the first spelling. */
function uniqueIds(ids: (string | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const id of ids) if (id && !seen.has(idKey(id))) seen.set(idKey(id), id);
  return [...seen.values()];
}
