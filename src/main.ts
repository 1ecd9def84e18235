// The action: read inputs -> run the gate -> emit annotations, job summary, SARIF, outputs, the sticky PR comment or
// the audit's tracking issue. With src/index.ts, the only module that imports @actions/*; everything below receives
// what it needs injected (a logger, a secret masker, an ID-token provider, a GitHub client).

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { readActionSettings, type ActionSettings } from './settings/from-action.js';
import { ConfigurationError } from './settings/config.js';
import { buildAnnotations } from './report/annotations.js';
import { renderFindingsCompact, renderJson } from './report/json.js';
import { renderSummary } from './report/markdown.js';
import {
  checkedName,
  commentKey,
  prCommentMarker,
  renderPrComment,
  syncPrComment,
  syncTrackingIssue,
  trackingIssueClient,
} from './report/pr-comment.js';
import { renderSarif } from './report/sarif.js';
import type { Logger, Report } from './types/index.js';
import { VERSION } from './version.js';

export async function run(): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name), process.env);
    if (settings.githubToken) core.setSecret(settings.githubToken);
    const logger: Logger = { debug: core.debug, info: core.info, warning: core.warning };
    // Loaded after the inputs are read: a mistake in them fails the step without loading the Azure SDKs.
    const { runGate } = await import('./gate.js');
    const { report } = await runGate(settings.config, {
      logger,
      maskSecret: (value) => {
        if (value) core.setSecret(value);
      },
      getIdToken: (audience) => core.getIDToken(audience),
      env: process.env,
      phase: (name) => core.info(`▶ ${name}`),
    });
    await emit(report, settings, logger);
  } catch (err) {
    // Non-Error throws too: the step fails with one line, never an unhandled rejection.
    if (err instanceof ConfigurationError) core.setFailed(err.message);
    else core.setFailed(`aks-pull-gate: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function emit(report: Report, settings: ActionSettings, logger: Logger): Promise<void> {
  const { config } = settings;
  const cwd = config.cwd;
  await mkdir(path.dirname(settings.reportFile), { recursive: true });
  await writeFile(settings.reportFile, renderJson(report));
  if (config.sarifFile) {
    await mkdir(path.dirname(config.sarifFile), { recursive: true });
    await writeFile(
      config.sarifFile,
      JSON.stringify(
        renderSarif(report, { toolVersion: VERSION, fileExists: (p) => existsSync(path.resolve(cwd, p)) }),
        null,
        2,
      ) + '\n',
    );
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
  core.setOutput('errors', String(report.summary.errors));
  core.setOutput('warnings', String(report.summary.warnings));
  core.setOutput('report', settings.reportFile);
  core.setOutput('findings', renderFindingsCompact(report, undefined, settings.reportFile));

  await github_(report, settings, logger);

  if (!report.ready) {
    core.setFailed(
      `aks-pull-gate: ${report.summary.errors} error(s), ${report.summary.warnings} warning(s) at or above fail-on: ${config.failOn}`,
    );
  }
}

/** The PR comment (check mode on pull_request) or the tracking issue (audit mode). Never decides the job result. */
async function github_(report: Report, settings: ActionSettings, logger: Logger): Promise<void> {
  const github = await import('@actions/github');
  const ctx = github.context;
  const clusterKey = commentKey({
    ...(settings.config.commentKey ? { commentKey: settings.config.commentKey } : {}),
    ...(report.cluster ? { cluster: report.cluster } : {}),
    workflow: ctx.workflow,
    job: ctx.job,
  });
  const clusterName = checkedName(report, clusterKey) ?? 'manifests';
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
    const octokit = github.getOctokit(settings.githubToken);
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
        clean: report.summary.errors === 0 && report.summary.warnings === 0,
      });
      if (result === 'read-only') {
        core.notice(
          'The PR comment was skipped: the token is read-only (a pull request from a fork, or the workflow lacks permissions: pull-requests: write). The job result depends on the findings alone.',
        );
      } else logger.info(`PR comment: ${result}`);
    } else {
      const marker = prCommentMarker(clusterKey).replace('aks-pull-gate:', 'aks-pull-gate-audit:');
      const result = await syncTrackingIssue(trackingIssueClient(octokit.rest.issues), {
        owner,
        repo,
        marker,
        title: `aks-pull-gate audit: credentials expiring or broken (${clusterName})`,
        body: renderSummary(report, { title: 'aks-pull-gate audit', maxBytes: 60_000 }),
        clean: report.ready,
      });
      if (result === 'read-only')
        core.notice('The tracking issue was skipped: the workflow lacks permissions: issues: write.');
      else logger.info(`Tracking issue: ${result}`);
    }
  } catch (err) {
    logger.warning(
      `Could not update GitHub (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the job result depends on the findings alone`,
    );
  }
}
