// Pure: the kubelet's pull-failure text classified as the field guide does, and one pod's diagnosis composed from
// what the cluster says (pod, events, node) and what the gate's checks found for the pod's images.

import type { Finding, Report } from '../types/index.js';
import type { LiveEvent, LivePod } from '../types/facts/live-cluster.js';
import type { PodDiagnosis, PullFailureClass } from '../types/diagnose.js';
import {
  acrImport,
  kubectlDeletePod,
  kubectlDescribePod,
  kubectlRolloutRestart,
  kubectlWatchPods,
} from '../rules/remediation.js';
import { ruleById } from '../rules/catalogue.js';
import { authorizationRuledOut, networkRuledOut, type RuledOutFacts } from './ruled-out.js';

/** Classifies the kubelet's message (containerd's wording as AKS nodes print it). Order matters: see the comments. */
export function classifyPullMessage(message: string): PullFailureClass {
  const m = message.toLowerCase();
  // "no match for platform in manifest: not found" also says "not found": platform first.
  if (m.includes('no match for platform in manifest')) return 'platform';
  if (m.includes('toomanyrequests')) return 'rate-limit';
  if (m.includes('x509')) return 'tls';
  // ACR's firewall answers 403 naming the client IP ("client with IP '…' is not allowed access").
  if (/403 forbidden/.test(m) && /client (with )?ip|\b\d{1,3}(\.\d{1,3}){3}\b/.test(m)) return 'firewall';
  if (
    m.includes('401 unauthorized') ||
    m.includes('failed to authorize') ||
    m.includes('unauthorized: authentication required')
  )
    return 'authorization';
  if (/i\/o timeout|dial tcp|no such host|context deadline exceeded/.test(m)) return 'network';
  if (m.includes('manifest unknown') || m.includes('not found')) return 'image';
  return 'unclassified';
}

/** The failure class a finding of this rule explains (rules/catalogue.ts: pullFailure). */
function classOf(rule: string): PullFailureClass | undefined {
  return ruleById(rule)?.pullFailure;
}

/** Which finding classes an event class is consistent with (a 401 is the kubelet identity or the pull secret). */
const CONSISTENT: Record<PullFailureClass, PullFailureClass[]> = {
  authorization: ['authorization', 'pull-secret'],
  'pull-secret': ['pull-secret', 'authorization'],
  image: ['image'],
  platform: ['platform'],
  firewall: ['firewall', 'network'],
  network: ['network', 'firewall'],
  tls: [],
  'rate-limit': [],
  unclassified: [],
};

const PULL_WAIT = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);

export interface DiagnoseInput {
  pod: LivePod;
  events: LiveEvent[];
  nodeLabels?: Record<string, string>;
  /** The gate's report for the pod's images (check mode, the pod as its manifest); absent when not run. */
  report?: Report;
  /** The network and pull-path facts that run read: what the "ruled out" lines quote. */
  facts?: RuledOutFacts;
  /** Pods of the same workload (same namespace), for the node-cache note. */
  siblings: LivePod[];
  /** Top owner of the pod, e.g. {kind: 'Deployment', name: 'orders-api'}. */
  workload?: { kind: string; name: string };
  checked: string[];
}

function tagOf(image: string): string {
  const at = image.indexOf('@');
  const noDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) : 'latest';
}

function sameImage(a: string, b: string): boolean {
  const norm = (s: string): string => (/:[^/]+$/.test(s.split('@')[0]) || s.includes('@') ? s : `${s}:latest`);
  return norm(a) === norm(b);
}

function eventFix(cls: PullFailureClass, image: string, pod: LivePod): { summary: string; fix?: string } | undefined {
  if (cls === 'rate-limit')
    return {
      summary: `Docker Hub's pull rate limit (toomanyrequests) refused the node's anonymous or free-tier pull of ${image}`,
      fix: `${acrImport('<your registry>', image.startsWith('docker.io/') ? image : `docker.io/${image}`, image.replace(/^docker\.io\//, ''))}  # then pull it from your registry (or add a Docker Hub pull secret to ${pod.namespace}/${pod.serviceAccount})`,
    };
  if (cls === 'tls')
    return {
      summary: `the node does not trust the registry's TLS certificate (x509) for ${image}: a TLS-inspecting proxy or firewall on the egress path, or a private registry with its own CA`,
      fix: 'exempt the registry hosts from TLS inspection on the egress firewall, or give the nodes the CA (AKS custom CA trust: az aks update --custom-ca-trust-certificates <file>)',
    };
  return undefined;
}

export function diagnosePod(input: DiagnoseInput): PodDiagnosis {
  const { pod } = input;
  const ref = `${pod.namespace}/${pod.name}`;
  const labels = input.nodeLabels ?? {};
  const out: PodDiagnosis = {
    pod: ref,
    ...(pod.nodeName ? { node: pod.nodeName } : {}),
    ...(labels['kubernetes.azure.com/agentpool'] ? { pool: labels['kubernetes.azure.com/agentpool'] } : {}),
    ...(labels['kubernetes.io/os']
      ? { platform: `${labels['kubernetes.io/os']}/${labels['kubernetes.io/arch'] ?? 'amd64'}` }
      : {}),
    failing: false,
    ruledOut: [],
    confirm: [],
    olderImagePods: [],
    checked: [...input.checked],
  };
  const waiting = pod.statuses.find((s) => s.state === 'waiting' && s.reason && PULL_WAIT.has(s.reason));
  if (!waiting) {
    const crash = pod.statuses.find((s) => s.reason === 'CrashLoopBackOff' || s.lastTerminationReason === 'Error');
    if (crash)
      out.notFailing = `not failing to pull: container ${crash.name} is in ${crash.reason ?? 'a restart loop'}; the image pulled, so look at its logs: kubectl logs ${pod.name} -n ${pod.namespace} -c ${crash.name} --previous`;
    else {
      const other = pod.statuses.find((s) => s.state === 'waiting' && s.reason);
      out.notFailing = other
        ? `not failing to pull: container ${other.name} waits in ${other.reason}, which is not a pull failure (${kubectlDescribePod(pod.namespace, pod.name)})`
        : `not failing to pull: the pod is ${pod.phase}${pod.statuses.every((s) => s.state === 'running') && pod.statuses.length ? ', every container running' : ''}`;
    }
    return out;
  }
  out.failing = true;
  out.container = waiting.name;
  const image = pod.containers.find((c) => c.name === waiting.name)?.image ?? waiting.image;
  out.image = image;
  // The kubelet's reason: the newest `Failed` event that quotes the pull error (not the bare "Error: ErrImagePull").
  const failed = input.events
    .filter((e) => e.reason === 'Failed' && !/^Error: /.test(e.message))
    .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? ''))[0];
  const message = failed?.message ?? waiting.message ?? '';
  const missingSecret = input.events.find((e) => /Unable to retrieve some image pull secrets/.test(e.message));
  const cls = message ? classifyPullMessage(message) : 'unclassified';
  out.event = { reason: failed?.reason ?? waiting.reason ?? '', message, class: cls };

  const findings: Finding[] = (input.report?.findings ?? []).filter(
    (f) => f.severity === 'error' && (!f.image || sameImage(f.image, image) || f.image === image),
  );
  const classed = findings.flatMap((f) => {
    const c = classOf(f.rule);
    return c ? [{ f, c }] : [];
  });
  // A pod that names pull secrets pulls with them: their failure comes before the kubelet identity's (which the node
  // tries too, and which is then no surprise).
  const rank = (c: PullFailureClass): number => (pod.imagePullSecrets.length > 0 && c === 'pull-secret' ? 0 : 1);
  const consistent = classed.filter((x) => CONSISTENT[cls].includes(x.c)).sort((a, b) => rank(a.c) - rank(b.c));
  const pick = consistent[0] ?? classed[0];
  if (pick) {
    out.cause = {
      class: pick.c,
      rule: pick.f.rule,
      summary: pick.f.message,
      evidence: [
        ...(message ? [`kubelet (${out.event.reason}): ${message}`] : []),
        ...Object.entries(pick.f.evidence ?? {}).map(
          ([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
        ),
      ],
      ...(pick.f.remediation ? { fix: pick.f.remediation } : {}),
    };
    if (!consistent.length && cls !== 'unclassified')
      out.disagreement = `the event reads as ${cls} but the checks find ${pick.c} (${pick.f.rule}); the checks read the registry and Azure as they are now`;
  } else {
    const fromEvent = eventFix(cls, image, pod);
    if (fromEvent) {
      out.cause = {
        class: cls,
        summary: fromEvent.summary,
        evidence: [`kubelet: ${message}`],
        ...(fromEvent.fix ? { fix: fromEvent.fix } : {}),
      };
    } else if (cls === 'authorization') {
      out.disagreement = `the event says the registry refused the credentials (401), but the checks find that the kubelet identity may pull and the pull secrets work: a role assignment can take several minutes to propagate, or the pull secret was rotated since the last attempt; confirm with a restart`;
    } else if (cls !== 'unclassified') {
      out.disagreement = `the event reads as ${cls}, but no check reproduces it now (it may have been transient)`;
    }
  }
  if (missingSecret && out.cause?.class !== 'pull-secret') out.checked.push(`kubelet: ${missingSecret.message}`);

  // Ruled out: what the checks verified for this image.
  const img = input.report?.images.find((i) => sameImage(i.reference, image));
  const concerns = new Set(findings.map((f) => classOf(f.rule)));
  if (img && img.status === 'ok' && !concerns.has('image') && !concerns.has('platform')) {
    out.ruledOut.push(
      `image: the tag exists: ${tagOf(image)} → ${img.digest ?? '(digest not read)'}${img.platforms?.length ? `, platforms ${img.platforms.join(', ')}` : ''}${out.platform ? ` (the pool runs ${out.platform})` : ''}`,
    );
  }
  // Only what the run read says so, in its own words (the assignment that grants, the registry's network posture).
  if (input.report?.cluster) {
    const facts = input.facts ?? {};
    const reference = img?.reference ?? image;
    const auth = concerns.has('authorization') ? undefined : authorizationRuledOut(facts, reference);
    if (auth) out.ruledOut.push(auth);
    const registry = img?.registry ?? reference.split('/')[0];
    const net = concerns.has('firewall') || concerns.has('network') ? undefined : networkRuledOut(facts, registry);
    if (net) out.ruledOut.push(net);
  }
  if (!concerns.has('pull-secret')) {
    out.ruledOut.push(
      pod.imagePullSecrets.length
        ? `pull secrets: ${pod.imagePullSecrets.join(', ')} exist and hold a working credential for the registry`
        : `pull secrets: none on the pod or on ServiceAccount ${pod.namespace}/${pod.serviceAccount} that a check found broken`,
    );
  }

  const w = input.workload;
  if (w && w.kind !== 'Pod') {
    const res = w.kind.toLowerCase();
    out.confirm.push(kubectlRolloutRestart(pod.namespace, `${res}/${w.name}`));
  } else out.confirm.push(`${kubectlDeletePod(pod.namespace, pod.name)}  # a bare pod: re-create it from its manifest`);
  out.confirm.push(kubectlWatchPods(pod.namespace));

  for (const s of input.siblings) {
    if (s.name === pod.name) continue;
    const st = s.statuses.find((c) => c.name === waiting.name && c.state === 'running');
    if (st && !sameImage(st.image, image))
      out.olderImagePods.push({
        pod: `${s.namespace}/${s.name}`,
        ...(s.nodeName ? { node: s.nodeName } : {}),
        image: st.image,
        ...(st.imageID ? { imageID: st.imageID } : {}),
      });
  }
  return out;
}
