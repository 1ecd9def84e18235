// Identity bindings: a ServiceAccount's kubernetes.azure.com/acr-client-id annotation is read from the manifests, and an
// identity-binding path the gate cannot confirm turns the kubelet's missing role into a warning (unverified, never an
// error); a broken binding beside a broken kubelet stays an error listing both paths.

import { describe, expect, it } from 'vitest';
import { combinePullPaths } from '../../../src/checks/pull-paths.js';
import { scanText } from '../../../src/inventory/inventory.js';
import { parseImageReference } from '../../../src/lib/image-reference.js';
import type { Finding, ImageUse } from '../../../src/types/index.js';

const parsed = parseImageReference('prodacr.azurecr.io/orders-api:v1.4.1');
const IMAGE = parsed.ok ? parsed.ref.normalized : '';
const use: ImageUse = {
  image: IMAGE,
  ...(parsed.ok ? { ref: parsed.ref } : {}),
  location: { file: 'k8s/app.yaml', line: 10, column: 16 },
  workload: { kind: 'Deployment', name: 'orders', namespace: 'prod' },
  container: 'app',
  field: 'containers',
  namespace: 'prod',
  serviceAccount: 'orders',
  podPullSecrets: [],
  pullSecrets: [],
  constraints: {},
};
const kubeletMissing: Finding = {
  rule: 'kubelet-pull-permission-missing',
  severity: 'error',
  message: 'The kubelet identity cannot pull',
  image: IMAGE,
  location: use.location,
};
const paths = (state: 'unknown' | 'broken') => [
  { image: IMAGE, path: 'kubelet', state: 'broken' as const, reason: 'no pull role' },
  { image: IMAGE, path: 'identity-binding:prod/orders', state, reason: 'identity c0c0 may pull' },
];
const pathsOfUse = () => ['kubelet', 'identity-binding:prod/orders'];

describe('identity-binding pull paths', () => {
  it('an unverified binding makes the kubelet error a warning that says why', () => {
    const [f] = combinePullPaths([kubeletMissing], paths('unknown'), [use], pathsOfUse);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('identity-binding:prod/orders: identity c0c0 may pull');
  });

  it('a broken binding beside a broken kubelet stays an error listing both', () => {
    const [f] = combinePullPaths([kubeletMissing], paths('broken'), [use], pathsOfUse);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('identity-binding:prod/orders');
  });

  it('a binding of another pod does not help this one', () => {
    const [f] = combinePullPaths([kubeletMissing], paths('unknown'), [use], () => ['kubelet']);
    expect(f.severity).toBe('error');
  });
});

describe('the acr-client-id annotation in manifests', () => {
  it('is read from a ServiceAccount, trimmed, and absent when the annotation is not there', () => {
    const sink = { raw: [], secrets: [], serviceAccounts: [], findings: [] };
    scanText(
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: orders\n  namespace: prod\n  annotations:\n' +
        "    kubernetes.azure.com/acr-client-id: ' c0c0c0c0-0000-0000-0000-000000000002 '\n---\n" +
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: plain, namespace: prod}\n',
      'k8s/sa.yaml',
      'default',
      sink,
    );
    expect(sink.serviceAccounts.map((s: { name: string; acrClientId?: string }) => [s.name, s.acrClientId])).toEqual([
      ['orders', 'c0c0c0c0-0000-0000-0000-000000000002'],
      ['plain', undefined],
    ]);
  });
});
