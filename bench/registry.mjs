// The real registry of the benchmark: Debian's docker-registry (distribution 2.8.2) on 127.0.0.1 with TLS and no
// auth, like test/helpers/docker-registry.ts (whose certificate it reuses), but built for volume: the test helper
// keeps the whole log in one string and rescans it on every chunk, which at thousands of pushes pins the benchmark's
// own CPU and, once the pipe fills, stalls the registry on its log writes — the gate would then be measured against
// a registry that waits for the benchmark. Here the access log is parsed line by line into counters and dropped.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout, clearTimeout } from 'node:timers';

export const DOCKER_REGISTRY_BIN = '/usr/bin/docker-registry';

const KINDS = ['ping', 'manifestHead', 'manifestGet', 'blob', 'tags', 'other'];

function kindOf(method, path) {
  if (path === '/v2/' || path === '/v2') return 'ping';
  if (path.includes('/manifests/'))
    return method === 'HEAD' ? 'manifestHead' : method === 'GET' ? 'manifestGet' : 'other';
  if (path.includes('/blobs/') && (method === 'GET' || method === 'HEAD')) return 'blob';
  if (path.includes('/tags/list')) return 'tags';
  return 'other';
}

/**
 * Starts the registry. `counts(agent)` returns the requests seen so far from user agents containing `agent`
 * (`skopeo`, `node`), by kind; take a snapshot before a run and subtract.
 */
export async function startRegistry({ cert, key }) {
  if (!existsSync(DOCKER_REGISTRY_BIN)) {
    throw new Error(`${DOCKER_REGISTRY_BIN} is missing: install it with \`sudo apt-get install -y docker-registry\``);
  }
  const dir = await mkdtemp(join(os.tmpdir(), 'aks-pull-gate-bench-registry-'));
  await writeFile(join(dir, 'cert.pem'), cert);
  await writeFile(join(dir, 'key.pem'), key);
  const config = join(dir, 'config.yml');
  // level info: the "listening on" line that gives the port is an info line; the access log gives the counts.
  await writeFile(
    config,
    `version: 0.1\nlog:\n  level: info\n  formatter: text\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n` +
      `http:\n  addr: 127.0.0.1:0\n  secret: ${randomBytes(16).toString('hex')}\n` +
      `  tls:\n    certificate: ${join(dir, 'cert.pem')}\n    key: ${join(dir, 'key.pem')}\n`,
  );
  const child = spawn(DOCKER_REGISTRY_BIN, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  const counts = new Map();
  let head = '';
  let pending = '';
  const onData = (chunk) => {
    if (head.length < 64 * 1024) head += chunk.toString('utf8');
    const text = pending + chunk.toString('utf8');
    const lines = text.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /"(HEAD|GET|PUT|POST|PATCH|DELETE) (\S+) HTTP\/[\d.]+" \d+ \d+ "[^"]*" "([^"]*)"/.exec(line);
      if (!m) continue;
      const ua = m[3].toLowerCase();
      const agent = ua.includes('skopeo')
        ? 'skopeo'
        : ua.startsWith('node') || ua.includes('undici')
          ? 'node'
          : 'other';
      const key = `${agent}|${kindOf(m[1], m[2])}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`docker-registry did not start in 15 s:\n${head}`)), 15_000);
    const probe = (chunk) => {
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(head + chunk.toString('utf8'));
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', probe);
        child.stderr.off('data', probe);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', probe);
    child.stderr.on('data', probe);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`docker-registry exited with ${code}:\n${head}`));
    });
  }).catch(async (err) => {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  });

  return {
    host: `127.0.0.1:${port}`,
    base: new URL(`https://127.0.0.1:${port}/`),
    ca: cert,
    counts: (agent) => Object.fromEntries(KINDS.map((k) => [k, counts.get(`${agent}|${k}`) ?? 0])),
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * CPU (user + system) a running process has spent so far, in ms, from `/proc/<pid>/stat` (fields 14 and 15, in clock
 * ticks: 10 ms each at Linux's USER_HZ of 100). Take a reading before a run and subtract; undefined off Linux.
 */
export function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

const USER_HZ = 100;

/** `after - before` per kind. */
export function countsSince(before, after) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
}
