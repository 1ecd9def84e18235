// The SARIF file held to code scanning's documented rules (test/helpers/code-scanning-sarif.ts) on the example incident,
// the fixture reports, a 5,000-finding run and an audit run; and the fingerprints stay put when text changes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialKey, renderSarif } from '../../src/report/sarif.js';
import type { Report } from '../../src/types/index.js';
import { hugeReport } from '../fixtures/reports/huge.js';
import { loadReport } from '../fixtures/reports/load.js';
import { codeScanningProblems } from '../helpers/code-scanning-sarif.js';
import { runCli } from '../helpers/run-bundle.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-sarif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';

function sarifOf(report: Report, fileExists?: (f: string) => boolean): { log: Log; bytes: number } {
  const text = JSON.stringify(
    renderSarif(report, { toolVersion: '0.1.0', ...(fileExists ? { fileExists } : {}) }),
    null,
    2,
  );
  return { log: JSON.parse(text) as Log, bytes: Buffer.byteLength(text) };
}

describe('SARIF against code scanning rules', () => {
  it('the example incident passes, every result located under %SRCROOT%', () => {
    const out = path.join(dir, 'incident.sarif');
    const r = runCli([
      'check',
      '--manifests',
      'examples/manifests',
      '--simulate',
      'examples/world.yaml',
      '--cluster',
      CLUSTER,
      '--sarif-file',
      out,
    ]);
    expect(r.status).toBe(1);
    const text = readFileSync(out, 'utf8');
    const log = JSON.parse(text) as Log;
    expect(log.runs[0].results?.length).toBeGreaterThan(0);
    expect(codeScanningProblems(log, Buffer.byteLength(text))).toEqual([]);
  });

  it.each([
    ['many-findings', () => loadReport('many-findings')],
    ['healthy', () => loadReport('healthy')],
    ['5,000 findings', () => hugeReport()],
  ] as const)('the %s report passes', (_n, make) => {
    const { log, bytes } = sarifOf(make());
    expect(codeScanningProblems(log, bytes)).toEqual([]);
  });

  it('an audit run leaves its findings out (they have no place in the repository) and says so', () => {
    const report: Report = { ...loadReport('many-findings'), mode: 'audit' };
    const { log, bytes } = sarifOf(report);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].properties?.auditFindingsLeftOut).toBe(report.findings.length);
    expect(codeScanningProblems(log, bytes)).toEqual([]);
  });

  it('the check catches a result without a location, an absolute uri and a rule without helpUri', () => {
    const { log, bytes } = sarifOf(loadReport('many-findings'));
    const run = log.runs[0];
    delete run.results![0].locations;
    run.results![1].locations![0].physicalLocation!.artifactLocation!.uri = '/home/runner/work/x/rendered/a.yaml';
    delete run.tool.driver.rules![0].helpUri;
    const problems = codeScanningProblems(log, bytes);
    expect(problems.some((p) => p.includes('no location'))).toBe(true);
    expect(problems.some((p) => p.includes('is absolute'))).toBe(true);
    expect(problems.some((p) => p.includes('has no helpUri'))).toBe(true);
    expect(codeScanningProblems(log, 11 * 1024 * 1024).some((p) => p.includes('over 10 MB'))).toBe(true);
  });

  it('fingerprints do not change when the message does ("in 10 days" tomorrow says "in 9 days")', () => {
    const a = loadReport('many-findings');
    const b = loadReport('many-findings');
    for (const f of b.findings) f.message = `${f.message} (changed: in 9 days, nearest v1.4.9)`;
    const fa = sarifOf(a).log.runs[0].results!.map((r) => r.partialFingerprints);
    const fb = sarifOf(b).log.runs[0].results!.map((r) => r.partialFingerprints);
    expect(fb).toEqual(fa);
  });

  it('credential findings are fingerprinted by the credential: two secrets on one line are two alerts, a new expiry text is not', () => {
    const at = { file: 'k8s/deploy.yaml', line: 12, column: 18 };
    const expired = (secret: string, days: number) => ({
      rule: 'acr-token-expired' as const,
      severity: 'error' as const,
      message: `Pull secret ${secret}: scoped token ci-pull expired ${days} days ago`,
      image: 'prodacr.azurecr.io/orders-api:v1',
      location: at,
      locations: [at],
      evidence: { secretName: secret, tokenName: 'ci-pull', daysLeft: -days },
    });
    const report = (fs: ReturnType<typeof expired>[]): Report => ({ ...loadReport('healthy'), findings: fs });
    const fp = (r: Report) => sarifOf(r).log.runs[0].results!.map((x) => x.partialFingerprints!['aksPullGate/v2']);
    const both = fp(report([expired('prod/acr-pull', 3), expired('prod/acr-pull-old', 3)]));
    const [a] = fp(report([expired('prod/acr-pull', 3)]));
    const [b] = fp(report([expired('prod/acr-pull-old', 3)]));
    expect(a).not.toBe(b); // before: both keyed on rule + image + place, one alert for two secrets
    expect([...both].sort()).toEqual([a, b].sort());
    expect(fp(report([expired('prod/acr-pull', 4)]))[0]).toBe(a); // tomorrow's text, the same alert
    // Keyed on the credential's names, never on a value: the key has the secret and token names and the registry.
    expect(credentialKey(expired('prod/acr-pull', 3))).toBe(
      'secret:prod/acr-pull token:ci-pull registry:prodacr.azurecr.io',
    );
    // Findings about no credential keep the key they had (no alert churn on upgrade).
    expect(credentialKey({ rule: 'image-not-found', severity: 'error', message: 'm', image: 'x/y:1' })).toBeUndefined();
  });

  it('points at the Helm template when the repository holds it, and never outside the workspace', () => {
    mkdirSync(path.join(dir, 'charts/orders/templates'), { recursive: true });
    writeFileSync(path.join(dir, 'charts/orders/templates/deployment.yaml'), 'kind: Deployment\n');
    const report = loadReport('healthy');
    report.findings = [
      {
        rule: 'image-not-found',
        severity: 'error',
        message: 'missing',
        image: 'prodacr.azurecr.io/orders:v9',
        location: {
          file: 'rendered/orders.yaml',
          line: 40,
          column: 18,
          helmSource: 'orders/templates/deployment.yaml',
        },
        locations: [
          { file: 'rendered/orders.yaml', line: 40, column: 18, helmSource: 'orders/templates/deployment.yaml' },
          { file: '../outside/x.yaml', line: 3, column: 1 },
          { file: '/tmp/abs.yaml', line: 3, column: 1 },
        ],
      },
    ];
    const { log, bytes } = sarifOf(report, (f) => {
      try {
        readFileSync(path.join(dir, f));
        return true;
      } catch {
        return false;
      }
    });
    const results = log.runs[0].results!;
    expect(results.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri)).toEqual([
      'charts/orders/templates/deployment.yaml',
    ]);
    expect(results[0].message.text).toContain('rendered at rendered/orders.yaml:40');
    expect(codeScanningProblems(log, bytes)).toEqual([]);
  });
});
