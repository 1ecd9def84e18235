import { describe, expect, it } from 'vitest';
import { renderFindingsCompact, renderJson } from '../../../src/report/json.js';
import { renderSummary } from '../../../src/report/markdown.js';
import { renderPrComment } from '../../../src/report/pr-comment.js';
import { renderText } from '../../../src/report/text.js';
import { loadReport, snapshotPath } from '../../fixtures/reports/load.js';
import type { Report } from '../../../src/types/index.js';

const fixtures = ['healthy', 'many-findings'] as const;

describe.each(fixtures)('renderers over the %s report', (name) => {
  const report = loadReport(name);

  it('JSON report matches its snapshot', async () => {
    await expect(renderJson(report)).toMatchFileSnapshot(snapshotPath(`${name}.report.json`));
  });
  it('text output (no colour) matches its snapshot', async () => {
    await expect(renderText(report, { color: false })).toMatchFileSnapshot(snapshotPath(`${name}.txt`));
  });
  it('job summary matches its snapshot', async () => {
    await expect(renderSummary(report, { reportPath: 'aks-pull-gate-report.json' })).toMatchFileSnapshot(
      snapshotPath(`${name}.summary.md`),
    );
  });
  it('PR comment matches its snapshot', async () => {
    await expect(renderPrComment(report, { clusterKey: 'prod-aks' })).toMatchFileSnapshot(
      snapshotPath(`${name}.pr-comment.md`),
    );
  });
});

describe('JSON report', () => {
  it('is byte-identical whatever order the findings, images and keys came in', () => {
    const report = loadReport('many-findings');
    const shuffled: Report = {
      ...report,
      findings: [...report.findings].reverse().map((f) => Object.fromEntries(Object.entries(f).reverse()) as typeof f),
      images: [...report.images].reverse(),
    };
    expect(renderJson(shuffled)).toBe(renderJson(report));
  });

  it('puts the contract keys first, in DESIGN.md order', () => {
    const parsed = JSON.parse(renderJson(loadReport('many-findings'))) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'ready', 'mode', 'cluster', 'summary', 'images', 'findings']);
    const first = (parsed.findings as Record<string, unknown>[]).find((f) => f.rule === 'image-not-found') ?? {};
    expect(Object.keys(first)).toEqual([
      'rule',
      'severity',
      'message',
      'image',
      'registry',
      'location',
      'remediation',
      'evidence',
    ]);
  });

  it('sorts findings errors first, then by file and line', () => {
    const parsed = JSON.parse(renderJson(loadReport('many-findings'))) as { findings: { severity: string }[] };
    const sev = parsed.findings.map((f) => f.severity);
    expect(sev).toEqual(
      [...sev].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)),
    );
  });

  it('compact findings output is one line of JSON', () => {
    const s = renderFindingsCompact(loadReport('many-findings'));
    expect(s).not.toContain('\n');
    expect(JSON.parse(s)).toHaveLength(14);
  });
});

describe('audit report', () => {
  const audit: Report = {
    ...loadReport('healthy'),
    mode: 'audit',
    credentials: [
      {
        kind: 'acr-token',
        name: 'ci-pull',
        owner: 'prodacr',
        registry: 'prodacr.azurecr.io',
        usedBy: ['payments/acr-pull'],
        expires: '2026-12-05T00:00:00Z',
        daysLeft: 14,
        status: 'expiring',
      },
      { kind: 'admin-user', name: 'prodacr', registry: 'prodacr.azurecr.io', usedBy: [], status: 'ok' },
    ],
  };

  it('lists every credential with its owner, use and days left in text and summary', async () => {
    const text = renderText(audit, { color: false });
    expect(text).toContain('expiring acr-token ci-pull (prodacr)  expires 2026-12-05T00:00:00Z, 14 days left');
    expect(text).toContain('used by payments/acr-pull');
    await expect(renderSummary(audit)).toMatchFileSnapshot(snapshotPath('audit.summary.md'));
    expect(Object.keys(JSON.parse(renderJson(audit)) as object)).toContain('credentials');
  });
});

describe('text output', () => {
  it('uses ANSI colours only when asked', () => {
    const report = loadReport('many-findings');
    const ESC = String.fromCharCode(27);
    expect(renderText(report, { color: false })).not.toContain(`${ESC}[`);
    expect(renderText(report, { color: true })).toContain(`${ESC}[31merror`);
  });

  it('groups findings under their image', () => {
    const text = renderText(loadReport('many-findings'), { color: false });
    const img = text.indexOf('prodacr.azurecr.io/orders-api:v1.4.3');
    const rule = text.indexOf('image-not-found');
    const next = text.indexOf('prodacr.azurecr.io/payments/worker:2.0.0  ');
    expect(img).toBeGreaterThanOrEqual(0);
    expect(rule).toBeGreaterThan(img);
    expect(next).toBeGreaterThan(rule);
  });
});
