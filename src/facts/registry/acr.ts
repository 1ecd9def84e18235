// Azure Container Registry extras: exchanging an Entra access token for an ACR refresh token (`POST /oauth2/exchange`),
// and the `/acr/v1/` attributes that decide pulls beyond the manifest's existence (readEnabled, quarantineState).
// Shapes: shared/material/azure-arm/containerregistry-dataplane/ (2021-07-01).

import { mayReceiveCredential } from './credential-policy.js';
import { RegistryError } from './errors.js';
import { readBounded, throwIfFirewall, type RegistryHttp } from './http.js';

export { ACR_SUFFIXES, acrName } from '../../lib/acr-host.js';

/** Default ACR test of the registry client: any ACR host kind (lib/acr-host.ts). */
export { isAcrHost as looksLikeAcr } from '../../lib/acr-host.js';

export type { AcrAttributes } from '../../types/facts/images.js';

/**
 * `POST https://<registry>/oauth2/exchange` (grant_type=access_token): an Entra access token for an ACR refresh token.
 * The Entra token is a secret: it goes only where a registry credential may go.
 */
export async function exchangeEntraToken(
  http: RegistryHttp,
  base: URL,
  registry: string,
  entraToken: string,
  tenant?: string,
): Promise<string> {
  const url = new URL('/oauth2/exchange', base);
  const verdict = mayReceiveCredential(registry, url);
  if (!verdict.ok) throw new RegistryError('credential-refused', verdict.reason);
  const form = new URLSearchParams({ grant_type: 'access_token', service: registry, access_token: entraToken });
  if (tenant) form.set('tenant', tenant);
  const res = await http.send('acr-exchange', url, {
    method: 'POST',
    pool: registry,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  if (res.status === 401 || res.status === 403) {
    if (res.status === 403) throwIfFirewall(res, registry);
    throw new RegistryError(
      res.status === 401 ? 'unauthorized' : 'denied',
      `${registry} refused to exchange the gate's Entra token for a registry token (${res.status})`,
      res.status,
    );
  }
  if (res.status !== 200) {
    const kind = res.status === 429 ? 'throttled' : res.status >= 500 ? 'server-error' : 'protocol';
    throw new RegistryError(kind, `${registry} /oauth2/exchange answered ${res.status}`, res.status);
  }
  const text = readBounded(res, 1024 * 1024, registry);
  let token: unknown;
  try {
    token = (JSON.parse(text) as { refresh_token?: unknown }).refresh_token;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '') {
    throw new RegistryError('protocol', `${registry} /oauth2/exchange returned no refresh_token`);
  }
  return token;
}

function rec(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** `changeableAttributes.readEnabled` of a `GET /acr/v1/<repo>/_tags/<tag>` body, plus the tag's digest. */
export function parseTagAttributes(body: string): { readEnabled?: boolean; digest?: string } {
  try {
    const tag = rec(rec(JSON.parse(body))?.tag);
    const ca = rec(tag?.changeableAttributes);
    const out: { readEnabled?: boolean; digest?: string } = {};
    if (typeof ca?.readEnabled === 'boolean') out.readEnabled = ca.readEnabled;
    if (typeof tag?.digest === 'string') out.digest = tag.digest;
    return out;
  } catch {
    return {};
  }
}

/** changeableAttributes.readEnabled of a `GET /acr/v1/<repo>` body (the repository's own lock). */
export function parseRepositoryReadEnabled(body: string): boolean | undefined {
  try {
    const ca = rec(rec(JSON.parse(body))?.changeableAttributes);
    return typeof ca?.readEnabled === 'boolean' ? ca.readEnabled : undefined;
  } catch {
    return undefined;
  }
}

/** readEnabled and quarantineState of a `GET /acr/v1/<repo>/_manifests/<digest>` body. */
export function parseManifestAttributes(body: string): { readEnabled?: boolean; quarantineState?: string } {
  try {
    const m = rec(rec(JSON.parse(body))?.manifest);
    const ca = rec(m?.changeableAttributes);
    const out: { readEnabled?: boolean; quarantineState?: string } = {};
    if (typeof ca?.readEnabled === 'boolean') out.readEnabled = ca.readEnabled;
    // The quarantine state sits beside changeableAttributes in current API versions, inside it in older ones.
    const q = m?.quarantineState ?? ca?.quarantineState;
    if (typeof q === 'string' && q !== '') out.quarantineState = q;
    return out;
  } catch {
    return {};
  }
}
