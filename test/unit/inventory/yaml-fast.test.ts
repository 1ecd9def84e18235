// The fast manifest reader (js-yaml events) must give exactly what the full reader (`yaml` Composer) gives, or give
// up. Checked on every YAML file of the repository's fixtures and examples, on generated Kubernetes objects written
// in block, flow and quoted styles, and on token soup; a fast answer for a file the full reader rejects is a failure.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifestFast } from '../../../src/inventory/yaml-fast.js';
import {
  DEFAULT_PARSE_LIMITS,
  parseManifestText,
  parseManifestTextFull,
  type ParsedDocument,
} from '../../../src/inventory/yaml-tree.js';

/** Trees as comparable text: a collection's range compared by the text it covers without trailing blanks and
 * comments (its one consumer quotes a non-scalar `image:` value from it, trimmed), so a trailing newline or comment
 * line the two readers count differently is not a difference. */
function norm(docs: ParsedDocument[]): string {
  const source = docs[0]?.source ?? '';
  return JSON.stringify(docs, (k, v: unknown) => {
    if (k === 'source') return undefined;
    if (k === 'range' && Array.isArray(v)) {
      return source
        .slice(v[0] as number, v[1] as number)
        .replace(/(\s|#[^\n]*)+$/, '')
        .trim();
    }
    if (v instanceof Map) return [...(v as Map<string, unknown>)];
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (typeof v === 'bigint') return `${v}n`;
    return v;
  });
}

type Outcome = { kind: 'docs'; text: string } | { kind: 'error' };
function full(text: string): Outcome {
  try {
    return { kind: 'docs', text: norm(parseManifestTextFull(text, DEFAULT_PARSE_LIMITS)) };
  } catch {
    return { kind: 'error' };
  }
}

/** Fast answer agrees with the full reader; returns whether the fast reader answered. */
function agree(text: string): boolean {
  const fast = parseManifestFast(text, DEFAULT_PARSE_LIMITS);
  // Read in pieces of one document each (the event parser is given the text in pieces that end at a `---`): the same
  // answer, or the same giving up.
  const pieces = parseManifestFast(text, DEFAULT_PARSE_LIMITS, 1);
  expect(pieces === undefined ? undefined : norm(pieces), `read in pieces:\n${JSON.stringify(text)}`).toBe(
    fast === undefined ? undefined : norm(fast),
  );
  if (!fast) return false;
  const f = full(text);
  expect(f.kind, `fast reader accepted what the full reader rejects:\n${JSON.stringify(text)}`).toBe('docs');
  expect(norm(fast), JSON.stringify(text)).toBe(f.kind === 'docs' ? f.text : '');
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    // The multi-megabyte hostile files prove budgets, not agreement; they cost the full reader a minute on CI.
    else if (/\.ya?ml$/.test(f) && statSync(p).size < 1_000_000) out.push(p);
  }
  return out;
}

describe('fast manifest reader', () => {
  it('agrees with the full reader on every YAML file of the fixtures and examples, and answers for the plain ones', () => {
    const files = [...yamlFiles('test/fixtures'), ...yamlFiles('examples')];
    expect(files.length).toBeGreaterThan(100);
    let answered = 0;
    for (const f of files) if (agree(readFileSync(f, 'utf8'))) answered++;
    // Hostile files (anchors, aliases, tags, CR-only line ends, syntax errors) go to the full reader; the rest do not.
    expect(answered).toBeGreaterThanOrEqual(files.length - 15);
  });

  it('keeps positions, Helm sources and values of the constructs rendered manifests use', () => {
    const text = [
      '---',
      '# Source: chart/templates/a.yaml',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p, labels: {a: "1"}}',
      'spec:',
      '  containers:',
      '  - name: a',
      '    image: "nginx:1.27"',
      '    args:',
      '    command: [sh, -c]',
      '    env:',
      '      - {name: X, value: "a b"}',
      '      - name: Y',
      '        value: >',
      '          folded',
      '  - name: b',
      "    image: 'busybox'",
      '    script: |-',
      '      echo hi',
      '    n: 0x1F',
      '    f: .inf',
      '    o: 0o17',
      '    t: True',
      '---',
      '# Source: chart/templates/b.yaml',
      'kind: ConfigMap',
      '...',
      '# Source: chart/templates/c.yaml',
      '---',
      '---',
      'x: ~',
      '',
    ].join('\n');
    const fast = parseManifestFast(text, DEFAULT_PARSE_LIMITS);
    expect(fast).toBeDefined();
    expect(norm(fast!)).toBe(norm(parseManifestTextFull(text)));
    expect(fast!.map((d) => d.helmSource)).toEqual([
      'chart/templates/a.yaml',
      'chart/templates/b.yaml',
      'chart/templates/c.yaml',
      undefined,
    ]);
  });

  it('gives up where only the full reader can answer exactly', () => {
    for (const text of [
      'a: &x {b: 1}\nc: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\na: 2\n',
      '<<: {a: 1}\n',
      '? [a]\n: b\n',
      '- \n- a\n',
      'a: 1\rb: 2\r',
      'a: [1\n',
    ]) {
      expect(parseManifestFast(text, DEFAULT_PARSE_LIMITS), JSON.stringify(text)).toBeUndefined();
      // and the public entry point still answers (or fails) as the full reader does
      const f = full(text);
      if (f.kind === 'docs') expect(norm(parseManifestText(text))).toBe(f.text);
      else expect(() => parseManifestText(text)).toThrow();
    }
  });

  it('agrees on the counterexamples the token soup found (an anchor on an empty document, an indented marker)', () => {
    // Seeds -1674271496 and -853677509 of the property below: the fast reader placed `--- &a` at the anchor's end;
    // seeds 1684919152, -938344689, -1985023713: block scalars with an explicit indentation indicator; an indented
    // `---` before a key.
    for (const text of [
      '--- &a',
      '---  &a\n',
      '--- !!str',
      '  ---\r\n$',
      '  ---\n$',
      '|-1\n:',
      '>-1\n:',
      '>-1\n ',
      'a: |2\n   b\n',
      '  ---\n::',
    ]) {
      const answered = agree(text);
      if (!answered) {
        const f = full(text);
        if (f.kind === 'docs') expect(norm(parseManifestText(text))).toBe(f.text);
      }
    }
  });

  it('respects the budgets: a document over the node budget goes to the full reader', () => {
    const text = `a: [${Array.from({ length: 50 }, (_, i) => i).join(', ')}]\n`;
    expect(parseManifestFast(text, { ...DEFAULT_PARSE_LIMITS, maxNodes: 10 })).toBeUndefined();
    expect(parseManifestFast(text, DEFAULT_PARSE_LIMITS)).toBeDefined();
  });

  const token = fc.constantFrom(
    ':',
    ': ',
    '- ',
    '-',
    '? ',
    '---',
    '...',
    '\n',
    '\r\n',
    '\t',
    '  ',
    ' ',
    '#',
    '&a',
    '*a',
    '!!str ',
    '[',
    ']',
    '{',
    '}',
    ',',
    '"',
    "'",
    '|',
    '>',
    '|-',
    '>+',
    '<<: *a',
    'image: ',
    'containers:',
    'spec:',
    'kind: Pod',
    'name: x',
    'nginx',
    '~',
    'null',
    'true',
    '0x1F',
    '0o7',
    '1e4',
    '.nan',
    '-1',
    '+2.5',
    '\\',
    '\u00a0',
    '\ufeff',
    'é',
    '🐳',
  );
  it('agrees with the full reader on token soup (5,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 5, arbitrary: token }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), {
          maxLength: 60,
        }),
        (parts) => {
          agree(parts.join(''));
        },
      ),
      { numRuns: 5000 },
    );
  });

  // Plain scalars that look like numbers, booleans and nulls (and the near misses: `nul`, `0x`, `.5e`, `+.inf`): the
  // fast reader types them by their first character before any pattern, so every such start must meet the core schema.
  it('types plain scalars as the full reader does (2,000 cases of number-, boolean- and null-like text)', () => {
    let answered = 0;
    const piece = fc.constantFrom(
      ...'~nNuUlLtTrRfFaAsSeEiIoOxXbB.+-_:0123456789abcdef'.split(''),
      'null',
      'Null',
      'NULL',
      'true',
      'True',
      'FALSE',
      '.inf',
      '.NaN',
      '0o',
      '0x',
      'e+',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (cells) => {
          const scalars = cells.map((c) => c.join(''));
          const seq = scalars.map((v) => `- ${v}\n`).join('');
          const map = scalars.map((v, i) => `k${i}${v}: ${v}\n`).join('');
          if (agree(`${seq}---\n${map}`)) answered++;
        },
      ),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  const leaf = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'nginx:1.27',
      'acr.azurecr.io/a/b@sha256:' + 'a'.repeat(64),
      '',
      ' lead',
      'a: b',
      '#x',
      '- y',
      'null',
      '1.0',
      '0x10',
      'True',
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('image', 'name', 'spec', '1', 'true', '~')),
        tie('v'),
        { maxKeys: 4 },
      ),
    ),
  })).v;
  it('agrees with the full reader on generated objects in block, flow and quoted styles (3,000 cases), and answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 5 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(0, 1, 2, 3),
        (docs, style) => {
          const opts =
            style === 0
              ? {}
              : style === 1
                ? { collectionStyle: 'flow' as const }
                : style === 2
                  ? { defaultStringType: 'QUOTE_DOUBLE' as const }
                  : { defaultStringType: 'BLOCK_LITERAL' as const, lineWidth: 20 };
          const text = docs.map((d) => `# Source: gen/${style}.yaml\n${stringify(d, opts)}`).join('---\n');
          if (agree(text)) answered++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(2000);
  });
});
