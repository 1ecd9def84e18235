// The audit's workload pass (issue 17 §1): the pod templates the cluster runs, through the kubeconfig, checked by the
// gate's own check pipeline as if they were manifests, with the platforms of the nodes the pods run on; findings
// regrouped to name workloads (checks/workloads.ts). Called once from the audit in gate.ts.

import type { Config } from './settings/config.js';
import type { Finding, Inventory } from './types/index.js';
import type { FactContext } from './types/facts/context.js';
import { buildInventory, FILE_NOTICES } from './inventory/inventory.js';
import { liveClusterReader } from './facts/kubernetes/live.js';
import { readRunningWorkloads, workloadManifests, workloadName } from './facts/kubernetes/workloads.js';
import { groupWorkloadFindings, type WorkloadAtLine } from './checks/workloads.js';
import { workloadsUnreadable } from './checks/workloads-unreadable.js';

export interface WorkloadAudit {
  findings: Finding[];
  workloads: number;
  images: number;
  kubernetesRequests: number;
  requests: Record<string, number>;
}

export type CheckInventory = (
  config: Config,
  inventory: Inventory,
) => Promise<{ findings: Finding[]; requests: Record<string, number> }>;

export async function auditWorkloads(
  config: Config,
  ctx: FactContext,
  check: CheckInventory,
): Promise<WorkloadAudit | undefined> {
  if (config.workloads === false || !ctx.kubeconfigPath) return undefined;
  const env = process.env;
  const kube = liveClusterReader(ctx.kubeconfigPath, ctx.proxyEnv, {
    // A person can answer a login prompt only outside CI and on a terminal (as for the pull-secret reads).
    interactive: env.CI !== 'true' && env.GITHUB_ACTIONS !== 'true' && !!process.stdin.isTTY,
    signal: ctx.signal,
    env,
  });
  const running = await readRunningWorkloads(kube, config.auditNamespaces ?? []);
  // A cluster that runs nothing (or nothing the gate may read) has no images to check.
  if (running.workloads.length === 0) {
    return {
      findings: workloadsUnreadable(running.unreadable),
      workloads: 0,
      images: 0,
      kubernetesRequests: kube.requests(),
      requests: {},
    };
  }
  const { text, byLine } = workloadManifests(running.workloads);
  const file = 'cluster-workloads';
  const inventory = await buildInventory({
    manifests: ['-'],
    cwd: config.cwd,
    namespace: config.namespace,
    maxFileBytes: Math.max(config.maxFileBytes, Buffer.byteLength(text) + 1),
    readStdin: () => Promise.resolve(Buffer.from(text)),
  });
  const lines = new Map<number, WorkloadAtLine>(
    [...byLine].map(([line, w]) => [
      line,
      { workload: workloadName(w), namespace: w.namespace, runningPods: w.runningPods },
    ]),
  );
  const platforms = running.platforms.length ? running.platforms : config.platforms;
  const result = await check(
    { ...config, mode: 'check', platforms, platformsExplicit: running.platforms.length > 0 },
    inventory,
  );
  // Static notices about the synthesized stream itself (e.g. mutable tags) keep their rule; none names a file.
  const findings = groupWorkloadFindings(
    result.findings.filter((f) => !FILE_NOTICES.includes(f.rule)),
    inventory.uses,
    lines,
  );
  findings.push(...workloadsUnreadable(running.unreadable));
  void file;
  return {
    findings,
    workloads: running.workloads.length,
    images: new Set(inventory.uses.map((u) => u.ref?.normalized ?? u.image)).size,
    kubernetesRequests: kube.requests(),
    requests: result.requests,
  };
}
