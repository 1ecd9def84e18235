// What a run of the gate is given (injected: logger, secret masker, stdin, OIDC token, environment, stop signal,
// phase callback) and what it returns: the report, the exit code, the inventory and the request counts. Shapes only.

import type { Inventory, Logger, Report, SecretMasker } from './index.js';
import type { PullPathResult } from './facts/context.js';
import type { NetworkFacts } from './facts/network.js';

export interface GateDeps {
  logger: Logger;
  maskSecret: SecretMasker;
  readStdin?: () => Promise<Buffer>;
  /** GitHub OIDC token for direct Azure sign-in (core.getIDToken in the action). */
  getIdToken?: (audience: string) => Promise<string>;
  env?: NodeJS.ProcessEnv;
  /** Ends the run early (SIGINT/SIGTERM): every phase stops as at the deadline, and the emulator is closed. */
  signal?: AbortSignal;
  /** Called when a phase starts, for grouping output (core.group in the action, a progress line in the CLI). */
  phase?: (name: string) => void;
  /** Finer timing marks than phases (the benchmark's per-phase figures): `signing in`, `signed in`, `report`. */
  mark?: (name: string) => void;
  /** The debug trace (lib/debug-log.ts): phase timings and one line per HTTP request, through logger.debug. */
  debug?: boolean;
}

export interface GateResult {
  report: Report;
  exitCode: 0 | 1;
  inventory: Inventory;
  /** Requests made, by kind (registry client and, under --simulate, the emulator's view). */
  requests: Record<string, number>;
  /** Check mode: the network posture and pull paths read (diagnose quotes them in its "ruled out" lines). */
  facts?: { network?: NetworkFacts; paths: PullPathResult[] };
}
