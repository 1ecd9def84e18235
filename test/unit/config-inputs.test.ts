// CLI flags and action inputs become the same typed Config; every mistake is a one-line ConfigurationError naming the
// accepted values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readActionSettings } from '../../src/settings/from-action.js';
import { parseCli } from '../../src/settings/from-cli.js';
import { ConfigurationError, parseList, parsePlatform } from '../../src/settings/config.js';
import { VERSION } from '../../src/version.js';

const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';

describe('CLI flags', () => {
  it('builds a Config with defaults', () => {
    const cmd = parseCli(['check', '--manifests', 'k8s/'], '/w');
    expect(cmd.kind).toBe('run');
    if (cmd.kind !== 'run') return;
    expect(cmd.config).toMatchObject({
      mode: 'check',
      manifests: ['k8s/'],
      cwd: '/w',
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
    });
  });

  it('assembles the cluster id from name, resource group and subscription', () => {
    const cmd = parseCli(
      [
        'check',
        'a.yaml',
        '--cluster-name',
        'prod-aks',
        '--resource-group',
        'rg-prod',
        '--subscription',
        '11111111-1111-1111-1111-111111111111',
      ],
      '/w',
    );
    expect(cmd.kind === 'run' && cmd.config.cluster).toBe(CLUSTER);
  });

  it('takes repeatable --platform and --manifests, and comma lists', () => {
    const cmd = parseCli(
      [
        'check',
        '--manifests',
        'a',
        '--manifests',
        'b',
        '--platform',
        'linux/amd64,linux/arm64',
        '--platform',
        'windows/amd64:10.0.20348',
      ],
      '/w',
    );
    if (cmd.kind !== 'run') throw new Error('expected run');
    expect(cmd.config.manifests).toEqual(['a', 'b']);
    expect(cmd.config.platforms).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348' },
    ]);
  });

  it('rejects mistakes with the accepted values', () => {
    expect(() => parseCli(['check', 'a', '--fail-on', 'sometimes'], '/w')).toThrow(ConfigurationError);
    expect(() => parseCli(['check', 'a', '--expiry-warning-days=-3'], '/w')).toThrow(/whole number/);
    expect(() => parseCli(['check', 'a', '--timeout', '0'], '/w')).toThrow(/greater than 0/);
    expect(() => parseCli(['check', 'a', '--azure-environment', 'mars'], '/w')).toThrow(
      /AzureCloud, AzureUSGovernment, AzureChinaCloud/,
    );
    expect(() => parseCli(['check', 'a', '--cluster-name', 'x'], '/w')).toThrow(/together/);
  });

  it('parses platforms and lists', () => {
    expect(parsePlatform('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(() => parsePlatform('linux')).toThrow(ConfigurationError);
    expect(parseList('a\n# comment\n\n b , c')).toEqual(['a', 'b', 'c']);
  });
});

describe('action inputs', () => {
  const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  it('builds the same Config as the CLI from inputs', () => {
    const s = readActionSettings(
      reader({
        manifests: 'k8s/\nrendered/*.yaml',
        cluster: CLUSTER,
        'fail-on': 'warning',
        platform: 'linux/arm64',
        'comment-on-pr': 'false',
      }),
      { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/r' },
    );
    expect(s.config).toMatchObject({
      manifests: ['k8s/', 'rendered/*.yaml'],
      cwd: '/ws',
      cluster: CLUSTER,
      failOn: 'warning',
      platforms: [{ os: 'linux', architecture: 'arm64' }],
    });
    expect(s.commentOnPr).toBe(false);
    expect(s.reportFile).toBe('/tmp/r/aks-pull-gate-report.json');
  });

  it('requires manifests in check mode but not in audit mode', () => {
    expect(() => readActionSettings(reader({}), {})).toThrow(/manifests is required/);
    expect(readActionSettings(reader({ mode: 'audit' }), {}).config.mode).toBe('audit');
  });

  it('rejects a boolean that is not true/false, and half of the OIDC pair', () => {
    expect(() => readActionSettings(reader({ manifests: 'a', 'comment-on-pr': 'maybe' }), {})).toThrow(
      /comment-on-pr must be true or false/,
    );
    expect(() => readActionSettings(reader({ manifests: 'a', 'client-id': 'x' }), {})).toThrow(/together/);
  });

  it('has an action.yml input for every input the action reads, and a default for each boolean', () => {
    const action = parseYaml(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string }> };
    const read = new Set<string>();
    readActionSettings((name) => {
      read.add(name);
      return name === 'manifests' ? 'a' : '';
    }, {});
    for (const name of read) expect(action.inputs, name).toHaveProperty(name);
    for (const name of ['cluster-reads', 'offline', 'comment-on-pr', 'tracking-issue'])
      expect(action.inputs[name].default).toMatch(/^(true|false)$/);
  });

  it('keeps src/version.ts equal to package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
