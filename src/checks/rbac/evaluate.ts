// Pure Azure RBAC evaluation for "may this principal pull from this registry (and repository)?".
// Owns: ARM scope containment, action/dataAction wildcard matching, role-definition evaluation (actions minus notActions,
// dataActions minus notDataActions), ACR's two role-assignment modes, ABAC condition evaluation for the documented
// repository-name forms, and deny assignments. No I/O: callers pass plain facts (see src/facts/azure/role-assignments.ts).
//
// Other checks (pull-secret service principals) reuse `evaluatePull`; keep its contract stable.

import { armSegments, sameArmId } from '../../lib/arm-id.js';
import {
  BUILTIN_ROLE_DEFINITIONS,
  BUILTIN_ROLE_IDS,
  LEGACY_PULL_ROLE_IDS,
  PULL_ACTION,
  PULL_DATA_ACTION,
  roleGuid,
} from '../../lib/azure-builtin-roles.js';
import { actionMatches, roleGrants, type PermissionMatch } from '../../lib/rbac-actions.js';
import type {
  DenyAssignmentFact,
  RegistryRef,
  RoleAssignmentFact,
  RoleDefinitionFact,
  RolePermission,
  Tri,
} from '../../types/facts/identity.js';

export { actionMatches, roleGrants };
export type { PermissionMatch };
export { BUILTIN_ROLE_DEFINITIONS, BUILTIN_ROLE_IDS, LEGACY_PULL_ROLE_IDS, PULL_ACTION, PULL_DATA_ACTION, roleGuid };
export type { DenyAssignmentFact, RegistryRef, RoleAssignmentFact, RoleDefinitionFact, RolePermission, Tri };

/** `roleAssignmentMode` value of an ABAC-mode registry. */
export const ABAC_MODE = 'AbacRepositoryPermissions';
export const LEGACY_MODE = 'LegacyRegistryPermissions';
/** ARM's "everyone" principal in deny assignments. */
const EVERYONE = '00000000-0000-0000-0000-000000000000';

export type AssignmentEffect =
  'grants' | 'not-honored-abac' | 'condition-excludes' | 'no-pull-permission' | 'out-of-scope' | 'unknown';

export interface AssignmentVerdict {
  assignment: RoleAssignmentFact;
  roleName?: string;
  effect: AssignmentEffect;
  why: string;
}

export interface PullEvaluation {
  /** true: some assignment grants pull and no deny assignment blocks it; 'unknown': the facts cannot decide. */
  granted: Tri;
  /** One line explaining the verdict (goes into messages). */
  why: string;
  /** Mode the verdict was reached in (`unknown` when the registry body had no roleAssignmentMode). */
  mode: 'legacy' | 'abac' | 'unknown';
  /** Per assignment of the principal(s), what it does for this pull. */
  verdicts: AssignmentVerdict[];
  /** Deny assignment that blocks the pull, if any. */
  deniedBy?: DenyAssignmentFact;
}

export interface EvaluatePullOptions {
  /** Deny assignments at or above the registry; undefined = not read (then they are not considered). */
  denyAssignments?: readonly DenyAssignmentFact[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Scopes

/**
 * Does an assignment at `scope` apply to `resource`? Tenant root `/` contains everything; a management-group scope
 * contains the resource only when `managementGroups` says its subscription sits below that group ('unknown' when
 * the ancestry is not known).
 */
export function scopeContains(scope: string, resource: RegistryRef | string): Tri {
  const ref = typeof resource === 'string' ? { id: resource } : resource;
  const s = armSegments(scope);
  const r = armSegments(ref.id);
  if (s.length === 0) return true;
  if (s[0] === 'providers' && s[1] === 'microsoft.management' && s[2] === 'managementgroups' && s.length === 4) {
    if (!ref.managementGroups) return 'unknown';
    return ref.managementGroups.some((g) => g.toLowerCase() === s[3]);
  }
  if (s.length > r.length) return false;
  return s.every((seg, i) => seg === r[i]);
}

// ---------------------------------------------------------------------------------------------------------------------
// Actions

function isCustomRole(def: RoleDefinitionFact): boolean {
  return (def.roleType ?? '').toLowerCase() === 'customrole';
}

// ---------------------------------------------------------------------------------------------------------------------
// ABAC conditions

type Token =
  | { t: 'lp' | 'rp' | 'lb' | 'rb' | 'comma' | 'not' | 'and' | 'or' }
  | { t: 'str'; v: string }
  | { t: 'attr'; source: string; name: string }
  | { t: 'word'; v: string };

type Node =
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'not'; a: Node }
  | { k: 'action'; pattern: string }
  | { k: 'unsupported'; what: string }
  | { k: 'cmp'; source: string; name: string; op: string; values: string[] };

class ConditionSyntaxError extends Error {}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '{' || c === '}' || c === ',') {
      out.push({ t: c === '(' ? 'lp' : c === ')' ? 'rp' : c === '{' ? 'lb' : c === '}' ? 'rb' : 'comma' });
      i++;
    } else if (c === '!') {
      out.push({ t: 'not' });
      i++;
    } else if (src.startsWith('&&', i)) {
      out.push({ t: 'and' });
      i += 2;
    } else if (src.startsWith('||', i)) {
      out.push({ t: 'or' });
      i += 2;
    } else if (c === "'") {
      // Single-quoted string; ABAC has no escape for a quote inside a value.
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ConditionSyntaxError('unterminated string');
      out.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '@') {
      const m = /^@([A-Za-z]+)\[([^\]]*)\]/.exec(src.slice(i));
      if (!m) throw new ConditionSyntaxError(`bad attribute at ${i}`);
      out.push({ t: 'attr', source: m[1], name: m[2] });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z][A-Za-z0-9:]*/.exec(src.slice(i));
      if (!m) throw new ConditionSyntaxError(`unexpected "${c}" at ${i}`);
      const w = m[0];
      if (/^and$/i.test(w)) out.push({ t: 'and' });
      else if (/^or$/i.test(w)) out.push({ t: 'or' });
      else if (/^not$/i.test(w)) out.push({ t: 'not' });
      else out.push({ t: 'word', v: w });
      i += w.length;
    }
  }
  return out;
}

function parseCondition(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Token | undefined => toks[p];
  const take = (t: Token['t']): Token => {
    const tok = toks[p];
    if (!tok || tok.t !== t) throw new ConditionSyntaxError(`expected ${t} at token ${p}`);
    p++;
    return tok;
  };
  const strings = (): string[] => {
    const first = peek();
    if (first?.t === 'str') {
      p++;
      return [first.v];
    }
    take('lb');
    const vals: string[] = [];
    for (;;) {
      const s = take('str') as { t: 'str'; v: string };
      vals.push(s.v);
      if (peek()?.t === 'comma') {
        p++;
        continue;
      }
      take('rb');
      return vals;
    }
  };
  const primary = (): Node => {
    const tok = peek();
    if (!tok) throw new ConditionSyntaxError('unexpected end');
    if (tok.t === 'lp') {
      p++;
      const e = orExpr();
      take('rp');
      return e;
    }
    if (tok.t === 'not') {
      p++;
      return { k: 'not', a: primary() };
    }
    if (tok.t === 'word') {
      p++;
      const patterns = strings();
      if (/^actionmatches$/i.test(tok.v)) {
        return patterns.map((pattern): Node => ({ k: 'action', pattern })).reduce((a, b) => ({ k: 'or', a, b }));
      }
      return { k: 'unsupported', what: tok.v };
    }
    if (tok.t === 'attr') {
      p++;
      const op = take('word') as { t: 'word'; v: string };
      return { k: 'cmp', source: tok.source, name: tok.name, op: op.v, values: strings() };
    }
    throw new ConditionSyntaxError(`unexpected token ${tok.t}`);
  };
  const andExpr = (): Node => {
    let left = primary();
    while (peek()?.t === 'and') {
      p++;
      left = { k: 'and', a: left, b: primary() };
    }
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek()?.t === 'or') {
      p++;
      left = { k: 'or', a: left, b: andExpr() };
    }
    return left;
  };
  const root = orExpr();
  if (p !== toks.length) throw new ConditionSyntaxError(`trailing tokens after ${p}`);
  return root;
}

const REPOSITORY_ATTRIBUTE = 'microsoft.containerregistry/registries/repositories:name';

function like(pattern: string, value: string): boolean {
  // StringLike: case-sensitive, `*` any run, `?` one character.
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's').test(value);
}

/** One string operator on one value; undefined when the operator is not one we evaluate. */
function stringOp(op: string, actual: string, expected: string): boolean | undefined {
  const lo = (s: string) => s.toLowerCase();
  switch (op.toLowerCase()) {
    case 'stringequals':
      return actual === expected;
    case 'stringequalsignorecase':
      return lo(actual) === lo(expected);
    case 'stringnotequals':
      return actual !== expected;
    case 'stringnotequalsignorecase':
      return lo(actual) !== lo(expected);
    case 'stringstartswith':
      return actual.startsWith(expected);
    case 'stringstartswithignorecase':
      return lo(actual).startsWith(lo(expected));
    case 'stringnotstartswith':
      return !actual.startsWith(expected);
    case 'stringnotstartswithignorecase':
      return !lo(actual).startsWith(lo(expected));
    case 'stringlike':
      return like(expected, actual);
    case 'stringnotlike':
      return !like(expected, actual);
    default:
      return undefined;
  }
}

interface CondEnv {
  action: string;
  /** Repository being pulled; undefined = the request carries no repository attribute we can know. */
  repository?: string;
}

export interface ConditionResult {
  value: Tri;
  /** Why a part could not be evaluated (first one). */
  unknownWhy?: string;
}

function and3(a: ConditionResult, b: () => ConditionResult): ConditionResult {
  if (a.value === false) return a;
  const rb = b();
  if (rb.value === false) return rb;
  if (a.value === true && rb.value === true) return { value: true };
  return { value: 'unknown', unknownWhy: a.unknownWhy ?? rb.unknownWhy };
}

function or3(a: ConditionResult, b: () => ConditionResult): ConditionResult {
  if (a.value === true) return a;
  const rb = b();
  if (rb.value === true) return rb;
  if (a.value === false && rb.value === false) return { value: false };
  return { value: 'unknown', unknownWhy: a.unknownWhy ?? rb.unknownWhy };
}

function evalNode(n: Node, env: CondEnv): ConditionResult {
  switch (n.k) {
    case 'and':
      return and3(evalNode(n.a, env), () => evalNode(n.b, env));
    case 'or':
      return or3(evalNode(n.a, env), () => evalNode(n.b, env));
    case 'not': {
      const r = evalNode(n.a, env);
      return r.value === 'unknown' ? r : { value: !r.value };
    }
    case 'action':
      return { value: actionMatches(n.pattern, env.action) };
    case 'unsupported':
      return { value: 'unknown', unknownWhy: `cannot evaluate "${n.what}"` };
    case 'cmp': {
      if (n.source.toLowerCase() !== 'request' || n.name.toLowerCase() !== REPOSITORY_ATTRIBUTE) {
        return { value: 'unknown', unknownWhy: `cannot evaluate attribute @${n.source}[${n.name}]` };
      }
      if (env.repository === undefined) {
        return { value: 'unknown', unknownWhy: 'the repository is not known for this request' };
      }
      const repo = env.repository;
      const m = /^(?:(ForAnyOfAnyValues|ForAllOfAnyValues|ForAnyOfAllValues|ForAllOfAllValues):)?([A-Za-z]+)$/i.exec(
        n.op,
      );
      const quantifier = m?.[1]?.toLowerCase();
      const op = m?.[2] ?? n.op;
      // A single-valued attribute: ForAnyOfAnyValues/ForAllOfAnyValues both mean "matches any listed value".
      if (quantifier && quantifier !== 'foranyofanyvalues' && quantifier !== 'forallofanyvalues') {
        return { value: 'unknown', unknownWhy: `cannot evaluate operator ${n.op}` };
      }
      if (!quantifier && n.values.length !== 1) {
        return { value: 'unknown', unknownWhy: `operator ${n.op} with a value set` };
      }
      const results = n.values.map((v) => stringOp(op, repo, v));
      if (results.some((r) => r === undefined)) {
        return { value: 'unknown', unknownWhy: `cannot evaluate operator ${n.op}` };
      }
      return { value: results.some((r) => r === true) };
    }
  }
}

/**
 * Evaluates an ABAC condition (condition version 2.0) for one action and repository. Documented forms are evaluated:
 * `ActionMatches{'...'}`, `!(...)`/`NOT`, `AND`/`OR`/`&&`/`||`, and
 * `@Request[Microsoft.ContainerRegistry/registries/repositories:name]` with StringEquals[IgnoreCase],
 * StringNotEquals[IgnoreCase], StringStartsWith[IgnoreCase], StringNotStartsWith[IgnoreCase], StringLike, StringNotLike,
 * optionally as `ForAnyOfAnyValues:<op> {'a','b'}`. Anything else yields 'unknown' unless the rest of the expression
 * decides the result regardless (three-valued logic, never a guess).
 */
export function evaluateCondition(condition: string, action: string, repository: string | undefined): ConditionResult {
  let root: Node;
  try {
    root = parseCondition(condition);
  } catch (e) {
    return { value: 'unknown', unknownWhy: `cannot parse condition (${(e as Error).message})` };
  }
  return evalNode(root, { action, repository });
}

// ---------------------------------------------------------------------------------------------------------------------
// Evaluation

function lookup(
  definitions: ReadonlyMap<string, RoleDefinitionFact> | Readonly<Record<string, RoleDefinitionFact>>,
  roleDefinitionId: string,
): RoleDefinitionFact | undefined {
  const guid = roleGuid(roleDefinitionId);
  if (definitions instanceof Map) return definitions.get(guid);
  return (definitions as Record<string, RoleDefinitionFact>)[guid];
}

function roleLabel(def: RoleDefinitionFact | undefined, a: RoleAssignmentFact): string {
  return def?.roleName ?? roleGuid(a.roleDefinitionId);
}

function judgeAssignment(
  a: RoleAssignmentFact,
  def: RoleDefinitionFact | undefined,
  registry: RegistryRef,
  repository: string | undefined,
  mode: 'legacy' | 'abac',
): AssignmentVerdict {
  const name = roleLabel(def, a);
  const base = { assignment: a, roleName: def?.roleName };
  const inScope = scopeContains(a.scope, registry);
  if (inScope === false)
    return { ...base, effect: 'out-of-scope', why: `${name} at ${a.scope} does not cover the registry` };
  if (inScope === 'unknown') {
    return {
      ...base,
      effect: 'unknown',
      why: `${name} at management group scope ${a.scope}: whether it contains the registry's subscription is not known`,
    };
  }
  if (!def) return { ...base, effect: 'unknown', why: `role definition ${a.roleDefinitionId} could not be read` };

  const action = mode === 'legacy' ? PULL_ACTION : PULL_DATA_ACTION;
  const grant = roleGrants(def, action, mode === 'legacy' ? 'action' : 'dataAction');
  if (!grant.granted) {
    if (mode === 'abac' && roleGrants(def, PULL_ACTION, 'action').granted) {
      return {
        ...base,
        effect: 'not-honored-abac',
        why: `${name} grants ${PULL_ACTION}, which a registry in ABAC repository-permissions mode does not honor`,
      };
    }
    return { ...base, effect: 'no-pull-permission', why: `${name} does not grant ${action}` };
  }
  if (grant.viaWildcardOnly && isCustomRole(def)) {
    // ACR honors wildcard actions in custom roles only in tenants configured with ARM private link (docs:
    // "Azure Container Registry custom roles"); the gate cannot see that tenant setting.
    return {
      ...base,
      effect: 'unknown',
      why: `custom role ${name} grants ${action} only through the wildcard ${grant.matchedBy.join(', ')}; ACR honors wildcards in custom roles only in tenants with Azure Resource Manager private link`,
    };
  }
  if (a.condition && a.condition.trim() !== '') {
    // In legacy mode requests carry no repository attribute: a condition that depends on it cannot be decided.
    const r = evaluateCondition(a.condition, action, mode === 'abac' ? repository : undefined);
    if (r.value === 'unknown') {
      return {
        ...base,
        effect: 'unknown',
        why: `${name}: condition cannot be evaluated (${r.unknownWhy ?? 'unknown'})`,
      };
    }
    if (r.value === false) {
      return {
        ...base,
        effect: 'condition-excludes',
        why: `${name}'s condition does not cover repository "${repository ?? '?'}"`,
      };
    }
  }
  return { ...base, effect: 'grants', why: `${name} at ${a.scope} grants ${action}` };
}

function denyApplies(
  d: DenyAssignmentFact,
  principalIds: ReadonlySet<string>,
  registry: RegistryRef,
  mode: 'legacy' | 'abac',
): Tri {
  const hits = (ps: { id: string }[] | undefined) =>
    (ps ?? []).some((p) => p.id.toLowerCase() === EVERYONE || principalIds.has(p.id.toLowerCase()));
  if (!hits(d.principals)) return false;
  if ((d.excludePrincipals ?? []).some((p) => principalIds.has(p.id.toLowerCase()))) return false;
  const inScope = d.doNotApplyToChildScopes ? sameArmId(d.scope, registry.id) : scopeContains(d.scope, registry);
  if (inScope !== true) return inScope;
  const action = mode === 'legacy' ? PULL_ACTION : PULL_DATA_ACTION;
  let result: Tri = false;
  for (const p of d.permissions) {
    const allow = (mode === 'legacy' ? p.actions : p.dataActions) ?? [];
    const not = (mode === 'legacy' ? p.notActions : p.notDataActions) ?? [];
    if (!allow.some((x) => actionMatches(x, action)) || not.some((x) => actionMatches(x, action))) continue;
    if (p.condition) return 'unknown';
    result = true;
  }
  return result;
}

function evaluateInMode(
  ids: ReadonlySet<string>,
  registry: RegistryRef,
  repository: string | undefined,
  assignments: readonly RoleAssignmentFact[],
  definitions: ReadonlyMap<string, RoleDefinitionFact> | Readonly<Record<string, RoleDefinitionFact>>,
  mode: 'legacy' | 'abac',
  options: EvaluatePullOptions,
): PullEvaluation {
  const verdicts = assignments
    .filter((a) => ids.has(a.principalId.toLowerCase()))
    .map((a) => judgeAssignment(a, lookup(definitions, a.roleDefinitionId), registry, repository, mode));
  const granting = verdicts.filter((v) => v.effect === 'grants');
  const unknown = verdicts.filter((v) => v.effect === 'unknown');
  for (const d of options.denyAssignments ?? []) {
    const applies = denyApplies(d, ids, registry, mode);
    if (applies === true && granting.length + unknown.length > 0) {
      return { granted: false, mode, verdicts, deniedBy: d, why: `deny assignment ${d.id} blocks pull` };
    }
    if (applies === 'unknown' && granting.length > 0) {
      return { granted: 'unknown', mode, verdicts, why: `deny assignment ${d.id} may block pull (cannot evaluate)` };
    }
  }
  if (granting.length > 0) return { granted: true, mode, verdicts, why: granting[0].why };
  if (unknown.length > 0) return { granted: 'unknown', mode, verdicts, why: unknown[0].why };
  const why =
    verdicts.length === 0
      ? 'no role assignment of the principal applies at or above the registry'
      : verdicts.map((v) => v.why).join('; ');
  return { granted: false, mode, verdicts, why };
}

/**
 * Would `principalIds` (a principal and the groups it belongs to) be allowed to pull `repository` from `registry`?
 *
 * - `assignments`: role assignments at or above the registry (other principals' are ignored);
 * - `definitions`: role definitions by GUID (lower-case) or as a Map; a missing definition makes that assignment unknown;
 * - `mode`: the registry's raw `roleAssignmentMode`. `LegacyRegistryPermissions`: pull = action
 *   `Microsoft.ContainerRegistry/registries/pull/read`. `AbacRepositoryPermissions`: pull = data action
 *   `.../repositories/content/read` (AcrPull/AcrPush/Owner/Contributor/Reader do not grant it) and conditions are
 *   evaluated for `repository`. Undefined (older API versions omit it): both modes are evaluated and the verdict is
 *   'unknown' unless they agree.
 *
 * Never throws; odd facts give 'unknown' with the reason.
 */
export function evaluatePull(
  principalIds: readonly string[],
  registry: RegistryRef,
  repository: string | undefined,
  assignments: readonly RoleAssignmentFact[],
  definitions: ReadonlyMap<string, RoleDefinitionFact> | Readonly<Record<string, RoleDefinitionFact>>,
  mode: string | undefined,
  options: EvaluatePullOptions = {},
): PullEvaluation {
  const ids = new Set(principalIds.map((p) => p.toLowerCase()));
  const m = (mode ?? '').toLowerCase();
  if (m === ABAC_MODE.toLowerCase()) {
    return evaluateInMode(ids, registry, repository, assignments, definitions, 'abac', options);
  }
  if (m === LEGACY_MODE.toLowerCase()) {
    return evaluateInMode(ids, registry, repository, assignments, definitions, 'legacy', options);
  }
  const legacy = evaluateInMode(ids, registry, repository, assignments, definitions, 'legacy', options);
  const abac = evaluateInMode(ids, registry, repository, assignments, definitions, 'abac', options);
  const label = mode ? `unrecognized roleAssignmentMode "${mode}"` : 'registry role-assignment mode unknown';
  if (legacy.granted === abac.granted && legacy.granted !== 'unknown') {
    return { ...legacy, mode: 'unknown', why: `${legacy.why} (${label}; same verdict in both modes)` };
  }
  return {
    granted: 'unknown',
    mode: 'unknown',
    verdicts: legacy.verdicts,
    why: `${label}: legacy mode ${String(legacy.granted)} (${legacy.why}); ABAC mode ${String(abac.granted)} (${abac.why})`,
  };
}

/** A condition that limits the Repository Reader data actions to the given repositories (documented form). */
export function repositoryCondition(repositories: string[]): string {
  const names = repositories.map(
    (r) => `@Request[Microsoft.ContainerRegistry/registries/repositories:name] StringEqualsIgnoreCase '${r}'`,
  );
  return (
    "((!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/content/read'}) AND " +
    "!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/metadata/read'})) OR (" +
    names.join(' OR ') +
    '))'
  );
}
