// Turns findings into the report's verdict: the per-image status table, the summary counts, `ready`, and the exit code.
// `ready` is true exactly when the exit code is 0 (DESIGN.md).

import type { FailOn, Unverified } from './settings/config.js';
import type { RegistryAuth } from './types/facts/images.js';
import type {
  Finding,
  ImageCheckResult,
  ImageChecks,
  ImageStatus,
  ImageUse,
  Report,
  ReportImage,
  UnverifiedReason,
} from './types/index.js';
import { SEVERITY_ORDER } from './types/index.js';
import { sortFindings, summarize } from './lib/sort.js';
import { groupFindings } from './lib/group-findings.js';
import { findingsForImage } from './lib/findings-by-image.js';
import { ruleById, type RuleConcern } from './rules/catalogue.js';

/** The image statuses findings give (rules/catalogue.ts: imageStatus), most decisive first. Earlier entries win. */
const STATUS_RANK: readonly ImageStatus[] = [
  'invalid',
  'repository-not-found',
  'not-found',
  'read-disabled',
  'quarantined',
  'platform-missing',
  'unverifiable',
];

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Removes exact duplicates (same rule, location, image, message) that several uses of one line can produce. */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([
      f.rule,
      f.severity,
      f.location?.file,
      f.location?.line,
      f.location?.column,
      f.image,
      f.message,
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function exitCodeFor(findings: Finding[], failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const threshold = failOn === 'warning' ? SEVERITY_ORDER.warning : SEVERITY_ORDER.error;
  return findings.some((f) => !f.suppressed && SEVERITY_ORDER[f.severity] <= threshold) ? 1 : 0;
}

export interface ImageFacts {
  /** normalized reference -> {digest, platforms, checked} from the registry client. */
  checked: Map<string, { digest?: string; platforms?: string[]; auth?: RegistryAuth }>;
}

/** What the run could look at, beyond the registries: decides which checks apply and which ran. */
export interface RunScope {
  /** A cluster was given (--cluster, or name + group + subscription). */
  cluster: boolean;
  /** The cluster's identity facts were read (kubelet identity, role assignments). */
  identityRead: boolean;
  /** The cluster's network posture was read. */
  networkRead: boolean;
  /** --offline: no registry or cluster was asked, by choice. */
  offline: boolean;
}

export function buildReport(opts: {
  mode: 'check' | 'audit';
  cluster?: string;
  uses: ImageUse[];
  findings: Finding[];
  images: ImageFacts;
  failOn: FailOn;
  /** Check mode: what the run covered. Without it (the audit) images carry no per-check states. */
  scope?: RunScope;
  unverified?: Unverified;
}): { report: Report; exitCode: 0 | 1 } {
  // Grouped once here, before any renderer: one finding per (rule, image, cause) with every location.
  const findings = sortFindings(groupFindings(dedupeFindings(opts.findings)));
  const images = reportImages(opts.uses, findings, opts.images);
  const scope = opts.scope;
  const about = findingsForImage(findings);
  if (scope) for (const image of images) image.checks = imageChecks(image, about(image.reference), scope, opts.images);
  const verified = images.every((i) => !i.checks || !hasUnverified(i.checks));
  const summary = summarize(findings, images.length);
  let exitCode = exitCodeFor(findings, opts.failOn);
  // "Unverified is not ready": a check that decides pullability and did not run blocks like a failure, unless the
  // team chose to fail open (unverified: warn) or never to fail. An offline run chose to ask nothing: it is not blocked.
  if (!verified && opts.unverified !== 'warn' && opts.failOn !== 'never' && !scope?.offline) exitCode = 1;
  const report: Report = {
    version: 1,
    ready: exitCode === 0,
    verified,
    ...(scope ? { scope: scope.offline ? 'manifests-only' : scope.cluster ? 'cluster' : 'images-only' } : {}),
    mode: opts.mode,
    ...(opts.cluster ? { cluster: opts.cluster } : {}),
    summary,
    images,
    findings,
  };
  return { report, exitCode };
}

function reportImages(uses: ImageUse[], findings: Finding[], facts: ImageFacts): ReportImage[] {
  const byRef = new Map<string, ReportImage>();
  for (const use of uses) {
    const reference = use.ref?.normalized ?? use.image;
    let entry = byRef.get(reference);
    if (!entry) {
      entry = { reference, registry: use.ref?.registry ?? '', status: 'unchecked', locations: [] };
      byRef.set(reference, entry);
    }
    if (!entry.locations.some((l) => l.file === use.location.file && l.line === use.location.line)) {
      entry.locations.push({ file: use.location.file, line: use.location.line });
    }
  }
  // An accepted (suppressed) finding no longer decides the image's status.
  const deciding = findings.filter((f) => !f.suppressed);
  const naming = Map.groupBy(deciding, (f) => f.image);
  // The places an invalid-reference finding points at: an image whose place is one of them is invalid.
  const invalidAt = new Set(
    deciding
      .filter((f) => ruleById(f.rule)?.imageStatus === 'invalid')
      .flatMap((f) => (f.locations ?? (f.location ? [f.location] : [])).map((l) => `${l.file}\u0000${l.line}`)),
  );
  for (const entry of byRef.values()) {
    const rules = new Set(
      (naming.get(entry.reference) ?? [])
        // Once the tag is cached (a warning), the image itself pulls: its status stays ok.
        .filter((f) => !ruleById(f.rule)?.imageStatusOnlyAsError || f.severity === 'error')
        .map((f) => f.rule),
    );
    const invalid = entry.locations.some((l) => invalidAt.has(`${l.file}\u0000${l.line}`));
    const checked = facts.checked.get(entry.reference);
    if (checked?.digest) entry.digest = checked.digest;
    if (checked?.platforms?.length) entry.platforms = checked.platforms;
    const statuses = new Set([...rules].map((r) => ruleById(r)?.imageStatus));
    const decisive = invalid ? 'invalid' : STATUS_RANK.find((s) => statuses.has(s));
    entry.status = decisive ?? (checked ? 'ok' : 'unchecked');
    entry.locations.sort((a, b) => cmp(a.file, b.file) || a.line - b.line);
  }
  return [...byRef.values()].sort((a, b) => cmp(a.reference, b.reference));
}

export function hasUnverified(checks: ImageChecks): boolean {
  const all: ImageCheckResult[] = Object.values(checks);
  return all.some((c) => c.state === 'unverified' && !c.accepted);
}

const EXISTS_FAILED = new Set<ImageStatus>([
  'invalid',
  'not-found',
  'repository-not-found',
  'read-disabled',
  'quarantined',
]);

/** Rules that say "this could not be checked" rather than "this is broken" (rules/catalogue.ts). */
function isUnverifiedRule(rule: string): boolean {
  const r = ruleById(rule);
  return r?.unverifiable === true || r?.unverifiedReason !== undefined;
}

const ACR_HOST = /\.azurecr\.(io|cn|us)$/i;

/** Does a finding of this concern speak about this image? Identity and network findings may name only a registry. */
function applies(f: Finding, image: ReportImage, concern: string): boolean {
  if (f.image !== undefined) return f.image === image.reference;
  if (concern !== 'identity' && concern !== 'network') return false;
  if (f.registry !== undefined) return f.registry === image.registry;
  return ACR_HOST.test(image.registry);
}

/** The finding that leaves a check unverified: one nobody accepted first, else an accepted one. */
function firstGap(found: Finding[], is: (f: Finding) => boolean): Finding | undefined {
  return found.find((f) => is(f) && !f.suppressed) ?? found.find(is);
}

/** One unverified check from the finding that says why. */
function unverifiedFrom(f: Finding): ImageCheckResult {
  const first = f.message.split('\n')[0];
  const toCheck = f.remediation?.split('\n')[0];
  return {
    state: 'unverified',
    why: first,
    ...(toCheck ? { toCheck } : {}),
    reason: reasonOf(f),
    // Accepted on purpose: stays unverified (nothing was checked) but no longer blocks.
    ...(f.suppressed ? { accepted: f.suppressed } : {}),
  };
}

function reasonOf(f: Finding): UnverifiedReason {
  const failure = typeof f.evidence?.failure === 'string' ? f.evidence.failure : '';
  const fixed = ruleById(f.rule)?.unverifiedReason;
  if (fixed === 'firewall' || failure === 'firewall') return 'firewall';
  if (failure === 'proxy' || /\bproxy\b/i.test(f.message)) return 'proxy';
  if (failure === 'timeout' || /did not (answer|finish) within/.test(f.message)) return 'timeout';
  if (
    failure === 'unauthorized' ||
    failure === 'denied' ||
    fixed === 'permission' ||
    /\b(40[13]|permission|not authorized|authorization)/i.test(f.message)
  )
    return 'permission';
  if (['dns', 'tls', 'connection-refused', 'network'].includes(failure)) return 'network';
  return 'other';
}

function imageChecks(image: ReportImage, findings: Finding[], scope: RunScope, facts: ImageFacts): ImageChecks {
  const about = (concern: RuleConcern): Finding[] =>
    findings.filter((f) => {
      const r = ruleById(f.rule);
      return (r?.concern === concern || r?.leavesUnverified?.includes(concern) === true) && applies(f, image, concern);
    });
  const exists = existsCheck(image, about('exists'), scope);
  const platforms = platformsCheck(image, about('platforms'), exists);
  if (scope.offline) {
    const na: ImageCheckResult = { state: 'not-applicable', why: 'offline run: no cluster was asked' };
    return { exists, platforms, pullPath: na, network: na };
  }
  if (!scope.cluster) {
    const na: ImageCheckResult = { state: 'not-applicable', why: 'no cluster given' };
    return { exists, platforms, pullPath: na, network: na };
  }
  const acr = ACR_HOST.test(image.registry);
  return {
    exists,
    platforms,
    pullPath: pullPathCheck(image, [...about('identity'), ...about('pull-secret')], scope, facts, acr, exists),
    network: networkCheck(about('network'), scope, acr),
  };
}

function existsCheck(image: ReportImage, found: Finding[], scope: RunScope): ImageCheckResult {
  if (EXISTS_FAILED.has(image.status)) return { state: 'failed', why: image.status };
  const gap = firstGap(found, (f) => isUnverifiedRule(f.rule));
  if (gap) return unverifiedFrom(gap);
  if (image.status === 'ok' || image.status === 'platform-missing') return { state: 'ok' };
  if (scope.offline)
    return {
      state: 'unverified',
      why: 'offline run: no registry was asked',
      toCheck: 'run without --offline',
      reason: 'other',
    };
  return { state: 'unverified', why: 'the registry was not asked', reason: 'other' };
}

function platformsCheck(image: ReportImage, found: Finding[], exists: ImageCheckResult): ImageCheckResult {
  if (found.some((f) => ruleById(f.rule)?.imageStatus === 'platform-missing') || image.status === 'platform-missing')
    return { state: 'failed', why: 'platform-missing' };
  if (exists.state === 'failed') return { state: 'not-applicable', why: 'the image itself cannot be pulled' };
  if (exists.state === 'unverified') return { ...exists };
  if (image.platforms?.length) return { state: 'ok' };
  return {
    state: 'unverified',
    why: 'the registry did not say which platforms the image offers',
    reason: 'other',
  };
}

function pullPathCheck(
  image: ReportImage,
  found: Finding[],
  scope: RunScope,
  facts: ImageFacts,
  acr: boolean,
  exists: ImageCheckResult,
): ImageCheckResult {
  const failed = found.find((f) => f.severity === 'error' && !isUnverifiedRule(f.rule));
  if (failed) return { state: 'failed', why: failed.rule };
  // A pull as the pod would make it (anonymously, or with its pull secret; never the gate's own identity) that got the
  // manifest proves a path. It settles a registry the gate cannot see (a rule that leavesUnverified), nothing else.
  const provenByPull = pulledAsThePod(facts.checked.get(image.reference)?.auth);
  const gaps = found.filter((f) => isUnverifiedRule(f.rule));
  if (provenByPull && gaps.length > 0 && gaps.every((f) => ruleById(f.rule)?.leavesUnverified !== undefined))
    return { state: 'ok' };
  const gap = firstGap(found, (f) => isUnverifiedRule(f.rule));
  if (gap) return unverifiedFrom(gap);
  if (acr) {
    if (scope.identityRead) return { state: 'ok' };
    return {
      state: 'unverified',
      why: "the cluster's kubelet identity and role assignments could not be read",
      toCheck: 'give the gate Reader on the cluster and the registry',
      reason: 'permission',
    };
  }
  // Outside Azure the gate proves a pull path by pulling the manifest as the pod would: anonymously or with its secret.
  if (provenByPull) return { state: 'ok' };
  if (exists.state === 'unverified') return { ...exists };
  return { state: 'unverified', why: 'no pull of the manifest succeeded', reason: 'other' };
}

function pulledAsThePod(auth: RegistryAuth | undefined): boolean {
  return auth === 'anonymous' || auth === 'credential';
}

function networkCheck(found: Finding[], scope: RunScope, acr: boolean): ImageCheckResult {
  const failed = found.find((f) => f.severity === 'error' && !isUnverifiedRule(f.rule));
  if (failed) return { state: 'failed', why: failed.rule };
  // The gate's own runner outside the firewall says nothing about the cluster's network path.
  const gap = firstGap(found, (f) => isUnverifiedRule(f.rule) && ruleById(f.rule)?.unverifiedReason !== 'firewall');
  if (gap) return unverifiedFrom(gap);
  if (!acr) return { state: 'not-applicable', why: 'the gate checks the network path to Azure registries only' };
  if (scope.networkRead) return { state: 'ok' };
  return {
    state: 'unverified',
    why: "the cluster's network could not be read",
    toCheck: 'give the gate Reader on the cluster, its VNet and the registry',
    reason: 'permission',
  };
}

/** Unverified images grouped by reason: `{firewall: 1, timeout: 2}`. */
export function unverifiedByReason(images: ReportImage[]): Partial<Record<UnverifiedReason, number>> {
  const out: Partial<Record<UnverifiedReason, number>> = {};
  for (const i of images) {
    if (!i.checks) continue;
    const all: ImageCheckResult[] = Object.values(i.checks);
    const first = all.find((c) => c.state === 'unverified' && !c.accepted);
    if (!first) continue;
    const r: UnverifiedReason = first.reason ?? 'other';
    out[r] = (out[r] ?? 0) + 1;
  }
  return out;
}
