// The loopback emulator behind --simulate: one HTTPS server on 127.0.0.1 with an ephemeral CA (generated in JS and
// trusted in-process), routing by Host (registry hosts -> data plane) and by path (Entra, ARM, Graph, Kubernetes).
// It hands the gate a custom cloud (endpoints), a fetch that routes the world's registry hosts to it, and a kubeconfig.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { generate } from 'selfsigned';
import { Agent, buildConnector, fetch as undiciFetch, request as undiciRequest, type Dispatcher } from 'undici';
import type { AzureEndpoints } from '../types/facts/context.js';
import { ArmService, DEFAULT_PAGE_SIZE, armError, type Caller } from './arm.js';
import { EntraService } from './entra.js';
import { GraphService, graphDenied } from './graph.js';
import { bearer, json, TokenMint, type Reply, type Req } from './http-kit.js';
import { KubernetesService, kubeStatus } from './kubernetes.js';
import { RegistryService, registryError } from './registry.js';
import { startTunnelProxy } from './tunnel.js';
import { firewallDeniedMessage, gateAllowed, type NetworkView } from './gate-network.js';
import { actionMatches, lower, WorldIndex } from './world-index.js';
import type { ArmResource, Fault, World } from './world.js';

/** A managed cluster's API server name as its kubeconfig names it: `fqdn`, else `privateFQDN` (a private cluster). */
export function clusterHost(cluster: ArmResource): string | undefined {
  const p = (cluster.properties ?? {}) as Record<string, unknown>;
  const h = typeof p.fqdn === 'string' && p.fqdn ? p.fqdn : typeof p.privateFQDN === 'string' ? p.privateFQDN : '';
  return h ? h.toLowerCase() : undefined;
}

/**
 * A kubeconfig for the world's Kubernetes API with one context per cluster, named and shaped as
 * `az aks get-credentials` writes them (cluster and context `<name>`, user `clusterUser_<rg>_<name>`, server
 * `https://<fqdn>:443`), the first cluster current. `proxyUrl` adds `proxy-url` (kubectl, the gate and the
 * JavaScript Kubernetes client honour it), so the cluster's name reaches the emulator without DNS.
 */
function clusterKubeconfig(
  clusters: ArmResource[],
  origin: string,
  caPem: string,
  token: string,
  proxyUrl?: string,
): Record<string, unknown> {
  const ca = Buffer.from(caPem).toString('base64');
  const seen = new Set<string>();
  const entries = clusters.map((c) => {
    const rg = /\/resourceGroups\/([^/]+)/i.exec(c.id)?.[1] ?? 'rg';
    let name = c.name ?? c.id.split('/').pop() ?? 'simulated';
    // Two clusters of one name (in different groups) get distinct contexts, as `az aks get-credentials` merges them.
    if (seen.has(name)) name = `${name}-${rg}`;
    seen.add(name);
    const host = clusterHost(c);
    const server = host ? `https://${host}:443` : origin;
    return { name, user: `clusterUser_${rg}_${name}`, server, proxied: host !== undefined };
  });
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: entries.map((e) => ({
      name: e.name,
      cluster: {
        server: e.server,
        'certificate-authority-data': ca,
        ...(proxyUrl && e.proxied ? { 'proxy-url': proxyUrl } : {}),
      },
    })),
    users: entries.map((e) => ({ name: e.user, user: { token } })),
    contexts: entries.map((e) => ({ name: e.name, context: { cluster: e.name, user: e.user } })),
    'current-context': entries[0]?.name ?? '',
    preferences: {},
  };
}

export interface EmulatorOptions {
  /** Delay before every reply (overrides the world's latencyMs). */
  latencyMs?: number;
  /** ARM page size (default 2, so that callers exercise nextLink). */
  pageSize?: number;
  /** TCP port on 127.0.0.1 (default 0: a free one). `simulate serve --port 443` serves the registries' real names. */
  port?: number;
  /** More names for the TLS certificate (`simulate serve` adds login.microsoftonline.com for MSAL's discovery). */
  extraCertHosts?: string[];
  /**
   * Connections per origin of the emulator's own transport (default 64): the gate passes its registry transport's
   * limit (facts/proxy-fetch.ts, CONNECTIONS_PER_ORIGIN), so a simulated run makes the handshakes a real one makes.
   */
  connectionsPerOrigin?: number;
}

export interface Emulator {
  endpoints: AzureEndpoints;
  caPem: string;
  fetch: typeof globalThis.fetch;
  /** undici's `request` through the same routing as `fetch` (what the gate's registry clients send with). */
  request: (
    url: URL,
    init: { method: string; headers?: Record<string, string>; body?: string; signal: AbortSignal },
  ) => Promise<Dispatcher.ResponseData>;
  kubeconfigPath: string;
  /** The port the emulator listens on (127.0.0.1). */
  port: number;
  /** The world's registry hosts, served on the same port by Host/SNI. */
  registryHosts: string[];
  /** The world's clusters' API server names (`fqdn`, else `privateFQDN`), served on the same port by Host/SNI. */
  clusterHosts: string[];
  /** The loopback CONNECT proxy that tunnels those names (and extraCertHosts) to the emulator (HTTPS_PROXY). */
  proxyUrl: string;
  gate: { tenantId: string; clientId: string; clientSecret: string; objectId: string };
  requestCounts(): Record<string, number>;
  close(): Promise<void>;
}

const ACR_SCOPE = 'https://containerregistry.azure.net/.default';

// Extra CAs of running emulators: several may run in one process, and closing one must not untrust another.
const trustedExtra = new Set<string>();
let baseCAs: string[] | undefined;

function applyTrust(): void {
  baseCAs ??= tls.getCACertificates('default');
  tls.setDefaultCACertificates([...baseCAs, ...trustedExtra]);
  if (trustedExtra.size === 0) baseCAs = undefined;
}

async function makeCertificates(hosts: string[]): Promise<{ caPem: string; key: string; cert: string }> {
  const notAfterDate = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  // A unique subject per run: with two emulators' CAs trusted at once, OpenSSL picks an issuer by subject name, and
  // a shared name would make it verify against the wrong key (CERT_SIGNATURE_FAILURE).
  const ca = await generate(
    [{ name: 'commonName', value: `aks-pull-gate simulated world CA ${randomBytes(6).toString('hex')}` }],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    },
  );
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
          ...hosts.map((h) => ({ type: 2 as const, value: h })),
        ],
      },
    ],
  });
  return { caPem: ca.cert, key: leaf.private, cert: leaf.cert };
}

function acrSuffixes(hosts: string[]): string[] {
  const out = new Set<string>();
  for (const h of hosts) {
    const m = /(\.azurecr\.(?:io|cn|us))$/.exec(h);
    if (m) out.add(m[1]);
    else if (h.includes('.')) out.add(h.slice(h.indexOf('.')));
  }
  return out.size > 0 ? [...out].sort() : ['.azurecr.io'];
}

function readBody(req: IncomingMessage, limit = 4 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A Kubernetes fault answered as the API server would, e.g. RBAC's 403 naming the verb, resource and namespace. */
function kubeFault(status: number, path: string): Reply {
  if (status === 403) {
    const m = /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?/.exec(path);
    const [, ns, resource = 'resources', name] = m ?? [];
    const verb = name ? 'get' : 'list';
    const where = ns ? ` in the namespace "${ns}"` : ' at the cluster scope';
    const subject = `${resource}${name ? ` "${name}"` : ''}`;
    return kubeStatus(
      403,
      'Forbidden',
      `${subject} is forbidden: User "aks-pull-gate" cannot ${verb} resource "${resource}" in API group ""${where}`,
      {
        ...(name ? { name } : {}),
        kind: resource,
      },
    );
  }
  const reasons: Record<number, string> = {
    401: 'Unauthorized',
    404: 'NotFound',
    429: 'TooManyRequests',
    500: 'InternalError',
    503: 'ServiceUnavailable',
    504: 'Timeout',
  };
  return kubeStatus(status, reasons[status] ?? 'InternalError', `Simulated fault: ${reasons[status] ?? status}.`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function bodyBuffer(reply: Reply): Buffer {
  if (reply.body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(reply.body)) return reply.body;
  if (typeof reply.body === 'string') return Buffer.from(reply.body);
  return Buffer.from(JSON.stringify(reply.body));
}

class EmulatorServer {
  readonly index: WorldIndex;
  private readonly mint = new TokenMint();
  private readonly entra: EntraService;
  private readonly arm: ArmService;
  private readonly graph: GraphService;
  private readonly registry: RegistryService;
  private readonly networkView: NetworkView = {
    resource: (id) => this.index.resources.get(id.toLowerCase()),
    all: () => this.index.resources.values(),
  };
  private readonly kube: KubernetesService;
  readonly kubeToken = randomBytes(24).toString('base64url');
  readonly counts: Record<string, number> = {};
  private readonly faults: { fault: Fault; left: number; re?: RegExp }[];
  origin = '';
  private readonly hanging = new Set<ServerResponse>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly world: World,
    private readonly latencyMs: number,
    pageSize: number,
  ) {
    this.index = new WorldIndex(world);
    this.entra = new EntraService(this.index, this.mint);
    this.arm = new ArmService(this.index, pageSize);
    this.arm.userKubeconfig = (c) => this.userKubeconfig(c);
    this.graph = new GraphService(this.index, pageSize);
    this.registry = new RegistryService(this.index, this.mint, this.entra);
    // AKS with Entra ID names a service principal by its object id in Kubernetes RBAC.
    this.kube = new KubernetesService(
      world.kubernetes,
      {
        name: world.gate.objectId,
        groups: ['system:authenticated'],
      },
      typeof world.now === 'string' ? new Date(world.now) : undefined,
    );
    this.faults = world.faults.map((f) => ({
      fault: f,
      left: f.count ?? Infinity,
      re: f.path ? new RegExp(f.path) : undefined,
    }));
  }

  /** ARM's `/metadata/endpoints` cloud document (the shape of management.azure.com's, api-version 2022-09-01),
   *  naming the emulator for every endpoint, so `az cloud register --endpoint-resource-manager` can autodetect. */
  cloudMetadata(apiVersion: string | null): unknown {
    const o = this.origin;
    // api-version 2015-01-01 (msrestazure, azure-cli's `az cloud register` autodetect) has the old flat shape;
    // 2019-05-01 and later list the clouds (an array of the document below).
    if (apiVersion && apiVersion < '2019') {
      return {
        galleryEndpoint: `${o}/`,
        graphEndpoint: `${o}/`,
        portalEndpoint: `${o}/`,
        authentication: { loginEndpoint: `${o}/`, audiences: [`${o}/`, o] },
      };
    }
    return [this.cloudDocument()];
  }

  private cloudDocument(): Record<string, unknown> {
    const o = this.origin;
    const suffixes = acrSuffixes(this.index.registryHosts());
    return {
      portal: o,
      authentication: { loginEndpoint: o, audiences: [`${o}/`, o], tenant: 'common', identityProvider: 'AAD' },
      media: o,
      graphAudience: `${o}/`,
      graph: `${o}/`,
      name: 'SimulatedWorld',
      suffixes: {
        azureDataLakeStoreFileSystem: 'azuredatalakestore.net',
        acrLoginServer: suffixes[0].replace(/^\./, ''),
        sqlServerHostname: 'database.windows.net',
        azureDataLakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
        keyVaultDns: 'vault.azure.net',
        storage: 'core.windows.net',
        azureFrontDoorEndpointSuffix: 'azurefd.net',
      },
      batch: o,
      resourceManager: `${o}/`,
      vmImageAliasDoc: `${o}/vmImageAliasDoc`,
      activeDirectoryDataLake: o,
      sqlManagement: o,
      gallery: o,
      microsoftGraphResourceId: `${o}/`,
    };
  }

  /**
   * The kubeconfig `listClusterUserCredential` returns, as AKS writes it: cluster and context named after the
   * cluster, user `clusterUser_<rg>_<name>`, server `https://<fqdn>:443` (a client reaches that name through the
   * emulator's proxy, HTTPS_PROXY) — or the emulator's origin for a cluster without an fqdn in the world.
   */
  userKubeconfig(cluster: ArmResource): string {
    return JSON.stringify(clusterKubeconfig([cluster], this.origin, this.caPem, this.kubeToken));
  }

  caPem = '';

  private kindOf(req: Req, registryHost: boolean): string {
    if (registryHost) return RegistryService.kindOf(req);
    const first = req.path.split('/')[1] ?? '';
    if (first === 'api' || first === 'apis' || first === 'version') return 'kubernetes';
    if (first === 'v1.0' || first === 'beta') return 'graph';
    if (['subscriptions', 'providers', 'tenants', 'metadata'].includes(lower(first))) return 'arm';
    return 'entra';
  }

  private takeFault(req: Req, kind: string, rawPath: string): Fault | undefined {
    for (const f of this.faults) {
      if (f.left <= 0) continue;
      if (f.fault.host && f.fault.host !== req.host) continue;
      if (f.fault.kind && f.fault.kind !== kind) continue;
      if (f.re && !f.re.test(rawPath)) continue;
      f.left -= 1;
      return f.fault;
    }
    return undefined;
  }

  private faultReply(kind: string, fault: Fault, path: string): Reply {
    const status = fault.status ?? 503;
    const headers: Record<string, string> =
      fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
    const names: Record<number, string> = {
      429: 'TooManyRequests',
      500: 'InternalServerError',
      502: 'BadGateway',
      503: 'ServiceUnavailable',
      504: 'GatewayTimeout',
      403: 'AuthorizationFailed',
      401: 'Unauthorized',
      404: 'NotFound',
    };
    const name = names[status] ?? `Status${status}`;
    const message = `Simulated fault: ${name}.`;
    let reply: Reply;
    if (kind === 'arm') reply = armError(status, name, message);
    else if (kind === 'graph') reply = json(status, { error: { code: name, message } });
    else if (kind === 'kubernetes') reply = kubeFault(status, path);
    else if (kind === 'entra') reply = json(status, { error: 'temporarily_unavailable', error_description: message });
    else
      reply = registryError(
        status,
        status === 429
          ? 'TOOMANYREQUESTS'
          : status === 401
            ? 'UNAUTHORIZED'
            : status === 403
              ? 'DENIED'
              : 'UNAVAILABLE',
        message,
      );
    reply.headers = { ...reply.headers, ...headers };
    return reply;
  }

  private armCaller(req: Req): Caller | Reply {
    const token = bearer(req);
    const claims = token ? this.mint.verify(token) : undefined;
    if (!claims) {
      const challenge = {
        'www-authenticate': `Bearer authorization_uri="${this.origin}/${this.world.gate.tenantId}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
      };
      return token
        ? json(
            401,
            { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } },
            challenge,
          )
        : json(
            401,
            {
              error: {
                code: 'AuthenticationFailed',
                message: "Authentication failed. The 'Authorization' header is missing.",
              },
            },
            challenge,
          );
    }
    // ARM accepts its own audiences only (an ACR- or Graph-audience token is refused). Under the emulator the ARM
    // endpoint is the origin; the modular SDK clients ask for https://management.azure.com/.default unless given
    // `credentials.scopes`, and ARM accepts that audience too.
    const aud = lower(String(claims.aud ?? '')).replace(/\/$/, '');
    if (![lower(this.origin), 'https://management.azure.com', 'https://management.core.windows.net'].includes(aud)) {
      return json(401, {
        error: {
          code: 'InvalidAuthenticationTokenAudience',
          message: `The access token has been obtained for wrong audience or resource '${String(claims.aud)}'. It should exactly match with one of the allowed audiences '${this.origin}/','${this.origin}','https://management.azure.com/','https://management.core.windows.net/'.`,
        },
      });
    }
    const oid = String(claims.oid ?? '');
    const tenantId = typeof claims.tid === 'string' ? claims.tid : undefined;
    const gate = this.world.gate;
    if (lower(oid) === lower(gate.objectId)) {
      return { objectId: oid, tenantId, can: (action) => !gate.deniedActions.some((d) => actionMatches(d, action)) };
    }
    return { objectId: oid, tenantId, can: (action, scope) => this.index.hasAction(oid, scope, action) };
  }

  private route(req: Req): Reply {
    const reg = this.index.registryForHost(req.host);
    if (reg) {
      const g = this.world.gate;
      if (
        g.sourceIp &&
        !gateAllowed(this.networkView, reg.arm, {
          sourceIp: g.sourceIp,
          ...(g.subnetId ? { subnetId: g.subnetId } : {}),
        })
      )
        return registryError(403, 'DENIED', firewallDeniedMessage(g.sourceIp));
      return this.registry.handle(req, reg);
    }
    const segs = req.path.split('/').filter(Boolean);
    const first = segs[0] ?? '';
    const kind = this.kindOf(req, false);
    if (kind === 'kubernetes') return this.kube.handle(req, this.kubeToken);
    if (lower(req.path) === '/metadata/endpoints') return json(200, this.cloudMetadata(req.query.get('api-version')));
    if (kind === 'graph') {
      const claims = this.mint.verify(bearer(req) ?? '');
      if (!claims)
        return json(401, {
          error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' },
        });
      if (!this.world.gate.graph && lower(String(claims.oid)) === lower(this.world.gate.objectId)) return graphDenied();
      return this.graph.handle(req, segs.map(decodeURIComponent));
    }
    if (kind === 'arm') {
      const caller = this.armCaller(req);
      return 'status' in caller ? caller : this.arm.handle(req, caller);
    }
    if (first) {
      const r = this.entra.handle(req, segs.map(decodeURIComponent));
      if (r) return r;
    }
    return json(404, {
      error: { code: 'NotFound', message: `The emulator does not serve ${req.method} ${req.path}.` },
    });
  }

  async serve(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    // Collapse repeated slashes: SDKs join `/{scope}` with a scope that starts with '/', and a leading '//' would
    // otherwise parse as a protocol-relative URL. ARM itself tolerates them.
    const url = new URL((raw.url ?? '/').replace(/\/{2,}/g, '/'), 'https://emulator.invalid');
    const hostHeader = String(raw.headers.host ?? '');
    const req: Req = {
      method: raw.method ?? 'GET',
      host: lower(hostHeader.replace(/:\d+$/, '')),
      path: url.pathname,
      query: url.searchParams,
      headers: raw.headers,
      body: Buffer.alloc(0),
      origin: this.origin,
    };
    const registryHost = this.index.registryForHost(req.host) !== undefined;
    const kind = this.kindOf(req, registryHost);
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    try {
      req.body = await readBody(raw);
    } catch {
      res.destroy();
      return;
    }
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    const fault = this.takeFault(req, kind, `${url.pathname}${url.search}`);
    const mode = fault ? (fault.mode ?? 'status') : undefined;
    if (mode === 'reset') {
      raw.socket.destroy();
      return;
    }
    if (mode === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    let reply: Reply;
    try {
      reply = fault && mode === 'status' ? this.faultReply(kind, fault, req.path) : this.route(req);
    } catch (e) {
      // A bug in the emulator must surface as a 500 the test sees, not a hung request.
      reply = json(500, { error: { code: 'EmulatorError', message: e instanceof Error ? e.message : String(e) } });
    }
    let body = bodyBuffer(reply);
    const headers: Record<string, string> = { ...reply.headers };
    if (mode === 'truncate') body = body.subarray(0, Math.floor(body.length / 2));
    if (mode === 'wrong-content-type') {
      body = Buffer.from('<html><head><title>Proxy</title></head><body>Request blocked by proxy</body></html>');
      headers['content-type'] = 'text/html; charset=utf-8';
    }
    if (fault?.retryAfter !== undefined && mode !== 'status') headers['retry-after'] = String(fault.retryAfter);
    if (mode === 'slow') {
      res.writeHead(reply.status, headers);
      await this.trickle(res, req.method === 'HEAD' ? Buffer.alloc(0) : body);
      return;
    }
    headers['content-length'] = String(body.length);
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Slow-loris reply: one byte every 200 ms, so a client without a deadline waits for minutes. */
  private trickle(res: ServerResponse, body: Buffer): Promise<void> {
    return new Promise((resolve) => {
      let i = 0;
      const tick = (): void => {
        if (res.destroyed) return resolve();
        if (i >= body.length) {
          res.end();
          return resolve();
        }
        res.write(body.subarray(i, i + 1));
        i += 1;
        const t = setTimeout(() => {
          this.timers.delete(t);
          tick();
        }, 200);
        this.timers.add(t);
      };
      tick();
    });
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const r of this.hanging) r.destroy();
    this.hanging.clear();
  }
}

/** Starts the emulator for a world on 127.0.0.1 (random port) and trusts its CA in this process. */
export async function startEmulator(world: World, opts: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorServer(world, opts.latencyMs ?? world.latencyMs, opts.pageSize ?? DEFAULT_PAGE_SIZE);
  const hosts = state.index.registryHosts();
  const clusters = world.azure.resources.filter(
    (r) => lower(r.type ?? '') === 'microsoft.containerservice/managedclusters',
  );
  const clusterHosts = [...new Set(clusters.map(clusterHost).filter((h): h is string => h !== undefined))];
  const { caPem, key, cert } = await makeCertificates([...hosts, ...clusterHosts, ...(opts.extraCertHosts ?? [])]);
  const sockets = new Set<Socket>();
  const server: Server = createServer({ key, cert }, (req, res) => {
    state.serve(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s: Socket) => {
    // Without this, Nagle's algorithm holds small replies back for a delayed ACK (~15 ms per HEAD).
    s.setNoDelay(true);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // TLS handshakes that fail (a client that does not trust the CA) must not crash the process.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep backlog: a burst of concurrent clients (undici opens a connection per request beyond keep-alive)
    // must queue, not be reset.
    server.listen({ port: opts.port ?? 0, host: '127.0.0.1', backlog: 4096 }, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `https://127.0.0.1:${port}`;
  state.origin = origin;
  state.caPem = caPem;

  trustedExtra.add(caPem);
  applyTrust();

  const proxy = await startTunnelProxy(port, [...hosts, ...clusterHosts, ...(opts.extraCertHosts ?? [])]);
  const dir = await mkdtemp(join(tmpdir(), 'aks-pull-gate-sim-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  // The gate's kubeconfig names the clusters' API servers by their fqdn (so the gate's kubeconfig-to-cluster tie is
  // exercised under --simulate too), reached through the proxy; a world without clusters gets the origin.
  const kubeconfig =
    clusters.length > 0
      ? clusterKubeconfig(clusters, origin, caPem, state.kubeToken, proxy.url)
      : clusterKubeconfig([{ id: '/simulated', name: 'simulated' }], origin, caPem, state.kubeToken);
  await writeFile(kubeconfigPath, JSON.stringify(kubeconfig, null, 2), { mode: 0o600 });

  const hostSet = new Set(hosts);
  // One SecureContext for every connection: building it per connection re-parses ~150 root certificates each time
  // (22 s of 41 s CPU at 500 images in the benchmark) and holds ~1 MB of native memory per connection until GC.
  const connector = buildConnector({
    secureContext: tls.createSecureContext({ ca: [...tls.getCACertificates('default')] }),
  });
  const agent = new Agent({
    // As many connections per origin as the gate's own registry transport opens (EmulatorOptions).
    connections: opts.connectionsPerOrigin ?? 64,
    connect: (o, cb) => {
      const h = lower(o.hostname);
      const onDefaultPort = !o.port || o.port === '443';
      if (hostSet.has(h) && onDefaultPort) {
        connector({ ...o, hostname: '127.0.0.1', host: `127.0.0.1:${port}`, port: String(port), servername: h }, cb);
      } else if (h === '127.0.0.1' || h === 'localhost' || h === '[::1]') {
        connector(o, cb);
      } else {
        // The simulated world is closed: a host it does not know does not resolve (fast, deterministic, offline).
        const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${h}`), {
          code: 'ENOTFOUND',
          hostname: h,
          syscall: 'getaddrinfo',
        });
        cb(err, null);
      }
    },
  });
  const simFetch = ((input: Parameters<typeof globalThis.fetch>[0], init?: Parameters<typeof globalThis.fetch>[1]) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as typeof globalThis.fetch;

  let closed = false;
  return {
    endpoints: {
      name: 'Simulated',
      authorityHost: origin,
      resourceManager: origin,
      graph: origin,
      acrSuffixes: acrSuffixes(hosts),
      acrScope: ACR_SCOPE,
    },
    caPem,
    fetch: simFetch,
    request: (url, init) => undiciRequest(url, { ...init, dispatcher: agent }),
    kubeconfigPath,
    port,
    registryHosts: hosts,
    clusterHosts,
    proxyUrl: proxy.url,
    gate: {
      tenantId: world.gate.tenantId,
      clientId: world.gate.clientId,
      clientSecret: world.gate.clientSecret,
      objectId: world.gate.objectId,
    },
    requestCounts: () => ({ ...state.counts }),
    close: async () => {
      if (closed) return;
      closed = true;
      state.stop();
      await proxy.close();
      // destroy, not close: close() would wait for a hung or trickling reply to finish.
      await agent.destroy().catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
      await rm(dir, { recursive: true, force: true });
      trustedExtra.delete(caPem);
      applyTrust();
    },
  };
}
