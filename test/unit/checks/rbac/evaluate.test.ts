import { describe, expect, it } from 'vitest';
import {
  BUILTIN_ROLE_DEFINITIONS,
  BUILTIN_ROLE_IDS,
  actionMatches,
  evaluateCondition,
  evaluatePull,
  repositoryCondition,
  roleGrants,
  scopeContains,
  type DenyAssignmentFact,
  type RoleAssignmentFact,
  type RoleDefinitionFact,
} from '../../../../src/checks/rbac/evaluate.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const REGISTRY = `/subscriptions/${SUB}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr`;
const KUBELET = 'aaaaaaaa-0000-0000-0000-000000000001';
const GROUP = 'bbbbbbbb-0000-0000-0000-000000000002';

function assign(
  role: keyof typeof BUILTIN_ROLE_IDS | string,
  scope = REGISTRY,
  extra: Partial<RoleAssignmentFact> = {},
) {
  const guid = role in BUILTIN_ROLE_IDS ? BUILTIN_ROLE_IDS[role as keyof typeof BUILTIN_ROLE_IDS] : role;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${Math.random().toString(16).slice(2)}`,
    scope,
    roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    principalId: KUBELET,
    principalType: 'ServicePrincipal',
    ...extra,
  } satisfies RoleAssignmentFact;
}

const defs = { ...BUILTIN_ROLE_DEFINITIONS };
const LEGACY = 'LegacyRegistryPermissions';
const ABAC = 'AbacRepositoryPermissions';

describe('scope containment', () => {
  it('treats /resourcegroups/ and /resourceGroups/ (and any casing) as the same scope', () => {
    expect(scopeContains(`/subscriptions/${SUB}/resourcegroups/RG-ACR`, REGISTRY)).toBe(true);
    expect(scopeContains(`/SUBSCRIPTIONS/${SUB.toUpperCase()}/`, REGISTRY)).toBe(true);
    expect(scopeContains('/', REGISTRY)).toBe(true);
  });
  it('does not let a sibling resource group with a common prefix contain the registry', () => {
    expect(scopeContains(`/subscriptions/${SUB}/resourceGroups/rg`, REGISTRY)).toBe(false);
    expect(scopeContains(`/subscriptions/${SUB}/resourceGroups/rg-acr-old`, REGISTRY)).toBe(false);
  });
  it('records unknown for a management-group scope unless the ancestry says so', () => {
    const mg = '/providers/Microsoft.Management/managementGroups/Platform';
    expect(scopeContains(mg, REGISTRY)).toBe('unknown');
    expect(scopeContains(mg, { id: REGISTRY, managementGroups: ['platform', 'root'] })).toBe(true);
    expect(scopeContains(mg, { id: REGISTRY, managementGroups: ['other'] })).toBe(false);
  });
});

describe('action matching', () => {
  it('matches wildcards case-insensitively across segments', () => {
    expect(actionMatches('*/read', 'Microsoft.ContainerRegistry/registries/pull/read')).toBe(true);
    expect(actionMatches('microsoft.containerregistry/*', 'Microsoft.ContainerRegistry/registries/pull/read')).toBe(
      true,
    );
    expect(
      actionMatches(
        'Microsoft.ContainerRegistry/registries/*/write',
        'Microsoft.ContainerRegistry/registries/pull/read',
      ),
    ).toBe(false);
  });
  it('never lets actions grant a data action (Microsoft.ContainerRegistry/* grants no repository content/read)', () => {
    const def: RoleDefinitionFact = {
      id: 'x',
      roleType: 'CustomRole',
      permissions: [{ actions: ['Microsoft.ContainerRegistry/*'] }],
    };
    expect(
      roleGrants(def, 'Microsoft.ContainerRegistry/registries/repositories/content/read', 'dataAction').granted,
    ).toBe(false);
    expect(roleGrants(def, 'Microsoft.ContainerRegistry/registries/pull/read', 'action').granted).toBe(true);
  });
  it('lets notActions remove what actions grant', () => {
    const def: RoleDefinitionFact = {
      id: 'x',
      permissions: [
        {
          actions: ['Microsoft.ContainerRegistry/*'],
          notActions: ['Microsoft.ContainerRegistry/registries/pull/read'],
        },
      ],
    };
    expect(roleGrants(def, 'Microsoft.ContainerRegistry/registries/pull/read', 'action').granted).toBe(false);
  });
});

describe('ABAC conditions', () => {
  const read = 'Microsoft.ContainerRegistry/registries/repositories/content/read';
  const wrap = (expr: string) =>
    `((!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/content/read'}) AND !(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/metadata/read'})) OR (${expr}))`;
  const attr = '@Request[Microsoft.ContainerRegistry/registries/repositories:name]';

  it('evaluates StringEqualsIgnoreCase per repository', () => {
    const c = wrap(`${attr} StringEqualsIgnoreCase 'Orders-API'`);
    expect(evaluateCondition(c, read, 'orders-api').value).toBe(true);
    expect(evaluateCondition(c, read, 'payments').value).toBe(false);
  });
  it('evaluates StringStartsWithIgnoreCase prefixes joined with OR (multi-line documented form)', () => {
    const c = `(\n (\n  !(ActionMatches{'${read}'})\n  AND\n  !(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/metadata/read'})\n )\n OR\n (\n  ${attr} StringStartsWithIgnoreCase 'backend/'\n  OR\n  ${attr} StringStartsWithIgnoreCase 'frontend/js/'\n )\n)`;
    expect(evaluateCondition(c, read, 'backend/nginx').value).toBe(true);
    expect(evaluateCondition(c, read, 'frontend/js/app').value).toBe(true);
    expect(evaluateCondition(c, read, 'backend-infra/k8s').value).toBe(false);
  });
  it('evaluates StringLike (case-sensitive) and ForAnyOfAnyValues value sets', () => {
    expect(evaluateCondition(wrap(`${attr} StringLike 'team-*/api'`), read, 'team-a/api').value).toBe(true);
    expect(evaluateCondition(wrap(`${attr} StringLike 'team-*/api'`), read, 'TEAM-a/api').value).toBe(false);
    const set = wrap(`${attr} ForAnyOfAnyValues:StringEqualsIgnoreCase {'a', 'b'}`);
    expect(evaluateCondition(set, read, 'B').value).toBe(true);
    expect(evaluateCondition(set, read, 'c').value).toBe(false);
  });
  it('passes an action the condition does not target', () => {
    const c = wrap(`${attr} StringEqualsIgnoreCase 'x'`);
    expect(evaluateCondition(c, 'Microsoft.ContainerRegistry/registries/repositories/content/write', 'y').value).toBe(
      true,
    );
  });
  it('says "cannot evaluate" for attributes and operators it does not know instead of guessing', () => {
    const tagged = wrap(`@Resource[Microsoft.ContainerRegistry/registries:tags] StringEquals 'x'`);
    const r = evaluateCondition(tagged, read, 'anything');
    expect(r.value).toBe('unknown');
    expect(r.unknownWhy).toMatch(/cannot evaluate attribute/);
    expect(evaluateCondition(wrap(`${attr} StringMatchesRegex 'x'`), read, 'x').value).toBe('unknown');
    expect(evaluateCondition('((( broken', read, 'x').value).toBe('unknown');
  });
  it('decides with three-valued logic when an unknown part cannot change the result', () => {
    const c = `(${attr} StringEqualsIgnoreCase 'x') OR (@Principal[Microsoft.Directory/groups] ForAnyOfAnyValues:GuidEquals {'1'})`;
    expect(evaluateCondition(c, read, 'x').value).toBe(true);
    expect(evaluateCondition(c, read, 'y').value).toBe('unknown');
  });
  it('round-trips the condition the remediation proposes', () => {
    const c = repositoryCondition(['orders-api']);
    expect(evaluateCondition(c, read, 'orders-api').value).toBe(true);
    expect(evaluateCondition(c, read, 'other').value).toBe(false);
  });
});

describe('evaluatePull in legacy mode', () => {
  it('grants pull through AcrPull at the registry', () => {
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'orders-api', [assign('AcrPull')], defs, LEGACY);
    expect(r.granted).toBe(true);
  });
  it('grants pull through Reader inherited from the resource group written in another casing', () => {
    const rg = `/subscriptions/${SUB}/resourcegroups/RG-ACR`;
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign('Reader', rg)], defs, LEGACY);
    expect(r.granted).toBe(true);
  });
  it('refuses pull when AcrPull sits on the old registry id of a recreated registry', () => {
    const old = `/subscriptions/${SUB}/resourceGroups/rg-old/providers/Microsoft.ContainerRegistry/registries/prodacr`;
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign('AcrPull', old)], defs, LEGACY);
    expect(r.granted).toBe(false);
    expect(r.verdicts[0].effect).toBe('out-of-scope');
  });
  it('grants pull through a group the kubelet belongs to', () => {
    const a = assign('AcrPull', REGISTRY, { principalId: GROUP, principalType: 'Group' });
    expect(evaluatePull([KUBELET], { id: REGISTRY }, 'x', [a], defs, LEGACY).granted).toBe(false);
    expect(evaluatePull([KUBELET, GROUP], { id: REGISTRY }, 'x', [a], defs, LEGACY).granted).toBe(true);
  });
  it("ignores other principals' assignments", () => {
    const a = assign('AcrPull', REGISTRY, { principalId: 'cccccccc-0000-0000-0000-000000000003' });
    expect(evaluatePull([KUBELET], { id: REGISTRY }, 'x', [a], defs, LEGACY).granted).toBe(false);
  });
  it('grants pull through a custom role that lists the pull action explicitly', () => {
    const guid = 'dddddddd-0000-0000-0000-000000000004';
    const custom: RoleDefinitionFact = {
      id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
      roleName: 'Image Puller',
      roleType: 'CustomRole',
      permissions: [{ actions: ['Microsoft.ContainerRegistry/registries/pull/read'] }],
    };
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign(guid)], { ...defs, [guid]: custom }, LEGACY);
    expect(r.granted).toBe(true);
  });
  it('says unknown for a custom role that grants pull only through a wildcard (ACR limit on custom-role wildcards)', () => {
    const guid = 'eeeeeeee-0000-0000-0000-000000000005';
    const custom: RoleDefinitionFact = {
      id: guid,
      roleName: 'Registry Everything',
      roleType: 'CustomRole',
      permissions: [{ actions: ['Microsoft.ContainerRegistry/*'] }],
    };
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign(guid)], { ...defs, [guid]: custom }, LEGACY);
    expect(r.granted).toBe('unknown');
    expect(r.why).toMatch(/private link/);
  });
  it('says unknown when the role definition could not be read', () => {
    const r = evaluatePull(
      [KUBELET],
      { id: REGISTRY },
      'x',
      [assign('ffffffff-0000-0000-0000-000000000006')],
      defs,
      LEGACY,
    );
    expect(r.granted).toBe('unknown');
  });
  it('lets a deny assignment for everyone block the pull', () => {
    const deny: DenyAssignmentFact = {
      id: `${REGISTRY}/providers/Microsoft.Authorization/denyAssignments/1`,
      scope: REGISTRY,
      permissions: [{ actions: ['*'], notActions: [] }],
      principals: [{ id: '00000000-0000-0000-0000-000000000000', type: 'SystemDefined' }],
    };
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign('AcrPull')], defs, LEGACY, {
      denyAssignments: [deny],
    });
    expect(r.granted).toBe(false);
    expect(r.deniedBy?.id).toBe(deny.id);
    const excluded = { ...deny, excludePrincipals: [{ id: KUBELET }] };
    expect(
      evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign('AcrPull')], defs, LEGACY, { denyAssignments: [excluded] })
        .granted,
    ).toBe(true);
  });
});

describe('evaluatePull in ABAC repository-permissions mode', () => {
  it.each(['AcrPull', 'AcrPush', 'Owner', 'Contributor', 'Reader'] as const)('does not honor %s', (role) => {
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign(role)], defs, ABAC);
    expect(r.granted).toBe(false);
    expect(r.verdicts[0].effect).toBe('not-honored-abac');
  });
  it.each([
    'Container Registry Repository Reader',
    'Container Registry Repository Writer',
    'Container Registry Repository Contributor',
  ] as const)('grants pull through %s without a condition', (role) => {
    expect(evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign(role)], defs, ABAC).granted).toBe(true);
  });
  it('does not grant pull through Catalog Lister', () => {
    const r = evaluatePull(
      [KUBELET],
      { id: REGISTRY },
      'x',
      [assign('Container Registry Repository Catalog Lister')],
      defs,
      ABAC,
    );
    expect(r.granted).toBe(false);
  });
  it('reports condition-excludes when the condition names another repository', () => {
    const a = assign('Container Registry Repository Reader', REGISTRY, {
      condition: repositoryCondition(['payments']),
      conditionVersion: '2.0',
    });
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'orders-api', [a], defs, ABAC);
    expect(r.granted).toBe(false);
    expect(r.verdicts[0].effect).toBe('condition-excludes');
    expect(evaluatePull([KUBELET], { id: REGISTRY }, 'payments', [a], defs, ABAC).granted).toBe(true);
  });
});

describe('evaluatePull when the registry body has no roleAssignmentMode', () => {
  it('is unknown, not legacy, when the verdict depends on the mode', () => {
    const r = evaluatePull([KUBELET], { id: REGISTRY }, 'x', [assign('AcrPull')], defs, undefined);
    expect(r.granted).toBe('unknown');
    expect(r.why).toMatch(/mode unknown/);
  });
  it('decides when both modes agree', () => {
    expect(evaluatePull([KUBELET], { id: REGISTRY }, 'x', [], defs, undefined).granted).toBe(false);
    const both = [assign('AcrPull'), assign('Container Registry Repository Reader')];
    expect(evaluatePull([KUBELET], { id: REGISTRY }, 'x', both, defs, undefined).granted).toBe(true);
  });
});
