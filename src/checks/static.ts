// Static rules: what the manifests alone say about their images, with no registry or Azure asked, run by the gate over
// the Inventory: template-unrendered, image-reference-invalid, image-tag-mutable.

import type { Finding, Inventory } from '../types/index.js';
import { looksUnrendered, parseImageReference } from '../lib/image-reference.js';

/** Image strings in messages are cut: a hostile 1 MB value must not bloat every report format. */
function shown(image: string): string {
  return image.length > 200 ? `${image.slice(0, 200)}… (${image.length} characters)` : image;
}

export function staticFindings(inventory: Pick<Inventory, 'uses' | 'pullSecretRefs'>): Finding[] {
  const findings: Finding[] = [];
  for (const use of inventory.uses) {
    const where = `${use.workload.kind}/${use.workload.name} container "${use.container}"`;
    if (looksUnrendered(use.image)) {
      findings.push({
        rule: 'template-unrendered',
        severity: 'error',
        message: `${where}: image "${shown(use.image)}" still holds a template expression; the manifests were not rendered`,
        location: use.location,
        remediation:
          'Render the chart or overlay first (helm template ... / kustomize build ... / envsubst) and gate the output',
      });
    } else if (!use.ref) {
      const parsed = parseImageReference(use.image);
      const why = parsed.ok ? 'not a string' : parsed.error;
      findings.push({
        rule: 'image-reference-invalid',
        severity: 'error',
        message: `${where}: image "${shown(use.image)}" is not a valid reference: ${why}`,
        image: shown(use.image),
        location: use.location,
        remediation:
          'Write the image as [registry/]repository[:tag][@sha256:digest], lowercase repository, e.g. myacr.azurecr.io/orders-api:v1.4.1',
      });
    } else if (!use.ref.digest && (!use.ref.tag || use.ref.tag === 'latest')) {
      const implicit = !/:[^/]+$/.test(use.image.split('@')[0]);
      findings.push({
        rule: 'image-tag-mutable',
        severity: 'warning',
        message: `${where}: image "${use.image}" ${implicit ? 'has no tag (implicit :latest)' : 'uses :latest'}; what a node pulls can change under you and cached nodes may run another build`,
        image: use.ref.normalized,
        registry: use.ref.registry,
        location: use.location,
        remediation: `Pin a version tag or a digest, e.g. ${use.ref.registry}/${use.ref.repository}@sha256:<digest>`,
      });
    }
  }
  const reportedSecrets = new Set<string>();
  for (const secret of inventory.pullSecretRefs ?? []) {
    const key = `${secret.location.file}:${secret.location.line}:${secret.location.column}`;
    if (!looksUnrendered(secret.name) || reportedSecrets.has(key)) continue;
    reportedSecrets.add(key);
    findings.push({
      rule: 'template-unrendered',
      severity: 'error',
      message: `${secret.workload.kind}/${secret.workload.name}: imagePullSecrets name "${shown(secret.name)}" still holds a template expression`,
      location: secret.location,
      remediation:
        'Render the chart or overlay first (helm template ... / kustomize build ... / envsubst) and gate the output',
    });
  }
  return findings;
}
