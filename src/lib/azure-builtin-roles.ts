// The checks' one table of Azure built-in roles that matter to image pulls: the published role definition GUIDs
// (constant across tenants and clouds) and their permissions, from MicrosoftDocs/azure-docs
// articles/role-based-access-control/built-in-roles/containers.md and general.md. Used when a role definition cannot
// be read (the GUID alone then says what the role grants). The emulator keeps its own table
// (src/simulate/builtin-roles.ts) so it stays an independent oracle; test/unit/builtin-roles.test.ts pins both to the
// published GUIDs.

import { resourceNameOf } from './arm-id.js';
import type { RoleDefinitionFact, RolePermission } from '../types/facts/identity.js';

/** The action that grants pull in a registry in legacy ("RBAC Registry Permissions") mode. */
export const PULL_ACTION = 'Microsoft.ContainerRegistry/registries/pull/read';
/** The data action that grants pull in a registry in ABAC repository-permissions mode. */
export const PULL_DATA_ACTION = 'Microsoft.ContainerRegistry/registries/repositories/content/read';
/** Built-in role GUIDs the rules name (constant across tenants and clouds). */
export const BUILTIN_ROLE_IDS = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
  AcrDelete: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
  'Container Registry Repository Reader': 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
  'Container Registry Repository Writer': '2a1e307c-b015-4ebd-883e-5b7698a07328',
  'Container Registry Repository Contributor': '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
  'Container Registry Repository Catalog Lister': 'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
} as const;

/** Role definition GUID of a roleDefinitionId (last segment, lower-cased). */
export function roleGuid(roleDefinitionId: string): string {
  return resourceNameOf(roleDefinitionId).toLowerCase();
}

const CONTRIBUTOR_NOT_ACTIONS = [
  'Microsoft.Authorization/*/Delete',
  'Microsoft.Authorization/*/Write',
  'Microsoft.Authorization/elevateAccess/Action',
  'Microsoft.Blueprint/blueprintAssignments/write',
  'Microsoft.Blueprint/blueprintAssignments/delete',
  'Microsoft.Compute/galleries/share/action',
  'Microsoft.Purview/consents/write',
  'Microsoft.Purview/consents/delete',
  'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
  'Microsoft.Subscription/cancel/action',
  'Microsoft.Subscription/enable/action',
];

function builtin(name: keyof typeof BUILTIN_ROLE_IDS, permission: RolePermission): RoleDefinitionFact {
  return {
    id: `/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLE_IDS[name]}`,
    roleName: name,
    roleType: 'BuiltInRole',
    permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [], ...permission }],
  };
}

const REPO = 'Microsoft.ContainerRegistry/registries/repositories';

/**
 * The pull-relevant built-in roles (Microsoft's published definitions, docs "Azure built-in roles for Containers").
 * Used only when reading a built-in definition from ARM fails: built-in GUIDs and these permissions are the same in
 * every tenant.
 */
export const BUILTIN_ROLE_DEFINITIONS: Readonly<Record<string, RoleDefinitionFact>> = Object.fromEntries(
  [
    builtin('Owner', { actions: ['*'] }),
    builtin('Contributor', { actions: ['*'], notActions: CONTRIBUTOR_NOT_ACTIONS }),
    builtin('Reader', { actions: ['*/read'] }),
    builtin('AcrPull', { actions: [PULL_ACTION] }),
    builtin('AcrPush', { actions: [PULL_ACTION, 'Microsoft.ContainerRegistry/registries/push/write'] }),
    builtin('AcrDelete', { actions: ['Microsoft.ContainerRegistry/registries/artifacts/delete'] }),
    builtin('Container Registry Repository Reader', {
      dataActions: [`${REPO}/metadata/read`, `${REPO}/content/read`],
    }),
    builtin('Container Registry Repository Writer', {
      dataActions: [`${REPO}/metadata/read`, `${REPO}/content/read`, `${REPO}/metadata/write`, `${REPO}/content/write`],
    }),
    builtin('Container Registry Repository Contributor', {
      dataActions: [
        `${REPO}/metadata/read`,
        `${REPO}/content/read`,
        `${REPO}/metadata/write`,
        `${REPO}/content/write`,
        `${REPO}/metadata/delete`,
        `${REPO}/content/delete`,
      ],
    }),
    builtin('Container Registry Repository Catalog Lister', {
      dataActions: ['Microsoft.ContainerRegistry/registries/catalog/read'],
    }),
  ].map((d) => [roleGuid(d.id), d]),
);

/** Built-in roles that grant pull only in legacy mode (named by pull-role-not-honored-abac). */
export const LEGACY_PULL_ROLE_IDS: ReadonlySet<string> = new Set([
  BUILTIN_ROLE_IDS.AcrPull,
  BUILTIN_ROLE_IDS.AcrPush,
  BUILTIN_ROLE_IDS.Owner,
  BUILTIN_ROLE_IDS.Contributor,
  BUILTIN_ROLE_IDS.Reader,
]);
