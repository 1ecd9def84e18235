// Where a registry credential may be sent (DESIGN.md, verdict principles): over HTTPS (plain HTTP only to loopback),
// to the registry's own host, or to a token realm on the same host or in the same registrable domain
// (auth.docker.io for docker.io). Anything else is refused and the secret never leaves the process.

import { isIP } from 'node:net';

/** Where Docker Hub's API really lives: `docker.io` is a name, not a host that serves /v2/. */
export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';

/**
 * Suffixes under which different labels belong to different owners (a subset of the Public Suffix List that matters
 * for registries): `evil.azurecr.io` must not receive `prodacr.azurecr.io`'s credential.
 */
const SHARED_SUFFIXES = new Set([
  'azurecr.io',
  'azurecr.cn',
  'azurecr.us',
  'azurewebsites.net',
  'cloudapp.azure.com',
  'cloudapp.net',
  'blob.core.windows.net',
  'amazonaws.com',
  'cloudfront.net',
  'pkg.dev',
  'appspot.com',
  'github.io',
  'githubusercontent.com',
  'herokuapp.com',
  'ngrok.io',
  'ngrok-free.app',
  'nip.io',
  'sslip.io',
  'co.uk',
  'org.uk',
  'ac.uk',
  'com.au',
  'net.au',
  'co.jp',
  'co.nz',
  'com.br',
  'com.cn',
  'co.in',
  'co.kr',
  'co.za',
]);

export function hostnameOf(hostWithPort: string): string {
  // `[::1]:5000` -> `::1`; `host:5000` -> `host`
  if (hostWithPort.startsWith('[')) return hostWithPort.slice(1, hostWithPort.indexOf(']')).toLowerCase();
  const colon = hostWithPort.lastIndexOf(':');
  return (colon > 0 && hostWithPort.indexOf(':') === colon ? hostWithPort.slice(0, colon) : hostWithPort).toLowerCase();
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/** The registrable domain ("eTLD+1") of a host name; IP addresses are their own domain. */
export function registrableDomain(hostname: string): string {
  const h = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (isIP(h) !== 0) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  for (let i = 1; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    if (SHARED_SUFFIXES.has(suffix)) return labels.slice(i - 1).join('.');
  }
  return labels.slice(-2).join('.');
}

/** The host that serves /v2/ for a registry name. */
export function registryEndpointHost(registry: string): string {
  return registry.toLowerCase() === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
}

export type PolicyVerdict = { ok: true } | { ok: false; reason: string };

/** May a registry credential (Basic password, refresh token) for `registry` be sent to `url`? */
export function mayReceiveCredential(registry: string, url: URL): PolicyVerdict {
  const target = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(target))) {
    return { ok: false, reason: `${url.origin} is not HTTPS; a credential is never sent over plain HTTP` };
  }
  const own = hostnameOf(registry);
  const endpoint = hostnameOf(registryEndpointHost(registry));
  if (target === own || target === endpoint) return { ok: true };
  if (isIP(target) === 0 && isIP(own) === 0 && registrableDomain(target) === registrableDomain(own))
    return { ok: true };
  return {
    ok: false,
    reason: `token realm ${url.origin} is neither ${own} nor in its domain; the credential was not sent there`,
  };
}

/** May an anonymous token request go to this realm? (Nothing secret travels, but plain HTTP is still refused off-host.) */
export function mayUseRealm(url: URL): PolicyVerdict {
  if (url.protocol === 'https:') return { ok: true };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true };
  return { ok: false, reason: `token realm ${url.origin} is not HTTPS` };
}
