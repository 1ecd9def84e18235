import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../../src/lib/group-findings.js';
import { buildReport } from '../../../src/verdict.js';
import { renderFindingsCompact } from '../../../src/report/json.js';
import type { Finding, ImageUse } from '../../../src/types/index.js';

const IMAGE = 'prodacr.azurecr.io/orders-api:v9.9.9';

function missing(file: string, line: number): Finding {
  return {
    rule: 'image-not-found',
    severity: 'error',
    message: `${IMAGE}: tag v9.9.9 does not exist in prodacr.azurecr.io; nearest existing tags: v1.4.2`,
    image: IMAGE,
    registry: 'prodacr.azurecr.io',
    location: { file, line, column: 18 },
    remediation: `change the tag to v1.4.2 in ${file}:${line}, or push it`,
  };
}

function use(file: string, line: number): ImageUse {
  return {
    image: IMAGE,
    location: { file, line, column: 18 },
    workload: { kind: 'Deployment', name: `w-${file}`, namespace: 'prod' },
    container: 'app',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints: {},
  };
}

describe('one finding per (rule, image, cause)', () => {
  it('merges 6,666 identical image-not-found errors of one missing tag into one error listing every place', () => {
    const files = Array.from({ length: 6_666 }, (_, i) => `k8s/app-${String(i).padStart(5, '0')}.yaml`);
    const { report } = buildReport({
      mode: 'check',
      uses: files.map((f) => use(f, 21)),
      findings: [...files].reverse().map((f) => missing(f, 21)),
      images: { checked: new Map() },
      failOn: 'error',
    });
    expect(report.findings).toHaveLength(1);
    expect(report.summary.errors).toBe(1);
    const [f] = report.findings;
    expect(f.locations).toHaveLength(6_666);
    // `location` is the first place, and the remediation kept is the one that names it.
    expect(f.location).toEqual({ file: 'k8s/app-00000.yaml', line: 21, column: 18 });
    expect(f.remediation).toContain('k8s/app-00000.yaml:21');
  });

  it('keeps findings of different causes apart (another rule, image or message)', () => {
    const a = missing('k8s/a.yaml', 1);
    const other = { ...missing('k8s/b.yaml', 1), message: 'another cause' };
    const mutable = { ...missing('k8s/c.yaml', 1), rule: 'image-tag-mutable' as const, severity: 'warning' as const };
    expect(groupFindings([a, other, mutable])).toHaveLength(3);
    expect(groupFindings([a, missing('k8s/a.yaml', 9)])).toHaveLength(1);
  });

  it('keeps the action output under 1 MB with a note pointing at the report file', () => {
    const files = Array.from({ length: 20_000 }, (_, i) => `k8s/app-${i}.yaml`);
    const findings = files.map((f, i) => ({ ...missing(f, 21), message: `cause ${i}` }));
    const { report } = buildReport({
      mode: 'check',
      uses: [],
      findings,
      images: { checked: new Map() },
      failOn: 'error',
    });
    const out = renderFindingsCompact(report, undefined, '/runner/temp/aks-pull-gate-report.json');
    expect(Buffer.byteLength(out)).toBeLessThan(1_000_000);
    const parsed = JSON.parse(out) as { rule: string; message: string }[];
    expect(parsed.at(-1)?.rule).toBe('output-truncated');
    expect(parsed.at(-1)?.message).toContain('/runner/temp/aks-pull-gate-report.json');
    expect(parsed.length).toBeLessThan(20_001);
  });

  it('leaves a small output whole (no note)', () => {
    const { report } = buildReport({
      mode: 'check',
      uses: [],
      findings: [missing('k8s/a.yaml', 1)],
      images: { checked: new Map() },
      failOn: 'error',
    });
    const parsed = JSON.parse(renderFindingsCompact(report)) as { rule: string }[];
    expect(parsed.map((p) => p.rule)).toEqual(['image-not-found']);
  });
});

describe('annotations of a finding of many places', () => {
  it('go on its first three places, and none on an accepted finding', async () => {
    const { buildAnnotations } = await import('../../../src/report/annotations.js');
    const files = ['k8s/a.yaml', 'k8s/b.yaml', 'k8s/c.yaml', 'k8s/d.yaml'];
    const { report } = buildReport({
      mode: 'check',
      uses: files.map((f) => use(f, 21)),
      findings: files.map((f) => missing(f, 21)),
      images: { checked: new Map() },
      failOn: 'error',
    });
    const { annotations } = buildAnnotations(report);
    expect(annotations.map((a) => a.file)).toEqual(['k8s/a.yaml', 'k8s/b.yaml', 'k8s/c.yaml']);
    report.findings[0].suppressed = {
      by: '.aks-pull-gate.yaml:3',
      reason: 'r',
      expires: '2026-12-10',
      kind: 'external',
    };
    expect(buildAnnotations(report).annotations).toEqual([]);
  });
});
