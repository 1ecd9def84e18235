// Guards against the gate accepting or rejecting image strings differently from the kubelet/containerd: every table
// extracted from github.com/distribution/reference's own tests (shared/material/reference) runs here, one `it` per
// vector, plus the project's ImageReference normalization, ACR host matching and template-residue detection.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  anchoredDomainRegexp,
  anchoredIdentifierRegexp,
  anchoredNameRegexp,
  familiarName,
  familiarString,
  isAcrHost,
  isIdentifier,
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
  referenceName,
  referenceRegexp,
  referenceString,
  validateDigest,
  withDigest,
  withName,
  withTag,
  type NamedReference,
  type ParseOptions,
  type ReferenceResult,
} from '../../../src/lib/image-reference.js';

// --- The vector file (resolved from this file, so the tests run from any working directory) ----------------------

interface ParseVector {
  input: string;
  valid: boolean;
  error?: string;
  name?: string;
  domain?: string;
  path_derived?: string;
  tag?: string;
  digest?: string;
  string_roundtrip?: string;
}
interface RegexpVector {
  input: string;
  match: boolean;
  subs?: string[];
}
interface Vectors {
  _source: { error_messages: Record<string, string> };
  parse: ParseVector[];
  withName_failure: { input: string; error: string }[];
  withName_domain_path: { input: string; domain: string; path: string }[];
  withTag: { name: string; tag: string; digest?: string; combined: string }[];
  withDigest: { name: string; digest: string; tag?: string; combined: string }[];
  parseNamed_canonical_only: { input: string; domain?: string; path?: string; err?: string }[];
  parseNormalizedNamed_valid: string[];
  parseNormalizedNamed_invalid: string[];
  parseRepositoryInfo_familiar: {
    RemoteName: string;
    FamiliarName: string;
    FullName: string;
    AmbiguousName: string;
    Domain: string;
  }[];
  parseAnyReference: { Reference: string; Equivalent: string; Expected?: { kind: string; value: string } }[];
  normalized_split_hostname: { input: string; domain: string; path: string }[];
  parseDockerRef: { name: string; input: string; expected: string }[];
  parseDockerRef_extra: {
    fn: string;
    input: string;
    valid?: boolean;
    string?: string;
    familiar?: string;
    tagged?: boolean;
    digested?: boolean;
  }[];
  regexp_domain: RegexpVector[];
  regexp_anchored_name: RegexpVector[];
  regexp_reference: RegexpVector[];
  regexp_identifier: RegexpVector[];
}

const vectorsUrl = new URL('../../fixtures/material/reference/distribution-reference-vectors.json', import.meta.url);
const vectors = JSON.parse(readFileSync(vectorsUrl, 'utf8')) as Vectors;

// Upstream's test binary imports only crypto/sha256, so its vectors call sha512 "unsupported"; production code
// defaults to sha256/384/512 like docker and containerd (tested separately below).
const asUpstreamTests: ParseOptions = { digestAlgorithms: ['sha256'] };

/** Short, readable test titles even for the 255+ character vectors. */
function show(s: string): string {
  const q = JSON.stringify(s);
  return q.length > 70 ? `${q.slice(0, 60)}...(${s.length} chars)` : q;
}

function mustParse<T>(r: ReferenceResult<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.error}`);
  return r.value;
}

function subs(re: RegExp, s: string): string[] | undefined {
  const m = re.exec(s);
  // Go reports an unmatched optional group as "", JS as undefined.
  return m ? m.slice(1).map((g) => g ?? '') : undefined;
}

it('finds every table this file runs in the vector file, none of them empty', () => {
  for (const table of [
    'parse',
    'withName_failure',
    'withName_domain_path',
    'withTag',
    'withDigest',
    'parseNamed_canonical_only',
    'parseNormalizedNamed_valid',
    'parseNormalizedNamed_invalid',
    'parseRepositoryInfo_familiar',
    'parseAnyReference',
    'normalized_split_hostname',
    'parseDockerRef',
    'parseDockerRef_extra',
    'regexp_domain',
    'regexp_anchored_name',
    'regexp_reference',
    'regexp_identifier',
  ] as const) {
    expect(vectors[table].length, table).toBeGreaterThan(0);
  }
});

// --- Upstream tables ------------------------------------------------------------------------------------------------

describe('Parse (reference_test.go TestReferenceParse)', () => {
  for (const v of vectors.parse) {
    if (v.valid) {
      it(`accepts ${show(v.input)} with upstream's name, domain, path, tag and digest`, () => {
        const ref = mustParse(parse(v.input, asUpstreamTests));
        expect(referenceName(ref)).toBe(v.name);
        expect(ref.domain).toBe(v.domain);
        expect(ref.path).toBe(v.path_derived);
        expect(ref.tag ?? '').toBe(v.tag);
        expect(ref.digest ?? '').toBe(v.digest);
        expect(referenceString(ref)).toBe(v.string_roundtrip);
      });
    } else {
      it(`rejects ${show(v.input)} with ${v.error}`, () => {
        const r = parse(v.input, asUpstreamTests);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.code).toBe(v.error);
      });
    }
  }
});

describe('WithName (TestWithNameFailure, TestDomainAndPath)', () => {
  for (const v of vectors.withName_failure) {
    it(`rejects the name ${show(v.input)} with ${v.error}`, () => {
      const r = withName(v.input);
      expect(r.ok ? 'ok' : r.code).toBe(v.error);
    });
  }
  for (const v of vectors.withName_domain_path) {
    it(`splits ${show(v.input)} into domain ${show(v.domain)} and path ${show(v.path)}`, () => {
      const ref = mustParse(withName(v.input));
      expect([ref.domain, ref.path]).toEqual([v.domain, v.path]);
    });
  }
});

describe('WithTag / WithDigest combine to upstream String()', () => {
  for (const v of vectors.withTag) {
    it(`${v.name} + tag ${v.tag}${v.digest ? ' (with digest)' : ''} gives ${v.combined}`, () => {
      let ref = mustParse(withName(v.name));
      if (v.digest) ref = mustParse(withDigest(ref, v.digest));
      expect(referenceString(mustParse(withTag(ref, v.tag)))).toBe(v.combined);
    });
  }
  for (const v of vectors.withDigest) {
    it(`${v.name} + digest${v.tag ? ` (with tag ${v.tag})` : ''} gives ${show(v.combined)}`, () => {
      let ref = mustParse(withName(v.name));
      if (v.tag) ref = mustParse(withTag(ref, v.tag));
      expect(referenceString(mustParse(withDigest(ref, v.digest)))).toBe(v.combined);
    });
  }
});

describe('ParseNamed accepts only canonical names', () => {
  for (const v of vectors.parseNamed_canonical_only) {
    it(v.err ? `rejects ${show(v.input)} with ${v.err}` : `accepts canonical ${show(v.input)}`, () => {
      const r = parseNamed(v.input, asUpstreamTests);
      if (v.err) {
        expect(r.ok ? 'ok' : r.code).toBe(v.err);
      } else {
        const ref = mustParse(r);
        expect([ref.domain, ref.path]).toEqual([v.domain, v.path]);
      }
    });
  }
});

describe('ParseNormalizedNamed (TestValidateReferenceName, TestValidateRemoteName)', () => {
  for (const input of vectors.parseNormalizedNamed_valid) {
    it(`accepts ${show(input)}`, () => {
      expect(parseNormalizedNamed(input, asUpstreamTests).ok).toBe(true);
    });
  }
  for (const input of vectors.parseNormalizedNamed_invalid) {
    it(`rejects ${show(input)}`, () => {
      expect(parseNormalizedNamed(input, asUpstreamTests).ok).toBe(false);
    });
  }
});

describe('familiar, full and ambiguous names agree (TestParseRepositoryInfo)', () => {
  for (const v of vectors.parseRepositoryInfo_familiar) {
    const forms = [v.FamiliarName, v.FullName, v.AmbiguousName].filter((s) => s !== '');
    for (const form of forms) {
      it(`${show(form)} is ${v.FullName} on ${v.Domain}, familiar ${v.FamiliarName}`, () => {
        const ref = mustParse(parseNormalizedNamed(form, asUpstreamTests));
        expect(familiarName(ref)).toBe(v.FamiliarName);
        expect(referenceString(ref)).toBe(v.FullName);
        expect(ref.domain).toBe(v.Domain);
        expect(ref.path).toBe(v.RemoteName);
      });
    }
  }
});

describe('ParseAnyReference', () => {
  for (const v of vectors.parseAnyReference) {
    it(`reads ${show(v.Reference)} as ${show(v.Equivalent)}`, () => {
      const any = mustParse(parseAnyReference(v.Reference, asUpstreamTests));
      const text = any.kind === 'digest' ? any.digest : referenceString(any.ref);
      expect(text).toBe(v.Equivalent);
      if (v.Expected) {
        expect(any.kind).toBe('digest');
        expect(text).toBe(v.Expected.value);
      } else {
        expect(any.kind).toBe('named');
      }
    });
  }
});

describe('normalized domain and path (TestNormalizedSplitHostname)', () => {
  for (const v of vectors.normalized_split_hostname) {
    it(`puts ${show(v.input)} on ${v.domain} as ${v.path}`, () => {
      const ref = mustParse(parseNormalizedNamed(v.input, asUpstreamTests));
      expect([ref.domain, ref.path]).toEqual([v.domain, v.path]);
    });
  }
});

describe('ParseDockerRef', () => {
  for (const v of vectors.parseDockerRef) {
    it(`${v.name}: ${show(v.input)} -> ${show(v.expected)}`, () => {
      expect(referenceString(mustParse(parseDockerRef(v.input, asUpstreamTests)))).toBe(v.expected);
    });
  }
  for (const v of vectors.parseDockerRef_extra) {
    it(`${v.fn} on ${show(v.input)}`, () => {
      if (v.fn.startsWith('WithTag')) {
        const busybox = mustParse(parseNormalizedNamed('busybox', asUpstreamTests));
        expect(withTag(busybox, v.input).ok).toBe(v.valid);
        return;
      }
      const r = parseNormalizedNamed(v.input, asUpstreamTests);
      if (v.valid === false) {
        expect(r.ok).toBe(false);
        return;
      }
      const ref = mustParse(r);
      expect(referenceString(ref)).toBe(v.string);
      expect(familiarString(ref)).toBe(v.familiar);
      expect(ref.tag !== undefined).toBe(v.tagged);
      expect(ref.digest !== undefined).toBe(v.digested);
    });
  }
});

describe('grammar regexps (regexp_test.go)', () => {
  const tables: [string, RegExp, RegexpVector[]][] = [
    ['domain', anchoredDomainRegexp, vectors.regexp_domain],
    ['anchored name', anchoredNameRegexp, vectors.regexp_anchored_name],
    ['reference', referenceRegexp, vectors.regexp_reference],
    ['identifier', anchoredIdentifierRegexp, vectors.regexp_identifier],
  ];
  for (const [label, re, table] of tables) {
    for (const v of table) {
      it(`${label} ${v.match ? 'matches' : 'does not match'} ${show(v.input)}`, () => {
        const got = subs(re, v.input);
        expect(got !== undefined).toBe(v.match);
        if (v.subs) expect(got).toEqual(v.subs);
      });
    }
  }
});

// The parser runs these one-pass scanners, not the RegExps (see the module header): same tables, same submatches.
describe('grammar scanners agree with regexp_test.go', () => {
  const scanners: [string, (s: string) => string[] | undefined, RegexpVector[]][] = [
    ['domain', (s) => (matchDomain(s) ? [] : undefined), vectors.regexp_domain],
    ['anchored name', (s) => matchAnchoredName(s) ?? undefined, vectors.regexp_anchored_name],
    ['reference', (s) => matchReference(s) ?? undefined, vectors.regexp_reference],
    ['identifier', (s) => (isIdentifier(s) ? [s] : undefined), vectors.regexp_identifier],
  ];
  for (const [label, scan, table] of scanners) {
    for (const v of table) {
      it(`${label} scanner ${v.match ? 'matches' : 'does not match'} ${show(v.input)}`, () => {
        const got = scan(v.input);
        expect(got !== undefined).toBe(v.match);
        if (v.subs && label !== 'domain') expect(got).toEqual(v.subs);
      });
    }
  }
});

// --- Beyond upstream's tables ---------------------------------------------------------------------------------------

describe('digests as docker and containerd accept them', () => {
  const sha512 = `sha512:${'f'.repeat(128)}`;
  it('accepts sha512 and sha384 digests by default (only upstream test binaries lack them)', () => {
    expect(validateDigest(sha512)).toBeUndefined();
    expect(validateDigest(`sha384:${'a'.repeat(96)}`)).toBeUndefined();
    expect(parseImageReference(`myacr.azurecr.io/app@${sha512}`).ok).toBe(true);
  });
  it('rejects an uppercase-hex sha256 digest as a format error (go-digest wants lowercase hex)', () => {
    expect(validateDigest(`sha256:${'F'.repeat(64)}`)).toBe('digest.ErrDigestInvalidFormat');
  });
  it('rejects a sha256 digest of the wrong length as a length error', () => {
    expect(validateDigest(`sha256:${'f'.repeat(63)}`)).toBe('digest.ErrDigestInvalidLength');
  });
  it('reports an unknown algorithm as unsupported, and a malformed one as a format error', () => {
    expect(validateDigest(`md5:${'f'.repeat(32)}`)).toBe('digest.ErrDigestUnsupported');
    expect(validateDigest(`MD5:${'f'.repeat(32)}`)).toBe('digest.ErrDigestInvalidFormat');
    expect(validateDigest(':abc')).toBe('digest.ErrDigestInvalidFormat');
    expect(validateDigest('sha256:')).toBe('digest.ErrDigestInvalidFormat');
    // Object.prototype keys are not algorithms.
    expect(validateDigest('constructor:abc')).toBe('digest.ErrDigestUnsupported');
    expect(validateDigest('toString:abc')).toBe('digest.ErrDigestInvalidFormat');
  });
});

describe('parseImageReference (ParseNormalizedNamed + TagNameOnly)', () => {
  const d = `sha256:${'a'.repeat(64)}`;
  const cases: [
    string,
    Omit<NamedReference, 'domain' | 'path'> & { registry: string; repository: string; normalized: string },
  ][] = [
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', normalized: 'docker.io/library/nginx:latest' }],
    [
      'nginx:1.27',
      { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', normalized: 'docker.io/library/nginx:1.27' },
    ],
    [
      'bitnami/redis',
      { registry: 'docker.io', repository: 'bitnami/redis', normalized: 'docker.io/bitnami/redis:latest' },
    ],
    [
      'index.docker.io/nginx',
      { registry: 'docker.io', repository: 'library/nginx', normalized: 'docker.io/library/nginx:latest' },
    ],
    [
      'docker.io/library/nginx:latest',
      {
        registry: 'docker.io',
        repository: 'library/nginx',
        tag: 'latest',
        normalized: 'docker.io/library/nginx:latest',
      },
    ],
    [
      `prodacr.azurecr.io/orders-api@${d}`,
      {
        registry: 'prodacr.azurecr.io',
        repository: 'orders-api',
        digest: d,
        normalized: `prodacr.azurecr.io/orders-api@${d}`,
      },
    ],
    [
      `prodacr.azurecr.io/team/orders-api:v1.4.2@${d}`,
      {
        registry: 'prodacr.azurecr.io',
        repository: 'team/orders-api',
        tag: 'v1.4.2',
        digest: d,
        normalized: `prodacr.azurecr.io/team/orders-api:v1.4.2@${d}`,
      },
    ],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app', normalized: 'localhost:5000/app:latest' }],
    ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1', normalized: '[::1]:5000/app:v1' }],
    // Parse leaves Domain() empty here (no `_` in a grammar domain); the registry is still the first element.
    ['team_a.example/app', { registry: 'team_a.example', repository: 'app', normalized: 'team_a.example/app:latest' }],
    [
      'MyAcr.AzureCR.io/app:v1',
      { registry: 'MyAcr.AzureCR.io', repository: 'app', tag: 'v1', normalized: 'MyAcr.AzureCR.io/app:v1' },
    ],
  ];
  for (const [input, want] of cases) {
    it(`normalizes ${input} to ${want.normalized}`, () => {
      const r = parseImageReference(input);
      if (!r.ok) throw new Error(r.error);
      expect(r.ref).toEqual({ original: input, ...want });
    });
  }

  const invalid: [string, string][] = [
    // ParseNormalizedNamed turns '' into 'docker.io/library/', so Go says "invalid reference format" too.
    ['', 'invalid reference format'],
    ['MyApp:v1', 'repository name must be lowercase'],
    ['prodacr.azurecr.io/Orders-API:v1', 'repository name must be lowercase'],
    ['prodacr.azurecr.io/orders api:v1', 'invalid reference format'],
    ['https://prodacr.azurecr.io/orders-api', 'invalid reference format'],
    ['orders-api:v1:v2', 'invalid reference format'],
    [`registry.example.com/${'a'.repeat(256)}`, 'repository name must not be more than 255 characters'],
    [`orders-api@sha256:${'a'.repeat(63)}`, 'invalid digest: invalid checksum digest length'],
    [`orders-api@md5:${'a'.repeat(32)}`, 'invalid digest: unsupported digest algorithm'],
    ['a'.repeat(64), 'invalid repository name, cannot specify 64-byte hexadecimal strings (that is an image ID)'],
  ];
  for (const [input, message] of invalid) {
    it(`refuses ${show(input)} with "${message}"`, () => {
      const r = parseImageReference(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBe(message);
    });
  }

  it('keeps error messages short even for a megabyte of input (never echoes it)', () => {
    const r = parseImageReference(`${'A'.repeat(1 << 20)}:tag`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(120);
  });

  it('treats U+0130 (İ) as Go does: lowercases to i, so the error is "must be lowercase"', () => {
    const r = parse('\u0130mage:v1');
    expect(r.ok ? 'ok' : r.code).toBe('ErrNameContainsUppercase');
  });
});

describe('isAcrHost', () => {
  const suffixes = ['.azurecr.io', '.azurecr.cn', 'azurecr.us'];
  it('matches login servers under any configured suffix, case-insensitively and with a port', () => {
    expect(isAcrHost('prodacr.azurecr.io', suffixes)).toBe(true);
    expect(isAcrHost('ProdACR.AzureCR.IO', suffixes)).toBe(true);
    expect(isAcrHost('prodacr.westeurope.data.azurecr.io', suffixes)).toBe(true);
    expect(isAcrHost('govacr.azurecr.us', suffixes)).toBe(true);
    expect(isAcrHost('prodacr.azurecr.io:443', suffixes)).toBe(true);
  });
  it('does not take look-alike hosts, the bare suffix, or other registries for an ACR', () => {
    expect(isAcrHost('azurecr.io', suffixes)).toBe(false);
    expect(isAcrHost('.azurecr.io', suffixes)).toBe(false);
    expect(isAcrHost('evilazurecr.io', suffixes)).toBe(false);
    expect(isAcrHost('prodacr.azurecr.io.evil.com', suffixes)).toBe(false);
    expect(isAcrHost('docker.io', suffixes)).toBe(false);
    expect(isAcrHost('prodacr.azurecr.io', [])).toBe(false);
  });
});

describe('looksUnrendered', () => {
  it.each([
    '{{ .Values.image.repository }}:{{ .Values.image.tag }}',
    'prodacr.azurecr.io/orders-api:{{.Chart.AppVersion}}',
    '${REGISTRY}/orders-api:${TAG}',
    'prodacr.azurecr.io/orders-api:${IMAGE_TAG}',
    '{{ include "pull-secret" . }}',
  ])('flags template residue in %s', (value) => {
    expect(looksUnrendered(value)).toBe(true);
  });
  it.each([
    'prodacr.azurecr.io/orders-api:v1.4.2',
    'nginx',
    'acr-pull',
    '$REGISTRY/app', // not a `${...}` form; the grammar rejects it as image-reference-invalid instead
    'weird{value}',
    '{{ unterminated',
    '${ unterminated',
  ])('leaves %s alone', (value) => {
    expect(looksUnrendered(value)).toBe(false);
  });
});
