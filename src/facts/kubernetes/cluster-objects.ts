// Live cluster reads for pull secrets: Secrets and ServiceAccounts (and, for the audit, Pods), read only, through
// @kubernetes/client-node from the kubeconfig `azure/aks-set-context` leaves behind. Every failure is data:
// 404 is "absent", 401/403 is "unverifiable" naming the RBAC verb to grant, anything else "unverifiable: why".
// Secret data stays base64 as the API returns it; decoding (and masking) is docker-config.ts's job.

import path from 'node:path';
import type { V1Secret, V1ServiceAccount } from '@kubernetes/client-node';

// @kubernetes/client-node is large (about half a second to load): it is loaded only when a kubeconfig will be read.
let k8s: typeof import('@kubernetes/client-node') | undefined;

/** Loads the Kubernetes client; call before clusterObjectReader (the collectors do when a kubeconfig is present). */
export async function loadKubernetesClient(): Promise<void> {
  k8s ??= await import('@kubernetes/client-node');
}
import type { ManifestSecret, ManifestServiceAccount } from '../../types/index.js';

export type ClusterRead<T> =
  { state: 'found'; value: T } | { state: 'absent' } | { state: 'unverifiable'; reason: string; permission?: string };

export interface ClusterPodRef {
  namespace: string;
  name: string;
  serviceAccount: string;
  imagePullSecrets: string[];
  /** `Kind/name` of the controlling owner (ReplicaSet, Job, ...), when there is one. */
  owner?: string;
}

export interface ClusterObjectReader {
  readSecret(namespace: string, name: string): Promise<ClusterRead<ManifestSecret>>;
  readServiceAccount(namespace: string, name: string): Promise<ClusterRead<ManifestServiceAccount>>;
  /** Every Secret of a pull-secret type, in all namespaces (the audit). */
  listPullSecrets(): Promise<ClusterRead<ManifestSecret[]>>;
  listServiceAccounts(): Promise<ClusterRead<ManifestServiceAccount[]>>;
  listPods(): Promise<ClusterRead<ClusterPodRef[]>>;
}

const PULL_SECRET_TYPES = ['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg'];

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/** One line about a failed call; client-node puts the whole response body in `message`, so never echo it. */
function failure<T>(err: unknown, verb: string, where: string): ClusterRead<T> {
  const status = statusOf(err);
  if (status === 404) return { state: 'absent' };
  if (status === 401) {
    return {
      state: 'unverifiable',
      reason: 'the Kubernetes API server rejected the kubeconfig credentials (401)',
      permission: verb,
    };
  }
  if (status === 403) {
    return {
      state: 'unverifiable',
      reason: `the Kubernetes API server denied ${verb} ${where} (403)`,
      permission: verb,
    };
  }
  const code =
    typeof err === 'object' && err !== null && 'code' in err && typeof (err as { code: unknown }).code === 'string'
      ? ` (${(err as { code: string }).code})`
      : '';
  const what = status !== undefined ? `answered ${status}` : `could not be reached${code}`;
  return { state: 'unverifiable', reason: `the Kubernetes API server ${what} for ${verb} ${where}` };
}

export function secretFromApi(s: V1Secret): ManifestSecret {
  const data: Record<string, string> = { ...(s.data ?? {}) };
  for (const [k, v] of Object.entries(s.stringData ?? {})) data[k] = Buffer.from(v, 'utf8').toString('base64');
  const out: ManifestSecret = {
    name: s.metadata?.name ?? '',
    namespace: s.metadata?.namespace ?? '',
    data,
    origin: 'cluster',
  };
  if (s.type) out.type = s.type;
  return out;
}

export function serviceAccountFromApi(sa: V1ServiceAccount): ManifestServiceAccount {
  return {
    name: sa.metadata?.name ?? '',
    namespace: sa.metadata?.namespace ?? '',
    imagePullSecrets: (sa.imagePullSecrets ?? []).map((r) => r.name ?? '').filter((n) => n !== ''),
    origin: 'cluster',
  };
}

/** The kubeconfig points at another cluster than the one under check: live reads are off, and this says why. */
export class KubeconfigElsewhereError extends Error {}

/** `https://Prod-AKS-dns-1a2b.hcp.westeurope.azmk8s.io:443/` -> `prod-aks-dns-1a2b.hcp.westeurope.azmk8s.io`. */
function serverHost(server: string | undefined): string {
  if (!server) return '';
  try {
    return new URL(server).hostname.toLowerCase();
  } catch {
    return server.toLowerCase();
  }
}

/**
 * Merges a KUBECONFIG list as kubectl does: the first file to define a cluster, user or context name wins (later
 * ones are ignored, not an error), and current-context comes from the first file that sets one.
 */
export function mergeKubeconfigs(paths: string[]): import('@kubernetes/client-node').KubeConfig {
  if (!k8s) throw new Error('the Kubernetes client is not loaded (call loadKubernetesClient first)');
  const merged = new k8s.KubeConfig();
  const clusters: typeof merged.clusters = [];
  const users: typeof merged.users = [];
  const contexts: typeof merged.contexts = [];
  let currentContext = '';
  for (const p of paths) {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(p);
    for (const c of kc.clusters) if (!clusters.some((x) => x.name === c.name)) clusters.push(c);
    for (const u of kc.users) if (!users.some((x) => x.name === u.name)) users.push(u);
    for (const c of kc.contexts) if (!contexts.some((x) => x.name === c.name)) contexts.push(c);
    if (!currentContext && kc.currentContext) currentContext = kc.currentContext;
  }
  merged.loadFromOptions({ clusters, users, contexts, currentContext });
  return merged;
}

/**
 * Ties the kubeconfig to the cluster under check: with the cluster's API server hosts known (fqdn, privateFQDN),
 * keeps current-context when it points there, else switches to a context that does, else refuses (the reads would
 * go to another cluster: aks-set-context for staging while the gate checks prod).
 */
export function selectClusterContext(kc: import('@kubernetes/client-node').KubeConfig, servers: string[]): string {
  const wanted = new Set(servers.map((s) => serverHost(s)).filter((h) => h));
  if (wanted.size === 0) return kc.currentContext;
  const hostOf = (ctxName: string): string => {
    const ctx = kc.contexts.find((c) => c.name === ctxName);
    return serverHost(kc.clusters.find((c) => c.name === ctx?.cluster)?.server);
  };
  if (wanted.has(hostOf(kc.currentContext))) return kc.currentContext;
  const match = kc.contexts.find((c) => wanted.has(hostOf(c.name)));
  if (match) {
    kc.setCurrentContext(match.name);
    return match.name;
  }
  const current = hostOf(kc.currentContext) || 'no server';
  throw new KubeconfigElsewhereError(
    `the kubeconfig points at ${current} (context ${kc.currentContext || 'none'}), not at the cluster under check (${[...wanted].join(', ')}): live cluster reads are off; run azure/aks-set-context for this cluster before the gate`,
  );
}

/**
 * A reader over a kubeconfig (a file, or a KUBECONFIG list joined with the path delimiter, merged as kubectl does),
 * tied to the cluster under check when its API server hosts are given. Throws when the kubeconfig is unusable, or
 * KubeconfigElsewhereError when it points at another cluster.
 */
export function clusterObjectReader(kubeconfigPath: string, servers: string[] = []): ClusterObjectReader {
  if (!k8s) throw new Error('the Kubernetes client is not loaded (call loadKubernetesClient first)');
  const kc = mergeKubeconfigs(kubeconfigPath.split(path.delimiter).filter((p) => p));
  selectClusterContext(kc, servers);
  const api = kc.makeApiClient(k8s.CoreV1Api);
  return {
    async readSecret(namespace, name) {
      try {
        return { state: 'found', value: secretFromApi(await api.readNamespacedSecret({ name, namespace })) };
      } catch (err) {
        return failure(err, 'get secrets', `in namespace ${namespace}`);
      }
    },
    async readServiceAccount(namespace, name) {
      try {
        return {
          state: 'found',
          value: serviceAccountFromApi(await api.readNamespacedServiceAccount({ name, namespace })),
        };
      } catch (err) {
        return failure(err, 'get serviceaccounts', `in namespace ${namespace}`);
      }
    },
    async listPullSecrets() {
      const out: ManifestSecret[] = [];
      for (const type of PULL_SECRET_TYPES) {
        try {
          let cont: string | undefined;
          do {
            const page = await api.listSecretForAllNamespaces({
              fieldSelector: `type=${type}`,
              limit: 500,
              _continue: cont,
            });
            // Filter here too: a server (or proxy) that ignores fieldSelector must not widen what is decoded.
            out.push(...page.items.filter((i) => i.type === type).map(secretFromApi));
            cont = page.metadata?._continue || undefined;
          } while (cont);
        } catch (err) {
          const f = failure<ManifestSecret[]>(err, 'list secrets', 'in all namespaces');
          return f.state === 'absent' ? { state: 'found', value: out } : f;
        }
      }
      return { state: 'found', value: out };
    },
    async listServiceAccounts() {
      try {
        const out: ManifestServiceAccount[] = [];
        let cont: string | undefined;
        do {
          const page = await api.listServiceAccountForAllNamespaces({ limit: 500, _continue: cont });
          out.push(...page.items.map(serviceAccountFromApi));
          cont = page.metadata?._continue || undefined;
        } while (cont);
        return { state: 'found', value: out };
      } catch (err) {
        return failure(err, 'list serviceaccounts', 'in all namespaces');
      }
    },
    async listPods() {
      try {
        const out: ClusterPodRef[] = [];
        let cont: string | undefined;
        do {
          const page = await api.listPodForAllNamespaces({ limit: 500, _continue: cont });
          for (const p of page.items) {
            const owner = p.metadata?.ownerReferences?.find((o) => o.controller) ?? p.metadata?.ownerReferences?.[0];
            const ref: ClusterPodRef = {
              namespace: p.metadata?.namespace ?? '',
              name: p.metadata?.name ?? '',
              serviceAccount: p.spec?.serviceAccountName ?? 'default',
              imagePullSecrets: (p.spec?.imagePullSecrets ?? []).map((r) => r.name ?? '').filter((n) => n !== ''),
            };
            if (owner) ref.owner = `${owner.kind}/${owner.name}`;
            out.push(ref);
          }
          cont = page.metadata?._continue || undefined;
        } while (cont);
        return { state: 'found', value: out };
      } catch (err) {
        return failure(err, 'list pods', 'in all namespaces');
      }
    },
  };
}
