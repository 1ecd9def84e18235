// The action bundle in the workflows users get wrong: a pull request from a fork (read-only token: GitHub answers 403
// "Resource not accessible by integration"), client-id/tenant-id without `permissions: id-token: write`, no
// kubeconfig, no Azure sign-in. Each must print one clear line saying what to add to the workflow, and the job result
// must depend on the findings alone: clean manifests pass, broken manifests fail, whatever the permissions.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type RunResult } from '../helpers/run-bundle.js';
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js';

const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
const ws = mkdtempSync(path.join(os.tmpdir(), 'apg-workflow-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
mkdirSync(path.join(ws, 'home'));
// Images on a closed loopback port: checking them fails fast and offline (image-unverifiable, a warning).
const pod = (name: string, image: string, secrets = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: prod}\nspec:\n${secrets}  containers: [{name: a, image: "${image}"}]\n`;
writeFileSync(path.join(ws, 'clean.yaml'), pod('p', '127.0.0.1:1/app:v1'));
writeFileSync(path.join(ws, 'broken.yaml'), pod('p', '127.0.0.1:1/App:v1'));
writeFileSync(
  path.join(ws, 'secret-ref.yaml'),
  pod('p', '127.0.0.1:1/app:v1', '  imagePullSecrets: [{name: acr-pull}]\n'),
);
writeFileSync(
  path.join(ws, 'event.json'),
  JSON.stringify({ number: 7, pull_request: { number: 7, head: { repo: { fork: true } } } }),
);

/** Spawned asynchronously: the GitHub API stand-in lives in this process and must keep answering. */
function action(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<RunResult> {
  for (const f of ['out', 'summary.md']) writeFileSync(path.join(ws, f), '');
  // A clean environment like a fresh runner: no Azure CLI session, no kubeconfig, no OIDC request URL.
  const env: NodeJS.ProcessEnv = {
    PATH: path.dirname(process.execPath) + ':/usr/bin:/bin',
    HOME: path.join(ws, 'home'),
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: path.join(ws, 'out'),
    GITHUB_STEP_SUMMARY: path.join(ws, 'summary.md'),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'o/r',
    RUNNER_TEMP: path.join(ws, 'tmp'),
    INPUT_TIMEOUT: '20',
    'INPUT_FAIL-ON': 'error',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist/index.js')], { cwd: ws, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const ready = () => /^ready<<(\S+)\n(.*)\n\1$/m.exec(readFileSync(path.join(ws, 'out'), 'utf8'))?.[2];
/** The workflow command lines (::error/::warning/::notice) and plain lines mentioning a phrase. */
const linesWith = (r: RunResult, re: RegExp) => r.stdout.split('\n').filter((l) => re.test(l));

describe('fork pull request: read-only token', () => {
  let stub: GitHubApiStub;
  beforeAll(async () => {
    stub = await startGitHubApiStub({ writeTokens: [], readOnlyTokens: ['ghs_fork'] });
  });
  afterAll(() => stub.close());
  const pr = () => ({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(ws, 'event.json'),
    GITHUB_API_URL: stub.baseUrl,
  });

  // Without a sign-in the images of clean.yaml cannot be checked: "unverified is not ready" (issue 14) makes that
  // exit 1 "Not verified", where it used to pass as Ready.
  it.each([
    ['clean.yaml', 1, 'false'],
    ['broken.yaml', 1, 'false'],
  ])(
    '%s: one notice naming `pull-requests: write`, the job result from the findings alone (exit %i)',
    async (manifests, exit, isReady) => {
      const r = await action({ manifests, 'comment-on-pr': 'true', 'github-token': 'ghs_fork' }, pr());
      expect(r.status).toBe(exit);
      expect(ready()).toBe(isReady);
      const notes = linesWith(r, /read-only/);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/^::notice::.*pull-requests: write/);
      expect(stub.writes().length).toBeGreaterThan(0); // it tried, and got GitHub's 403
      expect(r.stdout).not.toMatch(/unexpected error/);
      const failures = linesWith(r, /^::error::/);
      expect(failures).toEqual(
        exit ? [expect.stringMatching(/^::error::aks-pull-gate: Not (ready: 1 error|verified: )/)] : [],
      );
    },
  );
});

describe('sign-in and cluster access missing from the workflow', () => {
  // Exit 1 for clean.yaml too: no sign-in means its images went unverified (issue 14: unverified is not ready).
  it.each([
    ['clean.yaml', 1],
    ['broken.yaml', 1],
  ])(
    'client-id + tenant-id without `id-token: write` (%s): one warning naming it, exit %i from the findings alone',
    async (manifests, exit) => {
      const r = await action({
        manifests,
        cluster: CLUSTER,
        'client-id': '0e5d6c07-9a3b-4d7e-8f51-6a2b3c4d5e6f',
        'tenant-id': 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa',
      });
      const says = linesWith(r, /id-token: write/);
      expect(says).toHaveLength(1);
      expect(says[0]).toMatch(/^::warning::/);
      expect(r.status).toBe(exit);
    },
  );

  it.each([
    ['clean.yaml', 1],
    ['broken.yaml', 1],
  ])(
    'no Azure sign-in at all (%s): one warning naming azure/login, exit %i from the findings alone',
    async (manifests, exit) => {
      const r = await action({ manifests, cluster: CLUSTER });
      const says = linesWith(r, /azure\/login/).filter((l) => /^::warning::/.test(l));
      expect(says).toHaveLength(1);
      expect(says[0]).toMatch(/^::warning::No Azure sign-in: add an azure\/login step/);
      expect(r.status).toBe(exit);
    },
  );

  it('no kubeconfig: a pull secret not in the manifests is unverifiable with a line naming what to add (aks-set-context / KUBECONFIG), not missing', async () => {
    const r = await action({ manifests: 'secret-ref.yaml' });
    expect(r.status).toBe(1); // the unverifiable pull secret leaves the image unverified: Not verified (issue 14)
    const report = JSON.parse(readFileSync(path.join(ws, 'tmp', 'aks-pull-gate-report.json'), 'utf8')) as {
      findings: { rule: string; message: string; remediation?: string }[];
    };
    const f = report.findings.filter((x) => x.rule.startsWith('pull-secret'));
    expect(f.map((x) => x.rule)).toEqual(['pull-secret-unverifiable']);
    expect(`${f[0].message} ${f[0].remediation ?? ''}`).toMatch(/aks-set-context|KUBECONFIG/);
    expect(f[0].message.split('\n')).toHaveLength(1);
  });
});
