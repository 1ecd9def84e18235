// The run's debug trace (issue 19 point 9: "slow or hangs"), on with `--debug` / AKS_PULL_GATE_DEBUG=1 in the CLI and
// RUNNER_DEBUG=1 in the action (core.isDebug). Each phase's start and end with its time and the deadline left, and one
// line per HTTP request: method, host, path, status and time. Requests are observed through Node's diagnostics channels
// (node:http for the Azure SDKs, undici for fetch and the Kubernetes API reader: the registry client, Graph, the GitHub
// client, facts/kubernetes/api.ts), so no client needs to know about it. Never a secret: no query string (a token
// request's `scope`/`service` or a SAS would sit there), no header, no body. Retries and their waits are the registry
// client's own debug lines (facts/registry/http.ts), which this trace interleaves with.

import dc from 'node:diagnostics_channel';
import type { Logger } from '../types/index.js';

export interface DebugTrace {
  /** Wraps the run's phase callback: ends the previous phase and starts `name`, both with timings. */
  phase(inner?: (name: string) => void): (name: string) => void;
  /** Ends the last phase and stops observing requests; prints the run's totals. */
  end(): void;
}

/** A request line's target: host and path only; the query string is dropped (never logged), shown as `?…`. */
export function safeTarget(host: string, path: string): string {
  const q = path.indexOf('?');
  const bare = q < 0 ? path : `${path.slice(0, q)}?…`;
  // A userinfo part (`user:pass@host`) never reaches a line either.
  return `${host.replace(/^[^@/]*@/, '')}${bare.replace(/#.*$/, '')}`;
}

const ms = (n: number): string => `${Math.round(n)} ms`;

interface Pending {
  start: number;
  line: string;
}

/** Starts the trace, or a no-op when debug is off (nothing subscribed, nothing measured). */
export function startDebugTrace(
  logger: Logger,
  opts: { enabled: boolean; timeoutMs: number; now?: () => number },
): DebugTrace {
  if (!opts.enabled) return { phase: (inner) => (name) => inner?.(name), end: () => undefined };
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const left = (): string => `deadline left ${((opts.timeoutMs - (now() - t0)) / 1000).toFixed(1)} s`;
  let current: { name: string; start: number } | undefined;
  let requests = 0;
  // Deleted on the answer or the error; what is left at the end is what never answered (a hang).
  const pending = new Map<object, Pending>();

  const begin = (req: object, method: string, host: string, path: string): void => {
    pending.set(req, { start: now(), line: `${method} ${safeTarget(host, path)}` });
  };
  const finish = (req: object, outcome: string): void => {
    const p = pending.get(req);
    if (!p) return;
    pending.delete(req);
    requests++;
    logger.debug(`http: ${p.line} -> ${outcome} in ${ms(now() - p.start)}`);
  };

  type HttpMsg = {
    request: { method?: string; host?: string; path?: string; getHeader?: (n: string) => unknown };
    response?: { statusCode?: number };
  };
  type ErrMsg = { request: object; error?: unknown };
  type UndiciMsg = { request: { method?: string; origin?: string; path?: string }; response?: { statusCode?: number } };
  const errText = (e: unknown): string =>
    e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : 'error';
  const hostOf = (origin: string): string => origin.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');

  const handlers: [string, (m: unknown) => void][] = [
    [
      'http.client.request.start',
      (m) => {
        const { request: r } = m as HttpMsg;
        // The Host header carries the port (ClientRequest.host does not).
        const host = r.getHeader?.('host');
        begin(r, r.method ?? 'GET', typeof host === 'string' ? host : (r.host ?? ''), r.path ?? '/');
      },
    ],
    ['http.client.response.finish', (m) => finish((m as HttpMsg).request, String((m as HttpMsg).response?.statusCode))],
    ['http.client.request.error', (m) => finish((m as ErrMsg).request, errText((m as ErrMsg).error))],
    [
      'undici:request:create',
      (m) => {
        const { request: r } = m as UndiciMsg;
        begin(r, r.method ?? 'GET', hostOf(r.origin ?? ''), r.path ?? '/');
      },
    ],
    ['undici:request:headers', (m) => finish((m as UndiciMsg).request, String((m as UndiciMsg).response?.statusCode))],
    ['undici:request:error', (m) => finish((m as ErrMsg).request, errText((m as ErrMsg).error))],
  ];
  for (const [name, fn] of handlers) dc.subscribe(name, fn);

  const close = (): void => {
    if (!current) return;
    logger.debug(`phase end: ${current.name} (${ms(now() - current.start)}; ${left()})`);
    current = undefined;
  };
  logger.debug(`run start (timeout ${ms(opts.timeoutMs)})`);
  return {
    phase: (inner) => (name) => {
      close();
      current = { name, start: now() };
      logger.debug(`phase start: ${name} (${left()})`);
      inner?.(name);
    },
    end: () => {
      close();
      for (const [name, fn] of handlers) dc.unsubscribe(name, fn);
      for (const p of pending.values()) logger.debug(`http: ${p.line} -> no answer after ${ms(now() - p.start)}`);
      logger.debug(`run end: ${ms(now() - t0)}, ${requests} HTTP request(s); ${left()}`);
    },
  };
}
