// Workload shapes: every kind that carries a pod spec, found generically, with the container fields, namespaces,
// service accounts, pull secrets and platform constraints the kubelet and scheduler will use.
import { describe, expect, it } from 'vitest';
import { inventoryOf, inventoryFromFiles } from '../../helpers/temp-manifests.js';

const container = (image: string, name = 'app') => `
        - name: ${name}
          image: ${image}`;

describe('workload shapes', () => {
  it('finds containers, initContainers and ephemeralContainers of a Pod', async () => {
    const inv = await inventoryOf(`apiVersion: v1
kind: Pod
metadata: {name: p, namespace: prod}
spec:
  initContainers:
    - {name: init, image: busybox:1.36}
  containers:
    - {name: app, image: nginx:1.27}
  ephemeralContainers:
    - {name: debug, image: "ghcr.io/org/debug:v1"}
`);
    expect(inv.uses.map((u) => [u.field, u.image, u.namespace, u.workload.kind])).toEqual([
      ['containers', 'nginx:1.27', 'prod', 'Pod'],
      ['initContainers', 'busybox:1.36', 'prod', 'Pod'],
      ['ephemeralContainers', 'ghcr.io/org/debug:v1', 'prod', 'Pod'],
    ]);
    expect(inv.uses[0].ref?.normalized).toBe('docker.io/library/nginx:1.27');
  });

  for (const [kind, apiVersion, path] of [
    ['Deployment', 'apps/v1', 'spec.template'],
    ['StatefulSet', 'apps/v1', 'spec.template'],
    ['DaemonSet', 'apps/v1', 'spec.template'],
    ['ReplicaSet', 'apps/v1', 'spec.template'],
    ['ReplicationController', 'v1', 'spec.template'],
    ['Job', 'batch/v1', 'spec.template'],
    ['CronJob', 'batch/v1', 'spec.jobTemplate.spec.template'],
    ['Rollout', 'argoproj.io/v1alpha1', 'spec.template'],
    ['DeploymentConfig', 'apps.openshift.io/v1', 'spec.template'],
    ['Service', 'serving.knative.dev/v1', 'spec.template'],
    ['ScaledJob', 'keda.sh/v1alpha1', 'spec.jobTargetRef.template'],
    ['PodTemplate', 'v1', 'template'],
  ] as const) {
    it(`finds the pod template of a ${apiVersion} ${kind} at ${path}`, async () => {
      const keys = path.split('.');
      let body = `spec:\n  containers:${container('myacr.azurecr.io/app:v1').replace(/\n {8}/g, '\n    ')}\n`;
      for (const key of [...keys].reverse()) body = `${key}:\n` + body.replace(/^/gm, '  ');
      const inv = await inventoryOf(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\n${body}`);
      expect(inv.uses).toHaveLength(1);
      expect(inv.uses[0].workload).toMatchObject({ kind, name: 'w', namespace: 'default' });
      expect(inv.uses[0].ref?.registry).toBe('myacr.azurecr.io');
    });
  }

  it('leaves operator image fields alone (Prometheus.spec.image, spec.containers patches, ConfigMap values)', async () => {
    const inv = await inventoryOf(`apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s}
spec:
  image: quay.io/prometheus/prometheus:v3.0.0
  containers:
    - name: prometheus
      image: quay.io/prometheus/prometheus:v3.0.0
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data:
  image: nginx:1
`);
    expect(inv.uses).toEqual([]);
  });

  it('recurses into kind: List and *List items with their own namespaces', async () => {
    const inv = await inventoryOf(
      `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a, namespace: one}
    spec: {template: {spec: {containers: [{name: a, image: "a:1"}]}}}
  - apiVersion: v1
    kind: PodList
    items:
      - apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {containers: [{name: b, image: "b:1"}]}
`,
      { namespace: 'fallback' },
    );
    expect(inv.uses.map((u) => [u.image, u.namespace])).toEqual([
      ['a:1', 'one'],
      ['b:1', 'fallback'],
    ]);
  });

  it('resolves anchors, aliases and merge keys, and keeps the anchored scalar position', async () => {
    const inv = await inventoryOf(`x-image: &img myacr.azurecr.io/api:v2
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - &base
          name: api
          image: *img
        - <<: *base
          name: sidecar
`);
    expect(inv.uses.map((u) => [u.container, u.image, u.location.line])).toEqual([
      ['api', 'myacr.azurecr.io/api:v2', 1],
      ['sidecar', 'myacr.azurecr.io/api:v2', 1],
    ]);
  });

  it('records the Helm # Source: template of each document', async () => {
    const inv = await inventoryOf(`---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec: {template: {spec: {containers: [{name: a, image: "shop:1"}]}}}
`);
    expect(inv.uses[0].location.helmSource).toBe('shop/templates/deployment.yaml');
  });

  it('uses the pod’s imagePullSecrets, else those of its ServiceAccount (named or default) in the manifest set', async () => {
    const inv = await inventoryOf(`apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: prod}
imagePullSecrets: [{name: sa-default-secret}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: prod}
imagePullSecrets: [{name: builder-secret}]
---
apiVersion: v1
kind: Pod
metadata: {name: uses-default, namespace: prod}
spec: {containers: [{name: a, image: "a:1"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: uses-builder, namespace: prod}
spec: {serviceAccountName: builder, containers: [{name: a, image: "a:1"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: own, namespace: prod}
spec: {serviceAccountName: builder, imagePullSecrets: [{name: own-secret}], containers: [{name: a, image: "a:1"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other-ns, namespace: dev}
spec: {containers: [{name: a, image: "a:1"}]}
`);
    expect(inv.uses.map((u) => [u.workload.name, u.serviceAccount, u.pullSecrets])).toEqual([
      ['uses-default', 'default', ['sa-default-secret']],
      ['uses-builder', 'builder', ['builder-secret']],
      ['own', 'builder', ['own-secret']],
      ['other-ns', 'default', []],
    ]);
    expect(inv.serviceAccounts).toHaveLength(2);
  });

  it('collects Secrets with data and stringData (base64) for the credential checks', async () => {
    const inv = await inventoryOf(`apiVersion: v1
kind: Secret
metadata: {name: acr, namespace: prod}
type: kubernetes.io/dockerconfigjson
data: {.dockerconfigjson: e30=}
stringData: {extra: hi}
`);
    expect(inv.secrets).toEqual([
      expect.objectContaining({
        name: 'acr',
        namespace: 'prod',
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': 'e30=', extra: 'aGk=' },
      }),
    ]);
  });

  it('reads os/arch constraints from nodeSelector and required node affinity', async () => {
    const inv = await inventoryOf(`apiVersion: v1
kind: Pod
metadata: {name: arm}
spec:
  nodeSelector: {kubernetes.io/arch: arm64}
  containers: [{name: a, image: "a:1"}]
---
apiVersion: v1
kind: Pod
metadata: {name: win}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - {key: kubernetes.io/os, operator: In, values: [windows]}
              - {key: kubernetes.io/arch, operator: NotIn, values: [arm64, arm, 386, ppc64le, s390x, riscv64]}
  containers: [{name: a, image: "a:1"}]
---
apiVersion: v1
kind: Pod
metadata: {name: free}
spec:
  containers: [{name: a, image: "a:1"}]
`);
    expect(inv.uses.map((u) => u.constraints)).toEqual([{ arch: ['arm64'] }, { os: ['windows'], arch: ['amd64'] }, {}]);
  });

  it('parses JSON manifests with positions', async () => {
    const inv = await inventoryFromFiles({
      'd.json': JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'j' },
          spec: { containers: [{ name: 'a', image: 'nginx:1' }] },
        },
        null,
        2,
      ),
    });
    expect(inv.uses[0].image).toBe('nginx:1');
    expect(inv.uses[0].location).toMatchObject({ file: 'd.json', line: 11, column: 18 });
  });

  it('reads directories recursively, .yaml/.yml/.json only, and globs', async () => {
    const pod = (n: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${n}}\nspec: {containers: [{name: a, image: "${n}:1"}]}\n`;
    const files = { 'a/x.yaml': pod('x'), 'a/b/y.yml': pod('y'), 'a/z.txt': pod('z'), 'c/w.yaml': pod('w') };
    expect((await inventoryFromFiles(files, { inputs: ['a'] })).uses.map((u) => u.image).sort()).toEqual([
      'x:1',
      'y:1',
    ]);
    expect((await inventoryFromFiles(files, { inputs: ['**/*.yaml'] })).uses.map((u) => u.image).sort()).toEqual([
      'w:1',
      'x:1',
    ]);
  });
});
