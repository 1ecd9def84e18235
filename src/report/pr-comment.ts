// The sticky PR comment (one per cluster, found again by a hidden marker, updated in place, left alone when
// unchanged, deleted or marked resolved when everything passes) and the tracking issue of the scheduled audit.
// GitHub is reached through minimal injected interfaces that Octokit's `rest.issues` satisfies, so this module
// never imports @actions/*. A read-only token (fork PRs) is an expected condition, not an error.

import type { Report } from '../types/index.js';
import { code, escapeMd, imageRow, imageTableHeader, MARK_LEGEND, SizedMarkdown, writeFindings } from './markdown.js';
import { groupByImage, verdictWords } from './common.js';

/** GitHub allows 65,536 characters per comment; stay well under. */
export const PR_COMMENT_MAX_CHARS = 60_000;
const OPEN_FINDINGS = 10;
const MAX_TABLE_ROWS = 20;
const FOOTER_RESERVE = 1_000;

export interface PrCommentOptions {
  /** Identifies the cluster: one sticky comment per cluster key (e.g. the cluster name or resource id). */
  clusterKey: string;
  /** Link to the run's job summary, shown when the comment is truncated. */
  summaryUrl?: string;
  /** Character budget; default and maximum 60,000. */
  maxChars?: number;
}

/**
 * What one sticky comment (and one tracking issue) belongs to: the job's `comment-key` when given, else the full
 * cluster resource id (lowercased: ARM ids are case-insensitive), else the workflow and job (a gate without a cluster).
 * Never the cluster's name alone: two clusters of one name in different resource groups are different comments.
 */
export function commentKey(opts: { commentKey?: string; cluster?: string; workflow?: string; job?: string }): string {
  if (opts.commentKey?.trim()) return `key:${opts.commentKey.trim()}`;
  if (opts.cluster) return opts.cluster.trim().replace(/\/+$/, '').toLowerCase();
  return `job:${opts.workflow ?? ''}/${opts.job ?? ''}`;
}

/** How the heading names what was checked: the cluster's name (last segment of its id), or the comment key. */
export function checkedName(report: Report, key: string): string | undefined {
  if (report.cluster) return report.cluster.replace(/\/+$/, '').split('/').pop();
  if (key.startsWith('key:')) return key.slice(4);
  return undefined;
}

/** The hidden marker of a cluster's comment. Characters that could end the HTML comment are replaced. */
export function prCommentMarker(clusterKey: string): string {
  const key = clusterKey.replace(/[^A-Za-z0-9._/:@-]/g, '_').replace(/-{2,}/g, '-');
  return `<!-- aks-pull-gate:${key} -->`;
}

/** The hidden marker of a cluster's audit tracking issue: the PR comment's key under another prefix. */
export function trackingIssueMarker(clusterKey: string): string {
  return prCommentMarker(clusterKey).replace('aks-pull-gate:', 'aks-pull-gate-audit:');
}

/** The tracking issue's title: names the cluster (or the comment key) the audit is about. */
export function trackingIssueTitle(report: Report, clusterKey: string): string {
  return `aks-pull-gate audit: credentials expiring or broken (${checkedName(report, clusterKey) ?? 'manifests'})`;
}

export function renderPrComment(report: Report, opts: PrCommentOptions): string {
  const limit = Math.min(opts.maxChars ?? PR_COMMENT_MAX_CHARS, PR_COMMENT_MAX_CHARS);
  const out = new SizedMarkdown(limit, (s) => s.length);
  out.force(`${prCommentMarker(opts.clusterKey)}\n`);
  const name = checkedName(report, opts.clusterKey);
  out.force(
    `### ${report.ready ? '✅' : '❌'} aks-pull-gate${name ? ` · ${escapeMd(name)}` : ''}: ${escapeMd(verdictWords(report))}\n\n`,
  );
  if (report.cluster) out.force(`Cluster ${code(report.cluster)}\n`);

  const { groups } = groupByImage(report);
  // Images with something to say first; the all-green rows only when there is room, folded.
  const flagged = groups.filter((g) => g.findings.length > 0);
  let rowsShown = 0;
  if (flagged.length > 0) {
    out.push(`\n${imageTableHeader().join('\n')}\n`, FOOTER_RESERVE);
    // A PR comment is read in seconds: a short table, then the findings with their fixes.
    for (const g of flagged.slice(0, MAX_TABLE_ROWS)) {
      if (!out.push(`${imageRow(report, g.image)}\n`, FOOTER_RESERVE)) break;
      rowsShown++;
    }
    if (rowsShown < flagged.length) {
      out.push(`| … | ${flagged.length - rowsShown} more images with findings | | | | | |\n`, FOOTER_RESERVE);
    }
    out.push(`\n<sub>${MARK_LEGEND}</sub>\n`, FOOTER_RESERVE);
  }
  const { shown } = writeFindings(out, report.findings, OPEN_FINDINGS, false);
  const passing = groups.length - flagged.length;
  if (passing > 0 && !out.truncated) {
    out.push(
      `\n<details><summary>${passing} image${passing === 1 ? '' : 's'} with no findings</summary>\n\n${groups
        .filter((g) => g.findings.length === 0)
        .map((g) => `- ${code(g.image.reference)}`)
        .join('\n')}\n\n</details>\n`,
      FOOTER_RESERVE,
    );
  }
  const hidden = report.findings.length - shown;
  if (out.truncated || hidden > 0) {
    const where = opts.summaryUrl ? `the [job summary](${opts.summaryUrl})` : 'the job summary of this run';
    out.force(
      `\n> [!NOTE]\n> Shortened to fit a PR comment${hidden > 0 ? `: ${hidden} more finding${hidden === 1 ? '' : 's'}` : ''}. Everything is in ${where} and its JSON/SARIF report.\n`,
    );
  }
  return out.toString();
}

// --- GitHub plumbing ---------------------------------------------------------------------------------------------

export interface CommentLike {
  id: number;
  body?: string | null;
}

/** The part of Octokit's `rest.issues` the sticky comment needs. */
export interface PrCommentClient {
  listComments(params: {
    owner: string;
    repo: string;
    issue_number: number;
    per_page?: number;
    page?: number;
  }): Promise<{ data: readonly CommentLike[] }>;
  createComment(params: { owner: string; repo: string; issue_number: number; body: string }): Promise<unknown>;
  updateComment(params: { owner: string; repo: string; comment_id: number; body: string }): Promise<unknown>;
  deleteComment(params: { owner: string; repo: string; comment_id: number }): Promise<unknown>;
}

export type PrCommentResult = 'created' | 'updated' | 'unchanged' | 'deleted' | 'resolved' | 'read-only';

export interface SyncPrCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  /** The hidden marker (prCommentMarker(clusterKey)); prepended to the body when missing. */
  marker: string;
  /** What to do with the comment when the run is clean: delete it, update it to the clean body, or treat as usual. */
  whenClean: 'delete' | 'resolve' | 'keep';
  clean: boolean;
}

const PAGE = 100;
const MAX_PAGES = 100;

/**
 * A 403 "Resource not accessible by integration" (a fork PR's read-only GITHUB_TOKEN, or a token without
 * pull-requests/issues: write). Rate limits are also 403 but say so, and are real errors.
 */
export function isReadOnlyTokenError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { status, message } = e as { status?: unknown; message?: unknown };
  return status === 403 && typeof message === 'string' && /resource not accessible by/i.test(message);
}

async function paginate<T>(fetchPage: (page: number) => Promise<{ data: readonly T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await fetchPage(page);
    all.push(...data);
    if (data.length < PAGE) break;
  }
  return all;
}

// GitHub may hand back CRLF for what was sent as LF; trailing whitespace is not a change worth a notification.
const normalize = (s: string | null | undefined): string => (s ?? '').replace(/\r\n/g, '\n').trimEnd();

export async function syncPrComment(client: PrCommentClient, opts: SyncPrCommentOptions): Promise<PrCommentResult> {
  const { owner, repo, issueNumber: issue_number } = opts;
  const body = opts.body.includes(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
  try {
    const comments = await paginate((page) => client.listComments({ owner, repo, issue_number, per_page: PAGE, page }));
    const mine = comments.filter((c) => typeof c.body === 'string' && c.body.includes(opts.marker));
    const [existing, ...duplicates] = mine;
    // Two runs racing can leave two comments for one cluster; keep the oldest, remove the others.
    for (const d of duplicates) await client.deleteComment({ owner, repo, comment_id: d.id });

    if (opts.clean && opts.whenClean === 'delete') {
      if (!existing) return 'unchanged';
      await client.deleteComment({ owner, repo, comment_id: existing.id });
      return 'deleted';
    }
    if (opts.clean && opts.whenClean === 'resolve') {
      // Nothing was ever wrong on this PR: no comment needed.
      if (!existing || normalize(existing.body) === normalize(body)) return 'unchanged';
      await client.updateComment({ owner, repo, comment_id: existing.id, body });
      return 'resolved';
    }
    if (existing) {
      if (normalize(existing.body) === normalize(body)) return 'unchanged';
      await client.updateComment({ owner, repo, comment_id: existing.id, body });
      return 'updated';
    }
    await client.createComment({ owner, repo, issue_number, body });
    return 'created';
  } catch (e) {
    if (isReadOnlyTokenError(e)) return 'read-only';
    throw e;
  }
}

// --- tracking issue of the scheduled audit -----------------------------------------------------------------------

export interface IssueLike {
  number: number;
  title?: string;
  body?: string | null;
  state?: string;
  /** Present on pull requests, which the issues API lists too. */
  pull_request?: unknown;
}

export interface TrackingIssueClient {
  listIssues(params: { owner: string; repo: string; state: 'open'; per_page: number; page: number }): Promise<{
    data: readonly IssueLike[];
  }>;
  createIssue(params: {
    owner: string;
    repo: string;
    title: string;
    body: string;
  }): Promise<{ data: { number: number } }>;
  updateIssue(params: {
    owner: string;
    repo: string;
    issue_number: number;
    title?: string;
    body?: string;
    state?: 'open' | 'closed';
  }): Promise<unknown>;
}

/** The part of Octokit's `rest.issues` the tracking issue needs (its method names differ from TrackingIssueClient's). */
export interface OctokitIssuesLike {
  listForRepo(params: {
    owner: string;
    repo: string;
    state?: 'open' | 'closed' | 'all';
    per_page?: number;
    page?: number;
  }): Promise<{
    data: readonly IssueLike[];
  }>;
  create(params: { owner: string; repo: string; title: string; body?: string }): Promise<{ data: { number: number } }>;
  update(params: {
    owner: string;
    repo: string;
    issue_number: number;
    title?: string;
    body?: string;
    state?: 'open' | 'closed';
  }): Promise<unknown>;
}

export function trackingIssueClient(issues: OctokitIssuesLike): TrackingIssueClient {
  return {
    listIssues: (p) => issues.listForRepo(p),
    createIssue: (p) => issues.create(p),
    updateIssue: (p) => issues.update(p),
  };
}

export type TrackingIssueResult = 'created' | 'updated' | 'unchanged' | 'closed' | 'none' | 'read-only';

export interface SyncTrackingIssueOptions {
  owner: string;
  repo: string;
  marker: string;
  title: string;
  body: string;
  clean: boolean;
}

/**
 * Keeps one open issue per marker in step with the audit: created when something is wrong, updated in place while it
 * stays wrong, closed (with the clean body) when everything passes. A later problem opens a fresh issue.
 */
export async function syncTrackingIssue(
  client: TrackingIssueClient,
  opts: SyncTrackingIssueOptions,
): Promise<TrackingIssueResult> {
  const { owner, repo, title } = opts;
  const body = opts.body.includes(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
  try {
    const issues = await paginate((page) => client.listIssues({ owner, repo, state: 'open', per_page: PAGE, page }));
    const existing = issues.find((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(opts.marker));
    if (opts.clean) {
      if (!existing) return 'none';
      await client.updateIssue({ owner, repo, issue_number: existing.number, body, state: 'closed' });
      return 'closed';
    }
    if (existing) {
      if (normalize(existing.body) === normalize(body) && existing.title === title) return 'unchanged';
      await client.updateIssue({ owner, repo, issue_number: existing.number, title, body });
      return 'updated';
    }
    await client.createIssue({ owner, repo, title, body });
    return 'created';
  } catch (e) {
    if (isReadOnlyTokenError(e)) return 'read-only';
    throw e;
  }
}
