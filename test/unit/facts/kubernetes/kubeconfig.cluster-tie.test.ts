// The kubeconfig is tied to the cluster under check: its context must point at the cluster's fqdn/privateFQDN.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KubeconfigElsewhereError,
  mergeKubeconfigs,
  selectClusterContext,
} from '../../../../src/facts/kubernetes/kubeconfig.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROD = 'prod-aks-dns-1a2b3c4d.hcp.westeurope.azmk8s.io';
const STAGING = 'staging-aks-dns-9f8e7d6c.hcp.westeurope.azmk8s.io';

function kubeconfig(file: string, entries: { name: string; server: string }[], current: string): string {
  const p = path.join(dir, file);
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': current,
    clusters: entries.map((e) => ({ name: e.name, cluster: { server: e.server } })),
    users: entries.map((e) => ({ name: `clusterUser_${e.name}`, user: { token: 'not-a-real-token' } })),
    contexts: entries.map((e) => ({ name: e.name, context: { cluster: e.name, user: `clusterUser_${e.name}` } })),
  };
  writeFileSync(p, JSON.stringify(doc));
  return p;
}

describe('kubeconfig tied to the cluster under check', () => {
  it('refuses a current-context that points at staging while the gate checks prod, naming both', () => {
    const kc = mergeKubeconfigs([
      kubeconfig('staging.json', [{ name: 'staging-aks', server: `https://${STAGING}:443` }], 'staging-aks'),
    ]);
    expect(() => selectClusterContext(kc, [PROD])).toThrow(KubeconfigElsewhereError);
    expect(() => selectClusterContext(kc, [PROD])).toThrow(
      new RegExp(`points at ${STAGING}.*not at the cluster under check \\(${PROD}\\)`),
    );
  });

  it('switches to the context whose server is the cluster (case and port ignored)', () => {
    const kc = mergeKubeconfigs([
      kubeconfig(
        'both.json',
        [
          { name: 'staging-aks', server: `https://${STAGING}:443` },
          { name: 'prod-aks', server: `https://${PROD.toUpperCase()}:443/` },
        ],
        'staging-aks',
      ),
    ]);
    expect(selectClusterContext(kc, [PROD])).toBe('prod-aks');
    expect(kc.currentContext).toBe('prod-aks');
  });

  it('matches the privateFQDN of a private cluster', () => {
    const priv = 'prod-aks-5e6f.privatelink.westeurope.azmk8s.io';
    const kc = mergeKubeconfigs([
      kubeconfig('private.json', [{ name: 'prod-aks', server: `https://${priv}:443` }], 'prod-aks'),
    ]);
    expect(selectClusterContext(kc, [PROD, priv])).toBe('prod-aks');
  });

  it('merges KUBECONFIG=a:b as kubectl does: first definition of a name and first current-context win', () => {
    const a = kubeconfig('a.json', [{ name: 'prod-aks', server: `https://${PROD}:443` }], 'prod-aks');
    const b = kubeconfig(
      'b.json',
      [
        { name: 'prod-aks', server: `https://${STAGING}:443` },
        { name: 'dev', server: 'https://dev.example.invalid' },
      ],
      'dev',
    );
    const kc = mergeKubeconfigs([a, b]);
    expect(kc.currentContext).toBe('prod-aks');
    expect(kc.clusters.map((c) => [c.name, c.server])).toEqual([
      ['prod-aks', `https://${PROD}:443`],
      ['dev', 'https://dev.example.invalid'],
    ]);
    expect(selectClusterContext(kc, [PROD])).toBe('prod-aks');
  });

  it('without a known cluster server keeps current-context', () => {
    const kc = mergeKubeconfigs([
      kubeconfig('s.json', [{ name: 'staging-aks', server: `https://${STAGING}` }], 'staging-aks'),
    ]);
    expect(selectClusterContext(kc, [])).toBe('staging-aks');
  });
});
