// The audit's view of what the cluster runs: every pod template of Deployments, StatefulSets, DaemonSets, CronJobs,
// Jobs, ReplicaSets without an owner and bare Pods, each running pod counted once through its top owner, with the
// platforms of the nodes its pods run on. Read only (list). The result is written as manifests (one document per
// workload, the pod template as the cluster holds it), so the gate's inventory and checks run on it unchanged.

import type { LivePod, LiveRead, LiveWorkload, LiveWorkloadKind } from '../../types/facts/live-cluster.js';
import type { Platform } from '../../types/index.js';
import type { LiveClusterReader } from './live.js';

export interface RunningWorkload extends LiveWorkload {
  /** Pods of this workload that run now (phase Running). */
  runningPods: number;
  /** os/arch of the nodes its pods run on (empty when none runs). */
  nodePlatforms: string[];
}

export interface RunningWorkloads {
  workloads: RunningWorkload[];
  /** Every os/arch the cluster's nodes have (the platforms a new pod can land on). */
  platforms: Platform[];
  /** Reads that failed, one line each. */
  unreadable: string[];
  requests: number;
}

const KINDS: LiveWorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];

const key = (kind: string, ns: string, name: string): string => `${kind}/${ns}/${name}`;

/** The top owner of a pod: ReplicaSet -> its Deployment, Job -> its CronJob (when the cluster holds them). */
function topOf(kind: string, ns: string, name: string, owners: Map<string, { kind: string; name: string }>): string {
  let k = key(kind, ns, name);
  for (let i = 0; i < 4; i++) {
    const o = owners.get(k);
    if (!o) return k;
    k = key(o.kind, ns, o.name);
  }
  return k;
}

export async function readRunningWorkloads(kube: LiveClusterReader, namespaces: string[]): Promise<RunningWorkloads> {
  const unreadable: string[] = [];
  const scopes: (string | undefined)[] = namespaces.length ? namespaces : [undefined];
  const all: LiveWorkload[] = [];
  const pods: LivePod[] = [];
  const take = <T>(r: LiveRead<T[]>, into: T[]): void => {
    if (r.state === 'found') into.push(...r.value);
    else if (r.state === 'unverifiable') unreadable.push(r.reason);
  };
  for (const ns of scopes) {
    for (const kind of KINDS) take(await kube.listWorkloads(kind, ns), all);
    take(await kube.listPods(ns), pods);
  }
  const nodes = await kube.listNodes();
  const nodePlatform = new Map<string, string>();
  if (nodes.state === 'found') {
    for (const n of nodes.value) {
      const os = n.labels['kubernetes.io/os'];
      const arch = n.labels['kubernetes.io/arch'];
      if (os && arch) nodePlatform.set(n.name, `${os}/${arch}`);
    }
  } else if (nodes.state === 'unverifiable') unreadable.push(nodes.reason);

  const owners = new Map<string, { kind: string; name: string }>();
  for (const w of all) if (w.owner) owners.set(key(w.kind, w.namespace, w.name), w.owner);
  const byKey = new Map<string, RunningWorkload>();
  for (const w of all) {
    // Owned ReplicaSets and Jobs are their owner's template (a Deployment's old ReplicaSets included: their pods
    // count under the Deployment, their image is checked through the pods below).
    if (w.owner && (w.kind === 'ReplicaSet' || w.kind === 'Job')) continue;
    byKey.set(key(w.kind, w.namespace, w.name), { ...w, runningPods: 0, nodePlatforms: [] });
  }
  for (const p of pods) {
    const top = p.owner ? topOf(p.owner.kind, p.namespace, p.owner.name, owners) : key('Pod', p.namespace, p.name);
    let w = byKey.get(top);
    const running = p.phase === 'Running';
    if (!w) {
      // A bare pod, or a pod whose owner is outside what was read: the pod's own spec is the template.
      w = {
        kind: 'Pod',
        namespace: p.namespace,
        name: top === key('Pod', p.namespace, p.name) ? p.name : top.split('/').slice(2).join('/'),
        serviceAccount: p.serviceAccount,
        imagePullSecrets: p.imagePullSecrets,
        containers: p.containers,
        nodeSelector: {},
        runningPods: 0,
        nodePlatforms: [],
      };
      byKey.set(top, w);
    }
    if (running) w.runningPods += 1;
    // A pod that runs an image the template no longer names (an older ReplicaSet's pods): that image runs too.
    for (const c of p.containers) {
      if (!w.containers.some((x) => x.name === c.name && x.image === c.image)) w.containers.push(c);
    }
    const plat = p.nodeName ? nodePlatform.get(p.nodeName) : undefined;
    if (plat && !w.nodePlatforms.includes(plat)) w.nodePlatforms.push(plat);
  }
  const platforms = [...new Set(nodePlatform.values())].sort().map((s) => {
    const [os, architecture] = s.split('/');
    return { os, architecture };
  });
  return {
    workloads: [...byKey.values()].sort((a, b) =>
      key(a.kind, a.namespace, a.name).localeCompare(key(b.kind, b.namespace, b.name)),
    ),
    platforms,
    unreadable,
    requests: kube.requests(),
  };
}

/** `Deployment prod/orders-api`. */
export function workloadName(w: { kind: string; namespace: string; name: string }): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

/**
 * The workloads as one manifest stream (JSON documents, one line each; the inventory reads them as YAML). A workload
 * whose pods all run on one os/arch gets that as nodeSelector, so its images are checked for the platform it runs on.
 * Returns the text and, per line (1-based), the workload the document is.
 */
export function workloadManifests(list: RunningWorkload[]): { text: string; byLine: Map<number, RunningWorkload> } {
  const lines: string[] = [];
  const byLine = new Map<number, RunningWorkload>();
  for (const w of list) {
    const selector: Record<string, string> = { ...w.nodeSelector };
    if (w.nodePlatforms.length === 1) {
      const [os, arch] = w.nodePlatforms[0].split('/');
      selector['kubernetes.io/os'] = os;
      selector['kubernetes.io/arch'] = arch;
    }
    const spec = {
      serviceAccountName: w.serviceAccount,
      ...(w.imagePullSecrets.length ? { imagePullSecrets: w.imagePullSecrets.map((name) => ({ name })) } : {}),
      ...(Object.keys(selector).length ? { nodeSelector: selector } : {}),
      containers: w.containers.filter((c) => !c.init).map((c, i) => ({ name: c.name || `c${i}`, image: c.image })),
      ...(w.containers.some((c) => c.init)
        ? { initContainers: w.containers.filter((c) => c.init).map((c) => ({ name: c.name, image: c.image })) }
        : {}),
    };
    if (lines.length) lines.push('---');
    byLine.set(lines.length + 1, w);
    lines.push(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `${w.kind.toLowerCase()}.${w.name}`, namespace: w.namespace },
        spec,
      }),
    );
  }
  return { text: lines.join('\n') + '\n', byLine };
}
