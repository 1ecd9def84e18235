// Benchmark input generator: a deterministic image catalogue (N unique images across 3 registries, a tenth missing,
// a tenth multi-arch, several tags per repository so the per-repository token cache matters), the rendered manifests
// that reference it (2,000 pod specs by default, spread over Deployments, StatefulSets, DaemonSets, Jobs, CronJobs and
// bare Pods in multi-document files, as `helm template` / `kustomize build` output looks) and the simulated world in
// which every registry is an ACR the cluster's kubelet identity may pull from. Same inputs, same bytes: no randomness.

import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SUBSCRIPTION = '11111111-1111-1111-1111-111111111111';
export const TENANT = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
export const CLUSTER_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-bench/providers/Microsoft.ContainerService/managedClusters/bench-aks`;
const KUBELET_OID = 'b0b0b0b0-0000-0000-0000-000000000001';
const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';
export const ACR_HOSTS = ['benchacr1.azurecr.io', 'benchacr2.azurecr.io', 'benchacr3.azurecr.io'];

function digestOf(text) {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * The image catalogue: `unique` images over `ceil(unique * 0.6)` repositories (so most repositories carry two tags),
 * registry = repository index mod 3. Image i is missing when i % 10 === 3 and multi-arch when i % 10 === 7.
 * @param {number} unique
 */
export function catalogue(unique) {
  const repos = Math.max(1, Math.ceil(unique * 0.6));
  const images = [];
  for (let i = 0; i < unique; i++) {
    const r = i % repos;
    const registryIndex = r % ACR_HOSTS.length;
    images.push({
      index: i,
      registryIndex,
      repository: `team${r % 17}/svc-${r}`,
      // The round through the repositories makes each tag unique within its repository.
      tag: `v1.${Math.floor(i / repos)}.${i % 7}`,
      missing: i % 10 === 3,
      multiArch: i % 10 === 7,
      digest: digestOf(`bench-image-${i}`),
    });
  }
  return images;
}

/** `host/repository:tag` of an image, with the registry host given (ACR name or 127.0.0.1:port). */
export function reference(image, hosts) {
  return `${hosts[image.registryIndex]}/${image.repository}:${image.tag}`;
}

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'];

function podSpec(containers, indent) {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}containers:`];
  for (const c of containers) {
    lines.push(
      `${pad}  - name: ${c.name}`,
      `${pad}    image: ${c.image}`,
      `${pad}    ports:`,
      `${pad}      - containerPort: 8080`,
    );
    lines.push(`${pad}    resources:`, `${pad}      requests: {cpu: 100m, memory: 128Mi}`);
  }
  return lines.join('\n');
}

function workload(kind, name, namespace, containers) {
  const meta = `apiVersion: ${kind === 'CronJob' || kind === 'Job' ? 'batch/v1' : kind === 'Pod' ? 'v1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: {app.kubernetes.io/name: ${name}, app.kubernetes.io/part-of: bench}`;
  if (kind === 'Pod') return `${meta}\nspec:\n${podSpec(containers, 2)}`;
  const template = `template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n${podSpec(containers, 6)}`;
  if (kind === 'CronJob') {
    return `${meta}\nspec:\n  schedule: "*/15 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n${podSpec(containers, 10)}`;
  }
  if (kind === 'Job')
    return `${meta}\nspec:\n  ${template.replace('    spec:\n', '    spec:\n      restartPolicy: Never\n')}`;
  const selector = kind === 'DaemonSet' ? '' : '  replicas: 2\n';
  return `${meta}\nspec:\n${selector}  selector:\n    matchLabels: {app: ${name}}\n  ${template}`;
}

/**
 * Writes `pods` pod specs referencing every image of `images` at least once (each pod has ceil(unique/pods) or one
 * more containers, images assigned round-robin), 50 documents per file. Returns counts for the report.
 */
export async function writeManifests(dir, images, hosts, pods = 2000) {
  await mkdir(dir, { recursive: true });
  const base = Math.max(1, Math.ceil(images.length / pods));
  let next = 0;
  let references = 0;
  const docs = [];
  for (let p = 0; p < pods; p++) {
    const count = base + (p % 2);
    const containers = [];
    for (let c = 0; c < count; c++) {
      const image = images[next % images.length];
      next++;
      containers.push({ name: `c${c}`, image: reference(image, hosts) });
    }
    references += containers.length;
    docs.push(workload(KINDS[p % KINDS.length], `app-${p}`, `ns-${p % 25}`, containers));
  }
  let files = 0;
  for (let f = 0; f * 50 < docs.length; f++) {
    await writeFile(
      join(dir, `rendered-${String(f).padStart(3, '0')}.yaml`),
      docs.slice(f * 50, f * 50 + 50).join('\n---\n') + '\n',
    );
    files++;
  }
  return { files, pods, references, unique: images.length };
}

function registryResource(host, index) {
  const name = host.split('.')[0];
  const id = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/${name}`;
  return [
    {
      id,
      name,
      type: 'Microsoft.ContainerRegistry/registries',
      location: 'westeurope',
      sku: { name: 'Premium', tier: 'Premium' },
      properties: {
        loginServer: host,
        creationDate: '2024-06-15T21:38:26.1537861Z',
        provisioningState: 'Succeeded',
        adminUserEnabled: false,
        roleAssignmentMode: 'LegacyRegistryPermissions',
        networkRuleSet: { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '20.50.12.32/28' }] },
        policies: {
          quarantinePolicy: { status: 'disabled' },
          trustPolicy: { type: 'Notary', status: 'disabled' },
          retentionPolicy: { days: 7, status: 'disabled' },
          exportPolicy: { status: 'enabled' },
        },
        dataEndpointEnabled: false,
        dataEndpointHostNames: [],
        privateEndpointConnections: [],
        publicNetworkAccess: 'Enabled',
        networkRuleBypassOptions: 'AzureServices',
        zoneRedundancy: 'Disabled',
      },
    },
    {
      id: `${id}/providers/Microsoft.Authorization/roleAssignments/3d1e6f2a-8b7c-4d5e-9f01-2a3b4c5d6e7${index}`,
      type: 'Microsoft.Authorization/roleAssignments',
      name: `3d1e6f2a-8b7c-4d5e-9f01-2a3b4c5d6e7${index}`,
      properties: {
        roleDefinitionId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${ACR_PULL}`,
        principalId: KUBELET_OID,
        principalType: 'ServicePrincipal',
        scope: id,
      },
    },
  ];
}

/** The world (JSON is YAML) matching the catalogue: present images only, every repository has a `latest` too. */
export function world(images, latencyMs) {
  const mc = `/subscriptions/${SUBSCRIPTION}/resourceGroups/MC_rg-bench_bench-aks_westeurope`;
  const registries = {};
  for (const host of ACR_HOSTS) registries[host] = { repositories: {} };
  for (const img of images) {
    const repos = registries[ACR_HOSTS[img.registryIndex]].repositories;
    const repo = (repos[img.repository] ??= { tags: {}, manifests: {} });
    const latest = digestOf(`bench-latest-${img.repository}`);
    repo.tags.latest = latest;
    repo.manifests[latest] = { platforms: ['linux/amd64'] };
    if (img.missing) continue;
    repo.tags[img.tag] = img.digest;
    repo.manifests[img.digest] = { platforms: img.multiArch ? ['linux/amd64', 'linux/arm64'] : ['linux/amd64'] };
  }
  return {
    apiVersion: 'aks-pull-gate/v1',
    kind: 'World',
    now: '2026-11-21T00:00:00Z',
    latencyMs,
    azure: {
      subscriptions: [{ subscriptionId: SUBSCRIPTION, tenantId: TENANT, displayName: 'Bench' }],
      resources: [
        {
          id: CLUSTER_ID,
          name: 'bench-aks',
          type: 'Microsoft.ContainerService/managedClusters',
          location: 'westeurope',
          identity: { type: 'SystemAssigned', principalId: 'c0c0c0c0-0000-0000-0000-000000000001', tenantId: TENANT },
          sku: { name: 'Base', tier: 'Standard' },
          properties: {
            provisioningState: 'Succeeded',
            kubernetesVersion: '1.33.2',
            dnsPrefix: 'bench-aks',
            fqdn: 'bench-aks-4f2a9c1e.hcp.westeurope.azmk8s.io',
            nodeResourceGroup: 'MC_rg-bench_bench-aks_westeurope',
            servicePrincipalProfile: { clientId: 'msi' },
            agentPoolProfiles: [
              {
                name: 'system',
                count: 3,
                vmSize: 'Standard_D4s_v5',
                osType: 'Linux',
                osSKU: 'Ubuntu',
                mode: 'System',
                provisioningState: 'Succeeded',
                orchestratorVersion: '1.33.2',
              },
            ],
            identityProfile: {
              kubeletidentity: {
                resourceId: `${mc}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/bench-aks-agentpool`,
                clientId: 'b0b0b0b0-0000-0000-0000-000000000002',
                objectId: KUBELET_OID,
              },
            },
            networkProfile: {
              networkPlugin: 'azure',
              outboundType: 'loadBalancer',
              loadBalancerSku: 'standard',
              loadBalancerProfile: {
                effectiveOutboundIPs: [{ id: `${mc}/providers/Microsoft.Network/publicIPAddresses/kubernetes-egress` }],
              },
            },
          },
        },
        {
          id: `${mc}/providers/Microsoft.Network/publicIPAddresses/kubernetes-egress`,
          name: 'kubernetes-egress',
          type: 'Microsoft.Network/publicIPAddresses',
          location: 'westeurope',
          sku: { name: 'Standard', tier: 'Regional' },
          properties: {
            provisioningState: 'Succeeded',
            publicIPAddressVersion: 'IPv4',
            publicIPAllocationMethod: 'Static',
            ipAddress: '20.50.12.34',
            idleTimeoutInMinutes: 4,
          },
        },
        ...ACR_HOSTS.flatMap((h, i) => registryResource(h, i)),
      ],
    },
    registries,
  };
}

/** Writes manifests (ACR hosts) and world.yaml for `unique` images under `dir`. */
export async function writeSimulatedSet(dir, unique, latencyMs, pods = 2000) {
  const images = catalogue(unique);
  const counts = await writeManifests(join(dir, 'manifests'), images, ACR_HOSTS, pods);
  const worldPath = join(dir, 'world.yaml');
  await writeFile(worldPath, JSON.stringify(world(images, latencyMs), null, 1) + '\n');
  return { ...counts, manifests: join(dir, 'manifests'), world: worldPath, images };
}

/**
 * One file of `count` small Pod documents in block style (what `helm template` writes): the "100,000 documents in
 * one file" reading target. ~160 bytes a document, so 100,000 stay under the 20 MB file cap; 500 repositories with 7
 * tags each, 3,500 distinct images at 100,000 documents. Returns the text and how many distinct images it names.
 */
export function manyDocuments(count) {
  const docs = [];
  const images = new Set();
  for (let i = 0; i < count; i++) {
    const image = `registry.example.com/team${i % 20}/svc-${i % 500}:v1.${i % 7}`;
    images.add(image);
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n  namespace: team${i % 20}\nspec:\n  containers:\n  - name: app\n` +
        `    image: ${image}\n`,
    );
  }
  return { text: docs.join('---\n'), unique: images.size };
}
