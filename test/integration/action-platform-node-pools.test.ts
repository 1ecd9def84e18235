// Issue 14 point 1: the action used to give `platform` the default linux/amd64, so the runner always passed it and the
// node pools never decided. Run dist/index.js as the runner does, with every input at its action.yml default as
// INPUT_* (an input without a default is the empty string), on an arm64-only cluster and an amd64-only image: the
// gate must report image-platform-missing, as the CLI does.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot, runAction, runCli } from '../helpers/run-bundle.js';

const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
const ws = mkdtempSync(path.join(os.tmpdir(), 'apg-pools-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
copyFileSync(path.join(repoRoot, 'test/fixtures/worlds/arm64-only-amd64-image.yaml'), path.join(ws, 'world.yaml'));
writeFileSync(
  path.join(ws, 'deploy.yaml'),
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: orders-api, namespace: prod}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: prodacr.azurecr.io/orders-api:v1.4.1\n',
);

const action = parseYaml(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
const fakeAz = path.join(repoRoot, 'test/helpers/fake-az');

describe('platform from the node pools', () => {
  it('the action, run with every action.yml default, reports image-platform-missing on an arm64-only cluster', () => {
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs)) {
      // The runner evaluates ${{ github.token }} to the job's token.
      const value = name === 'github-token' ? 'ghs_job' : (spec.default ?? '');
      inputs[`INPUT_${name.toUpperCase()}`] = value;
    }
    writeFileSync(path.join(ws, 'out'), '');
    const r = runAction(
      {
        ...inputs,
        INPUT_MANIFESTS: 'deploy.yaml',
        INPUT_SIMULATE: 'world.yaml',
        INPUT_CLUSTER: CLUSTER,
        INPUT_TIMEOUT: '60',
        PATH: `${fakeAz}:${process.env.PATH}`,
        AZURE_CORE_COLLECT_TELEMETRY: 'false',
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: path.join(ws, 'out'),
        GITHUB_EVENT_NAME: 'push',
        RUNNER_TEMP: path.join(ws, 'tmp'),
      },
      ws,
    );
    expect(r.stdout).toMatch(/^::error title=image-platform-missing/m);
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(ws, 'out'), 'utf8')).toMatch(/^ready<<\S+\nfalse\n/m);
  });

  it('the CLI says the same', () => {
    const r = runCli(['check', 'deploy.yaml', '--simulate', 'world.yaml', '--cluster', CLUSTER, '--format', 'json'], {
      cwd: ws,
      env: { PATH: `${fakeAz}:${process.env.PATH}`, AZURE_CORE_COLLECT_TELEMETRY: 'false' },
    });
    expect(r.status).toBe(1);
    const rules = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(rules).toContain('image-platform-missing');
  });
});
