// Image checks that start while the manifests are still being read (I/O). A file's images are known as soon as it is
// parsed, but which credential each image is checked with is not: a pull secret or a ServiceAccount in a later file
// can change it. So only the checks no credential can change start early:
// - images at a registry that needs no authentication (`GET /v2/` answers 200, so no credential is ever sent) or that
//   cannot be reached at all; each registry's `GET /v2/` starts with the first file that names it, whatever it
//   answers;
// - once the gate has signed in, images at a host named like an ACR (`*.azurecr.io`): a signed-in run checks those
//   with its own identity (Entra token, `/oauth2/exchange`), never with a pod's pull secret, so nothing a later file
//   holds can change their answer. They start before the registry discovery (ARM) has answered; the one thing a check
//   takes from it, whether the registry quarantines (read only for a manifest ACR refused), waits for it.
// collectImageFacts takes an early answer where it stands for the check it would make, and checks anew where it does
// not.

import { RegistryClient, type ImageCheck, type RegistryClientOptions, type RegistryCredential } from './client.js';
import { sumCounts } from './http.js';
import { isAcrHost } from '../../lib/acr-host.js';
import { parseImageReference } from '../../lib/image-reference.js';
import type { ImageReference, Logger } from '../../types/index.js';
import type { AzureContext, FactTransport } from '../../types/facts/context.js';

/** The registry client's options for ACR checks with the gate's own identity. */
export function gateIdentityOptions(azure: AzureContext): Pick<RegistryClientOptions, 'getEntraToken' | 'acrTenant'> {
  return {
    getEntraToken: async () => {
      const t = await azure.credential.getToken(azure.endpoints.acrScope);
      if (!t) throw new Error('no Entra token for the registry audience');
      return t.token;
    },
    ...(azure.tenantId ? { acrTenant: azure.tenantId } : {}),
  };
}

export class EarlyImageChecks {
  private client: RegistryClient | undefined;
  private readonly ready: Promise<RegistryClient | undefined>;
  private readonly started = new Map<string, Promise<{ check: ImageCheck; open: boolean } | undefined>>();
  /** Image texts already seen: most images are named by many pods. */
  private readonly seen = new Set<string>();
  /** ACR-named images seen so far, checked once the gate has signed in. */
  private readonly acrImages = new Map<string, ImageReference>();
  private readonly acrChecks = new Map<string, Promise<ImageCheck>>();
  private acrClient: RegistryClient | undefined;
  /** Which registries quarantine, once the registry discovery has answered (collectImageFacts says). */
  private readonly quarantine = Promise.withResolvers<(registry: string) => boolean>();

  constructor(
    transport: Promise<FactTransport>,
    private readonly signal: AbortSignal,
    private readonly logger: Logger,
  ) {
    this.ready = transport.then(
      (t) =>
        (this.client = new RegistryClient({
          fetch: t.fetch,
          request: t.request,
          signal,
          logger,
          // Hosts named like an ACR are never checked here; another host the discovery later finds to be an ACR
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
    if (!parsed.ok) return;
    const ref = parsed.ref;
    if (isAcrHost(ref.registry)) {
      if (this.acrImages.has(ref.normalized)) return;
      this.acrImages.set(ref.normalized, ref);
      if (this.acrClient) this.startAcr(this.acrClient, ref);
      return;
    }
    if (this.started.has(ref.normalized)) return;
    this.started.set(
      ref.normalized,
      this.ready.then((c) => c?.checkIfNoCredentialMatters(ref)),
    );
  }

  /**
   * The gate has signed in: the ACR-named images seen so far are checked with its identity, and every later one. Given
   * the run's transport (the fact context's), so the checks start at once, before anything else of the run is asked.
   */
  signedIn(azure: AzureContext, transport: FactTransport): void {
    if (this.acrClient) return;
    const client = new RegistryClient({
      fetch: transport.fetch,
      request: transport.request,
      signal: this.signal,
      logger: this.logger,
      isAcr: isAcrHost,
      quarantineEnabled: (registry) => this.quarantine.promise.then((q) => q(registry)),
      ...gateIdentityOptions(azure),
    });
    this.acrClient = client;
    for (const ref of this.acrImages.values()) this.startAcr(client, ref);
  }

  private startAcr(client: RegistryClient, ref: ImageReference): void {
    this.acrChecks.set(ref.normalized, client.checkImage(ref));
  }

  /** The registry discovery has answered (or will not): which registries quarantine. */
  discovered(quarantineEnabled: (registry: string) => boolean): void {
    this.quarantine.resolve(quarantineEnabled);
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

  /** The check of an ACR-named image with the gate's identity, when it started after the sign-in. */
  acrAnswer(ref: ImageReference): Promise<ImageCheck> | undefined {
    return this.acrChecks.get(ref.normalized);
  }

  /** Requests the early checks sent, by kind (empty when none started). */
  requestCounts(): Record<string, number> {
    return sumCounts(this.client?.requestCounts() ?? {}, this.acrClient?.requestCounts() ?? {});
  }
}
