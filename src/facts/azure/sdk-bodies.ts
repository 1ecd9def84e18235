// The SDK bodies behind the cluster and registry facts, kept inside facts/: the network collector needs the whole
// ManagedCluster and Registry bodies, the checks only the fields types/facts/identity.ts names. No SDK body crosses
// into types/ (the reducers in cluster.ts and registries.ts remember the body here, keyed by the facts object).

import type { ManagedCluster } from '@azure/arm-containerservice';
import type { Registry } from '@azure/arm-containerregistry';
import type { ClusterFacts, RegistryFacts } from '../../types/facts/identity.js';

const clusters = new WeakMap<ClusterFacts, ManagedCluster>();
const registries = new WeakMap<RegistryFacts, Registry>();

export function rememberClusterBody(facts: ClusterFacts, body: ManagedCluster): void {
  clusters.set(facts, body);
}

export function rememberRegistryBody(facts: RegistryFacts, body: Registry): void {
  registries.set(facts, body);
}

/** The ManagedCluster these facts were reduced from, when they came from ARM. */
export function clusterBody(facts: ClusterFacts): ManagedCluster | undefined {
  return clusters.get(facts);
}

/** The Registry bodies of these facts (those that came from ARM), in order. */
export function registryBodies(facts: readonly RegistryFacts[]): Registry[] {
  return facts.flatMap((r) => {
    const body = registries.get(r);
    return body ? [body] : [];
  });
}
