// Builds the Config from the action's inputs. Pure: the input reader is injected (core.getInput in the action,
// a map in tests), so every input and every mistake is unit-tested without @actions/core.

import path from 'node:path';
import {
  ConfigurationError,
  DEFAULTS,
  parseAzureEnvironment,
  parseFailOn,
  parseUnverified,
  parseList,
  parseMode,
  parseNonNegativeInt,
  parsePlatform,
  parsePositiveSeconds,
  resolveClusterId,
  type Config,
} from './config.js';

export type InputReader = (name: string) => string;

export interface ActionSettings {
  config: Config;
  commentOnPr: boolean;
  commentWhenClean: 'delete' | 'resolve' | 'keep';
  trackingIssue: boolean;
  githubToken: string;
  /** Where the JSON report is written (the `report` output). */
  reportFile: string;
}

export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new ConfigurationError(`${name} must be true or false (got "${value}")`);
}

export function readActionSettings(input: InputReader, env: NodeJS.ProcessEnv): ActionSettings {
  const get = (name: string) => (input(name) ?? '').trim();
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const mode = parseMode(get('mode') || 'check');
  const manifests = parseList(input('manifests'));
  if (mode === 'check' && manifests.length === 0) {
    throw new ConfigurationError('manifests is required in check mode: one file, directory or glob per line');
  }
  const platforms = parseList(get('platform')).map(parsePlatform);
  const cluster = resolveClusterId({
    cluster: get('cluster') || undefined,
    clusterName: get('cluster-name') || undefined,
    resourceGroup: get('resource-group') || undefined,
    subscription: get('subscription') || undefined,
  });
  const whenClean = (get('comment-when-clean') || 'resolve').toLowerCase();
  if (whenClean !== 'delete' && whenClean !== 'resolve' && whenClean !== 'keep') {
    throw new ConfigurationError(`comment-when-clean must be one of delete, resolve, keep (got "${whenClean}")`);
  }
  const tempDir = env.RUNNER_TEMP || cwd;
  const sarif = get('sarif-file');
  const config: Config = {
    mode,
    manifests,
    cwd,
    namespace: get('namespace') || DEFAULTS.namespace,
    ...(cluster ? { cluster } : {}),
    ...(get('cluster-name') ? { clusterName: get('cluster-name') } : {}),
    ...(get('resource-group') ? { resourceGroup: get('resource-group') } : {}),
    ...(get('subscription') ? { subscription: get('subscription') } : {}),
    registries: parseList(input('registries')),
    ...(get('simulate') ? { simulate: path.resolve(cwd, get('simulate')) } : {}),
    format: 'json',
    ...(sarif ? { sarifFile: path.resolve(cwd, sarif) } : {}),
    failOn: parseFailOn(get('fail-on') || 'error'),
    unverified: parseUnverified(get('unverified') || 'fail'),
    expiryWarningDays: parseNonNegativeInt(
      'expiry-warning-days',
      get('expiry-warning-days') || String(DEFAULTS.expiryWarningDays),
    ),
    platforms: platforms.length ? platforms : DEFAULTS.platforms,
    platformsExplicit: platforms.length > 0,
    clusterReads: parseBoolean('cluster-reads', get('cluster-reads'), true),
    offline: parseBoolean('offline', get('offline'), false),
    azureEnvironment: parseAzureEnvironment(get('azure-environment')),
    timeoutMs: parsePositiveSeconds('timeout', get('timeout') || String(DEFAULTS.timeoutSeconds)),
    ...(get('client-id') ? { clientId: get('client-id') } : {}),
    ...(get('tenant-id') ? { tenantId: get('tenant-id') } : {}),
    maxFileBytes: DEFAULTS.maxFileBytes,
  };
  if ((config.clientId && !config.tenantId) || (!config.clientId && config.tenantId)) {
    throw new ConfigurationError('client-id and tenant-id must be given together for direct OIDC sign-in');
  }
  return {
    config,
    commentOnPr: parseBoolean('comment-on-pr', get('comment-on-pr'), true),
    commentWhenClean: whenClean,
    trackingIssue: parseBoolean('tracking-issue', get('tracking-issue'), false),
    githubToken: get('github-token'),
    reportFile: path.join(tempDir, 'aks-pull-gate-report.json'),
  };
}
