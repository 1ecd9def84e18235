// Accepting a finding on purpose: ignore entries and the aks-pull-gate.io/ignore annotation matched to findings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applySuppressions, parseIgnoreAnnotation } from '../../../src/checks/suppressions.js';
import { buildInventory } from '../../../src/inventory/inventory.js';
import { reportJson } from '../../../src/report/json.js';
import { renderSarif } from '../../../src/report/sarif.js';
import type { Finding, Inventory } from '../../../src/types/index.js';
import type { IgnoreEntry } from '../../../src/types/suppression.js';
import { buildReport } from '../../../src/verdict.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-suppress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2026-12-01T10:00:00Z');

function deployment(name: string, image: string, annotation?: string): string {
  const ann = annotation ? `\n  annotations:\n    aks-pull-gate.io/ignore: "${annotation}"` : '';
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: prod${ann}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;
}

async function inventory(docs: string[]): Promise<Inventory> {
  const file = `m-${Math.random().toString(36).slice(2)}.yaml`;
  writeFileSync(path.join(dir, file), docs.join('---\n'));
  return buildInventory({ manifests: [file], cwd: dir, namespace: 'default', maxFileBytes: 1 << 20 });
}

/** The findings the image checks would give: one image-tag-mutable warning per `:latest` use. */
function mutable(inv: Inventory): Finding[] {
  return inv.uses.map((u) => ({
    rule: 'image-tag-mutable',
    severity: 'warning' as const,
    message: `${u.ref?.normalized} uses the latest tag`,
    image: u.ref?.normalized,
    location: u.location,
  }));
}

function entry(extra: Partial<IgnoreEntry>): IgnoreEntry {
  return {
    rule: 'image-tag-mutable',
    reason: 'vendor image, pinned upstream next quarter',
    expires: '2027-03-01',
    source: '.aks-pull-gate.yaml:3',
    kind: 'external',
    ...extra,
  };
}

function run(inv: Inventory, findings: Finding[], entries: IgnoreEntry[], failOn: 'error' | 'warning' = 'warning') {
  return buildReport({
    mode: 'check',
    uses: inv.uses,
    findings: applySuppressions(findings, inv.uses, entries, NOW),
    images: { checked: new Map() },
    failOn,
  });
}

describe('suppressions', () => {
  it('an ignore entry accepts a warning: it stays in JSON and SARIF, counted apart, and no longer fails the run', async () => {
    const inv = await inventory([deployment('vendor', 'docker.io/library/redis:latest')]);
    const before = run(inv, mutable(inv), []);
    expect(before.exitCode).toBe(1);
    const { report, exitCode } = run(inv, mutable(inv), [entry({ image: 'docker.io/library/*' })]);
    expect(exitCode).toBe(0);
    expect(report.summary).toMatchObject({ warnings: 0, suppressed: 1 });
    const json = reportJson(report) as { findings: { rule: string; suppressed?: unknown }[] };
    expect(json.findings[0]).toMatchObject({
      rule: 'image-tag-mutable',
      suppressed: {
        by: '.aks-pull-gate.yaml:3',
        reason: 'vendor image, pinned upstream next quarter',
        expires: '2027-03-01',
      },
    });
    const result = renderSarif(report, { toolVersion: '0.1.0' }).runs[0].results?.[0];
    expect(result?.suppressions?.[0]).toMatchObject({ kind: 'external', status: 'accepted' });
  });

  it('an entry for another image or namespace does not match, and is a suppression-unused notice', async () => {
    const inv = await inventory([deployment('vendor', 'docker.io/library/redis:latest')]);
    const { report, exitCode } = run(inv, mutable(inv), [
      entry({ image: 'ghcr.io/*' }),
      entry({ namespace: 'staging' }),
    ]);
    expect(exitCode).toBe(1);
    expect(report.findings.filter((f) => f.rule === 'suppression-unused')).toHaveLength(2);
    expect(report.findings.find((f) => f.rule === 'image-tag-mutable')?.suppressed).toBeUndefined();
  });

  it('an expired entry is a suppression-expired warning and suppresses nothing', async () => {
    const inv = await inventory([deployment('vendor', 'docker.io/library/redis:latest')]);
    const { report } = run(inv, mutable(inv), [entry({ expires: '2026-11-30' })]);
    expect(report.findings.map((f) => [f.rule, !!f.suppressed])).toEqual(
      expect.arrayContaining([
        ['image-tag-mutable', false],
        ['suppression-expired', false],
      ]),
    );
    // The last day still applies.
    expect(run(inv, mutable(inv), [entry({ expires: '2026-12-01' })]).report.summary.suppressed).toBe(1);
  });

  it('the workload annotation accepts its own workload only (kind inSource), not another using the same image', async () => {
    const inv = await inventory([
      deployment('vendor', 'docker.io/library/redis:latest', 'image-tag-mutable until 2027-01-15: vendor chart'),
      deployment('ours', 'docker.io/library/redis:latest'),
    ]);
    const { report } = run(inv, mutable(inv), []);
    const tagged = report.findings.filter((f) => f.rule === 'image-tag-mutable');
    expect(tagged.map((f) => [f.suppressed?.by, f.locations?.length])).toEqual(
      expect.arrayContaining([
        ['Deployment prod/vendor annotation', 1],
        [undefined, 1],
      ]),
    );
    expect(tagged.find((f) => f.suppressed)?.suppressed?.kind).toBe('inSource');
  });

  it('an annotation that cannot be read says so and accepts nothing', () => {
    const use = { workload: { kind: 'Deployment', name: 'a', namespace: 'prod' }, namespace: 'prod' };
    expect(parseIgnoreAnnotation('image-tag-mutable forever', use)).toHaveProperty('invalid');
    expect(parseIgnoreAnnotation('image-tag-mutable, image-unverifiable until 2027-01-01: why', use)).toHaveLength(2);
  });

  it('an error that stops pods (image-not-found) is accepted for at most 30 days ahead', async () => {
    const inv = await inventory([deployment('api', 'prodacr.azurecr.io/api:v9')]);
    const missing: Finding[] = inv.uses.map((u) => ({
      rule: 'image-not-found',
      severity: 'error',
      message: 'v9 does not exist',
      image: u.ref?.normalized,
      location: u.location,
    }));
    const long = run(inv, missing, [entry({ rule: 'image-not-found', expires: '2027-01-15' })], 'error');
    expect(long.exitCode).toBe(1);
    expect(long.report.findings.map((f) => f.rule)).toContain('suppression-too-long');
    const short = run(inv, missing, [entry({ rule: 'image-not-found', expires: '2026-12-31' })], 'error');
    expect(short.exitCode).toBe(0);
    expect(short.report.summary).toMatchObject({ errors: 0, suppressed: 1 });
  });
});

describe('accepted findings in the job summary', () => {
  it('are listed apart with who accepted them, until when and why', async () => {
    const { renderSummary } = await import('../../../src/report/markdown.js');
    const inv = await inventory([deployment('vendor', 'docker.io/library/redis:latest')]);
    const { report } = run(inv, mutable(inv), [entry({})]);
    const md = renderSummary(report);
    expect(md).toContain('### ☑️ 1 accepted on purpose');
    expect(md).toContain(
      'Accepted by `.aks-pull-gate.yaml:3` until 2027-03-01: vendor image, pinned upstream next quarter',
    );
    expect(md).not.toContain('### ⚠️');
  });
});
