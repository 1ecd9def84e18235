// Registry content from a world's repositories. A manifest with a raw `body:` is served byte for byte (its sha256 is
// its digest, checked at load) with the world's blobs; one given only by `platforms` is synthesized: an OCI image
// index for several platforms, else an image manifest, with a config blob and a small real gzip layer. The world's
// digests stay authoritative as names (returned as Docker-Content-Digest); a synthesized top-level body does not hash
// to them, while its children, configs and layers get the real sha256 of their bytes.

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { WorldBlob, WorldManifest, WorldRepository, WorldTag } from './world.js';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

export interface ServedManifest {
  digest: string;
  mediaType: string;
  body: Buffer;
  /** The world entry whose attributes (readEnabled, quarantineState) govern this manifest. */
  attrs: WorldManifest;
  /** os/arch for an image manifest. */
  platform?: ParsedPlatform;
  /** The config descriptor's media type (image manifests). */
  configMediaType?: string;
  isIndex: boolean;
}

export interface ParsedPlatform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
}

export function sha256(data: string | Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function parsePlatform(s: string): ParsedPlatform {
  const [main, osVersion] = s.split(':');
  const [os = 'linux', architecture = 'amd64', variant] = main.split('/');
  const p: ParsedPlatform = { os, architecture };
  if (variant) p.variant = variant;
  if (osVersion) p['os.version'] = osVersion;
  return p;
}

/** A one-file ustar archive (what a layer's diff is), deterministic for its content. */
function tinyTar(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const put = (s: string, off: number, len: number): void => void header.write(s.slice(0, len), off, 'ascii');
  put(name, 0, 100);
  put('0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(content.length.toString(8).padStart(11, '0') + '\0', 124, 12);
  put('00000000000\0', 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of header) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  const pad = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, pad, Buffer.alloc(1024)]);
}

export function blobBytes(b: WorldBlob): Buffer {
  return b.base64 !== undefined ? Buffer.from(b.base64, 'base64') : Buffer.from(b.content ?? '', 'utf8');
}

export function tagDigest(t: WorldTag): string {
  return typeof t === 'string' ? t : t.digest;
}

/** All manifests and blobs one repository serves, built once per emulator run. */
export class RepositoryContent {
  readonly manifests = new Map<string, ServedManifest>();
  readonly blobs = new Map<string, { mediaType: string; body: Buffer }>();

  constructor(
    readonly name: string,
    readonly repo: WorldRepository,
  ) {
    for (const [digest, b] of Object.entries(repo.blobs ?? {}))
      this.blobs.set(digest, { mediaType: b.mediaType ?? 'application/octet-stream', body: blobBytes(b) });
    for (const [digest, attrs] of Object.entries(repo.manifests)) {
      if (attrs.deleted === true) continue;
      if (attrs.body !== undefined) this.raw(digest, attrs, attrs.body);
      else this.build(digest, attrs);
    }
  }

  /** A manifest the world gives byte for byte; its platform comes from its config blob, else from `platforms`. */
  private raw(digest: string, attrs: WorldManifest, text: string): void {
    const doc = JSON.parse(text) as {
      mediaType?: string;
      manifests?: unknown[];
      config?: { digest?: string; mediaType?: string };
    };
    const isIndex = Array.isArray(doc.manifests);
    const mediaType = doc.mediaType ?? attrs.mediaType ?? (isIndex ? MEDIA.ociIndex : MEDIA.ociManifest);
    const served: ServedManifest = { digest, mediaType, body: Buffer.from(text, 'utf8'), attrs, isIndex };
    if (!isIndex) {
      const config = doc.config?.digest ? this.repo.blobs?.[doc.config.digest] : undefined;
      let platform: ParsedPlatform | undefined;
      if (config) {
        try {
          const c = JSON.parse(blobBytes(config).toString('utf8')) as Record<string, unknown>;
          if (typeof c.os === 'string' && typeof c.architecture === 'string') {
            platform = { os: c.os, architecture: c.architecture };
            if (typeof c.variant === 'string') platform.variant = c.variant;
            if (typeof c['os.version'] === 'string') platform['os.version'] = c['os.version'];
          }
        } catch {
          // Not a JSON config (an artifact): no platform.
        }
      }
      platform ??= attrs.platforms?.[0] ? parsePlatform(attrs.platforms[0]) : undefined;
      if (platform) served.platform = platform;
      if (doc.config?.mediaType) served.configMediaType = doc.config.mediaType;
    }
    this.manifests.set(digest, served);
  }

  private imageManifest(platform: ParsedPlatform, seed: string, docker: boolean): { body: Buffer; mediaType: string } {
    // A real (tiny) layer, so that clients that copy an image get bytes of the size and digest the manifest names.
    const diff = tinyTar('simulated', Buffer.from(`${this.name} ${seed}\n`));
    const layer = gzipSync(diff, { level: 9 });
    const layerDigest = sha256(layer);
    const layerType = docker ? MEDIA.dockerLayer : MEDIA.ociLayer;
    this.blobs.set(layerDigest, { mediaType: layerType, body: layer });
    const config = Buffer.from(
      JSON.stringify({
        architecture: platform.architecture,
        os: platform.os,
        ...(platform.variant ? { variant: platform.variant } : {}),
        ...(platform['os.version'] ? { 'os.version': platform['os.version'] } : {}),
        config: { Labels: { 'org.opencontainers.image.source': `simulated/${this.name}` } },
        rootfs: { type: 'layers', diff_ids: [sha256(diff)] },
        history: [{ created_by: 'aks-pull-gate simulated world' }],
      }),
    );
    const configDigest = sha256(config);
    const configType = docker ? MEDIA.dockerConfig : MEDIA.ociConfig;
    this.blobs.set(configDigest, { mediaType: configType, body: config });
    const mediaType = docker ? MEDIA.dockerManifest : MEDIA.ociManifest;
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType,
        config: { mediaType: configType, size: config.length, digest: configDigest },
        layers: [{ mediaType: layerType, size: layer.length, digest: layerDigest }],
      }),
    );
    return { body, mediaType };
  }

  private build(digest: string, attrs: WorldManifest): void {
    const platforms = (attrs.platforms && attrs.platforms.length > 0 ? attrs.platforms : ['linux/amd64']).map(
      parsePlatform,
    );
    const wantsIndex = attrs.mediaType === MEDIA.ociIndex || attrs.mediaType === MEDIA.dockerList;
    const docker = attrs.mediaType === MEDIA.dockerList || attrs.mediaType === MEDIA.dockerManifest;
    if (platforms.length === 1 && !wantsIndex) {
      const m = this.imageManifest(platforms[0], digest, docker);
      this.manifests.set(digest, {
        digest,
        mediaType: m.mediaType,
        body: m.body,
        attrs,
        platform: platforms[0],
        configMediaType: docker ? MEDIA.dockerConfig : MEDIA.ociConfig,
        isIndex: false,
      });
      return;
    }
    const children = platforms.map((p) => {
      const m = this.imageManifest(p, `${digest}/${p.os}/${p.architecture}/${p.variant ?? ''}`, docker);
      const childDigest = sha256(m.body);
      // Children inherit the index's attributes unless the world describes them itself.
      this.manifests.set(childDigest, {
        digest: childDigest,
        mediaType: m.mediaType,
        body: m.body,
        attrs: this.repo.manifests[childDigest] ?? attrs,
        platform: p,
        configMediaType: docker ? MEDIA.dockerConfig : MEDIA.ociConfig,
        isIndex: false,
      });
      return { mediaType: m.mediaType, size: m.body.length, digest: childDigest, platform: p };
    });
    const mediaType = docker ? MEDIA.dockerList : MEDIA.ociIndex;
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests: children }));
    this.manifests.set(digest, { digest, mediaType, body, attrs, isIndex: true });
  }

  /** A tag or digest -> the served manifest (undefined when absent). */
  resolve(reference: string): { manifest?: ServedManifest; tag?: WorldTag; tagName?: string } {
    if (reference.includes(':')) return { manifest: this.manifests.get(reference) };
    const tag = this.repo.tags[reference];
    if (tag === undefined) return {};
    return { manifest: this.manifests.get(tagDigest(tag)), tag, tagName: reference };
  }

  tagsOf(digest: string): string[] {
    return Object.entries(this.repo.tags)
      .filter(([, t]) => tagDigest(t) === digest)
      .map(([n]) => n)
      .sort();
  }
}
