// Builds the Config from layers of already-parsed option values: what was given explicitly (action inputs or CLI
// flags), then the repository settings file, then the table's defaults. The action and the CLI differ only in how
// they fill the explicit layer.

import path from 'node:path';
import type { IgnoreEntry } from '../types/suppression.js';
import { ConfigurationError, DEFAULTS, resolveClusterId, type CommentWhenClean, type Config } from './config.js';
import { CONFLICTS, OPTIONS, type OptionName, type OptionValue } from './options.js';

/** One option's value and where it came from (`--format`, `input fail-on`, `.aks-pull-gate.yaml:3`). */
export interface LayerValue {
  value: unknown;
  where: string;
}
export type Layer = Map<OptionName, LayerValue>;

/** The GitHub-only options: they act in the action, and in the CLI when it runs inside a GitHub Actions job. */
export interface GitHubSettings {
  commentOnPr: boolean;
  commentWhenClean: CommentWhenClean;
  trackingIssue: boolean;
  githubToken: string;
}

export interface ResolveContext {
  cwd: string;
  /** The settings file's values, when there is one. */
  file?: { values: Layer; ignore: IgnoreEntry[] };
  /** Resolve simulate and sarif-file against cwd (the action; the CLI keeps paths as typed). */
  resolvePaths: boolean;
  /** Used when github-token is not given. */
  fallbackToken?: string;
}

/** Fails with one line naming both when two options of a conflicting pair are set in the same layer. */
export function assertNoConflicts(layer: Layer): void {
  for (const [a, b] of CONFLICTS) {
    const x = layer.get(a);
    const y = layer.get(b);
    if (x && y) {
      throw new ConfigurationError(
        `${x.where} and ${y.where} cannot be given together: name the cluster by its resource id (cluster) or by cluster-name + resource-group + subscription`,
      );
    }
  }
}

export function resolveSettings(explicit: Layer, ctx: ResolveContext): { config: Config; github: GitHubSettings } {
  assertNoConflicts(explicit);
  const fileValues: Layer = new Map(ctx.file?.values ?? []);
  assertNoConflicts(fileValues);
  // A flag that names the cluster one way overrides the file naming it the other way.
  for (const [a, b] of CONFLICTS) {
    if (explicit.has(a)) fileValues.delete(b);
    if (explicit.has(b)) fileValues.delete(a);
  }
  const value = <N extends OptionName>(name: N): OptionValue<N> | undefined => {
    const hit = explicit.get(name) ?? fileValues.get(name);
    if (hit) return hit.value as OptionValue<N>;
    return OPTIONS[name].default as OptionValue<N> | undefined;
  };
  const given = (name: OptionName) => explicit.has(name) || fileValues.has(name);
  const at = (p: string | undefined) => (p && ctx.resolvePaths ? path.resolve(ctx.cwd, p) : p);

  const clusterName = value('cluster-name');
  const resourceGroup = value('resource-group');
  const subscription = value('subscription');
  const cluster = resolveClusterId({
    ...(value('cluster') ? { cluster: value('cluster') } : {}),
    ...(clusterName ? { clusterName } : {}),
    ...(resourceGroup ? { resourceGroup } : {}),
    ...(subscription ? { subscription } : {}),
  });
  const platforms = value('platform') ?? [];
  const simulate = at(value('simulate'));
  const output = value('output');
  const sarifFile = at(value('sarif-file'));
  const clientId = value('client-id');
  const tenantId = value('tenant-id');
  const commentKey = value('comment-key');
  const config: Config = {
    mode: value('mode') ?? 'check',
    manifests: value('manifests') ?? [],
    cwd: ctx.cwd,
    namespace: value('namespace') ?? DEFAULTS.namespace,
    ...(cluster ? { cluster } : {}),
    ...(clusterName ? { clusterName } : {}),
    ...(resourceGroup ? { resourceGroup } : {}),
    ...(subscription ? { subscription } : {}),
    registries: value('registries') ?? [],
    ...(simulate ? { simulate } : {}),
    format: value('format') ?? 'text',
    ...(output ? { output } : {}),
    ...(sarifFile ? { sarifFile } : {}),
    failOn: value('fail-on') ?? DEFAULTS.failOn,
    expiryWarningDays: value('expiry-warning-days') ?? DEFAULTS.expiryWarningDays,
    // Given (by a flag, an input or the file): those platforms. Not given: the cluster's node pools decide, and
    // linux/amd64 stands in only when no cluster is known.
    platforms: platforms.length ? platforms : DEFAULTS.platforms,
    platformsExplicit: given('platform') && platforms.length > 0,
    clusterReads: value('cluster-reads') ?? true,
    workloads: value('workloads') ?? true,
    auditNamespaces: value('audit-namespaces') ?? [],
    offline: value('offline') ?? false,
    azureEnvironment: value('azure-environment') ?? 'AzureCloud',
    timeoutMs: value('timeout') ?? DEFAULTS.timeoutSeconds * 1000,
    ...(clientId ? { clientId } : {}),
    ...(tenantId ? { tenantId } : {}),
    maxFileBytes: DEFAULTS.maxFileBytes,
    unverified: value('unverified') ?? 'fail',
    ...(commentKey ? { commentKey } : {}),
    ignore: ctx.file?.ignore ?? [],
  };
  if (!!config.clientId !== !!config.tenantId) {
    throw new ConfigurationError('client-id and tenant-id must be given together for direct OIDC sign-in');
  }
  const github: GitHubSettings = {
    commentOnPr: value('comment-on-pr') ?? true,
    commentWhenClean: value('comment-when-clean') ?? 'resolve',
    trackingIssue: value('tracking-issue') ?? false,
    githubToken: value('github-token') || ctx.fallbackToken || '',
  };
  return { config, github };
}
