import { describe, expect, it } from 'vitest';
import { isReadOnlyTokenError, prCommentMarker, renderPrComment } from '../../../src/report/pr-comment.js';
import { loadReport } from '../../fixtures/reports/load.js';

describe('PR comment body', () => {
  it('starts with the hidden marker of its cluster, so each cluster keeps its own sticky comment', () => {
    const a = renderPrComment(loadReport('many-findings'), { clusterKey: 'prod-aks' });
    const b = renderPrComment(loadReport('many-findings'), { clusterKey: 'staging-aks' });
    expect(a.split('\n')[0]).toBe('<!-- aks-pull-gate:prod-aks -->');
    expect(b.split('\n')[0]).toBe('<!-- aks-pull-gate:staging-aks -->');
  });

  it('cannot be broken out of by a cluster key that closes the HTML comment', () => {
    expect(prCommentMarker('evil --> <img src=x>')).toBe('<!-- aks-pull-gate:evil_-___img_src_x_ -->');
    expect(prCommentMarker('a-->b')).not.toContain('-->b');
  });

  it('escapes Markdown and HTML coming from manifests', () => {
    const report = loadReport('healthy');
    report.ready = false;
    report.findings = [
      {
        rule: 'image-reference-invalid',
        severity: 'error',
        message: 'bad <script>alert(1)</script> | **x**',
        remediation: 'echo ```',
      },
    ];
    const body = renderPrComment(report, { clusterKey: 'c' });
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('\\*\\*x\\*\\*');
    expect(body).toContain('````sh\necho ```\n````');
  });

  it('is the same text for the same report (so an unchanged run does not touch the comment)', () => {
    expect(renderPrComment(loadReport('many-findings'), { clusterKey: 'k' })).toBe(
      renderPrComment(loadReport('many-findings'), { clusterKey: 'k' }),
    );
  });
});

describe('read-only token detection', () => {
  it('treats the fork-PR 403 as read-only, and a rate-limit 403 as a real error', () => {
    expect(isReadOnlyTokenError({ status: 403, message: 'Resource not accessible by integration' })).toBe(true);
    expect(isReadOnlyTokenError({ status: 403, message: 'API rate limit exceeded for installation' })).toBe(false);
    expect(isReadOnlyTokenError({ status: 404, message: 'Not Found' })).toBe(false);
    expect(isReadOnlyTokenError('Resource not accessible by integration')).toBe(false);
  });
});
