// The GitHub API that never answers (a stalled proxy, an outage): the action's PR comment is bounded by the run's
// deadline, the step ends with a warning that the comment could not be written, and the outputs, the summary and the
// SARIF file are still written. Runs src/main.ts in-process with the environment the runner gives a pull_request job.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-gh-hang-'));
const seen: string[] = [];
const server: Server = createServer((req) => {
  seen.push(`${req.method} ${req.url}`); // never answers
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

it('a GitHub API that never answers: the step ends with a warning, and every other channel is written', async () => {
  const port = (server.address() as AddressInfo).port;
  writeFileSync(
    path.join(tmp, 'app.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - {name: a, image: "r.example/a:1.0"}\n',
  );
  writeFileSync(path.join(tmp, 'event.json'), JSON.stringify({ pull_request: { number: 7 }, number: 7 }));
  for (const f of ['output', 'summary']) writeFileSync(path.join(tmp, f), '');
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(tmp, 'event.json'),
    GITHUB_REPOSITORY: 'contoso/shop',
    GITHUB_API_URL: `http://127.0.0.1:${port}`,
    GITHUB_OUTPUT: path.join(tmp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(tmp, 'summary'),
    GITHUB_WORKSPACE: tmp,
    INPUT_MANIFESTS: 'app.yaml',
    INPUT_OFFLINE: 'true',
    INPUT_TIMEOUT: '2',
    'INPUT_GITHUB-TOKEN': 'ghs_test_token_never_answered',
    'INPUT_COMMENT-ON-PR': 'true',
    'INPUT_SARIF-FILE': path.join(tmp, 'out.sarif'),
  };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const cwd = process.cwd();
  process.chdir(tmp);
  const stdout: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (stdout.push(String(s)), true));
  try {
    const { run } = await import('../../src/main.js');
    await run();
  } finally {
    spy.mockRestore();
    process.chdir(cwd);
    vi.unstubAllEnvs();
  }
  const out = stdout.join('');
  expect(seen.length).toBeGreaterThan(0); // the comment was attempted
  expect(out).toMatch(/::warning::GitHub did not answer .*the PR comment \/ tracking issue could not be written/);
  expect(readFileSync(path.join(tmp, 'output'), 'utf8')).toMatch(/ready/);
  expect(readFileSync(path.join(tmp, 'summary'), 'utf8')).toMatch(/aks-pull-gate/);
  expect(readFileSync(path.join(tmp, 'out.sarif'), 'utf8')).toMatch(/"version": "2.1.0"/);
});
