// Pushes test images to a registry with the plain distribution API (no docker, no skopeo): a single-arch OCI or Docker
// image with a config blob, an OCI index and a Docker manifest list (children first: distribution refuses an index
// whose children are unknown, MANIFEST_BLOB_UNKNOWN), by tag or by digest only.

import { createHash, randomBytes } from 'node:crypto';
import type { Platform } from '../../src/types/index.js';

export interface PushTarget {
  base: URL;
  fetch: typeof globalThis.fetch;
  /** Authorization header for pushing to a repository (undefined: anonymous). */
  authorization(repository: string): Promise<string | undefined>;
}

export interface Pushed {
  digest: string;
  mediaType: string;
  size: number;
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function headers(
  t: PushTarget,
  repo: string,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const h: Record<string, string> = { ...extra };
  const a = await t.authorization(repo);
  if (a) h.authorization = a;
  return h;
}

async function expectStatus(res: Response, ok: number[], what: string): Promise<void> {
  if (!ok.includes(res.status)) {
    throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  }
  await res.body?.cancel();
}

/** Uploads a blob (POST then PUT with the digest) unless the registry already has it. */
export async function pushBlob(t: PushTarget, repo: string, data: Buffer): Promise<{ digest: string; size: number }> {
  const digest = sha256(data);
  const head = await t.fetch(new URL(`/v2/${repo}/blobs/${digest}`, t.base), {
    method: 'HEAD',
    headers: await headers(t, repo),
  });
  await head.body?.cancel();
  if (head.status === 200) return { digest, size: data.length };
  const start = await t.fetch(new URL(`/v2/${repo}/blobs/uploads/`, t.base), {
    method: 'POST',
    headers: await headers(t, repo),
  });
  const location = start.headers.get('location');
  await expectStatus(start, [202], `start upload to ${repo}`);
  if (!location) throw new Error(`start upload to ${repo}: no Location`);
  const put = new URL(location, t.base);
  put.searchParams.set('digest', digest);
  const res = await t.fetch(put, {
    method: 'PUT',
    headers: await headers(t, repo, { 'content-type': 'application/octet-stream' }),
    body: data,
  });
  await expectStatus(res, [201], `upload blob to ${repo}`);
  return { digest, size: data.length };
}

/** PUTs a manifest under a tag or under its own digest (`reference` undefined). */
export async function pushManifest(
  t: PushTarget,
  repo: string,
  reference: string | undefined,
  mediaType: string,
  body: string,
): Promise<Pushed> {
  const digest = sha256(body);
  const res = await t.fetch(new URL(`/v2/${repo}/manifests/${reference ?? digest}`, t.base), {
    method: 'PUT',
    headers: await headers(t, repo, { 'content-type': mediaType }),
    body,
  });
  await expectStatus(res, [201], `push manifest ${repo}:${reference ?? digest}`);
  return { digest, mediaType, size: Buffer.byteLength(body) };
}

export type ManifestFormat = 'oci' | 'docker';

/** A single-arch image: one random layer and a config blob naming the platform. */
export async function pushImage(
  t: PushTarget,
  repo: string,
  tag: string | undefined,
  platform: Platform,
  format: ManifestFormat = 'oci',
): Promise<Pushed> {
  const layer = await pushBlob(t, repo, randomBytes(64));
  const cfg: Record<string, unknown> = {
    architecture: platform.architecture,
    os: platform.os,
    config: {},
    rootfs: { type: 'layers', diff_ids: [sha256(randomBytes(8))] },
  };
  if (platform.variant) cfg.variant = platform.variant;
  if (platform.osVersion) cfg['os.version'] = platform.osVersion;
  const config = await pushBlob(t, repo, Buffer.from(JSON.stringify(cfg)));
  const oci = format === 'oci';
  const manifest = {
    schemaVersion: 2,
    mediaType: oci ? OCI_MANIFEST : DOCKER_MANIFEST,
    config: {
      mediaType: oci ? 'application/vnd.oci.image.config.v1+json' : 'application/vnd.docker.container.image.v1+json',
      digest: config.digest,
      size: config.size,
    },
    layers: [
      {
        mediaType: oci
          ? 'application/vnd.oci.image.layer.v1.tar+gzip'
          : 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        digest: layer.digest,
        size: layer.size,
      },
    ],
  };
  return pushManifest(t, repo, tag, manifest.mediaType, JSON.stringify(manifest));
}

/** A multi-arch image: one child per platform (pushed by digest first), then the index or manifest list. */
export async function pushIndex(
  t: PushTarget,
  repo: string,
  tag: string | undefined,
  platforms: Platform[],
  format: ManifestFormat = 'oci',
  options: { attestation?: boolean } = {},
): Promise<Pushed & { children: Pushed[] }> {
  const children: Pushed[] = [];
  for (const p of platforms) children.push(await pushImage(t, repo, undefined, p, format));
  const entries: Record<string, unknown>[] = children.map((c, i) => {
    const p = platforms[i] as Platform;
    const platform: Record<string, string> = { architecture: p.architecture, os: p.os };
    if (p.variant) platform.variant = p.variant;
    if (p.osVersion) platform['os.version'] = p.osVersion;
    return { mediaType: c.mediaType, digest: c.digest, size: c.size, platform };
  });
  if (options.attestation && children[0]) {
    // What BuildKit adds: an `unknown/unknown` entry that is not a runnable platform.
    const att = await pushImage(t, repo, undefined, { os: 'unknown', architecture: 'unknown' }, format);
    entries.push({
      mediaType: att.mediaType,
      digest: att.digest,
      size: att.size,
      platform: { architecture: 'unknown', os: 'unknown' },
      annotations: {
        'vnd.docker.reference.digest': children[0].digest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
    });
  }
  const mediaType = format === 'oci' ? OCI_INDEX : DOCKER_LIST;
  const index = { schemaVersion: 2, mediaType, manifests: entries };
  const pushed = await pushManifest(t, repo, tag, mediaType, JSON.stringify(index));
  return { ...pushed, children };
}

/** The bodies of a layerless linux/amd64 OCI image, for a stub registry to serve (nothing is pushed). */
export function servedEmptyImage(): { config: string; configDigest: string; manifest: string; manifestDigest: string } {
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });
  const configDigest = sha256(config);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [],
  });
  return { config, configDigest, manifest, manifestDigest: sha256(manifest) };
}
