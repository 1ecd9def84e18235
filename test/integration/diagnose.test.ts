// `diagnose` on worlds of each class of the field guide: the pod in ImagePullBackOff with the kubelet's real wording
// (containerd on AKS nodes; texts from the troubleshooting guide cited in rules/catalogue.ts), the gate's checks with
// the pod's namespace, ServiceAccount, pull secrets and pool platform, one root cause. Plus the pods that are not
// failing to pull (Running, CrashLoopBackOff) and the CLI's exit codes and formats.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runDiagnose } from '../../src/diagnose.js';
import { classifyPullMessage } from '../../src/checks/diagnose.js';
import { renderDiagnosis } from '../../src/report/diagnose.js';
import { main } from '../../src/cli-main.js';
import type { DiagnoseResult } from '../../src/types/diagnose.js';
import { testConfig } from '../helpers/config.js';

const dir = mkdtempSync(join(tmpdir(), 'diagnose-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deps = {
  logger: { debug: () => undefined, info: () => undefined, warning: () => undefined },
  maskSecret: () => undefined,
  env: {},
};

type Obj = Record<string, unknown>;

interface PodSpec {
  image: string;
  message?: string;
  waiting?: string;
  pullSecrets?: string[];
  arch?: string;
  running?: boolean;
  crashLoop?: boolean;
}

/** A scenario world plus a node and one pod `prod/app-6c9d8f7b5-q7w2e` of Deployment `app` in the given state. */
function worldWithPod(base: string, pod: PodSpec, mutate?: (w: Obj) => void): string {
  const w = parseYaml(readFileSync(base, 'utf8')) as Obj;
  mutate?.(w);
  const node = 'aks-pool1-30071234-vmss000000';
  const name = 'app-6c9d8f7b5-q7w2e';
  const waiting = pod.waiting ?? 'ImagePullBackOff';
  const state = pod.running
    ? { running: { startedAt: '2026-11-20T10:00:00Z' } }
    : pod.crashLoop
      ? { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=api' } }
      : { waiting: { reason: waiting, message: `Back-off pulling image "${pod.image}"` } };
  const objs: Obj[] = [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: node,
        labels: {
          'kubernetes.azure.com/agentpool': 'pool1',
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': pod.arch ?? 'amd64',
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'prod',
        labels: { app: 'app', 'pod-template-hash': '6c9d8f7b5' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'app-6c9d8f7b5', controller: true, uid: 'r1' },
        ],
      },
      spec: {
        nodeName: node,
        serviceAccountName: 'default',
        ...(pod.pullSecrets ? { imagePullSecrets: pod.pullSecrets.map((n) => ({ name: n })) } : {}),
        containers: [{ name: 'api', image: pod.image }],
      },
      status: {
        phase: pod.running || pod.crashLoop ? 'Running' : 'Pending',
        containerStatuses: [
          {
            name: 'api',
            image: pod.image,
            ready: !!pod.running,
            restartCount: pod.crashLoop ? 7 : 0,
            state,
            ...(pod.crashLoop ? { lastState: { terminated: { reason: 'Error', exitCode: 1 } } } : {}),
          },
        ],
      },
    },
  ];
  if (pod.message) {
    objs.push({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.1`, namespace: 'prod' },
      involvedObject: { kind: 'Pod', name, namespace: 'prod' },
      reason: 'Failed',
      type: 'Warning',
      message: pod.message,
      count: 3,
      lastTimestamp: '2026-11-21T00:00:00Z',
    });
  }
  w.kubernetes = [...((w.kubernetes ?? []) as Obj[]), ...objs];
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(w));
  return file;
}

async function diagnose(world: string, pod = 'app-6c9d8f7b5-q7w2e', ns = 'prod'): Promise<DiagnoseResult> {
  return runDiagnose(testConfig({ simulate: world }), { pod: { namespace: ns, name: pod } }, deps);
}

const failedPull = (image: string, tail: string): string =>
  `Failed to pull image "${image}": failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${tail}`;

describe('classifyPullMessage (the field guide)', () => {
  it.each([
    [
      'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://x/oauth2/token: 401 Unauthorized',
      'authorization',
    ],
    ['prodacr.azurecr.io/a:v9: not found', 'image'],
    ['unexpected status code [manifests v9]: 404 Not Found: manifest unknown', 'image'],
    ['dial tcp: lookup prodacr.azurecr.io on 168.63.129.16:53: no such host', 'network'],
    ['dial tcp 20.1.2.3:443: i/o timeout', 'network'],
    [
      "unexpected status from HEAD request to https://prodacr.azurecr.io/v2/a/manifests/v1: 403 Forbidden: client with IP '20.50.12.34' is not allowed access",
      'firewall',
    ],
    ['no match for platform in manifest: not found', 'platform'],
    ['tls: failed to verify certificate: x509: certificate signed by unknown authority', 'tls'],
    ['429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.', 'rate-limit'],
    ['something else entirely', 'unclassified'],
  ])('%s -> %s', (msg, cls) => {
    expect(classifyPullMessage(msg)).toBe(cls);
  });
});

describe('diagnose names the root cause per class', () => {
  it('authorization: the seed incident (registry recreated, AcrPull on the old id), with the fix and the cached pods', async () => {
    const r = await diagnose('examples/incident/world.yaml', 'orders-api-7d9f8c6b4-x2kqp');
    expect(r.exitCode).toBe(0);
    const d = r.pods[0];
    expect(d.event?.class).toBe('authorization');
    expect(d.cause?.rule).toBe('kubelet-pull-permission-missing');
    expect(d.cause?.summary).toContain('2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b');
    expect(d.cause?.summary).toContain(
      '/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr',
    );
    expect(d.cause?.fix).toContain(
      'az aks update -g rg-prod -n prod-aks --subscription 11111111-1111-1111-1111-111111111111 --attach-acr /subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-registry-v2/providers/Microsoft.ContainerRegistry/registries/prodacr',
    );
    expect(d.ruledOut.join('\n')).toContain('the tag exists: v1.4.2 → sha256:9e1b3d5f');
    expect(d.confirm).toEqual(['kubectl rollout restart deployment/orders-api -n prod', 'kubectl get pods -n prod -w']);
    expect(d.olderImagePods.map((p) => p.image)).toEqual(Array(3).fill('prodacr.azurecr.io/orders-api:v1.4.1'));
    expect(d.disagreement).toBeUndefined();
  });

  const incidentFixed = (w: Obj): void => {
    // Give the kubelet AcrPull on the registry's current id (what --attach-acr creates).
    const az = w.azure as { resources: Obj[] };
    const reg =
      '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-registry-v2/providers/Microsoft.ContainerRegistry/registries/prodacr';
    az.resources.push({
      id: `${reg}/providers/Microsoft.Authorization/roleAssignments/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`,
      type: 'Microsoft.Authorization/roleAssignments',
      name: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      properties: {
        roleDefinitionId:
          '/subscriptions/22222222-2222-2222-2222-222222222222/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d',
        principalId: '2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b',
        principalType: 'ServicePrincipal',
        scope: reg,
      },
    });
  };
  const noIncidentPods = (w: Obj): void => {
    w.kubernetes = [];
  };

  it('image: the tag was deleted', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1.4.3';
    const world = worldWithPod(
      'examples/incident/world.yaml',
      { image, message: failedPull(image, `${image}: not found`) },
      (w) => {
        incidentFixed(w);
        noIncidentPods(w);
      },
    );
    const d = (await diagnose(world)).pods[0];
    expect(d.event?.class).toBe('image');
    expect(d.cause?.rule).toBe('image-not-found');
    // Ruled out in the facts' own words (issue 17): the assignment that grants, and the registry's network posture
    // (examples/incident/world.yaml: publicNetworkAccess Enabled, networkRuleSet defaultAction Allow, no ipRules).
    expect(d.ruledOut).toContain(
      'authorization: the kubelet identity may pull: AcrPull at /subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-registry-v2/providers/Microsoft.ContainerRegistry/registries/prodacr grants Microsoft.ContainerRegistry/registries/pull/read',
    );
    expect(d.ruledOut).toContain('network: public access enabled, no firewall rules');
    expect(d.ruledOut.join('\n')).not.toMatch(/let the nodes in|holds a role that grants/);
  });

  it('ruled out on a private registry: the approved endpoint, the linked zone and the A records it read', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1.4.9';
    const world = worldWithPod('test/rules/_healthy/private-endpoint-healthy/world.yaml', {
      image,
      message: failedPull(image, `${image}: not found`),
    });
    const d = (await diagnose(world)).pods[0];
    expect(d.cause?.rule).toBe('image-not-found');
    // test/rules/_healthy/private-endpoint-healthy/world.yaml: publicNetworkAccess Disabled, prodacr-pe Approved in
    // the nodes' VNet, privatelink.azurecr.io linked by vnet-prod-link, A records 10.10.8.4 and 10.10.8.5.
    const net = d.ruledOut.find((l) => l.startsWith('network: '));
    expect(net).toBe(
      'network: public access disabled; private endpoint prodacr-pe approved (same-vnet), privatelink.azurecr.io linked to the cluster VNet (link vnet-prod-link), A record prodacr → 10.10.8.4, A record prodacr.westeurope.data → 10.10.8.5; the nodes use Azure DNS',
    );
  });

  it('rules nothing out about the network when the cause is the network (firewall)', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1.4.1';
    const world = worldWithPod('test/rules/registry-firewall-blocks-cluster/firewall-blocks-egress/world.yaml', {
      image,
      message: failedPull(image, "403 Forbidden: client with IP '20.50.12.34' is not allowed access"),
    });
    const d = (await diagnose(world)).pods[0];
    expect(d.cause?.rule).toBe('registry-firewall-blocks-cluster');
    expect(d.ruledOut.some((l) => l.startsWith('network: '))).toBe(false);
  });

  it('platform: an arm64 pool and an amd64-only tag', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1.4.2';
    const world = worldWithPod(
      'examples/incident/world.yaml',
      { image, arch: 'arm64', message: failedPull(image, 'no match for platform in manifest: not found') },
      (w) => {
        incidentFixed(w);
        noIncidentPods(w);
        const repo = (
          (w.registries as Obj)['prodacr.azurecr.io'] as {
            repositories: Record<string, { manifests: Record<string, Obj> }>;
          }
        ).repositories['orders-api'];
        repo.manifests['sha256:9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b'] = {
          platforms: ['linux/amd64'],
        };
      },
    );
    const d = (await diagnose(world)).pods[0];
    expect(d.platform).toBe('linux/arm64');
    expect(d.event?.class).toBe('platform');
    expect(d.cause?.rule).toBe('image-platform-missing');
  });

  it('firewall: the registry denies the cluster egress IP', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1.4.1';
    const world = worldWithPod('test/rules/registry-firewall-blocks-cluster/firewall-blocks-egress/world.yaml', {
      image,
      message: failedPull(
        image,
        "failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://prodacr.azurecr.io/oauth2/token: 403 Forbidden: client with IP '20.50.12.34' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.",
      ),
    });
    const d = (await diagnose(world)).pods[0];
    expect(d.event?.class).toBe('firewall');
    expect(d.cause?.rule).toBe('registry-firewall-blocks-cluster');
  });

  it('network/DNS: privatelink zone not linked to the nodes’ VNet', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1.4.1';
    const world = worldWithPod('test/rules/private-dns-zone-not-linked/private-dns-zone-not-linked/world.yaml', {
      image,
      message: failedPull(
        image,
        'failed to do request: Head "https://prodacr.azurecr.io/v2/orders-api/manifests/v1.4.1": dial tcp 20.61.1.1:443: i/o timeout',
      ),
    });
    const d = (await diagnose(world)).pods[0];
    expect(d.event?.class).toBe('network');
    expect(d.cause?.rule).toBe('private-dns-zone-not-linked');
  });

  it('pull secret missing', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1';
    const world = worldWithPod('test/rules/pull-secret-missing/pull-secret-missing/world.yaml', {
      image,
      pullSecrets: ['acr-pull'],
      message: failedPull(
        image,
        'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://prodacr.azurecr.io/oauth2/token?scope=repository%3Aorders-api%3Apull&service=prodacr.azurecr.io: 401 Unauthorized',
      ),
    });
    const d = (await diagnose(world)).pods[0];
    expect(d.event?.class).toBe('authorization');
    expect(d.cause?.rule).toBe('pull-secret-missing');
  });

  it('pull secret expired (ACR token password past its expiry)', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1';
    const world = worldWithPod('test/rules/acr-token-expired/acr-token-expired/world.yaml', {
      image,
      pullSecrets: ['acr-pull'],
      message: failedPull(
        image,
        'failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://prodacr.azurecr.io/oauth2/token: 401 Unauthorized',
      ),
    });
    const d = (await diagnose(world)).pods[0];
    expect(d.cause?.class).toBe('pull-secret');
    expect(d.cause?.rule).toBe('acr-token-expired');
  });

  it('rate limit: Docker Hub toomanyrequests, named from the event with a fix', async () => {
    const image = 'docker.io/library/redis:7.4';
    const world = worldWithPod(
      'examples/incident/world.yaml',
      {
        image,
        message: `Failed to pull image "redis:7.4": failed to pull and unpack image "docker.io/library/redis:7.4": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:abc: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit`,
      },
      noIncidentPods,
    );
    const r = await diagnose(world);
    expect(r.exitCode).toBe(0);
    expect(r.pods[0].cause?.class).toBe('rate-limit');
    expect(r.pods[0].cause?.fix).toContain('az acr import');
  });

  it('says when the event says 401 but the checks find the kubelet may pull (cause: none, exit 1)', async () => {
    const image = 'prodacr.azurecr.io/orders-api:v1.4.2';
    const world = worldWithPod(
      'examples/incident/world.yaml',
      {
        image,
        message: failedPull(
          image,
          'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://prodacr.azurecr.io/oauth2/token: 401 Unauthorized',
        ),
      },
      (w) => {
        incidentFixed(w);
        noIncidentPods(w);
      },
    );
    const r = await diagnose(world);
    expect(r.exitCode).toBe(1);
    expect(r.pods[0].cause).toBeUndefined();
    expect(r.pods[0].disagreement).toContain('propagate');
    expect(renderDiagnosis(r, 'text', 'x')).toContain('cause: none');
  });
});

describe('diagnose on pods that are not failing to pull', () => {
  it('a Running pod: not failing to pull, exit 1', async () => {
    const r = await diagnose('examples/incident/world.yaml', 'orders-api-5b8c7d9f6-4hxzt');
    expect(r.exitCode).toBe(1);
    expect(r.pods[0].failing).toBe(false);
    expect(r.pods[0].notFailing).toContain('not failing to pull');
  });

  it('a CrashLoopBackOff pod: the image pulled, look at kubectl logs --previous', async () => {
    const world = worldWithPod('examples/incident/world.yaml', {
      image: 'prodacr.azurecr.io/orders-api:v1.4.1',
      crashLoop: true,
    });
    const r = await diagnose(world);
    expect(r.exitCode).toBe(1);
    expect(r.pods[0].notFailing).toContain('not failing to pull');
    expect(r.pods[0].notFailing).toContain('kubectl logs app-6c9d8f7b5-q7w2e -n prod -c api --previous');
  });

  it('--namespace finds the failing pods only; none failing is exit 1 with one line', async () => {
    const ok = await runDiagnose(testConfig({ simulate: 'examples/incident/world.yaml' }), { namespace: 'prod' }, deps);
    expect(ok.pods.map((p) => p.pod)).toEqual(['prod/orders-api-7d9f8c6b4-x2kqp']);
    expect(ok.exitCode).toBe(0);
    const none = await runDiagnose(
      testConfig({ simulate: 'examples/incident/world.yaml' }),
      { namespace: 'prod', selector: 'pod-template-hash=5b8c7d9f6' },
      deps,
    );
    expect(none.exitCode).toBe(1);
    expect(renderDiagnosis(none, 'text', 'in namespace prod')).toBe('No pod in namespace prod is failing to pull.\n');
  });
});

describe('diagnose CLI', () => {
  it('usage errors exit 2 with one line', async () => {
    expect(await main(['diagnose'])).toBe(2);
    expect(await main(['diagnose', '--pod', 'no-slash'])).toBe(2);
    expect(await main(['diagnose', '--pod', 'a/b', '--format', 'sarif'])).toBe(2);
    expect(await main(['check', '--manifests', 'x', '--pod', 'a/b'])).toBe(2);
  });

  it('json and markdown outputs carry the cause', async () => {
    const out = join(dir, 'd.json');
    expect(
      await main([
        'diagnose',
        '--pod',
        'prod/orders-api-7d9f8c6b4-x2kqp',
        '--simulate',
        'examples/incident/world.yaml',
        '--format',
        'json',
        '--output',
        out,
      ]),
    ).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8')) as DiagnoseResult;
    expect(j.pods[0].cause?.rule).toBe('kubelet-pull-permission-missing');
    const md = join(dir, 'd.md');
    await main([
      'diagnose',
      '--pod',
      'prod/orders-api-7d9f8c6b4-x2kqp',
      '--simulate',
      'examples/incident/world.yaml',
      '--format',
      'markdown',
      '--output',
      md,
    ]);
    expect(readFileSync(md, 'utf8')).toContain('**Root cause** (authorization, `kubelet-pull-permission-missing`)');
  });
});
