// Every world under test/scenarios/registry/ runs through the whole gate (runGate under `simulate`, with the cluster
// given): the registry data-plane cases of issue 15 (anonymous pull, artifact cache, quarantine, repository locks,
// a tag over a deleted digest). Each expected.json lists every finding by rule and severity (exactly: no more, no
// fewer), the image statuses, the exit code, and fragments the message or remediation must hold. The expectations
// follow real Azure evidence (FIDELITY.md, the recordings), not the emulator.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate.js';
import { testConfig } from '../helpers/config.js';

const ROOT = 'test/scenarios/registry';
const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';

interface ExpectedFinding {
  rule: string;
  severity: 'error' | 'warning' | 'notice';
  messageContains?: string[];
  remediationContains?: string[];
}

interface Expected {
  description: string;
  exitCode: 0 | 1;
  images: Record<string, string>;
  findings: ExpectedFinding[];
}

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('registry data-plane worlds (whole gate, loopback emulator)', () => {
  it('has the worlds of issue 15', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    const dir = path.join(ROOT, name);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.description}`, async () => {
      const logs: string[] = [];
      const r = await runGate(
        testConfig({
          manifests: ['manifests.yaml'],
          cwd: dir,
          cluster: CLUSTER,
          subscription: '11111111-1111-1111-1111-111111111111',
          simulate: path.join(dir, 'world.yaml'),
          timeoutMs: 30_000,
        }),
        {
          logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
          maskSecret: () => {},
          env: {},
        },
      );
      const got = r.report.findings.map((f) => `${f.rule}:${f.severity}`).sort();
      expect(got, JSON.stringify(r.report.findings, null, 1)).toEqual(
        expected.findings.map((f) => `${f.rule}:${f.severity}`).sort(),
      );
      for (const want of expected.findings) {
        const f = r.report.findings.find((x) => x.rule === want.rule && x.severity === want.severity);
        for (const m of want.messageContains ?? []) expect(f?.message, want.rule).toContain(m);
        for (const m of want.remediationContains ?? []) expect(f?.remediation, want.rule).toContain(m);
      }
      for (const f of r.report.findings) if (f.severity === 'error') expect(f.remediation, f.rule).toBeTruthy();
      expect(Object.fromEntries(r.report.images.map((i) => [i.reference, i.status]))).toEqual(expected.images);
      expect(r.exitCode).toBe(expected.exitCode);
    });
  }
});
