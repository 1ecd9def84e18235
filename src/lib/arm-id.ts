// Azure Resource Manager ids: the one grammar every stage uses to read and compare them. ARM ids compare
// case-insensitively (AKS writes `/resourcegroups/`, the portal `/resourceGroups/`), names keep the case they were
// written with. Pure: imports nothing.

/** Lower-cased, slash-trimmed segments of an ARM id. */
export function armSegments(id: string): string[] {
  return id
    .trim()
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '');
}

/** Case-insensitive comparison key of an ARM id (trimmed, no trailing slash, lower case). */
export function armIdKey(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}

/** True when two ARM ids name the same resource (case-insensitive, ignoring trailing slashes). */
export function sameArmId(a: string, b: string): boolean {
  const x = armSegments(a);
  const y = armSegments(b);
  return x.length === y.length && x.every((s, i) => s === y[i]);
}

/** Subscription id of an ARM id, lower-cased, or undefined. */
export function subscriptionOf(id: string): string | undefined {
  const s = armSegments(id);
  return s[0] === 'subscriptions' && s[1] ? s[1] : undefined;
}

/** Resource group name of an ARM id (as written), or undefined. */
export function resourceGroupOf(id: string): string | undefined {
  const parts = id.split('/').filter((s) => s !== '');
  const i = parts.findIndex((p) => p.toLowerCase() === 'resourcegroups');
  return i >= 0 ? parts[i + 1] : undefined;
}

/** Last segment (resource name) of an ARM id. */
export function resourceNameOf(id: string): string {
  const parts = id.split('/').filter((s) => s !== '');
  return parts[parts.length - 1] ?? '';
}

export interface ArmId {
  subscriptionId: string;
  resourceGroup: string;
  provider: string;
  /** Type segments and names after the provider, as written: ['virtualNetworks', 'vnet1', 'subnets', 'nodes']. */
  segments: string[];
}

/** Parses `/subscriptions/<s>/resourceGroups/<rg>/providers/<ns>/<type>/<name>[/...]`, case-insensitively. */
export function parseArmId(id: string | undefined): ArmId | undefined {
  if (!id) return undefined;
  const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i.exec(
    id.trim().replace(/\/+$/, ''),
  );
  if (!m) return undefined;
  return { subscriptionId: m[1], resourceGroup: m[2], provider: m[3], segments: m[4].split('/') };
}

export interface TypedArmId {
  subscriptionId: string;
  resourceGroup: string;
  /** The names of each type level, as written: ['prodacr', 'pull-only'] for registries/scopeMaps. */
  names: string[];
}

/**
 * Parses an id of exactly the given provider and type chain, e.g. `('Microsoft.ContainerRegistry', ['registries',
 * 'scopeMaps'])`; undefined for any other id.
 */
export function parseTypedArmId(
  id: string | undefined,
  provider: string,
  types: readonly string[],
): TypedArmId | undefined {
  const p = parseArmId(id);
  if (!p || p.provider.toLowerCase() !== provider.toLowerCase()) return undefined;
  if (p.segments.length !== types.length * 2) return undefined;
  const names: string[] = [];
  for (let i = 0; i < types.length; i++) {
    if (p.segments[2 * i].toLowerCase() !== types[i].toLowerCase() || !p.segments[2 * i + 1]) return undefined;
    names.push(p.segments[2 * i + 1]);
  }
  return { subscriptionId: p.subscriptionId, resourceGroup: p.resourceGroup, names };
}
