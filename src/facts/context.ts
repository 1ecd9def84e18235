// The FactContext of a run, decided once from the settings: the cloud's endpoints (or the simulated world's, which
// the gate treats as a custom cloud), the gate's own Azure sign-in (probed once, bounded), the kubeconfig when cluster
// reads are on, and the fetch registry clients use (proxy-aware, or routed to the emulator).

import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClientSecretCredential } from '@azure/identity';
import type { Config } from '../settings/config.js';
import type { AzureContext, AzureEndpoints, FactContext, FactTransport, WireRequest } from '../types/facts/context.js';
import type { Inventory, Logger, SecretMasker } from '../types/index.js';
import { cloudEndpoints } from './azure/clouds.js';
import { azureNeed, cachingCredential, createAzureContext } from './azure/sign-in.js';
import { proxyAwareFetch, proxyAwareRequest } from './proxy-fetch.js';

/** What the context needs of the run's injected dependencies (the gate's GateDeps has them). */
export interface ContextDeps {
  logger: Logger;
  maskSecret: SecretMasker;
  getIdToken?: (audience: string) => Promise<string>;
  env?: NodeJS.ProcessEnv;
  /** Finer timing marks than phases (the benchmark's per-phase figures): `signing in`, `signed in`, `report`. */
  mark?: (name: string) => void;
}

/** What a running simulated world offers the facts: its endpoints, kubeconfig, routed fetch and the gate's identity. */
export interface SimulatedCloud {
  endpoints: AzureEndpoints;
  kubeconfigPath: string;
  fetch: typeof globalThis.fetch;
  request: WireRequest;
  gate: { tenantId: string; clientId: string; clientSecret: string };
}

/** How the facts reach the network: the emulator's routing under --simulate, else the environment's proxy settings. */
export function factTransport(deps: Pick<ContextDeps, 'env'>, emulator: SimulatedCloud | undefined): FactTransport {
  return {
    fetch: emulator?.fetch ?? proxyAwareFetch(deps.env ?? process.env),
    request: emulator?.request ?? proxyAwareRequest(deps.env ?? process.env),
  };
}

export interface EarlyStart {
  /** Resolves with an ACR login server as soon as a manifest names one (the sign-in then starts at once). */
  acrNamed?: Promise<string>;
  /** The transport the run already made (factTransport), so every request shares one connection pool. */
  transport?: FactTransport;
}

export async function createFactContext(
  config: Config,
  deps: ContextDeps,
  emulator: SimulatedCloud | undefined,
  now: Date,
  signal: AbortSignal,
  inventory: Inventory | Promise<Inventory>,
  { acrNamed, transport = factTransport(deps, emulator) }: EarlyStart = {},
): Promise<FactContext> {
  const endpoints = emulator?.endpoints ?? cloudEndpoints(config.azureEnvironment);
  const kubeconfigPath = config.clusterReads
    ? (emulator?.kubeconfigPath ?? findKubeconfig(deps.env ?? process.env))
    : undefined;
  // Lazy sign-in: a run that reads no Azure fact starts no credential (and no `az` process).
  const liveSecrets = !!kubeconfigPath;
  // The settings alone (the audit, a named cluster) or a manifest naming an ACR login server (acrNamed, seen while the
  // files are still being read) start the sign-in at once; otherwise the whole inventory decides.
  const need =
    azureNeed({ ...config, liveSecrets, inventory: { uses: [], secrets: [] }, endpoints }) ??
    (await Promise.race([
      ...(acrNamed ? [acrNamed.then((host) => `the manifests name ${host}, an Azure Container Registry`)] : []),
      Promise.resolve(inventory).then((inv) => azureNeed({ ...config, liveSecrets, inventory: inv, endpoints })),
    ]));
  deps.logger.debug(need ? `Azure sign-in: ${need}` : 'No Azure sign-in: nothing in this run reads an Azure fact');
  deps.mark?.('signing in');
  const azure = need ? await signIn(config, deps, endpoints, emulator) : undefined;
  deps.mark?.('signed in');
  return {
    logger: deps.logger,
    maskSecret: deps.maskSecret,
    now,
    signal,
    ...transport,
    ...(azure ? { azure } : {}),
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
    ...(config.clusterReads ? {} : { clusterReadsOff: 'cluster reads are turned off (--no-cluster-reads)' }),
    ...(config.cluster ? { cluster: config.cluster } : {}),
    ...(config.registries.length ? { registryIds: config.registries } : {}),
    ...(emulator ? {} : { proxyEnv: deps.env ?? process.env }),
  };
}

/** The world names the gate's own identity; elsewhere the sign-in chain of the Actions ecosystem decides. */
async function signIn(
  config: Config,
  deps: ContextDeps,
  endpoints: AzureEndpoints,
  emulator?: SimulatedCloud,
): Promise<AzureContext | undefined> {
  if (emulator) {
    const g = emulator.gate;
    deps.maskSecret(g.clientSecret);
    const { ClientSecretCredential } = await import('@azure/identity');
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
