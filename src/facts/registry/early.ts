// Image checks that start while the manifests are still being read (I/O). A file's images are known as soon as it is
// parsed, but which credential each image is checked with is not: a pull secret or a ServiceAccount in a later file
// can change it. So only the checks no credential can change start early: images at a registry that needs no
// authentication (`GET /v2/` answers 200, so no credential is ever sent) or that cannot be reached at all. Each
// registry's `GET /v2/` starts with the first file that names it, whatever it answers. ACR hosts wait for the
// sign-in and the registry discovery, as before. collectImageFacts takes an early answer where it stands for the
// check it would make, and checks anew where it does not.

import { RegistryClient, type ImageCheck, type RegistryCredential } from './client.js';
import { isAcrHost } from '../../lib/acr-host.js';
import { parseImageReference } from '../../lib/image-reference.js';
import type { ImageReference, Logger } from '../../types/index.js';
import type { FactTransport } from '../../types/facts/context.js';

export class EarlyImageChecks {
  private client: RegistryClient | undefined;
  private readonly ready: Promise<RegistryClient | undefined>;
  private readonly started = new Map<string, Promise<{ check: ImageCheck; open: boolean } | undefined>>();
  /** Image texts already seen: most images are named by many pods. */
  private readonly seen = new Set<string>();

  constructor(transport: Promise<FactTransport>, signal: AbortSignal, logger: Logger) {
    this.ready = transport.then(
      (t) =>
        (this.client = new RegistryClient({
          fetch: t.fetch,
          request: t.request,
          signal,
          logger,
          // Hosts named like an ACR are never checked early; another host the discovery later finds to be an ACR
          // (a custom domain) does not take the early answer.
          isAcr: () => false,
        })),
      () => undefined,
    );
  }

  /** An image a manifest names (the text of its `image:` field), as soon as its file is parsed. */
  add(image: string): void {
    if (this.seen.has(image)) return;
    this.seen.add(image);
    const parsed = parseImageReference(image);
    if (!parsed.ok || isAcrHost(parsed.ref.registry) || this.started.has(parsed.ref.normalized)) return;
    const ref = parsed.ref;
    this.started.set(
      ref.normalized,
      this.ready.then((c) => c?.checkIfNoCredentialMatters(ref)),
    );
  }

  /**
   * The early answer for `ref` checked with `credential` (undefined: anonymously), when there is one that stands for
   * that check: any answer for an anonymous check or an unreachable registry; at a registry that needs no
   * authentication, the same answer under the credential (it is never sent), except a 401 (whose message names it).
   */
  async answer(ref: ImageReference, credential: RegistryCredential | undefined): Promise<ImageCheck | undefined> {
    const early = await this.started.get(ref.normalized);
    if (!early) return undefined;
    if (!credential || !early.open) return early.check;
    if (early.check.status === 'unauthorized') return undefined;
    return { ...early.check, auth: 'credential' };
  }

  /** Requests the early checks sent, by kind (empty when none started). */
  requestCounts(): Record<string, number> {
    return this.client?.requestCounts() ?? {};
  }
}
