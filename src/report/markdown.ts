// The job summary (GITHUB_STEP_SUMMARY) and the Markdown building blocks the PR comment reuses: a verdict line,
// one table row per image with a mark per concern, every finding with its remediation in a copyable fenced block,
// long sections collapsed in <details>, and a hard size budget (GitHub rejects a step summary over 1 MiB) that
// truncates with a pointer to the JSON report rather than failing the upload.

import { ruleById } from '../rules/catalogue.js';
import type { Finding, Report, ReportImage, Severity } from '../types/index.js';
import { concernMark, groupByImage, TABLE_CONCERNS, verdictWords, type Mark } from './common.js';
import { evidenceLine } from './evidence.js';
import { sortFindings } from '../lib/sort.js';
import { namespaceSection } from './namespaces.js';

export interface SummaryOptions {
  /** Where the JSON report was written (shown when the summary is truncated). */
  reportPath?: string;
  /** Where the SARIF file was written, when one was. */
  sarifPath?: string;
  /** Size budget in UTF-8 bytes. Default and maximum: 1,000,000 (GitHub's limit is 1 MiB = 1,048,576). */
  maxBytes?: number;
  /** Heading text; default `aks-pull-gate`. */
  title?: string;
}

export const SUMMARY_MAX_BYTES = 1_000_000;
/** Findings of one severity shown before the rest are folded into a <details>. */
const OPEN_FINDINGS = 20;
/** Image rows shown before the table is folded into a <details>. */
const OPEN_IMAGE_ROWS = 30;
/** Share of the size budget the image table may take before the findings. */
const TABLE_SHARE = 0.3;

export const SEV_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const MARK_ICON: Record<Mark['state'], string> = {
  pass: '✅',
  error: '❌',
  warning: '⚠️',
  notice: 'ℹ️',
  unverifiable: '❔',
  unchecked: '➖',
  accepted: '☑️',
};
const CONCERN_HEADING = {
  exists: 'exists',
  platforms: 'platforms',
  identity: 'identity',
  network: 'network',
  'pull-secret': 'pull secret',
};

/** Text that goes into Markdown/HTML as-is: no raw HTML, no table breaks, no stray emphasis. */
export function escapeMd(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** An inline code span that survives backticks in the content. */
export function code(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced block that survives backtick runs in the content (copyable remediation commands). */
export function fenced(s: string, lang = 'sh'): string {
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${s.replace(/\r\n/g, '\n').replace(/\n+$/, '')}\n${fence}`;
}

export function markCell(m: Mark, extra?: string): string {
  const rules = m.rules.map(code).join(' ');
  const why =
    m.why && m.state === 'accepted'
      ? escapeMd(m.why)
      : m.why && (m.state === 'unverifiable' || m.state === 'unchecked')
        ? `not checked: ${escapeMd(m.why)}`
        : '';
  return [MARK_ICON[m.state], rules, extra, why].filter((x) => x).join(' ');
}

export function imageRow(report: Report, image: ReportImage): string {
  const cells = TABLE_CONCERNS.map((c) => {
    const m = concernMark(report, image, c);
    const extra =
      c === 'platforms' && m.state === 'pass' && image.platforms?.length
        ? escapeMd(image.platforms.join(', '))
        : undefined;
    return markCell(m, extra);
  });
  return `| ${code(image.reference)} | ${code(image.registry)} | ${cells.join(' | ')} |`;
}

export function imageTableHeader(): string[] {
  const heads = TABLE_CONCERNS.map((c) => CONCERN_HEADING[c]);
  return [`| image | registry | ${heads.join(' | ')} |`, `|---|---|${heads.map(() => '---|').join('')}`];
}

export const MARK_LEGEND =
  '✅ passes · ❌ blocks the pull · ⚠️ warning · ❔ could not verify · ☑️ not verified, accepted on purpose · ℹ️ notice · ➖ not checked';

/** One finding: heading line, message, safe evidence, where, and the remediation in a copyable block. */
export function findingBlock(f: Finding, opts: { helpLinks?: boolean } = {}): string {
  const rule = ruleById(f.rule);
  const title = rule ? ` ${escapeMd(rule.title)}` : '';
  // A workload location (the audit) is named in the message already ("Running in N workload(s): ...").
  const fileLine = f.location && !f.location.workload ? f.location : undefined;
  const where = fileLine
    ? ` at ${code(`${fileLine.file}:${fileLine.line}${fileLine.column ? `:${fileLine.column}` : ''}`)}`
    : '';
  const subject = f.image ? ` ${code(f.image)}` : f.registry ? ` ${code(f.registry)}` : '';
  const more =
    fileLine && (f.locations?.length ?? 0) > 1
      ? ` and ${f.locations!.length - 1} more place${f.locations!.length === 2 ? '' : 's'}`
      : '';
  const lines = [
    `${SEV_ICON[f.severity]} **${code(f.rule)}**${title ? ` —${title}` : ''}${subject}${where}${more}`,
    '',
  ];
  lines.push(escapeMd(f.message));
  if (f.suppressed) {
    lines.push(
      '',
      `Accepted by ${code(f.suppressed.by)} until ${f.suppressed.expires}: ${escapeMd(f.suppressed.reason)}`,
    );
  }
  const ev = evidenceLine(f.evidence);
  if (ev) lines.push('', `<sub>${escapeMd(ev)}</sub>`);
  if (f.remediation) lines.push('', fenced(f.remediation));
  if (opts.helpLinks && rule?.helpUri) lines.push('', `<sub>[About ${escapeMd(rule.id)}](${rule.helpUri})</sub>`);
  return `${lines.join('\n')}\n`;
}

/** Accumulates Markdown up to a byte budget; once something does not fit, everything after is dropped. */
export class SizedMarkdown {
  private readonly parts: string[] = [];
  private used = 0;
  truncated = false;

  constructor(
    private readonly limit: number,
    private readonly measure: (s: string) => number,
  ) {}

  /** Adds `s` when it fits (leaving room for `reserve`); returns false, and stops, when it does not. */
  push(s: string, reserve = 0): boolean {
    if (this.truncated) return false;
    const n = this.measure(s);
    if (this.used + n + reserve > this.limit) {
      this.truncated = true;
      return false;
    }
    this.parts.push(s);
    this.used += n;
    return true;
  }

  /** Adds `s` whatever the budget (closing tags, the truncation footer: their room was reserved). */
  force(s: string): void {
    this.parts.push(s);
    this.used += this.measure(s);
  }

  get size(): number {
    return this.used;
  }

  toString(): string {
    return this.parts.join('');
  }
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// Room kept for closing tags and the truncation footer, so a truncated document is still well formed.
const FOOTER_RESERVE = 2_000;

export interface FindingSectionsResult {
  shown: number;
}

/**
 * Writes the findings, errors first, each severity under its own heading; beyond `openCount` the rest of a severity
 * (and warnings/notices when there are errors) go in a <details>. Stops when the budget runs out.
 */
export function writeFindings(
  out: SizedMarkdown,
  findings: readonly Finding[],
  openCount: number,
  helpLinks: boolean,
): FindingSectionsResult {
  let shown = 0;
  // Accepted (suppressed) findings do not decide the verdict: listed apart, folded, after the others.
  const sorted = sortFindings(findings.filter((f) => !f.suppressed));
  const accepted = sortFindings(findings.filter((f) => f.suppressed));
  const hasErrors = sorted.some((f) => f.severity === 'error');
  for (const sev of ['error', 'warning', 'notice'] as const) {
    const list = sorted.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    const label = `${list.length} ${sev}${list.length === 1 ? '' : 's'}`;
    const collapseAll = sev !== 'error' && (hasErrors || list.length > openCount);
    let open = collapseAll ? 0 : Math.min(list.length, openCount);
    if (!out.push(`\n### ${SEV_ICON[sev]} ${label}\n\n`, FOOTER_RESERVE)) return { shown };
    for (let i = 0; i < list.length; i++) {
      if (i === open) {
        const rest = list.length - open;
        const summary = open === 0 ? `Show ${label}` : `${rest} more ${sev}${rest === 1 ? '' : 's'}`;
        if (!out.push(`<details><summary>${summary}</summary>\n\n`, FOOTER_RESERVE)) return { shown };
        open = -1;
      }
      if (!out.push(`${findingBlock(list[i], { helpLinks })}\n`, FOOTER_RESERVE)) {
        if (open === -1) out.force('</details>\n');
        return { shown };
      }
      shown++;
    }
    if (open === -1 && !out.push('</details>\n')) out.force('</details>\n');
  }
  if (accepted.length > 0) {
    const label = `${accepted.length} accepted on purpose`;
    if (!out.push(`\n### ☑️ ${label}\n\n<details><summary>Show ${label}</summary>\n\n`, FOOTER_RESERVE))
      return { shown };
    for (const f of accepted) {
      if (!out.push(`${findingBlock(f, { helpLinks })}\n`, FOOTER_RESERVE)) break;
      shown++;
    }
    out.force('</details>\n');
  }
  return { shown };
}

export function renderSummary(report: Report, opts: SummaryOptions = {}): string {
  const limit = Math.min(opts.maxBytes ?? SUMMARY_MAX_BYTES, SUMMARY_MAX_BYTES);
  const out = new SizedMarkdown(limit, utf8Bytes);
  const title = opts.title ?? 'aks-pull-gate';
  out.force(`## ${report.ready ? '✅' : '❌'} ${escapeMd(title)}: ${escapeMd(verdictWords(report))}\n\n`);
  if (report.cluster) out.force(`Cluster: ${code(report.cluster)} · mode: ${report.mode}\n\n`);

  const { groups } = groupByImage(report);
  let rowsShown = 0;
  if (groups.length > 0) {
    const fold = groups.length > OPEN_IMAGE_ROWS;
    out.push('### Images\n\n', FOOTER_RESERVE);
    if (fold)
      out.push(`<details${report.ready ? '' : ' open'}><summary>${groups.length} images</summary>\n\n`, FOOTER_RESERVE);
    out.push(`${imageTableHeader().join('\n')}\n`, FOOTER_RESERVE);
    // The findings with their fix commands matter more than the table: it gets at most a share of the budget.
    const tableBudget = out.size + limit * TABLE_SHARE;
    for (const g of groups) {
      if (out.size > tableBudget || !out.push(`${imageRow(report, g.image)}\n`, FOOTER_RESERVE)) break;
      rowsShown++;
    }
    if (rowsShown < groups.length) {
      out.push(`| … | ${groups.length - rowsShown} more images in the JSON report | | | | | |\n`, FOOTER_RESERVE);
    }
    out.push(`\n<sub>${MARK_LEGEND}</sub>\n`, FOOTER_RESERVE);
    if (fold) out.force('\n</details>\n');
  }

  // The audit: what each namespace runs that would fail its next pull, before the findings and their fixes.
  if (report.mode === 'audit') out.push(namespaceSection(report.findings), FOOTER_RESERVE);

  const { shown } = writeFindings(out, report.findings, OPEN_FINDINGS, true);

  if (report.credentials?.length && !out.truncated) {
    const rows = report.credentials.map(
      (c) =>
        `| ${escapeMd(c.kind)} | ${code(c.name)} | ${escapeMd(c.owner ?? '')} | ${c.registry ? code(c.registry) : ''} | ${escapeMd(c.expires ?? '')} | ${c.daysLeft ?? ''} | ${escapeMd(c.status)} | ${escapeMd(c.usedBy.join(', '))} |`,
    );
    out.push(
      `\n### Credentials\n\n<details><summary>${report.credentials.length} credential${report.credentials.length === 1 ? '' : 's'}</summary>\n\n| kind | name | owner | registry | expires | days left | status | used by |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n\n</details>\n`,
      FOOTER_RESERVE,
    );
  }

  const hiddenFindings = report.findings.length - shown;
  const hiddenImages = groups.length - rowsShown;
  if (out.truncated || hiddenFindings > 0 || hiddenImages > 0) {
    const what = [
      hiddenFindings > 0 ? `${hiddenFindings} finding${hiddenFindings === 1 ? '' : 's'}` : '',
      hiddenImages > 0 ? `${hiddenImages} image row${hiddenImages === 1 ? '' : 's'}` : '',
    ]
      .filter((x) => x)
      .join(' and ');
    const where = opts.reportPath ? `the JSON report ${code(opts.reportPath)}` : 'the JSON report (`--format json`)';
    // The same renderer feeds the audit's tracking issue with a smaller budget (an issue body holds 65,536 characters).
    const limitLabel =
      limit === SUMMARY_MAX_BYTES ? "GitHub's 1 MiB job-summary limit" : `${Math.floor(limit / 1000)} kB`;
    const sarif = opts.sarifPath ? ` and the SARIF file ${code(opts.sarifPath)}` : '';
    out.force(
      `\n> [!WARNING]\n> Truncated to stay under ${limitLabel}${what ? `: ${what} not shown` : ''}. Everything is in ${where}${sarif}.\n`,
    );
  }
  return out.toString();
}
