// Action inputs become the same typed Config as the CLI's flags, through the same options table; action.yml is held
// to the table (every input is a flag of the same name, no `default:` but the token's, the Marketplace description
// fits 125 characters).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readActionSettings } from '../../../src/settings/from-action.js';
import { parseCli, usage } from '../../../src/settings/from-cli.js';
import { OPTION_LIST } from '../../../src/settings/options.js';
import { VERSION } from '../../../src/version.js';

const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
const WS = mkdtempSync(path.join(tmpdir(), 'action-inputs-'));
afterAll(() => rmSync(WS, { recursive: true, force: true }));

interface ActionYml {
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
}
const action = parseYaml(readFileSync('action.yml', 'utf8')) as ActionYml;
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
/** Every input as the runner passes it: its action.yml default, or the empty string. */
const asRunner = (inputs: Record<string, string>) => (name: string) =>
  inputs[name] ?? (name === 'github-token' ? 'ghs_job' : (action.inputs[name]?.default ?? ''));
const env = { GITHUB_WORKSPACE: WS, RUNNER_TEMP: '/tmp/r' };

describe('action inputs', () => {
  it('builds the same Config as the CLI from inputs', () => {
    const s = readActionSettings(
      reader({
        manifests: 'k8s/\nrendered/*.yaml',
        cluster: CLUSTER,
        'fail-on': 'warning',
        platform: 'linux/arm64',
        'comment-on-pr': 'false',
      }),
      env,
    );
    expect(s.config).toMatchObject({
      manifests: ['k8s/', 'rendered/*.yaml'],
      cwd: WS,
      cluster: CLUSTER,
      failOn: 'warning',
      platforms: [{ os: 'linux', architecture: 'arm64' }],
      platformsExplicit: true,
      format: 'json',
    });
    expect(s.commentOnPr).toBe(false);
    expect(s.reportFile).toBe('/tmp/r/aks-pull-gate-report.json');
    const cli = parseCli(
      [
        'check',
        '--manifests',
        'k8s/',
        '--manifests',
        'rendered/*.yaml',
        '--cluster',
        CLUSTER,
        '--fail-on',
        'warning',
        '--platform',
        'linux/arm64',
        '--format',
        'json',
      ],
      WS,
    );
    expect(cli.kind === 'run' && cli.config).toEqual(s.config);
  });

  it('splits manifests on newlines only, so a brace glob stays one pattern', () => {
    const s = readActionSettings(reader({ manifests: 'k8s/{a,b}/*.yaml\n# a comment\n\nother.yaml' }), env);
    expect(s.config.manifests).toEqual(['k8s/{a,b}/*.yaml', 'other.yaml']);
  });

  it('run as the runner runs it (every action.yml default as INPUT_*), the node pools decide the platform', () => {
    const s = readActionSettings(asRunner({ manifests: 'a.yaml', cluster: CLUSTER }), env);
    expect(s.config.platformsExplicit).toBe(false);
    expect(s.config).toMatchObject({ failOn: 'error', timeoutMs: 120_000, unverified: 'fail', clusterReads: true });
    expect(s.githubToken).toBe('ghs_job');
  });

  it('reads unverified and comment-key', () => {
    const s = readActionSettings(reader({ manifests: 'a', unverified: 'warn', 'comment-key': 'prod-eu' }), env);
    expect(s.config.unverified).toBe('warn');
    expect(s.config.commentKey).toBe('prod-eu');
  });

  it('requires manifests in check mode but not in audit mode', () => {
    expect(() => readActionSettings(reader({}), env)).toThrow(/manifests is required/);
    expect(readActionSettings(reader({ mode: 'audit' }), env).config.mode).toBe('audit');
  });

  it('rejects a boolean that is not true/false, half of the OIDC pair, a timeout out of range, two cluster names', () => {
    expect(() => readActionSettings(reader({ manifests: 'a', 'comment-on-pr': 'maybe' }), env)).toThrow(
      /comment-on-pr must be true or false/,
    );
    expect(() => readActionSettings(reader({ manifests: 'a', 'client-id': 'x' }), env)).toThrow(/together/);
    expect(() => readActionSettings(reader({ manifests: 'a', timeout: '2147484' }), env)).toThrow(/from 1 to 3600/);
    expect(() => readActionSettings(reader({ manifests: 'a', cluster: CLUSTER, 'cluster-name': 'x' }), env)).toThrow(
      'input cluster and input cluster-name cannot be given together',
    );
  });

  it('takes the token from GITHUB_TOKEN when the input is empty', () => {
    expect(readActionSettings(reader({ manifests: 'a' }), { ...env, GITHUB_TOKEN: 'ghs_env' }).githubToken).toBe(
      'ghs_env',
    );
  });
});

describe('action.yml and the options table', () => {
  const inputs = Object.keys(action.inputs);
  const table = OPTION_LIST.filter((s) => !s.cliOnly).map((s) => s.name);

  it('has exactly the table options as inputs, in table order, each with the table description', () => {
    expect(inputs).toEqual(table);
    for (const spec of OPTION_LIST.filter((s) => !s.cliOnly)) {
      expect(action.inputs[spec.name].description, spec.name).toBe(spec.description);
    }
  });

  it('gives every input a CLI flag of the same name that the help lists', () => {
    const help = usage();
    for (const name of inputs) {
      expect(help, name).toMatch(new RegExp(`--(\\[no-\\])?${name}\\b`));
      const spec = OPTION_LIST.find((s) => s.name === name)!;
      const value = spec.kind === 'boolean' ? [] : [name === 'timeout' ? '30' : name === 'mode' ? 'check' : 'x'];
      // Every input is a flag the parser accepts (a value error is fine; "unknown option" is not).
      try {
        parseCli(['check', 'a', `--${name}`, ...value], WS);
      } catch (e) {
        expect(String(e), name).not.toMatch(/unknown option/);
      }
    }
  });

  it('sets no default: but the token (an empty input means "not given", so the repository file can set it)', () => {
    const withDefault = inputs.filter((n) => action.inputs[n].default !== undefined);
    expect(withDefault).toEqual(['github-token']);
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
  });

  it('keeps the Marketplace description within 125 characters', () => {
    expect(action.description.length).toBeLessThanOrEqual(125);
  });

  it('keeps src/version.ts equal to package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
