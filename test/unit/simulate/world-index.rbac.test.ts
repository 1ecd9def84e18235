// RBAC evaluation the emulator uses for ARM filters and registry tokens: action wildcards, scope inheritance,
// transitive groups, ABAC repository conditions, and ABAC mode ignoring legacy roles.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../../src/simulate/builtin-roles.js';
import { RepositoryContent, sha256 } from '../../../src/simulate/registry-content.js';
import {
  actionMatches,
  conditionAllows,
  scopeCovers,
  typeFromId,
  WorldIndex,
} from '../../../src/simulate/world-index.js';
import { parseWorld } from '../../../src/simulate/world.js';

const REG = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr';
const CONTENT_READ = 'Microsoft.ContainerRegistry/registries/repositories/content/read';
const ONLY_ORDERS = `((!(ActionMatches{'${CONTENT_READ}'})) OR (@Request[Microsoft.ContainerRegistry/registries/repositories:name] StringEqualsIgnoreCase 'orders-api'))`;

describe('RBAC primitives', () => {
  it('matches actions with * wildcards, case-insensitively', () => {
    expect(actionMatches('*/read', 'Microsoft.ContainerRegistry/registries/pull/read')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*', 'microsoft.authorization/roleAssignments/read')).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.ContainerRegistry/registries/push/write')).toBe(false);
  });

  it('treats a scope as covered by itself and its ancestors only', () => {
    expect(scopeCovers('/subscriptions/s1', REG)).toBe(true);
    expect(scopeCovers('/', REG)).toBe(true);
    expect(scopeCovers(REG, '/subscriptions/s1')).toBe(false);
    expect(scopeCovers('/subscriptions/s1/resourceGroups/rg', '/subscriptions/s1/resourceGroups/rg2')).toBe(false);
  });

  it('derives nested resource types from ids', () => {
    expect(typeFromId(`${REG}/tokens/t`)).toBe('Microsoft.ContainerRegistry/registries/tokens');
    expect(typeFromId(`${REG}/providers/Microsoft.Authorization/roleAssignments/g`)).toBe(
      'Microsoft.Authorization/roleAssignments',
    );
  });

  it('evaluates ABAC repository conditions only for the actions they name', () => {
    expect(conditionAllows(ONLY_ORDERS, CONTENT_READ, 'orders-api')).toBe(true);
    expect(conditionAllows(ONLY_ORDERS, CONTENT_READ, 'Orders-API')).toBe(true);
    expect(conditionAllows(ONLY_ORDERS, CONTENT_READ, 'payments')).toBe(false);
    expect(
      conditionAllows(ONLY_ORDERS, 'Microsoft.ContainerRegistry/registries/repositories/metadata/read', 'payments'),
    ).toBe(true);
    const prefix =
      "@Request[Microsoft.ContainerRegistry/registries/repositories:name] StringStartsWithIgnoreCase 'team-a/'";
    expect(conditionAllows(prefix, CONTENT_READ, 'team-a/api')).toBe(true);
    expect(conditionAllows(prefix, CONTENT_READ, 'team-b/api')).toBe(false);
    expect(conditionAllows("@Resource[Microsoft.Storage/x:y] StringEquals 'z'", CONTENT_READ, 'a')).toBe(false);
  });

  it('serves the real GUIDs of the built-in roles the gate relies on', () => {
    const byName = Object.fromEntries(BUILT_IN_ROLES.map((r) => [r.roleName, r.guid]));
    expect(byName).toMatchObject({
      Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
      Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
      'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
      AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
      AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
      AcrDelete: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
      'Container Registry Repository Reader': 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
      'Container Registry Repository Writer': '2a1e307c-b015-4ebd-883e-5b7698a07328',
      'Container Registry Repository Contributor': '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
      'Container Registry Repository Catalog Lister': 'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
    });
  });
});

function indexWith(assignments: string): WorldIndex {
  return new WorldIndex(
    parseWorld(`
azure:
  subscriptions: [{subscriptionId: s1, tenantId: t1}]
  resources:
    - {id: "${REG}", properties: {loginServer: acr.azurecr.io}}
${assignments}
graph:
  groupMembers: {g-outer: [g-inner], g-inner: [p-1]}
`),
  );
}

function assignment(name: string, scope: string, role: string, principal: string, condition?: string): string {
  const cond = condition ? `, condition: "${condition.replace(/"/g, '\\"')}", conditionVersion: "2.0"` : '';
  return `    - {id: "${scope}/providers/Microsoft.Authorization/roleAssignments/${name}", properties: {roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/${role}", principalId: ${principal}${cond}}}`;
}

describe('WorldIndex', () => {
  it('grants pull/read through a nested group assignment at the subscription', () => {
    const idx = indexWith(assignment('a1', '/subscriptions/s1', '7f951dda-4ed3-4680-a7ca-43fe172d538d', 'g-outer'));
    expect(idx.hasAction('p-1', REG, 'Microsoft.ContainerRegistry/registries/pull/read')).toBe(true);
    expect(idx.hasAction('p-2', REG, 'Microsoft.ContainerRegistry/registries/pull/read')).toBe(false);
    expect(idx.groupsOf('p-1').sort()).toEqual(['g-inner', 'g-outer']);
  });

  it('does not let an assignment below the registry scope grant on the registry', () => {
    const idx = indexWith(assignment('a1', `${REG}/repositories/x`, '7f951dda-4ed3-4680-a7ca-43fe172d538d', 'p-1'));
    expect(idx.hasAction('p-1', REG, 'Microsoft.ContainerRegistry/registries/pull/read')).toBe(false);
  });

  it('in ABAC mode ignores Owner for data actions but honours a conditioned Repository Reader', () => {
    const idx = indexWith(
      [
        assignment('a1', REG, '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'p-1'),
        assignment('a2', REG, 'b93aa761-3e63-49ed-ac28-beffa264f7ac', 'p-2', ONLY_ORDERS),
      ].join('\n'),
    );
    expect(idx.hasDataAction('p-1', REG, CONTENT_READ, 'orders-api', true)).toBe(false);
    expect(idx.hasDataAction('p-2', REG, CONTENT_READ, 'orders-api', true)).toBe(true);
    expect(idx.hasDataAction('p-2', REG, CONTENT_READ, 'payments', true)).toBe(false);
  });
});

describe('RepositoryContent', () => {
  it('builds an index whose children carry real sha256 digests and config blobs per platform', () => {
    const top = `sha256:${'1'.repeat(64)}`;
    const c = new RepositoryContent('app', {
      tags: { v1: top },
      manifests: { [top]: { platforms: ['linux/amd64', 'linux/arm64/v8', 'windows/amd64:10.0.20348'] } },
    });
    const index = c.resolve('v1').manifest!;
    expect(index.isIndex).toBe(true);
    expect(index.digest).toBe(top);
    const children = (
      JSON.parse(index.body.toString()) as { manifests: { digest: string; platform: Record<string, string> }[] }
    ).manifests;
    expect(children.map((m) => m.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348' },
    ]);
    for (const child of children) {
      const m = c.manifests.get(child.digest)!;
      expect(sha256(m.body)).toBe(child.digest);
      const config = (JSON.parse(m.body.toString()) as { config: { digest: string } }).config.digest;
      expect(sha256(c.blobs.get(config)!.body)).toBe(config);
    }
  });
});
