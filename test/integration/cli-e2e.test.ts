// The CLI bundle end to end: exit codes 0/1/2, every output format, stdin, and one-line errors with no stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-bundle.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: ${image}\n`;
writeFileSync(path.join(dir, 'good.yaml'), pod('myacr.azurecr.io/api:v1'));
writeFileSync(path.join(dir, 'bad.yaml'), pod('MyAcr.azurecr.io/API:v1'));
writeFileSync(path.join(dir, 'mutable.yaml'), pod('nginx'));
writeFileSync(path.join(dir, 'broken.yaml'), 'kind: Pod\nspec: [unclosed\n');

const offline = ['--offline'];

describe('aks-pull-gate CLI', () => {
  it('prints --help and --version and exits 0', () => {
    expect(runCli(['--help'])).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('aks-pull-gate check --manifests'),
    });
    expect(runCli(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('exits 0 with the inventory in the JSON contract when everything is fine', () => {
    const r = runCli(['check', '--manifests', 'good.yaml', '--format', 'json', ...offline], { cwd: dir });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      version: 1,
      ready: true,
      summary: { images: 1, errors: 0, warnings: 0, notices: 0 },
      images: [
        {
          reference: 'myacr.azurecr.io/api:v1',
          registry: 'myacr.azurecr.io',
          status: 'unchecked',
          locations: [{ file: 'good.yaml', line: 7 }],
        },
      ],
      findings: [],
    });
  });

  it('exits 1 on an error finding, and the report says ready: false', () => {
    const r = runCli(['check', '--manifests', 'bad.yaml', '--format', 'json', ...offline], { cwd: dir });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ready).toBe(false);
    expect(report.findings[0]).toMatchObject({
      rule: 'image-reference-invalid',
      location: { file: 'bad.yaml', line: 7, column: 14 },
    });
  });

  it('reports manifest-invalid as a finding with exit 1, not as a usage error', () => {
    const r = runCli(['check', '--manifests', 'broken.yaml', '--format', 'json', ...offline], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].rule).toBe('manifest-invalid');
  });

  it('honours --fail-on warning and never', () => {
    expect(runCli(['check', '--manifests', 'mutable.yaml', ...offline], { cwd: dir }).status).toBe(0);
    expect(
      runCli(['check', '--manifests', 'mutable.yaml', '--fail-on', 'warning', ...offline], { cwd: dir }).status,
    ).toBe(1);
    expect(runCli(['check', '--manifests', 'bad.yaml', '--fail-on', 'never', ...offline], { cwd: dir }).status).toBe(0);
  });

  it('gives the same bytes for the same input (deterministic JSON)', () => {
    const a = runCli(['check', '--manifests', '.', '--format', 'json', ...offline], { cwd: dir }).stdout;
    const b = runCli(['check', '--manifests', '.', '--format', 'json', ...offline], { cwd: dir }).stdout;
    expect(a).toBe(b);
  });

  it('reads manifests from stdin with -', () => {
    const r = runCli(['check', '--manifests', '-', '--format', 'json', ...offline], {
      cwd: dir,
      input: pod('nginx:1.27'),
    });
    expect(JSON.parse(r.stdout).images[0].locations[0].file).toBe('<stdin>');
  });

  it('renders text, markdown and sarif', () => {
    expect(runCli(['check', 'bad.yaml', '--format', 'text', ...offline], { cwd: dir }).stdout).toMatch(
      /image-reference-invalid/,
    );
    expect(runCli(['check', 'bad.yaml', '--format', 'markdown', ...offline], { cwd: dir }).stdout).toMatch(/^## /m);
    const sarif = JSON.parse(runCli(['check', 'bad.yaml', '--format', 'sarif', ...offline], { cwd: dir }).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('image-reference-invalid');
  });

  it('writes --output and --sarif-file', () => {
    const r = runCli(
      ['check', 'bad.yaml', '--format', 'json', '--output', 'out.json', '--sarif-file', 'out.sarif', ...offline],
      { cwd: dir },
    );
    expect(r.status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).ready).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('runs the incident example: image-not-found naming v1.4.1, exit 1; the fixed manifests pass with the cluster checks', () => {
    const bad = runCli([
      'check',
      '--manifests',
      'examples/manifests',
      '--simulate',
      'examples/world.yaml',
      '--format',
      'json',
    ]);
    expect(bad.status).toBe(1);
    const finding = JSON.parse(bad.stdout).findings.find((f: { rule: string }) => f.rule === 'image-not-found');
    expect(finding.message).toContain('nearest existing tags: v1.4.1');
    const cluster =
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
    const good = runCli([
      'check',
      '--manifests',
      'examples/manifests-fixed',
      '--simulate',
      'examples/world.yaml',
      '--cluster',
      cluster,
    ]);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('Ready: every image can be pulled (2 images; 0 errors, 0 warnings, 0 notices)');
  });

  it('fails the scheduled audit when a credential expires within expiry-warning-days, and passes with a shorter threshold', () => {
    const cluster =
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
    const audit = runCli(['audit', '--cluster', cluster, '--simulate', 'examples/world.yaml', '--format', 'json']);
    expect(audit.status).toBe(1);
    const report = JSON.parse(audit.stdout);
    expect(report.ready).toBe(false);
    expect(report.credentials.map((c: { status: string; daysLeft: number }) => [c.status, c.daysLeft])).toContainEqual([
      'expiring',
      10,
    ]);
    const relaxed = runCli([
      'audit',
      '--cluster',
      cluster,
      '--simulate',
      'examples/world.yaml',
      '--expiry-warning-days',
      '5',
    ]);
    expect(relaxed.status).toBe(0);
  });

  for (const [args, message] of [
    [['check', '--manifests', 'missing.yaml'], 'manifests: "missing.yaml" does not exist'],
    [['check', '--manifests', 'nothing/**/*.yaml'], 'manifests: no file matches "nothing/**/*.yaml"'],
    [
      ['check', '--manifests', 'good.yaml', '--format', 'xml'],
      'format must be one of text, json, sarif, markdown (got "xml")',
    ],
    [['check', '--manifests', 'good.yaml', '--bogus'], 'unknown option --bogus (see aks-pull-gate --help)'],
    [['check', 'good.yaml', '--format', 'json', '--format', 'sarif'], '--format json and --format sarif conflict'],
    [['check', 'good.yaml', '--timeout', '2147484'], 'timeout must be a number of seconds from 1 to 3600'],
    [['check'], 'check needs --manifests'],
    [['deploy'], 'unknown command "deploy"'],
    [['check', 'good.yaml', '--platform', 'linux/x86'], 'platform must be os/arch'],
    [['check', 'good.yaml', '--cluster', 'prod-aks'], 'cluster must be an AKS resource id'],
  ] as const) {
    it(`exits 2 with one line and no stack trace: ${args.join(' ')}`, () => {
      const r = runCli([...args], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
