// Azure's built-in role definitions that matter to image pulls, with their real GUIDs and permissions (from
// MicrosoftDocs/azure-docs built-in-roles/containers.md and general.md; see shared/material/azure-arm/authorization/).
// The emulator serves them under every subscription, in the ARM REST shape (roleName/type/permissions under properties).

export interface RolePermission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface BuiltInRole {
  guid: string;
  roleName: string;
  description: string;
  permissions: RolePermission[];
}

function perm(actions: string[], notActions: string[] = [], dataActions: string[] = []): RolePermission[] {
  return [{ actions, notActions, dataActions, notDataActions: [] }];
}

const REPO = 'Microsoft.ContainerRegistry/registries/repositories';

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    guid: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    roleName: 'Owner',
    description: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    permissions: perm(['*']),
  },
  {
    guid: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    permissions: perm(
      ['*'],
      [
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
      ],
    ),
  },
  {
    guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    roleName: 'Reader',
    description: 'View all resources, but does not allow you to make any changes.',
    permissions: perm(['*/read']),
  },
  {
    guid: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
    roleName: 'User Access Administrator',
    description: 'Lets you manage user access to Azure resources.',
    permissions: perm(['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*']),
  },
  {
    guid: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
    roleName: 'AcrPull',
    description: 'acr pull',
    permissions: perm(['Microsoft.ContainerRegistry/registries/pull/read']),
  },
  {
    guid: '8311e382-0749-4cb8-b61a-304f252e45ec',
    roleName: 'AcrPush',
    description: 'acr push',
    permissions: perm([
      'Microsoft.ContainerRegistry/registries/pull/read',
      'Microsoft.ContainerRegistry/registries/push/write',
    ]),
  },
  {
    guid: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
    roleName: 'AcrDelete',
    description: 'acr delete',
    permissions: perm(['Microsoft.ContainerRegistry/registries/artifacts/delete']),
  },
  {
    guid: 'cdda3590-29a3-44f6-95f2-9f980659eb04',
    roleName: 'AcrQuarantineReader',
    description: 'acr quarantine data reader',
    permissions: perm(
      ['Microsoft.ContainerRegistry/registries/quarantine/read'],
      [],
      ['Microsoft.ContainerRegistry/registries/quarantinedArtifacts/read'],
    ),
  },
  {
    guid: 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
    roleName: 'Container Registry Repository Reader',
    description: 'Allows for read access to Azure Container Registry repositories, but excluding catalog listing.',
    permissions: perm([], [], [`${REPO}/metadata/read`, `${REPO}/content/read`]),
  },
  {
    guid: '2a1e307c-b015-4ebd-883e-5b7698a07328',
    roleName: 'Container Registry Repository Writer',
    description:
      'Allows for read and write access to Azure Container Registry repositories, but excluding catalog listing.',
    permissions: perm(
      [],
      [],
      [`${REPO}/metadata/read`, `${REPO}/metadata/write`, `${REPO}/content/read`, `${REPO}/content/write`],
    ),
  },
  {
    guid: '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
    roleName: 'Container Registry Repository Contributor',
    description:
      'Allows for read, write, and delete access to Azure Container Registry repositories, but excluding catalog listing.',
    permissions: perm(
      [],
      [],
      [
        `${REPO}/metadata/read`,
        `${REPO}/metadata/write`,
        `${REPO}/metadata/delete`,
        `${REPO}/content/read`,
        `${REPO}/content/write`,
        `${REPO}/content/delete`,
      ],
    ),
  },
  {
    guid: 'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
    roleName: 'Container Registry Repository Catalog Lister',
    description: 'Allows for listing all repositories in an Azure Container Registry.',
    permissions: perm([], [], ['Microsoft.ContainerRegistry/registries/catalog/read']),
  },
];

/** GUIDs of the roles ACR honours for data access in ABAC repository-permissions mode. */
export const ABAC_REPOSITORY_ROLE_GUIDS: ReadonlySet<string> = new Set([
  'b93aa761-3e63-49ed-ac28-beffa264f7ac',
  '2a1e307c-b015-4ebd-883e-5b7698a07328',
  '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
  'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
]);

/** The ARM body of a built-in role as served under `scope` (a subscription id path, or '' for the tenant root). */
export function builtInRoleBody(role: BuiltInRole, scope: string): Record<string, unknown> {
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleDefinitions/${role.guid}`,
    name: role.guid,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: role.roleName,
      type: 'BuiltInRole',
      description: role.description,
      assignableScopes: ['/'],
      permissions: role.permissions,
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-01-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}
