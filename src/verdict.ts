// Turns findings into the report's verdict: the per-image status table, the summary counts, `ready`, and the exit code.
// `ready` is true exactly when the exit code is 0 (DESIGN.md).

import type { FailOn } from './settings/config.js';
import type { Finding, ImageStatus, ImageUse, Report, ReportImage } from './types/index.js';
import { SEVERITY_ORDER } from './types/index.js';
import { sortFindings, summarize } from './lib/sort.js';
import { groupFindings } from './lib/group-findings.js';
import { ruleById } from './rules/catalogue.js';

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
  checked: Map<string, { digest?: string; platforms?: string[] }>;
}

export function buildReport(opts: {
  mode: 'check' | 'audit';
  cluster?: string;
  uses: ImageUse[];
  findings: Finding[];
  images: ImageFacts;
  failOn: FailOn;
}): { report: Report; exitCode: 0 | 1 } {
  // Grouped once here, before any renderer: one finding per (rule, image, cause) with every location.
  const findings = sortFindings(groupFindings(dedupeFindings(opts.findings)));
  const images = reportImages(opts.uses, findings, opts.images);
  const summary = summarize(findings, images.length);
  const exitCode = exitCodeFor(findings, opts.failOn);
  const report: Report = {
    version: 1,
    ready: exitCode === 0,
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
  for (const entry of byRef.values()) {
    // An accepted (suppressed) finding no longer decides the image's status.
    const deciding = findings.filter((f) => !f.suppressed);
    const rules = new Set(
      deciding
        .filter((f) => f.image === entry.reference)
        // Once the tag is cached (a warning), the image itself pulls: its status stays ok.
        .filter((f) => f.rule !== 'cache-rule-credentials-unhealthy' || f.severity === 'error')
        .map((f) => f.rule),
    );
    const invalid = deciding.some(
      (f) =>
        ruleById(f.rule)?.imageStatus === 'invalid' &&
        entry.locations.some((l) =>
          (f.locations ?? (f.location ? [f.location] : [])).some((fl) => l.file === fl.file && l.line === fl.line),
        ),
    );
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
