// Parses the CLI's argv into a Config. Pure: no I/O, so every flag and every mistake is unit-tested. Each action input
// has a flag of the same kebab-case name.

import { parseArgs } from 'node:util';
import {
  ConfigurationError,
  DEFAULTS,
  parseAzureEnvironment,
  parseFailOn,
  parseUnverified,
  parseFormat,
  parseNonNegativeInt,
  parsePlatform,
  parsePositiveSeconds,
  resolveClusterId,
  type Config,
} from './config.js';

export const USAGE = `aks-pull-gate — will every pod in these manifests be able to pull its images on this AKS cluster?

Usage:
  aks-pull-gate check --manifests <path|dir|glob|-> [...] [options]
  aks-pull-gate audit [--cluster <id>] [--registry <id> ...] [options]

Options:
  --manifests <p>            manifest file, directory (recursive), glob, or - for stdin; repeatable
  --cluster <id>             AKS resource id (or --cluster-name + --resource-group + --subscription)
  --cluster-name <name>      AKS cluster name
  --resource-group <rg>      resource group of the cluster
  --subscription <id>        subscription id of the cluster
  --registry <id>            registry resource id for the audit (default: every visible registry); repeatable
  --simulate <world.yaml>    run against a loopback emulator of Azure, Graph, registries and Kubernetes
  --format <f>               text | json | sarif | markdown (default: text)
  --output <file>            write the report there instead of stdout
  --sarif-file <file>        also write a SARIF 2.1.0 file
  --fail-on <level>          error | warning | never (default: error)
  --unverified <mode>        fail | warn: an image the gate could not check fails the run, or only warns (default: fail)
  --expiry-warning-days <n>  warn about credentials expiring within n days (default: 30)
  --platform <os/arch>       platform pods can land on when no cluster says so; repeatable (default: linux/amd64)
  --namespace <ns>           namespace of documents that name none (default: default)
  --no-cluster-reads         do not read Secrets/ServiceAccounts from the live cluster
  --offline                  no network at all: inventory and static checks only
  --timeout <seconds>        overall time limit (default: 120)
  --azure-environment <env>  AzureCloud | AzureUSGovernment | AzureChinaCloud (default: AzureCloud)
  --client-id <id>           client id for direct sign-in (with --tenant-id)
  --tenant-id <id>           tenant id for direct sign-in
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 ready, 1 findings at or above --fail-on, 2 usage or configuration error.`;

export type CliCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; config: Config };

export function parseCli(argv: string[], cwd: string): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        manifests: { type: 'string', multiple: true },
        cluster: { type: 'string' },
        'cluster-name': { type: 'string' },
        'resource-group': { type: 'string' },
        subscription: { type: 'string' },
        registry: { type: 'string', multiple: true },
        simulate: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        'sarif-file': { type: 'string' },
        'fail-on': { type: 'string' },
        unverified: { type: 'string' },
        'expiry-warning-days': { type: 'string' },
        platform: { type: 'string', multiple: true },
        namespace: { type: 'string' },
        'no-cluster-reads': { type: 'boolean' },
        'cluster-reads': { type: 'boolean' },
        offline: { type: 'boolean' },
        timeout: { type: 'string' },
        'azure-environment': { type: 'string' },
        'client-id': { type: 'string' },
        'tenant-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ConfigurationError(`${msg.replace(/\. To specify.*$/, '')} (see aks-pull-gate --help)`);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  const [command, ...rest] = parsed.positionals;
  if (!command) throw new ConfigurationError('a command is required: check or audit (see aks-pull-gate --help)');
  if (command !== 'check' && command !== 'audit') {
    throw new ConfigurationError(`unknown command "${command}": use check or audit (see aks-pull-gate --help)`);
  }
  // Positional paths after `check` are manifests too: `aks-pull-gate check k8s/`.
  const manifests = [...(v.manifests ?? []), ...rest];
  if (command === 'check' && manifests.length === 0) {
    throw new ConfigurationError('check needs --manifests <path|dir|glob|-> (see aks-pull-gate --help)');
  }
  if (command === 'audit' && rest.length > 0)
    throw new ConfigurationError(`audit takes no positional arguments (got "${rest[0]}")`);
  const platforms = (v.platform ?? []).flatMap((p) => p.split(',')).map(parsePlatform);
  const cluster = resolveClusterId({
    cluster: v.cluster,
    clusterName: v['cluster-name'],
    resourceGroup: v['resource-group'],
    subscription: v.subscription,
  });
  const config: Config = {
    mode: command,
    manifests,
    cwd,
    namespace: v.namespace?.trim() || DEFAULTS.namespace,
    ...(cluster ? { cluster } : {}),
    ...(v['cluster-name'] ? { clusterName: v['cluster-name'] } : {}),
    ...(v['resource-group'] ? { resourceGroup: v['resource-group'] } : {}),
    ...(v.subscription ? { subscription: v.subscription } : {}),
    registries: v.registry ?? [],
    ...(v.simulate ? { simulate: v.simulate } : {}),
    format: v.format ? parseFormat(v.format) : 'text',
    ...(v.output ? { output: v.output } : {}),
    ...(v['sarif-file'] ? { sarifFile: v['sarif-file'] } : {}),
    failOn: v['fail-on'] ? parseFailOn(v['fail-on']) : DEFAULTS.failOn,
    unverified: v.unverified ? parseUnverified(v.unverified) : DEFAULTS.unverified,
    expiryWarningDays: v['expiry-warning-days']
      ? parseNonNegativeInt('expiry-warning-days', v['expiry-warning-days'])
      : DEFAULTS.expiryWarningDays,
    platforms: platforms.length ? platforms : DEFAULTS.platforms,
    platformsExplicit: platforms.length > 0,
    clusterReads: !v['no-cluster-reads'],
    offline: !!v.offline,
    azureEnvironment: parseAzureEnvironment(v['azure-environment'] ?? ''),
    timeoutMs: v.timeout ? parsePositiveSeconds('timeout', v.timeout) : DEFAULTS.timeoutSeconds * 1000,
    ...(v['client-id'] ? { clientId: v['client-id'] } : {}),
    ...(v['tenant-id'] ? { tenantId: v['tenant-id'] } : {}),
    maxFileBytes: DEFAULTS.maxFileBytes,
  };
  return { kind: 'run', config };
}
