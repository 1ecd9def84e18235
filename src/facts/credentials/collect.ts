// Collects the credential facts for the gate (I/O): which pull secrets each pod uses (manifests first, then the live
// cluster), their decoded credentials (masked at once), what Azure says about each (Graph expiry by hint, admin user,
// scoped tokens and scope maps) and what the registry's token endpoint says to the credential itself.
// Produces secret-free CredentialFacts (fact-types.ts); every failure is recorded as unverifiable, never thrown.

import { discoverRegistries } from '../azure/registries.js';
import type { FactContext } from '../../types/facts/context.js';
import { parseTypedArmId } from '../../lib/arm-id.js';
import { clusterObjectReader, type ClusterObjectReader, type ClusterRead } from '../kubernetes/cluster-objects.js';
import { KubeconfigElsewhereError, KubeconfigProblem } from '../kubernetes/kubeconfig.js';
import type { ImageReference, Inventory, ManifestSecret, ManifestServiceAccount } from '../../types/index.js';
import {
  adminPasswordIsCurrent,
  getApplication,
  getScopeMapActions,
  listTokens,
  GRAPH_PERMISSION,
  type AzureRead,
  type CredentialRegistry,
  type GraphApplication,
  type RegistryTokenInfo,
} from './azure-reads.js';
import { classifyCredential, matchPasswordCredential } from '../../lib/credential-classify.js';
import { lookupCredentials, parsePullSecret, type DockerCredential } from '../../lib/docker-config.js';
import {
  secretKey,
  type AcrTokenFact,
  type CredentialEntryFact,
  type CredentialFacts,
  type PullSecretFact,
  type SecretLookupFact,
  type ServicePrincipalFact,
  type Unverifiable,
} from '../../types/facts/credentials.js';
import { LiveCredentialChecker } from './live-check.js';

/** Injectable pieces, so tests and the gate can swap them (the gate passes colleagues' registry discovery). */
export interface CollectOptions {
  /** A cluster reader; default: one over ctx.kubeconfigPath when cluster reads are on. */
  cluster?: ClusterObjectReader;
  /** Live token requests with each credential (default on). */
  liveChecks?: boolean;
  /** Live checker; default: one over ctx.fetch. */
  liveChecker?: Pick<LiveCredentialChecker, 'check'>;
  /** API server hosts of the cluster under check (fqdn, privateFQDN): the kubeconfig context must point at one. */
  clusterServers?: string[];
}

const NO_AZURE = 'no Azure sign-in';

/** Runs async work over items with a concurrency limit, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function memo<K, V>(fn: (k: K) => Promise<V>): (k: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (k) => {
    let p = cache.get(k);
    if (!p) {
      p = fn(k);
      cache.set(k, p);
    }
    return p;
  };
}

function clusterFromConfig(id: string | undefined): CredentialFacts['cluster'] {
  if (!id) return undefined;
  const p = parseTypedArmId(id, 'Microsoft.ContainerService', ['managedClusters']);
  return p ? { id, name: p.names[0], resourceGroup: p.resourceGroup } : undefined;
}

function unverifiableOf<T>(r: AzureRead<T>): Unverifiable {
  if (r.ok) return { reason: 'unknown' };
  const u: Unverifiable = { reason: r.reason };
  if (r.permission) u.permission = r.permission;
  return u;
}

/**
 * The clusters reader for this run, or why there is none. Construction errors (unreadable kubeconfig) become an
 * "unverifiable" reason, not a crash.
 */
function makeClusterReader(
  ctx: FactContext,
  opts: CollectOptions,
): { reader?: ClusterObjectReader; state: CredentialFacts['clusterReads'] } {
  if (opts.cluster) return { reader: opts.cluster, state: { state: 'read' } };
  if (ctx.clusterReadsOff) return { state: { state: 'off', reason: ctx.clusterReadsOff } };
  if (!ctx.kubeconfigPath)
    return {
      state: {
        state: 'off',
        reason:
          'no kubeconfig to read the cluster with: add an azure/aks-set-context step before the gate (or set cluster-reads: false)',
      },
    };
  try {
    const env = process.env;
    // A person can answer a login prompt only outside CI and on a terminal.
    const interactive = env.CI !== 'true' && env.GITHUB_ACTIONS !== 'true' && !!process.stdin.isTTY;
    return {
      reader: clusterObjectReader(ctx.kubeconfigPath, opts.clusterServers, {
        interactive,
        signal: ctx.signal,
        env,
        ...(ctx.proxyEnv ? { proxyEnv: ctx.proxyEnv } : {}),
      }),
      state: { state: 'read' },
    };
  } catch (err) {
    if (err instanceof KubeconfigElsewhereError) return { state: { state: 'off', reason: err.message } };
    if (err instanceof KubeconfigProblem && err.kind === 'interactive')
      return {
        state: {
          state: 'unverifiable',
          reason: err.message,
          interactiveLogin: { command: err.command, mode: err.mode ?? 'devicecode' },
        },
      };
    const why = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : 'unreadable';
    return { state: { state: 'unverifiable', reason: `the kubeconfig could not be loaded: ${why}` } };
  }
}

interface SecretUse {
  namespace: string;
  name: string;
  images: ImageReference[];
}

/** Secrets and the images each serves, after adding live ServiceAccounts' pull secrets. */
async function resolveSecretUses(
  inventory: Inventory,
  reader: ClusterObjectReader | undefined,
  clusterServiceAccounts: Record<string, string[]>,
): Promise<SecretUse[]> {
  const manifestSAs = new Set(inventory.serviceAccounts.map((s) => secretKey(s.namespace, s.name)));
  const saKeys = new Set<string>();
  for (const u of inventory.uses) {
    const k = secretKey(u.namespace, u.serviceAccount);
    if (!manifestSAs.has(k)) saKeys.add(k);
  }
  if (reader) {
    await mapLimit([...saKeys], 8, async (k) => {
      const [ns, name] = [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)];
      const r: ClusterRead<ManifestServiceAccount> = await reader.readServiceAccount(ns, name);
      if (r.state === 'found' && r.value.imagePullSecrets.length > 0)
        clusterServiceAccounts[k] = r.value.imagePullSecrets;
    });
  }
  const byKey = new Map<string, SecretUse>();
  for (const u of inventory.uses) {
    if (!u.ref) continue;
    const names = [...u.pullSecrets, ...(clusterServiceAccounts[secretKey(u.namespace, u.serviceAccount)] ?? [])];
    for (const name of names) {
      const k = secretKey(u.namespace, name);
      let s = byKey.get(k);
      if (!s) {
        s = { namespace: u.namespace, name, images: [] };
        byKey.set(k, s);
      }
      if (!s.images.some((i) => i.normalized === u.ref?.normalized)) s.images.push(u.ref);
    }
  }
  return [...byKey.values()];
}

export async function collectCredentialFacts(
  ctx: FactContext,
  inventory: Inventory,
  registries?: readonly CredentialRegistry[],
  opts: CollectOptions = {},
): Promise<CredentialFacts> {
  const { reader, state } = makeClusterReader(ctx, opts);
  const facts: CredentialFacts = {
    now: ctx.now.toISOString(),
    secrets: {},
    clusterServiceAccounts: {},
    clusterReads: state,
  };
  const cluster = clusterFromConfig(ctx.cluster);
  if (cluster) facts.cluster = cluster;

  const secretUses = await resolveSecretUses(inventory, reader, facts.clusterServiceAccounts);
  if (secretUses.length === 0) return facts;

  const hosts = [...new Set(secretUses.flatMap((u) => u.images.map((i) => i.registry.toLowerCase())))];
  const azure = new AzureCredentialFacts(ctx, hosts, registries);
  const live =
    opts.liveChecks === false
      ? undefined
      : (opts.liveChecker ??
        new LiveCredentialChecker({
          fetch: ctx.fetch,
          request: ctx.request,
          signal: ctx.signal,
          logger: ctx.logger,
        }));

  await mapLimit(secretUses, 8, async (use) => {
    const { lookup, raw } = await lookupSecret(inventory, reader, state, use);
    facts.secrets[secretKey(use.namespace, use.name)] = lookup;
    if (lookup.state !== 'found' || !raw) return;
    const parsed = parsePullSecret(raw, ctx.maskSecret);
    if (!parsed.ok) {
      lookup.secret.parsed = {
        ok: false,
        reason: parsed.reason,
        detail: parsed.detail,
        blocksAllPaths: parsed.blocksAllPaths,
      };
      return;
    }
    lookup.secret.parsed = { ok: true, entries: await describeEntries(parsed.credentials, use.images, azure, live) };
  });
  ctx.logger.debug(
    `credentials: ${Object.keys(facts.secrets).length} pull secret(s) looked up (${state.state} cluster reads)`,
  );
  return facts;
}

function findSecret(
  secrets: readonly ManifestSecret[],
  use: { namespace: string; name: string },
): ManifestSecret | undefined {
  return secrets.find((s) => s.namespace === use.namespace && s.name === use.name);
}

async function lookupSecret(
  inventory: Inventory,
  reader: ClusterObjectReader | undefined,
  state: CredentialFacts['clusterReads'],
  use: SecretUse,
): Promise<{ lookup: SecretLookupFact; raw?: ManifestSecret }> {
  // The manifests win: they are what the rollout applies.
  const m = findSecret(inventory.secrets, use);
  if (m) {
    const secret: PullSecretFact = {
      namespace: use.namespace,
      name: use.name,
      origin: 'manifest',
      parsed: { ok: true, entries: [] },
    };
    if (m.location) secret.location = m.location;
    return { lookup: { state: 'found', secret }, raw: m };
  }
  if (!reader) {
    return {
      lookup: {
        state: 'unverifiable',
        reason: state.reason ?? 'the cluster was not read',
        permission: 'a kubeconfig allowed to get secrets (azure/aks-set-context)',
      },
    };
  }
  const r = await reader.readSecret(use.namespace, use.name);
  if (r.state === 'absent') return { lookup: { state: 'absent' } };
  if (r.state === 'unverifiable') {
    const out: SecretLookupFact = { state: 'unverifiable', reason: r.reason };
    if (r.permission) out.permission = `${r.permission} in namespace ${use.namespace}`;
    return { lookup: out };
  }
  const secret: PullSecretFact = {
    namespace: use.namespace,
    name: use.name,
    origin: 'cluster',
    parsed: { ok: true, entries: [] },
  };
  return { lookup: { state: 'found', secret }, raw: r.value };
}

async function describeEntries(
  credentials: DockerCredential[],
  images: ImageReference[],
  azure: AzureCredentialFacts,
  live: Pick<LiveCredentialChecker, 'check'> | undefined,
): Promise<CredentialEntryFact[]> {
  // Which repositories each credential would be used for (the kubelet's choice per image).
  const reposByCred = new Map<DockerCredential, ImageReference[]>();
  for (const img of images) {
    for (const c of lookupCredentials(credentials, img)) {
      const list = reposByCred.get(c) ?? [];
      list.push(img);
      reposByCred.set(c, list);
    }
  }
  return Promise.all(
    credentials.map(async (cred) => {
      const imgs = reposByCred.get(cred) ?? [];
      const host = (imgs[0]?.registry ?? cred.server).toLowerCase();
      const entry = newEntry(cred);
      if (imgs.length === 0) {
        entry.credentialClass = classifyCredential(cred.username, cred.password, {});
        return entry;
      }
      await azure.describe(entry, cred, host, imgs);
      if (live) {
        await Promise.all(
          imgs.map(async (img) => {
            entry.live[img.repository] = await live.check(img.registry, img.repository, cred.username, cred.password);
          }),
        );
      }
      return entry;
    }),
  );
}

function normalizeRegistry(r: CredentialRegistry): CredentialRegistry {
  const out: CredentialRegistry = { id: r.id, name: r.name, loginServer: r.loginServer.toLowerCase() };
  const admin = r.adminUserEnabled;
  if (admin !== undefined) out.adminUserEnabled = admin;
  return out;
}

/** The registries behind the image hosts, through the shared discovery (every visible subscription). */
async function discover(ctx: FactContext, hosts: string[]): Promise<AzureRead<CredentialRegistry[]>> {
  const d = await discoverRegistries(ctx, hosts);
  if (d.registries.length === 0 && d.problems.length > 0) {
    const p = d.problems[0];
    const out: AzureRead<CredentialRegistry[]> = { ok: false, reason: p.reason };
    if (p.permission) out.permission = p.permission;
    return out;
  }
  return { ok: true, value: d.registries.map(normalizeRegistry) };
}

/** Azure lookups shared across secrets of one run (each registry/app read once). */
export class AzureCredentialFacts {
  private readonly registriesP: Promise<AzureRead<CredentialRegistry[]>>;
  private readonly tokens: (registryId: string) => Promise<AzureRead<RegistryTokenInfo[]>>;
  private readonly scopeMaps: (id: string) => Promise<AzureRead<string[]>>;
  private readonly apps: (appId: string) => Promise<AzureRead<GraphApplication | undefined>>;

  constructor(
    private readonly ctx: FactContext,
    hosts: string[],
    given?: readonly CredentialRegistry[],
  ) {
    const azure = ctx.azure;
    if (given) this.registriesP = Promise.resolve({ ok: true, value: given.map(normalizeRegistry) });
    else if (azure) this.registriesP = discover(ctx, hosts);
    else this.registriesP = Promise.resolve({ ok: false, reason: NO_AZURE });
    this.tokens = memo(async (id) => {
      const reg = await this.registryById(id);
      if (!reg) return { ok: false, reason: `registry ${id} is not visible` };
      return azure ? listTokens(azure, reg) : { ok: false, reason: NO_AZURE };
    });
    this.scopeMaps = memo((id) =>
      azure ? getScopeMapActions(azure, id) : Promise.resolve({ ok: false, reason: NO_AZURE }),
    );
    this.apps = memo((appId) =>
      azure
        ? getApplication(azure, ctx.fetch, appId, ctx.signal)
        : Promise.resolve({ ok: false, reason: NO_AZURE, permission: GRAPH_PERMISSION }),
    );
  }

  private async registryById(id: string): Promise<CredentialRegistry | undefined> {
    const r = await this.registriesP;
    return r.ok ? r.value.find((x) => x.id.toLowerCase() === id.toLowerCase()) : undefined;
  }

  async registryForHost(host: string): Promise<CredentialRegistry | undefined> {
    const r = await this.registriesP;
    return r.ok ? r.value.find((x) => x.loginServer.toLowerCase() === host) : undefined;
  }

  async describe(
    entry: CredentialEntryFact,
    cred: DockerCredential,
    host: string,
    _imgs: ImageReference[],
  ): Promise<void> {
    const reg = await this.registryForHost(host);
    let tokens: RegistryTokenInfo[] | undefined;
    if (reg) {
      entry.registry = { id: reg.id, name: reg.name, loginServer: reg.loginServer };
      const t = await this.tokens(reg.id);
      if (t.ok) tokens = t.value;
      else entry.tokensUnverifiable = unverifiableOf(t);
    }
    const cls = classifyCredential(cred.username, cred.password, {
      registryName: reg?.name,
      tokenNames: tokens?.map((t) => t.name),
    });
    entry.credentialClass = cls;
    if (cls.kind === 'service-principal')
      entry.servicePrincipal = await this.servicePrincipal(cls.appId, cred.password);
    else if (cls.kind === 'admin-user' && reg) await this.admin(entry, reg, cred.password);
    else if (cls.kind === 'acr-token' && tokens) entry.token = await this.token(cls.tokenName, tokens);
  }

  private async servicePrincipal(appId: string, password: string): Promise<ServicePrincipalFact> {
    const r = await this.apps(appId);
    if (!r.ok) return { state: 'unverifiable', appId, ...unverifiableOf(r) };
    if (!r.value) return { state: 'app-not-found', appId };
    const out: ServicePrincipalFact = {
      state: 'found',
      appId,
      credentialCount: r.value.passwordCredentials.length,
    };
    if (r.value.displayName) out.displayName = r.value.displayName;
    const matched = matchPasswordCredential(password, r.value.passwordCredentials);
    if (matched) out.matched = matched;
    return out;
  }

  private async admin(entry: CredentialEntryFact, reg: CredentialRegistry, password: string): Promise<void> {
    const azure = this.ctx.azure;
    if (reg.adminUserEnabled === undefined || !azure) {
      entry.adminUser = {
        state: 'unverifiable',
        reason: azure ? `registry ${reg.name} did not say whether its admin user is enabled` : NO_AZURE,
      };
      return;
    }
    if (!reg.adminUserEnabled) {
      entry.adminUser = { state: 'found', adminUserEnabled: false };
      return;
    }
    const current = await adminPasswordIsCurrent(azure, reg, password, this.ctx.maskSecret);
    entry.adminUser = current.ok
      ? { state: 'found', adminUserEnabled: true, passwordCurrent: current.value }
      : { state: 'found', adminUserEnabled: true, passwordUnverifiable: unverifiableOf(current) };
  }

  private async token(name: string, tokens: RegistryTokenInfo[]): Promise<AcrTokenFact> {
    const t = tokens.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) return { state: 'unverifiable', tokenName: name, reason: `token ${name} not found` };
    const out: AcrTokenFact = {
      state: 'found',
      tokenName: t.name,
      tokenId: t.id,
      status: t.status,
      passwords: t.passwords,
    };
    if (t.scopeMapId) {
      out.scopeMapId = t.scopeMapId;
      out.scopeMapName = t.scopeMapId.split('/').pop();
      const actions = await this.scopeMaps(t.scopeMapId);
      if (actions.ok) out.actions = actions.value;
      else out.scopeUnverifiable = unverifiableOf(actions);
    }
    return out;
  }
}

/** The fact of one pull-secret credential before it is classified and described (no secret value in it). */
export function newEntry(cred: DockerCredential): CredentialEntryFact {
  return {
    key: cred.key,
    matchKey: cred.matchKey,
    server: cred.server,
    username: cred.username,
    credentialClass: { kind: 'other' },
    live: {},
  };
}
