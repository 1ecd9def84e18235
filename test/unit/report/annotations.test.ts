import { describe, expect, it } from 'vitest';
import { buildAnnotations } from '../../../src/report/annotations.js';
import type { Finding, Report } from '../../../src/types/index.js';
import { hugeReport } from '../../fixtures/reports/huge.js';
import { loadReport } from '../../fixtures/reports/load.js';

const count = (a: { level: string }[], level: string) => a.filter((x) => x.level === level).length;

describe('annotations', () => {
  it('stay within GitHub caps on a 5,000-finding report and say how many more are in the summary', () => {
    const { annotations, omitted } = buildAnnotations(hugeReport());
    expect(count(annotations, 'error')).toBe(10);
    expect(count(annotations, 'warning')).toBe(10);
    expect(count(annotations, 'notice')).toBe(10);
    expect(annotations.length).toBeLessThanOrEqual(50);
    expect(omitted).toBe(5000 - 29);
    const last = annotations[annotations.length - 1];
    expect(last.level).toBe('notice');
    expect(last.message).toMatch(/^4971 more findings .*summary.*SARIF/);
  });

  it('annotate every finding and add no pointer notice when under the caps', () => {
    const report = loadReport('many-findings');
    const { annotations, omitted } = buildAnnotations(report);
    expect(omitted).toBe(0);
    expect(annotations).toHaveLength(report.findings.length);
    expect(annotations.some((a) => a.title === 'aks-pull-gate')).toBe(false);
  });

  it('put errors first, and within a severity those with a fix command and a manifest line first', () => {
    const { annotations } = buildAnnotations(loadReport('many-findings'));
    const levels = annotations.map((a) => a.level);
    expect(levels.indexOf('warning')).toBeGreaterThan(levels.lastIndexOf('error'));
    const errors = annotations.filter((a) => a.level === 'error');
    // registry-firewall-blocks-cluster has a fix but no manifest line (registry-wide, no image to fall back to):
    // every located error with a fix comes before it.
    expect(errors.findIndex((a) => a.title === 'image-not-found')).toBeLessThan(
      errors.findIndex((a) => a.title === 'registry-firewall-blocks-cluster'),
    );
    expect(errors[errors.length - 1].title).toBe('registry-firewall-blocks-cluster');
  });

  it('carry file, line, column, the rule id as title and the fix in the message', () => {
    const { annotations } = buildAnnotations(loadReport('many-findings'));
    expect(annotations.find((a) => a.title === 'image-not-found')).toEqual({
      level: 'error',
      title: 'image-not-found',
      file: 'k8s/orders.yaml',
      startLine: 21,
      startColumn: 18,
      message:
        'prodacr.azurecr.io/orders-api:v1.4.3 does not exist: the repository has no tag v1.4.3 (nearest: v1.4.2, v1.4.1).\nFix: az acr import --name prodacr --source ghcr.io/contoso/orders-api:v1.4.3 --image orders-api:v1.4.3',
    });
  });

  it('point at the Helm template named by # Source: when that file exists in the repository', () => {
    const exists = (p: string) => p === 'charts/web/templates/deployment.yaml';
    const { annotations } = buildAnnotations(loadReport('many-findings'), { fileExists: exists });
    const a = annotations.find((x) => x.title === 'kubelet-pull-permission-missing');
    expect(a?.file).toBe('charts/web/templates/deployment.yaml');
    expect(a?.startLine).toBe(1);
    expect(a?.message).toContain('(rendered at rendered/web.yaml:58:18)');
  });

  it('keep the rendered file when the template is not in the repository', () => {
    const { annotations } = buildAnnotations(loadReport('many-findings'), { fileExists: () => false });
    expect(annotations.find((x) => x.title === 'kubelet-pull-permission-missing')?.file).toBe('rendered/web.yaml');
  });

  it('fall back to the image line for a finding without a location', () => {
    const report: Report = {
      ...loadReport('healthy'),
      findings: [
        {
          rule: 'image-unverifiable',
          severity: 'warning',
          message: 'could not check',
          image: 'prodacr.azurecr.io/orders-api:v1.4.2',
        },
      ],
    };
    const [a] = buildAnnotations(report).annotations;
    expect([a.file, a.startLine]).toEqual(['k8s/orders.yaml', 21]);
  });

  it('make room for the pointer notice when the notice cap is already full', () => {
    const notices: Finding[] = Array.from({ length: 12 }, (_, i) => ({
      rule: 'admin-user-in-use',
      severity: 'notice',
      message: `notice ${i}`,
      location: { file: 'k8s/a.yaml', line: i + 1, column: 1 },
    }));
    const { annotations, omitted } = buildAnnotations({ ...loadReport('healthy'), findings: notices });
    expect(count(annotations, 'notice')).toBe(10);
    expect(omitted).toBe(3);
    expect(annotations[9].message).toMatch(/^3 more findings/);
  });
});
