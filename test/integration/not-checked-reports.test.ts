// Issue 14 point 9 across every report: for a check that could not run, the text report, the Markdown summary and the
// SARIF log say "not checked: <why>" (never a pass). SARIF has no per-image table, so each result of an unverified
// image says it in its message and `properties.notChecked`, and the run's properties list every unverified image
// (one may have no result of its own). The world is the example's with the runner outside the registry's firewall
// (gate.sourceIp), which ACR refuses with 403 DENIED "client with IP ... is not allowed access".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate.js';
import { renderReport } from '../../src/report/render.js';
import { renderSarif } from '../../src/report/sarif.js';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-not-checked-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const manifest = path.join(tmp, 'app.yaml');
writeFileSync(
  manifest,
  readFileSync('examples/manifests/orders-api.yaml', 'utf8').replace('orders-api:v1.4.2', 'orders-api:v1.4.1'),
);

async function gate(extra: string) {
  const world = path.join(tmp, `world-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(world, `${readFileSync('examples/world.yaml', 'utf8')}\n${extra}\n`);
  const { report } = await runGate(
    testConfig({
      manifests: [manifest],
      cwd: tmp,
      cluster: CLUSTER,
      subscription: SUB,
      simulate: world,
      timeoutMs: 30_000,
    }),
    { logger: { debug: () => {}, info: () => {}, warning: () => {} }, maskSecret: () => {}, env: {} },
  );
  return report;
}

type SarifProps = { notChecked?: string[] | { image: string; notChecked: string[] }[]; verified?: boolean };

describe('"not checked: <why>" in every report', () => {
  it('the registry refuses the runner: text, Markdown and SARIF say which checks were not run and why', async () => {
    const report = await gate('gate:\n  sourceIp: 203.0.113.10');
    expect(report.verified).toBe(false);
    const unverified = report.images.filter((i) => Object.values(i.checks ?? {}).some((c) => c.state === 'unverified'));
    expect(unverified.length).toBeGreaterThan(0);
    const why = unverified[0].checks!.exists.why!;
    expect(why).toMatch(/203\.0\.113\.10|firewall|not allowed/i);

    const text = renderReport(report, 'text', { color: false, version: 'test' });
    expect(text).toContain(`not checked: ${why}`);
    const md = renderReport(report, 'markdown', { color: false, version: 'test' });
    expect(md).toMatch(/not checked: /);

    const sarif = renderSarif(report, { toolVersion: 'test' });
    const run = sarif.runs[0];
    const props = run.properties as SarifProps;
    expect(props.verified).toBe(false);
    const listed = props.notChecked as { image: string; notChecked: string[] }[];
    expect(listed.map((l) => l.image).sort()).toEqual(unverified.map((i) => i.reference).sort());
    for (const l of listed) for (const line of l.notChecked) expect(line).toMatch(/^[a-z ,]+ not checked: \S/);
    const ofUnverified = run.results!.filter((r) =>
      unverified.some((i) => (r.properties as { image?: string } | undefined)?.image === i.reference),
    );
    expect(ofUnverified.length).toBeGreaterThan(0);
    for (const r of ofUnverified) {
      expect(r.message.text).toMatch(/Not verified for \S+: [a-z ,]+ not checked: \S/);
      expect((r.properties as SarifProps).notChecked?.length).toBeGreaterThan(0);
    }
  });

  it('healthy look-alike: a verified run has no "not checked" in SARIF', async () => {
    const report = await gate('');
    expect(report.verified).toBe(true);
    const sarif = renderSarif(report, { toolVersion: 'test' });
    expect(JSON.stringify(sarif)).not.toContain('not checked');
    expect(sarif.runs[0].properties ?? {}).not.toHaveProperty('notChecked');
  });
});
