// The action bundle end to end, run as the Actions runner runs it: INPUT_* and GITHUB_* set, workflow commands on
// stdout, outputs in GITHUB_OUTPUT, the job summary in GITHUB_STEP_SUMMARY. Also through @github/local-action.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../helpers/run-bundle.js';

const ws = mkdtempSync(path.join(os.tmpdir(), 'apg-action-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
writeFileSync(
  path.join(ws, 'deploy.yaml'),
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: prod}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: myacr.azurecr.io/API:v1\n        - name: proxy\n          image: nginx\n',
);
writeFileSync(
  path.join(ws, 'ok.yaml'),
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "nginx:1.27"}]}\n',
);

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of readFileSync(file, 'utf8').matchAll(re)) out[m[1]] = m[3];
  return out;
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  writeFileSync(path.join(ws, 'out'), '');
  writeFileSync(path.join(ws, 'summary.md'), '');
  return {
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: path.join(ws, 'out'),
    GITHUB_STEP_SUMMARY: path.join(ws, 'summary.md'),
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: path.join(ws, 'tmp'),
    INPUT_OFFLINE: 'true',
    'INPUT_FAIL-ON': 'error',
    INPUT_MODE: 'check',
    ...extra,
  };
}

describe('the action (dist/index.js)', () => {
  it('fails the step with annotations on the manifest lines, a summary and outputs', () => {
    const r = runAction(env({ INPUT_MANIFESTS: 'deploy.yaml' }), ws);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error title=image-reference-invalid,file=deploy\.yaml,line=9,col=18::/m);
    expect(r.stdout).toMatch(/^::warning title=image-tag-mutable,file=deploy\.yaml,line=11,col=18::/m);
    expect(r.stdout).toMatch(/^::error::aks-pull-gate: Not ready: 1 error, 1 warning/m);
    const outputs = readOutputs(path.join(ws, 'out'));
    expect(outputs).toMatchObject({
      ready: 'false',
      errors: '1',
      warnings: '1',
      report: path.join(ws, 'tmp', 'aks-pull-gate-report.json'),
    });
    expect(JSON.parse(outputs.findings).map((f: { rule: string }) => f.rule)).toEqual([
      'image-reference-invalid',
      'image-tag-mutable',
    ]);
    expect(JSON.parse(readFileSync(outputs.report, 'utf8')).ready).toBe(false);
    const summary = readFileSync(path.join(ws, 'summary.md'), 'utf8');
    expect(summary).toMatch(/image-reference-invalid/);
    expect(summary).toMatch(/```/);
  });

  it('succeeds with ready=true on clean manifests and writes the SARIF file', () => {
    const r = runAction(env({ INPUT_MANIFESTS: 'ok.yaml', 'INPUT_SARIF-FILE': 'reports/gate.sarif' }), ws);
    expect(r.status).toBe(0);
    expect(readOutputs(path.join(ws, 'out')).ready).toBe('true');
    expect(JSON.parse(readFileSync(path.join(ws, 'reports/gate.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('fails with one clear line on a bad input, and no stack trace', () => {
    const r = runAction(env({ INPUT_MANIFESTS: 'ok.yaml', 'INPUT_FAIL-ON': 'sometimes' }), ws);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::fail-on must be one of error, warning, never (got "sometimes")');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs through @github/local-action', () => {
    const envFile = path.join(ws, '.env');
    writeFileSync(
      envFile,
      `INPUT_MANIFESTS=${path.join(ws, 'deploy.yaml')}\nINPUT_OFFLINE=true\nINPUT_FAIL-ON=error\nGITHUB_EVENT_NAME=push\nRUNNER_TEMP=${path.join(ws, 'la')}\n`,
    );
    const r = spawnSync('npx', ['--no-install', 'local-action', '.', 'src/main.ts', envFile], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stdout).toMatch(/::error title=image-reference-invalid/);
    expect(r.stdout).toMatch(/set-output name=ready::false/);
  });
});
