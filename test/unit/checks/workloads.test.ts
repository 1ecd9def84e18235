// The audit's workload reading: each running pod counted once through its top owner, owned ReplicaSets and Jobs folded
// into their Deployment / CronJob, bare pods as their own workload, node platforms per workload; and the regrouping of
// findings to one per rule and image listing every workload.

import { describe, expect, it } from 'vitest';
import type { LiveClusterReader } from '../../../src/facts/kubernetes/live.js';
import { readRunningWorkloads, workloadManifests } from '../../../src/facts/kubernetes/workloads.js';
import { groupWorkloadFindings } from '../../../src/checks/workloads.js';
import type { LivePod, LiveWorkload, LiveWorkloadKind } from '../../../src/types/facts/live-cluster.js';
import type { ImageUse } from '../../../src/types/index.js';

const c = (image: string) => [{ name: 'api', image, init: false }];
const wl = (
  kind: LiveWorkloadKind,
  name: string,
  image: string,
  owner?: { kind: string; name: string },
): LiveWorkload => ({
  kind,
  namespace: 'prod',
  name,
  ...(owner ? { owner } : {}),
  serviceAccount: 'default',
  imagePullSecrets: [],
  containers: c(image),
  nodeSelector: {},
});
const pod = (name: string, image: string, node: string, owner?: { kind: string; name: string }): LivePod => ({
  namespace: 'prod',
  name,
  labels: {},
  ...(owner ? { owner } : {}),
  nodeName: node,
  serviceAccount: 'default',
  imagePullSecrets: [],
  containers: c(image),
  phase: 'Running',
  statuses: [],
});

function reader(workloads: LiveWorkload[], pods: LivePod[]): LiveClusterReader {
  return {
    readPod: () => Promise.resolve({ state: 'absent' }),
    listPods: () => Promise.resolve({ state: 'found', value: pods }),
    listPodEvents: () => Promise.resolve({ state: 'found', value: [] }),
    listNodes: () =>
      Promise.resolve({
        state: 'found',
        value: [
          { name: 'amd', labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } },
          { name: 'arm', labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'arm64' } },
        ],
      }),
    listWorkloads: (kind) => Promise.resolve({ state: 'found', value: workloads.filter((w) => w.kind === kind) }),
    canI: () => Promise.resolve(true),
    requests: () => 0,
  };
}

describe('readRunningWorkloads', () => {
  it('counts each pod once through its top owner and keeps older images its pods still run', async () => {
    const r = await readRunningWorkloads(
      reader(
        [
          wl('Deployment', 'api', 'r/a:v2'),
          wl('ReplicaSet', 'api-1', 'r/a:v1', { kind: 'Deployment', name: 'api' }),
          wl('ReplicaSet', 'api-2', 'r/a:v2', { kind: 'Deployment', name: 'api' }),
          wl('ReplicaSet', 'lonely', 'r/l:1'),
          wl('CronJob', 'nightly', 'r/n:1'),
          wl('Job', 'nightly-28870', 'r/n:1', { kind: 'CronJob', name: 'nightly' }),
        ],
        [
          pod('api-1-a', 'r/a:v1', 'amd', { kind: 'ReplicaSet', name: 'api-1' }),
          pod('api-2-a', 'r/a:v2', 'arm', { kind: 'ReplicaSet', name: 'api-2' }),
          pod('nightly-28870-x', 'r/n:1', 'amd', { kind: 'Job', name: 'nightly-28870' }),
          pod('bare', 'r/b:1', 'arm'),
        ],
      ),
      [],
    );
    const names = r.workloads.map((w) => `${w.kind}/${w.name}:${w.runningPods}`);
    expect(names).toEqual(['CronJob/nightly:1', 'Deployment/api:2', 'Pod/bare:1', 'ReplicaSet/lonely:0']);
    const api = r.workloads.find((w) => w.name === 'api')!;
    expect(api.containers.map((x) => x.image).sort()).toEqual(['r/a:v1', 'r/a:v2']);
    expect(api.nodePlatforms.sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(r.platforms).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
    const { text, byLine } = workloadManifests(r.workloads);
    expect(text.split('\n').filter((l) => l.startsWith('{'))).toHaveLength(4);
    expect(byLine.get(5)?.name).toBe('bare');
    expect(text).toContain('"kubernetes.io/arch":"arm64"');
  });
});

describe('groupWorkloadFindings', () => {
  it('one finding per rule and image, listing every workload; image-not-found counts the cached pods', () => {
    const use = (line: number, container: string): ImageUse =>
      ({
        image: 'r/a:v1',
        ref: { normalized: 'r/a:v1' },
        location: { file: '-', line, column: 1 },
        container,
      }) as unknown as ImageUse;
    const f = (line: number) => ({
      rule: 'image-not-found' as const,
      severity: 'error' as const,
      message: 'gone.',
      image: 'r/a:v1',
      location: { file: '-', line, column: 1 },
    });
    const out = groupWorkloadFindings(
      [f(1), f(3)],
      [use(1, 'api'), use(3, 'web')],
      new Map([
        [1, { workload: 'Deployment prod/a', namespace: 'prod', runningPods: 3 }],
        [3, { workload: 'StatefulSet data/b', namespace: 'data', runningPods: 1 }],
      ]),
    );
    expect(out).toHaveLength(1);
    // The workloads are its places (issue 19: the audit uses the grouped shape), never the synthesized stream's lines.
    expect(out[0].locations).toEqual([
      {
        file: 'kubernetes:prod/Deployment/a',
        line: 1,
        column: 1,
        workload: 'Deployment prod/a',
        namespace: 'prod',
        container: 'api',
      },
      {
        file: 'kubernetes:data/StatefulSet/b',
        line: 1,
        column: 1,
        workload: 'StatefulSet data/b',
        namespace: 'data',
        container: 'web',
      },
    ]);
    expect(out[0].location).toEqual(out[0].locations![0]);
    expect(out[0].message).toBe(
      'gone. Running in 2 workload(s): Deployment prod/a (container api), StatefulSet data/b (container web). Running on 4 pod(s) from the node cache; the next node that pulls it fails.',
    );
    expect(out[0].evidence?.namespaces).toEqual(['data', 'prod']);
  });
});
