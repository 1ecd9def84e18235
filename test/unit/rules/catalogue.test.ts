import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from '../../../src/rules/catalogue.js';
import type { Severity } from '../../../src/types/index.js';

// DESIGN.md is the source of truth for rule ids and severities; the repository's own copy (a clean clone has it).
function designMarkdown(): string {
  const candidates = [
    new URL('../../../DESIGN.md', import.meta.url).pathname,
    new URL('../../../docs/DESIGN.md', import.meta.url).pathname,
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`DESIGN.md not found (looked in ${candidates.join(', ')})`);
  return readFileSync(found, 'utf8');
}

interface TableRule {
  id: string;
  severities: Severity[];
}

function parseRuleTable(md: string): TableRule[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => /^\|\s*rule\s*\|\s*sev\s*\|/.test(l));
  if (start < 0) throw new Error('rule table not found in DESIGN.md');
  const out: TableRule[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [idCell, sevCell] = line
      .split('|')
      .slice(1, 3)
      .map((c) => c.trim());
    const ids = idCell.split('/').map((s) => s.trim());
    const sevs = sevCell.split('/').map((s) => s.trim() as Severity);
    if (ids.length === sevs.length) ids.forEach((id, i) => out.push({ id, severities: [sevs[i]] }));
    else if (ids.length === 1) out.push({ id: ids[0], severities: sevs });
    else throw new Error(`cannot pair ids and severities in: ${line}`);
  }
  return out;
}

describe('rule catalogue', () => {
  const table = parseRuleTable(designMarkdown());

  it('has exactly the rules of the DESIGN.md table, in its order', () => {
    expect(table.length).toBeGreaterThan(30);
    expect(RULES.map((r) => r.id)).toEqual(table.map((r) => r.id));
  });

  it('gives every rule the default severity of the table (and both severities of a two-severity rule)', () => {
    for (const row of table) {
      const rule = ruleById(row.id);
      expect(rule?.defaultSeverity, row.id).toBe(row.severities[0]);
      if (row.severities.length > 1) expect(rule?.severities, row.id).toEqual(row.severities);
      else expect(rule?.severities, row.id).toBeUndefined();
    }
  });

  it('describes every rule: a title, help that says how to fix, an https help link when given', () => {
    for (const r of RULES) {
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(r.help.length, r.id).toBeGreaterThan(80);
      if (r.helpUri) expect(r.helpUri, r.id).toMatch(/^https:\/\//);
    }
  });

  it('returns undefined for an id it does not know', () => {
    expect(ruleById('no-such-rule')).toBeUndefined();
  });
});
