// The kubeconfig as kubectl reads it: a file, or a KUBECONFIG list merged (first definition of a name wins), relative
// file paths resolved against the file that names them, the context tied to the cluster under check, and the current
// user's credentials turned into what a request carries (bearer token, basic auth, client certificate, impersonation).
// Exec credential plugins are run here, once, under the run's deadline; a legacy auth-provider (azure, gcp, oidc:
// removed from kubectl) is refused with the fix instead of being dropped. Only what the gate's reads need.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface KubeCluster {
  name: string;
  /** Without a trailing slash. */
  server: string;
  caFile?: string;
  caData?: string;
  skipTLSVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
}

export interface ExecSpec {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
}

export interface KubeUser {
  name: string;
  token?: string;
  tokenFile?: string;
  certFile?: string;
  certData?: string;
  keyFile?: string;
  keyData?: string;
  username?: string;
  password?: string;
  exec?: ExecSpec;
  authProvider?: { name?: string; config?: Record<string, unknown> };
  impersonateUser?: string;
  impersonateGroups?: string[];
}

export interface KubeContext {
  name: string;
  cluster: string;
  user?: string;
  namespace?: string;
}

export interface Kubeconfig {
  clusters: KubeCluster[];
  users: KubeUser[];
  contexts: KubeContext[];
  currentContext: string;
}

type Loose = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Loose | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : undefined;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map((e) => obj(e) ?? {}) : []);

/** Parses one kubeconfig file; relative file paths in it resolve against its directory, as kubectl resolves them. */
export function loadKubeconfigFile(file: string): Kubeconfig {
  const doc = obj(parseYaml(readFileSync(file, 'utf8'))) ?? {};
  const dir = path.dirname(path.resolve(file));
  const abs = (p: string | undefined): string | undefined => (p ? path.resolve(dir, p) : undefined);
  const clusters = list(doc.clusters).map((e, i): KubeCluster => {
    const name = text(e.name);
    const c = obj(e.cluster);
    if (!name) throw new Error(`clusters[${i}].name is missing`);
    if (!c) throw new Error(`clusters[${i}].cluster is missing`);
    const server = text(c.server);
    if (!server) throw new Error(`clusters[${i}].cluster.server is missing`);
    const out: KubeCluster = {
      name,
      server: server.replace(/\/+$/, ''),
      skipTLSVerify: c['insecure-skip-tls-verify'] === true,
    };
    const caFile = abs(text(c['certificate-authority']));
    if (caFile) out.caFile = caFile;
    const caData = text(c['certificate-authority-data']);
    if (caData) out.caData = caData;
    const tlsServerName = text(c['tls-server-name']);
    if (tlsServerName) out.tlsServerName = tlsServerName;
    const proxyUrl = text(c['proxy-url']);
    if (proxyUrl) out.proxyUrl = proxyUrl;
    return out;
  });
  const users = list(doc.users).map((e, i): KubeUser => {
    const name = text(e.name);
    if (!name) throw new Error(`users[${i}].name is missing`);
    const u = obj(e.user) ?? {};
    const out: KubeUser = { name };
    const set = <K extends keyof KubeUser>(k: K, v: KubeUser[K] | undefined): void => {
      if (v !== undefined) out[k] = v;
    };
    set('token', text(u.token));
    set('tokenFile', abs(text(u.tokenFile) ?? text(u['token-file'])));
    set('certFile', abs(text(u['client-certificate'])));
    set('certData', text(u['client-certificate-data']));
    set('keyFile', abs(text(u['client-key'])));
    set('keyData', text(u['client-key-data']));
    set('username', text(u.username));
    set('password', typeof u.password === 'string' ? u.password : undefined);
    set('impersonateUser', text(u.as));
    const groups = Array.isArray(u['as-groups']) ? u['as-groups'].filter((g) => typeof g === 'string') : [];
    if (groups.length > 0) out.impersonateGroups = groups;
    const exec = obj(u.exec);
    if (exec && text(exec.command)) out.exec = execSpec(exec, dir);
    const ap = obj(u['auth-provider']);
    if (ap)
      out.authProvider = {
        ...(text(ap.name) ? { name: text(ap.name) } : {}),
        ...(obj(ap.config) ? { config: obj(ap.config) } : {}),
      };
    return out;
  });
  const contexts = list(doc.contexts).map((e, i): KubeContext => {
    const name = text(e.name);
    const c = obj(e.context);
    if (!name) throw new Error(`contexts[${i}].name is missing`);
    if (!c) throw new Error(`contexts[${i}].context is missing`);
    const cluster = text(c.cluster);
    if (!cluster) throw new Error(`contexts[${i}].context.cluster is missing`);
    const out: KubeContext = { name, cluster };
    if (text(c.user)) out.user = text(c.user);
    if (text(c.namespace)) out.namespace = text(c.namespace);
    return out;
  });
  return { clusters, users, contexts, currentContext: text(doc['current-context']) ?? '' };
}

/** kubectl resolves an exec command against the kubeconfig's directory only when it is a path (has a separator). */
function execSpec(exec: Loose, dir: string): ExecSpec {
  const command = String(exec.command);
  const out: ExecSpec = {
    command: command.includes('/') || command.includes(path.sep) ? path.resolve(dir, command) : command,
  };
  if (Array.isArray(exec.args)) out.args = exec.args.map(String);
  const env = list(exec.env).filter((e) => typeof e.name === 'string');
  if (env.length > 0) out.env = env.map((e) => ({ name: String(e.name), value: String(e.value ?? '') }));
  return out;
}

/**
 * Merges a KUBECONFIG list as kubectl does: the first file to define a cluster, user or context name wins (later
 * ones are ignored, not an error), and current-context comes from the first file that sets one.
 */
export function mergeKubeconfigs(paths: string[]): Kubeconfig {
  const merged: Kubeconfig = { clusters: [], users: [], contexts: [], currentContext: '' };
  for (const p of paths) {
    const kc = loadKubeconfigFile(p);
    for (const c of kc.clusters) if (!merged.clusters.some((x) => x.name === c.name)) merged.clusters.push(c);
    for (const u of kc.users) if (!merged.users.some((x) => x.name === u.name)) merged.users.push(u);
    for (const c of kc.contexts) if (!merged.contexts.some((x) => x.name === c.name)) merged.contexts.push(c);
    if (!merged.currentContext && kc.currentContext) merged.currentContext = kc.currentContext;
  }
  return merged;
}

/** A kubeconfig path as the gate is given it: one file, or a KUBECONFIG list joined with the path delimiter. */
export function loadKubeconfig(kubeconfigPath: string): Kubeconfig {
  return mergeKubeconfigs(kubeconfigPath.split(path.delimiter).filter((p) => p));
}

export function currentContextOf(kc: Kubeconfig): KubeContext | undefined {
  return kc.contexts.find((c) => c.name === kc.currentContext);
}

/** The current context's cluster and user (no user: anonymous). Throws when the context or its cluster is absent. */
export function currentTarget(kc: Kubeconfig): { cluster: KubeCluster; user?: KubeUser } {
  const ctx = currentContextOf(kc);
  if (!ctx) throw new Error(kc.currentContext ? `context ${kc.currentContext} is not defined` : 'no current-context');
  const cluster = kc.clusters.find((c) => c.name === ctx.cluster);
  if (!cluster) throw new Error(`cluster ${ctx.cluster} of context ${ctx.name} is not defined`);
  const user = ctx.user ? kc.users.find((u) => u.name === ctx.user) : undefined;
  return user ? { cluster, user } : { cluster };
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
 * Ties the kubeconfig to the cluster under check: with the cluster's API server hosts known (fqdn, privateFQDN),
 * keeps current-context when it points there, else switches to a context that does, else refuses (the reads would
 * go to another cluster: aks-set-context for staging while the gate checks prod).
 */
export function selectClusterContext(kc: Kubeconfig, servers: string[]): string {
  const wanted = new Set(servers.map((s) => serverHost(s)).filter((h) => h));
  if (wanted.size === 0) return kc.currentContext;
  const hostOf = (ctxName: string): string => {
    const ctx = kc.contexts.find((c) => c.name === ctxName);
    return serverHost(kc.clusters.find((c) => c.name === ctx?.cluster)?.server);
  };
  if (wanted.has(hostOf(kc.currentContext))) return kc.currentContext;
  const match = kc.contexts.find((c) => wanted.has(hostOf(c.name)));
  if (match) {
    kc.currentContext = match.name;
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
function runPlugin(exec: ExecSpec, signal: AbortSignal | undefined): Promise<string> {
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

/** A file a kubeconfig names (certificate, key, token), or one line saying which could not be read and why. */
export function readKubeconfigFile(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(
      `the kubeconfig's ${what} ${file} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: err },
    );
  }
}

/** What every request to the API server carries, once known (an exec plugin's token is known after it has run). */
export interface RequestAuth {
  headers: Record<string, string>;
}

export interface CredentialOptions {
  /** A person can answer a login prompt (not CI, a TTY). */
  interactive: boolean;
  /** The run's deadline: an exec credential plugin still running then is killed. */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** The fix for a legacy auth-provider, by its name. */
const PROVIDER_FIX: Record<string, string> = {
  azure: 'run kubelogin convert-kubeconfig -l azurecli (or -l workloadidentity) to use the exec plugin',
  gcp: 'install gke-gcloud-auth-plugin and run gcloud container clusters get-credentials again',
  oidc: 'use an exec credential plugin (kubectl oidc-login) instead',
};

/**
 * The current user's credentials as a function that yields the request headers: a token (or tokenFile, or an exec
 * plugin's token), else basic auth; impersonation headers on top. Throws KubeconfigProblem when the exec plugin waits
 * for a person in a non-interactive run or is not installed, and when a token file cannot be read; the returned
 * function rejects when the plugin fails or the user has a legacy auth-provider (its message says which and the fix).
 */
export function credentialsFor(user: KubeUser | undefined, opts: CredentialOptions): () => Promise<RequestAuth> {
  const base: Record<string, string> = {};
  if (user?.impersonateUser) base['Impersonate-User'] = user.impersonateUser;
  if (user?.impersonateGroups?.length) base['Impersonate-Group'] = user.impersonateGroups.join(', ');
  const withBearer = (token: string | undefined): RequestAuth => {
    const headers = { ...base };
    if (token) headers.Authorization = `Bearer ${token}`;
    else if (user?.username !== undefined || user?.password !== undefined)
      headers.Authorization = `Basic ${Buffer.from(`${user.username ?? ''}:${user.password ?? ''}`).toString('base64')}`;
    return { headers };
  };
  if (!user) return () => Promise.resolve(withBearer(undefined));
  const exec = user.exec ?? (user.authProvider?.config?.exec as ExecSpec | undefined);
  if (exec?.command) {
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
    // Run once, under the run's deadline, for every request of this reader.
    let p: Promise<RequestAuth> | undefined;
    return () => (p ??= runPlugin(exec, opts.signal).then(withBearer));
  }
  if (user.token) return () => Promise.resolve(withBearer(user.token));
  const tokenFile = user.tokenFile ?? text(user.authProvider?.config?.tokenFile);
  if (tokenFile) {
    const token = readKubeconfigFile(tokenFile, 'token file').toString('utf8').trim();
    return () => Promise.resolve(withBearer(token));
  }
  if (user.authProvider) {
    const name = user.authProvider.name ?? 'unnamed';
    const refusal = new Error(
      `the kubeconfig's user ${user.name} signs in with the ${name} auth-provider, which kubectl no longer supports and the gate does not run: ${PROVIDER_FIX[name] ?? 'use an exec credential plugin instead'}`,
    );
    return () => Promise.reject(refusal);
  }
  return () => Promise.resolve(withBearer(undefined));
}
