// Pull-secret parsing and registry matching, the way the kubelet does it (k8s.io/kubernetes pkg/credentialprovider:
// secrets.MakeDockerKeyring, config.go DockerConfigEntry.UnmarshalJSON, keyring.go BasicDockerKeyring.Add/Lookup).
// Pure: no I/O. Every decoded password is handed to the masker the moment it is decoded, and never leaves this module
// except inside a DockerCredential (which callers must keep out of findings, evidence and logs).

import type { ManifestSecret, SecretMasker } from '../types/index.js';
import type { MalformedReason } from '../types/facts/credentials.js';

export const DOCKER_CONFIG_JSON_TYPE = 'kubernetes.io/dockerconfigjson';
export const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
export const DOCKERCFG_TYPE = 'kubernetes.io/dockercfg';
export const DOCKERCFG_KEY = '.dockercfg';

/** The keyring key Docker Hub credentials end up under (`https://index.docker.io/v1/` -> `index.docker.io`). */
const DEFAULT_REGISTRY_HOST = 'index.docker.io';

/** One `auths` entry of a pull secret. `password` is secret: never print it. */
export interface DockerCredential {
  /** The registry key as written in the secret (`https://index.docker.io/v1/`, `prodacr.azurecr.io`). */
  key: string;
  /** The key as the kubelet indexes it: scheme dropped, `/v1/` `/v2/` prefix dropped (`host[:port][/path]`). */
  matchKey: string;
  /** Host (and port) of the key, for `--docker-server` and for telling which registry it names. */
  server: string;
  username: string;
  password: string;
}

export type { MalformedReason };

export type ParsedPullSecret =
  | { ok: true; credentials: DockerCredential[] }
  | {
      ok: false;
      reason: MalformedReason;
      /** One line, never containing secret material. */
      detail: string;
      /**
       * True when the kubelet itself fails on it: MakeDockerKeyring returns an error for a secret whose JSON does not
       * unmarshal, and the pull fails for the whole pod (no other path is tried). Wrong type or empty auths are
       * silently skipped by the kubelet: only this secret's path is lost.
       */
      blocksAllPaths: boolean;
    };

const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 the way Go's StdEncoding/RawStdEncoding do: strict alphabet, no whitespace inside. */
export function decodeBase64Strict(value: string, padded: boolean): Buffer | undefined {
  const v = value.trim();
  if (!STRICT_BASE64.test(v)) return undefined;
  if (padded && v.length % 4 !== 0) return undefined;
  if (!padded && (v.includes('=') || v.length % 4 === 1)) return undefined;
  return Buffer.from(v, 'base64');
}

/** Go's decodeDockerConfigFieldAuth: padded when it ends in `=`, raw otherwise; `user:pass` split at the first `:`. */
function decodeAuthField(field: string): { username: string; password: string } | undefined {
  const padded = field.trim().endsWith('=');
  const bytes = decodeBase64Strict(field, padded);
  if (!bytes) return undefined;
  const text = bytes.toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The kubelet's keyring key for a registry key: `https://` added when no scheme, then host + path, where a path
 * starting with `/v1/` or `/v2/` loses that prefix and a bare `/` is dropped. Undefined when the URL does not parse.
 */
export function keyringKey(key: string): { matchKey: string; server: string } | undefined {
  const value = key.startsWith('https://') || key.startsWith('http://') ? key : `https://${key}`;
  try {
    new URL(value);
  } catch {
    return undefined;
  }
  // Read host and path from the text, not from URL: WHATWG URL lowercases the host and drops default ports, Go's
  // url.Parse (which the kubelet uses) does neither.
  const m = /^https?:\/\/([^/?#]*)([^?#]*)/.exec(value);
  if (!m) return undefined;
  const authority = m[1];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host === '') return undefined;
  let path = decodeURIComponentSafe(m[2]);
  if (path.startsWith('/v2/') || path.startsWith('/v1/')) path = path.slice(3);
  const matchKey = path.length > 0 && path !== '/' ? host + path : host;
  return { matchKey, server: host };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function malformed(reason: MalformedReason, detail: string, blocksAllPaths: boolean): ParsedPullSecret {
  return { ok: false, reason, detail, blocksAllPaths };
}

/**
 * Parses a pull secret into its credentials. `mask` receives every decoded password (and the encoded forms that
 * carry it) before anything else happens with it.
 */
export function parsePullSecret(secret: ManifestSecret, mask: SecretMasker): ParsedPullSecret {
  const type = secret.type ?? 'Opaque';
  let dataKey: string;
  if (type === DOCKER_CONFIG_JSON_TYPE) dataKey = DOCKER_CONFIG_JSON_KEY;
  else if (type === DOCKERCFG_TYPE) dataKey = DOCKERCFG_KEY;
  else {
    return malformed(
      'wrong-type',
      `type is ${type}; the kubelet only reads ${DOCKER_CONFIG_JSON_TYPE} (key ${DOCKER_CONFIG_JSON_KEY}) or ${DOCKERCFG_TYPE} (key ${DOCKERCFG_KEY}) and ignores this secret`,
      false,
    );
  }
  const encoded = secret.data[dataKey];
  if (encoded === undefined || encoded === '') {
    return malformed('missing-key', `type ${type} but no data key ${dataKey}; the kubelet ignores this secret`, false);
  }
  safeMask(mask, encoded);
  const bytes = decodeBase64Strict(encoded, true);
  if (!bytes) return malformed('bad-base64', `data ${dataKey} is not valid base64`, true);
  const text = bytes.toString('utf8');
  safeMask(mask, text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return malformed('bad-json', `data ${dataKey} does not decode to JSON`, true);
  }
  if (!isRecord(doc)) return malformed('bad-json', `data ${dataKey} is not a JSON object`, true);
  let auths: unknown = doc;
  if (type === DOCKER_CONFIG_JSON_TYPE) {
    auths = doc.auths;
    if (auths === undefined || auths === null) {
      return malformed('no-auths', `${dataKey} has no "auths" object; the kubelet finds no credentials in it`, false);
    }
    if (!isRecord(auths)) return malformed('bad-json', `"auths" in ${dataKey} is not an object`, true);
  }
  return readEntries(auths as Record<string, unknown>, dataKey, mask);
}

function readEntries(auths: Record<string, unknown>, dataKey: string, mask: SecretMasker): ParsedPullSecret {
  const credentials: DockerCredential[] = [];
  for (const [key, raw] of Object.entries(auths)) {
    if (!isRecord(raw)) return malformed('bad-json', `entry "${key}" in ${dataKey} is not an object`, true);
    const field = (name: string): string | undefined | null => {
      const v = raw[name];
      if (v === undefined || v === null) return undefined;
      return typeof v === 'string' ? v : null;
    };
    const username = field('username');
    const password = field('password');
    const auth = field('auth');
    if (username === null || password === null || auth === null || field('email') === null) {
      return malformed('bad-json', `entry "${key}" in ${dataKey} has a field that is not a string`, true);
    }
    if (password) safeMask(mask, password);
    let user = username ?? '';
    let pass = password ?? '';
    if (auth) {
      safeMask(mask, auth);
      const decoded = decodeAuthField(auth);
      if (!decoded) {
        return malformed(
          'bad-auth-field',
          `entry "${key}" in ${dataKey}: "auth" is not base64 of username:password`,
          true,
        );
      }
      safeMask(mask, decoded.password);
      user = decoded.username;
      pass = decoded.password;
    }
    const k = keyringKey(key);
    // The kubelet skips keys that do not parse as URLs (it logs and continues), so do we.
    if (!k) continue;
    credentials.push({ key, matchKey: k.matchKey, server: k.server, username: user, password: pass });
  }
  if (credentials.length === 0) {
    return malformed('no-auths', `${dataKey} has no registry entries`, false);
  }
  return { ok: true, credentials };
}

function safeMask(mask: SecretMasker, value: string): void {
  // Masking very short strings would blank out ordinary words in every log line; they are not worth hiding.
  if (value.trim().length >= 4) mask(value);
}

// ---- matching (keyring.go URLsMatch / Lookup / isDefaultRegistryMatch) ----

function splitHostPort(hostPort: string): { labels: string[]; port: string } {
  const m = /^(.*):(\d*)$/.exec(hostPort);
  if (m && !m[1].includes(':')) return { labels: m[1].split('.'), port: m[2] };
  return { labels: hostPort.split('.'), port: '' };
}

/** Go's path.Match for one host label: `*` any run, `?` one char, `[...]` classes. */
function globMatch(pattern: string, value: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^')) cls = '!' + cls.slice(1);
      re += '[' + (cls.startsWith('!') ? '^' + cls.slice(1) : cls).replace(/\\/g, '\\\\') + ']';
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[++i]);
    } else re += escapeRegExp(c);
  }
  try {
    return new RegExp(re + '$').test(value);
  } catch {
    return false;
  }
}

function splitHostPath(schemeless: string): { host: string; path: string } {
  const slash = schemeless.indexOf('/');
  return slash < 0
    ? { host: schemeless, path: '' }
    : { host: schemeless.slice(0, slash), path: schemeless.slice(slash) };
}

/** keyring.go URLsMatch over schemeless `host[:port][/path]` strings. */
export function keyMatchesImage(matchKey: string, target: string): boolean {
  const glob = splitHostPath(matchKey);
  const img = splitHostPath(target);
  const g = splitHostPort(glob.host);
  const t = splitHostPort(img.host);
  if (g.port !== t.port) return false;
  if (g.labels.length !== t.labels.length) return false;
  // A string prefix, not a path-segment prefix: `host/team` also matches `host/teamwork/app`, as in the kubelet.
  if (!img.path.startsWith(glob.path)) return false;
  return g.labels.every((label, i) => globMatch(label, t.labels[i]));
}

/** keyring.go isDefaultRegistryMatch, on the kubelet's lookup string. */
function isDefaultRegistryMatch(image: string): boolean {
  const parts = image.split('/');
  if (parts[0] === '') return false;
  if (parts.length === 1) return true;
  if (parts[0] === 'docker.io' || parts[0] === 'index.docker.io') return true;
  return !/[.:]/.test(parts[0]) && parts[0] !== 'localhost';
}

/**
 * The credentials the kubelet would try for an image, in its order: all keys that match, most specific first
 * (the keyring index is sorted in reverse string order), and Docker Hub's `index.docker.io` key for Docker Hub
 * images when nothing else matched.
 */
export function lookupCredentials<T extends { matchKey: string }>(
  credentials: readonly T[],
  image: { registry: string; repository: string },
): T[] {
  const target = `${image.registry}/${image.repository}`;
  const keys = [...new Set(credentials.map((c) => c.matchKey))].sort().reverse();
  const out: T[] = [];
  for (const key of keys) {
    if (keyMatchesImage(key, target)) out.push(...credentials.filter((c) => c.matchKey === key));
  }
  if (out.length > 0) return out;
  if (isDefaultRegistryMatch(target)) return credentials.filter((c) => c.matchKey === DEFAULT_REGISTRY_HOST);
  return [];
}
