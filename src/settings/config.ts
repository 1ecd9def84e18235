// Typed configuration shared by the action and the CLI, and the parsers that build it from raw strings.
// A user's mistake is a ConfigurationError: one clear line naming the accepted values, exit code 2, no stack.

import type { Platform } from '../types/index.js';
import type { IgnoreEntry } from '../types/suppression.js';

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export type FailOn = 'error' | 'warning' | 'never';
export type Unverified = 'fail' | 'warn';
export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown';
export type AzureEnvironmentName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';
/** What an image the gate could not verify does to the verdict: `fail` (not ready) or `warn` (fail open). */
export type UnverifiedPolicy = 'fail' | 'warn';
export type CommentWhenClean = 'delete' | 'resolve' | 'keep';

export interface Config {
  mode: 'check' | 'audit';
  /** Manifest paths, directories, globs, or `-` for stdin. */
  manifests: string[];
  /** Working directory: manifest locations are reported relative to it. */
  cwd: string;
  /** Default namespace for documents without one. */
  namespace: string;
  /** AKS resource id, when given (or assembled from cluster-name + resource-group + subscription). */
  cluster?: string;
  clusterName?: string;
  resourceGroup?: string;
  subscription?: string;
  /** Registry resource ids for the audit (default: every registry the gate can see). */
  registries: string[];
  /** Path of a world file: run against the loopback emulator instead of Azure. */
  simulate?: string;
  format: OutputFormat;
  output?: string;
  failOn: FailOn;
  expiryWarningDays: number;
  /** Platforms pods can land on when no cluster says otherwise. Default linux/amd64. */
  platforms: Platform[];
  /** True when --platform was given explicitly. */
  platformsExplicit: boolean;
  clusterReads: boolean;
  /** No network at all: inventory and static checks only. */
  offline: boolean;
  azureEnvironment: AzureEnvironmentName;
  /** Overall timeout for the run, milliseconds. */
  timeoutMs: number;
  clientId?: string;
  tenantId?: string;
  sarifFile?: string;
  /** Maximum size of one manifest file, bytes. */
  maxFileBytes: number;
  /** Audit: check the pod templates the cluster runs (default true; --no-workloads / workloads: false). */
  workloads?: boolean;
  /** Audit: only these namespaces' workloads (default: all). */
  auditNamespaces?: string[];
  /** `unverified` input/flag: whether an image the gate could not check blocks the verdict. Default fail. */
  unverified: UnverifiedPolicy;
  /** `comment-key` input/flag: what the sticky PR comment (and tracking issue) is keyed on, when given. */
  commentKey?: string;
  /** `ignore:` entries of the repository's `.aks-pull-gate.yaml`, validated (reason and expires present). */
  ignore: IgnoreEntry[];
}

export const DEFAULTS = {
  namespace: 'default',
  failOn: 'error' as FailOn,
  unverified: 'fail' as Unverified,
  expiryWarningDays: 30,
  timeoutSeconds: 120,
  maxFileBytes: 20 * 1024 * 1024,
  platforms: [{ os: 'linux', architecture: 'amd64' }] as Platform[],
};

export function parseFailOn(value: string): FailOn {
  const v = value.trim().toLowerCase();
  if (v === 'error' || v === 'warning' || v === 'never') return v;
  throw new ConfigurationError(`fail-on must be one of error, warning, never (got "${value}")`);
}

export function parseUnverified(value: string): Unverified {
  const v = value.trim().toLowerCase();
  if (v === 'fail' || v === 'warn') return v;
  throw new ConfigurationError(`unverified must be one of fail, warn (got "${value}")`);
}

export function parseFormat(value: string): OutputFormat {
  const v = value.trim().toLowerCase();
  if (v === 'text' || v === 'json' || v === 'sarif' || v === 'markdown') return v;
  throw new ConfigurationError(`format must be one of text, json, sarif, markdown (got "${value}")`);
}

export function parseMode(value: string): 'check' | 'audit' {
  const v = value.trim().toLowerCase();
  if (v === 'check' || v === 'audit') return v;
  throw new ConfigurationError(`mode must be one of check, audit (got "${value}")`);
}

export function parseAzureEnvironment(value: string): AzureEnvironmentName {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'azurecloud' || v === 'azurepubliccloud' || v === 'public') return 'AzureCloud';
  if (v === 'azureusgovernment' || v === 'azureusgovernmentcloud' || v === 'usgovernment') return 'AzureUSGovernment';
  if (v === 'azurechinacloud' || v === 'china') return 'AzureChinaCloud';
  throw new ConfigurationError(
    `azure-environment must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud (got "${value}")`,
  );
}

export function parseNonNegativeInt(name: string, value: string): number {
  const v = value.trim();
  if (!/^\d+$/.test(v)) throw new ConfigurationError(`${name} must be a whole number of 0 or more (got "${value}")`);
  return Number(v);
}

export const TIMEOUT_RANGE_SECONDS = { min: 1, max: 3600 } as const;

/** A number of seconds, integer or decimal, no unit, in 1..3600 (Node's timers overflow past ~24.8 days). Returns ms. */
export function parseTimeoutSeconds(name: string, value: string): number {
  const v = value.trim();
  const n = Number(v);
  const { min, max } = TIMEOUT_RANGE_SECONDS;
  if (!/^\d+(\.\d+)?$/.test(v) || !(n >= min && n <= max)) {
    throw new ConfigurationError(
      `${name} must be a number of seconds from ${min} to ${max} (integer or decimal, no unit), e.g. 120 (got "${value}")`,
    );
  }
  return Math.round(n * 1000);
}

const OS_VALUES = new Set(['linux', 'windows']);
const ARCH_VALUES = new Set(['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64']);

/** `linux/amd64`, `linux/arm64/v8`, `windows/amd64:10.0.20348`. */
export function parsePlatform(value: string): Platform {
  const v = value.trim().toLowerCase();
  const m = /^([a-z0-9]+)\/([a-z0-9]+)(?:\/([a-z0-9]+))?(?::([0-9.]+))?$/.exec(v);
  if (!m || !OS_VALUES.has(m[1]) || !ARCH_VALUES.has(m[2])) {
    throw new ConfigurationError(
      `platform must be os/arch[/variant] with os one of ${[...OS_VALUES].join(', ')} and arch one of ${[...ARCH_VALUES].join(', ')}, e.g. linux/arm64 (got "${value}")`,
    );
  }
  const p: Platform = { os: m[1], architecture: m[2] };
  if (m[3]) p.variant = m[3];
  if (m[4]) p.osVersion = m[4];
  return p;
}

/** Splits a list input: newlines and commas separate items; blank lines and `#` comments are ignored. */
export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

/**
 * Splits a list input on newlines only (commas belong to brace globs such as `k8s/{a,b}/*.yaml`); blank lines and
 * `#` comments are ignored.
 */
export function parseLines(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new ConfigurationError(`${name} must be true or false (got "${value}")`);
}

/** `one of a, b, c` choice parser: case-insensitive, the message lists the accepted values. */
export function parseChoice<T extends string>(name: string, values: readonly T[], value: string): T {
  const v = value.trim().toLowerCase();
  const hit = values.find((x) => x === v);
  if (hit) return hit;
  throw new ConfigurationError(`${name} must be one of ${values.join(', ')} (got "${value}")`);
}

const RESOURCE_GROUP_RE = /^[-\w._()]{1,90}$/;
const CLUSTER_ID_RE =
  /^\/subscriptions\/([0-9a-f-]{36})\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)$/i;

/** Validates an AKS resource id, or assembles one from name + resource group + subscription. */
export function resolveClusterId(opts: {
  cluster?: string;
  clusterName?: string;
  resourceGroup?: string;
  subscription?: string;
}): string | undefined {
  if (opts.cluster) {
    const id = opts.cluster.trim().replace(/\/+$/, '');
    if (!CLUSTER_ID_RE.test(id)) {
      throw new ConfigurationError(
        `cluster must be an AKS resource id like /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<name> (got "${opts.cluster}")`,
      );
    }
    return id;
  }
  if (opts.clusterName || opts.resourceGroup) {
    if (!opts.clusterName || !opts.resourceGroup) {
      throw new ConfigurationError(
        'cluster-name and resource-group must be given together (or give cluster as a resource id)',
      );
    }
    if (!RESOURCE_GROUP_RE.test(opts.resourceGroup)) {
      throw new ConfigurationError(`resource-group is not a valid resource group name (got "${opts.resourceGroup}")`);
    }
    if (!opts.subscription) {
      throw new ConfigurationError('subscription is required with cluster-name and resource-group (a subscription id)');
    }
    return `/subscriptions/${opts.subscription}/resourceGroups/${opts.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${opts.clusterName}`;
  }
  return undefined;
}
