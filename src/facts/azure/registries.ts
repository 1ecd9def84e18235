// Which registry serves each image host (I/O): lists every subscription the gate can see (with its tenant) and the
// registries in each (another subscription is normal), and matches hosts to loginServer, dataEndpointHostNames and
// regional endpoints (<registry>.<region>.geo.azurecr.io), case-insensitively. Keeps the SDK's Registry objects for the network checks.
//
// api-version: @azure/arm-containerregistry 12 asks for 2025-11-01 by default, whose Registry carries
// `roleAssignmentMode`; a body without it stays "unknown" (never read as legacy).

import type { Registry } from '@azure/arm-containerregistry';
import type { RestError } from '@azure/core-rest-pipeline';
import type { RegistryDiscovery, RegistryFacts } from '../../types/facts/identity.js';
import { resourceGroupOf, resourceNameOf, subscriptionOf } from '../../lib/arm-id.js';
import type { FactContext } from '../../types/facts/context.js';
import { rememberRegistryBody } from './sdk-bodies.js';
import { armClientOptions, describeError, noSignIn, unverifiableFrom } from './cluster.js';
import { oncePerRun } from '../collect.js';

function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * `geo` for `<label>.<region>.geo<suffix>` (a regional endpoint, the login server of one replica: Microsoft's ACR
 * endpoint reference) and `data` for `<label>.<region>.data<suffix>` (a dedicated data endpoint), where `<label>` is the
 * first label of the login server; undefined for any other host (pure).
 */
export function replicaHostOf(
  host: string,
  loginServer: string,
  suffixes: readonly string[],
): 'geo' | 'data' | undefined {
  const h = hostKey(host);
  const login = hostKey(loginServer);
  const dot = login.indexOf('.');
  if (dot <= 0) return undefined;
  const label = login.slice(0, dot);
  for (const suffix of suffixes) {
    const s = suffix.toLowerCase().startsWith('.') ? suffix.toLowerCase() : `.${suffix.toLowerCase()}`;
    if (!login.endsWith(s)) continue;
    const m = /^([^.]+)\.([a-z0-9]+)\.(geo|data)$/.exec(h.endsWith(s) ? h.slice(0, -s.length) : '');
    if (m && m[1] === label) return m[3] as 'geo' | 'data';
  }
  return undefined;
}

/** Reduces a Registry body to the facts the identity checks use (pure). */
export function registryFactsFrom(r: Registry, tenantId: string | undefined): RegistryFacts {
  const id = r.id ?? '';
  const facts: RegistryFacts = {
    id,
    name: r.name ?? '',
    loginServer: (r.loginServer ?? '').toLowerCase(),
    dataEndpointHostNames: (r.dataEndpointHostNames ?? []).map(hostKey),
    subscriptionId: subscriptionOf(id) ?? '',
    resourceGroup: resourceGroupOf(id) ?? '',
  };
  rememberRegistryBody(facts, r);
  if (r.anonymousPullEnabled !== undefined) facts.anonymousPullEnabled = r.anonymousPullEnabled;
  if (r.adminUserEnabled !== undefined) facts.adminUserEnabled = r.adminUserEnabled;
  const quarantine = r.policies?.quarantinePolicy?.status;
  if (quarantine) facts.quarantinePolicy = quarantine;
  if (tenantId) facts.tenantId = tenantId;
  if (r.roleAssignmentMode) facts.roleAssignmentMode = r.roleAssignmentMode;
  const armPolicy = r.policies?.azureADAuthenticationAsArmPolicy?.status;
  if (armPolicy) facts.armAudiencePolicy = armPolicy;
  return facts;
}

/** What ARM lists once per run: every visible subscription (with its tenant) and the registries in each. */
interface RegistryListing {
  subscriptions: RegistryDiscovery['subscriptions'];
  lists: {
    s: RegistryDiscovery['subscriptions'][number];
    found: Registry[];
    problem?: RegistryDiscovery['problems'][number];
  }[];
  problem?: RegistryDiscovery['problems'][number];
}

/** Lists the subscriptions and their registries, once per run (never throws). */
const listRegistries = oncePerRun(async (ctx: FactContext): Promise<RegistryListing> => {
  const azure = ctx.azure;
  const listing: RegistryListing = { subscriptions: [], lists: [] };
  if (!azure) return listing;
  const [{ SubscriptionClient }, { ContainerRegistryManagementClient }] = await Promise.all([
    import('@azure/arm-resources-subscriptions'),
    import('@azure/arm-containerregistry'),
  ]);
  try {
    const subs = new SubscriptionClient(azure.credential, armClientOptions(ctx));
    for await (const s of subs.subscriptions.list({ abortSignal: ctx.signal })) {
      if (!s.subscriptionId) continue;
      const entry: RegistryDiscovery['subscriptions'][number] = { subscriptionId: s.subscriptionId };
      if (s.tenantId) entry.tenantId = s.tenantId;
      if (s.displayName) entry.displayName = s.displayName;
      listing.subscriptions.push(entry);
    }
  } catch (err) {
    listing.problem = unverifiableFrom(
      err,
      'the subscription list',
      'Reader on the subscriptions that hold the registries',
    );
    return listing;
  }
  listing.lists = await Promise.all(
    listing.subscriptions.map(async (s) => {
      const client = new ContainerRegistryManagementClient(azure.credential, s.subscriptionId, armClientOptions(ctx));
      const found: Registry[] = [];
      try {
        for await (const r of client.registries.list({ abortSignal: ctx.signal })) found.push(r);
        return { s, found };
      } catch (err) {
        ctx.logger.debug(`registries.list in ${s.subscriptionId} failed: ${describeError(err)}`);
        return {
          s,
          found,
          problem: {
            ...unverifiableFrom(
              err,
              `the registries of subscription ${s.subscriptionId}`,
              'Microsoft.ContainerRegistry/registries/read',
            ),
            subscriptionId: s.subscriptionId,
          },
        };
      }
    }),
  );
  return listing;
});

/**
 * Starts ARM's registry listing for this run before the image hosts are known (the gate calls it while the
 * manifests are still being read); discoverRegistries then matches hosts against the same answer.
 */
export function prefetchRegistries(ctx: FactContext): void {
  if (ctx.azure) void listRegistries(ctx, '');
}

/**
 * Finds the registry behind each host across every visible subscription. Never throws: a subscription whose
 * registries cannot be listed lands in `problems` (and its hosts stay unmatched).
 */
export async function discoverRegistries(ctx: FactContext, hosts: string[]): Promise<RegistryDiscovery> {
  const wanted = new Set(hosts.map(hostKey));
  const out: RegistryDiscovery = { registries: [], hosts: {}, subscriptions: [], problems: [] };
  for (const h of wanted) out.hosts[h] = null;
  if (!ctx.azure) {
    out.problems.push(noSignIn('the registries'));
    return out;
  }
  if (wanted.size === 0) return out;
  const suffixes = ctx.azure.endpoints.acrSuffixes;
  const listing = await listRegistries(ctx, '');
  out.subscriptions.push(...listing.subscriptions.map((s) => ({ ...s })));
  if (listing.problem) {
    out.problems.push(listing.problem);
    return out;
  }
  for (const { s, found, problem } of listing.lists) {
    if (problem) out.problems.push(problem);
    for (const r of found) adopt(out, registryFactsFrom(r, s.tenantId), wanted, suffixes);
  }
  await readNamedRegistries(ctx, out, wanted, suffixes);
  out.registries.sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1));
  return out;
}

/** Takes a registry into the discovery when it serves a wanted host: its login server, a data or regional endpoint. */
function adopt(out: RegistryDiscovery, facts: RegistryFacts, wanted: Set<string>, suffixes: string[]): void {
  const regional = [...wanted].filter((h) => replicaHostOf(h, facts.loginServer, suffixes) === 'geo');
  const data = [...wanted].filter((h) => replicaHostOf(h, facts.loginServer, suffixes) === 'data');
  if (regional.length > 0) facts.regionalEndpointHostNames = regional;
  for (const h of data) if (!facts.dataEndpointHostNames.includes(h)) facts.dataEndpointHostNames.push(h);
  const served = [facts.loginServer, ...facts.dataEndpointHostNames, ...regional].filter((h) => wanted.has(h));
  if (served.length === 0) return;
  out.registries.push(facts);
  for (const h of served) out.hosts[h] = facts.id;
}

/**
 * A registry in a subscription the gate cannot list (another tenant, or no Reader on the subscription) can still be
 * named by id (`registries`): the gate reads it directly. When ARM refuses the gate's token there with 401
 * InvalidAuthenticationTokenTenant, its answer names the subscription's tenant ("It must match the tenant
 * 'https://sts.windows.net/<tenant>/'"), which the registry-unknown finding passes on.
 */
async function readNamedRegistries(
  ctx: FactContext,
  out: RegistryDiscovery,
  wanted: Set<string>,
  suffixes: string[],
): Promise<void> {
  const azure = ctx.azure;
  if (!azure) return;
  for (const id of ctx.registryIds ?? []) {
    const sub = subscriptionOf(id);
    const rg = resourceGroupOf(id);
    const name = resourceNameOf(id).toLowerCase();
    if (!sub || !rg || !name) continue;
    const hosts = [...wanted].filter((h) => out.hosts[h] === null && h.split('.')[0] === name);
    if (hosts.length === 0) continue;
    try {
      const { ContainerRegistryManagementClient } = await import('@azure/arm-containerregistry');
      const client = new ContainerRegistryManagementClient(azure.credential, sub, armClientOptions(ctx));
      const r = await client.registries.get(rg, resourceNameOf(id), { abortSignal: ctx.signal });
      const tenantId = out.subscriptions.find((s) => s.subscriptionId === sub)?.tenantId;
      adopt(out, registryFactsFrom(r, tenantId), new Set(hosts), suffixes);
    } catch (err) {
      ctx.logger.debug(`registries.get ${id} failed: ${describeError(err)}`);
      const tenantId = otherTenantOf(err);
      if (!tenantId) continue;
      out.otherTenant ??= {};
      for (const h of hosts) out.otherTenant[h] = { registryId: id, tenantId };
    }
  }
}

/**
 * core-rest-pipeline's own `isRestError`, without loading the pipeline to ask: a RestError from any copy of it (the
 * SDKs bundle ts-http-runtime's as well) is an Error named "RestError".
 */
function isRestError(err: unknown): err is RestError {
  return err instanceof Error && err.name === 'RestError';
}

/** The tenant ARM names in a 401 InvalidAuthenticationTokenTenant (body message or WWW-Authenticate), if that is it. */
export function otherTenantOf(err: unknown): string | undefined {
  if (!isRestError(err) || err.statusCode !== 401 || err.code !== 'InvalidAuthenticationTokenTenant') return undefined;
  const guid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
  // "The access token is from the wrong issuer '<caller's>'. It must match the tenant '<subscription's>' …"
  const fromBody = new RegExp(`must match the tenant '[^']*/${guid}/?'`, 'i').exec(err.message);
  if (fromBody) return fromBody[1].toLowerCase();
  // WWW-Authenticate: Bearer authorization_uri="https://login.windows.net/<subscription's tenant>", error=...
  const header = err.response?.headers.get('www-authenticate') ?? '';
  const fromHeader = new RegExp(`authorization_uri="[^"]*/${guid}"`, 'i').exec(header);
  if (fromHeader) return fromHeader[1].toLowerCase();
  return undefined;
}
