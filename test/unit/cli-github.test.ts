// Inside a GitHub Actions job the CLI's GitHub-only options act as the action's do: a sticky PR comment on a
// pull_request event (token from GITHUB_TOKEN), nothing outside a job, and a warning (never a failure) when GitHub
// cannot be reached. The GitHub API is a stand-in on loopback.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli-main.js';
import { gitHubJobFromEnv, publishToGitHub } from '../../src/cli-github.js';
import { commentKey, prCommentMarker, trackingIssueMarker } from '../../src/report/pr-comment.js';
import type { Config } from '../../src/settings/config.js';
import type { Report } from '../../src/types/index.js';

interface Call {
  method: string;
  url: string;
  auth: string | undefined;
  body: string;
}
let server: Server;
let api: string;
const calls: Call[] = [];
let dir: string;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let b = '';
    req.on('data', (d: Buffer) => (b += d.toString('utf8')));
    req.on('end', () => resolve(b));
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      calls.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.url!.startsWith('/hang')) return; // never answers
      if (req.url!.startsWith('/nowhere')) {
        res.statusCode = 502;
        res.end(JSON.stringify({ message: 'Bad gateway' }));
      } else if (req.method === 'GET') res.end('[]');
      else res.end(JSON.stringify({ id: 1, number: 1 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'cli-github-'));
  writeFileSync(
    path.join(dir, 'deploy.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n',
  );
  writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ number: 7, pull_request: { number: 7 } }));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  calls.length = 0;
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

const jobEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
  GITHUB_API_URL: api,
  GITHUB_TOKEN: 'ghs_cli_token',
  ...extra,
});
const argv = (...more: string[]) => [
  'check',
  '--manifests',
  path.join(dir, 'deploy.yaml'),
  '--offline',
  '--output',
  path.join(dir, 'report.txt'),
  ...more,
];

describe('the CLI inside a GitHub Actions job', () => {
  it('writes the sticky PR comment with the token from GITHUB_TOKEN', async () => {
    await main(argv(), jobEnv());
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/repos/o/r/issues/7/comments');
    expect(post?.auth).toBe('Bearer ghs_cli_token');
    expect(JSON.parse(post!.body).body).toContain('<!-- aks-pull-gate');
  });

  it('does nothing with --no-comment-on-pr, outside a job, or on a push event', async () => {
    await main(argv('--no-comment-on-pr'), jobEnv());
    await main(argv(), jobEnv({ GITHUB_ACTIONS: undefined }));
    await main(argv(), jobEnv({ GITHUB_EVENT_NAME: 'push' }));
    expect(calls).toEqual([]);
  });

  it('keeps the exit code of the findings when GitHub answers an error, and never prints the token', async () => {
    const write = vi.mocked(process.stderr.write);
    const clean = await main(argv(), { PATH: process.env.PATH });
    const code = await main(argv(), jobEnv({ GITHUB_API_URL: `${api}/nowhere`, GITHUB_TOKEN: 'ghs_secret_x' }));
    expect(code).toBe(clean);
    const printed = write.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toContain('warning: Could not update GitHub (Bad gateway)');
    expect(printed).not.toContain('ghs_secret_x');
  });

  it('gives up on a GitHub API that never answers at the run timeout, with a warning', async () => {
    const write = vi.mocked(process.stderr.write);
    const code = await main(argv('--timeout', '1'), jobEnv({ GITHUB_API_URL: `${api}/hang` }));
    expect(code).toBe(0);
    const printed = write.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toMatch(/warning: Could not update GitHub \(.*(abort|timeout).*\)/i);
  });

  it('reads the job context from the runner variables', () => {
    expect(gitHubJobFromEnv({})).toBeUndefined();
    expect(gitHubJobFromEnv(jobEnv())).toEqual({
      apiUrl: api,
      owner: 'o',
      repo: 'r',
      eventName: 'pull_request',
      issueNumber: 7,
    });
  });

  // Issue 19 point 3: the CLI keyed its comment on the cluster's last id segment, so two prod-aks in different
  // resource groups (or a CLI run beside the action) overwrote each other's comments.
  const clusterA =
    '/subscriptions/1111/resourceGroups/RG-East/providers/Microsoft.ContainerService/managedClusters/prod-aks';
  const clusterB =
    '/subscriptions/1111/resourceGroups/rg-west/providers/Microsoft.ContainerService/managedClusters/prod-aks';
  const report = (cluster: string | undefined, mode: 'check' | 'audit' = 'check'): Report => ({
    version: 1,
    ready: mode === 'check', // an audit that found something opens its issue
    verified: true,
    mode,
    ...(cluster ? { cluster } : {}),
    summary: { images: 0, errors: 0, warnings: 0, notices: 0 },
    images: [],
    findings: [],
  });
  const publish = async (r: Report, config: Partial<Config>, env: NodeJS.ProcessEnv = {}) => {
    calls.length = 0;
    const logger = { debug: () => {}, info: () => {}, warning: () => {} };
    await publishToGitHub(
      r,
      { mode: r.mode, ...config } as Config,
      { commentOnPr: true, commentWhenClean: 'keep', trackingIssue: true, githubToken: 't' },
      gitHubJobFromEnv(jobEnv(env))!,
      { logger, signal: AbortSignal.timeout(5_000) },
    );
    return calls.filter((c) => c.method === 'POST').map((c) => JSON.parse(c.body) as { body: string; title?: string });
  };

  it('keys the PR comment on the full cluster id lower-case, as the action does', async () => {
    const [a] = await publish(report(clusterA), {});
    const [b] = await publish(report(clusterB), {});
    expect(a.body.startsWith(prCommentMarker(clusterA.toLowerCase()))).toBe(true);
    expect(a.body).toContain('<!-- aks-pull-gate:/subscriptions/1111/resourcegroups/rg-east/');
    expect(b.body.split('\n')[0]).not.toBe(a.body.split('\n')[0]);
    expect(a.body.split('\n')[0]).toBe(prCommentMarker(commentKey({ cluster: clusterA })));
  });

  it('keys it on comment-key when given, and on the workflow and job without a cluster', async () => {
    const [keyed] = await publish(report(clusterA), { commentKey: 'staging-gate' });
    expect(keyed.body.split('\n')[0]).toBe('<!-- aks-pull-gate:key:staging-gate -->');
    const [noCluster] = await publish(report(undefined), {}, { GITHUB_WORKFLOW: 'deploy', GITHUB_JOB: 'gate' });
    expect(noCluster.body.split('\n')[0]).toBe('<!-- aks-pull-gate:job:deploy/gate -->');
  });

  it('keys the audit tracking issue on the full cluster id and names the cluster in its title', async () => {
    const [issue] = await publish(report(clusterA, 'audit'), {}, { GITHUB_EVENT_NAME: 'schedule' });
    expect(issue.body).toContain(trackingIssueMarker(commentKey({ cluster: clusterA })));
    expect(issue.body).toContain('<!-- aks-pull-gate-audit:/subscriptions/1111/resourcegroups/rg-east/');
    expect(issue.title).toBe('aks-pull-gate audit: credentials expiring or broken (prod-aks)');
  });
});
