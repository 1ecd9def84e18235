// Network posture rules: can the nodes reach each registry their images come from, over the public endpoint (public
// access, firewall vs. the cluster's egress IPs) or over a private endpoint (approved, reachable from the node VNet,
// privatelink DNS zone linked with the registry and data-endpoint A records)? Pure: reads NetworkFacts only.
// "Any working path pulls": a broken private path beside a working public one is a warning, and the other way round.

import ipaddr from 'ipaddr.js';
import type {
  NetworkFacts,
  NetworkUnverifiable,
  PrivateEndpointFacts,
  PrivateZoneFacts,
  RegistryNetworkFacts,
} from '../types/facts/network.js';
import type { Finding, ImageUse, RuleId, Severity, SourceLocation } from '../types/index.js';
import { resourceGroupOf as armResourceGroupOf } from '../lib/arm-id.js';
import {
  acrNetworkRuleAdd,
  acrNetworkRuleList,
  acrPublicNetworkEnable,
  privateDnsLinkVnetCreate,
  privateDnsRecordAdd,
  privateDnsRecordRemove,
  privateDnsZoneCreate,
  privateEndpointConnectionApprove,
  privateEndpointCreate,
  privateEndpointDnsZoneGroupCreate,
} from '../rules/remediation.js';

/** Emitted here when egress is not known, and by the gate when the network reads time out. */
export const CLUSTER_EGRESS_UNKNOWN: RuleId = 'cluster-egress-unknown';

type PublicPath =
  | { state: 'open' }
  | { state: 'disabled' }
  | { state: 'blocked'; missing: string[] }
  | { state: 'unknown'; reasons: string[] };

type DnsState =
  | { state: 'ok'; zone: PrivateZoneFacts }
  | { state: 'custom-dns'; servers: string[] }
  | { state: 'not-linked'; zones: PrivateZoneFacts[] }
  | { state: 'records-missing'; zone: PrivateZoneFacts; problems: RecordProblem[] }
  | { state: 'unknown' };

interface RecordProblem {
  record: string;
  /** IPs the private endpoint has for this name (from its customDnsConfigs), when known. */
  expected: string[];
  /** What the record holds now (empty: no record). */
  actual: string[];
}

/**
 * Network findings for every registry that images use (all registries when `imagesByRegistry` is empty, as in an
 * audit). Findings sit at the first image use of their registry; `registry` is the login server.
 */
export function checkNetwork(facts: NetworkFacts, imagesByRegistry: Map<string, ImageUse[]>): Finding[] {
  const uses = new Map<string, ImageUse[]>();
  for (const [host, list] of imagesByRegistry) uses.set(host.toLowerCase(), list);
  const findings: Finding[] = [];
  for (const registry of facts.registries) {
    const hostUses = usesOf(registry, uses);
    if (uses.size > 0 && hostUses.length === 0) continue;
    try {
      findings.push(...checkRegistry(facts, registry, firstLocation(hostUses)));
    } catch (err) {
      // Checks never throw on odd facts; a bug here must not hide the other registries' findings.
      findings.push({
        rule: 'network-unverifiable',
        severity: 'warning',
        registry: registry.loginServer,
        message: `Network posture of ${registry.loginServer} could not be evaluated: ${String(err)}`,
      });
    }
  }
  return findings;
}

function usesOf(registry: RegistryNetworkFacts, uses: Map<string, ImageUse[]>): ImageUse[] {
  // The gate keys uses by login server, with every host of the registry (data and regional endpoints) folded in.
  const hosts = [...new Set([registry.loginServer, ...registry.dataEndpointHostNames].map((h) => h.toLowerCase()))];
  return hosts.flatMap((h) => uses.get(h) ?? []);
}

function firstLocation(uses: ImageUse[]): SourceLocation | undefined {
  const sorted = [...uses].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
  return sorted[0]?.location;
}

function checkRegistry(facts: NetworkFacts, r: RegistryNetworkFacts, location: SourceLocation | undefined): Finding[] {
  const out: Finding[] = [];
  const base = (rule: RuleId, severity: Severity, message: string): Finding => ({
    rule,
    severity,
    message,
    registry: r.loginServer,
    ...(location ? { location } : {}),
  });

  const publicPath = evaluatePublicPath(facts, r);
  const reachable = r.privateEndpoints.filter((pe) => pe.reach === 'same-vnet' || pe.reach === 'peered');
  const usable = reachable.filter((pe) => pe.status === 'Approved');
  const dns = usable.length > 0 ? evaluateDns(facts, r, usable) : ({ state: 'unknown' } as DnsState);
  const privateWorks = usable.length > 0 && dns.state === 'ok';
  // An approved endpoint whose VNet could not be read, or DNS the gate cannot see, may well work: not an error.
  const privateMaybe =
    (usable.length > 0 && (dns.state === 'custom-dns' || dns.state === 'unknown')) ||
    r.privateEndpoints.some((pe) => pe.status === 'Approved' && pe.reach === 'unknown');
  const publicBlocked = publicPath.state === 'disabled' || publicPath.state === 'blocked';
  // A broken private piece is an error only when the public path is certainly closed too.
  const privateSeverity: Severity = publicBlocked ? 'error' : 'warning';

  // Private endpoints the nodes could use but that are not approved.
  if (!privateWorks) {
    const candidates = r.privateEndpoints.filter((pe) => pe.status !== 'Approved' && pe.reach !== 'not-connected');
    for (const pe of candidates) out.push(notApproved(base, r, pe, privateSeverity, publicPath));
  }

  // DNS of the private path, when an approved reachable endpoint exists.
  if (usable.length > 0) out.push(...dnsFindings(base, facts, r, dns, privateSeverity));

  if (!privateWorks && !privateMaybe) {
    // With an approved reachable endpoint, what is broken is its DNS (reported above), not the lack of a path.
    const pendingNearby = r.privateEndpoints.some((pe) => pe.status !== 'Approved' && pe.reach !== 'not-connected');
    if (publicPath.state === 'disabled' && usable.length === 0 && !pendingNearby) {
      out.push(publicAccessDisabled(base, facts, r));
    }
    if (publicPath.state === 'blocked') out.push(firewallBlocks(base, facts, r, publicPath.missing));
    if (publicPath.state === 'unknown') out.push(egressUnknown(base, facts, r, publicPath.reasons));
  }

  out.push(...unverifiableFindings(base, facts, r, publicPath, usable.length > 0 || r.privateEndpoints.length > 0));
  return out;
}

// --- public path -------------------------------------------------------------------------------------------------

function evaluatePublicPath(facts: NetworkFacts, r: RegistryNetworkFacts): PublicPath {
  if ((r.publicNetworkAccess ?? 'Enabled').toLowerCase() === 'disabled') return { state: 'disabled' };
  if ((r.defaultAction ?? 'Allow').toLowerCase() !== 'deny') return { state: 'open' };
  const egress = facts.egress;
  const reasons = [...egress.unknown];
  if (egress.httpsProxy && !noProxyCovers(egress.httpsProxy.noProxy, r.loginServer)) {
    reasons.push(
      `nodes pull through the HTTPS proxy ${redactUrl(egress.httpsProxy.proxy)}, whose egress IP is not known`,
    );
  }
  const rules = r.ipRules.map(parseRange).filter((x): x is [ipaddr.IPv4 | ipaddr.IPv6, number] => !!x);
  const missing: string[] = [];
  for (const address of egress.addresses) {
    const range = parseRange(address.cidr);
    // ACR IP rules are IPv4 only; an IPv6 egress address is not what the registry sees for an IPv4 connection.
    if (!range || range[0].kind() !== 'ipv4') continue;
    if (!rules.some((rule) => rangeContains(rule, range))) missing.push(address.cidr.replace(/\/32$/, ''));
  }
  if (missing.length > 0 || reasons.length > 0 || egress.addresses.length === 0) {
    // Service-endpoint VNet rules: nodes in an allowed subnet reach the registry whatever their public IP.
    const subnets = facts.nodes.subnetIds;
    const allowed = new Set((r.virtualNetworkRules ?? []).map(idKey));
    if (subnets.length > 0 && subnets.every((s) => allowed.has(idKey(s)))) return { state: 'open' };
    if (missing.length > 0 && r.virtualNetworkRulesUnknown !== undefined) {
      return {
        state: 'unknown',
        reasons: [
          ...reasons,
          `the egress ${missing.length === 1 ? 'address' : 'addresses'} ${missing.join(', ')} ` +
            `${missing.length === 1 ? 'is' : 'are'} not in the IP rules, and the registry's service-endpoint VNet ` +
            `rules, which may allow the node subnets, could not be read (${r.virtualNetworkRulesUnknown})`,
        ],
      };
    }
  }
  if (missing.length > 0) return { state: 'blocked', missing };
  if (reasons.length > 0 || egress.addresses.length === 0) {
    return { state: 'unknown', reasons: reasons.length > 0 ? reasons : ['no egress address is known'] };
  }
  return { state: 'open' };
}

/** Resource ids compare case-insensitively, without a trailing slash. */
function idKey(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}

/** `1.2.3.4` or `1.2.3.0/28` -> [network, bits]; undefined when unparseable (never throws). */
export function parseRange(value: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  const v = value.trim();
  try {
    if (v.includes('/')) return ipaddr.parseCIDR(v);
    const addr = ipaddr.parse(v);
    return [addr, addr.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return undefined;
  }
}

/** True when every address of `inner` lies in `outer`. */
export function rangeContains(
  outer: [ipaddr.IPv4 | ipaddr.IPv6, number],
  inner: [ipaddr.IPv4 | ipaddr.IPv6, number],
): boolean {
  if (outer[0].kind() !== inner[0].kind() || outer[1] > inner[1]) return false;
  return inner[0].match(outer[0], outer[1]);
}

function noProxyCovers(noProxy: string[], host: string): boolean {
  const h = host.toLowerCase();
  return noProxy.some((entry) => {
    const e = entry.trim().toLowerCase().replace(/^\*/, '');
    if (!e) return false;
    if (e === '*') return true;
    return e.startsWith('.') ? h.endsWith(e) || h === e.slice(1) : h === e || h.endsWith(`.${e}`);
  });
}

function redactUrl(url: string): string {
  // Proxy URLs may carry user:password; only the host is useful in a message.
  try {
    return new URL(url).host;
  } catch {
    return '(proxy)';
  }
}

// --- private DNS -------------------------------------------------------------------------------------------------

function evaluateDns(facts: NetworkFacts, r: RegistryNetworkFacts, usable: PrivateEndpointFacts[]): DnsState {
  if (facts.nodes.customDnsServers.length > 0) return { state: 'custom-dns', servers: facts.nodes.customDnsServers };
  if (facts.nodes.vnetIds.length === 0) return { state: 'unknown' };
  const linked = r.privateZones.find((z) => z.linkedToNodes === true);
  if (!linked) {
    // A zone whose links could not be read might be the linked one.
    if (r.privateZones.some((z) => z.linkedToNodes === undefined)) return { state: 'unknown' };
    if (hasRegistryUnverifiable(facts, r, 'privateDnsZones/read')) return { state: 'unknown' };
    return { state: 'not-linked', zones: r.privateZones };
  }
  if (!linked.records) return { state: 'unknown' };
  const problems: RecordProblem[] = [];
  for (const record of r.requiredRecords) {
    const actual = linked.records[record];
    if (actual === undefined) continue; // read failed: reported as unverifiable
    const expected = expectedIps(r, record, usable);
    if (actual.length === 0) problems.push({ record, expected, actual });
    else if (expected.length > 0 && !actual.some((ip) => expected.includes(ip))) {
      problems.push({ record, expected, actual });
    }
  }
  return problems.length > 0 ? { state: 'records-missing', zone: linked, problems } : { state: 'ok', zone: linked };
}

/** IPs the endpoints give for `<record>.<suffix>` (customDnsConfigs list public FQDNs, not privatelink ones). */
function expectedIps(r: RegistryNetworkFacts, record: string, endpoints: PrivateEndpointFacts[]): string[] {
  const suffix = r.privateZoneName.replace(/^privatelink/, '');
  const fqdns = new Set([`${record}${suffix}`, `${record}.${r.privateZoneName}`]);
  return [
    ...new Set(endpoints.flatMap((pe) => pe.dnsConfigs.filter((d) => fqdns.has(d.fqdn)).flatMap((d) => d.ipAddresses))),
  ];
}

function hasRegistryUnverifiable(facts: NetworkFacts, r: RegistryNetworkFacts, permissionPart: string): boolean {
  return facts.unverifiable.some(
    (u) => u.scope === 'registry' && u.registryId === r.id && u.permission.includes(permissionPart),
  );
}

type Base = (rule: RuleId, severity: Severity, message: string) => Finding;

function dnsFindings(
  base: Base,
  facts: NetworkFacts,
  r: RegistryNetworkFacts,
  dns: DnsState,
  severity: Severity,
): Finding[] {
  const alt = severity === 'warning' ? ' Pulls use the public endpoint for now.' : '';
  switch (dns.state) {
    case 'custom-dns':
      return [
        {
          ...base(
            'private-dns-unverifiable',
            'warning',
            `The nodes' VNet uses custom DNS servers (${dns.servers.join(', ')}): the gate cannot verify that ` +
              `${r.loginServer} resolves to its private endpoint. Make sure those servers forward ${r.privateZoneName} ` +
              `to Azure DNS (168.63.129.16) from a VNet linked to the zone.`,
          ),
          evidence: { dnsServers: dns.servers, zone: r.privateZoneName },
        },
      ];
    case 'not-linked':
      return [notLinked(base, facts, r, dns.zones, severity, alt)];
    case 'records-missing':
      return dns.problems.map((p) => recordMissing(base, facts, r, dns.zone, p, severity, alt));
    default:
      return [];
  }
}

function notLinked(
  base: Base,
  facts: NetworkFacts,
  r: RegistryNetworkFacts,
  zones: PrivateZoneFacts[],
  severity: Severity,
  alt: string,
): Finding {
  const vnetId = facts.nodes.vnetIds[0] ?? '<node vnet id>';
  const vnetName = vnetId.split('/').pop() ?? 'nodes';
  // Prefer the zone the private endpoint writes its records to.
  const groupZones = new Set(r.privateEndpoints.flatMap((pe) => pe.zoneIds.map((z) => z.toLowerCase())));
  const zone = zones.find((z) => groupZones.has(z.id.toLowerCase())) ?? zones[0];
  const link = (resourceGroup: string): string =>
    privateDnsLinkVnetCreate(
      { resourceGroup, subscriptionId: subscriptionFlag(facts, zone?.subscriptionId) },
      r.privateZoneName,
      `${vnetName}-link`,
      vnetId,
    );
  const remediation = zone
    ? link(zone.resourceGroup)
    : `${privateDnsZoneCreate(resourceGroupOf(vnetId), r.privateZoneName)}\n${link(resourceGroupOf(vnetId))}`;
  const message = zone
    ? `No ${r.privateZoneName} zone is linked to the nodes' VNet ${vnetName}: nodes resolve ${r.loginServer} to its public address, not to the private endpoint.${alt}`
    : `No ${r.privateZoneName} private DNS zone exists where the gate can see: nodes resolve ${r.loginServer} to its public address, not to the private endpoint.${alt}`;
  return {
    ...base('private-dns-zone-not-linked', severity, message),
    remediation,
    evidence: { nodeVnet: vnetId, zones: zones.map((z) => z.id) },
  };
}

function recordMissing(
  base: Base,
  facts: NetworkFacts,
  r: RegistryNetworkFacts,
  zone: PrivateZoneFacts,
  p: RecordProblem,
  severity: Severity,
  alt: string,
): Finding {
  const ip = p.expected[0] ?? '<private endpoint IP>';
  const at = { resourceGroup: zone.resourceGroup, subscriptionId: subscriptionFlag(facts, zone.subscriptionId) };
  const add = privateDnsRecordAdd(at, r.privateZoneName, p.record, ip);
  const fqdn = `${p.record}.${r.privateZoneName}`;
  if (p.actual.length === 0) {
    return {
      ...base(
        'private-dns-record-missing',
        severity,
        `The ${r.privateZoneName} zone linked to the nodes has no A record ${p.record} (${fqdn}): ` +
          `${p.record.endsWith('.data') ? 'layer downloads from that region' : 'token and manifest requests'} ` +
          `for ${r.loginServer} go to the public endpoint.${alt}`,
      ),
      remediation: add,
      evidence: { zone: zone.id, record: p.record, expected: p.expected },
    };
  }
  const remove = p.actual.map((old) => privateDnsRecordRemove(at, r.privateZoneName, p.record, old)).join('\n');
  return {
    ...base(
      'private-dns-record-missing',
      severity,
      `The A record ${p.record} in ${r.privateZoneName} points to ${p.actual.join(', ')}, but the private endpoint of ` +
        `${r.loginServer} has ${p.expected.join(', ')} (a stale record from a recreated endpoint?).${alt}`,
    ),
    remediation: `${add}\n${remove}`,
    evidence: { zone: zone.id, record: p.record, expected: p.expected, actual: p.actual },
  };
}

/** The zone's subscription when it is not the cluster's (the commands run in the cluster's subscription). */
function subscriptionFlag(facts: NetworkFacts, sub: string | undefined): string | undefined {
  return sub && facts.clusterSubscriptionId && sub.toLowerCase() !== facts.clusterSubscriptionId.toLowerCase()
    ? sub
    : undefined;
}

function resourceGroupOf(id: string): string {
  return armResourceGroupOf(id) ?? '<resource group>';
}

// --- endpoint, public access, firewall, egress -------------------------------------------------------------------

function notApproved(
  base: Base,
  r: RegistryNetworkFacts,
  pe: PrivateEndpointFacts,
  severity: Severity,
  publicPath: PublicPath,
): Finding {
  const name = pe.endpointId?.split('/').pop() ?? pe.connectionId.split('/').pop() ?? 'private endpoint';
  const why =
    publicPath.state === 'disabled'
      ? ' Public network access is disabled, so this endpoint is the only way in.'
      : severity === 'warning'
        ? ' Pulls use the public endpoint for now.'
        : '';
  const disconnected =
    pe.status.toLowerCase() === 'disconnected' ? ' If approval fails, recreate the private endpoint.' : '';
  return {
    ...base(
      'private-endpoint-not-approved',
      severity,
      `Private endpoint ${name} of ${r.loginServer} is ${pe.status}${pe.description ? ` ("${pe.description}")` : ''}, not Approved: ` +
        `no traffic flows through it.${why}${disconnected}`,
    ),
    remediation: privateEndpointConnectionApprove(pe.connectionId),
    evidence: { connection: pe.connectionId, status: pe.status, reach: pe.reach },
  };
}

function publicAccessDisabled(base: Base, facts: NetworkFacts, r: RegistryNetworkFacts): Finding {
  const subnet = facts.nodes.subnetIds[0] ?? '<node subnet id>';
  const vnet = facts.nodes.vnetIds[0] ?? '<node vnet id>';
  const rg = resourceGroupOf(vnet);
  const pe = `${r.name}-pe`;
  const elsewhere = r.privateEndpoints.filter((p) => p.reach === 'not-connected');
  const detail =
    elsewhere.length > 0
      ? ` Its private endpoints sit in VNets not peered with the nodes' VNet (${elsewhere.map((p) => p.vnetId ?? p.endpointId).join(', ')}).`
      : r.privateEndpoints.length === 0
        ? ' It has no private endpoint.'
        : '';
  return {
    ...base(
      'registry-public-access-disabled',
      'error',
      `${r.loginServer} has public network access disabled and no approved private endpoint the nodes can reach: ` +
        `every pull times out or gets 403.${detail} Create a private endpoint in the nodes' VNet (below), or ` +
        `re-enable public access with ${acrPublicNetworkEnable(r.name)}.`,
    ),
    remediation: [
      privateEndpointCreate(rg, pe, subnet, r.id),
      privateDnsZoneCreate(rg, r.privateZoneName),
      privateDnsLinkVnetCreate(
        { resourceGroup: rg },
        r.privateZoneName,
        `${vnet.split('/').pop() ?? 'nodes'}-link`,
        vnet,
      ),
      privateEndpointDnsZoneGroupCreate(rg, pe, r.privateZoneName),
    ].join('\n'),
    evidence: {
      publicNetworkAccess: r.publicNetworkAccess,
      privateEndpoints: r.privateEndpoints.map((p) => p.connectionId),
    },
  };
}

function firewallBlocks(base: Base, facts: NetworkFacts, r: RegistryNetworkFacts, missing: string[]): Finding {
  const bypass =
    (r.networkRuleBypassOptions ?? '').toLowerCase() === 'azureservices'
      ? ' The trusted-services bypass does not cover AKS nodes.'
      : '';
  return {
    ...base(
      'registry-firewall-blocks-cluster',
      'error',
      `The firewall of ${r.loginServer} denies by default and does not allow the cluster's egress ` +
        `${missing.length === 1 ? 'address' : 'addresses'} ${missing.join(', ')} (outbound type ${facts.egress.outboundType}): ` +
        `pulls get 403.${bypass}`,
    ),
    remediation: missing.map((ip) => acrNetworkRuleAdd(r.name, ip)).join('\n'),
    evidence: {
      missing,
      egress: facts.egress.addresses.map((a) => a.cidr),
      ipRules: r.ipRules,
      outboundType: facts.egress.outboundType,
    },
  };
}

function egressUnknown(base: Base, facts: NetworkFacts, r: RegistryNetworkFacts, reasons: string[]): Finding {
  return {
    ...base(
      CLUSTER_EGRESS_UNKNOWN,
      'warning',
      `The firewall of ${r.loginServer} denies by default, and the cluster's egress address cannot be verified ` +
        `against its rules: ${reasons.join('; ')}. Make sure the public IP your traffic leaves from is in the ` +
        `registry's network rules (${acrNetworkRuleList(r.name)}).`,
    ),
    evidence: { reasons, outboundType: facts.egress.outboundType, ipRules: r.ipRules },
  };
}

function unverifiableFindings(
  base: Base,
  facts: NetworkFacts,
  r: RegistryNetworkFacts,
  publicPath: PublicPath,
  privateMatters: boolean,
): Finding[] {
  // Egress reads are already folded into cluster-egress-unknown; only report reads whose facts this registry needs.
  const relevant = facts.unverifiable.filter(
    (u) =>
      (u.scope === 'registry' && u.registryId === r.id) ||
      (u.scope === 'nodes' && privateMatters) ||
      (u.scope === 'egress' && publicPath.state === 'unknown' && u.what === 'network posture'),
  );
  return relevant.map((u: NetworkUnverifiable) => ({
    ...base(
      'network-unverifiable',
      'warning',
      `Cannot verify the network path to ${r.loginServer}: reading ${u.what} failed: ${u.reason}. Grant the gate's ` +
        `identity ${u.permission} (Reader covers it).`,
    ),
    evidence: { what: u.what, permission: u.permission },
  }));
}

/** The uses of each registry's images, by login server (its data and regional endpoints count as the registry). */
export function usesByRegistry(
  uses: ImageUse[],
  registries: { loginServer: string; dataEndpointHostNames?: string[]; regionalEndpointHostNames?: string[] }[],
): Map<string, ImageUse[]> {
  const map = new Map<string, ImageUse[]>();
  for (const r of registries) {
    const hosts = new Set(
      [r.loginServer, ...(r.dataEndpointHostNames ?? []), ...(r.regionalEndpointHostNames ?? [])].map((h) =>
        h.toLowerCase(),
      ),
    );
    map.set(
      r.loginServer,
      uses.filter((u) => u.ref && hosts.has(u.ref.registry.toLowerCase())),
    );
  }
  return map;
}
