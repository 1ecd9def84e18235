// SARIF 2.1.0 for GitHub code scanning (`sarif-file` input, `--format sarif`), held to code scanning's documented
// rules (checked by scripts/check-sarif.ts in CI): one result per place a finding applies to, each with a relative
// location under %SRCROOT% (the Helm template when the repository holds it, never a path outside the workspace), and a
// partialFingerprint of the rule, the image (or registry) and the place only, never the message (which says "in 10
// days" and lists nearest tags, and would close and reopen alerts daily). Rule descriptors only for rules with results
// (every catalogue rule was 75 KB for one result). Audit results are left out: they are about credentials and cluster
// objects with no place in the repository, and upload-sarif rejects a result without a location; the audit's report
// is the JSON file, the job summary and the tracking issue. Suppressed findings carry `suppressions`.

import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ruleById, ruleDocUri, type RuleDescriptor } from '../rules/catalogue.js';
import type { Finding, Report, ReportImage, Severity, SourceLocation } from '../types/index.js';
import { safeEvidence } from './evidence.js';
import { sortFindings } from '../lib/sort.js';
import { helmCandidates } from './annotations.js';
import { CHECK_NAMES } from './common.js';

export interface SarifOptions {
  /** Version of aks-pull-gate (package.json), shown as tool.driver.version. */
  toolVersion: string;
  /** Optional runAutomationDetails.id, e.g. `aks-pull-gate/prod-aks/`, to keep clusters' alerts apart. */
  category?: string;
  /** Project home page, shown as tool.driver.informationUri. */
  informationUri?: string;
  /** Whether a workspace-relative file exists: lets a result point at the Helm template (`# Source:`) instead. */
  fileExists?: (file: string) => boolean;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', notice: 'note' };
// GitHub ranks code-scanning alerts by `problem.severity` (error / warning / recommendation).
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'recommendation' };

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

function descriptor(rule: RuleDescriptor): ReportingDescriptor {
  const md = `${rule.help}${rule.helpUri ? `\n\n[Documentation](${rule.helpUri})` : ''}`;
  const d: ReportingDescriptor = {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.help },
    help: { text: rule.help, markdown: md },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: {
      tags: ['aks', 'image-pull', rule.concern],
      precision: 'very-high',
      'problem.severity': PROBLEM_SEVERITY[rule.defaultSeverity],
    },
  };
  // helpUri opens the rule's section of docs/rules.md (what fires it, the fix, the tests); the help markdown keeps the
  // Microsoft documentation link.
  d.helpUri = ruleDocUri(rule.id);
  return d;
}

/** A relative URI reference for a workspace-relative path: forward slashes, each segment percent-encoded. */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function physical(
  loc: Pick<SourceLocation, 'file' | 'line'> & { column?: number },
): NonNullable<Result['locations']>[number] {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(loc.file), uriBaseId: '%SRCROOT%' },
      region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column ?? 1) },
    },
  };
}

/** A workspace-relative path, or undefined for an absolute one or one that leaves the workspace. */
export function insideWorkspace(file: string): string | undefined {
  const f = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (f === '' || f.startsWith('/') || /^[A-Za-z]:/.test(f) || f.split('/').includes('..')) return undefined;
  return f;
}

/**
 * The credential a finding is about, by name (never its value): the pull secret (namespace/name) and the registry it
 * is for, the scoped token, or the service principal. Undefined for findings about no credential.
 */
export function credentialKey(f: Finding): string | undefined {
  const ev = f.evidence ?? {};
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' && v ? v : Array.isArray(v) && v.length ? v.map(String).join(',') : undefined;
  const parts = [
    str(ev.secretName) && `secret:${str(ev.secretName)}`,
    str(ev.tokenName) && `token:${str(ev.tokenName)}`,
    str(ev.identity) && `principal:${str(ev.identity)}`,
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return undefined;
  const registry = f.registry ?? str(ev.registryId) ?? (f.image ? f.image.split('/')[0] : undefined);
  return [...parts, ...(registry ? [`registry:${registry.toLowerCase()}`] : [])].join(' ');
}

/**
 * Stable across runs: rule, image (or registry), the credential when the finding is about one, and the place; never
 * text that changes from day to day. Findings about no credential keep the key they always had (no alert churn).
 */
function fingerprint(f: Finding, place: string): string {
  const credential = credentialKey(f);
  const key = [f.rule, f.image ?? f.registry ?? '', ...(credential ? [credential] : []), place].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** "<checks> not checked: <why>" for each unverified check of the image, one line per distinct reason. */
export function unverifiedLines(image: ReportImage): string[] {
  if (!image.checks) return [];
  const byWhy = new Map<string, string[]>();
  for (const [key, name] of CHECK_NAMES) {
    const c = image.checks[key];
    if (c.state !== 'unverified') continue;
    const why = `${c.why ?? 'could not be verified'}${c.toCheck ? ` (to check it: ${c.toCheck})` : ''}`;
    byWhy.set(why, [...(byWhy.get(why) ?? []), name]);
  }
  return [...byWhy].map(([why, names]) => `${names.join(', ')} not checked: ${why}`);
}

interface Place {
  file: string;
  line: number;
  column: number;
  /** The rendered position, when the place is the Helm template (its line is unknown: line 1). */
  rendered?: string;
  approximate?: boolean;
}

export function renderSarif(report: Report, opts: SarifOptions): Log {
  const findings = report.mode === 'audit' ? [] : sortFindings(report.findings);
  // Cluster- and registry-wide findings have no manifest line; code scanning needs a location, so they point at
  // the first line that uses the image (or the first image of the report) and say so in their properties.
  const imageLocation = new Map(
    report.images.filter((i) => i.locations.length > 0).map((i) => [i.reference, i.locations[0]]),
  );
  const firstLocation = report.images.find((i) => i.locations.length > 0)?.locations[0];
  // What could not be checked, per image: said in the message and properties of that image's results, and for every
  // image in the run's properties (an unverified image may have no result of its own, e.g. after a timeout).
  const notChecked = new Map(
    report.images.map((i) => [i.reference, unverifiedLines(i)] as const).filter(([, lines]) => lines.length > 0),
  );

  const place = (l: Pick<SourceLocation, 'file' | 'line'> & Partial<SourceLocation>, approximate: boolean) => {
    if (l.workload) return undefined; // a running workload is no file of the repository
    const template =
      l.helmSource && opts.fileExists
        ? helmCandidates(l.helmSource).find((p) => insideWorkspace(p) && opts.fileExists?.(p))
        : undefined;
    if (template) return { file: template, line: 1, column: 1, rendered: `${l.file}:${l.line}`, approximate } as Place;
    const file = insideWorkspace(l.file);
    return file ? ({ file, line: l.line, column: l.column ?? 1, approximate } as Place) : undefined;
  };

  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const ruleIndex = (f: Finding): number => {
    let i = index.get(f.rule);
    if (i === undefined) {
      const known = ruleById(f.rule);
      i = rules.length;
      index.set(f.rule, i);
      // A rule id the catalogue does not know still gets a descriptor, so every result has a valid ruleIndex.
      rules.push(
        known
          ? descriptor(known)
          : {
              id: f.rule,
              name: pascal(f.rule),
              shortDescription: { text: f.rule },
              defaultConfiguration: { level: LEVEL[f.severity] },
            },
      );
    }
    return i;
  };

  const results: Result[] = [];
  let omitted = 0;
  for (const f of findings) {
    const fallback = (f.image !== undefined ? imageLocation.get(f.image) : undefined) ?? firstLocation;
    const own = f.locations ?? (f.location ? [f.location] : []);
    const places = (own.length > 0 ? own.map((l) => place(l, false)) : fallback ? [place(fallback, true)] : []).filter(
      (p): p is Place => p !== undefined,
    );
    // One result per template, not per rendered copy of it.
    const seen = new Set<string>();
    const unique = places.filter((p) => {
      const k = `${p.file}:${p.line}:${p.column}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (unique.length === 0) {
      omitted++;
      continue;
    }
    const gaps = f.image !== undefined ? notChecked.get(f.image) : undefined;
    const text = [
      f.message,
      ...(f.remediation ? [`Fix: ${f.remediation}`] : []),
      ...(gaps ?? []).map((g) => `Not verified for ${f.image}: ${g}`),
    ].join('\n');
    for (const p of unique) {
      const r: Result = {
        ruleId: f.rule,
        ruleIndex: ruleIndex(f),
        level: LEVEL[f.severity],
        message: { text: p.rendered ? `${text}\n(rendered at ${p.rendered})` : text },
        locations: [physical(p)],
        partialFingerprints: { 'aksPullGate/v2': fingerprint(f, `${p.file}:${p.line}:${p.column}`) },
      };
      if (f.suppressed) {
        r.suppressions = [
          {
            kind: f.suppressed.kind,
            status: 'accepted',
            justification: `${f.suppressed.reason} (until ${f.suppressed.expires}; ${f.suppressed.by})`,
          },
        ];
      }
      const props: Record<string, unknown> = {};
      if (f.image) props.image = f.image;
      if (f.registry) props.registry = f.registry;
      if (f.remediation) props.remediation = f.remediation;
      if (gaps) props.notChecked = gaps;
      if (p.approximate) props.locationIsApproximate = true;
      if (f.location?.helmSource) props.helmSource = f.location.helmSource;
      const ev = safeEvidence(f.evidence);
      if (ev) props.evidence = ev;
      if (Object.keys(props).length > 0) r.properties = props;
      results.push(r);
    }
  }

  const run: Log['runs'][number] = {
    tool: {
      driver: {
        name: 'aks-pull-gate',
        version: opts.toolVersion,
        semanticVersion: /^\d+\.\d+\.\d+/.test(opts.toolVersion) ? opts.toolVersion : undefined,
        rules,
      },
    },
    results,
    columnKind: 'unicodeCodePoints',
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root (the workspace)' } } },
  };
  if (run.tool.driver.semanticVersion === undefined) delete run.tool.driver.semanticVersion;
  if (opts.informationUri) run.tool.driver.informationUri = opts.informationUri;
  if (opts.category) run.automationDetails = { id: opts.category };
  const props: Record<string, unknown> = {};
  if (report.cluster) Object.assign(props, { cluster: report.cluster, mode: report.mode, ready: report.ready });
  if (report.mode === 'check' && notChecked.size > 0) {
    Object.assign(props, { ready: report.ready, verified: report.verified });
    props.notChecked = [...notChecked].map(([image, lines]) => ({ image, notChecked: lines }));
  }
  if (report.mode === 'audit' && report.findings.length > 0) {
    props.auditFindingsLeftOut = report.findings.length;
    props.note = 'Audit findings have no place in the repository; they are in the JSON report and the job summary.';
  }
  if (omitted > 0) props.findingsWithoutRepositoryLocation = omitted;
  if (Object.keys(props).length > 0) run.properties = props;
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}
