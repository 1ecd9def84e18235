// The simulated world in a process of its own, for the benchmark's out-of-process row: the gate's peak RSS is then
// the gate's alone (in the simulated rows the emulator's TLS server, JSON bodies and certificate share the gate's
// heap). Bundled by bench/run.mjs like the gate runner. Prints one JSON line with what the gate's process needs to
// reach it (endpoints, port, registry hosts, CA, kubeconfig, the gate's identity), then answers `counts` on stdin
// with its request counters, peak RSS and the CPU it spent since it was up (user + system) as one JSON line, and closes
// when stdin ends.

import { createInterface } from 'node:readline';
import { loadWorld, startEmulator } from '../src/simulate/index.js';

const worldPath = process.argv[2];
if (!worldPath) throw new Error('usage: emulator-child <world.yaml>');
const emu = await startEmulator(await loadWorld(worldPath));
// CPU from here on: what serving the gate's run costs, not loading the world and minting its certificates.
const cpuAtStart = process.cpuUsage();
process.stdout.write(
  JSON.stringify({
    endpoints: emu.endpoints,
    caPem: emu.caPem,
    kubeconfigPath: emu.kubeconfigPath,
    port: emu.port,
    registryHosts: emu.registryHosts,
    clusterHosts: emu.clusterHosts,
    proxyUrl: emu.proxyUrl,
    gate: emu.gate,
  }) + '\n',
);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'counts')
    process.stdout.write(
      JSON.stringify({
        counts: emu.requestCounts(),
        maxRssKb: process.resourceUsage().maxRSS,
        cpuMs: cpuMs(process.cpuUsage(cpuAtStart)),
      }) + '\n',
    );
});
lines.on('close', () => {
  void emu.close().then(() => process.exit(0));
});

function cpuMs(u: NodeJS.CpuUsage): number {
  return Math.round((u.user + u.system) / 1000);
}
