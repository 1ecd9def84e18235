// Image references, exactly as github.com/distribution/reference (and go-digest v1.0.0) read them: the grammar's
// regexps, Parse, ParseNormalizedNamed, ParseDockerRef, ParseAnyReference, familiar names, and the project's
// normalized ImageReference (`nginx` -> `docker.io/library/nginx:latest`). Also the two string tests the static checks
// need next to it: is a host an ACR login server, and does a value still hold template residue.
//
// Why a port of the Go code instead of a looser parser: the kubelet/containerd decide with this very grammar whether
// an image string is pullable at all, so the gate must accept and reject exactly the same strings, and normalize them
// the same way (Docker Hub's `docker.io` / `library/` defaults) so `nginx` and `docker.io/library/nginx:latest` are one
// image. Every function here is pure and never throws, whatever the input (unicode, NUL, megabytes).

import type { ImageReference } from '../types/index.js';

// --- The grammar, built from the same pieces as regexp.go so a diff against upstream stays readable. ---------------
// JS (without the `u` flag) and Go's RE2 agree on these classes: `\w` is ASCII [A-Za-z0-9_], `$` without `m` matches
// only at the very end, and both pick submatches leftmost-first. The RegExps are exported as the grammar's reference
// (and run against upstream's regexp tables), but the parser does NOT use them on input: V8 backtracks where RE2 does
// not, and although these patterns stay linear, V8 keeps one backtrack entry per `(?:separator alnum)*` iteration and
// throws "RangeError: Maximum call stack size exceeded" on a 4 MB `a-a-a-...` string. The scanners below
// (matchReference, matchAnchoredName, matchDomain) decide the same language with the same submatches in one pass and
// O(1) stack; a property test checks them against the RegExps.

const alphanumeric = '[a-z0-9]+';
// One period, one or two underscores, or any number of dashes between alphanumerics.
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
// Go's [[:xdigit:]] is [0-9A-Fa-f].
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const identifier = '([a-f0-9]{64})';
// Bracketed IPv6 without zone identifiers (rfc6874) or IPv4-mapped forms, as upstream.
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

/** `^domain[:port]$` (upstream DomainRegexp, anchored as its tests use it). */
export const anchoredDomainRegexp = new RegExp(`^${domainAndPort}$`);
/** `^(?:(domain)/)?(remote-name)$`: captures [domain, path] (upstream anchoredNameRegexp). */
export const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
/** The whole reference: captures [name, tag, digest] (upstream ReferenceRegexp). */
export const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
/** A bare 64-hex image ID (upstream anchoredIdentifierRegexp). */
export const anchoredIdentifierRegexp = new RegExp(`^${identifier}$`);
export const anchoredTagRegexp = new RegExp(`^${tagPat}$`);
export const anchoredDigestRegexp = new RegExp(`^${digestPat}$`);
/** go-digest's DigestRegexpAnchored: the looser shape it accepts for algorithms it does not know. */
export const goDigestAnchoredRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

// --- Linear scanners equivalent to the RegExps above ---------------------------------------------------------------
// Each grammar piece has a character set that excludes the delimiter after it (a domain has no `/`, a name no `:` or
// `@`, a tag no `@`), so leftmost-first matching never has a real choice to make except "is the first `/`-element a
// domain?", which the regexp tries first (greedy `?`) and falls back from. The scanners make that same choice.

const isLowerAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number): boolean => isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const isWord = (c: number): boolean => isAlnum(c) || c === 0x5f; // [A-Za-z0-9_]
const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const DOT = 0x2e;
const DASH = 0x2d;
const UNDERSCORE = 0x5f;
const SLASH = 0x2f;
const COLON = 0x3a;
const AT = 0x40;

/** `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/ same)*` over s[from, to). */
function isRemoteName(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  let i = from;
  for (;;) {
    // One path component: alnum runs joined by exactly one separator.
    if (i >= to || !isLowerAlnum(s.charCodeAt(i))) return false;
    while (i < to && isLowerAlnum(s.charCodeAt(i))) i++;
    if (i === to) return true;
    const c = s.charCodeAt(i);
    if (c === SLASH) {
      i++;
      continue;
    }
    if (c === DOT) {
      i++;
    } else if (c === UNDERSCORE) {
      i += i + 1 < to && s.charCodeAt(i + 1) === UNDERSCORE ? 2 : 1;
    } else if (c === DASH) {
      while (i < to && s.charCodeAt(i) === DASH) i++;
    } else {
      return false;
    }
    // A separator must be followed by an alphanumeric (checked at the loop top, without a `/` in between).
    if (i >= to || !isLowerAlnum(s.charCodeAt(i))) return false;
  }
}

/** `domain-component(\.domain-component)*` over s[from, to): labels start and end alphanumeric, `-` inside. */
function isDomainName(s: string, from: number, to: number): boolean {
  let labelStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && s.charCodeAt(i) !== DOT) {
      const c = s.charCodeAt(i);
      if (!isAlnum(c) && c !== DASH) return false;
      continue;
    }
    if (i === labelStart) return false; // empty label
    if (s.charCodeAt(labelStart) === DASH || s.charCodeAt(i - 1) === DASH) return false;
    labelStart = i + 1;
  }
  return true;
}

/** `host(:port)?` over s[from, to), host a domain name or a bracketed IPv6 literal (upstream DomainRegexp). */
function isDomainAndPort(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  let hostEnd: number;
  if (s.charCodeAt(from) === 0x5b) {
    // `\[[a-fA-F0-9:]+\]`
    let i = from + 1;
    while (i < to && (isHex(s.charCodeAt(i)) || s.charCodeAt(i) === COLON)) i++;
    if (i === from + 1 || i >= to || s.charCodeAt(i) !== 0x5d) return false;
    hostEnd = i + 1;
  } else {
    hostEnd = from;
    while (hostEnd < to && s.charCodeAt(hostEnd) !== COLON) hostEnd++;
    if (!isDomainName(s, from, hostEnd)) return false;
  }
  if (hostEnd === to) return true;
  if (s.charCodeAt(hostEnd) !== COLON || hostEnd + 1 === to) return false;
  for (let i = hostEnd + 1; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Upstream digestPat over s[from, to): `alg(sep alg)*:hex{32,}`, alg = `[A-Za-z][A-Za-z0-9]*`, sep = `[-_+.]`. */
function isReferenceDigest(s: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    if (i >= to || !isLetter(s.charCodeAt(i))) return false;
    while (i < to && isAlnum(s.charCodeAt(i))) i++;
    if (i >= to) return false;
    const c = s.charCodeAt(i);
    if (c === COLON) break;
    if (c !== DASH && c !== UNDERSCORE && c !== 0x2b && c !== DOT) return false;
    i++;
  }
  i++;
  if (to - i < 32) return false;
  for (; i < to; i++) if (!isHex(s.charCodeAt(i))) return false;
  return true;
}

/** go-digest DigestRegexpAnchored: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`. */
function isGoDigestShape(s: string): boolean {
  let i = 0;
  for (;;) {
    if (i >= s.length || !isLowerAlnum(s.charCodeAt(i))) return false;
    while (i < s.length && isLowerAlnum(s.charCodeAt(i))) i++;
    if (i >= s.length) return false;
    const c = s.charCodeAt(i);
    if (c === COLON) break;
    if (c !== DOT && c !== 0x2b && c !== UNDERSCORE && c !== DASH) return false;
    i++;
  }
  i++;
  if (i >= s.length) return false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 0x3d && c !== UNDERSCORE && c !== DASH) return false;
  }
  return true;
}

/** Submatches of referenceRegexp: [name, tag, digest], '' for an absent part (as Go reports them); null if no match. */
export function matchReference(s: string): [string, string, string] | null {
  const slash = s.indexOf('/');
  if (slash > 0 && isDomainAndPort(s, 0, slash)) {
    const rest = matchAfterDomain(s, slash + 1);
    if (rest) return rest;
  }
  return matchAfterDomain(s, 0);
}

/** `remote-name (:tag)? (@digest)? $` from `start`; the returned name includes s[0, start). */
function matchAfterDomain(s: string, start: number): [string, string, string] | null {
  let end = start;
  // The name's characters exclude `:` and `@`, so it can only end where they (or the input) begin.
  for (; end < s.length; end++) {
    const c = s.charCodeAt(end);
    if (!isLowerAlnum(c) && c !== DOT && c !== UNDERSCORE && c !== DASH && c !== SLASH) break;
  }
  if (!isRemoteName(s, start, end)) return null;
  let i = end;
  let tag = '';
  if (i < s.length && s.charCodeAt(i) === COLON) {
    let j = i + 1;
    while (j < s.length && (isWord(s.charCodeAt(j)) || s.charCodeAt(j) === DOT || s.charCodeAt(j) === DASH)) j++;
    // `[\w][\w.-]{0,127}`: 1..128 characters, the first a word character.
    if (j === i + 1 || j - (i + 1) > 128 || !isWord(s.charCodeAt(i + 1))) return null;
    tag = s.slice(i + 1, j);
    i = j;
  }
  let digest = '';
  if (i < s.length && s.charCodeAt(i) === AT) {
    if (!isReferenceDigest(s, i + 1, s.length)) return null;
    digest = s.slice(i + 1);
    i = s.length;
  }
  return i === s.length ? [s.slice(0, end), tag, digest] : null;
}

/** Submatches of anchoredNameRegexp: [domain, path], domain '' when absent; null if no match. */
export function matchAnchoredName(s: string): [string, string] | null {
  const slash = s.indexOf('/');
  if (slash > 0 && isDomainAndPort(s, 0, slash) && isRemoteName(s, slash + 1, s.length)) {
    return [s.slice(0, slash), s.slice(slash + 1)];
  }
  return isRemoteName(s, 0, s.length) ? ['', s] : null;
}

/** Whole-string match of anchoredDomainRegexp. */
export function matchDomain(s: string): boolean {
  return isDomainAndPort(s, 0, s.length);
}

/** Whole-string match of anchoredIdentifierRegexp (a 64-hex image ID). */
export function isIdentifier(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c) && !(c >= 0x61 && c <= 0x66)) return false;
  }
  return true;
}

/** Upstream RepositoryNameTotalLengthMax: applies to the path (the name without the domain). */
export const REPOSITORY_NAME_TOTAL_LENGTH_MAX = 255;
const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';

// --- Errors -------------------------------------------------------------------------------------------------------

/** Upstream error variables by name (`digest.` = go-digest's); `ErrNameIsIdentifier` is ParseNormalizedNamed's unnamed one. */
export type ReferenceErrorCode =
  | 'ErrReferenceInvalidFormat'
  | 'ErrTagInvalidFormat'
  | 'ErrDigestInvalidFormat'
  | 'ErrNameContainsUppercase'
  | 'ErrNameEmpty'
  | 'ErrNameTooLong'
  | 'ErrNameNotCanonical'
  | 'ErrNameIsIdentifier'
  | 'digest.ErrDigestInvalidFormat'
  | 'digest.ErrDigestInvalidLength'
  | 'digest.ErrDigestUnsupported';

// The messages are Go's own texts (go-digest's prefixed with "invalid digest: " so a reader knows which part is wrong).
// They never quote the input: it may be a megabyte long, and the caller already shows it.
const MESSAGES: Record<ReferenceErrorCode, string> = {
  ErrReferenceInvalidFormat: 'invalid reference format',
  ErrTagInvalidFormat: 'invalid tag format',
  ErrDigestInvalidFormat: 'invalid digest format',
  ErrNameContainsUppercase: 'repository name must be lowercase',
  ErrNameEmpty: 'repository name must have at least one component',
  ErrNameTooLong: `repository name must not be more than ${REPOSITORY_NAME_TOTAL_LENGTH_MAX} characters`,
  ErrNameNotCanonical: 'repository name must be canonical',
  ErrNameIsIdentifier: 'invalid repository name, cannot specify 64-byte hexadecimal strings (that is an image ID)',
  'digest.ErrDigestInvalidFormat': 'invalid digest: invalid checksum digest format',
  'digest.ErrDigestInvalidLength': 'invalid digest: invalid checksum digest length',
  'digest.ErrDigestUnsupported': 'invalid digest: unsupported digest algorithm',
};

export interface ReferenceError {
  ok: false;
  code: ReferenceErrorCode;
  error: string;
}

export type ReferenceResult<T> = { ok: true; value: T } | ReferenceError;

function fail(code: ReferenceErrorCode): ReferenceError {
  return { ok: false, code, error: MESSAGES[code] };
}

// --- Digests (go-digest v1.0.0 Digest.Validate) ---------------------------------------------------------------------

/** Hex length of each algorithm go-digest knows. */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Digest algorithms treated as available. go-digest accepts only algorithms whose hash the binary registered
 * (`import _ "crypto/sha256"`); docker, containerd and the registry register all three, upstream's own test binary
 * only sha256 (which is why its vectors call sha512 unsupported).
 */
export const DEFAULT_DIGEST_ALGORITHMS: readonly string[] = ['sha256', 'sha384', 'sha512'];

export interface ParseOptions {
  /** Algorithms whose digests are accepted; default {@link DEFAULT_DIGEST_ALGORITHMS}. */
  digestAlgorithms?: readonly string[];
}

/** go-digest `Digest.Validate`: undefined when valid, else the error it returns. */
export function validateDigest(
  s: string,
  algorithms: readonly string[] = DEFAULT_DIGEST_ALGORITHMS,
): ReferenceErrorCode | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return 'digest.ErrDigestInvalidFormat';
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const size = Object.hasOwn(DIGEST_HEX_LENGTH, algorithm) ? DIGEST_HEX_LENGTH[algorithm] : undefined;
  if (size === undefined || !algorithms.includes(algorithm)) {
    return isGoDigestShape(s) ? 'digest.ErrDigestUnsupported' : 'digest.ErrDigestInvalidFormat';
  }
  if (encoded.length !== size) return 'digest.ErrDigestInvalidLength';
  for (let k = 0; k < encoded.length; k++) {
    const c = encoded.charCodeAt(k);
    if (!isDigit(c) && !(c >= 0x61 && c <= 0x66)) return 'digest.ErrDigestInvalidFormat';
  }
  return undefined;
}

// --- References -----------------------------------------------------------------------------------------------------

/** A named reference as upstream models it. `domain` is '' when Parse found none; tag/digest absent when not given. */
export interface NamedReference {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

/** What ParseAnyReference returns: a named reference, or a bare digest (`sha256:...` or a 64-hex image ID). */
export type AnyReference = { kind: 'named'; ref: NamedReference } | { kind: 'digest'; digest: string };

/** Upstream `Name()`: `domain/path`, or just the path when there is no domain. */
export function referenceName(ref: NamedReference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

/** Upstream `String()`: `name[:tag][@digest]`. */
export function referenceString(ref: NamedReference): string {
  let s = referenceName(ref);
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

/**
 * Go's strings.ToLower for the purpose it serves here (deciding whether a lowercased input matches the ASCII grammar).
 * Go maps by simple case mapping, JS by full mapping; the only character where that changes an ASCII outcome is
 * U+0130 (İ), which Go lowers to a plain `i` and JS to `i` + U+0307.
 */
function goToLower(s: string): string {
  return s.replaceAll('\u0130', 'i').toLowerCase();
}

/** Upstream `Parse`: the grammar only, no Docker Hub defaults (`foo/bar` has domain `foo`). */
export function parse(s: string, options: ParseOptions = {}): ReferenceResult<NamedReference> {
  if (s === '') return fail('ErrNameEmpty');
  const matches = matchReference(s);
  if (matches === null) {
    const lower = goToLower(s);
    // Succeeds when lower-cased, so the input holds an invalid (uppercase) repository name.
    if (lower !== s && matchReference(lower) !== null) return fail('ErrNameContainsUppercase');
    return fail('ErrReferenceInvalidFormat');
  }
  const [name, tag, digest] = matches;
  const nameMatch = matchAnchoredName(name);
  const domain = nameMatch ? nameMatch[0] : '';
  const path = nameMatch ? nameMatch[1] : name;
  if (path.length > REPOSITORY_NAME_TOTAL_LENGTH_MAX) return fail('ErrNameTooLong');
  const ref: NamedReference = { domain, path };
  // An unmatched Go submatch is "", and Parse treats "" as "absent" for both.
  if (tag !== '') ref.tag = tag;
  if (digest !== '') {
    const bad = validateDigest(digest, options.digestAlgorithms);
    if (bad !== undefined) return fail(bad);
    ref.digest = digest;
  }
  return { ok: true, value: ref };
}

/** Upstream `WithName`: a bare name (no tag or digest) split into domain and path. */
export function withName(name: string): ReferenceResult<NamedReference> {
  const match = matchAnchoredName(name);
  if (match === null) return fail('ErrReferenceInvalidFormat');
  if (match[1].length > REPOSITORY_NAME_TOTAL_LENGTH_MAX) return fail('ErrNameTooLong');
  return { ok: true, value: { domain: match[0], path: match[1] } };
}

/**
 * Upstream `splitDockerDomain`: is the first path element a registry host? Yes for `localhost`, anything with `.` or
 * `:`, and anything with uppercase (namespaces cannot have it); otherwise the name lives on Docker Hub.
 */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const maybeRemainder = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, maybeRemainder];
  } else if (maybeDomain.includes('.') || maybeDomain.includes(':')) {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else if (goToLower(maybeDomain) !== maybeDomain) {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** Upstream `ParseNormalizedNamed`: a familiar name (`nginx`, `user/app:1`) to its full form on its registry. */
export function parseNormalizedNamed(s: string, options: ParseOptions = {}): ReferenceResult<NamedReference> {
  if (isIdentifier(s)) return fail('ErrNameIsIdentifier');
  const { domain, remainder } = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (goToLower(remote) !== remote) return fail('ErrNameContainsUppercase');
  return parse(`${domain}/${remainder}`, options);
}

/** Upstream `ParseNamed`: like ParseNormalizedNamed, but the input must already be in canonical (full) form. */
export function parseNamed(s: string, options: ParseOptions = {}): ReferenceResult<NamedReference> {
  const named = parseNormalizedNamed(s, options);
  if (!named.ok) return named;
  return referenceString(named.value) === s ? named : fail('ErrNameNotCanonical');
}

/** Upstream `WithTag`: the name with `tag` (a digest it has stays). */
export function withTag(ref: NamedReference, tag: string): ReferenceResult<NamedReference> {
  // Bounded pattern ({0,127}), so the RegExp is safe here.
  if (!anchoredTagRegexp.test(tag)) return fail('ErrTagInvalidFormat');
  return { ok: true, value: { ...ref, tag } };
}

/** Upstream `WithDigest`: the name with `digest` (shape only, as upstream: no algorithm or length check). */
export function withDigest(ref: NamedReference, digest: string): ReferenceResult<NamedReference> {
  if (!isReferenceDigest(digest, 0, digest.length)) return fail('ErrDigestInvalidFormat');
  return { ok: true, value: { ...ref, digest } };
}

/** Upstream `TagNameOnly`: adds `:latest` when there is neither tag nor digest. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** Upstream `ParseDockerRef`: normalized, `:latest` when bare, and the tag dropped when a digest pins the image. */
export function parseDockerRef(s: string, options: ParseOptions = {}): ReferenceResult<NamedReference> {
  const named = parseNormalizedNamed(s, options);
  if (!named.ok) return named;
  const ref = named.value;
  if (ref.digest !== undefined) return { ok: true, value: { domain: ref.domain, path: ref.path, digest: ref.digest } };
  return { ok: true, value: tagNameOnly(ref) };
}

/** Upstream `ParseAnyReference`: a 64-hex image ID or a full digest alone is a digest reference, else a normalized name. */
export function parseAnyReference(s: string, options: ParseOptions = {}): ReferenceResult<AnyReference> {
  if (isIdentifier(s)) return { ok: true, value: { kind: 'digest', digest: `sha256:${s}` } };
  if (validateDigest(s, options.digestAlgorithms) === undefined)
    return { ok: true, value: { kind: 'digest', digest: s } };
  const named = parseNormalizedNamed(s, options);
  return named.ok ? { ok: true, value: { kind: 'named', ref: named.value } } : named;
}

/** Upstream `FamiliarName`: the short form Docker shows (`docker.io/library/nginx` -> `nginx`). */
export function familiarName(ref: NamedReference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return referenceName(ref);
  if (ref.path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!rest.includes('/')) return rest;
  }
  return ref.path;
}

/** Upstream `FamiliarString`: the familiar name with the tag and digest. */
export function familiarString(ref: NamedReference): string {
  let s = familiarName(ref);
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

// --- The project's view ---------------------------------------------------------------------------------------------

/**
 * An image string from a manifest, read the way the kubelet reads it: ParseNormalizedNamed, then TagNameOnly for the
 * normalized form. `index.docker.io` is `docker.io`; a digest-only reference gets no `:latest`; tag and digest both
 * stay (the runtime pulls by the digest). The error is a short message with Go's meaning; `code` names Go's error.
 */
export function parseImageReference(input: string): { ok: true; ref: ImageReference } | ReferenceError {
  const named = parseNormalizedNamed(input);
  if (!named.ok) return named;
  const { tag, digest } = named.value;
  let { domain, path } = named.value;
  if (domain === '') {
    // Go quirk: splitDockerDomain calls `a_b.example/app` a domain (it has a `.`), but the grammar's domain has no `_`,
    // so Parse keeps the whole `a_b.example/app` as the path and Domain() is "". containerd still connects to the first
    // element as the host (its resolver splits at the first `/`), so that is the registry the gate must ask.
    domain = splitDockerDomain(input).domain;
    path = path.slice(domain.length + 1);
  }
  const ref: ImageReference = {
    original: input,
    registry: domain,
    repository: path,
    normalized: referenceString(tagNameOnly(named.value)),
  };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

/** Is `host` an ACR host? (lib/acr-host.ts owns the answer.) */
export { isAcrHost } from './acr-host.js';

/**
 * Does a value still hold Helm/Go-template (`{{ ... }}`) or shell/envsubst (`${...}`) residue, i.e. the manifests
 * were gated before rendering? Scans with indexOf so a megabyte of `{{{{` stays linear (a lazy regex would not).
 */
export function looksUnrendered(value: string): boolean {
  const open = value.indexOf('{{');
  if (open !== -1 && value.indexOf('}}', open + 2) !== -1) return true;
  const dollar = value.indexOf('${');
  return dollar !== -1 && value.indexOf('}', dollar + 2) !== -1;
}
