// Static rules fire on what the manifests alone show, and stay quiet on clean manifests.
import { describe, expect, it } from 'vitest';
import { inventoryOf } from '../../helpers/temp-manifests.js';

const pod = (image: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${extra}  containers:\n    - name: app\n      image: ${image}\n`;
const rules = (inv: { findings: { rule: string }[] }) => inv.findings.map((f) => f.rule);

describe('static rules', () => {
  it('stays quiet on a pinned, valid image', async () => {
    const inv = await inventoryOf(pod('myacr.azurecr.io/orders-api:v1.4.1'));
    expect(inv.findings).toEqual([]);
  });

  it('reports template-unrendered on an image still holding {{ .Values.image }} or ${TAG}', async () => {
    for (const image of ['"{{ .Values.image.repository }}:{{ .Values.image.tag }}"', 'myacr.azurecr.io/api:${TAG}']) {
      const inv = await inventoryOf(pod(image));
      expect(rules(inv)).toEqual(['template-unrendered']);
      expect(inv.findings[0]).toMatchObject({ severity: 'error', location: { line: 7 } });
      expect(inv.findings[0].remediation).toMatch(/helm template/);
    }
  });

  it('reports template-unrendered on a pull secret name holding a template', async () => {
    const inv = await inventoryOf(pod('nginx:1.27', '  imagePullSecrets: [{name: "{{ .Values.pullSecret }}"}]\n'));
    expect(rules(inv)).toEqual(['template-unrendered']);
    expect(inv.findings[0].location?.line).toBe(5);
  });

  it('reports image-reference-invalid for uppercase repositories and bad digests, with the reason', async () => {
    const inv = await inventoryOf(pod('MyAcr.azurecr.io/Orders-API:v1'));
    expect(rules(inv)).toEqual(['image-reference-invalid']);
    expect(inv.findings[0].message).toMatch(/lowercase/);
    const bad = await inventoryOf(pod('nginx@sha256:abc'));
    expect(rules(bad)).toEqual(['image-reference-invalid']);
  });

  it('reports image-tag-mutable for no tag and for :latest, not for a digest', async () => {
    expect(rules(await inventoryOf(pod('nginx')))).toEqual(['image-tag-mutable']);
    const latest = await inventoryOf(pod('myacr.azurecr.io/api:latest'));
    expect(latest.findings[0]).toMatchObject({
      rule: 'image-tag-mutable',
      severity: 'warning',
      image: 'myacr.azurecr.io/api:latest',
    });
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(rules(await inventoryOf(pod(`nginx:latest@${digest}`)))).toEqual([]);
    expect(rules(await inventoryOf(pod(`nginx@${digest}`)))).toEqual([]);
  });
});
