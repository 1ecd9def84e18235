// Live cluster reads for pull secrets: Secrets and ServiceAccounts (and, for the audit, Pods), read only, through the
// small API reader in api.ts from the kubeconfig `azure/aks-set-context` leaves behind. Every failure is data:
// 404 is "absent", 401/403 is "unverifiable" naming the RBAC verb to grant, anything else "unverifiable: why".
// Secret data stays base64 as the API returns it; decoding (and masking) is docker-config.ts's job.

import type { ManifestSecret, ManifestServiceAccount } from '../../types/index.js';
import { failure, kubeApi, type KubeApi } from './api.js';
import { loadKubeconfig, selectClusterContext } from './kubeconfig.js';

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

/** A Secret as the API sends it (JSON); only the fields read here. */
export interface ApiSecret {
  metadata?: { name?: string; namespace?: string };
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** A ServiceAccount as the API sends it (JSON); only the fields read here. */
export interface ApiServiceAccount {
  metadata?: { name?: string; namespace?: string };
  imagePullSecrets?: { name?: string }[];
}

/** A Pod as the API sends it (JSON); only the fields read here. */
interface ApiPod {
  metadata?: {
    name?: string;
    namespace?: string;
    ownerReferences?: { kind?: string; name?: string; controller?: boolean }[];
  };
  spec?: { serviceAccountName?: string; imagePullSecrets?: { name?: string }[] };
}

const strings = (o: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(typeof o === 'object' && o !== null ? o : {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );

const refNames = (refs: unknown): string[] =>
  (Array.isArray(refs) ? (refs as { name?: unknown }[]) : [])
    .map((r) => (typeof r?.name === 'string' ? r.name : ''))
    .filter((n) => n !== '');

export function secretFromApi(s: ApiSecret): ManifestSecret {
  const data: Record<string, string> = strings(s.data);
  for (const [k, v] of Object.entries(strings(s.stringData))) data[k] = Buffer.from(v, 'utf8').toString('base64');
  const out: ManifestSecret = {
    name: s.metadata?.name ?? '',
    namespace: s.metadata?.namespace ?? '',
    data,
    origin: 'cluster',
  };
  if (s.type) out.type = s.type;
  return out;
}

export function serviceAccountFromApi(sa: ApiServiceAccount): ManifestServiceAccount {
  return {
    name: sa.metadata?.name ?? '',
    namespace: sa.metadata?.namespace ?? '',
    imagePullSecrets: refNames(sa.imagePullSecrets),
    origin: 'cluster',
  };
}

function podRefFromApi(p: ApiPod): ClusterPodRef {
  const refs = Array.isArray(p.metadata?.ownerReferences) ? p.metadata.ownerReferences : [];
  const owner = refs.find((o) => o?.controller) ?? refs[0];
  const ref: ClusterPodRef = {
    namespace: p.metadata?.namespace ?? '',
    name: p.metadata?.name ?? '',
    serviceAccount: p.spec?.serviceAccountName ?? 'default',
    imagePullSecrets: refNames(p.spec?.imagePullSecrets),
  };
  if (owner) ref.owner = `${owner.kind}/${owner.name}`;
  return ref;
}

export interface ReaderOptions {
  /** A person can answer a login prompt (not CI, a TTY). */
  interactive: boolean;
  /** The run's deadline: an exec credential plugin still running then is killed, and no request outlives it. */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** The environment whose HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply to the API server (absent under --simulate). */
  proxyEnv?: NodeJS.ProcessEnv;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Largest body read per request (default 64 MB). */
  maxBodyBytes?: number;
}

/**
 * A reader over a kubeconfig (a file, or a KUBECONFIG list joined with the path delimiter, merged as kubectl does),
 * tied to the cluster under check when its API server hosts are given. Throws when the kubeconfig is unusable,
 * KubeconfigElsewhereError when it points at another cluster, or KubeconfigProblem when its credential plugin waits
 * for a person or is not installed.
 */
export function clusterObjectReader(
  kubeconfigPath: string,
  servers: string[] = [],
  opts: ReaderOptions = { interactive: true },
): ClusterObjectReader {
  const kc = loadKubeconfig(kubeconfigPath);
  selectClusterContext(kc, servers);
  const api: KubeApi = kubeApi(kc, opts);
  const seg = encodeURIComponent;
  return {
    async readSecret(namespace, name) {
      try {
        const s = (await api.get(`/api/v1/namespaces/${seg(namespace)}/secrets/${seg(name)}`)) as ApiSecret;
        return { state: 'found', value: secretFromApi(s) };
      } catch (err) {
        return failure(err, 'get secrets', `in namespace ${namespace}`);
      }
    },
    async readServiceAccount(namespace, name) {
      try {
        const sa = (await api.get(
          `/api/v1/namespaces/${seg(namespace)}/serviceaccounts/${seg(name)}`,
        )) as ApiServiceAccount;
        return { state: 'found', value: serviceAccountFromApi(sa) };
      } catch (err) {
        return failure(err, 'get serviceaccounts', `in namespace ${namespace}`);
      }
    },
    async listPullSecrets() {
      const out: ManifestSecret[] = [];
      for (const type of PULL_SECRET_TYPES) {
        try {
          const items = (await api.list('/api/v1/secrets', { fieldSelector: `type=${type}` })) as ApiSecret[];
          // Filter here too: a server (or proxy) that ignores fieldSelector must not widen what is decoded.
          out.push(...items.filter((i) => i.type === type).map(secretFromApi));
        } catch (err) {
          const f = failure(err, 'list secrets', 'in all namespaces');
          return f.state === 'absent' ? { state: 'found', value: out } : f;
        }
      }
      return { state: 'found', value: out };
    },
    async listServiceAccounts() {
      try {
        const items = (await api.list('/api/v1/serviceaccounts')) as ApiServiceAccount[];
        return { state: 'found', value: items.map(serviceAccountFromApi) };
      } catch (err) {
        return failure(err, 'list serviceaccounts', 'in all namespaces');
      }
    },
    async listPods() {
      try {
        const items = (await api.list('/api/v1/pods')) as ApiPod[];
        return { state: 'found', value: items.map(podRefFromApi) };
      } catch (err) {
        return failure(err, 'list pods', 'in all namespaces');
      }
    },
  };
}
