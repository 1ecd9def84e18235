// Live cluster reads for pull secrets: Secrets and ServiceAccounts (and, for the audit, Pods), read only, through
// @kubernetes/client-node from the kubeconfig `azure/aks-set-context` leaves behind. Every failure is data:
// 404 is "absent", 401/403 is "unverifiable" naming the RBAC verb to grant, anything else "unverifiable: why".
// Secret data stays base64 as the API returns it; decoding (and masking) is docker-config.ts's job.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KubeConfig, V1Secret, V1ServiceAccount } from '@kubernetes/client-node';
import { proxyUrlFor } from '../proxy-fetch.js';

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

/**
 * The proxy each cluster entry is reached through, as kubectl chooses it: the entry's own `proxy-url` wins (the client
 * library honours it), else HTTPS_PROXY / HTTP_PROXY / NO_PROXY of `env` for its server (the gate's one proxy rule,
 * proxyUrlFor). Not called under --simulate: the emulator's kubeconfig is loopback and never proxied.
 */
export function applyProxyEnv(kc: KubeConfig, env: NodeJS.ProcessEnv): void {
  let changed = false;
  const clusters = kc.clusters.map((c) => {
    const proxyUrl = c.proxyUrl ? undefined : proxyUrlFor(c.server, env);
    if (!proxyUrl) return c;
    changed = true;
    return { ...c, proxyUrl };
  });
  if (changed)
    kc.loadFromOptions({ clusters, users: kc.users, contexts: kc.contexts, currentContext: kc.currentContext });
}

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

/** The kubeconfig cannot be used as it stands: its credential plugin waits for a person, or is not installed. */
export class KubeconfigProblem extends Error {
  constructor(
    readonly kind: 'interactive' | 'plugin-missing',
    message: string,
    readonly command: string,
    readonly mode?: string,
  ) {
    super(message);
    this.name = 'KubeconfigProblem';
  }
}

interface ExecSpec {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
}

/**
 * The login mode a kubelogin-style plugin will use: `--login devicecode` / `-l interactive`, and kubelogin's own default
 * (devicecode) when `get-token` names none. Undefined when the plugin does not wait for a person.
 */
export function interactiveLoginMode(exec: ExecSpec): string | undefined {
  const args = exec.args ?? [];
  let mode: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^(?:--login|-l)=(.+)$/.exec(a);
    if (m) mode = m[1];
    else if ((a === '--login' || a === '-l') && args[i + 1]) mode = args[i + 1];
  }
  const kubelogin = /(^|[\\/])kubelogin(\.exe)?$/i.test(exec.command);
  if (!mode && kubelogin && args.includes('get-token')) mode = 'devicecode';
  return mode && /^(devicecode|interactive)$/i.test(mode) ? mode.toLowerCase() : undefined;
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  if (command.includes('/') || command.includes('\\')) return existsSync(command);
  return (env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && ['', '.exe', '.cmd'].some((ext) => existsSync(path.join(dir, command + ext))));
}

/** Runs the exec credential plugin once, killed at the deadline; returns its bearer token. */
async function runPlugin(exec: ExecSpec, signal: AbortSignal | undefined): Promise<string> {
  const env = { ...process.env };
  for (const e of exec.env ?? []) env[e.name] = e.value;
  return new Promise((resolve, reject) => {
    // Its own process group, so the deadline kills the plugin and whatever it started (a shell's `sleep`, a browser).
    const child = spawn(exec.command, exec.args ?? [], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const kill = (): void => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      reject(new Error(`the credential plugin ${exec.command} did not finish before the deadline and was stopped`));
    };
    if (signal?.aborted) kill();
    else signal?.addEventListener('abort', kill, { once: true });
    child.on('exit', () => signal?.removeEventListener('abort', kill));
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d.slice(0, 1 << 20)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d.slice(0, 4096)));
    child.on('error', (e) =>
      reject(
        new Error(
          `the credential plugin ${exec.command} could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (signal?.aborted) return; // kill() has said it
      if (code !== 0) return reject(new Error(`the credential plugin ${exec.command} failed (exit ${code})`));
      try {
        const token = (JSON.parse(out) as { status?: { token?: string } }).status?.token;
        if (!token) return reject(new Error(`the credential plugin ${exec.command} returned no token`));
        resolve(token);
      } catch {
        reject(new Error(`the credential plugin ${exec.command} printed no ExecCredential JSON`));
      }
    });
  });
}

export interface ReaderOptions {
  /** A person can answer a login prompt (not CI, a TTY). */
  interactive: boolean;
  /** The run's deadline: an exec credential plugin still running then is killed. */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** The environment whose HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply to the API server (absent under --simulate). */
  proxyEnv?: NodeJS.ProcessEnv;
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
  if (!k8s) throw new Error('the Kubernetes client is not loaded (call loadKubernetesClient first)');
  const client = k8s;
  const kc = mergeKubeconfigs(kubeconfigPath.split(path.delimiter).filter((p) => p));
  selectClusterContext(kc, servers);
  if (opts.proxyEnv) applyProxyEnv(kc, opts.proxyEnv);
  const user = kc.getCurrentUser();
  const exec = (user?.exec ?? (user?.authProvider as { config?: { exec?: ExecSpec } } | undefined)?.config?.exec) as
    ExecSpec | undefined;
  let ready: () => Promise<InstanceType<typeof client.CoreV1Api>>;
  if (exec?.command && user) {
    const mode = interactiveLoginMode(exec);
    if (mode && !opts.interactive)
      throw new KubeconfigProblem(
        'interactive',
        `the kubeconfig's credential plugin ${exec.command} asks for ${mode} login, which waits for a person`,
        exec.command,
        mode,
      );
    if (!onPath(exec.command, opts.env ?? process.env))
      throw new KubeconfigProblem(
        'plugin-missing',
        `the kubeconfig's exec credential plugin ${exec.command} was not found on PATH`,
        exec.command,
      );
    // The client library runs exec plugins without a deadline (and once per request): the gate runs it once, under
    // the run's deadline, and hands the client the token.
    let p: Promise<InstanceType<typeof client.CoreV1Api>> | undefined;
    ready = () =>
      (p ??= runPlugin(exec, opts.signal).then((token) => {
        kc.loadFromOptions({
          clusters: kc.clusters,
          contexts: kc.contexts,
          currentContext: kc.currentContext,
          users: kc.users.map((u) => (u.name === user.name ? { name: u.name, token } : u)),
        });
        return kc.makeApiClient(client.CoreV1Api);
      }));
  } else {
    const direct = kc.makeApiClient(client.CoreV1Api);
    ready = () => Promise.resolve(direct);
  }
  return {
    async readSecret(namespace, name) {
      try {
        return {
          state: 'found',
          value: secretFromApi(await (await ready()).readNamespacedSecret({ name, namespace })),
        };
      } catch (err) {
        return failure(err, 'get secrets', `in namespace ${namespace}`);
      }
    },
    async readServiceAccount(namespace, name) {
      try {
        return {
          state: 'found',
          value: serviceAccountFromApi(await (await ready()).readNamespacedServiceAccount({ name, namespace })),
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
            const page = await (
              await ready()
            ).listSecretForAllNamespaces({
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
          const page = await (await ready()).listServiceAccountForAllNamespaces({ limit: 500, _continue: cont });
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
          const page = await (await ready()).listPodForAllNamespaces({ limit: 500, _continue: cont });
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
