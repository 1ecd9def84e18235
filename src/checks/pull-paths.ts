// "Any working path pulls": the kubelet tries every matching pull-secret credential and its own identity (the ACR
// credential provider) in turn. Identity and pull-secret checks emit errors as if their path were the only one; this
// pure step downgrades them to warnings for an image that another path can pull, and, where no path works, makes the
// error list every path tried and why each fails.

import type { PullPathResult } from '../types/facts/context.js';
import type { Finding, ImageUse } from '../types/index.js';
import { ruleById } from '../rules/catalogue.js';
import type { CredentialFacts } from '../types/facts/credentials.js';
import { effectivePullSecrets } from './pull-secrets.js';

/**
 * `pathsOfUse` names the paths open to one pod: `kubelet` and `pull-secret:<ns>/<name>` for each of its pull secrets.
 * A path works for a finding only if it is one of the pod's own: another pod's secret pulling the same image does not
 * help this pod.
 */
export function combinePullPaths(
  findings: Finding[],
  paths: PullPathResult[],
  uses: ImageUse[],
  pathsOfUse: (use: ImageUse) => string[],
): Finding[] {
  const byImage = new Map<string, PullPathResult[]>();
  for (const p of paths) {
    const list = byImage.get(p.image) ?? [];
    if (!list.some((q) => q.path === p.path && q.state === p.state)) list.push(p);
    byImage.set(p.image, list);
  }
  const usesAt = new Map<string, ImageUse[]>();
  for (const u of uses) {
    const key = locKey(u.location);
    usesAt.set(key, [...(usesAt.get(key) ?? []), u]);
  }
  return findings.map((f) => {
    if (f.severity !== 'error' || !ruleById(f.rule)?.pullPath || !f.image) return f;
    // A secret that breaks the kubelet's keyring for the whole pod is not rescued by another path.
    if (f.evidence?.blocksAllPaths === true) return f;
    const image = f.image;
    const own = f.location ? usesAt.get(locKey(f.location))?.filter((u) => u.ref?.normalized === image) : undefined;
    // With the pod known, only its own paths count; a finding not tied to one pod line keeps the image-wide view.
    const allowed = own?.length ? new Set(own.flatMap(pathsOfUse)) : undefined;
    const tried = (byImage.get(image) ?? []).filter((p) => !allowed || allowed.has(p.path));
    if (!tried.length) return f;
    const working = tried.filter((p) => p.state === 'works');
    if (working.length > 0) {
      return {
        ...f,
        severity: 'warning',
        message: `${f.message} (not blocking now: ${working.map((p) => p.path).join(', ')} can pull this image; this will bite when that path goes)`,
      };
    }
    // An identity binding the gate cannot confirm may be what the pod pulls with: unverified, never an error.
    const bindings = tried.filter((p) => p.path.startsWith('identity-binding:') && p.state === 'unknown');
    if (bindings.length > 0) {
      return {
        ...f,
        severity: 'warning',
        message: `${f.message} (unverified, not blocking: the pod's ServiceAccount names its own identity for image pull; ${bindings.map((p) => `${p.path}: ${p.reason ?? 'unknown'}`).join('; ')})`,
      };
    }
    if (tried.length < 2) return f;
    const list = tried.map(
      (p) =>
        `${p.path}: ${p.state === 'broken' ? (p.reason ?? 'refused') : `unknown${p.reason ? ` (${p.reason})` : ''}`}`,
    );
    return { ...f, message: `${f.message}. No path pulls this image; paths tried: ${list.join('; ')}` };
  });
}

function locKey(l: { file: string; line: number; column: number }): string {
  return `${l.file}\u0000${l.line}\u0000${l.column}`;
}

/**
 * Every path the kubelet tries for one use: its own identity, anonymous, each of the pod's pull secrets (the manifests'
 * and, once read, the cluster ServiceAccount's), and the identity binding its ServiceAccount names.
 */
export function pathsTriedBy(
  credentials: CredentialFacts | undefined,
  bindings: Record<string, string>,
): (use: ImageUse) => string[] {
  return (use) => [
    'kubelet',
    'anonymous',
    ...(credentials ? effectivePullSecrets(use, credentials) : use.pullSecrets).map(
      (name) => `pull-secret:${use.namespace}/${name}`,
    ),
    ...(bindings[`${use.namespace}/${use.serviceAccount}`]
      ? [`identity-binding:${use.namespace}/${use.serviceAccount}`]
      : []),
  ];
}
