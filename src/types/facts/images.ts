// What the registry data plane said about one image (facts/registry/client.ts asks, checks/images.ts judges): its
// status, digest, platforms, ACR attributes and, behind an artifact-cache rule, the rule's upstream. Shapes only.

import type { Platform } from '../index.js';
import type { CacheUse } from './cache.js';

/** What went wrong talking to a registry, when something did (facts/registry/errors.ts translates transport errors). */
export type RegistryFailureKind =
  | 'not-found'
  | 'unauthorized'
  | 'denied'
  | 'throttled'
  | 'server-error'
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'connection-refused'
  | 'network'
  | 'protocol'
  | 'credential-refused'
  | 'firewall';

/** ACR's `/acr/v1/` changeable attributes that decide pulls beyond the manifest's existence. */
export interface AcrAttributes {
  /** The manifest's changeableAttributes.readEnabled. */
  readEnabled?: boolean;
  quarantineState?: string;
  /** The tag's changeableAttributes.readEnabled. */
  tagReadEnabled?: boolean;
  /** The repository's changeableAttributes.readEnabled (`GET /acr/v1/<repo>`): a lock on every tag and digest. */
  repositoryReadEnabled?: boolean;
}

export type ImageCheckStatus = 'ok' | 'not-found' | 'repository-not-found' | 'unauthorized' | 'denied' | 'unverifiable';

/**
 * How the registry was asked: anonymously, with a credential the pod would use (its pull secret), or with the gate's
 * own Entra identity (ACR). Only the first two prove a pull path the kubelet has.
 */
export type RegistryAuth = 'anonymous' | 'credential' | 'gate-identity';

export interface ImageCheck {
  status: ImageCheckStatus;
  digest?: string;
  mediaType?: string;
  /** Platforms the image offers; undefined when they could not be read (then no platform verdict). */
  platforms?: Platform[];
  nearestTags?: string[];
  /** One line: why the status is not ok, or why platforms/attributes are missing. Never holds a secret. */
  reason?: string;
  /** What went wrong, when something did. */
  failure?: RegistryFailureKind;
  /** The registry is an ACR (role hints, attributes). */
  acr?: boolean;
  /** How the registry was asked (see RegistryAuth). */
  auth?: RegistryAuth;
  attributes?: AcrAttributes;
  /** The gate's IP as the registry's firewall saw it, when the firewall refused the gate (failure: firewall). */
  clientIp?: string;
  /** For a tag reference that was not found: whether tags/list still lists the tag (a refused, e.g. locked, manifest). */
  tagListed?: boolean;
  /** For a reference that was not found: the tags the repository does have (at most 10, sorted). */
  repositoryTags?: string[];
  /** The repository is served through an artifact-cache rule (set by the gate from the ARM cache rules). */
  cache?: CacheUse;
}
