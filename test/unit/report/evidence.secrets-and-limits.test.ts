import { describe, expect, it } from 'vitest';
import { buildAnnotations } from '../../../src/report/annotations.js';
import { evidenceLine, safeEvidence } from '../../../src/report/evidence.js';
import { renderFindingsCompact, renderJson } from '../../../src/report/json.js';
import { renderSummary, SUMMARY_MAX_BYTES } from '../../../src/report/markdown.js';
import { PR_COMMENT_MAX_CHARS, renderPrComment } from '../../../src/report/pr-comment.js';
import { renderSarif } from '../../../src/report/sarif.js';
import { renderText } from '../../../src/report/text.js';
import type { Report } from '../../../src/types/index.js';
import { hugeReport } from '../../fixtures/reports/huge.js';
import { CANARIES, loadReport } from '../../fixtures/reports/load.js';

function everyOutput(report: Report): Record<string, string> {
  return {
    json: renderJson(report),
    compact: renderFindingsCompact(report),
    text: renderText(report, { color: false }),
    textColor: renderText(report, { color: true }),
    summary: renderSummary(report, { reportPath: 'report.json' }),
    sarif: JSON.stringify(renderSarif(report, { toolVersion: '0.1.0' })),
    annotations: JSON.stringify(buildAnnotations(report, { fileExists: () => true })),
    prComment: renderPrComment(report, { clusterKey: 'prod-aks' }),
  };
}

describe('secrets in evidence', () => {
  it.each([
    ['many-findings', loadReport('many-findings')],
    ['huge', hugeReport()],
  ] as [string, Report][])('never reach any output (%s report)', (_name, report) => {
    // The fixture really carries them, so this test can fail.
    expect(JSON.stringify(report)).toContain(CANARIES[0]);
    for (const [format, out] of Object.entries(everyOutput(report))) {
      for (const canary of CANARIES) expect(out.includes(canary), `${format} leaks ${canary}`).toBe(false);
    }
  });

  it('keep only allow-listed keys with plain values', () => {
    expect(
      safeEvidence({
        nearestTags: ['v1', 'v2'],
        password: 'hunter2hunter2',
        secretName: 'acr-pull',
        tokenName: 'ci-pull',
        clientSecret: 'x',
        auths: { a: 1 },
        daysLeft: 3,
        repository: { nested: true },
      }),
    ).toEqual({ daysLeft: 3, nearestTags: ['v1', 'v2'], secretName: 'acr-pull', tokenName: 'ci-pull' });
  });

  it('keep nested records to the same allow list (role assignments of an identity verdict)', () => {
    expect(
      safeEvidence({
        assignments: [
          { role: 'AcrPull', scope: '/subscriptions/x', principalId: 'p1', effect: 'grants', password: 'no' },
        ],
        credentials: [{ keyId: 'k1', secretText: 'no' }],
      }),
    ).toEqual({ assignments: [{ effect: 'grants', principalId: 'p1', role: 'AcrPull', scope: '/subscriptions/x' }] });
    // One line for people: nested records are left to the JSON and SARIF reports.
    expect(evidenceLine({ assignments: [{ role: 'AcrPull' }], state: 'absent' })).toBe('state: absent');
  });

  it('drop an allow-listed value that looks like a JWT or an opaque password', () => {
    expect(safeEvidence({ reason: 'token eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.sig' })).toBeUndefined();
    expect(
      safeEvidence({ reason: 'password1 of ci-pull: aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ7kL9' }),
    ).toBeUndefined();
    // ARM ids and digests are long too, but they are not secrets.
    const id =
      '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/prodacr';
    expect(safeEvidence({ registryId: id })).toEqual({ registryId: id });
    expect(
      evidenceLine({ state: 'sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b' }),
    ).toContain('sha256:');
  });
});

describe('size limits on a 5,000-finding report', () => {
  const report = hugeReport();

  it('job summary stays under 1 MiB and points at the JSON report', () => {
    const md = renderSummary(report, { reportPath: 'aks-pull-gate-report.json', sarifPath: 'results.sarif' });
    const bytes = Buffer.byteLength(md, 'utf8');
    expect(bytes).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(bytes).toBeGreaterThan(SUMMARY_MAX_BYTES * 0.9); // it uses the room it has
    expect(md).toMatch(/Truncated to stay under GitHub's 1 MiB job-summary limit: \d+ findings not shown/);
    expect(md).toContain('`aks-pull-gate-report.json`');
    expect(md.match(/^❌ \*\*/gm)?.length ?? 0).toBeGreaterThanOrEqual(500);
    // Every <details> that was opened is closed, every fence closed: the truncated document is well formed.
    expect(md.match(/<details/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    expect((md.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
  });

  it('job summary honours a smaller budget', () => {
    const md = renderSummary(report, { maxBytes: 50_000 });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(50_000);
    expect(md).toContain('the JSON report (`--format json`)');
  });

  it('PR comment stays under 60,000 characters, keeps its marker and says where the rest is', () => {
    const body = renderPrComment(report, {
      clusterKey: 'prod-aks',
      summaryUrl: 'https://github.com/o/r/actions/runs/1',
    });
    expect(body.length).toBeLessThanOrEqual(PR_COMMENT_MAX_CHARS);
    expect(body.startsWith('<!-- aks-pull-gate:prod-aks -->\n')).toBe(true);
    expect(body).toMatch(
      /Shortened to fit a PR comment: \d+ more findings\. Everything is in the \[job summary\]\(https:\/\/github.com\/o\/r\/actions\/runs\/1\)/,
    );
    expect(body.match(/<details/g)?.length ?? 0).toBe(body.match(/<\/details>/g)?.length ?? 0);
    // The findings with their fixes, not a thousand-row table, fill the comment.
    expect(body.match(/^❌ \*\*/gm)?.length ?? 0).toBeGreaterThanOrEqual(50);
    expect(body).toContain('| … | 980 more images with findings |');
  });

  it('a report that fits is not truncated', () => {
    const md = renderSummary(loadReport('many-findings'));
    expect(md).not.toContain('Truncated');
    expect(renderPrComment(loadReport('many-findings'), { clusterKey: 'x' })).not.toContain('Shortened');
  });
});
