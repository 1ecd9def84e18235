// Deterministic order of findings (severity, file, line, rule, then message) and the summary counts.
// Every renderer sorts through here so the same input gives the same output, byte for byte.

import { SEVERITY_ORDER, type Finding, type Report } from '../types/index.js';

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  // Findings without a location (cluster- or registry-wide) come after those with one of the same severity.
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Code-unit order, not localeCompare: the result must not depend on the machine's locale.
  return String(a) < String(b) ? -1 : 1;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.location?.file, b.location?.file) ||
    cmp(a.location?.line, b.location?.line) ||
    cmp(a.location?.column, b.location?.column) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message) ||
    cmp(a.image, b.image) ||
    cmp(a.registry, b.registry)
  );
}

/** A sorted copy (suppressed findings sort with the others: they are counted apart, not hidden); the input is not modified. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function summarize(findings: readonly Finding[], images = 0): Report['summary'] {
  const s: Report['summary'] = { images, errors: 0, warnings: 0, notices: 0 };
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.notices++;
  }
  if (suppressed > 0) s.suppressed = suppressed;
  return s;
}
