import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/rules/catalogue.js';
import { fileUri, renderSarif } from '../../../src/report/sarif.js';
import type { Report, RuleId } from '../../../src/types/index.js';
import { hugeReport } from '../../fixtures/reports/huge.js';
import { loadReport, snapshotPath } from '../../fixtures/reports/load.js';

// The official OASIS SARIF 2.1.0 schema (oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0), vendored.
const schema = JSON.parse(readFileSync(new URL('../../fixtures/sarif-schema.json', import.meta.url), 'utf8')) as object;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is not a dependency: the three formats the schema uses, checked for real rather than ignored.
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
  ajv.addFormat(
    'uri-reference',
    (s: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(s) && !/%(?![0-9A-Fa-f]{2})/.test(s),
  );
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
  return ajv.compile(schema);
}

const validate = validator();

describe('SARIF 2.1.0', () => {
  it.each([
    ['healthy', loadReport('healthy')],
    ['many-findings', loadReport('many-findings')],
    ['huge (5,000 findings)', hugeReport()],
  ] as [string, Report][])('is valid against the official schema for the %s report', (_name, report) => {
    const log = renderSarif(report, {
      toolVersion: '0.1.0',
      category: 'aks-pull-gate/prod-aks/',
      informationUri: 'https://example.com/aks-pull-gate',
    });
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check fails on a broken log (the validator is not a no-op)', () => {
    const log = renderSarif(loadReport('many-findings'), { toolVersion: '0.1.0' }) as unknown as {
      runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('describes only the rules that have results, each with help text and helpUri, and points each result at its rule', () => {
    const log = renderSarif(loadReport('many-findings'), { toolVersion: '0.1.0' });
    const run = log.runs[0];
    const rules = run.tool.driver.rules ?? [];
    const used = [...new Set((run.results ?? []).map((r) => r.ruleId))].sort();
    expect(rules.map((r) => r.id).sort()).toEqual(used);
    expect(rules.length).toBeLessThan(RULES.length);
    for (const r of rules) expect(r.helpUri).toMatch(/^https:\/\//);
    for (const r of rules) expect(r.help?.text?.length).toBeGreaterThan(50);
    for (const res of run.results ?? []) expect(rules[res.ruleIndex ?? -1]?.id).toBe(res.ruleId);
  });

  it("points each rule's helpUri at its section of docs/rules.md, and keeps the Microsoft link in the help", () => {
    const log = renderSarif(loadReport('many-findings'), { toolVersion: '0.1.0' });
    const rules = log.runs[0].tool.driver.rules ?? [];
    const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    const sections = new Set([...doc.matchAll(/^## ([a-z0-9-]+)$/gm)].map((m) => m[1]));
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.helpUri).toBe(`https://github.com/aks-pull-gate/aks-pull-gate/blob/main/docs/rules.md#${r.id}`);
      expect(sections.has(r.id), `docs/rules.md has a section ## ${r.id}`).toBe(true);
      const ms = RULES.find((x) => x.id === r.id)?.helpUri;
      if (ms) expect(r.help?.markdown).toContain(`[Documentation](${ms})`);
    }
  });

  it('maps severities to levels (notice -> note) and carries the remediation in the message', () => {
    const run = renderSarif(loadReport('many-findings'), { toolVersion: '0.1.0' }).runs[0];
    const byRule = new Map((run.results ?? []).map((r) => [r.ruleId, r]));
    expect(byRule.get('image-not-found')?.level).toBe('error');
    expect(byRule.get('image-tag-mutable')?.level).toBe('warning');
    expect(byRule.get('admin-user-in-use')?.level).toBe('note');
    expect(byRule.get('image-not-found')?.message.text).toContain('Fix: az acr import --name prodacr');
  });

  it('uses relative locations with line and column, and falls back to the image line for registry-wide findings', () => {
    const run = renderSarif(loadReport('many-findings'), { toolVersion: '0.1.0' }).runs[0];
    const nf = run.results?.find((r) => r.ruleId === 'image-not-found');
    expect(nf?.locations?.[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'k8s/orders.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 21, startColumn: 18 },
    });
    for (const r of run.results ?? []) {
      const uri = r.locations?.[0].physicalLocation?.artifactLocation?.uri ?? '';
      expect(uri).not.toMatch(/^([a-z]+:|\/)/);
    }
  });

  it('percent-encodes paths that are not valid URI references as written', () => {
    expect(fileUri('deploy/my app/[prod].yaml')).toBe('deploy/my%20app/%5Bprod%5D.yaml');
    expect(fileUri('.\\k8s\\app.yaml')).toBe('k8s/app.yaml');
  });

  it('gives an unknown rule id a descriptor of its own rather than a wrong ruleIndex', () => {
    const report = loadReport('healthy');
    // A report written by a newer version can carry an id this build's RuleId union does not know.
    report.findings = [{ rule: 'future-rule' as RuleId, severity: 'warning', message: 'something new' }];
    const log = renderSarif(report, { toolVersion: '0.1.0' });
    const run = log.runs[0];
    const res = run.results?.[0];
    expect(run.tool.driver.rules?.[res?.ruleIndex ?? -1]?.id).toBe('future-rule');
    expect(validate(log)).toBe(true);
  });

  it('matches its snapshot (deterministic)', async () => {
    const text = `${JSON.stringify(renderSarif(loadReport('many-findings'), { toolVersion: '0.1.0' }), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot(snapshotPath('many-findings.sarif'));
  });
});
