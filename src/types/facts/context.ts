// What every fact collector receives (injected, so tests and the simulated world swap the endpoints, never the code),
// and the pull-path results that checks hand to the "any working path pulls" verdict.

import type { TokenCredential } from '@azure/identity';
import type { Logger, SecretMasker } from '../index.js';

/** Endpoints of one Azure cloud (or of the loopback emulator, which the gate treats as a custom cloud). */
export interface AzureEndpoints {
  name: string;
  /** Entra ID authority host, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** ARM endpoint, e.g. https://management.azure.com */
  resourceManager: string;
  /** Microsoft Graph endpoint, e.g. https://graph.microsoft.com */
  graph: string;
  /** ACR login server suffixes, e.g. ['.azurecr.io'] */
  acrSuffixes: string[];
  /** Audience for ACR data-plane Entra tokens, e.g. https://containerregistry.azure.net/.default */
  acrScope: string;
}

export interface AzureContext {
  credential: TokenCredential;
  endpoints: AzureEndpoints;
  /** Subscription the cluster (or the sign-in) names, when known. */
  subscriptionId?: string;
  tenantId?: string;
}

/**
 * One HTTP exchange as undici's `request` makes it (a dispatcher bound): status, lower-case headers, and a body to
 * read to its end or destroy. Redirects are not followed. The registry transport (facts/registry/http.ts) reads every
 * body itself, bounded, before it lets the next request to that registry go.
 */
export type WireRequest = (
  url: URL,
  init: { method: string; headers?: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array> & { destroy(err?: Error): unknown };
}>;

/**
 * No Config here: each collector takes the few values it uses, decided once by the gate (an --offline run never builds
 * a FactContext at all).
 */
export interface FactContext {
  logger: Logger;
  maskSecret: SecretMasker;
  /** Clock for expiry checks (the world's `now` under --simulate). */
  now: Date;
  /** Aborted when the overall timeout passes. */
  signal: AbortSignal;
  /** fetch for registry data planes; under --simulate it routes registry hosts to the emulator. */
  fetch: typeof globalThis.fetch;
  /** The same routing as `fetch` through undici's `request` (the registry clients' transport: about half the CPU
   * of a fetch per request); absent where only a fetch is given (tests), then the clients use `fetch`. */
  request?: WireRequest;
  /** Absent when there is no Azure sign-in (then Azure facts are unverifiable, not failed). */
  azure?: AzureContext;
  /** Kubeconfig for live cluster reads, when available and allowed: a path, or KUBECONFIG's existing files joined
   * with the path delimiter (merged as kubectl merges them). */
  kubeconfigPath?: string;
  /** Why the live cluster is not read (cluster reads turned off), when the run decided so; then no kubeconfigPath. */
  clusterReadsOff?: string;
  /** The AKS resource id the run names, when it names one. */
  cluster?: string;
  /** Registry resource ids the run names (`registries`): read directly when no listing finds their login server. */
  registryIds?: string[];
  /** The environment whose HTTPS_PROXY/HTTP_PROXY/NO_PROXY the clients that take no `fetch` (the Kubernetes API)
   * follow; absent under --simulate, where every endpoint is the loopback emulator. */
  proxyEnv?: NodeJS.ProcessEnv;
}

/** How a run's facts reach the network (the emulator's routing under --simulate, else the proxy settings). */
export type FactTransport = Pick<FactContext, 'fetch' | 'request'>;

/** One way a kubelet could get an image: its own identity, or one pull-secret credential. */
export interface PullPathResult {
  /** Normalized image reference. */
  image: string;
  /** `kubelet`, `anonymous` (the registry allows anonymous pull) or `pull-secret:<namespace>/<name>`. */
  path: string;
  state: 'works' | 'broken' | 'unknown';
  /** Why it is broken or unknown, one line (goes into the error that lists every path tried). */
  reason?: string;
}
