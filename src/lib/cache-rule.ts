// Which artifact-cache rule serves a repository: an exact targetRepository first, then the longest `prefix/*`
// wildcard (ACR's wildcard rules map `library/*` to `docker.io/library/*`). Pure.

import type { CacheRuleFact } from '../types/facts/cache.js';

export interface CacheMatch {
  rule: CacheRuleFact;
  /** `docker.io/library/nginx` for repository `nginx` (or `library/nginx` under a wildcard rule). */
  upstreamRepository: string;
}

export function cacheRuleFor(
  rules: readonly CacheRuleFact[],
  loginServer: string,
  repository: string,
): CacheMatch | undefined {
  const mine = rules.filter((r) => r.loginServer === loginServer.toLowerCase());
  const exact = mine.find((r) => r.targetRepository === repository && !r.sourceRepository.endsWith('*'));
  if (exact) return { rule: exact, upstreamRepository: exact.sourceRepository };
  let best: CacheMatch | undefined;
  for (const r of mine) {
    if (!r.targetRepository.endsWith('/*') || !r.sourceRepository.endsWith('/*')) continue;
    const prefix = r.targetRepository.slice(0, -1);
    if (!repository.startsWith(prefix) || repository.length === prefix.length) continue;
    if (best && best.rule.targetRepository.length >= r.targetRepository.length) continue;
    best = { rule: r, upstreamRepository: r.sourceRepository.slice(0, -1) + repository.slice(prefix.length) };
  }
  return best;
}
