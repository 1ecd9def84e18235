// The one table of every option. Each entry is an action input and a CLI flag of the same kebab-case name (unless it
// is marked cliOnly), may be set in `.aks-pull-gate.yaml` (unless notInFile), and carries its default, its parser and
// its description. from-action.ts, from-cli.ts, the CLI help and the README's inputs table all read it; a test holds
// action.yml to it. action.yml gives no `default:` for these options: an empty input means "not given", so the
// repository file can set the default (github-token is the exception: only the runner can evaluate
// `${{ github.token }}`).

import type { Platform } from '../types/index.js';
import {
  ConfigurationError,
  DEFAULTS,
  parseAzureEnvironment,
  parseBoolean,
  parseChoice,
  parseFailOn,
  parseFormat,
  parseLines,
  parseList,
  parseMode,
  parseNonNegativeInt,
  parsePlatform,
  parseTimeoutSeconds,
  type AzureEnvironmentName,
  type CommentWhenClean,
  type FailOn,
  type OutputFormat,
  type UnverifiedPolicy,
} from './config.js';

export interface OptionSpec<T> {
  /** The action input and the CLI flag (`--<name>`). */
  name: string;
  /** `boolean` options take `--x`, `--no-x`, `--x=false` (and `--x false`); `string` options take a value. */
  kind: 'string' | 'boolean';
  /**
   * Repeatable flag; in the action and the file, a list (the action splits on newlines). `parse` turns one item into
   * a list and the items are concatenated.
   */
  multiple?: boolean;
  /** The built-in default (absent: not set). */
  default?: T;
  /** How the default is shown in the help and the README when it is not a plain value. */
  defaultText?: string;
  /** One raw item (already trimmed of nothing): the typed value, or a ConfigurationError naming the accepted values. */
  parse: (raw: string) => T;
  /** Placeholder of the value in the CLI help. */
  arg?: string;
  description: string;
  /** Acts only where a GitHub environment is present (the action, or the CLI inside a GitHub Actions job). */
  githubOnly?: boolean;
  /** A flag of the CLI with no action input (the action always writes JSON to its report file). */
  cliOnly?: boolean;
  /** Not settable in `.aks-pull-gate.yaml` (a secret, or the file's own path). */
  notInFile?: boolean;
  /** Other flag spellings the CLI accepts. */
  aliases?: string[];
}

function opt<T>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

const str = (name: string) => (raw: string) => {
  const v = raw.trim();
  if (v === '') throw new ConfigurationError(`${name} needs a value`);
  return v;
};

const COMMENT_KEY_RE = /^[\w.:/@+=-]{1,200}$/;

export const OPTIONS = {
  mode: opt<'check' | 'audit'>({
    name: 'mode',
    kind: 'string',
    default: 'check',
    parse: parseMode,
    arg: 'check|audit',
    description: 'check (gate manifests before deploy) or audit (scheduled credential and expiry audit).',
  }),
  manifests: opt<string[]>({
    name: 'manifests',
    kind: 'string',
    multiple: true,
    default: [],
    parse: (raw) => parseLines(raw),
    arg: 'path',
    description:
      'Rendered manifests to gate: files, directories (recursive), globs, or - for stdin; one per line (the action splits on newlines only, so brace globs like k8s/{a,b}/*.yaml work).',
  }),
  namespace: opt<string>({
    name: 'namespace',
    kind: 'string',
    default: DEFAULTS.namespace,
    parse: str('namespace'),
    arg: 'ns',
    description: 'Namespace of documents that name none.',
  }),
  cluster: opt<string>({
    name: 'cluster',
    kind: 'string',
    parse: str('cluster'),
    arg: 'id',
    description: 'AKS cluster resource id (or give cluster-name + resource-group + subscription).',
  }),
  'cluster-name': opt<string>({
    name: 'cluster-name',
    kind: 'string',
    parse: str('cluster-name'),
    arg: 'name',
    description: 'AKS cluster name (with resource-group and subscription).',
  }),
  'resource-group': opt<string>({
    name: 'resource-group',
    kind: 'string',
    parse: str('resource-group'),
    arg: 'rg',
    description: 'Resource group of the AKS cluster.',
  }),
  subscription: opt<string>({
    name: 'subscription',
    kind: 'string',
    parse: str('subscription'),
    arg: 'id',
    description: 'Subscription id of the AKS cluster.',
  }),
  registries: opt<string[]>({
    name: 'registries',
    kind: 'string',
    multiple: true,
    default: [],
    parse: (raw) => parseList(raw),
    arg: 'id',
    aliases: ['registry'],
    description:
      'Registry resource ids, one per line. Audit mode: the registries to audit (default: every registry the gate can see). Check mode: registries in subscriptions the gate cannot list, read by id (a registry in another tenant is then named with its tenant).',
  }),
  simulate: opt<string>({
    name: 'simulate',
    kind: 'string',
    parse: str('simulate'),
    arg: 'world.yaml',
    description:
      'Path of a world file: run against the loopback emulator instead of Azure (demos, incident reproduction).',
  }),
  format: opt<OutputFormat>({
    name: 'format',
    kind: 'string',
    default: 'text',
    parse: parseFormat,
    arg: 'text|json|sarif|markdown',
    cliOnly: true,
    description: 'Report format on standard output (or in --output).',
  }),
  output: opt<string>({
    name: 'output',
    kind: 'string',
    parse: str('output'),
    arg: 'file',
    cliOnly: true,
    description: 'Write the report to this file instead of standard output.',
  }),
  'fail-on': opt<FailOn>({
    name: 'fail-on',
    kind: 'string',
    default: DEFAULTS.failOn,
    parse: parseFailOn,
    arg: 'error|warning|never',
    description: 'Fail the step on findings at or above this severity: error, warning or never.',
  }),
  unverified: opt<UnverifiedPolicy>({
    name: 'unverified',
    kind: 'string',
    default: 'fail',
    parse: (raw) => parseChoice('unverified', ['fail', 'warn'] as const, raw),
    arg: 'fail|warn',
    description:
      'What an image the gate could not verify does: fail (not ready) or warn (fail open, for teams that choose to).',
  }),
  'expiry-warning-days': opt<number>({
    name: 'expiry-warning-days',
    kind: 'string',
    default: DEFAULTS.expiryWarningDays,
    parse: (raw) => parseNonNegativeInt('expiry-warning-days', raw),
    arg: 'n',
    description: 'Warn about credentials that expire within this many days.',
  }),
  platform: opt<Platform[]>({
    name: 'platform',
    kind: 'string',
    multiple: true,
    parse: (raw) => parseList(raw).map(parsePlatform),
    defaultText: "the cluster's node pools; linux/amd64 without a cluster",
    arg: 'os/arch',
    description:
      "Platforms pods can land on (os/arch, one per line or comma-separated); when not given, the cluster's node pools decide.",
  }),
  'cluster-reads': opt<boolean>({
    name: 'cluster-reads',
    kind: 'boolean',
    default: true,
    parse: (raw) => parseBoolean('cluster-reads', raw),
    description:
      'Read Secrets and ServiceAccounts from the live cluster when a kubeconfig is present (azure/aks-set-context).',
  }),
  workloads: opt<boolean>({
    name: 'workloads',
    kind: 'boolean',
    default: true,
    parse: (raw) => parseBoolean('workloads', raw),
    description:
      'Audit mode: also check the pod templates the cluster runs (Deployments, StatefulSets, DaemonSets, CronJobs, Jobs, ownerless ReplicaSets, bare Pods) through the kubeconfig.',
  }),
  'audit-namespaces': opt<string[]>({
    name: 'audit-namespaces',
    kind: 'string',
    multiple: true,
    default: [],
    parse: (raw) => parseList(raw),
    arg: 'ns',
    aliases: ['audit-namespace'],
    description: 'Audit mode: only the workloads of these namespaces, one per line (default: every namespace).',
  }),
  pod: opt<string>({
    name: 'pod',
    kind: 'string',
    parse: str('pod'),
    arg: 'namespace/name',
    cliOnly: true,
    notInFile: true,
    description: 'diagnose: the pod waiting in ErrImagePull / ImagePullBackOff.',
  }),
  selector: opt<string>({
    name: 'selector',
    kind: 'string',
    parse: str('selector'),
    arg: 'k=v',
    cliOnly: true,
    notInFile: true,
    description: 'diagnose with --namespace: only the pods with these labels.',
  }),
  offline: opt<boolean>({
    name: 'offline',
    kind: 'boolean',
    default: false,
    parse: (raw) => parseBoolean('offline', raw),
    description: 'No network at all: inventory and static checks only.',
  }),
  'sarif-file': opt<string>({
    name: 'sarif-file',
    kind: 'string',
    parse: str('sarif-file'),
    arg: 'file',
    description: 'Also write a SARIF 2.1.0 file at this path (for github/codeql-action/upload-sarif).',
  }),
  'comment-on-pr': opt<boolean>({
    name: 'comment-on-pr',
    kind: 'boolean',
    default: true,
    parse: (raw) => parseBoolean('comment-on-pr', raw),
    githubOnly: true,
    description: 'On pull_request events, keep one sticky PR comment per cluster with the result.',
  }),
  'comment-when-clean': opt<CommentWhenClean>({
    name: 'comment-when-clean',
    kind: 'string',
    default: 'resolve',
    parse: (raw) => parseChoice('comment-when-clean', ['delete', 'resolve', 'keep'] as const, raw),
    arg: 'resolve|delete|keep',
    githubOnly: true,
    description: 'What to do with the PR comment once everything passes: resolve (edit it to say so), delete, or keep.',
  }),
  'comment-key': opt<string>({
    name: 'comment-key',
    kind: 'string',
    parse: (raw) => {
      const v = raw.trim();
      if (!COMMENT_KEY_RE.test(v)) {
        throw new ConfigurationError(`comment-key must be 1 to 200 letters, digits or . _ : / @ + = - (got "${raw}")`);
      }
      return v;
    },
    arg: 'key',
    githubOnly: true,
    description:
      'Key of the sticky PR comment and the tracking issue, for jobs that share a cluster (default: the cluster resource id).',
  }),
  'tracking-issue': opt<boolean>({
    name: 'tracking-issue',
    kind: 'boolean',
    default: false,
    parse: (raw) => parseBoolean('tracking-issue', raw),
    githubOnly: true,
    description: 'Audit mode: keep one tracking issue up to date with expiring credentials, closed when clean.',
  }),
  'github-token': opt<string>({
    name: 'github-token',
    kind: 'string',
    parse: (raw) => raw.trim(),
    defaultText: '${{ github.token }} in the action; $GITHUB_TOKEN in the CLI',
    arg: 'token',
    githubOnly: true,
    notInFile: true,
    description: 'Token for the PR comment and the tracking issue (in the CLI, prefer the GITHUB_TOKEN variable).',
  }),
  'client-id': opt<string>({
    name: 'client-id',
    kind: 'string',
    parse: str('client-id'),
    arg: 'id',
    description:
      'Entra application (client) id for direct GitHub OIDC sign-in, without azure/login (needs permissions id-token: write).',
  }),
  'tenant-id': opt<string>({
    name: 'tenant-id',
    kind: 'string',
    parse: str('tenant-id'),
    arg: 'id',
    description: 'Entra tenant id for direct GitHub OIDC sign-in.',
  }),
  'azure-environment': opt<AzureEnvironmentName>({
    name: 'azure-environment',
    kind: 'string',
    default: 'AzureCloud',
    parse: parseAzureEnvironment,
    arg: 'env',
    description: 'AzureCloud, AzureUSGovernment or AzureChinaCloud.',
  }),
  timeout: opt<number>({
    name: 'timeout',
    kind: 'string',
    default: DEFAULTS.timeoutSeconds * 1000,
    defaultText: String(DEFAULTS.timeoutSeconds),
    parse: (raw) => parseTimeoutSeconds('timeout', raw),
    arg: 'seconds',
    description: 'Overall time limit in seconds, from 1 to 3600 (integer or decimal, no unit).',
  }),
  config: opt<string>({
    name: 'config',
    kind: 'string',
    parse: str('config'),
    defaultText: '.aks-pull-gate.yaml at the workspace root, when present',
    arg: 'file',
    notInFile: true,
    description:
      "Repository settings file: any option's default and ignore: entries (accepted findings with reason and expires).",
  }),
} satisfies Record<string, OptionSpec<unknown>>;

export type OptionName = keyof typeof OPTIONS;
export type OptionValue<N extends OptionName> = (typeof OPTIONS)[N] extends OptionSpec<infer T> ? T : never;

/** Every option, in table order, as plain specs (for the help, the README and the readers). */
export const OPTION_LIST: readonly (OptionSpec<unknown> & { name: OptionName })[] = Object.values(
  OPTIONS,
) as (OptionSpec<unknown> & {
  name: OptionName;
})[];

/** How the default reads in the help and the README ('' when there is none). */
export function defaultText(spec: OptionSpec<unknown>): string {
  if (spec.defaultText !== undefined) return spec.defaultText;
  const d = spec.default;
  if (d === undefined || (Array.isArray(d) && d.length === 0)) return '';
  return String(d);
}

/**
 * Pairs that cannot be given together (in one layer: a flag and the file may differ, the flag wins): the cluster as
 * a resource id and the cluster as name + resource group.
 */
export const CONFLICTS: readonly (readonly [OptionName, OptionName])[] = [
  ['cluster', 'cluster-name'],
  ['cluster', 'resource-group'],
];
