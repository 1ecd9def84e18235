// Orchestration: inventory -> facts -> checks -> report. The one place that knows the order of things; every module it
// calls is injected with what it needs (logger, secret masker, fetch, Azure context), so the action, the CLI and the
// tests run the same code.

import type { Config } from './config.js';
import type { Finding, Inventory, Logger, Report, SecretMasker } from './types.js';
import { buildInventory } from './manifests/inventory.js';
import { buildReport, type ImageFacts } from './verdict.js';

export interface GateDeps {
  logger: Logger;
  maskSecret: SecretMasker;
  readStdin?: () => Promise<Buffer>;
  /** GitHub OIDC token for direct Azure sign-in (core.getIDToken in the action). */
  getIdToken?: (audience: string) => Promise<string>;
  env?: NodeJS.ProcessEnv;
  /** Called when a phase starts, for grouping output (core.group in the action, a progress line in the CLI). */
  phase?: (name: string) => void;
}

export interface GateResult {
  report: Report;
  exitCode: 0 | 1;
  inventory: Inventory;
}

export async function runGate(config: Config, deps: GateDeps): Promise<GateResult> {
  deps.phase?.('Reading manifests');
  const inventory = await buildInventory({
    manifests: config.manifests,
    cwd: config.cwd,
    namespace: config.namespace,
    maxFileBytes: config.maxFileBytes,
    ...(deps.readStdin ? { readStdin: deps.readStdin } : {}),
  });
  deps.logger.info(
    `${inventory.files.length} file(s), ${inventory.uses.length} image reference(s), ${new Set(inventory.uses.map((u) => u.ref?.normalized ?? u.image)).size} unique`,
  );
  const findings: Finding[] = [...inventory.findings];
  const images: ImageFacts = { checked: new Map() };
  const { report, exitCode } = buildReport({
    mode: config.mode,
    ...(config.cluster ? { cluster: config.cluster } : {}),
    uses: inventory.uses,
    findings,
    images,
    failOn: config.failOn,
  });
  return { report, exitCode, inventory };
}
