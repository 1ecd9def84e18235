// Azure RBAC action matching: does a role's permission block grant an action or data action (wildcards, notActions,
// notDataActions)? Pure knowledge shared by the role-assignment reader (which keeps only pull-relevant definitions)
// and the RBAC evaluator.

import type { RoleDefinitionFact } from '../types/facts/identity.js';

const patternCache = new Map<string, RegExp>();

/** ARM action pattern match: case-insensitive, `*` matches any run of characters (including `/`). */
export function actionMatches(pattern: string, action: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern
      .trim()
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`, 'i');
    patternCache.set(pattern, re);
  }
  return re.test(action.trim());
}

export interface PermissionMatch {
  /** The permission grants the action (some allowed pattern matches and no not-pattern removes it). */
  granted: boolean;
  /** It is granted only through patterns containing `*`. */
  viaWildcardOnly: boolean;
  /** Patterns that matched. */
  matchedBy: string[];
}

/**
 * Whether a role definition grants `action` (kind `action`: actions/notActions; `dataAction`: dataActions/notDataActions).
 * `actions` never grant data actions, whatever their wildcards (`Microsoft.ContainerRegistry/*` grants no data action):
 * that is how Azure RBAC separates control and data plane.
 */
export function roleGrants(
  definition: RoleDefinitionFact,
  action: string,
  kind: 'action' | 'dataAction',
): PermissionMatch {
  const matchedBy: string[] = [];
  for (const p of definition.permissions) {
    const allow = (kind === 'action' ? p.actions : p.dataActions) ?? [];
    const deny = (kind === 'action' ? p.notActions : p.notDataActions) ?? [];
    const hits = allow.filter((a) => actionMatches(a, action));
    if (hits.length === 0) continue;
    if (deny.some((n) => actionMatches(n, action))) continue;
    matchedBy.push(...hits);
  }
  return {
    granted: matchedBy.length > 0,
    viaWildcardOnly: matchedBy.length > 0 && matchedBy.every((m) => m.includes('*')),
    matchedBy,
  };
}
