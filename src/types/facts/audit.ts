// What the scheduled credential audit reads (facts/audit.ts) and judges (checks/audit.ts): the registries with their
// scoped tokens and admin user, the cluster's pull secrets with where each is used, and the clusters' service
// principals. Secret-free: passwords were matched and dropped while collecting. Shapes only.

import type { ClusterFacts, ClusterServicePrincipalFacts } from './identity.js';
import type { CredentialEntryFact, PullSecretFact } from './credentials.js';
import type { Unverifiable } from './unverifiable.js';

/** What credential checks need of a registry (structurally compatible with the SDK's `Registry`). */
export interface CredentialRegistry {
  id: string;
  name: string;
  loginServer: string;
  adminUserEnabled?: boolean;
}

export interface RegistryTokenInfo {
  id: string;
  name: string;
  status: string;
  scopeMapId?: string;
  passwords: { name: string; creationTime?: string; expiry?: string }[];
}

/** One read the audit could not make: what, why, and the permission that would let the gate make it. */
export interface AuditGap extends Unverifiable {
  /** The message's own wording (the audit names what it could not read). */
  message: string;
  registry?: string;
  evidence?: Record<string, unknown>;
}

/** One pull secret of the cluster, parsed (and masked) once, with the workloads and ServiceAccounts that use it. */
export interface AuditedSecret {
  secret: PullSecretFact;
  /** The entries, each described against the registries (class, token, admin user, service principal). */
  entries: CredentialEntryFact[];
  /** `serviceaccount:<ns>/<name>` and `<owner> in <ns>`, sorted. */
  usedBy: string[];
}

/** One cluster the audit names: its ARM facts and, for a service-principal cluster, the application's secrets. */
export interface AuditedCluster {
  id: string;
  cluster: ClusterFacts | Unverifiable;
  servicePrincipal?: ClusterServicePrincipalFacts;
}

export interface AuditFacts {
  registries: CredentialRegistry[];
  /** Scoped tokens by registry id. */
  tokens: Record<string, RegistryTokenInfo[]>;
  secrets: AuditedSecret[];
  clusters: AuditedCluster[];
  /** The cluster the kubeconfig reaches (for `--attach-acr` fixes), when the run names one. */
  cluster?: { id: string; name: string; resourceGroup: string };
  gaps: AuditGap[];
}
