// Image rules: what the registry said about each image, turned into one finding per image use.
// image-not-found, repository-not-found, image-platform-missing, image-read-disabled, image-quarantined,
// cache-rule-credentials-unhealthy (errors) and image-unverifiable (warning). Pure: no I/O, never throws on odd facts.

import type { ImageCheck, RegistryAuth } from '../types/facts/images.js';
import type { CacheUse } from '../types/facts/cache.js';
import type { Finding, ImageReference, ImageUse, Platform, RuleId } from '../types/index.js';
import { acrName, isAcrHost } from '../lib/acr-host.js';
import {
  acrCacheRuleShow,
  acrCredentialSetRepair,
  acrImport,
  acrNetworkRuleAdd,
  acrNetworkRuleRemove,
  acrReadEnable,
} from '../rules/remediation.js';

const ACR_PULL_ROLES = 'AcrPull or Container Registry Repository Reader';

/** The id of the image-not-found rule, for the callers that add to its findings (checks/workloads.ts). */
export const IMAGE_NOT_FOUND: RuleId = 'image-not-found';

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function lower(values: string[] | undefined): string[] | undefined {
  return values?.map((v) => v.toLowerCase());
}

/**
 * The platforms this pod can be scheduled on: the defaults (the `--platform` list, or the cluster's node pools)
 * narrowed by the pod's own `kubernetes.io/os` / `kubernetes.io/arch` constraints. When the constraints exclude every
 * default (a pod pinned to arm64, defaults linux/amd64), the pod's constraint wins, as the scheduler would place it
 * only on such nodes.
 */
export function platformsForUse(use: ImageUse, defaults: Platform[]): Platform[] {
  const os = lower(use.constraints?.os);
  const arch = lower(use.constraints?.arch);
  if (!os && !arch) return defaults;
  const kept = defaults.filter(
    (p) => (!os || os.includes(p.os.toLowerCase())) && (!arch || arch.includes(p.architecture.toLowerCase())),
  );
  if (kept.length > 0) return kept;
  const oses = os ?? unique(defaults.map((p) => p.os.toLowerCase()));
  const arches = arch ?? unique(defaults.map((p) => p.architecture.toLowerCase()));
  const out: Platform[] = [];
  for (const o of oses.length > 0 ? oses : ['linux']) {
    for (const a of arches.length > 0 ? arches : ['amd64']) out.push({ os: o, architecture: a });
  }
  return out;
}

/** `10.0.20348.2113` -> `10.0.20348`: Windows containers need the same build, not the same revision. */
function windowsBuild(osVersion: string): string {
  return osVersion.split('.').slice(0, 3).join('.');
}

function normalizedVariant(arch: string, variant: string | undefined): string | undefined {
  // arm64 images are v8 whether or not they say so; the kubelet treats the two as equal.
  if (arch === 'arm64' && variant === 'v8') return undefined;
  return variant;
}

/** Would a node of `required` pull this image entry? */
export function platformMatches(required: Platform, offered: Platform): boolean {
  const ra = required.architecture.toLowerCase();
  if (required.os.toLowerCase() !== offered.os.toLowerCase()) return false;
  if (ra !== offered.architecture.toLowerCase()) return false;
  const rv = normalizedVariant(ra, required.variant);
  const ov = normalizedVariant(ra, offered.variant);
  if (rv !== undefined && ov !== undefined && rv !== ov) return false;
  if (required.os.toLowerCase() === 'windows' && required.osVersion && offered.osVersion) {
    return windowsBuild(required.osVersion) === windowsBuild(offered.osVersion);
  }
  return true;
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}${p.osVersion ? `:${p.osVersion}` : ''}`;
}

/** `repo:tag`, or `repo@digest` when pinned by digest (what the kubelet pulls). */
function imageSpec(ref: ImageReference): string {
  return ref.digest ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag ?? 'latest'}`;
}

function written(ref: ImageReference): string {
  return `${ref.registry}/${imageSpec(ref)}`;
}

interface Ctx {
  use: ImageUse;
  ref: ImageReference;
  result: ImageCheck;
  defaults: Platform[];
}

function finding(
  c: Ctx,
  rule: RuleId,
  severity: Finding['severity'],
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const f: Finding = {
    rule,
    severity,
    message,
    image: c.ref.normalized,
    registry: c.ref.registry,
    location: c.use.location,
    ...extra,
  };
  return f;
}

function notFound(c: Ctx): Finding {
  const { ref, result } = c;
  const nearest = result.nearestTags ?? [];
  const where = `${c.use.location.file}:${c.use.location.line}`;
  const what = ref.digest ? `digest ${ref.digest}` : `tag ${ref.tag ?? 'latest'}`;
  const have = result.repositoryTags ?? [];
  const hint =
    !ref.digest && result.tagListed === true
      ? `; the tag is listed but ${result.digest ? `its manifest ${result.digest}` : 'its manifest'} is gone (deleted under the tag); tags the repository has: ${have.join(', ')}`
      : nearest.length > 0
        ? `; nearest existing tags: ${nearest.join(', ')}`
        : have.length > 0
          ? `; tags the repository has: ${have.join(', ')}`
          : '; the repository has no tags';
  const remediation = ref.digest
    ? `pin a digest that exists (docker buildx imagetools inspect ${ref.registry}/${ref.repository}:<tag>) in ${where}, or push the image: docker push ${ref.registry}/${ref.repository}@${ref.digest}`
    : nearest[0] !== undefined
      ? `change the tag to ${nearest[0]} in ${where}, or push it: docker push ${written(ref)}`
      : `docker push ${written(ref)}`;
  const evidence: Record<string, unknown> = { nearestTags: nearest };
  if (result.tagListed === true) evidence.tagListed = true;
  return finding(c, 'image-not-found', 'error', `${written(ref)}: ${what} does not exist in ${ref.registry}${hint}`, {
    remediation,
    evidence,
  });
}

function repositoryNotFound(c: Ctx): Finding {
  const { ref } = c;
  const remediation = isAcrHost(ref.registry)
    ? `docker push ${written(ref)} (or import it: ${acrImport(acrName(ref.registry), '<source image>', imageSpec(ref))})`
    : `docker push ${written(ref)}`;
  return finding(
    c,
    'repository-not-found',
    'error',
    `${written(ref)}: repository ${ref.repository} does not exist in ${ref.registry} (typo in the repository name, or never pushed)`,
    { remediation },
  );
}

/**
 * The registry's firewall refused the gate itself (not the cluster): nothing about the image is known, and the fix is
 * the gate's network position, never a role. Warning; the image is unverified.
 */
function firewallBlocksGate(c: Ctx): Finding {
  const { ref, result } = c;
  const ip = result.clientIp ?? "the runner's IP";
  const name = acrName(ref.registry);
  const message = `${written(ref)} could not be checked: ${ref.registry}'s firewall refused the gate's request from IP ${ip} (403 DENIED); the gate's runner is outside the registry's network rules`;
  const remediation = [
    `Run the job on a self-hosted runner inside ${name}'s network (an allowed subnet or a VNet with its private endpoint), or`,
    `allow the runner for the job only: ${acrNetworkRuleAdd(name, ip)} (before the gate) and ${acrNetworkRuleRemove(name, ip)} (after)`,
  ].join('\n');
  return finding(c, 'registry-firewall-blocks-gate', 'warning', message, {
    remediation,
    evidence: { status: 403, code: 'DENIED', failure: 'firewall', clientIp: ip },
  });
}

function unverifiable(c: Ctx): Finding {
  const { ref, result } = c;
  if (result.failure === 'firewall') return firewallBlocksGate(c);
  const why = result.reason ?? `registry answered ${result.status}`;
  let message = `${written(ref)} could not be checked: ${why}`;
  const evidence: Record<string, unknown> = { status: result.status };
  if (result.failure) evidence.failure = result.failure;
  const acr = result.acr ?? isAcrHost(ref.registry);
  if (acr && (result.status === 'unauthorized' || result.status === 'denied')) {
    message += `; the gate's identity needs ${ACR_PULL_ROLES} on ${acrName(ref.registry)} to check it`;
    evidence.missingRole = ACR_PULL_ROLES;
  } else if (result.status === 'unauthorized') {
    message += '; give the gate a pull credential for this registry to check it';
  }
  return finding(c, 'image-unverifiable', 'warning', message, { evidence });
}

function attributeFindings(c: Ctx): Finding[] {
  const { ref, result } = c;
  const a = result.attributes;
  if (!a) return [];
  const out: Finding[] = [];
  const name = acrName(ref.registry);
  const digestSpec = result.digest ? `${ref.repository}@${result.digest}` : imageSpec(ref);
  if (a.repositoryReadEnabled === false) {
    out.push(
      finding(
        c,
        'image-read-disabled',
        'error',
        `${written(ref)}: repository ${ref.repository} is locked for reads (readEnabled: false on the repository); every pull from it fails`,
        {
          remediation: acrReadEnable(name, { repository: ref.repository }),
          evidence: { repositoryReadEnabled: false },
        },
      ),
    );
  }
  if (a.tagReadEnabled === false && !ref.digest) {
    out.push(
      finding(
        c,
        'image-read-disabled',
        'error',
        `${written(ref)}: the tag is locked for reads (readEnabled: false); pulls fail`,
        {
          remediation: acrReadEnable(name, { image: imageSpec(ref) }),
          evidence: { tagReadEnabled: false },
        },
      ),
    );
  }
  if (a.readEnabled === false) {
    out.push(
      finding(
        c,
        'image-read-disabled',
        'error',
        `${written(ref)}: the manifest ${result.digest ?? ''} is locked for reads (readEnabled: false); pulls fail`,
        {
          remediation: acrReadEnable(name, { image: digestSpec }),
          evidence: { readEnabled: false, digest: result.digest },
        },
      ),
    );
  }
  const q = a.quarantineState;
  // A quarantine state only blocks pulls while the registry's quarantine policy is on; the registry then refuses the
  // manifest. When it served the manifest to us, the state is a leftover and the pull works.
  if (q !== undefined && q.toLowerCase() !== 'passed' && result.status !== 'ok') {
    out.push(
      finding(
        c,
        'image-quarantined',
        'error',
        `${written(ref)}: the manifest is quarantined (quarantineState: ${q}); the registry refuses pulls until a scan passes it`,
        {
          remediation:
            `after the scan passes, release it: az rest --method patch --resource https://containerregistry.azure.net ` +
            `--url https://${ref.registry}/acr/v1/${ref.repository}/_manifests/${result.digest ?? '<digest>'} ` +
            `--body '{"quarantineState":"Passed"}'`,
          evidence: { quarantineState: q, digest: result.digest },
        },
      ),
    );
  }
  return out;
}

/**
 * An image behind an artifact-cache rule. An Unhealthy credential set is the cause when the tag is not cached yet
 * (error) and a warning once it is. A repository ACR has not filled is not "missing": the upstream's answer decides.
 */
function cacheFindings(c: Ctx, cache: CacheUse): { findings: Finding[]; done: boolean } {
  const { ref, result } = c;
  const name = acrName(ref.registry);
  const cached = result.status === 'ok';
  const out: Finding[] = [];
  if (cache.unhealthy?.length) {
    const why = cache.unhealthy
      .map((u) => [u.name, u.errorCode, u.errorMessage].filter(Boolean).join(': '))
      .filter(Boolean)
      .join('; ');
    const set = cache.credentialSet ?? '<credential-set>';
    out.push(
      finding(
        c,
        'cache-rule-credentials-unhealthy',
        cached ? 'warning' : 'error',
        cached
          ? `${written(ref)} is cached, but cache rule ${cache.rule} signs in to its upstream (${cache.upstream}) with credential set ${set}, which is Unhealthy${why ? ` (${why})` : ''}: tags not cached yet will not pull`
          : `${written(ref)} is served through cache rule ${cache.rule} from ${cache.upstream}, and its credential set ${set} is Unhealthy${why ? ` (${why})` : ''}: ACR cannot sign in upstream, so the first pull fails`,
        {
          remediation: acrCredentialSetRepair(name, set),
          evidence: { cacheRule: cache.rule, credentialSet: set, unhealthy: cache.unhealthy, upstream: cache.upstream },
        },
      ),
    );
    if (!cached) return { findings: out, done: true };
  }
  if (result.status !== 'not-found' && result.status !== 'repository-not-found') return { findings: out, done: false };
  const evidence: Record<string, unknown> = { cacheRule: cache.rule, upstream: cache.upstream };
  switch (cache.upstreamStatus) {
    case 'ok':
      // ACR answered not found, the upstream has it: the kubelet's first pull fills the cache.
      return { findings: out, done: true };
    case 'not-found':
    case 'repository-not-found':
      out.push(
        finding(
          c,
          'image-not-found',
          'error',
          `${written(ref)}: served through cache rule ${cache.rule}, and ${cache.upstream} does not exist upstream (${cache.upstreamReason ?? 'not found'}); the cache cannot fill it`,
          {
            remediation: `change the tag in ${c.use.location.file}:${c.use.location.line} to one that exists upstream (docker buildx imagetools inspect ${cache.upstream}), or fix the cache rule: ${acrCacheRuleShow(name, cache.rule)}`,
            evidence,
          },
        ),
      );
      return { findings: out, done: true };
    default:
      out.push(
        finding(
          c,
          'image-unverifiable',
          'warning',
          `${written(ref)} is served through cache rule ${cache.rule} and not cached yet; the gate could not ask the upstream ${cache.upstream} anonymously (${cache.upstreamReason ?? cache.upstreamStatus ?? 'not asked'})${cache.credentialSet ? `; the cache signs in with credential set ${cache.credentialSet}` : ''}: whether the first pull fills it is unverified`,
          { evidence: { ...evidence, status: result.status, upstreamStatus: cache.upstreamStatus } },
        ),
      );
      return { findings: out, done: true };
  }
}

function platformFinding(c: Ctx): Finding | undefined {
  const { ref, result } = c;
  const offered = result.platforms;
  if (!offered) return undefined;
  const required = platformsForUse(c.use, c.defaults);
  const missing = required.filter((r) => !offered.some((o) => platformMatches(r, o)));
  if (missing.length === 0) return undefined;
  const wanted = unique(
    [...offered, ...missing].filter((p) => p.os !== 'windows').map((p) => `${p.os}/${p.architecture}`),
  );
  const windows = missing.filter((p) => p.os === 'windows');
  const remediation =
    windows.length > 0 && wanted.length === 0
      ? `rebuild on a Windows ${windows.map((w) => w.osVersion ?? '').join(', ')} base image and push ${written(ref)} ` +
        `(docker buildx build --platform ${unique(windows.map((w) => `${w.os}/${w.architecture}`)).join(',')} -t ${written(ref)} --push .)`
      : `docker buildx build --platform ${wanted.join(',')} -t ${written(ref)} --push .`;
  const offeredText = offered.length > 0 ? offered.map(formatPlatform).join(', ') : 'no runnable platform';
  return finding(
    c,
    'image-platform-missing',
    'error',
    `${written(ref)} has no manifest for ${missing.map(formatPlatform).join(', ')} where this pod can run (image offers ${offeredText})`,
    {
      remediation,
      evidence: { required: required.map(formatPlatform), offered: offered.map(formatPlatform), digest: result.digest },
    },
  );
}

/** One finding per rule per image use; uses without a parsed reference or without a result are skipped. */
export function checkImages(uses: ImageUse[], results: Map<string, ImageCheck>, defaults: Platform[]): Finding[] {
  const out: Finding[] = [];
  for (const use of uses) {
    const ref = use.ref;
    if (!ref) continue;
    const result = results.get(ref.normalized);
    if (!result) continue;
    const c: Ctx = { use, ref, result, defaults };
    if (result.cache) {
      const handled = cacheFindings(c, result.cache);
      out.push(...handled.findings);
      if (handled.done) continue;
    }
    // ACR attributes explain a refused or missing manifest better than "not found" does.
    const attrs = attributeFindings(c);
    if (attrs.length > 0) {
      out.push(...attrs);
      continue;
    }
    switch (result.status) {
      case 'ok': {
        const p = platformFinding(c);
        if (p) out.push(p);
        break;
      }
      case 'not-found':
        out.push(notFound(c));
        break;
      case 'repository-not-found':
        out.push(repositoryNotFound(c));
        break;
      case 'unauthorized':
      case 'denied':
      case 'unverifiable':
        out.push(unverifiable(c));
        break;
      default:
        out.push(unverifiable(c));
    }
  }
  return out;
}

/** What the registries confirmed, by normalized reference: how it was asked, its digest and its platforms. */
export function checkedImages(
  results: ReadonlyMap<string, ImageCheck>,
): Map<string, { digest?: string; platforms?: string[]; auth?: RegistryAuth }> {
  const out = new Map<string, { digest?: string; platforms?: string[]; auth?: RegistryAuth }>();
  for (const [ref, r] of results) {
    if (r.status === 'ok')
      out.set(ref, {
        ...(r.auth ? { auth: r.auth } : {}),
        ...(r.digest ? { digest: r.digest } : {}),
        ...(r.platforms ? { platforms: r.platforms.map(formatPlatform) } : {}),
      });
  }
  return out;
}
