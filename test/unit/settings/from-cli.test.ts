// CLI flags become the typed Config through the options table: every flag, every boolean spelling, every mistake a
// one-line ConfigurationError (exit 2) naming the accepted values or both conflicting flags.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli, usage, type CliCommand } from '../../../src/settings/from-cli.js';
import { ConfigurationError, parseList, parsePlatform } from '../../../src/settings/config.js';
import { OPTION_LIST } from '../../../src/settings/options.js';

const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';

// A directory with no .aks-pull-gate.yaml, so the repository's own files never leak into these tests.
const W = mkdtempSync(path.join(tmpdir(), 'cli-flags-'));
afterAll(() => rmSync(W, { recursive: true, force: true }));

function run(argv: string[], env: NodeJS.ProcessEnv = {}): Extract<CliCommand, { kind: 'run' }> {
  const cmd = parseCli(argv, W, env);
  if (cmd.kind !== 'run') throw new Error(`expected a run, got ${cmd.kind}`);
  return cmd;
}
const fails = (argv: string[]) => () => parseCli(argv, W);

describe('CLI flags', () => {
  it('builds a Config with the table defaults', () => {
    const { config, github } = run(['check', '--manifests', 'k8s/']);
    expect(config).toMatchObject({
      mode: 'check',
      manifests: ['k8s/'],
      cwd: W,
      namespace: 'default',
      format: 'text',
      failOn: 'error',
      expiryWarningDays: 30,
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      platformsExplicit: false,
      clusterReads: true,
      offline: false,
      azureEnvironment: 'AzureCloud',
      timeoutMs: 120_000,
      unverified: 'fail',
      ignore: [],
    });
    expect(config.commentKey).toBeUndefined();
    expect(github).toEqual({ commentOnPr: true, commentWhenClean: 'resolve', trackingIssue: false, githubToken: '' });
  });

  it('assembles the cluster id from name, resource group and subscription', () => {
    const { config } = run([
      'check',
      'a.yaml',
      '--cluster-name',
      'prod-aks',
      '--resource-group',
      'rg-prod',
      '--subscription',
      '11111111-1111-1111-1111-111111111111',
    ]);
    expect(config.cluster).toBe(CLUSTER);
  });

  it('takes repeatable --platform and --manifests, and comma lists of platforms', () => {
    const { config } = run([
      'check',
      '--manifests',
      'a',
      '--manifests',
      'b',
      '--platform',
      'linux/amd64,linux/arm64',
      '--platform',
      'windows/amd64:10.0.20348',
    ]);
    expect(config.manifests).toEqual(['a', 'b']);
    expect(config.platformsExplicit).toBe(true);
    expect(config.platforms).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348' },
    ]);
  });

  it('keeps a brace glob with commas as one manifest pattern', () => {
    expect(run(['check', '--manifests', 'k8s/{a,b}/*.yaml']).config.manifests).toEqual(['k8s/{a,b}/*.yaml']);
  });

  it('rejects mistakes with the accepted values', () => {
    expect(fails(['check', 'a', '--fail-on', 'sometimes'])).toThrow(ConfigurationError);
    expect(fails(['check', 'a', '--expiry-warning-days=-3'])).toThrow(/whole number/);
    expect(fails(['check', 'a', '--azure-environment', 'mars'])).toThrow(
      /AzureCloud, AzureUSGovernment, AzureChinaCloud/,
    );
    expect(fails(['check', 'a', '--cluster-name', 'x'])).toThrow(/together/);
    expect(fails(['check', 'a', '--unverified', 'maybe'])).toThrow(/unverified must be one of fail, warn/);
    expect(fails(['check', 'a', '--comment-when-clean', 'burn'])).toThrow(/delete, resolve, keep/);
    expect(fails(['check', 'a', '--bogus'])).toThrow(/unknown option --bogus/);
    expect(fails(['check', 'a', '--format'])).toThrow(/--format needs a value/);
  });

  it('parses platforms and lists', () => {
    expect(parsePlatform('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(() => parsePlatform('linux')).toThrow(ConfigurationError);
    expect(parseList('a\n# comment\n\n b , c')).toEqual(['a', 'b', 'c']);
  });
});

describe('boolean flags', () => {
  it('--offline false no longer reads "false" as a manifest path', () => {
    const { config } = run(['check', 'a.yaml', '--offline', 'false']);
    expect(config.offline).toBe(false);
    expect(config.manifests).toEqual(['a.yaml']);
  });

  it.each([
    [['--offline'], true],
    [['--offline=true'], true],
    [['--offline', 'true'], true],
    [['--offline=false'], false],
    [['--no-offline'], false],
    [['--offline=no'], false],
  ])('offline from %j is %s', (flags, expected) => {
    expect(run(['check', 'a', ...flags]).config.offline).toBe(expected);
  });

  it('--cluster-reads=false and --no-cluster-reads both turn cluster reads off; --cluster-reads is not ignored', () => {
    expect(run(['check', 'a', '--cluster-reads=false']).config.clusterReads).toBe(false);
    expect(run(['check', 'a', '--no-cluster-reads']).config.clusterReads).toBe(false);
    expect(run(['check', 'a', '--cluster-reads']).config.clusterReads).toBe(true);
  });

  it('rejects a boolean value that is not true/false and a value on --no-x', () => {
    expect(fails(['check', 'a', '--offline=maybe'])).toThrow(/--offline must be true or false/);
    expect(fails(['check', 'a', '--no-offline=true'])).toThrow(/takes no value/);
  });
});

describe('the flags that did not exist', () => {
  it('--mode names the command, and disagreeing with it is exit 2', () => {
    expect(run(['--mode', 'audit']).config.mode).toBe('audit');
    expect(run(['--mode=check', 'k8s/']).config.manifests).toEqual(['k8s/']);
    expect(fails(['check', 'a', '--mode', 'audit'])).toThrow(/check and --mode audit conflict/);
  });

  it('--registries (and --registry) are repeatable', () => {
    const { config } = run(['audit', '--registries', '/r/a', '--registry', '/r/b']);
    expect(config.registries).toEqual(['/r/a', '/r/b']);
  });

  it('the GitHub-only flags and the new options parse', () => {
    const { config, github } = run([
      'check',
      'a',
      '--no-comment-on-pr',
      '--comment-when-clean',
      'delete',
      '--tracking-issue',
      '--github-token',
      'ghs_x',
      '--unverified',
      'warn',
      '--comment-key',
      'prod-eu',
    ]);
    expect(github).toEqual({
      commentOnPr: false,
      commentWhenClean: 'delete',
      trackingIssue: true,
      githubToken: 'ghs_x',
    });
    expect(config.unverified).toBe('warn');
    expect(config.commentKey).toBe('prod-eu');
  });

  it('takes the token from GITHUB_TOKEN when --github-token is not given', () => {
    expect(run(['check', 'a'], { GITHUB_TOKEN: 'ghs_env' }).github.githubToken).toBe('ghs_env');
    expect(run(['check', 'a', '--github-token=ghs_flag'], { GITHUB_TOKEN: 'ghs_env' }).github.githubToken).toBe(
      'ghs_flag',
    );
  });

  it('rejects a comment-key that could break the comment marker', () => {
    expect(fails(['check', 'a', '--comment-key', 'x-->y'])).toThrow(/comment-key must be/);
  });
});

describe('timeout', () => {
  it.each([
    ['1', 1000],
    ['120', 120_000],
    ['2.5', 2500],
    ['3600', 3_600_000],
  ])('--timeout %s is %i ms', (raw, ms) => {
    expect(run(['check', 'a', '--timeout', raw]).config.timeoutMs).toBe(ms);
  });

  it.each(['0', '0.0001', '0.5', '3601', '2147484', '120s', '-5', '1e3', ''])(
    '--timeout "%s" is exit 2 naming the range',
    (raw) => {
      expect(fails(['check', 'a', `--timeout=${raw}`])).toThrow(/timeout must be a number of seconds from 1 to 3600/);
    },
  );
});

describe('conflicting flags', () => {
  it('--cluster with --cluster-name is exit 2 naming both', () => {
    expect(fails(['check', 'a', '--cluster', CLUSTER, '--cluster-name', 'prod-aks'])).toThrow(
      /^--cluster and --cluster-name cannot be given together/,
    );
    expect(fails(['check', 'a', '--resource-group', 'rg', '--cluster', CLUSTER])).toThrow(
      /--cluster and --resource-group cannot be given together/,
    );
  });

  it('--format twice is exit 2 naming both', () => {
    expect(fails(['check', 'a', '--format', 'json', '--format=sarif'])).toThrow(
      '--format json and --format sarif conflict: give --format once',
    );
  });

  it.each(OPTION_LIST.filter((s) => !s.multiple && s.name !== 'mode').map((s) => s.name))(
    'single-valued --%s given twice is exit 2',
    (name) => {
      const spec = OPTION_LIST.find((s) => s.name === name)!;
      const flags = spec.kind === 'boolean' ? [`--${name}`, `--no-${name}`] : [`--${name}`, 'x', `--${name}`, 'y'];
      expect(fails(['check', 'a', ...flags])).toThrow(new RegExp(`give --${name} once`));
    },
  );

  it('never echoes the token when --github-token is given twice', () => {
    expect(fails(['check', 'a', '--github-token', 'ghs_one', '--github-token', 'ghs_two'])).toThrow(
      /^--github-token and --github-token conflict/,
    );
    try {
      parseCli(['check', 'a', '--github-token', 'ghs_one', '--github-token', 'ghs_two'], W);
    } catch (e) {
      expect(String(e)).not.toMatch(/ghs_/);
    }
  });
});

describe('help', () => {
  it('lists every option of the table as a flag, booleans with --[no-]', () => {
    const text = usage();
    for (const spec of OPTION_LIST) {
      expect(text).toContain(spec.kind === 'boolean' ? `--[no-]${spec.name}` : `--${spec.name} <`);
    }
    expect(parseCli(['--help'], W).kind).toBe('help');
    expect(parseCli(['check', '--bogus', '-h'], W).kind).toBe('help');
  });

  it('fits 112 columns', () => {
    for (const line of usage().split('\n')) expect(line.length, line).toBeLessThanOrEqual(112);
  });
});
