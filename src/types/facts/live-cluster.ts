// What the running cluster holds, as `diagnose` and the workload audit read it (facts/kubernetes/live.ts builds
// these from the API's JSON bodies; no raw API body crosses into checks/).

export type LiveRead<T> =
  { state: 'found'; value: T } | { state: 'absent' } | { state: 'unverifiable'; reason: string; permission?: string };

export interface LiveContainer {
  name: string;
  image: string;
  init: boolean;
}

export interface LiveContainerStatus {
  name: string;
  image: string;
  /** `registry/repo@sha256:…` the node runs, when the container started. */
  imageID?: string;
  ready: boolean;
  restartCount: number;
  state: 'waiting' | 'running' | 'terminated' | 'unknown';
  reason?: string;
  message?: string;
  lastTerminationReason?: string;
}

export interface LivePod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** The controlling owner (ReplicaSet, Job, StatefulSet, DaemonSet, ...), when there is one. */
  owner?: { kind: string; name: string };
  nodeName?: string;
  serviceAccount: string;
  imagePullSecrets: string[];
  containers: LiveContainer[];
  phase: string;
  statuses: LiveContainerStatus[];
}

export interface LiveEvent {
  type: string;
  reason: string;
  message: string;
  count: number;
  last?: string;
}

export interface LiveNode {
  name: string;
  labels: Record<string, string>;
}

export type LiveWorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'CronJob';

export interface LiveWorkload {
  kind: LiveWorkloadKind | 'Pod';
  namespace: string;
  name: string;
  owner?: { kind: string; name: string };
  serviceAccount: string;
  imagePullSecrets: string[];
  containers: LiveContainer[];
  nodeSelector: Record<string, string>;
  replicas?: number;
}
