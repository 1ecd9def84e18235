// One finding per (rule, image, cause): a missing tag used by 6,000 pods is one error listing 6,000 places, not 6,000
// errors. Applied once, in the verdict, before any renderer sees the findings, so JSON, SARIF, annotations, the summary
// and the PR comment all count the same thing. The cause is the message (it never names a location); the remediation
// and evidence of the first place are kept.

import type { Finding, SourceLocation } from '../types/index.js';
import { sortFindings } from './sort.js';

function cmp(a: SourceLocation, b: SourceLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

function causeKey(f: Finding): string {
  return JSON.stringify([f.rule, f.severity, f.image ?? '', f.registry ?? '', f.message, f.suppressed?.by ?? '']);
}

function locKey(l: SourceLocation): string {
  return `${l.file}\u0000${l.line}\u0000${l.column}`;
}

/** Merges findings of one cause into one with every location (`location` = the first, `locations` = all, sorted). */
export function groupFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, { first: Finding; locations: Map<string, SourceLocation> }>();
  // Sorted first: the kept remediation and evidence are those of the first place.
  for (const f of sortFindings(findings)) {
    const key = causeKey(f);
    let g = groups.get(key);
    if (!g) {
      g = { first: f, locations: new Map() };
      groups.set(key, g);
    }
    for (const l of f.locations ?? (f.location ? [f.location] : [])) {
      if (!g.locations.has(locKey(l))) g.locations.set(locKey(l), l);
    }
  }
  return [...groups.values()].map(({ first, locations }) => {
    const { location: _l, locations: _ls, ...rest } = first;
    if (locations.size === 0) return rest;
    const sorted = [...locations.values()].sort(cmp);
    return { ...rest, location: sorted[0], locations: sorted };
  });
}
