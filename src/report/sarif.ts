// SARIF 2.1.0 for GitHub code scanning (`sarif-file` input, `--format sarif`): one rule descriptor per catalogue
// entry with its help and remediation, one result per finding with a relative physical location, and a stable
// fingerprint so re-runs update alerts instead of duplicating them.

import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES, type RuleDescriptor } from '../rules/catalogue.js';
import type { Finding, Report, Severity, SourceLocation } from '../types/index.js';
import { safeEvidence } from './evidence.js';
import { sortFindings } from '../lib/sort.js';

export interface SarifOptions {
  /** Version of aks-pull-gate (package.json), shown as tool.driver.version. */
  toolVersion: string;
  /** Optional runAutomationDetails.id, e.g. `aks-pull-gate/prod-aks/`, to keep clusters' alerts apart. */
  category?: string;
  /** Project home page, shown as tool.driver.informationUri. */
  informationUri?: string;
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
  if (rule.helpUri) d.helpUri = rule.helpUri;
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
      artifactLocation: { uri: fileUri(loc.file) },
      region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column ?? 1) },
    },
  };
}

function fingerprint(f: Finding): string {
  const key = [f.rule, f.image ?? '', f.registry ?? '', f.location?.file ?? '', f.message].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export function renderSarif(report: Report, opts: SarifOptions): Log {
  const rules = RULES.map(descriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const findings = sortFindings(report.findings);
  // A rule id the catalogue does not know still gets a descriptor, so every result has a valid ruleIndex.
  for (const f of findings) {
    if (!index.has(f.rule)) {
      index.set(f.rule, rules.length);
      rules.push({
        id: f.rule,
        name: pascal(f.rule),
        shortDescription: { text: f.rule },
        defaultConfiguration: { level: LEVEL[f.severity] },
      });
    }
  }
  // Cluster- and registry-wide findings have no manifest line; code scanning needs a location, so they point at
  // the first line that uses the image (or the first image of the report) and say so in their properties.
  const imageLocation = new Map(
    report.images.filter((i) => i.locations.length > 0).map((i) => [i.reference, i.locations[0]]),
  );
  const firstLocation = report.images.find((i) => i.locations.length > 0)?.locations[0];

  const results: Result[] = findings.map((f) => {
    const text = f.remediation ? `${f.message}\nFix: ${f.remediation}` : f.message;
    const r: Result = {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule) ?? 0,
      level: LEVEL[f.severity],
      message: { text },
      partialFingerprints: { 'aksPullGate/v1': fingerprint(f) },
    };
    const fallback = (f.image !== undefined ? imageLocation.get(f.image) : undefined) ?? firstLocation;
    if (f.location) r.locations = [physical(f.location)];
    else if (fallback) r.locations = [physical(fallback)];
    const props: Record<string, unknown> = {};
    if (f.image) props.image = f.image;
    if (f.registry) props.registry = f.registry;
    if (f.remediation) props.remediation = f.remediation;
    if (!f.location && fallback) props.locationIsApproximate = true;
    if (f.location?.helmSource) props.helmSource = f.location.helmSource;
    const ev = safeEvidence(f.evidence);
    if (ev) props.evidence = ev;
    if (Object.keys(props).length > 0) r.properties = props;
    return r;
  });

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
  };
  if (run.tool.driver.semanticVersion === undefined) delete run.tool.driver.semanticVersion;
  if (opts.informationUri) run.tool.driver.informationUri = opts.informationUri;
  if (opts.category) run.automationDetails = { id: opts.category };
  if (report.cluster) run.properties = { cluster: report.cluster, mode: report.mode, ready: report.ready };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}
