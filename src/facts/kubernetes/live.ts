// Reads of the running cluster for `diagnose` and the workload audit: pods, their events, nodes, and the workloads
// that own pod templates (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs). Only get and list, plus
// the SelfSubjectAccessReview that says what the kubeconfig may not read. Bodies are reduced to the shapes in
// types/facts/live-cluster.ts here, from the API's JSON, so nothing downstream sees a raw API body. The kubeconfig
// (a file or a KUBECONFIG list), its proxy and its credentials (an exec plugin run once, under the run's deadline) are
// read as for the pull-secret reads (api.ts, kubeconfig.ts).

import type {
  LiveContainer,
  LiveEvent,
  LiveNode,
  LivePod,
  LiveRead,
  LiveWorkload,
  LiveWorkloadKind,
} from '../../types/facts/live-cluster.js';

import { failure, kubeApi, KubeApiError, type KubeApi } from './api.js';
import { KubeconfigProblem, loadKubeconfig } from './kubeconfig.js';

type Loose = Record<string, unknown>;

function str(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' ? v : undefined;
}

/** A timestamp as an ISO string with milliseconds (`2026-03-01T09:12:00.000Z`), as the Date it used to be parsed to. */
function time(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
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

export interface LiveReaderOptions {
  /** A person can answer a login prompt (default true: diagnose and the audit run where someone watches). */
  interactive?: boolean;
  /** The run's deadline: an exec credential plugin still running then is killed, and no request outlives it. */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Per request (default 30 s). */
  timeoutMs?: number;
}

const WORKLOAD_PATHS: Record<LiveWorkloadKind, string> = {
  Deployment: '/apis/apps/v1|deployments',
  StatefulSet: '/apis/apps/v1|statefulsets',
  DaemonSet: '/apis/apps/v1|daemonsets',
  ReplicaSet: '/apis/apps/v1|replicasets',
  Job: '/apis/batch/v1|jobs',
  CronJob: '/apis/batch/v1|cronjobs',
};

/**
 * A reader over a kubeconfig (a file, or a KUBECONFIG list merged as kubectl does), its current context. Throws when the
 * kubeconfig is unusable; a credential plugin that waits for a person (in a run nobody watches) or is not installed
 * makes every read unverifiable, saying so. `proxyEnv`: the environment whose HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * apply (absent under --simulate).
 */
export function liveClusterReader(
  kubeconfigPath: string,
  proxyEnv?: NodeJS.ProcessEnv,
  opts: LiveReaderOptions = {},
): LiveClusterReader {
  const kc = loadKubeconfig(kubeconfigPath);
  let api: KubeApi;
  try {
    api = kubeApi(kc, {
      interactive: opts.interactive ?? true,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.env ? { env: opts.env } : {}),
      ...(proxyEnv ? { proxyEnv } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    });
  } catch (err) {
    if (!(err instanceof KubeconfigProblem)) throw err;
    // A login that waits for a person, or a plugin not installed: every read says so, none is sent.
    const refused = (): Promise<never> => Promise.reject(new KubeApiError('refused', err.message));
    api = { get: refused, list: refused, post: refused, requests: () => 0 };
  }
  const seg = encodeURIComponent;
  const where = (ns?: string): string => (ns ? `in namespace ${ns}` : 'in all namespaces');
  const scoped = (group: string, resource: string, ns?: string): string =>
    ns ? `${group}/namespaces/${seg(ns)}/${resource}` : `${group}/${resource}`;

  return {
    async readPod(namespace, name) {
      try {
        const pod = (await api.get(`/api/v1/namespaces/${seg(namespace)}/pods/${seg(name)}`)) as Loose;
        return { state: 'found', value: podFromApi(pod ?? {}) };
      } catch (err) {
        return failure(err, 'get pods', where(namespace));
      }
    },
    async listPods(namespace, labelSelector) {
      try {
        const items = await api.list(scoped('/api/v1', 'pods', namespace), {
          labelSelector: labelSelector || undefined,
        });
        return { state: 'found', value: items.map(podFromApi) };
      } catch (err) {
        return failure(err, 'list pods', where(namespace));
      }
    },
    async listPodEvents(namespace, pod) {
      try {
        const items = await api.list(scoped('/api/v1', 'events', namespace), {
          fieldSelector: `involvedObject.name=${pod}`,
        });
        const events: LiveEvent[] = items
          .filter((e) => ((e.involvedObject ?? {}) as Loose).name === pod)
          .map((e) => ({
            type: String(e.type ?? ''),
            reason: String(e.reason ?? ''),
            message: String(e.message ?? ''),
            count: typeof e.count === 'number' ? e.count : 1,
            ...((time(e.lastTimestamp) ?? time(e.eventTime))
              ? { last: time(e.lastTimestamp) ?? time(e.eventTime) }
              : {}),
          }));
        return { state: 'found', value: events };
      } catch (err) {
        return failure(err, 'list events', where(namespace));
      }
    },
    async listNodes() {
      try {
        const items = await api.list('/api/v1/nodes');
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
        const [group, resource] = WORKLOAD_PATHS[kind].split('|');
        const items = await api.list(scoped(group, resource, namespace));
        return { state: 'found', value: items.map((o) => workloadFromApi(kind, o)) };
      } catch (err) {
        return failure(err, `list ${kind.toLowerCase()}s`, where(namespace));
      }
    },
    async canI(verb, group, resource, namespace) {
      try {
        const r = (await api.post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb, group, resource, ...(namespace ? { namespace } : {}) } },
        })) as { status?: { allowed?: unknown } } | null;
        return r?.status?.allowed === true;
      } catch {
        return undefined;
      }
    },
    requests: () => api.requests(),
  };
}
