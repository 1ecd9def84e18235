// Every real-world manifest in shared/material yields exactly the image references EXPECTED.json counts (pod specs of
// workload kinds plus pod templates inside other kinds such as Argo Rollouts), the same unique images, and each image's
// reported line is the line where its `image:` scalar stands.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../../src/inventory/inventory.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const material = path.resolve(here, '../../fixtures/material/manifests');

interface Expected {
  image_refs_total: number;
  unique_images_sorted: string[];
  crd_pod_templates_not_in_total: { image: string }[];
}
const expected = JSON.parse(readFileSync(path.join(material, 'EXPECTED.json'), 'utf8')) as {
  files: Record<string, Expected>;
};

async function inventoryOf(rel: string) {
  return buildInventory({
    manifests: [path.join(material, rel)],
    cwd: material,
    namespace: 'default',
    maxFileBytes: 20 * 1024 * 1024,
  });
}

describe('real-world manifests from shared/material', () => {
  for (const [rel, exp] of Object.entries(expected.files)) {
    it(`finds every image reference in ${rel}`, async () => {
      const inv = await inventoryOf(rel);
      const want = exp.image_refs_total + exp.crd_pod_templates_not_in_total.length;
      expect(inv.uses.length).toBe(want);
      const unique = [
        ...new Set([...exp.unique_images_sorted, ...exp.crd_pod_templates_not_in_total.map((c) => c.image)]),
      ].sort();
      expect([...new Set(inv.uses.map((u) => u.image))].sort()).toEqual(unique);
      expect(inv.findings.filter((f) => f.rule === 'manifest-invalid')).toEqual([]);
    });
  }

  it('reports the line and column where each image scalar stands', async () => {
    const files = Object.keys(expected.files);
    let checked = 0;
    for (const rel of files) {
      const lines = readFileSync(path.join(material, rel), 'utf8').split(/\r?\n/);
      const inv = await inventoryOf(rel);
      for (const use of inv.uses) {
        const line = lines[use.location.line - 1];
        expect(line, `${rel}:${use.location.line}`).toMatch(/^\s*(-\s+)?image:\s*/);
        const col = use.location.column - 1;
        const rest = line.slice(col).replace(/^["']/, '');
        expect(rest.startsWith(use.image), `${rel}:${use.location.line}:${use.location.column}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(70);
  });

  it('reads the whole kube-prometheus directory at once and finds its 12 references', async () => {
    const dir = path.join(material, 'kube-prometheus/manifests');
    expect(statSync(dir).isDirectory()).toBe(true);
    const inv = await buildInventory({
      manifests: [dir],
      cwd: material,
      namespace: 'default',
      maxFileBytes: 20 * 1024 * 1024,
    });
    expect(inv.files.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.yaml')).length);
    expect(inv.uses.length).toBe(12);
    expect(inv.files[0]).toMatch(/^kube-prometheus\/manifests\//);
  });
});
