// Accepting a finding on purpose: the `ignore:` entries of .aks-pull-gate.yaml (parsed in settings/) and the workload
// annotation `aks-pull-gate.io/ignore: "<rule>[,<rule>] until <YYYY-MM-DD>: <reason>"` are matched to the findings
// here. A matched finding keeps its place in every report with `suppressed: {by, reason, expires}` and stops deciding
// the verdict. An entry past its date is a warning (suppression-expired) and suppresses nothing; one that matches
// nothing is a notice (suppression-unused); one for an error rule (no pod would start) running more than 30 days ahead
// is a warning (suppression-too-long) and suppresses nothing. Pure: findings, uses and entries in, findings out.
// Run on the per-place findings, before they are grouped, so a workload's annotation covers its own places only.

import { MAX_ERROR_SUPPRESSION_DAYS, stopsPods } from '../rules/catalogue.js';
import type { Finding, ImageUse, SourceLocation } from '../types/index.js';
import type { IgnoreEntry } from '../types/suppression.js';

export const IGNORE_ANNOTATION = 'aks-pull-gate.io/ignore';
const DAY_MS = 86_400_000;

function locKey(l: SourceLocation): string {
  return `${l.file}\u0000${l.line}\u0000${l.column}`;
}

function day(iso: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : t;
}

/** `*` is any run of characters; everything else is literal. */
function globMatches(glob: string, value: string): boolean {
  const re = new RegExp(
    `^${glob
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(value);
}

/** The entries of one workload's annotation, or the reason it cannot be read. */
export function parseIgnoreAnnotation(
  value: string,
  use: Pick<ImageUse, 'workload' | 'namespace'>,
): IgnoreEntry[] | { invalid: string } {
  const m = /^\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s+until\s+(\d{4}-\d{2}-\d{2})\s*:\s*(\S.*?)\s*$/i.exec(value);
  if (!m || day(m[2]) === undefined) {
    return { invalid: `expected "<rule>[,<rule>] until <YYYY-MM-DD>: <reason>"` };
  }
  const source = `${use.workload.kind} ${use.namespace}/${use.workload.name} annotation`;
  return m[1].split(',').map((rule) => ({
    rule: rule.trim().toLowerCase(),
    namespace: use.namespace,
    workload: `${use.workload.kind}/${use.workload.name}`,
    reason: m[3],
    expires: m[2],
    source,
    kind: 'inSource' as const,
  }));
}

interface Candidate {
  entry: IgnoreEntry;
  location?: SourceLocation;
  used: boolean;
}

function usesOf(f: Finding, byLocation: Map<string, ImageUse[]>, byImage: Map<string, ImageUse[]>): ImageUse[] {
  if (f.location) return byLocation.get(locKey(f.location)) ?? [];
  return f.image ? (byImage.get(f.image) ?? []) : [];
}

function matches(e: IgnoreEntry, f: Finding, uses: ImageUse[]): boolean {
  if (e.rule !== f.rule) return false;
  if (e.image !== undefined && (f.image === undefined || !globMatches(e.image, f.image))) return false;
  if (e.namespace === undefined && e.workload === undefined) return true;
  return uses.some(
    (u) =>
      (e.namespace === undefined || e.namespace === u.namespace) &&
      (e.workload === undefined || e.workload.toLowerCase() === `${u.workload.kind}/${u.workload.name}`.toLowerCase()),
  );
}

/** `reportUnused` is off in the audit, which sees none of the manifests' findings the entries are written for. */
export function applySuppressions(
  findings: Finding[],
  uses: ImageUse[],
  entries: IgnoreEntry[],
  now: Date,
  reportUnused = true,
): Finding[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out: Finding[] = [];
  const candidates: Candidate[] = entries.map((entry) => ({ entry, used: false }));
  // Annotations: one set of entries per workload (its containers share the annotation), located at its first image.
  const seen = new Set<string>();
  for (const u of uses) {
    if (u.ignoreAnnotation === undefined) continue;
    const key = `${u.namespace}/${u.workload.kind}/${u.workload.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const parsed = parseIgnoreAnnotation(u.ignoreAnnotation, u);
    if ('invalid' in parsed) {
      out.push({
        rule: 'suppression-unused',
        severity: 'notice',
        message: `${u.workload.kind} ${u.namespace}/${u.workload.name}: the ${IGNORE_ANNOTATION} annotation cannot be read (${parsed.invalid}), so it accepts nothing`,
        location: u.location,
      });
      continue;
    }
    for (const entry of parsed) candidates.push({ entry, location: u.location, used: false });
  }

  const active: Candidate[] = [];
  for (const c of candidates) {
    const { entry } = c;
    const expires = day(entry.expires);
    if (expires === undefined || expires < today) {
      out.push({
        rule: 'suppression-expired',
        severity: 'warning',
        message: `The entry accepting ${entry.rule} (${entry.source}: "${entry.reason}") expired on ${entry.expires}: it no longer suppresses`,
        ...(c.location ? { location: c.location } : {}),
        remediation: `fix what it accepted, or renew the entry in ${entry.source} with a new expires date and reason`,
      });
      continue;
    }
    if (stopsPods(entry.rule) && expires > today + MAX_ERROR_SUPPRESSION_DAYS * DAY_MS) {
      out.push({
        rule: 'suppression-too-long',
        severity: 'warning',
        message: `The entry accepting ${entry.rule} (${entry.source}) runs until ${entry.expires}, more than ${MAX_ERROR_SUPPRESSION_DAYS} days ahead: ${entry.rule} means no pod would start, so it is accepted only for ${MAX_ERROR_SUPPRESSION_DAYS} days at a time; the entry does not suppress`,
        ...(c.location ? { location: c.location } : {}),
        remediation: `set expires in ${entry.source} to ${new Date(today + MAX_ERROR_SUPPRESSION_DAYS * DAY_MS).toISOString().slice(0, 10)} or earlier`,
      });
      continue;
    }
    active.push(c);
  }

  // No entry left to match: every finding stands as it is (and the maps below, over every use, are not needed).
  if (!active.length) {
    for (const f of findings) out.push(f);
    return out;
  }
  const byLocation = new Map<string, ImageUse[]>();
  const byImage = new Map<string, ImageUse[]>();
  for (const u of uses) {
    pushTo(byLocation, locKey(u.location), u);
    const ref = u.ref?.normalized;
    if (ref) pushTo(byImage, ref, u);
  }
  for (const f of findings) {
    const fuses = usesOf(f, byLocation, byImage);
    const hit = active.find((c) => matches(c.entry, f, fuses));
    if (!hit) {
      out.push(f);
      continue;
    }
    hit.used = true;
    out.push({
      ...f,
      suppressed: { by: hit.entry.source, reason: hit.entry.reason, expires: hit.entry.expires, kind: hit.entry.kind },
    });
  }
  for (const c of active) {
    if (c.used || !reportUnused) continue;
    out.push({
      rule: 'suppression-unused',
      severity: 'notice',
      message: `The entry accepting ${c.entry.rule}${c.entry.image ? ` for ${c.entry.image}` : ''} (${c.entry.source}) matched no finding: remove it if what it accepted is fixed`,
      ...(c.location ? { location: c.location } : {}),
    });
  }
  return out;
}

function pushTo(map: Map<string, ImageUse[]>, key: string, u: ImageUse): void {
  const list = map.get(key);
  if (list) list.push(u);
  else map.set(key, [u]);
}
