// The credential facts that collect-facts.ts gathers (I/O) and checks/pull-secrets.ts judges (pure).
// Deliberately secret-free: passwords are compared and matched while collecting, and only the outcome (which Graph
// credential matched, whether the admin password is still current, what the token endpoint said) is kept here, so
// facts can be logged, snapshotted or dumped without leaking anything.

import type { SourceLocation } from '../index.js';
import type { Unverifiable } from './unverifiable.js';

export type { Unverifiable };

/** What a pull-secret entry's username says it is (lib/credential-classify.ts decides). */
export type CredentialClass =
  | { kind: 'refresh-token'; expiresAt?: string; tenant?: string }
  | { kind: 'service-principal'; appId: string }
  | { kind: 'admin-user'; registryName: string }
  | { kind: 'acr-token'; tokenName: string }
  | { kind: 'other' };

/** The non-secret description of the credential a secret matched. */
export interface MatchedPasswordCredential {
  keyId?: string;
  displayName?: string;
  endDateTime?: string;
  /** How many credentials share the hint: more than one means the choice is a guess (the latest-ending one). */
  candidates: number;
}

/** Why a pull secret could not be parsed (lib/docker-config.ts decides). */
export type MalformedReason = 'wrong-type' | 'missing-key' | 'bad-base64' | 'bad-json' | 'bad-auth-field' | 'no-auths';

/** The ACR a pull-secret entry points at, when the server is a visible registry. */
export interface RegistryRef {
  id: string;
  name: string;
  loginServer: string;
}

export type ServicePrincipalFact =
  | {
      state: 'found';
      appId: string;
      displayName?: string;
      /** How many client secrets the application has. */
      credentialCount: number;
      /** The client secret whose hint matches the pull secret's password; absent when none does. */
      matched?: MatchedPasswordCredential;
    }
  | { state: 'app-not-found'; appId: string }
  | ({ state: 'unverifiable'; appId: string } & Unverifiable);

export type AdminUserFact =
  | {
      state: 'found';
      adminUserEnabled: boolean;
      /** Whether the secret's password is one of the registry's two current admin passwords (undefined: unknown). */
      passwordCurrent?: boolean;
      /** Why passwordCurrent is unknown. */
      passwordUnverifiable?: Unverifiable;
    }
  | ({ state: 'unverifiable' } & Unverifiable);

export interface TokenPasswordFact {
  name: string;
  creationTime?: string;
  expiry?: string;
}

export type AcrTokenFact =
  | {
      state: 'found';
      tokenName: string;
      tokenId: string;
      status: string;
      passwords: TokenPasswordFact[];
      scopeMapId?: string;
      scopeMapName?: string;
      /** Scope-map actions; absent when the scope map could not be read (see scopeUnverifiable). */
      actions?: string[];
      scopeUnverifiable?: Unverifiable;
    }
  | ({ state: 'unverifiable'; tokenName?: string } & Unverifiable);

/** What the registry's token endpoint said to `repository:<repo>:pull` with this credential. */
export type LiveCheckFact =
  | { state: 'works' }
  | { state: 'rejected'; reason: string; httpStatus?: number }
  | ({ state: 'unreachable' } & Unverifiable);

export interface CredentialEntryFact {
  /** Registry key as written in the secret. */
  key: string;
  /** Key as the kubelet indexes it (see docker-config.ts keyringKey). */
  matchKey: string;
  server: string;
  username: string;
  credentialClass: CredentialClass;
  registry?: RegistryRef;
  servicePrincipal?: ServicePrincipalFact;
  adminUser?: AdminUserFact;
  token?: AcrTokenFact;
  /** Why the registry's tokens could not be listed (so a non-GUID username might be a scoped token). */
  tokensUnverifiable?: Unverifiable;
  /** Live token requests, by repository. */
  live: Record<string, LiveCheckFact>;
}

export interface PullSecretFact {
  namespace: string;
  name: string;
  origin: 'manifest' | 'cluster';
  location?: SourceLocation;
  parsed:
    | { ok: true; entries: CredentialEntryFact[] }
    | { ok: false; reason: MalformedReason; detail: string; blocksAllPaths: boolean };
}

export type SecretLookupFact =
  { state: 'found'; secret: PullSecretFact } | { state: 'absent' } | ({ state: 'unverifiable' } & Unverifiable);

export interface CredentialFacts {
  /** The clock expiry is judged against (ISO; the world's `now` under --simulate). */
  now: string;
  /** Every pull secret some pod refers to, by `namespace/name`. */
  secrets: Record<string, SecretLookupFact>;
  /**
   * imagePullSecrets of live ServiceAccounts that the manifests do not define, by `namespace/serviceAccount`
   * (the kubelet adds these to the pod at admission).
   */
  clusterServiceAccounts: Record<string, string[]>;
  /** Whether the live cluster was read: `off` when there is no kubeconfig or reads are turned off. */
  clusterReads: {
    state: 'read' | 'off' | 'unverifiable';
    reason?: string;
    /** The kubeconfig's exec credential plugin asks for a login a person must answer (devicecode, interactive). */
    interactiveLogin?: { command: string; mode: string };
  };
  /** The AKS cluster, for `az aks update --attach-acr` remediations. */
  cluster?: { id: string; name: string; resourceGroup: string };
}

export function secretKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
