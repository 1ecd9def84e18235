// The audit's workload findings grouped by namespace in the job summary and the tracking issue (issue 17), and their
// workloads in JSON's `locations[]` (issue 19 point 1: "the live-cluster audit uses the same shape for workloads").
// World: the seed incident the day before, with the registry attached, running one missing tag in two namespaces.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runGate } from '../../src/gate.js';
import { renderJson } from '../../src/report/json.js';
import { renderSummary } from '../../src/report/markdown.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import type { Report } from '../../src/types/index.js';
import { testConfig } from '../helpers/config.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-by-ns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const deps = {
  logger: { debug: () => undefined, info: () => undefined, warning: () => undefined },
  maskSecret: () => undefined,
  env: {},
};
type Obj = Record<string, unknown>;
const NEW_REG =
  '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-registry-v2/providers/Microsoft.ContainerRegistry/registries/prodacr';

/** A Deployment and one Running pod of it (through its ReplicaSet) on node n0. */
function deployment(ns: string, name: string, image: string): Obj[] {
  const spec = { containers: [{ name: 'api', image }] };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns },
      spec: { replicas: 1, template: { spec } },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-abc`,
        namespace: ns,
        ownerReferences: [{ kind: 'Deployment', name, controller: true }],
      },
      spec: { replicas: 1, template: { spec } },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${name}-abc-0`,
        namespace: ns,
        ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-abc`, controller: true }],
      },
      spec: { ...spec, nodeName: 'n0' },
      status: { phase: 'Running' },
    },
  ];
}

let report: Report;
beforeAll(async () => {
  const w = parseYaml(readFileSync('examples/incident/world-day-before.yaml', 'utf8')) as Obj;
  (w.azure as { resources: Obj[] }).resources.push({
    id: `${NEW_REG}/providers/Microsoft.Authorization/roleAssignments/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    properties: {
      roleDefinitionId:
        '/subscriptions/22222222-2222-2222-2222-222222222222/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d',
      principalId: '2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b',
      principalType: 'ServicePrincipal',
      scope: NEW_REG,
    },
  });
  const gone = 'prodacr.azurecr.io/orders-api:v1.3.9'; // never pushed to the world's registry
  w.kubernetes = [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n0', labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } },
    },
    ...deployment('shop', 'cart', gone),
    ...deployment('shop', 'web', gone),
    ...deployment('billing', 'invoices', gone),
    ...deployment('billing', 'ledger', 'prodacr.azurecr.io/orders-api:v1.4.1'),
  ];
  const file = join(dir, 'world.json');
  writeFileSync(file, JSON.stringify(w));
  ({ report } = await runGate(testConfig({ mode: 'audit', simulate: file }), deps));
});

describe('audit findings by namespace', () => {
  it('JSON: the grouped finding lists the workloads as locations[] (kubernetes:<ns>/<Kind>/<name>)', () => {
    const json = JSON.parse(renderJson(report)) as {
      findings: { rule: string; location?: Obj; locations?: Obj[] }[];
    };
    const nf = json.findings.filter((f) => f.rule === 'image-not-found');
    expect(nf).toHaveLength(1);
    expect(nf[0].locations).toEqual([
      {
        file: 'kubernetes:billing/Deployment/invoices',
        line: 1,
        column: 1,
        container: 'api',
        namespace: 'billing',
        workload: 'Deployment billing/invoices',
      },
      expect.objectContaining({ file: 'kubernetes:shop/Deployment/cart', workload: 'Deployment shop/cart' }),
      expect.objectContaining({ file: 'kubernetes:shop/Deployment/web', namespace: 'shop' }),
    ]);
    expect(nf[0].location).toEqual(nf[0].locations![0]);
  });

  it('the job summary groups the workload findings by namespace', () => {
    const md = renderSummary(report);
    const section = md.slice(md.indexOf('### Workloads by namespace'));
    expect(section).toContain('| `billing` | 1 |  |  | 1 |');
    expect(section).toContain('| `shop` | 1 |  |  | 2 |');
    // The healthy ledger Deployment is in no namespace group, and billing is listed before shop.
    expect(section).not.toContain('ledger');
    const billing = section.indexOf('<summary>billing: 1 finding</summary>');
    const shop = section.indexOf('<summary>shop: 1 finding</summary>');
    expect(billing).toBeGreaterThan(0);
    expect(shop).toBeGreaterThan(billing);
    expect(section.slice(shop)).toMatch(
      /- ❌ `image-not-found` `prodacr\.azurecr\.io\/orders-api:v1\.3\.9`: Deployment shop\/cart \(container api\), Deployment shop\/web \(container api\)/,
    );
    // The finding itself does not print the synthetic kubernetes: location as a file.
    expect(md).not.toContain('at `kubernetes:');
  });

  it('the tracking issue (the same renderer, 60 kB budget) has the namespace grouping too', () => {
    const body = renderSummary(report, { title: 'aks-pull-gate audit', maxBytes: 60_000 });
    expect(body).toContain('### Workloads by namespace');
    expect(body).toContain('<summary>shop: 1 finding</summary>');
  });

  it('annotations never point at a workload as if it were a file', () => {
    const { annotations } = buildAnnotations(report);
    expect(annotations.some((a) => a.file?.startsWith('kubernetes:'))).toBe(false);
  });
});
