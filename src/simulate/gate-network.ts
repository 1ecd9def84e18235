// The registry firewall as the gate's own runner meets it (world `gate.sourceIp`, `gate.subnetId`). With a source IP,
// each registry's publicNetworkAccess, networkRuleSet (ipRules, virtualNetworkRules against the runner's subnet) and
// private endpoints decide whether the gate's data-plane request is served; a refusal is ACR's real answer:
// 403 {"errors":[{"code":"DENIED","message":"client with IP '<ip>' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}
// Independent of the product's network checks (imports only the world's shapes).

import type { ArmResource } from './world.js';

export interface GateNetwork {
  sourceIp: string;
  subnetId?: string;
}

export interface NetworkView {
  resource(id: string): ArmResource | undefined;
  all(): Iterable<ArmResource>;
}

function lower(s: string): string {
  return s.toLowerCase();
}

function props(r: ArmResource | undefined): Record<string, unknown> {
  const p = r?.properties;
  return p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
}

function idOf(v: unknown): string | undefined {
  if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') return (v as { id: string }).id;
  return undefined;
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];
}

function ipv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** `203.0.113.10` in `203.0.113.0/24` (or equal to a bare address). */
export function ipInRule(ip: string, rule: string): boolean {
  const [base, bits = '32'] = rule.trim().split('/');
  const a = ipv4(ip);
  const b = ipv4(base);
  const n = Number(bits);
  if (a === undefined || b === undefined || !Number.isInteger(n) || n < 0 || n > 32) return false;
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return (a & mask) === (b & mask);
}

function vnetOf(subnetId: string): string {
  return lower(subnetId.replace(/\/subnets\/[^/]+\/?$/i, ''));
}

/** VNets a client in `vnet` reaches privately: itself and its connected peers. */
function reachableVnets(view: NetworkView, vnet: string): Set<string> {
  const out = new Set([vnet]);
  for (const p of list(props(view.resource(vnet)).virtualNetworkPeerings)) {
    const pp = (p.properties ?? p) as Record<string, unknown>;
    const remote = idOf(pp.remoteVirtualNetwork);
    if (remote && (pp.peeringState === undefined || pp.peeringState === 'Connected')) out.add(lower(remote));
  }
  return out;
}

/** The gate reaches the registry through an approved private endpoint, with the privatelink zone linked and its record. */
function privatePath(view: NetworkView, registry: ArmResource, subnetId: string): boolean {
  const name = lower(registry.id.split('/').pop() ?? '');
  const gateVnet = vnetOf(subnetId);
  const vnets = reachableVnets(view, gateVnet);
  const approved = list(props(registry).privateEndpointConnections).some((pec) => {
    const p = (pec.properties ?? {}) as Record<string, unknown>;
    const state = (p.privateLinkServiceConnectionState ?? {}) as Record<string, unknown>;
    if (state.status !== 'Approved') return false;
    const pe = idOf(p.privateEndpoint);
    const subnet = pe ? idOf(props(view.resource(pe)).subnet) : undefined;
    return !!subnet && vnets.has(vnetOf(subnet));
  });
  if (!approved) return false;
  // Name resolution happens in the runner's own VNet: the zone must be linked to it and hold the registry's record.
  let linked = false;
  let record = false;
  for (const r of view.all()) {
    const id = lower(r.id);
    if (!id.includes('/privatednszones/privatelink.azurecr.io/')) continue;
    if (id.includes('/virtualnetworklinks/') && lower(idOf(props(r).virtualNetwork) ?? '') === gateVnet) linked = true;
    if (id.endsWith(`/a/${name}`)) record = true;
  }
  return linked && record;
}

/** Whether the registry's network rules let the gate's runner in. */
export function gateAllowed(view: NetworkView, registry: ArmResource | undefined, net: GateNetwork): boolean {
  if (!registry) return true;
  const p = props(registry);
  if (net.subnetId && privatePath(view, registry, net.subnetId)) return true;
  if (p.publicNetworkAccess === 'Disabled') return false;
  const rules = (p.networkRuleSet ?? {}) as Record<string, unknown>;
  if (rules.defaultAction !== 'Deny') return true;
  if (list(rules.ipRules).some((r) => typeof r.value === 'string' && ipInRule(net.sourceIp, r.value))) return true;
  const subnet = net.subnetId ? lower(net.subnetId) : undefined;
  return !!subnet && list(rules.virtualNetworkRules).some((r) => typeof r.id === 'string' && lower(r.id) === subnet);
}

export function firewallDeniedMessage(ip: string): string {
  return `client with IP '${ip}' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`;
}
