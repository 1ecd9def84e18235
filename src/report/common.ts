// Small helpers the renderers share: grouping findings by image, per-image concern marks, verdict words.

import { ruleById, type RuleConcern } from '../rules/catalogue.js';
import {
  SEVERITY_ORDER,
  type Finding,
  type FindingSuppression,
  type ImageCheckResult,
  type ImageChecks,
  type Report,
  type ReportImage,
  type Severity,
} from '../types/index.js';
import { sortFindings } from '../lib/sort.js';
import { isAcrHost } from '../lib/acr-host.js';
import { findingsForImage } from '../lib/findings-by-image.js';

export interface ImageGroup {
  image: ReportImage;
  findings: Finding[];
}

/** Images (sorted by reference) with the findings that name them, plus the findings that name no known image. */
export function groupByImage(report: Report): { groups: ImageGroup[]; general: Finding[] } {
  const images = [...report.images].sort((a, b) =>
    a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0,
  );
  const byRef = new Map<string, ImageGroup>(images.map((i) => [i.reference, { image: i, findings: [] }]));
  const general: Finding[] = [];
  for (const f of sortFindings(report.findings)) {
    const g = f.image !== undefined ? byRef.get(f.image) : undefined;
    if (g) g.findings.push(f);
    else general.push(f);
  }
  const worst = (g: ImageGroup): number => (g.findings.length ? SEVERITY_ORDER[g.findings[0].severity] : 3);
  // Worst first, so the image that blocks the rollout is the first thing a person reads.
  const groups = [...byRef.values()].sort((a, b) => worst(a) - worst(b));
  return { groups, general };
}

export type Mark = {
  state: 'pass' | Severity | 'unverifiable' | 'unchecked' | 'accepted';
  rules: string[];
  /** Why the check did not run (unverifiable/unchecked), from the image's per-check states. */
  why?: string;
};

export const TABLE_CONCERNS: readonly Exclude<RuleConcern, 'manifest'>[] = [
  'exists',
  'platforms',
  'identity',
  'network',
  'pull-secret',
];

function concernOf(rule: string): RuleConcern | undefined {
  return ruleById(rule)?.concern;
}

/** Does a finding speak about this image's concern? */
function applies(f: Finding, image: ReportImage, concern: RuleConcern): boolean {
  if (f.image !== undefined) return f.image === image.reference;
  // Identity and network are properties of the registry or the cluster, not of one pod: a registry's firewall or a
  // cluster's expired service principal hits every image of that registry (cluster-wide: every ACR image). Pull
  // secrets, though, belong to pods, so a finding about one secret marks only the image it names.
  if (concern !== 'identity' && concern !== 'network') return false;
  if (f.registry !== undefined) return f.registry === image.registry;
  return isAcrHost(image.registry);
}

/** The mark of one concern for one image: the worst finding of that concern that applies to it. */
export function concernMark(report: Report, image: ReportImage, concern: RuleConcern): Mark {
  let worst: Severity | undefined;
  const rules = new Set<string>();
  let unverifiable = false;
  for (const f of findingsForImage(report.findings)(image.reference)) {
    if (concernOf(f.rule) !== concern || !applies(f, image, concern)) continue;
    // An accepted "could not check" finding no longer marks the image ❔: the accepted check says so below.
    if (f.suppressed && ruleById(f.rule)?.unverifiable) continue;
    rules.add(f.rule);
    if (ruleById(f.rule)?.unverifiable) unverifiable = true;
    else if (worst === undefined || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  }
  const sorted = [...rules].sort();
  if (worst === 'error' || worst === 'warning') return { state: worst, rules: sorted };
  const check = image.checks ? checkOf(image.checks, concern) : undefined;
  // An unverifiable finding says what it is; the check's own why says it in the cell ("not checked: <why>").
  if (unverifiable)
    return {
      state: 'unverifiable',
      rules: sorted,
      ...(check?.state === 'unverified' && check.why ? { why: check.why } : {}),
    };
  if (worst === 'notice') return { state: 'notice', rules: sorted };
  // Never a pass for what did not run: the image's own check states say whether it ran, and why not.
  if (check?.state === 'unverified' && check.accepted)
    return {
      state: 'accepted',
      rules: [],
      why: `accepted by ${check.accepted.by} until ${check.accepted.expires}: ${check.accepted.reason}`,
    };
  if (check?.state === 'unverified')
    return { state: 'unverifiable', rules: [], ...(check.why ? { why: check.why } : {}) };
  if (check?.state === 'not-applicable')
    return { state: 'unchecked', rules: [], ...(check.why ? { why: check.why } : {}) };
  return { state: quietState(image, concern), rules: [] };
}

/** The four checks of an image, in report order, with the words the reports use for them. */
export const CHECK_NAMES: [keyof ImageChecks, string][] = [
  ['exists', 'exists'],
  ['platforms', 'platforms'],
  ['pullPath', 'pull path'],
  ['network', 'network'],
];

function checkOf(checks: ImageChecks, concern: RuleConcern): ImageCheckResult | undefined {
  if (concern === 'exists') return checks.exists;
  if (concern === 'platforms') return checks.platforms;
  if (concern === 'identity' || concern === 'pull-secret') return checks.pullPath;
  if (concern === 'network') return checks.network;
  return undefined;
}

/** With no finding, a concern passes only when the gate actually looked at it for this image. */
function quietState(image: ReportImage, concern: RuleConcern): Mark['state'] {
  const { status } = image;
  if (status === 'unchecked' || status === 'invalid') return 'unchecked';
  if (concern === 'exists') return status === 'unverifiable' ? 'unverifiable' : 'pass';
  if (concern === 'platforms') {
    if (image.platforms?.length) return 'pass';
    return status === 'ok' || status === 'platform-missing' ? 'pass' : 'unchecked';
  }
  // The gate checks identity and network paths for Azure registries only.
  if ((concern === 'identity' || concern === 'network') && !isAcrHost(image.registry)) return 'unchecked';
  return 'pass';
}

/**
 * The unverified checks accepted on purpose, one clause per acceptance: who accepted them (the `ignore:` entry's file
 * and line, or the workload annotation), until when, why, and the images they cover.
 */
export function acceptedWords(report: Report): string[] {
  const by = new Map<string, { a: FindingSuppression; images: string[] }>();
  for (const i of report.images) {
    for (const c of Object.values(i.checks ?? {}) as ImageCheckResult[]) {
      if (c.state !== 'unverified' || !c.accepted) continue;
      const k = `${c.accepted.by}\u0000${c.accepted.reason}\u0000${c.accepted.expires}`;
      const e = by.get(k) ?? { a: c.accepted, images: [] };
      if (!e.images.includes(i.reference)) e.images.push(i.reference);
      by.set(k, e);
    }
  }
  return [...by.values()].map(
    ({ a, images }) =>
      `${images.length} image${images.length === 1 ? '' : 's'} not verified but accepted by ${a.by} until ${a.expires} (${a.reason}): ${images.slice(0, 3).join(', ')}${images.length > 3 ? ` and ${images.length - 3} more` : ''}`,
  );
}

export function verdictWords(report: Report): string {
  const accepted = acceptedWords(report);
  const words = verdictCore(report);
  return accepted.length ? `${words}; ${accepted.join('; ')}` : words;
}

function verdictCore(report: Report): string {
  const { errors, warnings, notices, images } = report.summary;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notices} notice${notices === 1 ? '' : 's'}`;
  const what = `${images} image${images === 1 ? '' : 's'}`;
  if (report.mode === 'audit') {
    const list = report.credentials ?? [];
    const creds = `${list.length} credential${list.length === 1 ? '' : 's'}`;
    const states = (['expired', 'disabled', 'expiring'] as const)
      .map((st) => [st, list.filter((c) => c.status === st).length] as const)
      .filter(([, k]) => k > 0)
      .map(([st, k]) => `${k} ${st}`);
    const detail = states.length ? states.join(', ') : 'none expired, disabled or expiring';
    return report.ready
      ? `Audit passed: ${creds}, ${detail} (${counts})`
      : `Audit needs attention: ${creds}, ${detail} (${counts})`;
  }
  const unverified = report.images.filter((i) => i.checks && hasUnverifiedCheck(i.checks));
  const gapWords = (): string => {
    const by = new Map<string, number>();
    for (const i of unverified) {
      const first = Object.values(i.checks!).find((c: ImageCheckResult) => c.state === 'unverified' && !c.accepted);
      const r = first?.reason ?? 'other';
      by.set(r, (by.get(r) ?? 0) + 1);
    }
    const reasons = [...by.entries()].map(([r, k]) => `${r}: ${k}`).join(', ');
    return `${unverified.length} of ${images} image${images === 1 ? '' : 's'} could not be checked (${reasons})`;
  };
  if (!report.ready) {
    if (errors === 0 && unverified.length > 0) return `Not verified: ${gapWords()}; ${counts}`;
    const also = unverified.length ? `; also ${gapWords()}` : '';
    return `Not ready: ${counts} across ${what}${also}`;
  }
  if (unverified.length > 0) return `Not verified (unverified: warn lets the rollout go): ${gapWords()}; ${counts}`;
  if (report.scope === 'manifests-only')
    return `Manifests only: static checks passed, no registry or cluster was asked (${what}; ${counts})`;
  if (report.scope === 'images-only')
    return `Ready (images only): every image exists with the needed platforms; no cluster given, so pull path and network were not checked (${what}; ${counts})`;
  // "Every image can be pulled" only when every image was actually checked: reports without per-image checks (older
  // callers) say what was not checked.
  const unchecked = report.images.filter((i) => i.status === 'unchecked').length;
  const unverifiable = report.images.filter((i) => i.status === 'unverifiable').length;
  const gaps = [
    unchecked ? `${unchecked} not checked against a registry` : '',
    unverifiable ? `${unverifiable} could not be verified` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return gaps
    ? `Ready: nothing blocks the rollout (${what}, ${gaps}; ${counts})`
    : `Ready: every image can be pulled (${what}; ${counts})`;
}

function hasUnverifiedCheck(checks: ImageChecks): boolean {
  return Object.values(checks).some((c: ImageCheckResult) => c.state === 'unverified' && !c.accepted);
}

export function locationText(f: Finding): string {
  if (!f.location || f.location.workload) return '';
  const { file, line, column } = f.location;
  return `${file}:${line}${column ? `:${column}` : ''}`;
}
