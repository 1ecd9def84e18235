// Pure: diagnose's "ruled out" lines for the network and the kubelet identity, from the facts the run read (issue 17:
// "network: public access enabled, no firewall rules", "network: private endpoint approved, privatelink zone linked
// to the cluster VNet, A record 10.x.x.x") — never a generic sentence. When the facts that would say it were not read,
// nothing is ruled out.

import type { PullPathResult } from '../types/facts/context.js';

// The part of the network facts (facts/network/network.ts's NetworkFacts) these lines read; checks/ take shapes only.
interface RegistryNetworkFacts {
  loginServer: string;
  publicNetworkAccess?: string;
  defaultAction?: string;
  ipRules: string[];
  virtualNetworkRules?: string[];
  privateEndpoints: { connectionId: string; endpointId?: string; status: string; reach: string }[];
  privateZones: { name: string; linkedToNodes?: boolean; linkName?: string; records?: Record<string, string[]> }[];
}
interface NetworkFacts {
  egress: { addresses: { cidr: string }[] };
  nodes: { customDnsServers: string[] };
  registries: RegistryNetworkFacts[];
}

/** What the run read that the ruled-out lines are made of. */
export interface RuledOutFacts {
  network?: NetworkFacts;
  /** The pull paths the checks decided (the kubelet's carries the role assignment that grants the pull). */
  paths?: PullPathResult[];
}

const name = (id: string): string => id.split('/').pop() ?? id;

function firewallWords(r: RegistryNetworkFacts, egress: NetworkFacts['egress']): string {
  const deny = (r.defaultAction ?? 'Allow').toLowerCase() === 'deny';
  if (!deny) return r.ipRules.length ? `firewall default Allow (${r.ipRules.length} ip rule(s))` : 'no firewall rules';
  const cidrs = egress.addresses.map((a) => a.cidr);
  const rules = [
    ...(r.ipRules.length ? [`ip rules ${r.ipRules.join(', ')}`] : []),
    ...(r.virtualNetworkRules?.length ? [`${r.virtualNetworkRules.length} VNet rule(s)`] : []),
  ];
  return `firewall default Deny with ${rules.join(' and ') || 'no rules'}${cidrs.length ? `, which let in the cluster's egress ${cidrs.join(', ')}` : ''}`;
}

function endpointWords(r: RegistryNetworkFacts): string[] {
  const out: string[] = [];
  for (const pe of r.privateEndpoints.filter((p) => p.status.toLowerCase() === 'approved')) {
    const parts = [`private endpoint ${name(pe.endpointId ?? pe.connectionId)} approved (${pe.reach})`];
    const zone = r.privateZones.find((z) => z.linkedToNodes);
    if (zone) {
      parts.push(`${zone.name} linked to the cluster VNet${zone.linkName ? ` (link ${zone.linkName})` : ''}`);
      const records = Object.entries(zone.records ?? {}).filter(([, ips]) => ips.length > 0);
      for (const [record, ips] of records) parts.push(`A record ${record} → ${ips.join(', ')}`);
    }
    out.push(parts.join(', '));
  }
  return out;
}

/** "network: ..." for the registry of `loginServer`, or undefined when the run did not read its network posture. */
export function networkRuledOut(facts: RuledOutFacts, loginServer: string): string | undefined {
  const n = facts.network;
  const r = n?.registries.find((x) => x.loginServer.toLowerCase() === loginServer.toLowerCase());
  if (!n || !r) return undefined;
  const publicOn = (r.publicNetworkAccess ?? 'Enabled').toLowerCase() !== 'disabled';
  const parts = publicOn ? [`public access enabled, ${firewallWords(r, n.egress)}`] : ['public access disabled'];
  parts.push(...endpointWords(r));
  if (n.nodes.customDnsServers.length === 0 && r.privateEndpoints.length) parts.push('the nodes use Azure DNS');
  return `network: ${parts.join('; ')}`;
}

/** "authorization: ..." from the kubelet's working pull path (the assignment that grants it), or undefined. */
export function authorizationRuledOut(facts: RuledOutFacts, image: string): string | undefined {
  const kubelet = facts.paths?.find((p) => p.path === 'kubelet' && p.image === image && p.state === 'works');
  if (!kubelet) return undefined;
  return `authorization: the kubelet identity may pull: ${kubelet.reason ?? 'a role assignment grants pull on the registry'}`;
}
