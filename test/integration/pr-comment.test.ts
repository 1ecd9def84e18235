// The sticky PR comment and the audit's tracking issue against a loopback GitHub REST stand-in, driven through the
// real Octokit of @actions/github (getOctokit with baseUrl), as the action does.

import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  commentKey,
  prCommentMarker,
  renderPrComment,
  syncPrComment,
  syncTrackingIssue,
  trackingIssueClient,
  type PrCommentClient,
} from '../../src/report/pr-comment.js';
import { loadReport } from '../fixtures/reports/load.js';
import { startGitHubApiStub, type GitHubApiStub } from '../helpers/github-api-stub.js';

const WRITE = 'ghs_write_token_for_tests';
const READ_ONLY = 'ghs_read_only_fork_token';
const repo = { owner: 'contoso', repo: 'shop' };
const issueNumber = 42;

let stub: GitHubApiStub;
beforeAll(async () => {
  stub = await startGitHubApiStub({ writeTokens: [WRITE], readOnlyTokens: [READ_ONLY] });
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => {
  stub.comments.length = 0;
  stub.issues.length = 0;
  stub.requests.length = 0;
});

function client(token = WRITE): PrCommentClient {
  // Octokit's rest.issues satisfies the injected interface as it is: no adapter.
  return getOctokit(token, { baseUrl: stub.baseUrl }).rest.issues;
}

const marker = prCommentMarker('prod-aks');
const failing = renderPrComment(loadReport('many-findings'), { clusterKey: 'prod-aks' });
const passing = renderPrComment(loadReport('healthy'), { clusterKey: 'prod-aks' });
const sync = (body: string, clean: boolean, whenClean: 'delete' | 'resolve' | 'keep', token = WRITE) =>
  syncPrComment(client(token), { ...repo, issueNumber, body, marker, whenClean, clean });

describe('sticky PR comment', () => {
  it('is created, then updated in place, then left alone when unchanged, then deleted when clean', async () => {
    expect(await sync(failing, false, 'delete')).toBe('created');
    expect(stub.comments).toHaveLength(1);
    const id = stub.comments[0].id;

    const changed = renderPrComment(
      { ...loadReport('many-findings'), findings: loadReport('many-findings').findings.slice(1) },
      { clusterKey: 'prod-aks' },
    );
    expect(await sync(changed, false, 'delete')).toBe('updated');
    expect(stub.comments).toHaveLength(1);
    expect(stub.comments[0].id).toBe(id);
    expect(stub.comments[0].body).toBe(changed);

    stub.requests.length = 0;
    expect(await sync(changed, false, 'delete')).toBe('unchanged');
    expect(stub.writes()).toEqual([]);

    expect(await sync(passing, true, 'delete')).toBe('deleted');
    expect(stub.comments).toHaveLength(0);
  });

  it('is marked resolved in place when clean and whenClean is resolve', async () => {
    await sync(failing, false, 'resolve');
    const id = stub.comments[0].id;
    expect(await sync(passing, true, 'resolve')).toBe('resolved');
    expect(stub.comments).toEqual([{ id, issue: issueNumber, body: passing }]);
    expect(await sync(passing, true, 'resolve')).toBe('unchanged');
  });

  it('posts nothing on a clean PR that never had a comment', async () => {
    expect(await sync(passing, true, 'resolve')).toBe('unchanged');
    expect(await sync(passing, true, 'delete')).toBe('unchanged');
    expect(stub.writes()).toEqual([]);
  });

  it('with whenClean keep, a clean run still creates or updates its comment', async () => {
    expect(await sync(passing, true, 'keep')).toBe('created');
    expect(stub.comments[0].body).toBe(passing);
  });

  it('finds its own comment beyond the first page, among other bots and other clusters', async () => {
    for (let i = 0; i < 150; i++) stub.comments.push({ id: i + 1, issue: issueNumber, body: `LGTM ${i}` });
    stub.comments.push({ id: 500, issue: issueNumber, body: `${prCommentMarker('staging-aks')}\nother cluster` });
    stub.comments.push({ id: 501, issue: issueNumber, body: `${marker}\nold body` });
    expect(await sync(failing, false, 'delete')).toBe('updated');
    expect(stub.comments.find((c) => c.id === 501)?.body).toBe(failing);
    expect(stub.comments.find((c) => c.id === 500)?.body).toContain('other cluster');
    expect(stub.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      `/repos/contoso/shop/issues/${issueNumber}/comments?per_page=100&page=1`,
      `/repos/contoso/shop/issues/${issueNumber}/comments?per_page=100&page=2`,
    ]);
  });

  it('removes a duplicate left by two racing runs and keeps the oldest', async () => {
    stub.comments.push(
      { id: 10, issue: issueNumber, body: `${marker}\nfirst` },
      { id: 11, issue: issueNumber, body: `${marker}\nsecond` },
    );
    expect(await sync(failing, false, 'delete')).toBe('updated');
    expect(stub.comments.map((c) => c.id)).toEqual([10]);
  });

  it("returns 'read-only' without throwing when the token cannot write (fork PR)", async () => {
    expect(await sync(failing, false, 'delete', READ_ONLY)).toBe('read-only');
    expect(stub.comments).toHaveLength(0);
    // It did try, with the read-only token, and got GitHub's 403.
    expect(stub.writes()).toEqual([
      { method: 'POST', path: `/repos/contoso/shop/issues/${issueNumber}/comments`, token: READ_ONLY },
    ]);
  });

  it('still throws on other failures (bad credentials are not a fork PR)', async () => {
    await expect(sync(failing, false, 'delete', 'ghs_unknown')).rejects.toMatchObject({ status: 401 });
  });
});

describe('tracking issue of the scheduled audit', () => {
  const issuesClient = (token = WRITE) => trackingIssueClient(getOctokit(token, { baseUrl: stub.baseUrl }).rest.issues);
  const auditMarker = '<!-- aks-pull-gate-audit:prod-aks -->';
  const opts = (body: string, clean: boolean) => ({
    ...repo,
    marker: auditMarker,
    title: 'aks-pull-gate audit: prod-aks',
    body,
    clean,
  });

  it('is opened when the audit finds problems, updated in place, left alone when unchanged, closed when clean', async () => {
    stub.issues.push({ number: 7, title: 'a PR', body: auditMarker, state: 'open', pull_request: { url: 'x' } });
    expect(await syncTrackingIssue(issuesClient(), opts('3 credentials expire this month', false))).toBe('created');
    const created = stub.issues.find((i) => !i.pull_request);
    expect(created?.body).toBe(`${auditMarker}\n3 credentials expire this month`);

    expect(await syncTrackingIssue(issuesClient(), opts('2 credentials expire this month', false))).toBe('updated');
    expect(stub.issues.filter((i) => !i.pull_request)).toHaveLength(1);
    expect(await syncTrackingIssue(issuesClient(), opts('2 credentials expire this month', false))).toBe('unchanged');

    expect(await syncTrackingIssue(issuesClient(), opts('all clear', true))).toBe('closed');
    expect(created?.state).toBe('closed');
    expect(await syncTrackingIssue(issuesClient(), opts('all clear', true))).toBe('none');
    // The pull request carrying the same text was never touched.
    expect(stub.issues.find((i) => i.number === 7)?.body).toBe(auditMarker);
  });

  it("returns 'read-only' when the token cannot open issues", async () => {
    expect(await syncTrackingIssue(issuesClient(READ_ONLY), opts('problems', false))).toBe('read-only');
  });
});

describe('comment key', () => {
  const idA =
    '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-east/providers/Microsoft.ContainerService/managedClusters/prod-aks';
  const idB = idA.replace('rg-east', 'rg-west');

  it('keys two clusters of one name in different resource groups apart, and a passing job deletes only its own comment', async () => {
    const keyA = commentKey({ cluster: idA });
    const keyB = commentKey({ cluster: idB });
    expect(keyA).not.toBe(keyB);
    const failingB = renderPrComment({ ...loadReport('many-findings'), cluster: idB }, { clusterKey: keyB });
    const passingA = renderPrComment({ ...loadReport('healthy'), cluster: idA }, { clusterKey: keyA });
    const opts = { ...repo, issueNumber, whenClean: 'delete' as const };
    expect(
      await syncPrComment(client(), { ...opts, body: failingB, marker: prCommentMarker(keyB), clean: false }),
    ).toBe('created');
    expect(await syncPrComment(client(), { ...opts, body: passingA, marker: prCommentMarker(keyA), clean: true })).toBe(
      'unchanged',
    );
    expect(stub.comments.map((c) => c.body)).toEqual([failingB]);
    // The heading names the cluster.
    expect(failingB.split('\n')[1]).toContain('aks-pull-gate · prod-aks');
  });

  it('two gates without a cluster get a comment each (comment-key, else workflow and job); ids compare case-insensitively', () => {
    expect(commentKey({ workflow: 'ci', job: 'gate-a' })).not.toBe(commentKey({ workflow: 'ci', job: 'gate-b' }));
    expect(commentKey({ commentKey: 'staging', cluster: idA })).toBe('key:staging');
    expect(commentKey({ cluster: idA.toUpperCase() })).toBe(commentKey({ cluster: idA }));
    expect(prCommentMarker(commentKey({ cluster: idA }))).toBe(`<!-- aks-pull-gate:${idA.toLowerCase()} -->`);
  });
});
