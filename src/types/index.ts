// Shared data shapes of the pipeline: inventory -> facts -> checks -> report.
// Everything here is plain data (JSON-serializable) so checks stay pure and reports deterministic.

import type { RuleId } from './finding.js';

export type { RuleId } from './finding.js';

export type Severity = 'error' | 'warning' | 'notice';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** A position in a manifest file. `file` is relative to the working directory (the workspace in the action). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** Helm's `# Source: chart/templates/x.yaml` comment of the document, when present. */
  helmSource?: string;
  /**
   * The audit: a running workload instead of a file line (`Deployment prod/orders-api`); then `file` is
   * `kubernetes:<namespace>/<Kind>/<name>`, line and column 1, and no annotation or SARIF result points at it.
   */
  workload?: string;
  namespace?: string;
  container?: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  image?: string;
  registry?: string;
  /** The first place the finding applies to (the first of `locations`). */
  location?: SourceLocation;
  /** Every place one (rule, image, cause) applies to, sorted; set when the finding has a location. */
  locations?: SourceLocation[];
  /** Accepted on purpose: stays in the reports, counted apart, does not decide the verdict. */
  suppressed?: FindingSuppression;
  /** The exact command that fixes it, real names and IDs filled in. Every error-level finding has one. */
  remediation?: string;
  evidence?: Record<string, unknown>;
}

/** Who accepted a finding (an `ignore:` entry or a workload annotation), why, and until when. */
export interface FindingSuppression {
  /** Where the entry was written (`.aks-pull-gate.yaml:12`, `Deployment prod/api annotation`). */
  by: string;
  reason: string;
  /** Last day it applies, `YYYY-MM-DD`. */
  expires: string;
  kind: 'external' | 'inSource';
}

/** A parsed, normalized image reference (distribution grammar). */
export interface ImageReference {
  /** The string as written in the manifest. */
  original: string;
  /** Registry host (with port), normalized: `docker.io` for Docker Hub. */
  registry: string;
  /** Repository path without the registry, normalized: `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** `registry/repository[:tag][@digest]`, with `:latest` added when neither tag nor digest is given. */
  normalized: string;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  /** Windows OS build (`10.0.20348`), when known. */
  osVersion?: string;
}

export interface WorkloadRef {
  kind: string;
  name: string;
  namespace: string;
  /** apiVersion of the object that carries the pod spec. */
  apiVersion?: string;
}

export type ContainerField = 'containers' | 'initContainers' | 'ephemeralContainers';

/** Constraints the pod puts on where it can run (nodeSelector + required node affinity). Undefined = unconstrained. */
export interface PlatformConstraints {
  os?: string[];
  arch?: string[];
}

/** One image as used by one container of one pod spec. */
export interface ImageUse {
  /** The image string as written. */
  image: string;
  /** Parsed reference; undefined when the string is invalid or unrendered (a static finding says why). */
  ref?: ImageReference;
  location: SourceLocation;
  workload: WorkloadRef;
  container: string;
  field: ContainerField;
  namespace: string;
  serviceAccount: string;
  /** The pod's own imagePullSecrets names. */
  podPullSecrets: string[];
  /** Pod pull secrets plus those of its ServiceAccount found in the manifest set (names, de-duplicated, in order). */
  pullSecrets: string[];
  constraints: PlatformConstraints;
  /** The workload's `aks-pull-gate.io/ignore` annotation, as written. */
  ignoreAnnotation?: string;
}

/** A Secret or ServiceAccount object found in the manifest set (or the live cluster). */
export interface ManifestSecret {
  name: string;
  namespace: string;
  type?: string;
  /** base64 values as in `data`, merged with base64 of `stringData`. */
  data: Record<string, string>;
  location?: SourceLocation;
  origin: 'manifest' | 'cluster';
}

export interface ManifestServiceAccount {
  name: string;
  namespace: string;
  imagePullSecrets: string[];
  /** `metadata.annotations["kubernetes.azure.com/acr-client-id"]`: the identity its pods pull with (identity binding). */
  acrClientId?: string;
  location?: SourceLocation;
  origin: 'manifest' | 'cluster';
}

/** One `imagePullSecrets` entry of a pod spec, where it is written (a pod spec with several containers gives one). */
export interface PullSecretRef {
  name: string;
  location: SourceLocation;
  workload: WorkloadRef;
}

export interface Inventory {
  files: string[];
  uses: ImageUse[];
  secrets: ManifestSecret[];
  serviceAccounts: ManifestServiceAccount[];
  /** Every pod's own imagePullSecrets entries with their places, in manifest order (the static checks read them). */
  pullSecretRefs?: PullSecretRef[];
  /**
   * What reading the files found: manifest-invalid and the manifest-empty / no-workloads notices. The static rules on
   * the images (checks/static.ts) are run by the gate over the inventory, not here.
   */
  findings: Finding[];
}

export type ImageStatus =
  | 'ok'
  | 'not-found'
  | 'repository-not-found'
  | 'platform-missing'
  | 'read-disabled'
  | 'quarantined'
  | 'unverifiable'
  | 'invalid'
  | 'unchecked';

/** What one check of one image came to. `unverified` says why and what would let the gate check it. */
export type CheckState = 'ok' | 'failed' | 'unverified' | 'not-applicable';
/** Why a check could not run, grouped the way the verdict line counts them. */
export type UnverifiedReason = 'proxy' | 'firewall' | 'permission' | 'timeout' | 'network' | 'other';

export interface ImageCheckResult {
  state: CheckState;
  /** Why the check did not run (unverified) or does not apply (not-applicable). */
  why?: string;
  /** What would let the gate check it (unverified only). */
  toCheck?: string;
  reason?: UnverifiedReason;
  /**
   * Unverified, but the finding that says so was accepted on purpose (an `ignore:` entry or annotation): the check
   * no longer blocks, and the report says by whom, why and until when.
   */
  accepted?: FindingSuppression;
}

export interface ImageChecks {
  exists: ImageCheckResult;
  platforms: ImageCheckResult;
  pullPath: ImageCheckResult;
  network: ImageCheckResult;
}

export interface ReportImage {
  reference: string;
  registry: string;
  status: ImageStatus;
  /** What was verified for this image (check mode). */
  checks?: ImageChecks;
  digest?: string;
  platforms?: string[];
  locations: { file: string; line: number }[];
}

export interface Report {
  version: 1;
  ready: boolean;
  /** True when every check that decides pullability ran (ok, failed or not applicable): nothing is unverified. */
  verified: boolean;
  /** What the run covered: images and the cluster's paths, images only (no cluster given), or manifests only (offline). */
  scope?: 'cluster' | 'images-only' | 'manifests-only';
  mode: 'check' | 'audit';
  cluster?: string;
  /** Counts of the findings that decide (suppressed ones are counted apart, in `suppressed`). */
  summary: { images: number; errors: number; warnings: number; notices: number; suppressed?: number };
  images: ReportImage[];
  findings: Finding[];
  /** Audit mode: every credential with its owner, where it is used and days left. */
  credentials?: AuditCredential[];
}

export interface AuditCredential {
  kind:
    'service-principal' | 'acr-token' | 'admin-user' | 'refresh-token' | 'pull-secret' | 'cluster-service-principal';
  name: string;
  owner?: string;
  registry?: string;
  usedBy: string[];
  expires?: string;
  daysLeft?: number;
  status: 'ok' | 'expiring' | 'expired' | 'disabled' | 'unknown';
}

/** Where logs go. Injected so tests record logs and the action maps them onto @actions/core. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

/** Registers a secret value so it is masked wherever the host prints (core.setSecret in the action). */
export type SecretMasker = (value: string) => void;
