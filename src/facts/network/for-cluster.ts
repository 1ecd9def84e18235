// The network facts of the cluster the identity facts read: the collector needs the ManagedCluster and Registry bodies,
// which stay inside facts/ (azure/sdk-bodies.ts). @azure/arm-network is the largest module of the bundle: it is
// loaded only when there is a cluster to check.

import { clusterBody, registryBodies } from '../azure/sdk-bodies.js';
import type { FactContext } from '../../types/facts/context.js';
import type { ClusterFacts, RegistryFacts } from '../../types/facts/identity.js';
import type { NetworkFacts } from '../../types/facts/network.js';

/** Undefined when the cluster facts did not come from an ARM body (nothing to read the network of). */
export async function collectClusterNetworkFacts(
  ctx: FactContext,
  cluster: ClusterFacts,
  registries: readonly RegistryFacts[],
): Promise<NetworkFacts | undefined> {
  const body = clusterBody(cluster);
  if (!body) return undefined;
  const { collectNetworkFacts } = await import('./network.js');
  return collectNetworkFacts(ctx, body, registryBodies(registries));
}
