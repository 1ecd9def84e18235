// workloads-unreadable (issue 17): the audit names the reads of running workloads the Kubernetes API refused, and the
// ClusterRole to bind, instead of reusing pull-secret-unverifiable. The world's RBAC objects make the emulated API
// server answer 403 `Forbidden` in its own words (src/simulate/README.md), as a real API server does for a list the
// caller's roles do not grant (https://kubernetes.io/docs/reference/access-authn-authz/rbac/).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runGate } from '../../src/gate.js';
import { ruleById } from '../../src/rules/catalogue.js';
import { testConfig } from '../helpers/config.js';

const dir = mkdtempSync(join(tmpdir(), 'workloads-unreadable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deps = {
  logger: { debug: () => undefined, info: () => undefined, warning: () => undefined },
  maskSecret: () => undefined,
  env: {},
};
type Obj = Record<string, unknown>;
type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

/** The least-privilege ClusterRole as the README prints it. */
function readmeClusterRole(): Obj {
  const readme = readFileSync('README.md', 'utf8');
  const block = /```yaml\n(apiVersion: rbac\.authorization\.k8s\.io\/v1\nkind: ClusterRole\n[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ClusterRole block');
  return parseYaml(block[1]) as Obj;
}

/** The day-before incident world, its API server authorizing reads by `role`, bound to every authenticated caller. */
function worldWithRole(role: Obj): string {
  const w = parseYaml(readFileSync('examples/incident/world-day-before.yaml', 'utf8')) as Obj;
  const name = (role.metadata as { name: string }).name;
  w.kubernetes = [
    ...(w.kubernetes as Obj[]),
    role,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:authenticated' }],
    },
  ];
  const file = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(w));
  return file;
}

const audit = (file: string) => runGate(testConfig({ mode: 'audit', simulate: file }), deps);

describe('workloads-unreadable', () => {
  it('fires when the API server refuses list of deployments (403), naming the read and the README ClusterRole', async () => {
    const role = readmeClusterRole();
    const rules = (role.rules as Rule[]).map((r) =>
      r.apiGroups.includes('apps') ? { ...r, resources: r.resources.filter((x) => x !== 'deployments') } : r,
    );
    const { report } = await audit(worldWithRole({ ...role, metadata: { name: 'no-deployments' }, rules }));
    const f = report.findings.filter((x) => x.rule === 'workloads-unreadable');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toMatch(/denied list deployments.*\(403\)/);
    expect(f[0].remediation).toContain('ClusterRole aks-pull-gate-reader');
    // Not disguised as a pull-secret problem any more.
    expect(report.findings.some((x) => x.rule === 'pull-secret-unverifiable')).toBe(false);
    expect(ruleById('workloads-unreadable')).toMatchObject({ defaultSeverity: 'warning', unverifiable: true });
    // The pods are still read: the Deployment's running image is checked through them.
    const missing = report.findings.find((x) => x.rule === 'kubelet-pull-permission-missing');
    expect(missing?.message).toContain('prod/orders-api');
  });

  it('stays quiet on a cluster whose RBAC grants exactly the README ClusterRole', async () => {
    const { report } = await audit(worldWithRole(readmeClusterRole()));
    expect(report.findings.filter((x) => x.rule === 'workloads-unreadable')).toEqual([]);
    expect(report.findings.find((x) => x.rule === 'kubelet-pull-permission-missing')?.message).toContain(
      'Deployment prod/orders-api (container api)',
    );
  });
});
