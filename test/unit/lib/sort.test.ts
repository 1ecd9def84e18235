import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFindings, sortFindings, summarize } from '../../../src/lib/sort.js';
import type { Finding, RuleId, Severity } from '../../../src/types/index.js';

const f = (severity: Severity, rule: string, file?: string, line?: number, message = 'm'): Finding => ({
  // The sort orders by the id's text; short made-up ids keep the cases readable.
  rule: rule as RuleId,
  severity,
  message,
  ...(file ? { location: { file, line: line ?? 1, column: 1 } } : {}),
});

describe('finding order', () => {
  it('is severity, then file, then line, then rule, then message; located before unlocated', () => {
    const sorted = sortFindings([
      f('warning', 'image-tag-mutable', 'a.yaml', 1),
      f('error', 'registry-firewall-blocks-cluster'),
      f('error', 'image-not-found', 'b.yaml', 3),
      f('error', 'image-not-found', 'b.yaml', 20),
      f('error', 'image-platform-missing', 'b.yaml', 3),
      f('error', 'image-not-found', 'a.yaml', 9, 'z'),
      f('error', 'image-not-found', 'a.yaml', 9, 'a'),
      f('notice', 'admin-user-in-use', 'a.yaml', 1),
    ]);
    expect(
      sorted.map((x) => `${x.severity} ${x.location?.file ?? '-'}:${x.location?.line ?? '-'} ${x.rule} ${x.message}`),
    ).toEqual([
      'error a.yaml:9 image-not-found a',
      'error a.yaml:9 image-not-found z',
      'error b.yaml:3 image-not-found m',
      'error b.yaml:3 image-platform-missing m',
      'error b.yaml:20 image-not-found m',
      'error -:- registry-firewall-blocks-cluster m',
      'warning a.yaml:1 image-tag-mutable m',
      'notice a.yaml:1 admin-user-in-use m',
    ]);
  });

  it('does not depend on the input order (any permutation sorts to the same list)', () => {
    const arb = fc.array(
      fc.record({
        severity: fc.constantFrom<Severity>('error', 'warning', 'notice'),
        rule: fc.constantFrom('a', 'b', 'c'),
        file: fc.option(fc.constantFrom('x.yaml', 'y.yaml', 'Z.yaml'), { nil: undefined }),
        line: fc.integer({ min: 1, max: 5 }),
        message: fc.constantFrom('m1', 'm2'),
        image: fc.option(fc.constantFrom('i1', 'i2'), { nil: undefined }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const findings = raw.map((r) => ({ ...f(r.severity, r.rule, r.file, r.line, r.message), image: r.image }));
        const once = JSON.stringify(sortFindings(findings));
        expect(JSON.stringify(sortFindings([...findings].reverse()))).toBe(once);
        const sorted = sortFindings(findings);
        for (let i = 1; i < sorted.length; i++)
          expect(compareFindings(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('leaves its input untouched', () => {
    const input = [f('warning', 'b'), f('error', 'a')];
    sortFindings(input);
    expect(input.map((x) => x.rule)).toEqual(['b', 'a']);
  });
});

describe('summarize', () => {
  it('counts findings by severity and carries the image count', () => {
    expect(summarize([f('error', 'a'), f('error', 'b'), f('warning', 'c'), f('notice', 'd')], 7)).toEqual({
      images: 7,
      errors: 2,
      warnings: 1,
      notices: 1,
    });
    expect(summarize([])).toEqual({ images: 0, errors: 0, warnings: 0, notices: 0 });
  });
});
