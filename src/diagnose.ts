// `aks-pull-gate diagnose`: why is this pod in ImagePullBackOff? Reads the pod, its events, its node and its
// workload's other pods through the kubeconfig (get and list only, plus SelfSubjectAccessReview to say what it may not
// read), runs the gate's checks on the pod's images with the pod's real namespace, ServiceAccount, pull secrets and
// its node pool's platform, and composes one root cause (checks/diagnose.ts). Under --simulate the world's
// Kubernetes objects and Azure are the emulator's.

import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, type Config } from './settings/config.js';
import type { GateDeps, GateResult } from './gate.js';
import type { DiagnoseResult, PodDiagnosis } from './types/diagnose.js';
import type { LivePod } from './types/facts/live-cluster.js';
import { diagnosePod } from './checks/diagnose.js';
import { liveClusterReader, type LiveClusterReader } from './facts/kubernetes/live.js';
import type { Emulator } from './simulate/index.js';

export interface DiagnoseTarget {
  pod?: { namespace: string; name: string };
  namespace?: string;
  selector?: string;
}

const PULL_WAIT = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);

function isFailingToPull(p: LivePod): boolean {
  return p.statuses.some((s) => s.state === 'waiting' && !!s.reason && PULL_WAIT.has(s.reason));
}

/** The workload a pod belongs to, through its ReplicaSet's name (`<deployment>-<pod-template-hash>`). */
export function topOwner(p: LivePod): { kind: string; name: string } {
  const o = p.owner;
  if (!o) return { kind: 'Pod', name: p.name };
  const hash = p.labels['pod-template-hash'];
  if (o.kind === 'ReplicaSet' && hash && o.name.endsWith(`-${hash}`))
    return { kind: 'Deployment', name: o.name.slice(0, -hash.length - 1) };
  return o;
}

function podManifest(p: LivePod): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace },
    spec: {
      serviceAccountName: p.serviceAccount,
      ...(p.imagePullSecrets.length ? { imagePullSecrets: p.imagePullSecrets.map((name) => ({ name })) } : {}),
      containers: p.containers.filter((c) => !c.init).map((c) => ({ name: c.name, image: c.image })),
      ...(p.containers.some((c) => c.init)
        ? { initContainers: p.containers.filter((c) => c.init).map((c) => ({ name: c.name, image: c.image })) }
        : {}),
    },
  });
}

function kubeconfigFrom(env: NodeJS.ProcessEnv): string | undefined {
  const candidates = env.KUBECONFIG
    ? env.KUBECONFIG.split(path.delimiter)
    : [path.join(os.homedir(), '.kube', 'config')];
  return candidates.find((p) => p && existsSync(p));
}

export async function runDiagnose(config: Config, target: DiagnoseTarget, deps: GateDeps): Promise<DiagnoseResult> {
  let emulator: Emulator | undefined;
  let cluster = config.cluster;
  if (config.simulate) {
    const { loadWorld, startEmulator } = await import('./simulate/index.js');
    const world = await loadWorld(config.simulate);
    if (!cluster) {
      const clusters = world.azure.resources.filter(
        (r) => String(r.type).toLowerCase() === 'microsoft.containerservice/managedclusters',
      );
      if (clusters.length === 1) cluster = String(clusters[0].id);
    }
    emulator = await startEmulator(world);
  }
  try {
    const kubeconfig = emulator?.kubeconfigPath ?? kubeconfigFrom(deps.env ?? process.env);
    if (!kubeconfig) throw new ConfigurationError('diagnose needs a kubeconfig (KUBECONFIG or ~/.kube/config)');
    const env = deps.env ?? process.env;
    const kube = liveClusterReader(kubeconfig, emulator ? undefined : env, {
      interactive: env.CI !== 'true' && env.GITHUB_ACTIONS !== 'true' && !!process.stdin.isTTY,
      env,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    return await diagnoseWith(kube, { ...config, ...(cluster ? { cluster } : {}) }, target, deps);
  } finally {
    await emulator?.close();
  }
}

async function diagnoseWith(
  kube: LiveClusterReader,
  config: Config,
  target: DiagnoseTarget,
  deps: GateDeps,
): Promise<DiagnoseResult> {
  const cannotRead: string[] = [];
  const note = async (verb: string, resource: string, ns?: string, reason?: string): Promise<void> => {
    const allowed = await kube.canI(verb, '', resource, ns);
    cannotRead.push(
      `${verb} ${resource}${ns ? ` in ${ns}` : ''}: ${allowed === false ? 'not allowed for the kubeconfig user (SelfSubjectAccessReview)' : (reason ?? 'failed')}`,
    );
  };
  let pods: LivePod[] = [];
  if (target.pod) {
    const r = await kube.readPod(target.pod.namespace, target.pod.name);
    if (r.state === 'absent') throw new ConfigurationError(`pod ${target.pod.namespace}/${target.pod.name} not found`);
    if (r.state === 'unverifiable') {
      await note('get', 'pods', target.pod.namespace, r.reason);
      return { pods: [], cannotRead, exitCode: 1 };
    }
    pods = [r.value];
  } else if (target.namespace) {
    const r = await kube.listPods(target.namespace, target.selector);
    if (r.state === 'unverifiable') {
      await note('list', 'pods', target.namespace, r.reason);
      return { pods: [], cannotRead, exitCode: 1 };
    }
    pods = r.state === 'found' ? r.value.filter(isFailingToPull) : [];
  }
  const nodes = await kube.listNodes();
  if (nodes.state === 'unverifiable') await note('list', 'nodes', undefined, nodes.reason);
  const nodeLabels = new Map((nodes.state === 'found' ? nodes.value : []).map((n) => [n.name, n.labels]));
  const out: PodDiagnosis[] = [];
  const { runGate } = await import('./gate.js');
  for (const pod of pods) {
    const checked = [`pod ${pod.namespace}/${pod.name} (spec and container statuses)`];
    const failing = isFailingToPull(pod);
    const events = failing ? await kube.listPodEvents(pod.namespace, pod.name) : { state: 'found' as const, value: [] };
    if (events.state === 'unverifiable') await note('list', 'events', pod.namespace, events.reason);
    else if (failing) checked.push(`${events.state === 'found' ? events.value.length : 0} event(s) of the pod`);
    const labels = pod.nodeName ? nodeLabels.get(pod.nodeName) : undefined;
    if (labels) checked.push(`node ${pod.nodeName} (pool ${labels['kubernetes.azure.com/agentpool'] ?? '?'})`);
    const workload = topOwner(pod);
    let siblings: LivePod[] = [];
    let report;
    let facts: GateResult['facts'];
    if (failing) {
      const sib = await kube.listPods(pod.namespace);
      siblings =
        sib.state === 'found'
          ? sib.value.filter((s) => topOwner(s).name === workload.name && topOwner(s).kind === workload.kind)
          : [];
      const os_ = labels?.['kubernetes.io/os'];
      const arch = labels?.['kubernetes.io/arch'];
      const platforms = os_ && arch ? [{ os: os_, architecture: arch }] : config.platforms;
      const manifest = podManifest(pod);
      const gate = await runGate(
        {
          ...config,
          mode: 'check',
          manifests: ['-'],
          namespace: pod.namespace,
          platforms,
          platformsExplicit: !!(os_ && arch),
        },
        { ...deps, readStdin: () => Promise.resolve(Buffer.from(manifest)) },
      );
      report = gate.report;
      facts = gate.facts;
      checked.push(
        `the gate's checks of ${pod.containers.map((c) => c.image).join(', ')}${config.cluster ? ` on cluster ${config.cluster}` : ' (no cluster given: identity and network not checked)'}`,
      );
    }
    out.push(
      diagnosePod({
        pod,
        events: events.state === 'found' ? events.value : [],
        ...(labels ? { nodeLabels: labels } : {}),
        ...(report ? { report } : {}),
        ...(facts ? { facts } : {}),
        siblings,
        workload,
        checked,
      }),
    );
  }
  const failing = out.filter((d) => d.failing);
  const exitCode = failing.length > 0 && failing.every((d) => d.cause) ? 0 : 1;
  return { pods: out, cannotRead, exitCode };
}
