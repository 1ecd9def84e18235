// Secrets stay secret end to end: the whole gate runs (check and audit mode) against credential scenario worlds whose
// secret values all contain CANARY, and every output the project produces (text, JSON, SARIF, markdown summary,
// annotations, PR comment, log lines) is searched for them. Also: each decoded secret went through the masker.

import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/settings/config.js';
import { runGate } from '../../src/gate.js';
import { renderReport } from '../../src/report/render.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { renderPrComment } from '../../src/report/pr-comment.js';
import type { Report } from '../../src/types/index.js';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;

function config(mode: 'check' | 'audit', scenario: string): Config {
  const dir = `test/rules/${scenario}`;
  return testConfig({
    mode,
    manifests: mode === 'check' ? [`${dir}/manifests.yaml`] : [],
    cluster: CLUSTER,
    subscription: SUB,
    simulate: `${dir}/world.yaml`,
  });
}

function everyOutput(report: Report): string {
  const parts = (['text', 'json', 'sarif', 'markdown'] as const).map((f) =>
    renderReport(report, f, { color: false, version: '0.0.0-test' }),
  );
  parts.push(JSON.stringify(buildAnnotations(report)));
  parts.push(renderPrComment(report, { clusterKey: 'prod-aks' }));
  return parts.join('\n');
}

async function run(mode: 'check' | 'audit', scenario: string) {
  const logs: string[] = [];
  const masked = new Set<string>();
  const { report } = await runGate(config(mode, scenario), {
    logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    maskSecret: (v) => masked.add(v),
    env: {},
  });
  return { report, output: everyOutput(report) + logs.join('\n'), masked };
}

describe('no CANARY secret in any output format', () => {
  it.each([
    ['sp-secret-expired/sp-secret-expired-one-of-two', 'Old-sp-secret-CANARY', 'sp-secret-expired'],
    ['admin-password-rotated/admin-password-rotated', 'admin-before-rotation-CANARY', 'admin-password-rotated'],
    ['acr-token-expired/acr-token-expired', 'token-password1-CANARY', 'acr-token-expired'],
    ['refresh-token-in-pull-secret/refresh-token-expired', undefined, 'refresh-token-in-pull-secret'],
  ])('check mode on %s', async (scenario, secret, rule) => {
    const { report, output, masked } = await run('check', scenario);
    expect(report.findings.map((f) => f.rule)).toContain(rule);
    expect(output).toContain(rule);
    expect(output).not.toMatch(/CANARY/);
    if (secret) expect(masked.has(secret)).toBe(true);
  });

  it('audit mode on the audit world', async () => {
    const { report, output, masked } = await run('audit', '_material/credentials-audit');
    expect(report.credentials?.length).toBeGreaterThan(3);
    expect(output).toContain('sp-secret-expired');
    expect(output).not.toMatch(/CANARY/);
    expect(masked.has('Old-sp-secret-CANARY')).toBe(true);
  });
});
