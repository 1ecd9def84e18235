// The shape of `aks-pull-gate diagnose`'s answer, shared by the pure composer (checks/diagnose.ts) and the renderers.

export type PullFailureClass =
  | 'authorization'
  | 'pull-secret'
  | 'image'
  | 'network'
  | 'firewall'
  | 'platform'
  | 'tls'
  | 'rate-limit'
  | 'unclassified';

export interface PodDiagnosis {
  /** `namespace/name`. */
  pod: string;
  node?: string;
  pool?: string;
  platform?: string;
  /** True when a container waits in ErrImagePull / ImagePullBackOff. */
  failing: boolean;
  /** Why the pod is not failing to pull (Running; CrashLoopBackOff: the image pulled). */
  notFailing?: string;
  container?: string;
  image?: string;
  /** The kubelet's message (the newest Failed event, else the container's waiting message) and its class. */
  event?: { reason: string; message: string; class: PullFailureClass };
  cause?: {
    class: PullFailureClass;
    /** Rule id when a check names it; absent when the event alone does (rate limit, TLS). */
    rule?: string;
    summary: string;
    evidence: string[];
    fix?: string;
  };
  /** What the checks looked at and found fine, each with why. */
  ruledOut: string[];
  disagreement?: string;
  confirm: string[];
  /** Pods of the same workload on other nodes that still run another image from the node cache. */
  olderImagePods: { pod: string; node?: string; image: string; imageID?: string }[];
  /** What was read or checked, for `cause: none`. */
  checked: string[];
}

export interface DiagnoseResult {
  pods: PodDiagnosis[];
  /** What the kubeconfig may not read (SelfSubjectAccessReview), when something was refused. */
  cannotRead: string[];
  exitCode: 0 | 1;
}
