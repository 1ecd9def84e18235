// workloads-unreadable: the audit could not read every running workload (the Kubernetes API refused or did not answer
// a list of a workload kind, of pods or of nodes). One finding per audit naming each refused read, and the fix: the
// least-privilege ClusterRole the README names. The only place the rule is emitted.

import type { Finding, RuleId } from '../types/index.js';

export const WORKLOADS_UNREADABLE: RuleId = 'workloads-unreadable';

/** The README's least-privilege ClusterRole for the audit (and diagnose). */
export const AUDIT_CLUSTER_ROLE = 'aks-pull-gate-reader';

/** One warning listing every read that failed (reasons as facts/kubernetes/workloads.ts words them), or none. */
export function workloadsUnreadable(reasons: string[]): Finding[] {
  const reads = [...new Set(reasons)];
  if (reads.length === 0) return [];
  return [
    {
      rule: WORKLOADS_UNREADABLE,
      severity: 'warning',
      message: `The audit could not read every running workload: ${reads.join('; ')}. The images of what it could not read are not checked.`,
      remediation: `Bind the gate's identity to the ClusterRole ${AUDIT_CLUSTER_ROLE} from the README (get and list on pods, nodes, events, serviceaccounts, namespaces, secrets; deployments, replicasets, statefulsets, daemonsets; jobs, cronjobs), e.g. kubectl create clusterrolebinding ${AUDIT_CLUSTER_ROLE} --clusterrole ${AUDIT_CLUSTER_ROLE} --user <the gate's object id>`,
      evidence: { reads },
    },
  ];
}
