// Added round-trip time in front of a loopback server, for the benchmark's "real registry over a real network" rows:
// the kernel here has no netem, so this TCP relay holds every chunk for half the added RTT in each direction before
// passing it on (TLS goes through untouched: the client still talks to docker-registry's own certificate). A request
// on a kept-alive connection pays the RTT once; a new connection pays it again for the TCP handshake (the relay's
// accept is immediate, so the client's first bytes wait one RTT more) and for each TLS round trip, as on a real link.
// Order within a connection is kept.

import net from 'node:net';
import { setTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';

/**
 * Starts a relay on 127.0.0.1 to `target` (`{host, port}`) adding `rttMs` of round-trip time.
 * Returns `{ host: '127.0.0.1:PORT', port, connections(), stop() }`.
 */
export async function startDelayProxy(target, rttMs) {
  const half = rttMs / 2;
  const sockets = new Set();
  let connections = 0;
  const server = net.createServer({ noDelay: true }, (client) => {
    connections++;
    const upstream = net.connect({ host: target.host, port: target.port, noDelay: true });
    sockets.add(client);
    sockets.add(upstream);
    // On a real link the client's first bytes leave only after the SYN / SYN-ACK round trip: its first chunk arrives
    // one RTT and a half after the connection starts. Later chunks never overtake earlier ones.
    const started = performance.now();
    const relay = (from, to, notBefore) => {
      let last = notBefore;
      const later = (fn) => {
        const at = Math.max(performance.now() + half, last);
        last = at;
        setTimeout(fn, Math.max(0, at - performance.now()));
      };
      from.on('data', (chunk) => later(() => !to.destroyed && to.write(chunk)));
      from.on('end', () => later(() => to.end()));
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        later(() => to.destroy());
      });
    };
    relay(client, upstream, started + rttMs + half);
    relay(upstream, client, 0);
  });
  server.maxConnections = 4096;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    host: `127.0.0.1:${port}`,
    port,
    connections: () => connections,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
