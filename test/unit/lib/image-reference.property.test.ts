// Property tests for the image-reference parser, guarding against: a crash (or a V8 "Maximum call stack size
// exceeded") on odd or huge manifest values, the one-pass scanners drifting from upstream's grammar regexps, a
// normalized reference that no longer parses to itself, and valid references losing or gaining parts.
// numRuns total ~15,900; the whole file runs in a few seconds.

import fc from 'fast-check';
import { describe, expect, it, type TestContext } from 'vitest';
import {
  anchoredDigestRegexp,
  anchoredDomainRegexp,
  goDigestAnchoredRegexp,
  anchoredNameRegexp,
  isAcrHost,
  looksUnrendered,
  matchAnchoredName,
  matchDomain,
  matchReference,
  parse,
  parseAnyReference,
  parseDockerRef,
  parseImageReference,
  parseNamed,
  parseNormalizedNamed,
  referenceRegexp,
  referenceString,
  REPOSITORY_NAME_TOTAL_LENGTH_MAX,
  validateDigest,
  withDigest,
  withName,
  type NamedReference,
} from '../../../src/lib/image-reference.js';

function mustName(name: string): NamedReference {
  const r = withName(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

// --- Generators -----------------------------------------------------------------------------------------------------

/** Characters that matter to the grammar, plus a few that never appear in it, so random strings hit its edges. */
const grammarChar = fc.constantFrom(...'aAbz09_-.:/@[]+fF'.split(''), 'İ', '\0', ' ');
const grammarString = fc.string({ unit: grammarChar, maxLength: 40 });

const lowerAlnum = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')),
  minLength: 1,
  maxLength: 8,
});
const separator = fc.constantFrom('.', '_', '__', '-', '--', '---');
/** A path component: alnum runs joined by separators (upstream pathComponent). */
const pathComponent = fc
  .tuple(lowerAlnum, fc.array(fc.tuple(separator, lowerAlnum), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([sep, alnum]) => sep + alnum).join(''));
const repositoryPath = fc.array(pathComponent, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));

const label = fc
  .tuple(fc.stringMatching(/^[a-zA-Z0-9]$/), fc.stringMatching(/^[a-zA-Z0-9-]{0,6}[a-zA-Z0-9]$/))
  .map(([a, b]) => a + b);
/** A registry host that splitDockerDomain recognises as one (has a `.` or a port, or is localhost / an IPv6 literal). */
const registry = fc.oneof(
  fc
    .tuple(
      fc.array(label, { minLength: 2, maxLength: 4 }),
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    )
    .map(([labels, port]) => labels.join('.') + (port === undefined ? '' : `:${port}`)),
  fc.tuple(label, fc.integer({ min: 1, max: 65535 })).map(([l, port]) => `${l}:${port}`),
  fc.constantFrom('localhost', 'localhost:5000', '[::1]:5000', '[fd00:1:2::3]', 'prodacr.azurecr.io'),
);
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
const sha256 = fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => `sha256:${hex}`);

// --- Never throws ---------------------------------------------------------------------------------------------------

function parseEverything(s: string): void {
  parse(s);
  parseNormalizedNamed(s);
  parseNamed(s);
  parseDockerRef(s);
  parseAnyReference(s);
  parseImageReference(s);
  isAcrHost(s, ['.azurecr.io']);
  looksUnrendered(s);
}

describe('never throws, whatever a manifest holds', () => {
  it('on any unicode string (incl. lone code points, NUL, emoji)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        parseEverything(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('on strings made of the grammar characters', () => {
    fc.assert(
      fc.property(grammarString, (s) => {
        parseEverything(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('on megabyte-sized strings repeated from a random fragment, and never returns ok for them', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: grammarChar, minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1 << 16, max: 1 << 20 }),
        (fragment, size) => {
          const s = fragment.repeat(Math.ceil(size / fragment.length)).slice(0, size);
          // No valid reference is this long: the path is capped at 255, the domain has no cap but then the path
          // ends the string, and digests/tags are bounded.
          const r = parse(s);
          if (r.ok) expect(r.value.path.length).toBeLessThanOrEqual(REPOSITORY_NAME_TOTAL_LENGTH_MAX);
          parseEverything(s);
        },
      ),
      { numRuns: 25 },
    );
  });
});

// --- Scanners == upstream regexps -----------------------------------------------------------------------------------

describe('the one-pass scanners decide exactly what the upstream regexps decide', () => {
  /** Go reports an unmatched group as "", JS as undefined. */
  const groups = (m: RegExpExecArray | null): string[] | null => (m ? m.slice(1).map((g) => g ?? '') : null);

  it('reference: same match and the same [name, tag, digest]', () => {
    const interesting = fc.oneof(
      grammarString,
      fc
        .tuple(fc.option(registry), repositoryPath, fc.option(tag), fc.option(sha256), grammarString)
        .map(
          ([r, p, t, d, noise]) => `${r ? `${r}/` : ''}${p}${t ? `:${t}` : ''}${d ? `@${d}` : ''}${noise.slice(0, 2)}`,
        ),
    );
    fc.assert(
      fc.property(interesting, (s) => {
        expect(matchReference(s)).toEqual(groups(referenceRegexp.exec(s)));
      }),
      { numRuns: 2500 },
    );
  });

  it("digests: the reference digest shape and go-digest's looser shape, as their regexps", () => {
    const digestChar = fc.constantFrom(...'aZf09:._+-=sha256'.split(''));
    const digestish = fc.string({ unit: digestChar, maxLength: 50 });
    const base = mustName('prodacr.azurecr.io/app');
    fc.assert(
      fc.property(digestish, (d) => {
        expect(withDigest(base, d).ok).toBe(anchoredDigestRegexp.test(d));
        const code = validateDigest(d, []); // no algorithm available: only the shape decides
        expect(code === 'digest.ErrDigestUnsupported').toBe(goDigestAnchoredRegexp.test(d) && d.indexOf(':') > 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('anchored name and domain: same match and the same [domain, path]', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          grammarString,
          registry,
          fc.tuple(registry, repositoryPath).map(([r, p]) => `${r}/${p}`),
        ),
        (s) => {
          expect(matchAnchoredName(s)).toEqual(groups(anchoredNameRegexp.exec(s)));
          expect(matchDomain(s)).toBe(anchoredDomainRegexp.test(s));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// --- Valid references -----------------------------------------------------------------------------------------------

describe('generated valid references', () => {
  const reference = fc.record({
    registry: fc.option(registry, { nil: undefined }),
    path: repositoryPath,
    tag: fc.option(tag, { nil: undefined }),
    digest: fc.option(sha256, { nil: undefined }),
  });
  const text = (r: { registry?: string; path: string; tag?: string; digest?: string }): string =>
    `${r.registry ? `${r.registry}/` : ''}${r.path}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;

  it('parse with the parts they were built from, and normalize to registry/repository[:tag][@digest]', () => {
    fc.assert(
      fc.property(reference, (r) => {
        const got = parseImageReference(text(r));
        if (!got.ok) throw new Error(`${text(r)}: ${got.error}`);
        const { ref } = got;
        const slash = r.path.indexOf('/');
        const first = slash === -1 ? '' : r.path.slice(0, slash);
        if (r.registry) {
          expect(ref.registry).toBe(r.registry);
          expect(ref.repository).toBe(r.path);
        } else if (first.includes('.')) {
          // `team.x/app`: a `.` makes the first element a registry host, as for docker and containerd.
          expect(ref.registry).toBe(first);
          expect(ref.repository).toBe(r.path.slice(slash + 1));
        } else {
          // Docker Hub: official images live under library/.
          expect(ref.registry).toBe('docker.io');
          expect(ref.repository).toBe(r.path.includes('/') ? r.path : `library/${r.path}`);
        }
        expect(ref.tag).toBe(r.tag);
        expect(ref.digest).toBe(r.digest);
        const suffix =
          r.tag === undefined && r.digest === undefined
            ? ':latest'
            : `${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
        expect(ref.normalized).toBe(`${ref.registry}/${ref.repository}${suffix}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('keep their domain and path apart under plain Parse (no Docker Hub defaults)', () => {
    fc.assert(
      fc.property(reference, (r) => {
        const got = parse(text(r));
        if (!got.ok) throw new Error(got.error);
        expect(referenceString(got.value)).toBe(text(r));
        expect(got.value.tag).toBe(r.tag);
        expect(got.value.digest).toBe(r.digest);
      }),
      { numRuns: 500 },
    );
  });

  it('become "repository name must be lowercase" when one path letter is uppercased', () => {
    const withLetter = fc.tuple(registry, repositoryPath).filter(([, p]) => /[a-z]/.test(p));
    fc.assert(
      fc.property(withLetter, fc.nat(), ([host, path], pick) => {
        const letters = [...path.matchAll(/[a-z]/g)].map((m) => m.index);
        const at = letters[pick % letters.length];
        const shouted = path.slice(0, at) + path[at].toUpperCase() + path.slice(at + 1);
        const got = parseImageReference(`${host}/${shouted}:v1`);
        expect(got.ok ? 'ok' : got.code).toBe('ErrNameContainsUppercase');
      }),
      { numRuns: 500 },
    );
  });
});

// --- Round trip and invariants --------------------------------------------------------------------------------------

describe('normalized references', () => {
  const anything = fc.oneof(
    grammarString,
    fc
      .tuple(fc.option(registry), repositoryPath, fc.option(tag), fc.option(sha256))
      .map(([r, p, t, d]) => `${r ? `${r}/` : ''}${p}${t ? `:${t}` : ''}${d ? `@${d}` : ''}`),
  );

  it('re-parse to the same registry, repository, tag, digest and normalized string', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const first = parseImageReference(s);
        if (!first.ok) return;
        const again = parseImageReference(first.ref.normalized);
        if (!again.ok) throw new Error(`${first.ref.normalized}: ${again.error}`);
        expect(again.ref.registry).toBe(first.ref.registry);
        expect(again.ref.repository).toBe(first.ref.repository);
        expect(again.ref.tag).toBe(first.ref.tag ?? (first.ref.digest ? undefined : 'latest'));
        expect(again.ref.digest).toBe(first.ref.digest);
        expect(again.ref.normalized).toBe(first.ref.normalized);
      }),
      { numRuns: 1500 },
    );
  });

  it('always have a lowercase repository of at most 255 characters and a non-empty registry', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const got = parseImageReference(s);
        if (!got.ok) return;
        expect(got.ref.repository).toBe(got.ref.repository.toLowerCase());
        expect(got.ref.repository.length).toBeLessThanOrEqual(REPOSITORY_NAME_TOTAL_LENGTH_MAX);
        expect(got.ref.registry).not.toBe('');
        expect(got.ref.registry).not.toBe('index.docker.io');
      }),
      { numRuns: 1000 },
    );
  });
});

// --- Length limits --------------------------------------------------------------------------------------------------

describe('length limits', () => {
  it('accept a repository path of up to 255 characters and refuse a longer one, whatever the registry length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.array(label, { minLength: 2, maxLength: 30 }), (n, labels) => {
        const host = labels.join('.');
        const path = 'a'.repeat(n);
        const got = parseImageReference(`${host}/${path}:v1`);
        if (n <= REPOSITORY_NAME_TOTAL_LENGTH_MAX) expect(got.ok).toBe(true);
        else expect(got.ok ? 'ok' : got.error).toBe('repository name must not be more than 255 characters');
      }),
      { numRuns: 300 },
    );
  });

  it('accept tags of 1 to 128 characters and refuse longer ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const got = parseImageReference(`prodacr.azurecr.io/app:${'t'.repeat(n)}`);
        expect(got.ok).toBe(n <= 128);
      }),
      { numRuns: 300 },
    );
  });
});

// --- Host and template helpers ----------------------------------------------------------------------------------

describe('isAcrHost and looksUnrendered', () => {
  it('recognise any login server under a suffix in any letter case', () => {
    fc.assert(
      fc.property(
        label,
        fc.constantFrom('.azurecr.io', '.azurecr.cn', '.azurecr.us'),
        fc.boolean(),
        (name, suffix, upper) => {
          const host = upper ? `${name}${suffix}`.toUpperCase() : `${name}${suffix}`;
          expect(isAcrHost(host, ['.azurecr.io', '.azurecr.cn', '.azurecr.us'])).toBe(true);
          expect(isAcrHost(host, ['.example.com'])).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flag {{ ... }} and ${...} wherever they sit, and never a string without braces', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.boolean(), (a, b, c, helm) => {
        expect(looksUnrendered(helm ? `${a}{{${b}}}${c}` : `${a}\${${b}}${c}`)).toBe(true);
        expect(looksUnrendered(`${a}${b}${c}`.replace(/[{}]/g, ''))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

// --- Hostile inputs: linear time ------------------------------------------------------------------------------------

describe('hostile megabyte inputs', () => {
  const MB = 1 << 20;
  const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  // Shapes that make a backtracking engine work hardest on this grammar: long separator chains, many labels, many
  // path elements, an almost-valid digest, and input the uppercase retry has to lower-case again.
  const cases: [string, string, string][] = [
    ['separator chain', `${fill('a-', MB)}!`, 'ErrReferenceInvalidFormat'],
    ['mixed separators', `${fill('a.b_c__d-e', MB)}!`, 'ErrReferenceInvalidFormat'],
    ['path elements', `${fill('a/', MB)}!`, 'ErrReferenceInvalidFormat'],
    ['domain labels', `${fill('a-a.', MB)}b/!`, 'ErrReferenceInvalidFormat'],
    ['one long component', fill('a', MB), 'ErrNameTooLong'],
    ['uppercase retry', `${fill('A-', MB)}A`, 'ErrNameContainsUppercase'],
    ['dotted I retry', fill('\u0130', MB), 'ErrNameContainsUppercase'],
    ['digest algorithm chain', `a@${fill('a.', MB)}`, 'ErrReferenceInvalidFormat'],
    ['long hex', `a@sha256:${fill('f', MB)}`, 'digest.ErrDigestInvalidLength'],
    ['IPv6 colons', `[${fill(':', MB)}]/a!`, 'ErrReferenceInvalidFormat'],
    ['template braces', fill('{{', MB), 'ErrReferenceInvalidFormat'],
    ['NUL bytes', fill('\0', MB), 'ErrReferenceInvalidFormat'],
    ['4 MB separator chain (overflows a V8 regexp)', `${fill('a-', 4 * MB)}!`, 'ErrReferenceInvalidFormat'],
  ];
  for (const [name, input, code] of cases) {
    it(`answers ${code} for a ${name} (${(input.length / MB).toFixed(0)} MB)`, async (ctx: TestContext) => {
      const start = performance.now();
      const got = parse(input);
      const elapsed = performance.now() - start;
      expect(got.ok ? 'ok' : got.code).toBe(code);
      // Timing is reported, not asserted (machines differ): it travels as a test annotation.
      await ctx.annotate(`parse took ${elapsed.toFixed(1)} ms`);
    });
  }
});
