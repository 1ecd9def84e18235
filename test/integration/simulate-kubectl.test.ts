// The emulator's Kubernetes API as kubectl (a client nobody here wrote) sees it: discovery, get across kinds and
// namespaces with Table output, field and label selectors, `auth can-i` through SelfSubjectAccessReview (kubectl posts
// it as protobuf), `api-resources`. kubectl 1.32 is preinstalled on this kind of machine; without it these tests fail.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, parseWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';

const run = promisify(execFile);

async function kubectl(emu: Emulator, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('kubectl', args, {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: '/nonexistent',
        KUBECONFIG: emu.kubeconfigPath,
        NO_PROXY: '127.0.0.1,localhost',
        HTTPS_PROXY: 'http://127.0.0.1:9',
      },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error('kubectl not found on PATH: these tests need kubectl (1.32 or newer)', { cause: e });
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const POD = 'orders-api-7d9f8c6b4-x2kqp';

describe('kubectl against the emulator (incident world)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator(await loadWorld('examples/incident/world.yaml'));
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('kubectl get pods,deploy,secrets,sa -A lists every kind with its columns, a default ServiceAccount per namespace', async () => {
    const r = await kubectl(emu, ['get', 'pods,deploy,secrets,sa', '-A']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(r.stdout).toMatch(new RegExp(`prod\\s+pod/${POD}\\s+0/1\\s+ImagePullBackOff`));
    expect(r.stdout.match(/pod\/orders-api-5b8c7d9f6-\w+\s+1\/1\s+Running/g)).toHaveLength(3);
    expect(r.stdout).toMatch(/prod\s+deployment\.apps\/orders-api\s+3\/3/);
    for (const ns of ['default', 'kube-system', 'prod']) {
      expect(r.stdout).toMatch(new RegExp(`${ns}\\s+serviceaccount/default`));
    }
  });

  it('kubectl get events --field-selector involvedObject.name=<pod> gives that pod’s events only, with the kubelet text', async () => {
    const r = await kubectl(emu, ['get', 'events', '-n', 'prod', '--field-selector', `involvedObject.name=${POD}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('failed to authorize: failed to fetch anonymous token');
    expect(r.stdout).toContain('401 Unauthorized');
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toContain(`pod/${POD}`);
    const none = await kubectl(emu, ['get', 'events', '-n', 'prod', '--field-selector', 'involvedObject.name=nope']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('No resources found in prod namespace.');
  });

  it('refuses a field selector the API server does not support, in its words', async () => {
    const r = await kubectl(emu, ['get', 'pods', '-A', '--field-selector', 'spec.containers=x']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('field label not supported: spec.containers');
  });

  it('honours label selectors (kubectl -l)', async () => {
    const r = await kubectl(emu, [
      'get',
      'pods',
      '-n',
      'prod',
      '-l',
      'app=orders-api,pod-template-hash=7d9f8c6b4',
      '-o',
      'name',
    ]);
    expect(r.stdout.trim()).toBe(`pod/${POD}`);
    const notin = await kubectl(emu, [
      'get',
      'pods',
      '-n',
      'prod',
      '-l',
      'pod-template-hash notin (7d9f8c6b4)',
      '-o',
      'name',
    ]);
    expect(notin.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('kubectl get -o json returns the objects as the world wrote them (status included)', async () => {
    const r = await kubectl(emu, ['get', 'pod', POD, '-n', 'prod', '-o', 'json']);
    const pod = JSON.parse(r.stdout) as { status: { containerStatuses: { state: { waiting: { reason: string } } }[] } };
    expect(pod.status.containerStatuses[0].state.waiting.reason).toBe('ImagePullBackOff');
    const missing = await kubectl(emu, ['get', 'pod', 'nope', '-n', 'prod']);
    expect(missing.stderr).toContain('pods "nope" not found');
  });

  it('kubectl auth can-i answers yes when the world holds no RBAC objects (allow-all, documented)', async () => {
    const r = await kubectl(emu, ['auth', 'can-i', 'get', 'secrets', '-n', 'prod']);
    expect(r.stdout.trim()).toBe('yes');
    expect(r.code).toBe(0);
  });

  it('kubectl api-resources lists the core, apps, batch, rbac and authorization resources', async () => {
    const r = await kubectl(emu, ['api-resources']);
    expect(r.code).toBe(0);
    for (const line of [
      /^pods\s+po\s+v1\s+true\s+Pod$/m,
      /^events\s+ev\s+v1\s+true\s+Event$/m,
      /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m,
      /^cronjobs\s+cj\s+batch\/v1\s+true\s+CronJob$/m,
      /^nodes\s+no\s+v1\s+false\s+Node$/m,
      /^selfsubjectaccessreviews\s+authorization\.k8s\.io\/v1\s+false\s+SelfSubjectAccessReview$/m,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });
});

describe('kubectl against a world with RBAC objects', () => {
  let emu: Emulator;
  const gateOid = '7a1f0c52-3e4b-4c8d-9f6a-1b2c3d4e5f60';
  beforeAll(async () => {
    const base = readFileSync('examples/incident/world.yaml', 'utf8');
    const rbac = [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'pull-gate-reader' },
        rules: [
          {
            apiGroups: ['', 'apps', 'batch'],
            resources: [
              'pods',
              'nodes',
              'events',
              'serviceaccounts',
              'namespaces',
              'deployments',
              'replicasets',
              'statefulsets',
              'daemonsets',
              'jobs',
              'cronjobs',
            ],
            verbs: ['get', 'list', 'watch'],
          },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'pull-gate-reader' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'pull-gate-reader' },
        subjects: [{ kind: 'User', name: gateOid }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'secrets-reader', namespace: 'prod' },
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'secrets-reader', namespace: 'prod' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'secrets-reader' },
        subjects: [{ kind: 'User', name: gateOid }],
      },
    ];
    const text = base + rbac.map((o) => `  - ${JSON.stringify(o)}\n`).join('');
    const world = parseWorld(text, 'rbac');
    expect(world.gate.objectId).toBe(gateOid);
    emu = await startEmulator(world);
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('auth can-i follows Role/RoleBinding and ClusterRole/ClusterRoleBinding', async () => {
    expect((await kubectl(emu, ['auth', 'can-i', 'get', 'secrets', '-n', 'prod'])).stdout.trim()).toBe('yes');
    const denied = await kubectl(emu, ['auth', 'can-i', 'get', 'secrets', '-n', 'default']);
    expect(denied.stdout.trim()).toBe('no');
    expect(denied.code).toBe(1);
    expect((await kubectl(emu, ['auth', 'can-i', 'list', 'pods', '-A'])).stdout.trim()).toBe('yes');
    expect((await kubectl(emu, ['auth', 'can-i', 'delete', 'pods', '-n', 'prod'])).stdout.trim()).toBe('no');
  });

  it('reads the bindings do not grant are 403 Forbidden, naming user, verb, resource and namespace', async () => {
    const r = await kubectl(emu, ['get', 'secrets', '-n', 'default']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      `secrets is forbidden: User "${gateOid}" cannot list resource "secrets" in API group "" in the namespace "default"`,
    );
    expect((await kubectl(emu, ['get', 'pods', '-A'])).code).toBe(0);
  });
});
