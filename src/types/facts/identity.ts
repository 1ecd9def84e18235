// Identity and RBAC fact shapes: role definitions, role assignments and deny assignments as ARM returns them
// (flattened), and the registry they are judged against. Shapes only.

export interface RolePermission {
  actions?: string[];
  notActions?: string[];
  dataActions?: string[];
  notDataActions?: string[];
}

/** A role definition as ARM returns it (flattened: the SDK lifts `properties`). */
export interface RoleDefinitionFact {
  /** Full id (`/subscriptions/.../providers/Microsoft.Authorization/roleDefinitions/<guid>` or `/providers/...`). */
  id: string;
  roleName?: string;
  /** `BuiltInRole` or `CustomRole`. */
  roleType?: string;
  permissions: RolePermission[];
}

/** A role assignment as ARM returns it (flattened). */
export interface RoleAssignmentFact {
  id: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType?: string;
  condition?: string;
  conditionVersion?: string;
}

export interface DenyAssignmentFact {
  id: string;
  scope: string;
  doNotApplyToChildScopes?: boolean;
  permissions: (RolePermission & { condition?: string })[];
  principals: { id: string; type?: string }[];
  excludePrincipals?: { id: string; type?: string }[];
}

/** The registry being evaluated. */
export interface RegistryRef {
  /** Registry resource id. */
  id: string;
  /**
   * Management groups above the registry's subscription, when known (names, any casing). Undefined = unknown:
   * assignments at a management-group scope then evaluate to "unknown" rather than being guessed.
   */
  managementGroups?: string[];
}

export type Tri = boolean | 'unknown';

/** How one assignment bears on the pull. */
