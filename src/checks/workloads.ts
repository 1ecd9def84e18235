// Pure: the findings of the gate's checks on the cluster's running workloads (written as manifests, one document per
// workload), regrouped the audit's way: one finding per rule, image and cause listing every workload that runs it
// (`Deployment prod/orders-api`, container `api`), instead of a line of a file. A running image whose tag is gone
// says what that means: the pods run from the node cache, and the next node that pulls it fails.

import type { Finding, ImageUse, SourceLocation } from '../types/index.js';
import { IMAGE_NOT_FOUND } from './images.js';

export interface WorkloadAtLine {
  /** `Deployment prod/orders-api`. */
  workload: string;
  namespace: string;
  runningPods: number;
}

const SHOWN = 10;

/** Where a finding applies in the cluster: the workload (and container), as JSON's `locations[]` carry it. */
export function workloadLocation(w: WorkloadAtLine, container?: string): SourceLocation {
  // `Deployment prod/orders-api` -> kubernetes:prod/Deployment/orders-api
  const [kind, ref = ''] = w.workload.split(' ');
  const name = ref.slice(ref.indexOf('/') + 1);
  return {
    file: `kubernetes:${w.namespace}/${kind}/${name}`,
    line: 1,
    column: 1,
    workload: w.workload,
    namespace: w.namespace,
    ...(container ? { container } : {}),
  };
}

export function groupWorkloadFindings(
  findings: Finding[],
  uses: ImageUse[],
  byLine: Map<number, WorkloadAtLine>,
): Finding[] {
  const groups = new Map<
    string,
    { f: Finding; where: { label: string; ns: string; pods: number; at: SourceLocation }[] }
  >();
  const order: string[] = [];
  for (const f of findings) {
    // A finding the report already grouped carries every place in `locations` (the first is `location`).
    const places = f.locations?.length ? f.locations : f.location ? [f.location] : [];
    const { location: _drop, locations: _dropAll, ...rest } = f;
    void _drop;
    void _dropAll;
    const k = `${f.rule}\u0000${f.image ?? ''}\u0000${f.registry ?? ''}\u0000${f.message}`;
    let g = groups.get(k);
    if (!g) {
      g = { f: rest, where: [] };
      groups.set(k, g);
      order.push(k);
    }
    for (const place of places) {
      const line = place.line;
      const w = byLine.get(line);
      if (!w) continue;
      const use = uses.find(
        (u) => u.location.line === line && (!f.image || u.ref?.normalized === f.image || u.image === f.image),
      );
      const label = `${w.workload}${use ? ` (container ${use.container})` : ''}`;
      if (!g.where.some((x) => x.label === label))
        g.where.push({ label, ns: w.namespace, pods: w.runningPods, at: workloadLocation(w, use?.container) });
    }
  }
  return order.map((k) => {
    const { f, where } = groups.get(k)!;
    if (where.length === 0) return f;
    const names = where.map((x) => x.label);
    const pods = where.reduce((n, x) => n + x.pods, 0);
    const list = names.slice(0, SHOWN).join(', ') + (names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '');
    let message = `${f.message} Running in ${where.length} workload(s): ${list}.`;
    if (f.rule === IMAGE_NOT_FOUND && pods > 0)
      message += ` Running on ${pods} pod(s) from the node cache; the next node that pulls it fails.`;
    return {
      ...f,
      message,
      location: where[0].at,
      locations: where.map((x) => x.at),
      evidence: {
        ...(f.evidence ?? {}),
        workloads: names,
        namespaces: [...new Set(where.map((x) => x.ns))].sort(),
        runningPods: pods,
      },
    };
  });
}
