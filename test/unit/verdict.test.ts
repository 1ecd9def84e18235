// The per-image pull-path check for a registry the gate cannot see (registry-unknown): only a pull the pod itself
// could make (anonymously, or with its pull secret) proves the path; the gate's own Entra identity pulling the
// manifest says nothing about the kubelet (DESIGN: unverified is not ready).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/types/index.js';
import type { RegistryAuth } from '../../src/types/facts/images.js';
import { buildReport } from '../../src/verdict.js';
import { inventoryOf } from '../helpers/temp-manifests.js';

const IMAGE = 'hidden.azurecr.io/orders-api:v1';

async function pullPathWith(auth: RegistryAuth | undefined) {
  const inv = await inventoryOf(
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod}\nspec:\n  containers:\n    - {name: a, image: "${IMAGE}"}\n`,
  );
  const unknown: Finding = {
    rule: 'registry-unknown',
    severity: 'warning',
    message:
      'hidden.azurecr.io looks like an Azure Container Registry, but no registry the gate can see has that login server',
    image: IMAGE,
    registry: 'hidden.azurecr.io',
  };
  const { report } = buildReport({
    mode: 'check',
    cluster: '/subscriptions/1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c',
    uses: inv.uses,
    findings: [unknown],
    images: {
      checked: new Map([
        [IMAGE, { digest: `sha256:${'1'.repeat(64)}`, platforms: ['linux/amd64'], ...(auth ? { auth } : {}) }],
      ]),
    },
    failOn: 'error',
    scope: { cluster: true, identityRead: true, networkRead: true, offline: false },
  });
  return report.images.find((i) => i.reference === IMAGE)?.checks;
}

describe('pull path to a registry the gate cannot see', () => {
  it('is unverified when only the gate’s own identity pulled the manifest, and so is the network', async () => {
    const checks = await pullPathWith('gate-identity');
    expect(checks?.pullPath.state).toBe('unverified');
    expect(checks?.network.state).toBe('unverified');
  });

  it('is ok when the pod’s own way in (anonymous, or its pull secret) got the manifest', async () => {
    expect((await pullPathWith('anonymous'))?.pullPath.state).toBe('ok');
    expect((await pullPathWith('credential'))?.pullPath.state).toBe('ok');
  });
});
