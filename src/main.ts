// The action: read inputs -> run the gate -> emit annotations, job summary, SARIF, outputs, the sticky PR comment or
// the audit's tracking issue. With src/index.ts, the only module that imports @actions/*; everything below receives
// what it needs injected (a logger, a secret masker, an ID-token provider, a GitHub client).

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { readActionSettings, type ActionSettings } from './settings/from-action.js';
import { ConfigurationError } from './settings/config.js';
import { unwritableReason } from './output-paths.js';
import { buildAnnotations } from './report/annotations.js';
import { renderFindingsCompact, renderJson } from './report/json.js';
import { renderSummary } from './report/markdown.js';
import { verdictWords } from './report/common.js';
import {
  commentKey,
  prCommentMarker,
  renderPrComment,
  syncPrComment,
  syncTrackingIssue,
  trackingIssueClient,
  trackingIssueMarker,
  trackingIssueTitle,
} from './report/pr-comment.js';
import { renderSarif } from './report/sarif.js';
import type { Logger, Report } from './types/index.js';
import { VERSION } from './version.js';

export async function run(): Promise<void> {
  const startedAt = Date.now();
  try {
    const settings = readActionSettings((name) => core.getInput(name), process.env);
    if (settings.githubToken) core.setSecret(settings.githubToken);
    const logger: Logger = { debug: core.debug, info: core.info, warning: core.warning };
    // Loaded after the inputs are read: a mistake in them fails the step without loading the Azure SDKs.
    const { runGate } = await import('./gate.js');
    // An unwritable sarif-file is a warning, found before the run: annotations, summary, outputs and the comment
    // are still written.
    const sarifProblem = settings.config.sarifFile
      ? unwritableReason(settings.config.sarifFile, settings.config.cwd)
      : undefined;
    if (sarifProblem) {
      logger.warning(`sarif-file: ${sarifProblem}; the SARIF report is skipped, every other channel is written`);
      delete settings.config.sarifFile;
    }
    // A cancelled job sends SIGINT (then SIGTERM): stop as at the deadline, close the emulator, end within 2 s.
    const stop = new AbortController();
    const onSignal = (sig: NodeJS.Signals): void => {
      core.warning(`aks-pull-gate: ${sig}: stopping`);
      stop.abort();
      setTimeout(() => process.exit(1), 2_000).unref();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const { report } = await runGate(settings.config, {
      signal: stop.signal,
      logger,
      maskSecret: (value) => {
        if (value) core.setSecret(value);
      },
      getIdToken: (audience) => core.getIDToken(audience),
      env: process.env,
      phase: (name) => core.info(`▶ ${name}`),
      // RUNNER_DEBUG=1 (a re-run with debug logging): phase timings and one line per HTTP request via core.debug.
      debug: core.isDebug(),
    });
    // The GitHub API shares the run's deadline (a floor of 2 s so a slow gate still gets its comment a chance).
    const githubMs = Math.max(2_000, startedAt + settings.config.timeoutMs - Date.now());
    await emit(report, settings, logger, githubMs);
  } catch (err) {
    // Non-Error throws too: the step fails with one line, never an unhandled rejection.
    if (err instanceof ConfigurationError) core.setFailed(err.message);
    else core.setFailed(`aks-pull-gate: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function emit(report: Report, settings: ActionSettings, logger: Logger, githubMs: number): Promise<void> {
  const { config } = settings;
  const cwd = config.cwd;
  await mkdir(path.dirname(settings.reportFile), { recursive: true });
  await writeFile(settings.reportFile, renderJson(report));
  if (config.sarifFile) {
    try {
      await mkdir(path.dirname(config.sarifFile), { recursive: true });
      await writeFile(
        config.sarifFile,
        JSON.stringify(
          renderSarif(report, { toolVersion: VERSION, fileExists: (p) => existsSync(path.resolve(cwd, p)) }),
          null,
          2,
        ) + '\n',
      );
    } catch (err) {
      logger.warning(
        `sarif-file ${config.sarifFile} could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      delete config.sarifFile;
    }
  }

  const { annotations } = buildAnnotations(report, { fileExists: (p) => existsSync(path.resolve(cwd, p)) });
  for (const a of annotations) {
    const props = { title: a.title, file: a.file, startLine: a.startLine, startColumn: a.startColumn };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }

  const summary = renderSummary(report, {
    reportPath: settings.reportFile,
    ...(config.sarifFile ? { sarifPath: config.sarifFile } : {}),
  });
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();

  core.setOutput('ready', String(report.ready));
  core.setOutput('verified', String(report.verified));
  core.setOutput('errors', String(report.summary.errors));
  core.setOutput('warnings', String(report.summary.warnings));
  core.setOutput('report', settings.reportFile);
  core.setOutput('findings', renderFindingsCompact(report, undefined, settings.reportFile));

  await bounded(github_(report, settings, logger, AbortSignal.timeout(githubMs)), githubMs, () =>
    logger.warning(
      `GitHub did not answer within ${Math.round(githubMs / 1000)} s: the PR comment / tracking issue could not be written (the job result depends on the findings alone)`,
    ),
  );

  if (!report.ready) {
    // Not ready for one of two reasons (DESIGN's exit-code contract): findings at or above fail-on, or checks that
    // could not run (unverified: fail). The verdict line says which.
    core.setFailed(`aks-pull-gate: ${verdictWords(report)}`);
  }
}

/**
 * The Octokit of the action's GitHub calls: every request carries the deadline's signal and goes through the gate's
 * proxy rule (HTTPS_PROXY / NO_PROXY). Giving `request` replaces @actions/github's own proxy-aware fetch (Octokit
 * merges defaults shallowly), so the fetch is given here too.
 */
export async function actionOctokit(token: string, signal: AbortSignal, env: NodeJS.ProcessEnv, baseUrl?: string) {
  const github = await import('@actions/github');
  const { proxyAwareFetch } = await import('./facts/proxy-fetch.js');
  return github.getOctokit(token, {
    ...(baseUrl ? { baseUrl } : {}),
    request: { signal, fetch: proxyAwareFetch(env) },
  });
}

/** The PR comment (check mode on pull_request) or the tracking issue (audit mode). Never decides the job result. */
async function github_(report: Report, settings: ActionSettings, logger: Logger, signal: AbortSignal): Promise<void> {
  const github = await import('@actions/github');
  const ctx = github.context;
  const clusterKey = commentKey({
    ...(settings.config.commentKey ? { commentKey: settings.config.commentKey } : {}),
    ...(report.cluster ? { cluster: report.cluster } : {}),
    workflow: ctx.workflow,
    job: ctx.job,
  });
  const isPr = ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target';
  const wantComment = settings.config.mode === 'check' && settings.commentOnPr && isPr;
  const wantIssue = settings.config.mode === 'audit' && settings.trackingIssue;
  if (!wantComment && !wantIssue) return;
  if (!settings.githubToken) {
    logger.warning(
      'github-token is empty: skipping the PR comment / tracking issue (the job result depends on the findings alone)',
    );
    return;
  }
  try {
    // Every request carries the deadline's signal: a GitHub API that never answers is aborted, not waited on.
    const octokit = await actionOctokit(settings.githubToken, signal, process.env);
    const { owner, repo } = ctx.repo;
    if (wantComment) {
      const marker = prCommentMarker(clusterKey);
      const result = await syncPrComment(octokit.rest.issues, {
        owner,
        repo,
        issueNumber: ctx.issue.number,
        body: renderPrComment(report, { clusterKey }),
        marker,
        whenClean: settings.commentWhenClean,
        clean: report.verified && report.summary.errors === 0 && report.summary.warnings === 0,
      });
      if (result === 'read-only') {
        core.notice(
          'The PR comment was skipped: the token is read-only (a pull request from a fork, or the workflow lacks permissions: pull-requests: write). The job result depends on the findings alone.',
        );
      } else logger.info(`PR comment: ${result}`);
    } else {
      const marker = trackingIssueMarker(clusterKey);
      const result = await syncTrackingIssue(trackingIssueClient(octokit.rest.issues), {
        owner,
        repo,
        marker,
        title: trackingIssueTitle(report, clusterKey),
        body: renderSummary(report, { title: 'aks-pull-gate audit', maxBytes: 60_000 }),
        clean: report.ready,
      });
      if (result === 'read-only')
        core.notice('The tracking issue was skipped: the workflow lacks permissions: issues: write.');
      else logger.info(`Tracking issue: ${result}`);
    }
  } catch (err) {
    if (signal.aborted) {
      logger.warning(
        'GitHub did not answer before the deadline: the PR comment / tracking issue could not be written (the job result depends on the findings alone)',
      );
      return;
    }
    logger.warning(
      `Could not update GitHub (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the job result depends on the findings alone`,
    );
  }
}

/** Waits for `work` at most `ms`; past it, `onTimeout` and move on (the work's own signal aborts its sockets). */
async function bounded(work: Promise<void>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms + 250);
  });
  try {
    if ((await Promise.race([work.then(() => 'done' as const), late])) === 'late') onTimeout();
  } finally {
    clearTimeout(timer);
  }
}
