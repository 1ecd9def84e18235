// Plain ARM GETs (I/O): the Azure core pipeline (the gate's credential as a bearer token, retries on 429/5xx, the
// abort signal, proxy settings) without an SDK client, for resources no installed SDK covers or whose SDK is too
// large for the reads the gate makes: the network reads (@azure/arm-network's bundle chunk was 3.5 MB, and the SDK
// clients it builds, for eight reads) and the user-assigned identities of identity bindings (identity-bindings.ts).
// Network reads use the api-version @azure/arm-network 39 sent (2026-01-01), so the bodies are what the SDK read; list
// reads follow `nextLink` as the SDK's pager did.
//
// The SDK handed back its models with every `properties` bag flattened into its resource (`vnet.subnets`, not
// `vnet.properties.subnets`), nested resources alike (peerings, zone configs): `flattenProperties` does the same, so the
// shapes below are the SDK's, reduced to the fields the network facts read.

import type { HttpClient, Pipeline } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';

type Core = typeof import('@azure/core-rest-pipeline');

/** The api-version @azure/arm-network 39.0.0 sent for Microsoft.Network reads. */
export const NETWORK_API_VERSION = '2026-01-01';

export interface SubResource {
  id?: string;
}

export interface VirtualNetwork {
  id?: string;
  name?: string;
  subnets?: { id?: string; name?: string }[];
  dhcpOptions?: { dnsServers?: string[] };
  virtualNetworkPeerings?: {
    id?: string;
    peeringState?: string;
    allowVirtualNetworkAccess?: boolean;
    remoteVirtualNetwork?: SubResource;
  }[];
}

export interface Subnet {
  id?: string;
  name?: string;
  natGateway?: SubResource;
}

export interface NatGateway {
  id?: string;
  publicIpAddresses?: SubResource[];
  publicIpPrefixes?: SubResource[];
}

export interface PublicIPAddress {
  id?: string;
  ipAddress?: string;
}

export interface PublicIPPrefix {
  id?: string;
  ipPrefix?: string;
}

export interface PrivateEndpoint {
  id?: string;
  subnet?: SubResource;
  customDnsConfigs?: { fqdn?: string; ipAddresses?: string[] }[];
}

export interface PrivateDnsZoneGroup {
  id?: string;
  name?: string;
  privateDnsZoneConfigs?: { name?: string; privateDnsZoneId?: string }[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Copies a resource body with every `properties` object merged into the object that holds it, recursively (pure):
 * the shape the ARM SDKs' deserializers give. A field of the resource itself (id, name, type, etag) wins over a
 * same-named one inside `properties`.
 */
export function flattenProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flattenProperties);
  if (!value || typeof value !== 'object') return value;
  const src = value as Record<string, Json>;
  const out: Record<string, unknown> = {};
  const props = src.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    for (const [k, v] of Object.entries(props)) out[k] = flattenProperties(v);
  }
  for (const [k, v] of Object.entries(src)) {
    if (k === 'properties' && props && typeof props === 'object' && !Array.isArray(props)) continue;
    out[k] = flattenProperties(v);
  }
  return out;
}

/**
 * GETs ARM resources through one pipeline (bearer token for the cloud's ARM scope). The pipeline module loads with the
 * first request, not with this file (docs/DESIGN.md, "Loading").
 */
export class ArmGetter {
  private ready: Promise<{ core: Core; pipeline: Pipeline; http: HttpClient }> | undefined;
  private readonly base: URL;

  constructor(
    private readonly credential: TokenCredential,
    resourceManager: string,
    private readonly scope: string,
    private readonly signal: AbortSignal,
  ) {
    this.base = new URL(resourceManager.replace(/\/*$/, '/'));
  }

  private setup(): Promise<{ core: Core; pipeline: Pipeline; http: HttpClient }> {
    this.ready ??= import('@azure/core-rest-pipeline').then((core) => {
      const pipeline = core.createPipelineFromOptions({});
      pipeline.addPolicy(core.bearerTokenAuthenticationPolicy({ credential: this.credential, scopes: this.scope }));
      return { core, pipeline, http: core.createDefaultHttpClient() };
    });
    return this.ready;
  }

  /** One resource (flattened), by its ARM path (`/subscriptions/.../virtualNetworks/v`). Throws RestError on non-2xx. */
  async get<T>(path: string, apiVersion = NETWORK_API_VERSION): Promise<T> {
    return flattenProperties(await this.send(this.url(path, apiVersion))) as T;
  }

  /** Every item of a list (flattened), following `nextLink` on the same ARM host. */
  async list<T>(path: string, apiVersion = NETWORK_API_VERSION): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = this.url(path, apiVersion);
    const seen = new Set<string>();
    while (next) {
      if (seen.has(next)) throw new Error(`ARM paging loops at ${next}`);
      seen.add(next);
      const page = (await this.send(next)) as { value?: unknown[]; nextLink?: string | null } | null;
      for (const item of page?.value ?? []) out.push(flattenProperties(item) as T);
      next = page?.nextLink ? this.nextUrl(page.nextLink, apiVersion) : undefined;
    }
    return out;
  }

  private url(path: string, apiVersion: string): string {
    const u = new URL(path.replace(/^\/+/, ''), this.base);
    u.searchParams.set('api-version', apiVersion);
    return u.toString();
  }

  /** A nextLink must stay on the ARM host (the bearer token goes with it); it keeps its api-version, or gets ours. */
  private nextUrl(link: string, apiVersion: string): string {
    const u = new URL(link, this.base);
    if (u.origin !== this.base.origin) throw new Error(`ARM nextLink leaves ${this.base.origin}: ${u.origin}`);
    if (!u.searchParams.has('api-version')) u.searchParams.set('api-version', apiVersion);
    return u.toString();
  }

  private async send(url: string): Promise<unknown> {
    const { core, pipeline, http } = await this.setup();
    const { RestError } = core;
    const request = core.createPipelineRequest({ url, method: 'GET', abortSignal: this.signal });
    request.headers.set('accept', 'application/json');
    const res = await pipeline.sendRequest(http, request);
    let body: unknown = null;
    try {
      body = res.bodyAsText ? JSON.parse(res.bodyAsText) : null;
    } catch {
      if (res.status >= 200 && res.status < 300)
        throw new RestError(`ARM answered ${res.status} with no JSON body`, {
          statusCode: res.status,
          request,
          response: res,
        });
    }
    if (res.status >= 200 && res.status < 300) return body;
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : undefined;
    const message = typeof error?.message === 'string' ? error.message : `ARM answered HTTP ${res.status}`;
    throw new RestError(message, { statusCode: res.status, request, response: res, ...(code ? { code } : {}) });
  }
}
