// Artifact cache (ACR cacheRules and credentialSets), as the facts read them from ARM. Plain data, no SDK bodies.

/** One unhealthy credential of a credential set (`authCredentials[].credentialHealth`). */
export interface UnhealthyCredential {
  name?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface CredentialSetFact {
  id: string;
  name: string;
  /** The upstream login server the set signs in to. */
  loginServer?: string;
  /** Credentials whose credentialHealth.status is Unhealthy (empty when every one is healthy or unreported). */
  unhealthy: UnhealthyCredential[];
}

export interface CacheRuleFact {
  registryId: string;
  /** Lower-case login server of the registry holding the rule. */
  loginServer: string;
  name: string;
  /** `docker.io/library/nginx` or a wildcard `docker.io/library/*`. */
  sourceRepository: string;
  /** `nginx` or a wildcard `library/*`. */
  targetRepository: string;
  credentialSetResourceId?: string;
  /** The credential set the rule names, when it was read. */
  credentialSet?: CredentialSetFact;
}

export interface CacheFacts {
  rules: CacheRuleFact[];
  /** Registries whose cache rules could not be read, with why. */
  problems: { registryId: string; reason: string }[];
}

/** What the gate learned about an image served through a cache rule. */
export interface CacheUse {
  rule: string;
  registryId: string;
  /** The upstream image the rule maps this reference to (`docker.io/library/nginx:1.27`). */
  upstream: string;
  credentialSet?: string;
  unhealthy?: UnhealthyCredential[];
  /** The anonymous upstream check, when ACR answered not found: ok / not-found / repository-not-found / other. */
  upstreamStatus?: 'ok' | 'not-found' | 'repository-not-found' | 'unauthorized' | 'denied' | 'unverifiable';
  upstreamReason?: string;
}
