// "Any working path pulls": the kubelet tries every matching pull-secret credential and its own identity (the ACR
// credential provider) in turn. Identity and pull-secret checks emit errors as if their path were the only one; this
// pure step downgrades them to warnings for an image that another path can pull, and, where no path works, makes the
// error list every path tried and why each fails.

import type { PullPathResult } from '../facts.js';
import type { Finding } from '../types.js';

/** Rules whose error means "this one path is broken" (not "the image is unreachable for everyone"). */
export const PATH_RULES = new Set([
  'kubelet-pull-permission-missing',
  'pull-role-on-control-plane-identity',
  'pull-role-not-honored-abac',
  'pull-role-condition-excludes-repository',
  'registry-cross-tenant',
  'cluster-sp-secret-expired',
  'pull-secret-missing',
  'pull-secret-malformed',
  'pull-secret-credential-rejected',
  'sp-secret-expired',
  'acr-token-disabled',
  'acr-token-expired',
  'acr-token-scope-missing-repository',
  'admin-user-disabled',
  'admin-password-rotated',
  'refresh-token-in-pull-secret',
]);

export function combinePullPaths(findings: Finding[], paths: PullPathResult[]): Finding[] {
  const byImage = new Map<string, PullPathResult[]>();
  for (const p of paths) {
    const list = byImage.get(p.image) ?? [];
    if (!list.some((q) => q.path === p.path && q.state === p.state)) list.push(p);
    byImage.set(p.image, list);
  }
  return findings.map((f) => {
    if (f.severity !== 'error' || !PATH_RULES.has(f.rule) || !f.image) return f;
    // A secret that breaks the kubelet's keyring for the whole pod is not rescued by another path.
    if (f.evidence?.blocksAllPaths === true) return f;
    const tried = byImage.get(f.image);
    if (!tried?.length) return f;
    const working = tried.filter((p) => p.state === 'works');
    if (working.length > 0) {
      return {
        ...f,
        severity: 'warning',
        message: `${f.message} (not blocking now: ${working.map((p) => p.path).join(', ')} can pull this image; this will bite when that path goes)`,
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
