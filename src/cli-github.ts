// The CLI's GitHub channel: inside a GitHub Actions job (GITHUB_ACTIONS=true), the GitHub-only options act as they do
// in the action: the sticky PR comment in check mode on a pull_request event, the tracking issue in audit mode. The
// action reaches GitHub through Octokit (src/main.ts); the CLI may not import @actions/*, so this is a small REST
// client over fetch that satisfies the same interfaces of report/pr-comment.ts. Every request is bounded by `signal`.
// Never decides the exit code; the token never reaches a message.

import { readFileSync } from 'node:fs';
import type { Config } from './settings/config.js';
import type { GitHubSettings } from './settings/resolve.js';
import {
  commentKey,
  prCommentMarker,
  renderPrComment,
  syncPrComment,
  syncTrackingIssue,
  type IssueLike,
  type PrCommentClient,
  type TrackingIssueClient,
  trackingIssueMarker,
  trackingIssueTitle,
} from './report/pr-comment.js';
import { renderSummary } from './report/markdown.js';
import type { Logger, Report } from './types/index.js';

export interface GitHubJob {
  apiUrl: string;
  owner: string;
  repo: string;
  eventName: string;
  /** The pull request's number on pull_request events. */
  issueNumber?: number;
  /** GITHUB_WORKFLOW and GITHUB_JOB: the key of a gate without a cluster, as the action keys it. */
  workflow?: string;
  job?: string;
}

/** The job's GitHub context from the runner's variables; undefined outside a GitHub Actions job. */
export function gitHubJobFromEnv(env: NodeJS.ProcessEnv): GitHubJob | undefined {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY?.includes('/')) return undefined;
  const [owner, repo] = env.GITHUB_REPOSITORY.split('/', 2);
  const job: GitHubJob = {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
    ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
  };
  if (env.GITHUB_EVENT_PATH) {
    try {
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
        number?: unknown;
        pull_request?: { number?: unknown };
      };
      const n = event.pull_request?.number ?? event.number;
      if (typeof n === 'number' && Number.isInteger(n)) job.issueNumber = n;
    } catch {
      // No readable event: no PR number, so no PR comment.
    }
  }
  return job;
}

class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Rest = (method: string, path: string, body?: unknown) => Promise<unknown>;

function rest(job: GitHubJob, token: string, signal: AbortSignal, fetchImpl: typeof fetch): Rest {
  return async (method, path, body) => {
    const res = await fetchImpl(`${job.apiUrl}${path}`, {
      method,
      signal,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'aks-pull-gate',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!res.ok) {
      const message = (data as { message?: unknown } | undefined)?.message;
      throw new GitHubApiError(res.status, typeof message === 'string' ? message : `HTTP ${res.status}`);
    }
    return data;
  };
}

const q = (p: Record<string, string | number | undefined>) =>
  Object.entries(p)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
const seg = (s: string) => encodeURIComponent(s);

function prCommentClient(call: Rest): PrCommentClient {
  return {
    listComments: async ({ owner, repo, issue_number, per_page, page }) => ({
      data: (await call(
        'GET',
        `/repos/${seg(owner)}/${seg(repo)}/issues/${issue_number}/comments?${q({ per_page, page })}`,
      )) as { id: number; body?: string | null }[],
    }),
    createComment: ({ owner, repo, issue_number, body }) =>
      call('POST', `/repos/${seg(owner)}/${seg(repo)}/issues/${issue_number}/comments`, { body }),
    updateComment: ({ owner, repo, comment_id, body }) =>
      call('PATCH', `/repos/${seg(owner)}/${seg(repo)}/issues/comments/${comment_id}`, { body }),
    deleteComment: ({ owner, repo, comment_id }) =>
      call('DELETE', `/repos/${seg(owner)}/${seg(repo)}/issues/comments/${comment_id}`),
  };
}

function issueClient(call: Rest): TrackingIssueClient {
  return {
    listIssues: async ({ owner, repo, state, per_page, page }) => ({
      data: (await call(
        'GET',
        `/repos/${seg(owner)}/${seg(repo)}/issues?${q({ state, per_page, page })}`,
      )) as IssueLike[],
    }),
    createIssue: async ({ owner, repo, title, body }) => ({
      data: (await call('POST', `/repos/${seg(owner)}/${seg(repo)}/issues`, { title, body })) as { number: number },
    }),
    updateIssue: ({ owner, repo, issue_number, ...fields }) =>
      call('PATCH', `/repos/${seg(owner)}/${seg(repo)}/issues/${issue_number}`, fields),
  };
}

/**
 * The PR comment or the tracking issue, keyed as the action keys them. Returns what was done ('skipped' when the
 * options or the event do not ask for anything).
 */
export async function publishToGitHub(
  report: Report,
  config: Config,
  settings: GitHubSettings,
  job: GitHubJob,
  opts: { logger: Logger; signal: AbortSignal; fetch?: typeof fetch; env?: NodeJS.ProcessEnv },
): Promise<string> {
  const { logger } = opts;
  // Keyed as the action keys it (src/main.ts): comment-key when given, else the full cluster id lower-case, else the
  // workflow and job. One key for both channels, so a CLI run and an action run on one cluster share one comment.
  const clusterKey = commentKey({
    ...(config.commentKey ? { commentKey: config.commentKey } : {}),
    ...(report.cluster ? { cluster: report.cluster } : {}),
    ...(job.workflow ? { workflow: job.workflow } : {}),
    ...(job.job ? { job: job.job } : {}),
  });
  const isPr = job.eventName === 'pull_request' || job.eventName === 'pull_request_target';
  const wantComment = config.mode === 'check' && settings.commentOnPr && isPr && job.issueNumber !== undefined;
  const wantIssue = config.mode === 'audit' && settings.trackingIssue;
  if (!wantComment && !wantIssue) return 'skipped';
  if (!settings.githubToken) {
    logger.warning(
      'GITHUB_TOKEN is not set: skipping the PR comment / tracking issue (the exit code depends on the findings alone)',
    );
    return 'skipped';
  }
  // undici (the proxy-aware fetch) loads only when there is something to publish: `--version` and runs outside
  // GitHub never pay for it.
  const fetchFn = opts.fetch ?? (await import('./facts/proxy-fetch.js')).proxyAwareFetch(opts.env ?? process.env);
  const call = rest(job, settings.githubToken, opts.signal, fetchFn);
  const { owner, repo } = job;
  try {
    if (wantComment) {
      const result = await syncPrComment(prCommentClient(call), {
        owner,
        repo,
        issueNumber: job.issueNumber!,
        body: renderPrComment(report, { clusterKey }),
        marker: prCommentMarker(clusterKey),
        whenClean: settings.commentWhenClean,
        clean: report.verified && report.summary.errors === 0 && report.summary.warnings === 0,
      });
      if (result === 'read-only') {
        logger.warning(
          'The PR comment was skipped: the token is read-only (a fork, or the job lacks permissions: pull-requests: write)',
        );
      } else logger.info(`PR comment: ${result}`);
      return `comment ${result}`;
    }
    const result = await syncTrackingIssue(issueClient(call), {
      owner,
      repo,
      marker: trackingIssueMarker(clusterKey),
      title: trackingIssueTitle(report, clusterKey),
      body: renderSummary(report, { title: 'aks-pull-gate audit', maxBytes: 60_000 }),
      clean: report.ready,
    });
    if (result === 'read-only')
      logger.warning('The tracking issue was skipped: the job lacks permissions: issues: write');
    else logger.info(`Tracking issue: ${result}`);
    return `issue ${result}`;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    logger.warning(`Could not update GitHub (${msg}); the exit code depends on the findings alone`);
    return 'failed';
  }
}
