// What each image's registry says (I/O): one registry client for the run (Entra tokens for ACR when signed in, else
// the pod's own pull-secret credential from the manifests), the artifact-cache rules of the visible registries (and,
// behind one, the upstream asked anonymously), and for a run out of time, every unanswered image as unverifiable.

import { RegistryClient, type ImageCheck, type RegistryCredential } from './client.js';
import { gateIdentityOptions, type EarlyImageChecks } from './early.js';
import { sumCounts } from './http.js';
import { collectCacheRules } from '../azure/cache-rules.js';
import { isAcrHost } from '../../lib/acr-host.js';
import { cacheRuleFor } from '../../lib/cache-rule.js';
import { lookupCredentials, parsePullSecret, type DockerCredential } from '../../lib/docker-config.js';
import { parseImageReference } from '../../lib/image-reference.js';
import type { CacheFacts, CacheUse } from '../../types/facts/cache.js';
import type { FactContext } from '../../types/facts/context.js';
import type { RegistryDiscovery } from '../../types/facts/identity.js';
import type { ImageReference, ImageUse, Inventory, SecretMasker } from '../../types/index.js';

export async function collectImageFacts(
  inventory: Inventory,
  ctx: FactContext,
  discovery: RegistryDiscovery | undefined,
  timeoutMs: number,
  early?: EarlyImageChecks,
): Promise<{ results: Map<string, ImageCheck>; requests: Record<string, number> }> {
  const acrHosts = new Set(Object.entries(discovery?.hosts ?? {}).flatMap(([h, id]) => (id ? [h.toLowerCase()] : [])));
  const isAcr = (registry: string): boolean => acrHosts.has(registry.toLowerCase()) || isAcrHost(registry);
  const quarantining = new Set(
    (discovery?.registries ?? []).flatMap((r) =>
      (r.quarantinePolicy ?? '').toLowerCase() === 'enabled'
        ? [r.loginServer.toLowerCase(), ...r.dataEndpointHostNames]
        : [],
    ),
  );
  const quarantineEnabled = (registry: string): boolean => quarantining.has(registry.toLowerCase());
  early?.discovered(quarantineEnabled);
  const azure = ctx.azure;
  const client = new RegistryClient({
    fetch: ctx.fetch,
    request: ctx.request,
    signal: ctx.signal,
    logger: ctx.logger,
    isAcr,
    quarantineEnabled,
    ...(azure ? gateIdentityOptions(azure) : {}),
  });
  const secrets = manifestCredentials(inventory, ctx.maskSecret);
  // Uses grouped by image once: the pull-secret credential of an image is looked up among its own uses only.
  const byRef = new Map<string, ImageUse[]>();
  for (const u of inventory.uses) if (u.ref) byRef.set(u.ref.normalized, [...(byRef.get(u.ref.normalized) ?? []), u]);
  const results = new Map<string, ImageCheck>();
  // The cache rules are read beside the image checks (one ARM list per registry), not before them: a check needs them
  // only once it has its answer.
  const cacheRead = azure && discovery?.registries.length ? collectCacheRules(ctx, discovery.registries) : undefined;
  cacheRead?.catch(() => undefined); // awaited by each check; a run with no image to check never asks for it
  // Upstream registries of cache rules are asked anonymously, as a separate client: no Entra token, no pull secret.
  const upstream = new RegistryClient({
    fetch: ctx.fetch,
    request: ctx.request,
    signal: ctx.signal,
    logger: ctx.logger,
    isAcr: () => false,
  });
  await Promise.all(
    [...byRef.values()].map(async (uses) => {
      const ref = uses[0].ref!;
      // ACR with a sign-in goes through Entra; elsewhere the pod's own pull-secret credential, if the manifests carry one.
      const credential = azure && isAcr(ref.registry) ? undefined : podCredential(uses, secrets);
      // Started while the manifests were read, where no credential could change the answer (facts/registry/early.ts):
      // with the gate's identity at an ACR once signed in; anonymously at a registry that needs no credential.
      // (acrAnswer has none without a sign-in: the ACR checks start at it.)
      const started = isAcr(ref.registry) ? await early?.acrAnswer(ref) : await early?.answer(ref, credential);
      const r = started ?? (await client.checkImage(ref, credential));
      const cache = await cacheRead;
      if (cache) await addCacheUse(r, ref, cache, upstream);
      // Say which limit ran out in the user's terms: the `timeout` input, not the client's internal deadline.
      if (r.failure === 'timeout' && ctx.signal.aborted) r.reason = noAnswer(ref.registry, timeoutMs);
      results.set(ref.normalized, r);
    }),
  );
  return { results, requests: sumCounts(client.requestCounts(), early?.requestCounts() ?? {}) };
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

/** Every image the registries did not answer for by the deadline: unverifiable, naming its registry. */
export function unansweredImages(inventory: Inventory, timeoutMs: number): Map<string, ImageCheck> {
  const out = new Map<string, ImageCheck>();
  for (const u of inventory.uses) {
    if (!u.ref || out.has(u.ref.normalized)) continue;
    out.set(u.ref.normalized, {
      status: 'unverifiable',
      failure: 'timeout',
      reason: noAnswer(u.ref.registry, timeoutMs),
    });
  }
  return out;
}

function noAnswer(registry: string, timeoutMs: number): string {
  return `${registry} did not answer within the ${Math.round(timeoutMs / 1000)} s timeout`;
}
