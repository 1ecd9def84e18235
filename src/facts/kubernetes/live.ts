// Reads of the running cluster for `diagnose` and the workload audit: pods, their events, nodes, and the workloads
// that own pod templates (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs). Only get and list, plus
// the SelfSubjectAccessReview that says what the kubeconfig may not read. Bodies are reduced to the shapes in
// types/facts/live-cluster.ts here, so nothing downstream sees a client-node model.

import type {
  LiveContainer,
  LiveEvent,
  LiveNode,
  LivePod,
  LiveRead,
  LiveWorkload,
  LiveWorkloadKind,
} from '../../types/facts/live-cluster.js';

import { applyProxyEnv } from './cluster-objects.js';

let k8s: typeof import('@kubernetes/client-node') | undefined;

export async function loadLiveClient(): Promise<void> {
  k8s ??= await import('@kubernetes/client-node');
}

type Loose = Record<string, unknown>;

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

function failure<T>(err: unknown, verb: string, where: string): LiveRead<T> {
  const status = statusOf(err);
  if (status === 404) return { state: 'absent' };
  if (status === 401)
    return {
      state: 'unverifiable',
      reason: 'the Kubernetes API server rejected the kubeconfig credentials (401)',
      permission: verb,
    };
  if (status === 403)
    return {
      state: 'unverifiable',
      reason: `the Kubernetes API server denied ${verb} ${where} (403)`,
      permission: verb,
    };
  const what = status !== undefined ? `answered ${status}` : 'could not be reached';
  return { state: 'unverifiable', reason: `the Kubernetes API server ${what} for ${verb} ${where}` };
}

function str(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' ? v : undefined;
}

function containersOf(spec: Loose | undefined): LiveContainer[] {
  const out: LiveContainer[] = [];
  for (const key of ['initContainers', 'containers'] as const) {
    for (const c of (spec?.[key] ?? []) as Loose[]) {
      out.push({ name: String(c.name ?? ''), image: String(c.image ?? ''), init: key === 'initContainers' });
    }
  }
  return out;
}

function pullSecretsOf(spec: Loose | undefined): string[] {
  return ((spec?.imagePullSecrets ?? []) as Loose[]).map((r) => String(r.name ?? '')).filter((n) => n !== '');
}

function owners(m: Loose | undefined): { kind: string; name: string }[] {
  return ((m?.ownerReferences ?? []) as Loose[])
    .sort((a, b) => Number(b.controller === true) - Number(a.controller === true))
    .map((o) => ({ kind: String(o.kind ?? ''), name: String(o.name ?? '') }));
}

export function podFromApi(p: Loose): LivePod {
  const m = (p.metadata ?? {}) as Loose;
  const spec = (p.spec ?? {}) as Loose;
  const st = (p.status ?? {}) as Loose;
  const owner = owners(m)[0];
  const statuses = [...((st.initContainerStatuses ?? []) as Loose[]), ...((st.containerStatuses ?? []) as Loose[])];
  return {
    namespace: String(m.namespace ?? ''),
    name: String(m.name ?? ''),
    labels: (m.labels ?? {}) as Record<string, string>,
    ...(owner ? { owner } : {}),
    ...(str(spec.nodeName) ? { nodeName: String(spec.nodeName) } : {}),
    serviceAccount: String(spec.serviceAccountName ?? 'default'),
    imagePullSecrets: pullSecretsOf(spec),
    containers: containersOf(spec),
    phase: String(st.phase ?? 'Pending'),
    statuses: statuses.map((c) => {
      const state = (c.state ?? {}) as Loose;
      const waiting = state.waiting as Loose | undefined;
      const terminated = state.terminated as Loose | undefined;
      const last = ((c.lastState ?? {}) as Loose).terminated as Loose | undefined;
      return {
        name: String(c.name ?? ''),
        image: String(c.image ?? ''),
        ...(str(c.imageID) ? { imageID: String(c.imageID) } : {}),
        ready: c.ready === true,
        restartCount: typeof c.restartCount === 'number' ? c.restartCount : 0,
        state: waiting ? 'waiting' : terminated ? 'terminated' : state.running ? 'running' : 'unknown',
        ...(waiting?.reason || terminated?.reason ? { reason: String(waiting?.reason ?? terminated?.reason) } : {}),
        ...(waiting?.message ? { message: String(waiting.message) } : {}),
        ...(last?.reason ? { lastTerminationReason: String(last.reason) } : {}),
      };
    }),
  };
}

function workloadFromApi(kind: LiveWorkloadKind, o: Loose): LiveWorkload {
  const m = (o.metadata ?? {}) as Loose;
  const spec = (o.spec ?? {}) as Loose;
  // CronJob: spec.jobTemplate.spec.template; the others: spec.template.
  const tmpl =
    kind === 'CronJob' ? ((((spec.jobTemplate ?? {}) as Loose).spec ?? {}) as Loose).template : spec.template;
  const podSpec = (((tmpl ?? {}) as Loose).spec ?? {}) as Loose;
  const owner = owners(m)[0];
  return {
    kind,
    namespace: String(m.namespace ?? ''),
    name: String(m.name ?? ''),
    ...(owner ? { owner } : {}),
    serviceAccount: String(podSpec.serviceAccountName ?? 'default'),
    imagePullSecrets: pullSecretsOf(podSpec),
    containers: containersOf(podSpec),
    nodeSelector: (podSpec.nodeSelector ?? {}) as Record<string, string>,
    ...(typeof spec.replicas === 'number' ? { replicas: spec.replicas } : {}),
  };
}

export interface LiveClusterReader {
  readPod(namespace: string, name: string): Promise<LiveRead<LivePod>>;
  listPods(namespace?: string, labelSelector?: string): Promise<LiveRead<LivePod[]>>;
  listPodEvents(namespace: string, pod: string): Promise<LiveRead<LiveEvent[]>>;
  listNodes(): Promise<LiveRead<LiveNode[]>>;
  listWorkloads(kind: LiveWorkloadKind, namespace?: string): Promise<LiveRead<LiveWorkload[]>>;
  /** SelfSubjectAccessReview: may the kubeconfig's user `verb` the resource? undefined when the review failed. */
  canI(verb: string, group: string, resource: string, namespace?: string): Promise<boolean | undefined>;
  /** Requests made, for the figures. */
  requests(): number;
}

type Page = { items: unknown[]; metadata?: { _continue?: string } };

/** `proxyEnv`: the environment whose HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply (absent under --simulate). */
export function liveClusterReader(kubeconfigPath: string, proxyEnv?: NodeJS.ProcessEnv): LiveClusterReader {
  if (!k8s) throw new Error('the Kubernetes client is not loaded (call loadLiveClient first)');
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  if (proxyEnv) applyProxyEnv(kc, proxyEnv);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const batch = kc.makeApiClient(k8s.BatchV1Api);
  const authz = kc.makeApiClient(k8s.AuthorizationV1Api);
  let count = 0;

  async function pages(call: (cont?: string) => Promise<Page>): Promise<Loose[]> {
    const out: Loose[] = [];
    let cont: string | undefined;
    do {
      count += 1;
      const page = await call(cont);
      out.push(...(page.items as Loose[]));
      cont = page.metadata?._continue || undefined;
    } while (cont);
    return out;
  }

  const where = (ns?: string): string => (ns ? `in namespace ${ns}` : 'in all namespaces');

  const lists: Record<LiveWorkloadKind, (ns: string | undefined, cont?: string) => Promise<Page>> = {
    Deployment: (ns, c) =>
      ns
        ? apps.listNamespacedDeployment({ namespace: ns, limit: 500, _continue: c })
        : apps.listDeploymentForAllNamespaces({ limit: 500, _continue: c }),
    StatefulSet: (ns, c) =>
      ns
        ? apps.listNamespacedStatefulSet({ namespace: ns, limit: 500, _continue: c })
        : apps.listStatefulSetForAllNamespaces({ limit: 500, _continue: c }),
    DaemonSet: (ns, c) =>
      ns
        ? apps.listNamespacedDaemonSet({ namespace: ns, limit: 500, _continue: c })
        : apps.listDaemonSetForAllNamespaces({ limit: 500, _continue: c }),
    ReplicaSet: (ns, c) =>
      ns
        ? apps.listNamespacedReplicaSet({ namespace: ns, limit: 500, _continue: c })
        : apps.listReplicaSetForAllNamespaces({ limit: 500, _continue: c }),
    Job: (ns, c) =>
      ns
        ? batch.listNamespacedJob({ namespace: ns, limit: 500, _continue: c })
        : batch.listJobForAllNamespaces({ limit: 500, _continue: c }),
    CronJob: (ns, c) =>
      ns
        ? batch.listNamespacedCronJob({ namespace: ns, limit: 500, _continue: c })
        : batch.listCronJobForAllNamespaces({ limit: 500, _continue: c }),
  };

  return {
    async readPod(namespace, name) {
      try {
        count += 1;
        return {
          state: 'found',
          value: podFromApi((await core.readNamespacedPod({ name, namespace })) as unknown as Loose),
        };
      } catch (err) {
        return failure(err, 'get pods', where(namespace));
      }
    },
    async listPods(namespace, labelSelector) {
      try {
        const items = await pages((c) =>
          namespace
            ? core.listNamespacedPod({
                namespace,
                limit: 500,
                _continue: c,
                ...(labelSelector ? { labelSelector } : {}),
              })
            : core.listPodForAllNamespaces({ limit: 500, _continue: c, ...(labelSelector ? { labelSelector } : {}) }),
        );
        return { state: 'found', value: items.map(podFromApi) };
      } catch (err) {
        return failure(err, 'list pods', where(namespace));
      }
    },
    async listPodEvents(namespace, pod) {
      try {
        const items = await pages((c) =>
          core.listNamespacedEvent({
            namespace,
            fieldSelector: `involvedObject.name=${pod}`,
            limit: 500,
            _continue: c,
          }),
        );
        const events: LiveEvent[] = items
          .filter((e) => ((e.involvedObject ?? {}) as Loose).name === pod)
          .map((e) => ({
            type: String(e.type ?? ''),
            reason: String(e.reason ?? ''),
            message: String(e.message ?? ''),
            count: typeof e.count === 'number' ? e.count : 1,
            ...((str(e.lastTimestamp) ?? str(e.eventTime)) ? { last: str(e.lastTimestamp) ?? str(e.eventTime) } : {}),
          }));
        return { state: 'found', value: events };
      } catch (err) {
        return failure(err, 'list events', where(namespace));
      }
    },
    async listNodes() {
      try {
        const items = await pages((c) => core.listNode({ limit: 500, _continue: c }));
        return {
          state: 'found',
          value: items.map((n) => {
            const m = (n.metadata ?? {}) as Loose;
            return { name: String(m.name ?? ''), labels: (m.labels ?? {}) as Record<string, string> };
          }),
        };
      } catch (err) {
        return failure(err, 'list nodes', 'at the cluster scope');
      }
    },
    async listWorkloads(kind, namespace) {
      try {
        const items = await pages((c) => lists[kind](namespace, c));
        return { state: 'found', value: items.map((o) => workloadFromApi(kind, o)) };
      } catch (err) {
        return failure(err, `list ${kind.toLowerCase()}s`, where(namespace));
      }
    },
    async canI(verb, group, resource, namespace) {
      try {
        count += 1;
        const r = await authz.createSelfSubjectAccessReview({
          body: { spec: { resourceAttributes: { verb, group, resource, ...(namespace ? { namespace } : {}) } } },
        });
        return r.status?.allowed === true;
      } catch {
        return undefined;
      }
    },
    requests: () => count,
  };
}
