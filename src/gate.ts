// Orchestration: inventory -> facts -> checks -> report. The one place that knows the order of things; every module it
// calls is injected with what it needs (logger, secret masker, fetch, Azure context), so the action, the CLI, the
// simulated world and the tests run the same code. Under --simulate the world's emulator is just another cloud.

import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { ConfigurationError, type Config } from './settings/config.js';
import type { AzureContext, AzureEndpoints, FactContext, PullPathResult } from './types/facts/context.js';
import type {
  Finding,
  ImageReference,
  ImageUse,
  Inventory,
  Logger,
  Platform,
  Report,
  RuleId,
  SecretMasker,
} from './types/index.js';
import { buildInventory } from './inventory/inventory.js';
import { buildReport, type ImageFacts, type RunScope } from './verdict.js';
import { cloudEndpoints } from './facts/azure/clouds.js';
import { proxyAwareFetch } from './facts/proxy-fetch.js';
import { azureNeed, cachingCredential, createAzureContext } from './facts/azure/sign-in.js';
import { collectIdentityFacts } from './facts/azure/role-assignments.js';
import { discoverRegistries } from './facts/azure/registries.js';
import {
  checkIdentity,
  isUnverifiable,
  ROLE_ASSIGNMENTS_UNVERIFIABLE,
  type ClusterFacts,
  type IdentityFacts,
  type RegistryDiscovery,
} from './checks/identity.js';
import type { NetworkFacts } from './facts/network/network.js';
import { platformsFromAgentPools } from './checks/node-pools.js';
import { checkImages, formatPlatform } from './checks/images.js';
import { CLUSTER_EGRESS_UNKNOWN, checkNetwork } from './checks/network.js';
import { checkPullSecrets, effectivePullSecrets, PULL_SECRET_UNVERIFIABLE } from './checks/pull-secrets.js';
import { combinePullPaths } from './checks/pull-paths.js';
import { applySuppressions } from './checks/suppressions.js';
import { collectCredentialFacts } from './facts/credentials/collect.js';
import { lookupCredentials, parsePullSecret, type DockerCredential } from './lib/docker-config.js';
import { RegistryClient, type ImageCheck, type RegistryCredential } from './facts/registry/client.js';
import { isAcrHost } from './lib/acr-host.js';
import { collectCacheRules } from './facts/azure/cache-rules.js';
import { cacheRuleFor } from './lib/cache-rule.js';
import { parseImageReference } from './lib/image-reference.js';
import type { CacheFacts, CacheUse } from './types/facts/cache.js';
import { auditNeedsAttention, runAudit } from './audit.js';
import type { Emulator } from './simulate/index.js';

export interface GateDeps {
  logger: Logger;
  maskSecret: SecretMasker;
  readStdin?: () => Promise<Buffer>;
  /** GitHub OIDC token for direct Azure sign-in (core.getIDToken in the action). */
  getIdToken?: (audience: string) => Promise<string>;
  env?: NodeJS.ProcessEnv;
  /** Ends the run early (SIGINT/SIGTERM): every phase stops as at the deadline, and the emulator is closed. */
  signal?: AbortSignal;
  /** Called when a phase starts, for grouping output (core.group in the action, a progress line in the CLI). */
  phase?: (name: string) => void;
  /** Finer timing marks than phases (the benchmark's per-phase figures): `signing in`, `signed in`, `report`. */
  mark?: (name: string) => void;
}

export interface GateResult {
  report: Report;
  exitCode: 0 | 1;
  inventory: Inventory;
  /** Requests made, by kind (registry client and, under --simulate, the emulator's view). */
  requests: Record<string, number>;
}

const OFFLINE_SCOPE: RunScope = { cluster: false, identityRead: false, networkRead: false, offline: true };

const EMPTY_INVENTORY: Inventory = { files: [], uses: [], secrets: [], serviceAccounts: [], findings: [] };

export async function runGate(config: Config, deps: GateDeps): Promise<GateResult> {
  const inventory = config.mode === 'check' ? await readInventory(config, deps) : EMPTY_INVENTORY;
  if (config.offline)
    return finish(config, inventory, [...inventory.findings], { checked: new Map() }, {}, new Date(), OFFLINE_SCOPE);

  let emulator: Emulator | undefined;
  let now = new Date();
  if (config.simulate) {
    deps.phase?.('Starting the simulated world');
    // Loaded only under --simulate: the emulator (and its certificate generator) costs nothing otherwise.
    const { loadWorld, startEmulator } = await import('./simulate/index.js');
    const world = await loadWorld(config.simulate);
    if (typeof world.now === 'string') now = new Date(world.now);
    // The audit's workload pass checks the kubelet identity of the cluster the kubeconfig reaches: under --simulate,
    // the world's one cluster when none is named.
    const clusters = world.azure.resources.filter(
      (r) => String(r.type).toLowerCase() === 'microsoft.containerservice/managedclusters',
    );
    if (config.mode === 'audit' && !config.cluster && config.workloads !== false && clusters.length === 1)
      config = { ...config, cluster: String(clusters[0].id) };
    emulator = await startEmulator(world);
  }
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const deadline = deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout;
  try {
    const ctx = await factContext(config, deps, emulator, now, deadline, inventory);
    if (config.mode === 'audit') return await audit(config, ctx, deps, emulator);
    return await check(config, inventory, ctx, deps, emulator);
  } finally {
    await emulator?.close();
  }
}

async function readInventory(config: Config, deps: GateDeps): Promise<Inventory> {
  deps.phase?.('Reading manifests');
  const inventory = await buildInventory({
    manifests: config.manifests,
    cwd: config.cwd,
    namespace: config.namespace,
    maxFileBytes: config.maxFileBytes,
    ...(deps.readStdin ? { readStdin: deps.readStdin } : {}),
  });
  const unique = new Set(inventory.uses.map((u) => u.ref?.normalized ?? u.image)).size;
  deps.logger.info(`${inventory.files.length} file(s), ${inventory.uses.length} image reference(s), ${unique} unique`);
  return inventory;
}

async function factContext(
  config: Config,
  deps: GateDeps,
  emulator: Emulator | undefined,
  now: Date,
  signal: AbortSignal,
  inventory: Inventory,
): Promise<FactContext> {
  const endpoints = emulator?.endpoints ?? cloudEndpoints(config.azureEnvironment);
  const kubeconfigPath = config.clusterReads
    ? (emulator?.kubeconfigPath ?? findKubeconfig(deps.env ?? process.env))
    : undefined;
  // Lazy sign-in: a run that reads no Azure fact starts no credential (and no `az` process).
  const need = azureNeed({ ...config, liveSecrets: !!kubeconfigPath, inventory, endpoints });
  deps.logger.debug(need ? `Azure sign-in: ${need}` : 'No Azure sign-in: nothing in this run reads an Azure fact');
  deps.mark?.('signing in');
  const azure = need ? await signIn(config, deps, endpoints, emulator) : undefined;
  deps.mark?.('signed in');
  return {
    config,
    logger: deps.logger,
    maskSecret: deps.maskSecret,
    now,
    signal,
    fetch: emulator?.fetch ?? proxyAwareFetch(deps.env ?? process.env),
    ...(azure ? { azure } : {}),
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
  };
}

/** The world names the gate's own identity; elsewhere the sign-in chain of the Actions ecosystem decides. */
async function signIn(
  config: Config,
  deps: GateDeps,
  endpoints: AzureEndpoints,
  emulator?: Emulator,
): Promise<AzureContext | undefined> {
  if (emulator) {
    const g = emulator.gate;
    deps.maskSecret(g.clientSecret);
    const credential = new ClientSecretCredential(g.tenantId, g.clientId, g.clientSecret, {
      authorityHost: endpoints.authorityHost,
      disableInstanceDiscovery: true,
    });
    // Probe once, bounded: an identity provider that fails or stalls makes Azure facts unverifiable quickly, instead
    // of every collector waiting out the deadline and taking the cluster-read findings down with it.
    const problem = await probeToken(credential, `${endpoints.resourceManager.replace(/\/+$/, '')}/.default`, config);
    if (problem) {
      deps.logger.warning(problem);
      return undefined;
    }
    return {
      credential: cachingCredential(credential),
      endpoints,
      tenantId: g.tenantId,
      ...(config.subscription ? { subscriptionId: config.subscription } : {}),
    };
  }
  const result = await createAzureContext({
    endpoints,
    logger: deps.logger,
    ...(config.clientId ? { clientId: config.clientId } : {}),
    ...(config.tenantId ? { tenantId: config.tenantId } : {}),
    ...(config.subscription ? { subscriptionId: config.subscription } : {}),
    ...(deps.getIdToken ? { getIdToken: deps.getIdToken } : {}),
    ...(deps.env ? { env: deps.env } : {}),
  });
  if ('unavailable' in result) {
    if (config.cluster || config.mode === 'audit') deps.logger.warning(result.unavailable);
    else deps.logger.info(result.unavailable);
    return undefined;
  }
  return result;
}

async function probeToken(
  credential: ClientSecretCredential,
  scope: string,
  config: Config,
): Promise<string | undefined> {
  const boundMs = Math.min(15_000, Math.max(1_000, Math.round(config.timeoutMs / 3)));
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<string>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(`Azure sign-in did not answer within ${Math.round(boundMs / 1000)} s: Azure facts are unverifiable`),
      boundMs,
    );
  });
  const answered = credential.getToken(scope).then(
    () => undefined,
    (err: unknown) =>
      `Azure sign-in failed (${err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : 'no token'}): Azure facts are unverifiable`,
  );
  try {
    return await Promise.race([answered, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every existing file of KUBECONFIG (kubectl merges them in order), joined with the path delimiter. */
function findKubeconfig(env: NodeJS.ProcessEnv): string | undefined {
  const candidates = env.KUBECONFIG
    ? env.KUBECONFIG.split(path.delimiter)
    : [path.join(os.homedir(), '.kube', 'config')];
  const found = candidates.filter((p) => p && existsSync(p));
  return found.length ? found.join(path.delimiter) : undefined;
}

/** The cluster's API server hosts (public and private FQDN), when its ARM body was read. */
function clusterServers(identity: IdentityFacts | undefined): string[] {
  const raw = identity && !isUnverifiable(identity.cluster) ? identity.cluster.raw : undefined;
  return [raw?.fqdn, raw?.privateFqdn].filter((h): h is string => !!h);
}

async function check(
  config: Config,
  inventory: Inventory,
  ctx: FactContext,
  deps: GateDeps,
  emulator?: Emulator,
): Promise<GateResult> {
  const findings: Finding[] = [...inventory.findings];
  const paths: PullPathResult[] = [];
  const hosts = [...new Set(inventory.uses.flatMap((u) => (u.ref ? [u.ref.registry] : [])))];
  deps.phase?.('Reading cluster and registries');
  const identity = config.cluster
    ? await guard(collectIdentityFacts(ctx, config.cluster, hosts, serviceAccountBindings(inventory)), ctx.signal)
    : undefined;
  const discovery: RegistryDiscovery | undefined =
    identity && !('timedOut' in identity)
      ? identity.discovery
      : ctx.azure && hosts.length
        ? await guard(discoverRegistries(ctx, hosts), ctx.signal).then((d) => ('timedOut' in d ? undefined : d))
        : undefined;
  const identityFacts = identity && !('timedOut' in identity) ? identity : undefined;
  // A cluster ARM says does not exist is the user's mistake (a typo, the wrong group): nothing about it can be checked.
  if (identityFacts && isUnverifiable(identityFacts.cluster) && identityFacts.cluster.notFound)
    throw new ConfigurationError(identityFacts.cluster.reason);
  if (identity && 'timedOut' in identity)
    findings.push(timedOut(ROLE_ASSIGNMENTS_UNVERIFIABLE, 'cluster and role assignments', config));
  const platforms = clusterPlatforms(config, identityFacts, deps.logger);

  deps.phase?.('Checking images, identity, network and pull secrets');
  const registries = discovery?.registries ?? [];
  const [images, network, credentials] = await Promise.all([
    // The registry client ends its own pending checks at the deadline (unverifiable: timeout, per image); the grace
    // lets those answers arrive instead of one anonymous timeout for the whole phase.
    guard(checkAllImages(inventory, ctx, discovery), ctx.signal, 3_000),
    identityFacts && !isUnverifiable(identityFacts.cluster) && identityFacts.cluster.raw
      ? guard(
          // The network reads (and @azure/arm-privatedns) load only when there is a cluster to check.
          networkFacts(ctx, identityFacts.cluster.raw, registries),
          ctx.signal,
        )
      : Promise.resolve(undefined),
    guard(
      collectCredentialFacts(ctx, inventory, registries, {
        // The emulator's kubeconfig is its own cluster by construction; elsewhere the context must be the cluster's.
        ...(emulator ? {} : { clusterServers: clusterServers(identityFacts) }),
      }),
      ctx.signal,
    ),
  ]);

  const results = 'timedOut' in images ? unansweredImages(inventory, config) : images.results;
  findings.push(...checkImages(inventory.uses, results, platforms));
  if (identityFacts) {
    const r = checkIdentity(identityFacts, inventory.uses, { expiryWarningDays: config.expiryWarningDays });
    findings.push(...r.findings);
    paths.push(...r.paths);
  }
  if (network && !('timedOut' in network))
    findings.push(...checkNetwork(network, usesByRegistry(inventory.uses, registries)));
  else if (network) findings.push(timedOut(CLUSTER_EGRESS_UNKNOWN, 'network posture', config));
  if (!('timedOut' in credentials)) {
    const r = checkPullSecrets(inventory, credentials, config);
    findings.push(...r.findings);
    paths.push(...r.paths);
  } else findings.push(timedOut(PULL_SECRET_UNVERIFIABLE, 'pull secrets', config));

  const checked: ImageFacts = { checked: new Map() };
  for (const [ref, r] of results) {
    if (r.status === 'ok')
      checked.checked.set(ref, {
        ...(r.auth ? { auth: r.auth } : {}),
        ...(r.digest ? { digest: r.digest } : {}),
        ...(r.platforms ? { platforms: r.platforms.map(formatPlatform) } : {}),
      });
  }
  const requests = {
    ...('timedOut' in images ? {} : images.requests),
    ...prefixed('emulator', emulator?.requestCounts() ?? {}),
  };
  const bindings = serviceAccountBindings(inventory);
  const pathsOfUse = (use: ImageUse): string[] => [
    'kubelet',
    'anonymous',
    ...(credentials && !('timedOut' in credentials) ? effectivePullSecrets(use, credentials) : use.pullSecrets).map(
      (name) => `pull-secret:${use.namespace}/${name}`,
    ),
    ...(bindings[`${use.namespace}/${use.serviceAccount}`]
      ? [`identity-binding:${use.namespace}/${use.serviceAccount}`]
      : []),
  ];
  const scope: RunScope = {
    cluster: !!config.cluster,
    identityRead: !!identityFacts && !isUnverifiable(identityFacts.cluster),
    networkRead: !!network && !('timedOut' in network),
    offline: false,
  };
  deps.mark?.('report');
  const combined = combinePullPaths(findings, paths, inventory.uses, pathsOfUse);
  return finish(config, inventory, combined, checked, requests, ctx.now, scope);
}

function finish(
  config: Config,
  inventory: Inventory,
  findings: Finding[],
  images: ImageFacts,
  requests: Record<string, number>,
  now: Date,
  scope?: RunScope,
): GateResult {
  const { report, exitCode } = buildReport({
    mode: config.mode,
    ...(config.cluster ? { cluster: config.cluster } : {}),
    uses: inventory.uses,
    // Accepted-on-purpose entries are matched to the per-place findings, before the verdict groups them.
    findings: applySuppressions(findings, inventory.uses, config.ignore, now, config.mode === 'check'),
    images,
    failOn: config.failOn,
    unverified: config.unverified,
    ...(scope ? { scope } : {}),
  });
  return { report, exitCode, inventory, requests };
}

async function networkFacts(
  ctx: FactContext,
  cluster: NonNullable<ClusterFacts['raw']>,
  registries: RegistryDiscovery['registries'],
): Promise<NetworkFacts> {
  const { collectNetworkFacts } = await import('./facts/network/network.js');
  return collectNetworkFacts(
    ctx,
    cluster,
    registries.flatMap((r) => (r.raw ? [r.raw] : [])),
  );
}

/** Node pools decide where pods can land once a cluster is known; an explicit --platform still wins. */
function clusterPlatforms(config: Config, identity: IdentityFacts | undefined, logger: Logger): Platform[] {
  if (config.platformsExplicit || !identity || isUnverifiable(identity.cluster)) return config.platforms;
  const pools = platformsFromAgentPools(identity.cluster.agentPools ?? []);
  if (!pools.length) return config.platforms;
  logger.info(`Node pools offer ${pools.map(formatPlatform).join(', ')}`);
  return pools;
}

async function checkAllImages(
  inventory: Inventory,
  ctx: FactContext,
  discovery: RegistryDiscovery | undefined,
): Promise<{ results: Map<string, ImageCheck>; requests: Record<string, number> }> {
  const acrHosts = new Set(Object.entries(discovery?.hosts ?? {}).flatMap(([h, id]) => (id ? [h.toLowerCase()] : [])));
  const isAcr = (registry: string): boolean => acrHosts.has(registry.toLowerCase()) || isAcrHost(registry);
  const quarantining = new Set(
    (discovery?.registries ?? []).flatMap((r) =>
      (r.raw?.policies?.quarantinePolicy?.status ?? '').toLowerCase() === 'enabled'
        ? [r.loginServer.toLowerCase(), ...r.dataEndpointHostNames]
        : [],
    ),
  );
  const azure = ctx.azure;
  const client = new RegistryClient({
    fetch: ctx.fetch,
    signal: ctx.signal,
    logger: ctx.logger,
    isAcr,
    quarantineEnabled: (registry) => quarantining.has(registry.toLowerCase()),
    ...(azure
      ? {
          getEntraToken: async () => {
            const t = await azure.credential.getToken(azure.endpoints.acrScope);
            if (!t) throw new Error('no Entra token for the registry audience');
            return t.token;
          },
          ...(azure.tenantId ? { acrTenant: azure.tenantId } : {}),
        }
      : {}),
  });
  const secrets = manifestCredentials(inventory, ctx.maskSecret);
  // Uses grouped by image once: the pull-secret credential of an image is looked up among its own uses only.
  const byRef = new Map<string, ImageUse[]>();
  for (const u of inventory.uses) if (u.ref) byRef.set(u.ref.normalized, [...(byRef.get(u.ref.normalized) ?? []), u]);
  const results = new Map<string, ImageCheck>();
  const cache = azure && discovery?.registries.length ? await collectCacheRules(ctx, discovery.registries) : undefined;
  // Upstream registries of cache rules are asked anonymously, as a separate client: no Entra token, no pull secret.
  const upstream = new RegistryClient({ fetch: ctx.fetch, signal: ctx.signal, logger: ctx.logger, isAcr: () => false });
  await Promise.all(
    [...byRef.values()].map(async (uses) => {
      const ref = uses[0].ref!;
      // ACR with a sign-in goes through Entra; elsewhere the pod's own pull-secret credential, if the manifests carry one.
      const credential = azure && isAcr(ref.registry) ? undefined : podCredential(uses, secrets);
      const r = await client.checkImage(ref, credential);
      if (cache) await addCacheUse(r, ref, cache, upstream);
      // Say which limit ran out in the user's terms: the `timeout` input, not the client's internal deadline.
      if (r.failure === 'timeout' && ctx.signal.aborted) r.reason = noAnswer(ref.registry, ctx.config);
      results.set(ref.normalized, r);
    }),
  );
  return { results, requests: client.requestCounts() };
}

/**
 * A repository behind an artifact-cache rule: note the rule (and an Unhealthy credential set) on the result; when ACR
 * answered not found, ask the rule's upstream for the tag anonymously (the kubelet's first pull would fill the cache
 * from there).
 */
async function addCacheUse(
  r: ImageCheck,
  ref: ImageReference,
  cache: CacheFacts,
  upstream: RegistryClient,
): Promise<void> {
  const match = cacheRuleFor(cache.rules, ref.registry, ref.repository);
  if (!match) return;
  const reference = ref.digest ? `@${ref.digest}` : `:${ref.tag ?? 'latest'}`;
  const use: CacheUse = {
    rule: match.rule.name,
    registryId: match.rule.registryId,
    upstream: `${match.upstreamRepository}${reference}`,
  };
  if (match.rule.credentialSetResourceId)
    use.credentialSet = match.rule.credentialSet?.name ?? match.rule.credentialSetResourceId;
  if (match.rule.credentialSet?.unhealthy.length) use.unhealthy = match.rule.credentialSet.unhealthy;
  if (r.status === 'not-found' || r.status === 'repository-not-found') {
    const parsed = parseImageReference(use.upstream);
    if (!parsed.ok) {
      use.upstreamStatus = 'unverifiable';
      use.upstreamReason = `the cache rule's source ${match.rule.sourceRepository} is not an image reference`;
    } else {
      const u = await upstream.checkImage(parsed.ref);
      use.upstreamStatus = u.status;
      if (u.reason) use.upstreamReason = u.reason;
    }
  }
  r.cache = use;
}

function manifestCredentials(inventory: Inventory, mask: SecretMasker): Map<string, DockerCredential[]> {
  const out = new Map<string, DockerCredential[]>();
  for (const s of inventory.secrets) {
    const parsed = parsePullSecret(s, mask);
    if (parsed.ok) out.set(`${s.namespace}/${s.name}`, parsed.credentials);
  }
  return out;
}

function podCredential(uses: ImageUse[], secrets: Map<string, DockerCredential[]>): RegistryCredential | undefined {
  for (const use of uses) {
    if (!use.ref) continue;
    const creds = use.pullSecrets.flatMap((name) => secrets.get(`${use.namespace}/${name}`) ?? []);
    const [first] = lookupCredentials(creds, use.ref);
    if (first) return { kind: 'basic', username: first.username, password: first.password };
  }
  return undefined;
}

/** `namespace/name` -> client id, for manifest ServiceAccounts with `kubernetes.azure.com/acr-client-id`. */
function serviceAccountBindings(inventory: Inventory): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sa of inventory.serviceAccounts) if (sa.acrClientId) out[`${sa.namespace}/${sa.name}`] = sa.acrClientId;
  return out;
}

function usesByRegistry(
  uses: ImageUse[],
  registries: { loginServer: string; dataEndpointHostNames?: string[]; regionalEndpointHostNames?: string[] }[],
): Map<string, ImageUse[]> {
  const map = new Map<string, ImageUse[]>();
  for (const r of registries) {
    const hosts = new Set(
      [r.loginServer, ...(r.dataEndpointHostNames ?? []), ...(r.regionalEndpointHostNames ?? [])].map((h) =>
        h.toLowerCase(),
      ),
    );
    map.set(
      r.loginServer,
      uses.filter((u) => u.ref && hosts.has(u.ref.registry.toLowerCase())),
    );
  }
  return map;
}

async function audit(config: Config, ctx: FactContext, deps: GateDeps, emulator?: Emulator): Promise<GateResult> {
  deps.phase?.('Auditing credentials');
  const result = await guard(
    runAudit(ctx, { clusterIds: config.cluster ? [config.cluster] : [], registryIds: config.registries }),
    ctx.signal,
  );
  const findings =
    'timedOut' in result ? [timedOut(PULL_SECRET_UNVERIFIABLE, 'the credential audit', config)] : result.findings;
  deps.phase?.('Checking the running workloads');
  const { auditWorkloads } = await import('./audit-workloads.js');
  const running = await auditWorkloads(config, ctx, async (c, inventory) => {
    const r = await check(c, inventory, ctx, deps, emulator);
    return { findings: r.report.findings, requests: r.requests };
  });
  if (running) findings.push(...running.findings);
  const out = finish(config, EMPTY_INVENTORY, findings, { checked: new Map() }, running?.requests ?? {}, ctx.now);
  if (running) out.requests = { ...out.requests, 'kubernetes-workload-reads': running.kubernetesRequests };
  if (!('timedOut' in result)) {
    out.report.credentials = result.credentials;
    // The audit exists to fail weeks ahead: an expiring credential (a warning finding) fails it too, unless never.
    if (auditNeedsAttention(result) && config.failOn !== 'never') {
      out.exitCode = 1;
      out.report.ready = false;
    }
  }
  return out;
}

/** Ends a phase at the overall deadline: what it had not learned by then is unverifiable, not a hang. */
async function guard<T>(work: Promise<T>, signal: AbortSignal, graceMs = 0): Promise<T | { timedOut: true }> {
  let onAbort: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ timedOut: true }>((resolve) => {
    const fire = () => resolve({ timedOut: true });
    onAbort = () => {
      if (graceMs > 0) timer = setTimeout(fire, graceMs);
      else fire();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    if (timer) clearTimeout(timer);
  }
}

/** Every image the registries did not answer for by the deadline: unverifiable, naming its registry. */
function unansweredImages(inventory: Inventory, config: Config): Map<string, ImageCheck> {
  const out = new Map<string, ImageCheck>();
  for (const u of inventory.uses) {
    if (!u.ref || out.has(u.ref.normalized)) continue;
    out.set(u.ref.normalized, {
      status: 'unverifiable',
      failure: 'timeout',
      reason: noAnswer(u.ref.registry, config),
    });
  }
  return out;
}

function noAnswer(registry: string, config: Config): string {
  return `${registry} did not answer within the ${Math.round(config.timeoutMs / 1000)} s timeout`;
}

function timedOut(rule: RuleId, what: string, config: Config): Finding {
  return {
    rule,
    severity: 'warning',
    message: `Checking ${what} did not finish within the ${Math.round(config.timeoutMs / 1000)} s timeout; it could not be verified`,
    remediation: `Raise the timeout (timeout: ${Math.round((config.timeoutMs * 2) / 1000)}) or check why the endpoint is slow`,
  };
}

function prefixed(prefix: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}.${k}`, v]));
}
