// Orchestration: inventory -> facts -> checks -> verdict -> report, for check and audit mode. The one place that knows
// the order of things; every stage it calls is injected with what it needs (logger, secret masker, fetch, Azure
// context), so the action, the CLI, the simulated world and the tests run the same code. Under --simulate the world's
// emulator is just another cloud. The stage work lives in its folder: facts/ reads, checks/ judges, verdict.ts decides.

import { ConfigurationError, type Config } from './settings/config.js';
import type { FactContext, PullPathResult } from './types/facts/context.js';
import type { RegistryDiscovery } from './types/facts/identity.js';
import type { Finding, Inventory } from './types/index.js';
import type { GateDeps, GateResult } from './types/gate.js';
import { buildInventory, serviceAccountBindings, type InventoryOptions } from './inventory/inventory.js';
import { buildReport, type ImageFacts, type RunScope } from './verdict.js';
import { guard } from './facts/collect.js';
import { createFactContext, factTransport } from './facts/context.js';
import { collectAccessFacts, prefetchCluster, readClusterAndRegistries } from './facts/azure/role-assignments.js';
import { discoverRegistries, prefetchRegistries } from './facts/azure/registries.js';
import { collectClusterNetworkFacts } from './facts/network/for-cluster.js';
import { collectImageFacts, unansweredImages } from './facts/registry/images.js';
import { EarlyImageChecks } from './facts/registry/early.js';
import { collectCredentialFacts } from './facts/credentials/collect.js';
import { collectAuditFacts, type AuditReadOptions } from './facts/audit.js';
import { isUnverifiable } from './lib/unverifiable.js';
import { acrHostIn } from './lib/acr-host.js';
import { staticFindings } from './checks/static.js';
import { checkIdentity, ROLE_ASSIGNMENTS_UNVERIFIABLE } from './checks/identity.js';
import { platformsFromAgentPools } from './checks/node-pools.js';
import { checkedImages, checkImages, formatPlatform } from './checks/images.js';
import { CLUSTER_EGRESS_UNKNOWN, checkNetwork, usesByRegistry } from './checks/network.js';
import { checkPullSecrets, PULL_SECRET_UNVERIFIABLE } from './checks/pull-secrets.js';
import { combinePullPaths, pathsTriedBy } from './checks/pull-paths.js';
import { applySuppressions } from './checks/suppressions.js';
import { timedOutFinding } from './checks/timeouts.js';
import { auditNeedsAttention, checkAudit, type AuditResult } from './checks/audit.js';
import type { Emulator } from './simulate/index.js';
import { startDebugTrace } from './lib/debug-log.js';
import { CONNECTIONS_PER_ORIGIN } from './facts/proxy-fetch.js';

export type { GateDeps, GateResult };

const OFFLINE_SCOPE: RunScope = { cluster: false, identityRead: false, networkRead: false, offline: true };

const EMPTY_INVENTORY: Inventory = { files: [], uses: [], secrets: [], serviceAccounts: [], findings: [] };

export async function runGate(config: Config, deps: GateDeps): Promise<GateResult> {
  const trace = startDebugTrace(deps.logger, { enabled: deps.debug === true, timeoutMs: config.timeoutMs });
  try {
    return await runTraced(config, { ...deps, phase: trace.phase(deps.phase) });
  } finally {
    trace.end();
  }
}

async function runTraced(config: Config, deps: GateDeps): Promise<GateResult> {
  // `offline` is decided here, once: an offline run builds no FactContext and asks nothing.
  if (config.offline) {
    const inventory = config.mode === 'check' ? await readInventory(config, deps) : EMPTY_INVENTORY;
    const findings = [...inventory.findings, ...staticFindings(inventory)];
    return finish(config, inventory, findings, { checked: new Map() }, {}, new Date(), OFFLINE_SCOPE);
  }
  const timeout = AbortSignal.timeout(config.timeoutMs);
  // `unread` ends what started early (registry checks, ARM reads) when the manifests cannot be read after all.
  const unread = new AbortController();
  const deadline = AbortSignal.any([timeout, unread.signal, ...(deps.signal ? [deps.signal] : [])]);
  // The manifests are read while the world starts, the gate signs in and ARM reads the cluster and lists the
  // registries (the settings, a cluster or the audit, or the first manifest naming an ACR say Azure is needed), and
  // the registries that need no credential are asked about each file's images (facts/registry/early.ts).
  const world: Promise<StartedWorld> = config.simulate
    ? startWorld(config, deps)
    : Promise.resolve({ config, now: new Date() });
  const transport = world.then((w: StartedWorld) => factTransport(deps, w.emulator));
  const early = config.mode === 'check' ? new EarlyImageChecks(transport, deadline, deps.logger) : undefined;
  const acrNamed = Promise.withResolvers<string>();
  let named = false;
  const reading =
    config.mode === 'check'
      ? readInventory(config, deps, {
          onText: (text) => {
            if (named) return; // one ACR host is enough to start the sign-in
            const host = acrHostIn(text);
            if (host) acrNamed.resolve(host);
            named = host !== undefined;
          },
          onImage: (image) => early?.add(image),
        })
      : Promise.resolve(EMPTY_INVENTORY);
  const context = world.then(async (w: StartedWorld) => {
    const ctx = await createFactContext(w.config, deps, w.emulator, w.now, deadline, reading, {
      acrNamed: acrNamed.promise,
      transport: await transport,
    });
    if (w.config.mode === 'check') {
      if (w.config.cluster) prefetchCluster(ctx, w.config.cluster);
      prefetchRegistries(ctx);
      if (ctx.azure) early?.signedIn(ctx.azure, ctx);
    }
    return ctx;
  });
  context.catch(() => undefined);
  let inventory: Inventory;
  try {
    inventory = await reading;
  } catch (err) {
    unread.abort(err);
    await world.then(
      (w: StartedWorld) => w.emulator?.close(),
      () => undefined,
    );
    throw err;
  }
  const started = await world;
  try {
    const ctx = await context;
    if (started.config.mode === 'audit') return await audit(started.config, ctx, deps, started.emulator);
    return await check(started.config, inventory, ctx, deps, started.emulator, early);
  } finally {
    await started.emulator?.close();
  }
}

interface StartedWorld {
  config: Config;
  now: Date;
  emulator?: Emulator;
}

/** Under --simulate: the world's clock, its emulator, and the audit's cluster when the world has exactly one. */
async function startWorld(config: Config, deps: GateDeps): Promise<StartedWorld> {
  deps.phase?.('Starting the simulated world');
  // Loaded only under --simulate: the emulator (and its certificate generator) costs nothing otherwise.
  const { loadWorld, startEmulator } = await import('./simulate/index.js');
  const world = await loadWorld(config.simulate ?? '');
  const now = typeof world.now === 'string' ? new Date(world.now) : new Date();
  // The audit's workload pass checks the kubelet identity of the cluster the kubeconfig reaches: under --simulate,
  // the world's one cluster when none is named.
  const clusters = world.azure.resources.filter(
    (r) => String(r.type).toLowerCase() === 'microsoft.containerservice/managedclusters',
  );
  if (config.mode === 'audit' && !config.cluster && config.workloads !== false && clusters.length === 1)
    config = { ...config, cluster: String(clusters[0].id) };
  return { config, now, emulator: await startEmulator(world, { connectionsPerOrigin: CONNECTIONS_PER_ORIGIN }) };
}

async function readInventory(
  config: Config,
  deps: GateDeps,
  seen: Pick<InventoryOptions, 'onText' | 'onImage'> = {},
): Promise<Inventory> {
  deps.phase?.('Reading manifests');
  const inventory = await buildInventory({
    manifests: config.manifests,
    cwd: config.cwd,
    namespace: config.namespace,
    maxFileBytes: config.maxFileBytes,
    ...(deps.readStdin ? { readStdin: deps.readStdin } : {}),
    ...seen,
  });
  deps.mark?.('manifests read');
  const unique = new Set(inventory.uses.map((u) => u.ref?.normalized ?? u.image)).size;
  deps.logger.info(`${inventory.files.length} file(s), ${inventory.uses.length} image reference(s), ${unique} unique`);
  return inventory;
}

async function check(
  config: Config,
  inventory: Inventory,
  ctx: FactContext,
  deps: GateDeps,
  emulator?: Emulator,
  early?: EarlyImageChecks,
): Promise<GateResult> {
  const findings: Finding[] = [...inventory.findings, ...staticFindings(inventory)];
  const paths: PullPathResult[] = [];
  const hosts = [...new Set(inventory.uses.flatMap((u) => (u.ref ? [u.ref.registry] : [])))];
  const bindings = serviceAccountBindings(inventory);
  const late = (rule: Finding['rule'], what: string): Finding => timedOutFinding(rule, what, config.timeoutMs);

  deps.phase?.('Reading cluster and registries');
  // The cluster and the registries first (two ARM reads in parallel); the image, network and credential reads start
  // from them, and the rest of the identity reads (assignments, definitions, groups) runs beside those.
  const base = config.cluster
    ? await guard(readClusterAndRegistries(ctx, config.cluster, hosts), ctx.signal)
    : undefined;
  const known = base && !('timedOut' in base) ? base : undefined;
  const discovery: RegistryDiscovery | undefined = config.cluster
    ? known?.discovery
    : ctx.azure && hosts.length
      ? await guard(discoverRegistries(ctx, hosts), ctx.signal).then((d) => ('timedOut' in d ? undefined : d))
      : undefined;
  const cluster = known && !isUnverifiable(known.cluster) ? known.cluster : undefined;
  // A cluster ARM says does not exist is the user's mistake (a typo, the wrong group): nothing about it can be checked.
  if (known && isUnverifiable(known.cluster) && known.cluster.notFound)
    throw new ConfigurationError(known.cluster.reason);
  // Node pools decide where pods can land once a cluster is known; an explicit --platform still wins.
  const pools = cluster && !config.platformsExplicit ? platformsFromAgentPools(cluster.agentPools ?? []) : [];
  if (pools.length) deps.logger.info(`Node pools offer ${pools.map(formatPlatform).join(', ')}`);
  const platforms = pools.length ? pools : config.platforms;

  deps.phase?.('Checking images, identity, network and pull secrets');
  const registries = discovery?.registries ?? [];
  const [identity, images, network, credentials] = await Promise.all([
    known ? guard(collectAccessFacts(ctx, known, bindings), ctx.signal) : undefined,
    // The registry client ends its own pending checks at the deadline (unverifiable: timeout, per image); the grace
    // lets those answers arrive instead of one anonymous timeout for the whole phase.
    guard(collectImageFacts(inventory, ctx, discovery, config.timeoutMs, early), ctx.signal, 3_000),
    cluster ? guard(collectClusterNetworkFacts(ctx, cluster, registries), ctx.signal) : undefined,
    guard(
      collectCredentialFacts(ctx, inventory, registries, {
        // The kubeconfig's context must be the cluster's; the emulator's names each world cluster by its fqdn, as
        // `az aks get-credentials` does, so the same tie runs under --simulate.
        clusterServers: [cluster?.fqdn, cluster?.privateFqdn].filter((h): h is string => !!h),
      }),
      ctx.signal,
    ),
  ]);
  const identityFacts = identity && !('timedOut' in identity) ? identity : undefined;
  if ((base && 'timedOut' in base) || (identity && 'timedOut' in identity))
    findings.push(late(ROLE_ASSIGNMENTS_UNVERIFIABLE, 'cluster and role assignments'));

  const results = 'timedOut' in images ? unansweredImages(inventory, config.timeoutMs) : images.results;
  findings.push(...checkImages(inventory.uses, results, platforms));
  if (identityFacts) {
    const r = checkIdentity(identityFacts, inventory.uses, { expiryWarningDays: config.expiryWarningDays });
    findings.push(...r.findings);
    paths.push(...r.paths);
  }
  if (network && !('timedOut' in network))
    findings.push(...checkNetwork(network, usesByRegistry(inventory.uses, registries)));
  else if (network) findings.push(late(CLUSTER_EGRESS_UNKNOWN, 'network posture'));
  const credentialFacts = 'timedOut' in credentials ? undefined : credentials;
  if (credentialFacts) {
    const r = checkPullSecrets(inventory, credentialFacts, { expiryWarningDays: config.expiryWarningDays });
    findings.push(...r.findings);
    paths.push(...r.paths);
  } else findings.push(late(PULL_SECRET_UNVERIFIABLE, 'pull secrets'));

  const checked: ImageFacts = { checked: checkedImages(results) };
  const requests = {
    ...('timedOut' in images ? {} : images.requests),
    ...prefixed('emulator', emulator?.requestCounts() ?? {}),
  };
  const scope: RunScope = {
    cluster: !!config.cluster,
    identityRead: !!cluster,
    networkRead: !!network && !('timedOut' in network),
    offline: false,
  };
  deps.mark?.('report');
  const combined = combinePullPaths(findings, paths, inventory.uses, pathsTriedBy(credentialFacts, bindings));
  const facts = { paths, ...(network && !('timedOut' in network) ? { network } : {}) };
  return { ...finish(config, inventory, combined, checked, requests, ctx.now, scope), facts };
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

/** The credential audit: what the cluster and registries hold (facts/audit.ts), judged by the gate's rules. */
export async function runAudit(
  ctx: FactContext,
  opts: AuditReadOptions & { expiryWarningDays: number },
): Promise<AuditResult> {
  const facts = await collectAuditFacts(ctx, opts);
  return checkAudit(facts, { now: ctx.now, expiryWarningDays: opts.expiryWarningDays });
}

async function audit(config: Config, ctx: FactContext, deps: GateDeps, emulator?: Emulator): Promise<GateResult> {
  deps.phase?.('Auditing credentials');
  const result = await guard(
    runAudit(ctx, {
      clusterIds: config.cluster ? [config.cluster] : [],
      registryIds: config.registries,
      expiryWarningDays: config.expiryWarningDays,
    }),
    ctx.signal,
  );
  const findings =
    'timedOut' in result
      ? [timedOutFinding(PULL_SECRET_UNVERIFIABLE, 'the credential audit', config.timeoutMs)]
      : result.findings;
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

function prefixed(prefix: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}.${k}`, v]));
}
