// The JSON report (`--format json`, the action's `report` output): the contract of DESIGN.md with a fixed key
// order, findings in the deterministic order of sort.ts, and evidence reduced to its safe part, so the same input
// gives byte-identical output and no credential reaches the file.

import type {
  AuditCredential,
  Finding,
  ImageCheckResult,
  ImageChecks,
  Report,
  ReportImage,
  SourceLocation,
} from '../types/index.js';
import { safeEvidence } from './evidence.js';
import { sortFindings } from '../lib/sort.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Objects already put in contract order: plain() keeps them as they are instead of sorting their keys.
const BUILT = new WeakSet<object>();

/** Known keys in contract order first, then any other keys (added later as optional fields) alphabetically. */
function ordered(obj: object, order: readonly string[]): { [key: string]: Json } {
  const src = obj as Record<string, unknown>;
  const out: { [key: string]: Json } = {};
  const rest = Object.keys(src)
    .filter((k) => !order.includes(k))
    .sort();
  for (const k of [...order, ...rest]) {
    const v = src[k];
    if (v !== undefined) out[k] = plain(v);
  }
  BUILT.add(out);
  return out;
}

/** Plain JSON value with object keys sorted (for values whose shape the contract does not fix). */
function plain(v: unknown): Json {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') return BUILT.has(v) ? (v as { [key: string]: Json }) : ordered(v, []);
  return null;
}

function location(l: SourceLocation): Json {
  return ordered(l, ['file', 'line', 'column', 'helmSource']);
}

export function findingJson(f: Finding): Json {
  return ordered(
    {
      ...f,
      location: f.location && location(f.location),
      locations: f.locations?.map(location),
      suppressed: f.suppressed && ordered(f.suppressed, ['by', 'reason', 'expires', 'kind']),
      evidence: safeEvidence(f.evidence),
    },
    [
      'rule',
      'severity',
      'message',
      'image',
      'registry',
      'location',
      'locations',
      'suppressed',
      'remediation',
      'evidence',
    ],
  );
}

function checks(c: ImageChecks): Json {
  const one = (r: ImageCheckResult): Json => ordered(r, ['state', 'why', 'toCheck', 'reason']);
  return ordered(
    { exists: one(c.exists), platforms: one(c.platforms), pullPath: one(c.pullPath), network: one(c.network) },
    ['exists', 'platforms', 'pullPath', 'network'],
  );
}

function image(i: ReportImage): Json {
  const base = { ...i, locations: i.locations.map((l) => ordered(l, ['file', 'line'])) };
  return ordered(i.checks ? { ...base, checks: checks(i.checks) } : base, [
    'reference',
    'registry',
    'status',
    'digest',
    'platforms',
    'checks',
    'locations',
  ]);
}

function credential(c: AuditCredential): Json {
  return ordered(c, ['kind', 'name', 'owner', 'registry', 'usedBy', 'expires', 'daysLeft', 'status']);
}

/** The report as an ordered plain object (what renderJson serializes). */
export function reportJson(report: Report): { [key: string]: Json } {
  const images = [...report.images].sort((a, b) =>
    a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0,
  );
  return ordered(
    {
      ...report,
      summary: ordered(report.summary, ['images', 'errors', 'warnings', 'notices', 'suppressed']),
      images: images.map(image),
      findings: sortFindings(report.findings).map(findingJson),
      credentials: report.credentials?.map(credential),
    },
    ['version', 'ready', 'verified', 'scope', 'mode', 'cluster', 'summary', 'images', 'findings', 'credentials'],
  );
}

/** Pretty-printed JSON with a trailing newline; byte-identical for the same report. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}

/** GitHub caps one step output at 1 MB; stay under it with room for the note. */
export const FINDINGS_OUTPUT_MAX_BYTES = 1_000_000 - 4_096;

/**
 * One line of compact JSON for the action's `findings` output, under GitHub's 1 MB output limit: past it, the
 * findings' location lists are cut to their first place, then whole findings are left out, and a last entry (rule
 * `output-truncated`) says how many and points at the `report` file, which holds everything.
 */
export function renderFindingsCompact(
  report: Report,
  maxBytes = FINDINGS_OUTPUT_MAX_BYTES,
  reportFile = 'report',
): string {
  const all = sortFindings(report.findings);
  const full = JSON.stringify(all.map(findingJson));
  if (Buffer.byteLength(full) <= maxBytes) return full;
  const short = all.map((f) =>
    findingJson(f.locations && f.locations.length > 1 ? { ...f, locations: f.locations.slice(0, 1) } : f),
  );
  const parts: string[] = [];
  let bytes = 2;
  const note = (left: number): string =>
    JSON.stringify({
      rule: 'output-truncated',
      severity: 'notice',
      message: `The findings output is cut to stay under GitHub's 1 MB output limit: location lists are cut to their first place${left > 0 ? ` and ${left} finding(s) are left out` : ''}; every finding and location is in the report file (${reportFile}).`,
    });
  // The longest note (the most findings left out) bounds them all.
  const room = maxBytes - Buffer.byteLength(note(short.length)) - 1;
  for (let i = 0; i < short.length; i++) {
    const s = JSON.stringify(short[i]);
    const b = Buffer.byteLength(s) + 1;
    if (bytes + b > room) {
      parts.push(note(short.length - i));
      return `[${parts.join(',')}]`;
    }
    parts.push(s);
    bytes += b;
  }
  parts.push(note(0));
  return `[${parts.join(',')}]`;
}
