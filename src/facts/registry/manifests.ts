// Manifest media types and the pure parsing of manifest bodies and image configs into platforms.
// An index / manifest list names its platforms; a single-arch manifest names its config blob, whose os/architecture
// is the platform.

import type { Platform } from '../../types/index.js';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** All four, always: distribution answers 404 to HEAD on an OCI index when only the Docker v2 type is accepted. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.dockerManifest,
].join(', ');

const SCHEMA1 = new Set([
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
]);

export function baseMediaType(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  return contentType.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function isIndexType(mediaType: string | undefined): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}

export function isImageManifestType(mediaType: string | undefined): boolean {
  return mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest;
}

/** What a manifest body says about platforms. */
export type ParsedManifest =
  | { kind: 'index'; mediaType: string; platforms: Platform[]; entriesWithoutPlatform: number }
  | { kind: 'image'; mediaType: string; configDigest?: string; configMediaType?: string }
  | { kind: 'schema1'; mediaType: string; platforms: Platform[] }
  | { kind: 'unknown'; mediaType?: string; reason: string };

function rec(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function platformFrom(o: Record<string, unknown> | undefined): Platform | undefined {
  if (!o) return undefined;
  const os = str(o.os);
  const architecture = str(o.architecture);
  if (!os || !architecture) return undefined;
  const p: Platform = { os, architecture };
  const variant = str(o.variant);
  if (variant) p.variant = variant;
  const osVersion = str(o['os.version']);
  if (osVersion) p.osVersion = osVersion;
  return p;
}

/** Entries that are not runnable images: BuildKit attestations, and `unknown/unknown`. */
function isAttestation(entry: Record<string, unknown>, platform: Platform | undefined): boolean {
  const ann = rec(entry.annotations);
  if (ann && ann['vnd.docker.reference.type'] === 'attestation-manifest') return true;
  return platform?.os === 'unknown' && platform.architecture === 'unknown';
}

/** Parses a manifest body; `contentType` is the response's media type (the body's own `mediaType` wins when present). */
export function parseManifest(body: string, contentType?: string): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'unknown', reason: 'manifest body is not JSON' };
  }
  const m = rec(json);
  if (!m) return { kind: 'unknown', reason: 'manifest body is not a JSON object' };
  const mediaType = str(m.mediaType) ?? contentType;
  if (Array.isArray(m.manifests) || isIndexType(mediaType)) {
    const platforms: Platform[] = [];
    let without = 0;
    for (const e of Array.isArray(m.manifests) ? m.manifests : []) {
      const entry = rec(e);
      if (!entry) continue;
      const p = platformFrom(rec(entry.platform));
      if (isAttestation(entry, p)) continue;
      if (p) platforms.push(p);
      else without++;
    }
    return { kind: 'index', mediaType: mediaType ?? MEDIA_TYPES.ociIndex, platforms, entriesWithoutPlatform: without };
  }
  if (m.schemaVersion === 1 || (mediaType !== undefined && SCHEMA1.has(mediaType))) {
    const arch = str(m.architecture);
    return {
      kind: 'schema1',
      mediaType: mediaType ?? 'schema1',
      platforms: arch ? [{ os: 'linux', architecture: arch }] : [],
    };
  }
  const config = rec(m.config);
  if (config || isImageManifestType(mediaType)) {
    const out: ParsedManifest = { kind: 'image', mediaType: mediaType ?? MEDIA_TYPES.ociManifest };
    const digest = str(config?.digest);
    if (digest) out.configDigest = digest;
    const cmt = str(config?.mediaType);
    if (cmt) out.configMediaType = cmt;
    return out;
  }
  const r: ParsedManifest = { kind: 'unknown', reason: `unrecognized manifest type ${mediaType ?? '(none)'}` };
  if (mediaType) r.mediaType = mediaType;
  return r;
}

/** Config media types that describe a runnable image (others are artifacts: Helm charts, signatures, SBOMs). */
export function isImageConfigType(mediaType: string | undefined): boolean {
  return (
    mediaType === undefined ||
    mediaType === 'application/vnd.oci.image.config.v1+json' ||
    mediaType === 'application/vnd.docker.container.image.v1+json'
  );
}

/** The platform an image config blob declares. */
export function platformFromConfig(body: string): Platform | undefined {
  try {
    return platformFrom(rec(JSON.parse(body)));
  } catch {
    return undefined;
  }
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}${p.osVersion ? ` (${p.osVersion})` : ''}`;
}
