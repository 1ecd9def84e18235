// The debug trace (issue 19 point 9, "slow or hangs"): with --debug (CLI) or debug on (the action's RUNNER_DEBUG),
// each phase's start and end with its time and the deadline left, one line per HTTP request (method, host, path,
// status, time; never the query string), and the registry client's retries with their waits, in the order they
// happened. The 429 and its Retry-After are ACR's throttling answer
// (https://learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-performance).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli-main.js';
import { runGate } from '../../src/gate.js';
import { safeTarget, startDebugTrace } from '../../src/lib/debug-log.js';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-debug-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function world(extra: string): string {
  const file = path.join(tmp, `world-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `${readFileSync('examples/world.yaml', 'utf8')}\n${extra}\n`);
  return file;
}

describe('the debug trace', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('shows a throttled manifest GET, the retry with its Retry-After wait, then the answer, in that order', async () => {
    const debug: string[] = [];
    await runGate(
      testConfig({
        manifests: [path.resolve('examples/manifests/orders-api.yaml')],
        cluster: CLUSTER,
        subscription: SUB,
        simulate: world(
          'faults:\n  - {host: prodacr.azurecr.io, kind: manifest-get, path: "orders-api", status: 429, retryAfter: 1, count: 1}',
        ),
        timeoutMs: 30_000,
      }),
      {
        logger: { debug: (m) => debug.push(m), info: () => {}, warning: () => {} },
        maskSecret: () => {},
        env: {},
        debug: true,
      },
    );
    const throttled = debug.findIndex((l) =>
      /^http: GET prodacr\.azurecr\.io\/v2\/orders-api\/manifests\/\S+ -> 429 in \d+ ms$/.test(l),
    );
    const retry = debug.findIndex((l) => /^prodacr\.azurecr\.io: 429 on .+, retry 1 in 1000 ms$/.test(l));
    const answered = debug.findIndex(
      (l, i) => i > retry && /^http: GET prodacr\.azurecr\.io\/v2\/orders-api\/manifests\/\S+ -> (200|404) in/.test(l),
    );
    expect(throttled).toBeGreaterThanOrEqual(0);
    expect(retry).toBeGreaterThan(throttled);
    expect(answered).toBeGreaterThan(retry);
    // The phase that waited says so in its time.
    const phase = debug.find((l) => l.startsWith('phase end: Checking images'));
    expect(Number(/\((\d+) ms;/.exec(phase ?? '')?.[1])).toBeGreaterThanOrEqual(1000);
  });

  it('the CLI prints it on stderr with --debug, and nothing of it without', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const args = [
      'check',
      '--manifests',
      'examples/manifests',
      '--simulate',
      'examples/world.yaml',
      '--cluster',
      CLUSTER,
      '--output',
      path.join(tmp, 'report.txt'),
    ];
    const printed = () => write.mock.calls.map((c) => String(c[0])).join('');
    const quiet = await main(args, { PATH: process.env.PATH });
    expect(printed()).not.toMatch(/debug: (phase|http):/);
    write.mockClear();
    const loud = await main([...args, '--debug'], { PATH: process.env.PATH });
    expect(loud).toBe(quiet); // the trace never changes the result
    expect(printed()).toMatch(/^debug: phase start: Reading manifests \(deadline left \d+\.\d s\)$/m);
    expect(printed()).toMatch(/^debug: http: GET prodacr\.azurecr\.io\/v2\/\S+ -> \d{3} in \d+ ms$/m);
    expect(printed()).toMatch(/^debug: run end: \d+ ms, \d+ HTTP request\(s\); deadline left/m);
  });

  it('never writes a query string, userinfo or fragment, and is a no-op when off', () => {
    expect(safeTarget('prodacr.azurecr.io', '/oauth2/token?scope=repository:a:pull&service=x')).toBe(
      'prodacr.azurecr.io/oauth2/token?…',
    );
    expect(safeTarget('user:pw@host', '/p#frag')).toBe('host/p');
    const lines: string[] = [];
    const trace = startDebugTrace(
      { debug: (m) => lines.push(m), info: () => {}, warning: () => {} },
      { enabled: false, timeoutMs: 1000 },
    );
    const seen: string[] = [];
    trace.phase((n) => seen.push(n))('A');
    trace.end();
    expect(seen).toEqual(['A']); // the run's own phase callback still runs
    expect(lines).toEqual([]);
  });
});
