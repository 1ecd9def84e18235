// Stands in for src/simulate/index.js in the benchmark's out-of-process gate runner (bench/run.mjs swaps the import
// at bundle time): `startEmulator` does not start one, it connects to the emulator bench/emulator-child.ts runs in
// another process (its description in the file BENCH_REMOTE_EMULATOR names), trusting its CA and routing the world's
// registry hosts to its port as the in-process emulator's fetch does. Request counts live in the other process: the
// bench asks it for them after the run.

import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch, request as undiciRequest } from 'undici';
import type { Emulator } from '../src/simulate/emulator.js';
import { CONNECTIONS_PER_ORIGIN } from '../src/facts/proxy-fetch.js';
import type { World } from '../src/simulate/world.js';

export { loadWorld, parseWorld } from '../src/simulate/world.js';

export async function startEmulator(_world: World): Promise<Emulator> {
  const file = process.env.BENCH_REMOTE_EMULATOR;
  if (!file) throw new Error('BENCH_REMOTE_EMULATOR is not set');
  const d = JSON.parse(readFileSync(file, 'utf8')) as Pick<
    Emulator,
    'endpoints' | 'caPem' | 'kubeconfigPath' | 'port' | 'registryHosts' | 'clusterHosts' | 'proxyUrl' | 'gate'
  >;
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), d.caPem]);
  const hosts = new Set(d.registryHosts.map((h) => h.toLowerCase()));
  const connector = buildConnector({
    secureContext: tls.createSecureContext({ ca: [...tls.getCACertificates('default')] }),
  });
  const agent = new Agent({
    connections: CONNECTIONS_PER_ORIGIN,
    connect: (o, cb) => {
      const h = o.hostname.toLowerCase();
      if (hosts.has(h) && (!o.port || o.port === '443'))
        connector(
          { ...o, hostname: '127.0.0.1', host: `127.0.0.1:${d.port}`, port: String(d.port), servername: h },
          cb,
        );
      else connector(o, cb);
    },
  });
  const fetch = ((input: Parameters<typeof globalThis.fetch>[0], init?: Parameters<typeof globalThis.fetch>[1]) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as typeof globalThis.fetch;
  return {
    ...d,
    fetch,
    request: (url, init) => undiciRequest(url, { ...init, dispatcher: agent }),
    requestCounts: () => ({}),
    close: async () => {
      await agent.destroy().catch(() => undefined);
    },
  };
}
