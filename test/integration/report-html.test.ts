// The job summary and the PR comment as people read them: rendered from markdown to HTML (test/helpers/render-html.ts)
// on four runs — the example incident, a clean run, a 5,000-finding report and an audit run — and snapshot-tested, so
// a change to what the page shows is a reviewed diff. Each rendering must also be well-formed: every table a <table>,
// no markdown left as text, the folded parts in <details>, no secret.
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate.js';
import { renderSummary } from '../../src/report/markdown.js';
import { renderPrComment } from '../../src/report/pr-comment.js';
import type { Report } from '../../src/types/index.js';
import { CANARIES, snapshotPath } from '../fixtures/reports/load.js';
import { hugeReport } from '../fixtures/reports/huge.js';
import { testConfig } from '../helpers/config.js';
import { markdownLeftovers, markdownToHtml } from '../helpers/render-html.js';

const CLUSTER =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
const deps = {
  logger: { debug: () => undefined, info: () => undefined, warning: () => undefined },
  maskSecret: () => undefined,
  env: {},
};

async function gateReport(mode: 'check' | 'audit', manifests: string[]): Promise<Report> {
  const { report } = await runGate(
    testConfig({ mode, manifests, simulate: 'examples/world.yaml', cluster: CLUSTER }),
    deps,
  );
  return report;
}

const RUNS: [string, () => Promise<Report>][] = [
  ['incident', () => gateReport('check', ['examples/manifests'])],
  ['clean', () => gateReport('check', ['examples/manifests-fixed'])],
  ['5000-findings', () => Promise.resolve(hugeReport())],
  ['audit', () => gateReport('audit', [])],
];

describe.each(RUNS)('the %s run, rendered to HTML', (name, make) => {
  let report: Report;
  const get = async (): Promise<Report> => (report ??= await make());

  for (const [kind, render] of [
    ['summary', (r: Report) => renderSummary(r, { reportPath: 'aks-pull-gate-report.json' })],
    ['pr-comment', (r: Report) => renderPrComment(r, { clusterKey: CLUSTER.toLowerCase() })],
  ] as const) {
    it(`${kind}: well-formed HTML that matches its snapshot`, async () => {
      const r = await get();
      const markdown = render(r);
      const html = markdownToHtml(markdown);
      expect(markdownLeftovers(html)).toEqual([]);
      // Every markdown table became an HTML table (a broken row would end it early or leave pipes as text).
      const tableRows = markdown.split('\n').filter((l) => /^\|.*\|$/.test(l.trim())).length;
      if (tableRows > 0) expect(html).toContain('<table>');
      // <details> blocks open and close in pairs (a truncation must not cut one in half).
      expect((html.match(/<details[\s>]/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
      for (const c of CANARIES) expect(html).not.toContain(c);
      // The 5,000-finding page is ~1 MB: its snapshot keeps the head and the tail (where truncation notes go) and the size.
      const snap =
        html.length > 100_000
          ? `${html.slice(0, 20_000)}\n<!-- ${html.length - 25_000} characters left out of the snapshot -->\n${html.slice(-5_000)}`
          : html;
      await expect(snap).toMatchFileSnapshot(snapshotPath(`${name}.${kind}.html`));
    });
  }
});

describe('what the rendered pages say', () => {
  it('the incident names the missing tag and says Not ready in the heading; the clean run says Ready', async () => {
    const incident = markdownToHtml(renderSummary(await gateReport('check', ['examples/manifests'])));
    expect(incident).toMatch(/<h2>.*Not ready/);
    expect(incident).toContain('v1.4.1');
    const clean = markdownToHtml(renderSummary(await gateReport('check', ['examples/manifests-fixed'])));
    expect(clean).toMatch(/<h2>.*Ready/);
    expect(clean).not.toMatch(/Not ready/);
  });
});
