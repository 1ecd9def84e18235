// A loopback CONNECT proxy in front of the emulator, so real names resolve to it without /etc/hosts.

import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * The emulator's loopback CONNECT proxy: it tunnels the world's names (registry hosts, the clusters' API server
 * FQDNs, and under `simulate serve` MSAL's instance-discovery host) to the emulator's port and refuses every other
 * host (403), so a client on this machine reaches `<registry>.azurecr.io` or `<cluster>.hcp.<region>.azmk8s.io`
 * without /etc/hosts (as HTTPS_PROXY, or as a kubeconfig's `proxy-url`), and nothing leaves the machine.
 */
export async function startTunnelProxy(
  port: number,
  hosts: string[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only\n');
  });
  server.on('connect', (req, client: Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const [host = '', p = '443'] = (req.url ?? '').toLowerCase().split(':');
    if (!allowed.has(host) || (p !== '443' && p !== String(port))) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
  });
  const a = server.address();
  const url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
