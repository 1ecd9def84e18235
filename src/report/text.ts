// CLI text output: readable at a glance, grouped by image, ANSI colours only when the caller asks for them
// (the CLI decides from TTY and NO_COLOR; this module never looks at the environment).

import type { Finding, Report, ReportImage, Severity } from '../types/index.js';
import { CHECK_NAMES, groupByImage, locationText, verdictWords } from './common.js';
import { evidenceLine } from './evidence.js';

export interface TextOptions {
  color: boolean;
}

const SGR = { red: '31', yellow: '33', cyan: '36', green: '32', dim: '2', bold: '1' } as const;

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };
const SEV_COLOR: Record<Severity, keyof typeof SGR> = { error: 'red', warning: 'yellow', notice: 'cyan' };

/** "not checked: <why>" for every check of the image that did not run, one line per distinct reason. */
function notChecked(image: ReportImage): string[] {
  if (!image.checks) return [];
  const byWhy = new Map<string, string[]>();
  for (const [key, name] of CHECK_NAMES) {
    const c = image.checks[key];
    if (c.state !== 'unverified' && c.state !== 'not-applicable') continue;
    const base = c.why ?? (c.state === 'unverified' ? 'could not be verified' : 'does not apply');
    const why = c.accepted
      ? `${base} (accepted by ${c.accepted.by} until ${c.accepted.expires}: ${c.accepted.reason})`
      : base;
    byWhy.set(why, [...(byWhy.get(why) ?? []), name]);
  }
  return [...byWhy].map(([why, names]) => `${names.join(', ')} not checked: ${why}`);
}

export function renderText(report: Report, opts: TextOptions): string {
  const paint = (code: keyof typeof SGR, s: string): string => (opts.color ? `\u001b[${SGR[code]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  if (report.cluster) lines.push(paint('dim', `cluster ${report.cluster} (${report.mode})`), '');

  const finding = (f: Finding): void => {
    const where = locationText(f);
    lines.push(
      `  ${paint(SEV_COLOR[f.severity], LABEL[f.severity].padEnd(7))} ${paint('bold', f.rule)}${where ? `  ${paint('dim', where)}` : ''}`,
    );
    for (const l of f.message.split('\n')) lines.push(`          ${l}`);
    const ev = evidenceLine(f.evidence);
    if (ev) lines.push(`          ${paint('dim', ev)}`);
    if (f.remediation) {
      const [first, ...rest] = f.remediation.split('\n');
      lines.push(`          fix: ${paint('green', first)}`);
      for (const l of rest) lines.push(`               ${paint('green', l)}`);
    }
  };

  const { groups, general } = groupByImage(report);
  for (const { image, findings } of groups) {
    const worst = findings[0]?.severity;
    const mark =
      worst === 'error' ? paint('red', '✗') : worst === 'warning' ? paint('yellow', '!') : paint('green', '✓');
    const where = image.locations.map((l) => `${l.file}:${l.line}`).join(', ');
    const platforms = image.platforms?.length ? `  [${image.platforms.join(', ')}]` : '';
    lines.push(
      `${mark} ${paint('bold', image.reference)}  ${image.status}${platforms}${where ? `  ${paint('dim', where)}` : ''}`,
    );
    for (const line of notChecked(image)) lines.push(`  ${paint('dim', line)}`);
    for (const f of findings) finding(f);
  }
  if (general.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(paint('bold', 'Cluster, registries and manifests (not tied to one image)'));
    for (const f of general) finding(f);
  }
  if (report.credentials?.length) {
    lines.push('', paint('bold', 'Credentials'));
    for (const c of report.credentials) {
      const days = c.daysLeft !== undefined ? `, ${c.daysLeft} days left` : '';
      const expires = c.expires ? `  expires ${c.expires}${days}` : '';
      const color = c.status === 'ok' ? 'green' : c.status === 'expiring' || c.status === 'unknown' ? 'yellow' : 'red';
      lines.push(
        `  ${paint(color, c.status.padEnd(8))} ${c.kind} ${c.name}${c.owner ? ` (${c.owner})` : ''}${expires}`,
      );
      if (c.usedBy.length) lines.push(`           used by ${c.usedBy.join(', ')}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(paint(report.ready ? 'green' : 'red', verdictWords(report)));
  return `${lines.join('\n')}\n`;
}
