// Workflow annotations (::error file=...::) built as data; main.ts only emits them. GitHub shows at most 10 error,
// 10 warning and 10 notice annotations per step (50 per job) and silently drops the rest, so this picks the most
// severe and most actionable ones, and spends the last notice slot on saying how many more are in the summary.

import type { Finding, Report, Severity } from '../types/index.js';
import { locationText } from './common.js';
import { compareFindings } from '../lib/sort.js';

export interface Annotation {
  level: Severity;
  message: string;
  /** The rule id. */
  title: string;
  /** Workspace-relative path. Absent only for a cluster-wide finding with no image line to point at. */
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface AnnotationOptions {
  /** Whether a workspace-relative path exists in the repository (to point at a Helm template instead). */
  fileExists?: (path: string) => boolean;
}

/** GitHub's per-step caps. */
export const ANNOTATION_CAPS: Readonly<Record<Severity, number>> = { error: 10, warning: 10, notice: 10 };
/** Places annotated per finding of many places (the rest are in the summary and the reports). */
export const LOCATIONS_PER_FINDING = 3;
/** GitHub's per-job cap (a job can have several steps annotating). */
export const ANNOTATIONS_PER_JOB = 50;

// Most actionable first: a finding with a fix command and a manifest line helps more than one without.
function actionability(f: Finding): number {
  return (f.remediation ? 0 : 2) + (f.location ? 0 : 1);
}

function byPriority(a: Finding, b: Finding): number {
  const sev = { error: 0, warning: 1, notice: 2 }[a.severity] - { error: 0, warning: 1, notice: 2 }[b.severity];
  return sev || actionability(a) - actionability(b) || compareFindings(a, b);
}

/** Candidate template paths for Helm's `# Source: <chart>/templates/x.yaml` (the chart directory may sit under charts/). */
export function helmCandidates(source: string): string[] {
  const s = source.replace(/\\/g, '/').replace(/^\.\//, '');
  return [s, `charts/${s}`, `helm/${s}`, `deploy/${s}`];
}

function toAnnotation(
  f: Finding,
  fallback: { file: string; line: number } | undefined,
  opts: AnnotationOptions,
): Annotation {
  const parts = [f.message];
  if (f.remediation) parts.push(`Fix: ${f.remediation}`);
  const a: Annotation = { level: f.severity, message: '', title: f.rule };
  // A running workload (the audit) is no file of the repository: annotate without a place.
  const loc = f.location?.workload ? undefined : f.location;
  const template =
    loc?.helmSource && opts.fileExists ? helmCandidates(loc.helmSource).find((p) => opts.fileExists?.(p)) : undefined;
  if (loc && template) {
    // The rendered file is generated; the template is what a person edits. Its line is unknown, so line 1, and the
    // message names the rendered position.
    a.file = template;
    a.startLine = 1;
    a.startColumn = 1;
    parts.push(`(rendered at ${locationText(f)})`);
  } else if (loc) {
    a.file = loc.file;
    a.startLine = Math.max(1, loc.line);
    a.startColumn = Math.max(1, loc.column || 1);
  } else if (fallback) {
    a.file = fallback.file;
    a.startLine = Math.max(1, fallback.line);
    a.startColumn = 1;
  }
  a.message = parts.join('\n');
  return a;
}

export function buildAnnotations(
  report: Report,
  opts: AnnotationOptions = {},
): { annotations: Annotation[]; omitted: number } {
  const imageLine = new Map(
    report.images.filter((i) => i.locations.length > 0).map((i) => [i.reference, i.locations[0]]),
  );
  const taken: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  let omitted = 0;
  // A finding of many places annotates its first few (each still within the caps); accepted (suppressed) findings
  // annotate nothing: they are listed apart in the summary.
  const sorted = report.findings
    .filter((f) => !f.suppressed)
    .sort(byPriority)
    .flatMap((f) =>
      f.locations && f.locations.length > 1
        ? f.locations.slice(0, LOCATIONS_PER_FINDING).map((location) => ({ ...f, location }))
        : [f],
    );
  const noticeSlots = ANNOTATION_CAPS.notice;
  // Count how many would be dropped first, so the "N more" notice can take a notice slot only when needed.
  for (const f of sorted) {
    const a = toAnnotation(f, f.image !== undefined ? imageLine.get(f.image) : undefined, opts);
    const key = `${a.level}\u0000${a.file ?? ''}\u0000${a.startLine ?? 0}\u0000${a.title}\u0000${a.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (taken[a.level] < ANNOTATION_CAPS[a.level] && annotations.length < ANNOTATIONS_PER_JOB) {
      taken[a.level]++;
      annotations.push(a);
    } else {
      omitted++;
    }
  }
  if (omitted > 0) {
    // Make room for the pointer notice: drop the last (least important) notice if the notice cap is full.
    if (taken.notice >= noticeSlots || annotations.length >= ANNOTATIONS_PER_JOB) {
      const lastNotice = annotations.map((a) => a.level).lastIndexOf('notice');
      const drop = lastNotice >= 0 ? lastNotice : annotations.length - 1;
      annotations.splice(drop, 1);
      omitted++;
    }
    annotations.push({
      level: 'notice',
      title: 'aks-pull-gate',
      message: `${omitted} more finding${omitted === 1 ? '' : 's'} not annotated (GitHub shows at most 10 errors, 10 warnings and 10 notices per step): see the job summary and the SARIF/JSON report.`,
    });
  }
  return { annotations, omitted };
}
