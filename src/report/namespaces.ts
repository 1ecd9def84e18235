// The audit's workload findings grouped by namespace, for the job summary and the tracking issue (issue 17): a table
// of namespaces (errors, warnings, notices, workloads concerned) and, per namespace, the findings with the workloads
// of that namespace they name. The data is each finding's workload locations (checks/workloads.ts).

import type { Finding, Severity } from '../types/index.js';
import { code, escapeMd, SEV_ICON } from './markdown.js';
import { sortFindings } from '../lib/sort.js';

interface NamespaceGroup {
  namespace: string;
  counts: Record<Severity, number>;
  workloads: Set<string>;
  items: { f: Finding; workloads: string[] }[];
}

/** Namespace -> findings and the workloads of that namespace each names; namespaces sorted, errors first inside. */
export function groupByNamespace(findings: readonly Finding[]): NamespaceGroup[] {
  const byNs = new Map<string, NamespaceGroup>();
  for (const f of sortFindings(findings.filter((x) => !x.suppressed))) {
    const here = new Map<string, string[]>();
    for (const l of f.locations ?? (f.location ? [f.location] : [])) {
      if (!l.workload || l.namespace === undefined) continue;
      const label = `${l.workload}${l.container ? ` (container ${l.container})` : ''}`;
      const list = here.get(l.namespace) ?? [];
      if (!list.includes(label)) list.push(label);
      here.set(l.namespace, list);
    }
    for (const [namespace, workloads] of here) {
      let g = byNs.get(namespace);
      if (!g) {
        g = { namespace, counts: { error: 0, warning: 0, notice: 0 }, workloads: new Set(), items: [] };
        byNs.set(namespace, g);
      }
      g.counts[f.severity]++;
      for (const w of workloads) g.workloads.add(w.replace(/ \(container .*\)$/, ''));
      g.items.push({ f, workloads });
    }
  }
  return [...byNs.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

const SHOWN_WORKLOADS = 10;

/** The "By namespace" section, or '' when no finding names a running workload. */
export function namespaceSection(findings: readonly Finding[]): string {
  const groups = groupByNamespace(findings);
  if (groups.length === 0) return '';
  const rows = groups.map(
    (g) =>
      `| ${code(g.namespace)} | ${g.counts.error || ''} | ${g.counts.warning || ''} | ${g.counts.notice || ''} | ${g.workloads.size} |`,
  );
  const out = [
    `\n### Workloads by namespace\n`,
    '| namespace | errors | warnings | notices | workloads |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ];
  for (const g of groups) {
    const n = g.items.length;
    out.push(
      `<details${g.counts.error ? ' open' : ''}><summary>${escapeMd(g.namespace)}: ${n} finding${n === 1 ? '' : 's'}</summary>\n`,
    );
    for (const { f, workloads } of g.items) {
      const shown = workloads.slice(0, SHOWN_WORKLOADS).map(escapeMd).join(', ');
      const more = workloads.length > SHOWN_WORKLOADS ? ` and ${workloads.length - SHOWN_WORKLOADS} more` : '';
      const subject = f.image ? ` ${code(f.image)}` : f.registry ? ` ${code(f.registry)}` : '';
      out.push(`- ${SEV_ICON[f.severity]} ${code(f.rule)}${subject}: ${shown}${more}`);
    }
    out.push('\n</details>\n');
  }
  return `${out.join('\n')}\n`;
}
