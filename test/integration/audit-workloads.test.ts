// The audit of running workloads (issue 17 §1): what the cluster runs, read through the kubeconfig and checked like
// manifests, with findings that name the workloads. Worlds: the seed incident the day before the rollout, and
// variations of it (tag deleted, arm64 pool, pull secret expired, firewall), plus a healthy 200-workload cluster.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runGate } from '../../src/gate.js';
import type { Finding } from '../../src/types/index.js';
import { testConfig } from '../helpers/config.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-workloads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deps = {
  logger: { debug: () => undefined, info: () => undefined, warning: () => undefined },
  maskSecret: () => undefined,
  env: {},
};

type Obj = Record<string, unknown>;
const NEW_REG =
  '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-registry-v2/providers/Microsoft.ContainerRegistry/registries/prodacr';

function attachAcr(w: Obj): void {
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
}

function node(name: string, arch = 'amd64', pool = 'system'): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.azure.com/agentpool': pool, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': arch },
    },
  };
}

/** A Deployment, its ReplicaSet and `pods` Running pods on `nodes` (round robin). */
function deployment(
  ns: string,
  name: string,
  image: string,
  pods: number,
  nodes: string[],
  pullSecrets: string[] = [],
): Obj[] {
  const hash = '5f6d7c8b9';
  const podSpec = {
    containers: [{ name: 'api', image }],
    ...(pullSecrets.length ? { imagePullSecrets: pullSecrets.map((n) => ({ name: n })) } : {}),
  };
  const out: Obj[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns },
      spec: { replicas: pods, template: { metadata: { labels: { app: name } }, spec: podSpec } },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-${hash}`,
        namespace: ns,
        ownerReferences: [{ kind: 'Deployment', name, controller: true }],
      },
      spec: {
        replicas: pods,
        template: { metadata: { labels: { app: name, 'pod-template-hash': hash } }, spec: podSpec },
      },
    },
  ];
  for (let i = 0; i < pods; i++) {
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${name}-${hash}-p${i}`,
        namespace: ns,
        labels: { app: name, 'pod-template-hash': hash },
        ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-${hash}`, controller: true }],
      },
      spec: { ...podSpec, nodeName: nodes[i % nodes.length] },
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'api', image, ready: true, restartCount: 0, state: { running: {} } }],
      },
    });
  }
  return out;
}

function world(base: string, mutate: (w: Obj) => void): string {
  const w = parseYaml(readFileSync(base, 'utf8')) as Obj;
  mutate(w);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(w));
  return file;
}

async function audit(file: string, extra: Partial<Parameters<typeof testConfig>[0]> = {}) {
  return runGate(testConfig({ mode: 'audit', simulate: file, ...extra }), deps);
}

const errors = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'error');

describe('audit of running workloads', () => {
  it('the seed incident the day before: kubelet-pull-permission-missing for the running Deployment prod/orders-api', async () => {
    const { report, exitCode } = await audit('examples/incident/world-day-before.yaml');
    expect(exitCode).toBe(1);
    const f = report.findings.find((x) => x.rule === 'kubelet-pull-permission-missing');
    expect(f?.message).toContain('Deployment prod/orders-api (container api)');
    expect(f?.evidence?.workloads).toEqual(['Deployment prod/orders-api (container api)']);
    expect(f?.remediation).toContain(`--attach-acr ${NEW_REG}`);
  });

  it('is off with workloads: false', async () => {
    const { report } = await audit('examples/incident/world-day-before.yaml', { workloads: false });
    expect(report.findings.find((x) => x.rule === 'kubelet-pull-permission-missing')).toBeUndefined();
  });

  it('a running image whose tag was deleted: image-not-found, running on N pods from the node cache', async () => {
    const file = world('examples/incident/world-day-before.yaml', (w) => {
      attachAcr(w);
      const nodes = ['n0', 'n1'];
      w.kubernetes = [
        node('n0'),
        node('n1'),
        ...deployment('shop', 'cart', 'prodacr.azurecr.io/orders-api:v1.3.9', 2, nodes),
        ...deployment('shop', 'web', 'prodacr.azurecr.io/orders-api:v1.3.9', 1, nodes),
      ];
    });
    const { report, exitCode } = await audit(file);
    expect(exitCode).toBe(1);
    const nf = report.findings.filter((x) => x.rule === 'image-not-found');
    expect(nf).toHaveLength(1);
    expect(nf[0].message).toContain('Deployment shop/cart (container api), Deployment shop/web (container api)');
    expect(nf[0].message).toContain('Running on 3 pod(s) from the node cache; the next node that pulls it fails.');
  });

  it('arm64 pool running a tag that is amd64-only: image-platform-missing for that workload only', async () => {
    const file = world('examples/incident/world-day-before.yaml', (w) => {
      attachAcr(w);
      const repo = (
        (w.registries as Obj)['prodacr.azurecr.io'] as { repositories: Record<string, { tags: Obj; manifests: Obj }> }
      ).repositories['orders-api'];
      repo.tags['v1.5.0'] = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
      repo.manifests['sha256:1111111111111111111111111111111111111111111111111111111111111111'] = {
        platforms: ['linux/amd64'],
      };
      w.kubernetes = [
        node('amd0'),
        node('arm0', 'arm64', 'armpool'),
        ...deployment('prod', 'on-amd', 'prodacr.azurecr.io/orders-api:v1.5.0', 1, ['amd0']),
        ...deployment('prod', 'on-arm', 'prodacr.azurecr.io/orders-api:v1.5.0', 1, ['arm0']),
      ];
    });
    const { report } = await audit(file);
    const pm = report.findings.filter((x) => x.rule === 'image-platform-missing');
    expect(pm).toHaveLength(1);
    expect(pm[0].message).toContain('Deployment prod/on-arm');
    expect(pm[0].message).not.toContain('Deployment prod/on-amd');
  });

  it('a pull secret expired behind a running pod: acr-token-expired naming the workload', async () => {
    const file = world('test/rules/acr-token-expired/acr-token-expired/world.yaml', (w) => {
      w.kubernetes = [
        ...(w.kubernetes as Obj[]),
        node('n0'),
        ...deployment('prod', 'orders', 'prodacr.azurecr.io/orders-api:v1', 2, ['n0'], ['acr-pull']),
      ];
    });
    const { report, exitCode } = await audit(file);
    expect(exitCode).toBe(1);
    const f = report.findings.find((x) => x.rule === 'acr-token-expired' && /Deployment prod\/orders/.test(x.message));
    expect(f).toBeDefined();
  });

  it('the registry firewall now excludes the cluster: registry-firewall-blocks-cluster for the running workload', async () => {
    const file = world('test/rules/registry-firewall-blocks-cluster/firewall-blocks-egress/world.yaml', (w) => {
      w.kubernetes = [
        ...((w.kubernetes ?? []) as Obj[]),
        node('n0'),
        ...deployment('prod', 'orders', 'prodacr.azurecr.io/orders-api:v1.4.1', 1, ['n0']),
      ];
    });
    const { report } = await audit(file);
    const f = report.findings.find((x) => x.rule === 'registry-firewall-blocks-cluster');
    expect(f?.message).toContain('Deployment prod/orders');
  });

  it('--audit-namespace limits the workloads read', async () => {
    const file = world('examples/incident/world-day-before.yaml', (w) => {
      attachAcr(w);
      w.kubernetes = [
        node('n0'),
        ...deployment('a', 'x', 'prodacr.azurecr.io/orders-api:v0-missing', 1, ['n0']),
        ...deployment('b', 'y', 'prodacr.azurecr.io/orders-api:v1.4.1', 1, ['n0']),
      ];
    });
    expect((await audit(file)).report.findings.some((f) => f.rule === 'image-not-found')).toBe(true);
    const limited = await audit(file, { auditNamespaces: ['b'] });
    expect(limited.report.findings.some((f) => f.rule === 'image-not-found')).toBe(false);
  });

  it('a healthy cluster of 200 workloads in 40 namespaces: 0 errors', async () => {
    const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Pod'];
    const file = world('examples/incident/world-day-before.yaml', (w) => {
      attachAcr(w);
      const nodes = ['n0', 'n1', 'n2', 'n3'];
      const objs: Obj[] = nodes.map((n, i) => node(n, i % 2 ? 'arm64' : 'amd64'));
      for (let n = 0; n < 40; n++) {
        const ns = `team-${n}`;
        for (let k = 0; k < 5; k++) {
          const kind = kinds[k];
          const name = `svc-${k}`;
          const image = `prodacr.azurecr.io/orders-api:v1.4.1`;
          if (kind === 'Deployment') objs.push(...deployment(ns, name, image, 2, nodes));
          else if (kind === 'Pod')
            objs.push({
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { name, namespace: ns },
              spec: { nodeName: 'n0', containers: [{ name: 'api', image }] },
              status: { phase: 'Running' },
            });
          else if (kind === 'CronJob')
            objs.push({
              apiVersion: 'batch/v1',
              kind: 'CronJob',
              metadata: { name, namespace: ns },
              spec: {
                schedule: '0 * * * *',
                jobTemplate: {
                  spec: { template: { spec: { containers: [{ name: 'api', image }], restartPolicy: 'OnFailure' } } },
                },
              },
            });
          else {
            objs.push({
              apiVersion: 'apps/v1',
              kind,
              metadata: { name, namespace: ns },
              spec: { template: { spec: { containers: [{ name: 'api', image }] } } },
            });
            objs.push({
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { name: `${name}-0`, namespace: ns, ownerReferences: [{ kind, name, controller: true }] },
              spec: { nodeName: 'n1', containers: [{ name: 'api', image }] },
              status: { phase: 'Running' },
            });
          }
        }
      }
      w.kubernetes = objs;
    });
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const { report, requests } = await audit(file);
    const ms = performance.now() - t0;
    expect(errors(report.findings)).toEqual([]);
    // Figures for the note (printed, not asserted: no timed assertions).
    console.log(
      `audit of 200 workloads / 40 namespaces: ${Math.round(ms)} ms, requests ${JSON.stringify(requests)}, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB (before ${Math.round(rssBefore / 1e6)} MB)`,
    );
    expect(requests['kubernetes-workload-reads']).toBeGreaterThan(0);
  });
});
