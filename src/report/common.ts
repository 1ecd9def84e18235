// Small helpers the renderers share: grouping findings by image, per-image concern marks, verdict words.

import { ruleById, type RuleConcern } from '../checks/catalogue.js';
import { SEVERITY_ORDER, type Finding, type Report, type ReportImage, type Severity } from '../types.js';
import { sortFindings } from './sort.js';

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
  return { groups: [...byRef.values()], general };
}

export type Mark = { state: 'pass' | Severity | 'unverifiable' | 'unchecked'; rules: string[] };

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

/**
 * The mark of one concern for one image: the worst finding of that concern that applies to it. A finding applies
 * when it names the image, or names no image but the image's registry (network, registry-wide identity), or names
 * neither and is cluster-wide (identity and network only: a cluster's expired service principal hits every image).
 */
export function concernMark(report: Report, image: ReportImage, concern: RuleConcern): Mark {
  let worst: Severity | undefined;
  const rules = new Set<string>();
  let unverifiable = false;
  for (const f of report.findings) {
    if (concernOf(f.rule) !== concern) continue;
    const applies =
      f.image === image.reference ||
      (f.image === undefined && f.registry !== undefined && f.registry === image.registry) ||
      (f.image === undefined && f.registry === undefined && (concern === 'identity' || concern === 'network'));
    if (!applies) continue;
    rules.add(f.rule);
    if (f.rule.endsWith('-unverifiable') || f.rule === 'cluster-egress-unknown') unverifiable = true;
    else if (worst === undefined || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  }
  const sorted = [...rules].sort();
  if (worst === 'error' || worst === 'warning') return { state: worst, rules: sorted };
  if (unverifiable) return { state: 'unverifiable', rules: sorted };
  if (worst === 'notice') return { state: 'notice', rules: sorted };
  // No finding: only a pass when the registry was actually asked about this image.
  if (image.status === 'unchecked' || image.status === 'invalid') return { state: 'unchecked', rules: [] };
  if (image.status === 'unverifiable' && concern === 'exists') return { state: 'unverifiable', rules: [] };
  return { state: 'pass', rules: [] };
}

export function verdictWords(report: Report): string {
  const { errors, warnings, notices, images } = report.summary;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notices} notice${notices === 1 ? '' : 's'}`;
  const what = `${images} image${images === 1 ? '' : 's'}`;
  return report.ready ? `Ready: every image can be pulled (${what}; ${counts})` : `Not ready: ${counts} across ${what}`;
}

export function locationText(f: Finding): string {
  if (!f.location) return '';
  const { file, line, column } = f.location;
  return `${file}:${line}${column ? `:${column}` : ''}`;
}
