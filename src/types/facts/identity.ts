// Identity and RBAC fact shapes: role definitions, role assignments and deny assignments as ARM returns them
// (flattened), and the registry they are judged against; the cluster, registry and service-principal facts the
// collectors in facts/azure/ reduce the SDK bodies to (no SDK body crosses into types/). Shapes only.

import type { Unverifiable } from './unverifiable.js';

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

/** The agent-pool fields this needs (both `AgentPool` and `ManagedClusterAgentPoolProfile` have them). */
export interface AgentPoolLike {
  name?: string;
  osType?: string;
  osSKU?: string;
  vmSize?: string;
  /** The Kubernetes version the pool's nodes run (`currentOrchestratorVersion`, e.g. `1.31.4`). */
  currentOrchestratorVersion?: string;
}

export interface ClusterFacts {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  /** Tenant of the cluster (control-plane identity tenant, else its subscription's). */
  tenantId?: string;
  /** identityProfile.kubeletidentity; absent on service-principal clusters. */
  kubelet?: { objectId?: string; clientId?: string; resourceId?: string };
  /** Control-plane identities (system-assigned principal, or each user-assigned identity). */
  controlPlane: { principalId: string; label: string }[];
  /** servicePrincipalProfile.clientId when it is an app id (not `msi`). */
  servicePrincipalClientId?: string;
  agentPools: AgentPoolLike[];
  /** The API server's public and private FQDN, when the body names them (the kubeconfig must reach one of them). */
  fqdn?: string;
  privateFqdn?: string;
}

/** A user-assigned identity a ServiceAccount names with `kubernetes.azure.com/acr-client-id`. */
export interface BoundIdentity {
  clientId: string;
  principalId: string;
  resourceId: string;
}

export interface RegistryFacts {
  id: string;
  name: string;
  loginServer: string;
  dataEndpointHostNames: string[];
  /**
   * Regional endpoints (`<registry>.<region>.geo.azurecr.io`, the login server of one replica) the images name;
   * matched by the login server's first label, as the SDK's Registry drops `regionalEndpointHostNames`.
   */
  regionalEndpointHostNames?: string[];
  subscriptionId: string;
  resourceGroup: string;
  /** Tenant of the registry's subscription. */
  tenantId?: string;
  /** Raw `roleAssignmentMode`; undefined when the body had none (unknown, not legacy). */
  roleAssignmentMode?: string;
  /** Raw `policies.azureADAuthenticationAsArmPolicy.status` (`enabled` by default); undefined when absent. */
  armAudiencePolicy?: string;
  /** Management groups above the registry's subscription, when known. */
  managementGroups?: string[];
  /** `anonymousPullEnabled` as the body says it (true: every image has an `anonymous` pull path). */
  anonymousPullEnabled?: boolean;
  /** Raw `policies.quarantinePolicy.status`; undefined when absent. */
  quarantinePolicy?: string;
  /** `adminUserEnabled` as the body says it (the pull-secret checks judge admin-user credentials by it). */
  adminUserEnabled?: boolean;
}

export interface RegistryDiscovery {
  /** Registries matched to the requested hosts. */
  registries: RegistryFacts[];
  /** Requested host (lower-case) -> registry id, or null when no visible registry serves it. */
  hosts: Record<string, string | null>;
  /** Subscriptions the gate can see, with their tenants. */
  subscriptions: { subscriptionId: string; tenantId?: string; displayName?: string }[];
  /** Listing problems (a subscription whose registries could not be listed, or no subscription list at all). */
  problems: (Unverifiable & { subscriptionId?: string })[];
  /**
   * Hosts whose registry the user named by id (`registries`) and ARM refused with 401 InvalidAuthenticationTokenTenant:
   * the registry is in a tenant the gate's sign-in cannot read, and ARM's answer names that tenant.
   */
  otherTenant?: Record<string, { registryId: string; tenantId: string }>;
}

/** What ARM says about one registry for the principals of interest. */
export interface RegistryAccessFacts {
  registryId: string;
  /** Role assignments at or above the registry that apply to the principal (assignedTo: includes groups), by object id. */
  assignments: Record<string, RoleAssignmentFact[] | Unverifiable>;
  /** Deny assignments at or above the registry; absent when not read. */
  denyAssignments?: DenyAssignmentFact[] | Unverifiable;
}

export interface PasswordCredentialFact {
  keyId?: string;
  displayName?: string;
  startDateTime?: string;
  endDateTime?: string | null;
}

export interface ClusterServicePrincipalFacts {
  appId: string;
  /** Service principal object id (the principal role assignments name). */
  objectId?: string;
  displayName?: string;
  /** Application passwordCredentials; Unverifiable when Graph refused. */
  passwordCredentials: PasswordCredentialFact[] | Unverifiable;
}

export interface IdentityFacts {
  /** Clock for expiry checks (ISO). */
  now: string;
  /** ACR login-server suffixes of the cloud (registry-unknown). */
  acrSuffixes: string[];
  cluster: ClusterFacts | Unverifiable;
  discovery: RegistryDiscovery;
  /** By registry id, lower-case. */
  access: Record<string, RegistryAccessFacts>;
  /** Role definitions by GUID (lower-case). */
  definitions: Record<string, RoleDefinitionFact>;
  /** Groups a principal belongs to (transitive), by object id, when read from Graph. */
  groups: Record<string, string[]>;
  /** Service-principal cluster: the SP and its secrets. */
  clusterServicePrincipal?: ClusterServicePrincipalFacts | Unverifiable;
  /**
   * Pull-granting assignments of the kubelet principal on registries of the same name elsewhere (a registry recreated in
   * another resource group leaves AcrPull on the old id), by current registry id (lower-case).
   */
  staleAssignments?: Record<string, RoleAssignmentFact[]>;
  /** `namespace/serviceAccount` -> client id of its `kubernetes.azure.com/acr-client-id` annotation. */
  serviceAccountBindings?: Record<string, string>;
  /** Client id (lower-case) -> the identity it names, or why it was not found. */
  boundIdentities?: Record<string, BoundIdentity | Unverifiable>;
}
