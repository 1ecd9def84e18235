// Synthesizes registry content from a world's repositories: OCI image indexes for multi-platform digests, image
// manifests and config blobs for single-platform ones. The world's digests stay authoritative (returned as
// Docker-Content-Digest for what the world names); children and configs get real sha256 digests of their bodies.

import { createHash } from 'node:crypto';
import type { WorldManifest, WorldRepository, WorldTag } from './world.js';

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
    for (const [digest, attrs] of Object.entries(repo.manifests)) if (attrs.deleted !== true) this.build(digest, attrs);
  }

  private imageManifest(platform: ParsedPlatform, seed: string, docker: boolean): { body: Buffer; mediaType: string } {
    const config = Buffer.from(
      JSON.stringify({
        architecture: platform.architecture,
        os: platform.os,
        ...(platform.variant ? { variant: platform.variant } : {}),
        ...(platform['os.version'] ? { 'os.version': platform['os.version'] } : {}),
        config: { Labels: { 'org.opencontainers.image.source': `simulated/${this.name}` } },
        rootfs: { type: 'layers', diff_ids: [sha256(`diff:${seed}`)] },
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
        layers: [
          { mediaType: docker ? MEDIA.dockerLayer : MEDIA.ociLayer, size: 2014658, digest: sha256(`layer:${seed}`) },
        ],
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
