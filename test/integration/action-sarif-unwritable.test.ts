// Issue 14 point 10, the action's half: an unwritable `sarif-file` is a warning, and the annotations, the job summary,
// the outputs and the PR comment are all still written. Runs dist/index.js as the runner does (INPUT_* and GITHUB_*
// set, a pull_request event, the GitHub API a loopback stand-in). The SARIF path's parent is a regular file, which no
// user (root included) can create a directory under.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-bundle.js';
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js';

const ws = mkdtempSync(path.join(os.tmpdir(), 'apg-action-sarif-'));
let gh: GitHubApiStub;
beforeAll(async () => {
  gh = await startGitHubApiStub({ writeTokens: ['ghs_write_token'], readOnlyTokens: [] });
});
afterAll(async () => {
  await gh.close();
  rmSync(ws, { recursive: true, force: true });
});

/** Like run-bundle's runAction, but asynchronous: the GitHub stand-in in this process must keep answering. */
function runAction(env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')),
  );
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/index.js')], {
    cwd: ws,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('exit', (status) => {
      clearTimeout(guard);
      resolve({ status, stdout });
    }),
  );
}

it('an unwritable sarif-file is a warning; annotations, summary, outputs and the PR comment are still written', async () => {
  writeFileSync(
    path.join(ws, 'deploy.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx\n',
  );
  writeFileSync(path.join(ws, 'event.json'), JSON.stringify({ number: 7, pull_request: { number: 7 } }));
  writeFileSync(path.join(ws, 'not-a-dir'), 'a file\n');
  for (const f of ['out', 'summary.md']) writeFileSync(path.join(ws, f), '');
  const sarif = path.join(ws, 'not-a-dir', 'gate.sarif');
  const r = await runAction({
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: path.join(ws, 'out'),
    GITHUB_STEP_SUMMARY: path.join(ws, 'summary.md'),
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(ws, 'event.json'),
    GITHUB_REPOSITORY: 'contoso/shop',
    GITHUB_API_URL: gh.baseUrl,
    RUNNER_TEMP: path.join(ws, 'tmp'),
    INPUT_MANIFESTS: 'deploy.yaml',
    INPUT_OFFLINE: 'true',
    INPUT_MODE: 'check',
    'INPUT_FAIL-ON': 'error',
    'INPUT_GITHUB-TOKEN': 'ghs_write_token',
    'INPUT_COMMENT-ON-PR': 'true',
    'INPUT_SARIF-FILE': sarif,
  });
  // The step's result is the findings' (a mutable tag is a warning under fail-on error), not the SARIF file's.
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^::warning::sarif-file: .*the SARIF report is skipped, every other channel is written/m);
  expect(existsSync(sarif)).toBe(false);
  // Annotations on the manifest line.
  expect(r.stdout).toMatch(/^::warning title=image-tag-mutable,file=deploy\.yaml,line=7,col=14::/m);
  // Job summary, without a link to a SARIF file that was not written.
  const summary = readFileSync(path.join(ws, 'summary.md'), 'utf8');
  expect(summary).toMatch(/aks-pull-gate/);
  expect(summary).not.toContain('gate.sarif');
  // Outputs.
  const outputs = readFileSync(path.join(ws, 'out'), 'utf8');
  for (const name of ['ready', 'verified', 'errors', 'warnings', 'report', 'findings'])
    expect(outputs).toMatch(new RegExp(`^${name}<<`, 'm'));
  // The sticky PR comment.
  expect(gh.comments.filter((c) => c.issue === 7 && c.body.includes('<!-- aks-pull-gate'))).toHaveLength(1);
});
