// The fetch the gate's own HTTP clients use (registries with their token endpoints and blob redirects, live
// credential checks): it honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY and their lower-case forms, as the runner sets
// them, through undici's EnvHttpProxyAgent. Without a proxy in the environment it is the plain global fetch. Under
// --simulate the emulator's own fetch is used instead: traffic to the loopback emulator never goes through a proxy.

import { EnvHttpProxyAgent } from 'undici';

export function proxyFromEnv(env: NodeJS.ProcessEnv): { httpProxy?: string; httpsProxy?: string; noProxy?: string } {
  const pick = (upper: string): string | undefined => env[upper] || env[upper.toLowerCase()] || undefined;
  const httpProxy = pick('HTTP_PROXY');
  const httpsProxy = pick('HTTPS_PROXY') ?? httpProxy;
  const noProxy = pick('NO_PROXY');
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

export function proxyAwareFetch(env: NodeJS.ProcessEnv): typeof fetch {
  const p = proxyFromEnv(env);
  if (!p.httpProxy && !p.httpsProxy) return globalThis.fetch.bind(globalThis);
  const dispatcher = new EnvHttpProxyAgent(p);
  return ((input: string | URL | Request, init?: RequestInit) =>
    globalThis.fetch(input, { ...init, dispatcher } as RequestInit)) as typeof fetch;
}
