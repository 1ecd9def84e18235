// Artifact cache (I/O): the cacheRules and credentialSets of the registries that serve the images, through the SDK
// (`cacheRules.list`, `credentialSets.list`). A credential set reports `authCredentials[].credentialHealth`
// (recording arm-registry-credentialset-unhealthy-2023-01-01-preview). Never throws: a registry whose rules cannot be
// read lands in `problems`.

import type { CacheRule, CredentialSet } from '@azure/arm-containerregistry';
import type { CacheFacts, CacheRuleFact, CredentialSetFact } from '../../types/facts/cache.js';
import type { FactContext } from '../../types/facts/context.js';
import { armClientOptions, describeError } from './cluster.js';

/** The few registry facts this collector needs (structural: facts never import checks). */
export interface CacheRegistry {
  id: string;
  name: string;
  loginServer: string;
  subscriptionId: string;
  resourceGroup: string;
}

/** Reduces a credential set body to its health (pure). */
export function credentialSetFactFrom(c: CredentialSet): CredentialSetFact {
  const out: CredentialSetFact = { id: c.id ?? '', name: c.name ?? '', unhealthy: [] };
  if (c.loginServer) out.loginServer = c.loginServer;
  for (const a of c.authCredentials ?? []) {
    const h = a.credentialHealth;
    if ((h?.status ?? '').toLowerCase() !== 'unhealthy') continue;
    out.unhealthy.push({
      ...(a.name ? { name: a.name } : {}),
      ...(h?.errorCode ? { errorCode: h.errorCode } : {}),
      ...(h?.errorMessage ? { errorMessage: h.errorMessage } : {}),
    });
  }
  return out;
}

/** Reduces a cache rule body (pure); undefined without source or target. */
export function cacheRuleFactFrom(
  r: CacheRule,
  registry: Pick<CacheRegistry, 'id' | 'loginServer'>,
): CacheRuleFact | undefined {
  if (!r.sourceRepository || !r.targetRepository) return undefined;
  const out: CacheRuleFact = {
    registryId: registry.id,
    loginServer: registry.loginServer.toLowerCase(),
    name: r.name ?? '',
    sourceRepository: r.sourceRepository,
    targetRepository: r.targetRepository,
  };
  if (r.credentialSetResourceId) out.credentialSetResourceId = r.credentialSetResourceId;
  return out;
}

export async function collectCacheRules(ctx: FactContext, registries: CacheRegistry[]): Promise<CacheFacts> {
  const out: CacheFacts = { rules: [], problems: [] };
  const azure = ctx.azure;
  if (!azure) return out;
  const { ContainerRegistryManagementClient } = await import('@azure/arm-containerregistry');
  await Promise.all(
    registries.map(async (reg) => {
      if (!reg.subscriptionId || !reg.resourceGroup || !reg.name) return;
      const client = new ContainerRegistryManagementClient(azure.credential, reg.subscriptionId, armClientOptions(ctx));
      try {
        const rules: CacheRuleFact[] = [];
        for await (const r of client.cacheRules.list(reg.resourceGroup, reg.name, { abortSignal: ctx.signal })) {
          const f = cacheRuleFactFrom(r, reg);
          if (f) rules.push(f);
        }
        if (rules.some((r) => r.credentialSetResourceId)) {
          const sets = new Map<string, CredentialSetFact>();
          for await (const c of client.credentialSets.list(reg.resourceGroup, reg.name, { abortSignal: ctx.signal })) {
            const f = credentialSetFactFrom(c);
            sets.set(f.id.toLowerCase(), f);
          }
          for (const r of rules) {
            const set = r.credentialSetResourceId ? sets.get(r.credentialSetResourceId.toLowerCase()) : undefined;
            if (set) r.credentialSet = set;
          }
        }
        out.rules.push(...rules);
      } catch (err) {
        // Basic/Standard registries without the feature, or no read permission: the images keep their plain verdict.
        const reason = describeError(err);
        ctx.logger.debug(`cache rules of ${reg.id} could not be read: ${reason}`);
        out.problems.push({ registryId: reg.id, reason });
      }
    }),
  );
  return out;
}
