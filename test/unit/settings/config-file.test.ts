// `.aks-pull-gate.yaml`: option defaults and ignore: entries. Precedence is flag/input, then the file, then the table;
// every mistake in the file is exit 2 naming file:line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCalendarDate, parseSettingsFile } from '../../../src/settings/config-file.js';
import { readActionSettings } from '../../../src/settings/from-action.js';
import { parseCli } from '../../../src/settings/from-cli.js';
import type { Config } from '../../../src/settings/config.js';

let ws: string;
beforeEach(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'settings-file-'));
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

const write = (text: string, name = '.aks-pull-gate.yaml') => writeFileSync(path.join(ws, name), text);
function cli(argv: string[]): Config {
  const cmd = parseCli(argv, ws);
  if (cmd.kind !== 'run') throw new Error('expected a run');
  return cmd.config;
}
const action = (inputs: Record<string, string>) =>
  readActionSettings((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: ws }).config;

describe('.aks-pull-gate.yaml sets defaults', () => {
  it('is found at the workspace root by the CLI and the action', () => {
    write('fail-on: warning\ntimeout: 30\nplatform: [linux/arm64]\noffline: true\n');
    for (const config of [cli(['check', 'a']), action({ manifests: 'a' })]) {
      expect(config).toMatchObject({
        failOn: 'warning',
        timeoutMs: 30_000,
        offline: true,
        platforms: [{ os: 'linux', architecture: 'arm64' }],
        platformsExplicit: true,
      });
    }
  });

  it('loses to a flag or an input given explicitly, and wins over the table default', () => {
    write('fail-on: warning\nnamespace: shop\n');
    expect(cli(['check', 'a', '--fail-on', 'never'])).toMatchObject({ failOn: 'never', namespace: 'shop' });
    expect(action({ manifests: 'a', 'fail-on': 'never' })).toMatchObject({ failOn: 'never', namespace: 'shop' });
    // An empty input is "not given": the file decides.
    expect(action({ manifests: 'a', 'fail-on': '' }).failOn).toBe('warning');
  });

  it('lets --cluster override a file that names the cluster by name and resource group', () => {
    write(
      'cluster-name: staging-aks\nresource-group: rg-staging\nsubscription: 11111111-1111-1111-1111-111111111111\n',
    );
    const id =
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
    expect(cli(['check', 'a', '--cluster', id]).cluster).toBe(id);
  });

  it('is read from --config / the config input, which must exist', () => {
    mkdirSync(path.join(ws, 'ci'));
    write('unverified: warn\ncomment-key: prod-eu\n', 'ci/gate.yaml');
    expect(cli(['check', 'a', '--config', 'ci/gate.yaml'])).toMatchObject({
      unverified: 'warn',
      commentKey: 'prod-eu',
    });
    expect(action({ manifests: 'a', config: 'ci/gate.yaml' }).unverified).toBe('warn');
    expect(() => cli(['check', 'a', '--config', 'nope.yaml'])).toThrow(
      /config file nope.yaml cannot be read \(ENOENT\)/,
    );
  });

  it('takes manifests as a list', () => {
    write('manifests:\n  - k8s/{a,b}/*.yaml\n  - rendered/\n');
    expect(action({}).manifests).toEqual(['k8s/{a,b}/*.yaml', 'rendered/']);
  });
});

describe('.aks-pull-gate.yaml mistakes name file:line', () => {
  it.each([
    ['namespace: shop\nfail_on: warning\n', '.aks-pull-gate.yaml:2: unknown key "fail_on"'],
    [
      'namespace: shop\n\ntimeout: 0.0001\n',
      '.aks-pull-gate.yaml:3: timeout must be a number of seconds from 1 to 3600',
    ],
    ['offline: maybe\n', '.aks-pull-gate.yaml:1: offline must be true or false'],
    [
      'github-token: ghs_x\n',
      '.aks-pull-gate.yaml:1: unknown key "github-token" (it cannot be set in the settings file)',
    ],
    ['format: json\n', '.aks-pull-gate.yaml:1: unknown key "format" (a CLI-only flag)'],
    ['fail-on: [error, warning]\n', '.aks-pull-gate.yaml:1: fail-on takes one value, not a list'],
    ['namespace:\n', '.aks-pull-gate.yaml:1: namespace needs a plain value'],
    ['a: 1\na: 2\n', '.aks-pull-gate.yaml:2: not valid YAML'],
    ['- just\n- a list\n', '.aks-pull-gate.yaml:1: the settings file must be a map'],
    [
      'cluster: /subscriptions/x\ncluster-name: y\n',
      '.aks-pull-gate.yaml:1 and .aks-pull-gate.yaml:2 cannot be given together',
    ],
  ])('%j -> %s', (text, message) => {
    write(text);
    expect(() => cli(['check', 'a'])).toThrow(message);
  });

  it('an empty file sets nothing', () => {
    write('# nothing yet\n');
    expect(cli(['check', 'a']).failOn).toBe('error');
  });
});

describe('ignore: entries', () => {
  const FILE = `fail-on: error
ignore:
  - rule: image-tag-mutable
    image: docker.io/library/*
    reason: vendor image, pinned upstream
    expires: 2027-01-31
  - rule: registry-firewall-blocks-gate
    namespace: shop
    workload: Deployment/orders-api
    reason: the runner is outside the firewall until the self-hosted pool lands
    expires: "2026-12-15"
`;

  it('become config.ignore with their source line and kind external', () => {
    write(FILE);
    expect(cli(['check', 'a']).ignore).toEqual([
      {
        rule: 'image-tag-mutable',
        image: 'docker.io/library/*',
        reason: 'vendor image, pinned upstream',
        expires: '2027-01-31',
        source: '.aks-pull-gate.yaml:3',
        kind: 'external',
      },
      {
        rule: 'registry-firewall-blocks-gate',
        namespace: 'shop',
        workload: 'Deployment/orders-api',
        reason: 'the runner is outside the firewall until the self-hosted pool lands',
        expires: '2026-12-15',
        source: '.aks-pull-gate.yaml:7',
        kind: 'external',
      },
    ]);
  });

  it.each([
    ['ignore:\n  - rule: image-tag-mutable\n    expires: 2027-01-31\n', ':2: an ignore entry needs reason'],
    ['ignore:\n  - rule: image-tag-mutable\n    reason: r\n', ':2: an ignore entry needs expires'],
    ['ignore:\n  - reason: r\n    expires: 2027-01-31\n', ':2: an ignore entry needs rule'],
    ['ignore:\n  - rule: x\n    reason: r\n    expires: 31/01/2027\n', ':2: expires must be a date YYYY-MM-DD'],
    ['ignore:\n  - rule: x\n    reason: r\n    expires: 2027-02-30\n', ':2: expires must be a date YYYY-MM-DD'],
    ['ignore:\n  - rule: x\n    reason: r\n    expires: 2027-01-31\n    until: 2027\n', ':5: unknown key "until"'],
    ['ignore:\n  - rule: Not A Rule\n    reason: r\n    expires: 2027-01-31\n', ':2: rule must be a rule id'],
    ['ignore:\n  - rule: x\n    reason: ""\n    expires: 2027-01-31\n', ':3: reason needs a value'],
    ['ignore: image-tag-mutable\n', ':1: ignore must be a list'],
    ['ignore:\n  - image-tag-mutable\n', ':2: an ignore entry is a map'],
  ])('%j -> exit 2 naming %s', (text, message) => {
    expect(() => parseSettingsFile(text, '.aks-pull-gate.yaml')).toThrow(`.aks-pull-gate.yaml${message}`);
  });

  it('checks calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-1-5')).toBe(false);
  });
});
