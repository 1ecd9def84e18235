// `aks-pull-gate simulate serve` checked with clients nobody here wrote: Debian's azure-cli (2.45) and skopeo, and
// kubectl. Every client stays on loopback: azure-cli, skopeo and kubectl reach the registry hosts, the clusters' API
// server names and MSAL's instance-discovery host (login.microsoftonline.com, which MSAL Python asks about every
// authority) through the CONNECT proxy `simulate serve` offers as HTTPS_PROXY; it tunnels only the world's hosts to the
// emulator and refuses every other host. Expectations come from the worlds' bodies (written as ARM, Graph and the
// registries return them) and the real shapes (AADSTS90002, InvalidAuthenticationTokenTenant, a manifest's digest is
// the sha256 of its bytes: OCI image-spec descriptor.md).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

interface Served {
  child: ChildProcess;
  env: Record<string, string>;
  stdout: string;
  azDir: string;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-serve-'));
const servers: Served[] = [];

function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (!m) continue;
    out[m[1]] = m[2].startsWith("'") ? m[2].slice(1, -1).replace(/'\\''/g, "'") : m[2];
  }
  return out;
}

/** Starts `simulate serve` on a world (the CLI from source, through tsx) and waits for its --env-out file. */
async function serve(world: string): Promise<Served> {
  const envFile = path.join(tmp, `${path.basename(world)}-${servers.length}.env`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'simulate', 'serve', world, '--env-out', envFile],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const s: Served = { child, env: {}, stdout: '', azDir: mkdtempSync(path.join(tmp, 'az-')) };
  servers.push(s);
  child.stdout?.on('data', (d: Buffer) => (s.stdout += d.toString()));
  const end = Date.now() + 60_000;
  while (!existsSync(envFile)) {
    if (Date.now() > end || child.exitCode !== null)
      throw new Error(`simulate serve did not write ${envFile}; stdout: ${s.stdout}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  s.env = parseEnv(readFileSync(envFile, 'utf8'));
  // The env file is written before the summary is printed.
  while (!s.stdout.includes('Ctrl-C stops it')) {
    if (Date.now() > end) throw new Error(`simulate serve printed no summary; stdout: ${s.stdout}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return s;
}

afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode !== null) continue;
    const done = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await done;
  }
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Two mismatches of the azure-cli and SDK versions Debian packages (2.45), which stop az before any request:
 * - `az role assignment list` calls `<operations>.config.subscription_id` on azure-mgmt-authorization clients whose
 *   operations only have `_config` (azure-cli #20546): "'RoleDefinitionsOperations' object has no attribute 'config'".
 * - every `az network …` command loads models of network api-version 2022-01-01, which Debian's azure-mgmt-network
 *   does not ship (it has 2021-02-01 and 2022-07-01): "'NoneType' object has no attribute 'standard_medium'".
 * This `sitecustomize.py` (on PYTHONPATH only for the commands that need it; APG_AZ_SHIM names the fixes) aliases
 * `config` to `_config`, and points the network profile at 2022-07-01. Nothing of the emulator changes.
 */
const shimDir = path.join(tmp, 'az-shim');
function writeShim(): string {
  if (existsSync(shimDir)) return shimDir;
  spawnSync('mkdir', ['-p', shimDir]);
  writeFileSync(
    path.join(shimDir, 'sitecustomize.py'),
    `import importlib.abc, importlib.util, os, sys
FIXES = os.environ.get('APG_AZ_SHIM', '').split(',')
class _Patch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        role = 'config' in FIXES and name.startswith('azure.mgmt.authorization.') and name.endswith('.operations')
        network = 'network' in FIXES and name == 'azure.cli.core.profiles._shared'
        if not (role or network):
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            if network:
                module.AZURE_API_PROFILES['latest'][module.ResourceType.MGMT_NETWORK] = '2022-07-01'
                return
            for n in dir(module):
                c = getattr(module, n)
                if isinstance(c, type) and n.endswith('Operations') and not hasattr(c, 'config'):
                    c.config = property(lambda self: self._config)
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, _Patch())
`,
  );
  return shimDir;
}

function clientEnv(s: Served, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: s.azDir,
    AZURE_CONFIG_DIR: s.azDir,
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_NO_COLOR: 'true',
    REQUESTS_CA_BUNDLE: s.env.SIM_CA_FILE,
    SSL_CERT_FILE: s.env.SIM_CA_FILE,
    HTTPS_PROXY: s.env.HTTPS_PROXY,
    NO_PROXY: s.env.NO_PROXY,
    KUBECONFIG: s.env.KUBECONFIG,
    ...extra,
  };
}

function sh(
  s: Served,
  cmd: string,
  extra: NodeJS.ProcessEnv = {},
): { status: number | null; out: string; err: string } {
  const r = spawnSync('/bin/sh', ['-c', cmd], {
    env: clientEnv(s, extra),
    encoding: 'utf8',
    timeout: 120_000,
    cwd: s.azDir,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const signedIn = new Set<Served>();
function azLogin(s: Served): void {
  if (signedIn.has(s)) return;
  const reg = sh(s, s.env.SIM_AZ_CLOUD_REGISTER);
  expect(reg.status, reg.err).toBe(0);
  const login = sh(s, s.env.SIM_AZ_LOGIN);
  expect(login.status, login.err).toBe(0);
  signedIn.add(s);
}

const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

const ACR_ID =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr';
const KUBELET_OID = 'b0b0b0b0-0000-0000-0000-000000000001';
const CI_CREDS = 'ci-pull:example-token-password-not-a-real-secret';

// The example world's own text: the digests and bodies the clients must report.
const exampleWorld = parseYaml(readFileSync('examples/world.yaml', 'utf8')) as {
  registries: Record<
    string,
    {
      repositories: Record<
        string,
        { tags: Record<string, { digest: string }>; manifests: Record<string, { body: string }> }
      >;
    }
  >;
};
const ordersApi = exampleWorld.registries['prodacr.azurecr.io'].repositories['orders-api'];
const V141 = ordersApi.tags['v1.4.1'].digest;
const V140 = ordersApi.tags['v1.4.0'].digest;

const hasAz = existsSync('/usr/bin/az');
const hasSkopeo = existsSync('/usr/bin/skopeo');
let example: Served;
let privateLink: Served;

beforeAll(async () => {
  [example, privateLink] = await Promise.all([
    serve('examples/world.yaml'),
    serve('test/fixtures/worlds/private-link.yaml'),
  ]);
}, 90_000);

describe('simulate serve', () => {
  it('prints and writes the endpoints, the CA file, the kubeconfig, the gate identity, the az lines and the hosts', () => {
    const env = example.env;
    expect(env.SIM_ORIGIN).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(env.SIM_CA_FILE)).toBe(true);
    expect(existsSync(env.KUBECONFIG)).toBe(true);
    expect(env.AZURE_TENANT_ID).toBe('aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa');
    expect(env.SIM_AZ_LOGIN).toContain(`--tenant ${env.AZURE_TENANT_ID}`);
    expect(example.stdout).toContain('127.0.0.1 prodacr.azurecr.io');
    expect(example.stdout).toContain('127.0.0.1 prod-aks-4f2a9c1e.hcp.westeurope.azmk8s.io');
  });

  it('writes a kubeconfig that names the cluster by its fqdn, as az aks get-credentials does', () => {
    const kc = JSON.parse(readFileSync(example.env.KUBECONFIG, 'utf8')) as {
      clusters: { name: string; cluster: { server: string } }[];
      users: { name: string }[];
      'current-context': string;
    };
    expect(kc['current-context']).toBe('prod-aks');
    expect(kc.clusters[0]).toMatchObject({
      name: 'prod-aks',
      cluster: { server: 'https://prod-aks-4f2a9c1e.hcp.westeurope.azmk8s.io:443' },
    });
    expect(kc.users[0].name).toBe('clusterUser_rg-prod_prod-aks');
  });

  it('kubectl reaches the cluster by its fqdn through the kubeconfig', () => {
    const r = sh(example, 'kubectl get secrets -n batch -o name');
    expect(r.status, r.err).toBe(0);
    expect(r.out.trim()).toBe('secret/ci-pull');
  });
});

describe('azure-cli against simulate serve (example world)', () => {
  it('finds azure-cli (scripts/test.mjs installs Debian azure-cli)', () => {
    expect(hasAz, 'az not found: sudo apt-get install -y azure-cli').toBe(true);
  });

  it.runIf(hasAz)(
    'registers the cloud, signs in, and answers the seed commands as the world holds them',
    () => {
      azLogin(example);
      const idp = sh(example, 'az aks show -g rg-prod -n prod-aks --query identityProfile');
      expect(idp.status, idp.err).toBe(0);
      expect(JSON.parse(idp.out).kubeletidentity.objectId).toBe(KUBELET_OID);

      const acr = sh(
        example,
        `az acr show -n prodacr --query "{sku:sku.name, publicAccess:publicNetworkAccess, default:networkRuleSet.defaultAction}"`,
      );
      expect(acr.status, acr.err).toBe(0);
      expect(JSON.parse(acr.out)).toEqual({ sku: 'Premium', publicAccess: 'Enabled', default: 'Deny' });

      const tokens = sh(example, 'az acr token list -r prodacr --query "[].name" -o tsv');
      expect(tokens.status, tokens.err).toBe(0);
      expect(tokens.out.trim()).toBe('ci-pull');

      const rules = sh(example, 'az acr network-rule list -n prodacr -o json');
      expect(rules.status, rules.err).toBe(0);
      expect(JSON.parse(rules.out).ipRules).toEqual([{ action: 'Allow', ipAddressOrRange: '20.50.12.32/28' }]);

      expect(sh(example, 'az acr replication list -r prodacr -o tsv').status).toBe(0);
      expect(sh(example, 'az acr private-endpoint-connection list -r prodacr -o tsv').status).toBe(0);

      // The seed's command: newest first by the tags' lastUpdateTime (latest and v1.4.1 pushed on 2026-11-12,
      // latest last; v1.4.0 on 2026-11-03).
      const byTime = sh(
        example,
        'az acr repository show-tags --name prodacr --repository orders-api --orderby time_desc -o tsv',
      );
      expect(byTime.status, byTime.err).toBe(0);
      expect(byTime.out.split('\n').filter(Boolean)).toEqual(['latest', 'v1.4.1', 'v1.4.0']);
      const oldest = sh(
        example,
        'az acr repository show-tags --name prodacr --repository orders-api --orderby time_asc -o tsv',
      );
      expect(oldest.out.split('\n').filter(Boolean)).toEqual(['v1.4.0', 'v1.4.1', 'latest']);
      const detail = sh(
        example,
        'az acr repository show-tags --name prodacr --repository orders-api --orderby time_desc --detail --query "[].{name:name,digest:digest,updated:lastUpdateTime}" -o json',
      );
      expect(JSON.parse(detail.out)[1]).toEqual({ name: 'v1.4.1', digest: V141, updated: '2026-11-12T09:42:00Z' });

      const kc = path.join(example.azDir, 'kc');
      const creds = sh(example, `az aks get-credentials -g rg-prod -n prod-aks -f ${kc}`);
      expect(creds.status, creds.err).toBe(0);
      const got = parseYaml(readFileSync(kc, 'utf8')) as { clusters: { cluster: { server: string } }[] };
      expect(got.clusters[0].cluster.server).toBe('https://prod-aks-4f2a9c1e.hcp.westeurope.azmk8s.io:443');
      const kube = sh(example, `kubectl --kubeconfig ${kc} version -o json`);
      expect(kube.status, kube.err).toBe(0);
      expect(JSON.parse(kube.out).serverVersion.gitVersion).toMatch(/^v1\./);
    },
    300_000,
  );

  it.runIf(hasAz)(
    'az ad sp show --id <appId> finds the kubelet identity through servicePrincipalNames',
    () => {
      azLogin(example);
      const sp = sh(
        example,
        'az ad sp show --id b0b0b0b0-0000-0000-0000-000000000002 --query "{id:id,type:servicePrincipalType,name:displayName}"',
      );
      expect(sp.status, sp.err).toBe(0);
      expect(JSON.parse(sp.out)).toEqual({ id: KUBELET_OID, type: 'ManagedIdentity', name: 'prod-aks-agentpool' });
    },
    120_000,
  );

  it.runIf(hasAz)(
    "az role assignment list: Debian's az 2.45 packaging bug, and the seed's answer once it is worked around",
    () => {
      azLogin(example);
      const cmd = `az role assignment list --assignee ${KUBELET_OID} --scope ${ACR_ID} --query "[].roleDefinitionName" -o tsv`;
      const broken = sh(example, cmd);
      // Not the emulator: az fails before any request to it (azure-cli #20546).
      expect(broken.status).not.toBe(0);
      expect(broken.err).toContain("'RoleDefinitionsOperations' object has no attribute 'config'");
      const r = sh(example, cmd, { PYTHONPATH: writeShim(), APG_AZ_SHIM: 'config' });
      expect(r.status, r.err).toBe(0);
      expect(r.out.trim()).toBe('AcrPull');
    },
    120_000,
  );

  it.runIf(hasAz)(
    'refuses a tenant the world does not know with AADSTS90002, as Entra does',
    () => {
      azLogin(example);
      const r = sh(
        example,
        `az login --service-principal -u ${example.env.AZURE_CLIENT_ID} -p ${example.env.AZURE_CLIENT_SECRET} --tenant cccccccc-cccc-cccc-cccc-cccccccccccc`,
      );
      expect(r.status).not.toBe(0);
      expect(r.err + r.out).toContain("AADSTS90002: Tenant 'cccccccc-cccc-cccc-cccc-cccccccccccc' not found");
    },
    120_000,
  );
});

describe('azure-cli against simulate serve (private-link world)', () => {
  const RG = '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f/resourceGroups';
  it.runIf(hasAz)(
    'private endpoint, private DNS zone, VNet link and A records as the world holds them',
    () => {
      azLogin(privateLink);
      const broken = sh(privateLink, 'az network private-endpoint list -g rg-network');
      // Not the emulator: az fails loading its own argument models (see writeShim).
      expect(broken.status).not.toBe(0);
      expect(broken.err).toContain("'NoneType' object has no attribute 'standard_medium'");
      const net = { PYTHONPATH: writeShim(), APG_AZ_SHIM: 'network' };
      const pe = sh(
        privateLink,
        'az network private-endpoint show -g rg-network -n prodacr-pe --query "{state:privateLinkServiceConnections[0].privateLinkServiceConnectionState.status, target:privateLinkServiceConnections[0].privateLinkServiceId, subnet:subnet.id, dns:customDnsConfigs[].fqdn}"',
        net,
      );
      expect(pe.status, pe.err).toBe(0);
      expect(JSON.parse(pe.out)).toEqual({
        state: 'Approved',
        target: `${RG}/rg-registry/providers/Microsoft.ContainerRegistry/registries/prodacr`,
        subnet: `${RG}/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/private-endpoints`,
        dns: ['prodacr.azurecr.io', 'prodacr.westeurope.data.azurecr.io'],
      });

      const list = sh(privateLink, 'az network private-endpoint list -g rg-network --query "[].name" -o tsv', net);
      expect(list.status, list.err).toBe(0);
      expect(list.out.trim()).toBe('prodacr-pe');

      const zones = sh(
        privateLink,
        'az network private-dns zone list --query "[].{name:name, rg:resourceGroup}" -o json',
        net,
      );
      expect(zones.status, zones.err).toBe(0);
      expect(JSON.parse(zones.out)).toEqual([{ name: 'privatelink.azurecr.io', rg: 'rg-dns' }]);

      const links = sh(
        privateLink,
        'az network private-dns link vnet list -g rg-dns -z privatelink.azurecr.io --query "[].{name:name, vnet:virtualNetwork.id, state:virtualNetworkLinkState, registration:registrationEnabled}" -o json',
        net,
      );
      expect(links.status, links.err).toBe(0);
      expect(JSON.parse(links.out)).toEqual([
        {
          name: 'vnet-prod-link',
          vnet: `${RG}/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-prod`,
          state: 'Completed',
          registration: false,
        },
      ]);

      const records = sh(
        privateLink,
        'az network private-dns record-set a list -g rg-dns -z privatelink.azurecr.io --query "[].{name:name, ips:aRecords[].ipv4Address}" -o json',
        net,
      );
      expect(records.status, records.err).toBe(0);
      expect(JSON.parse(records.out)).toEqual([
        { name: 'prodacr', ips: ['10.10.8.4'] },
        { name: 'prodacr.westeurope.data', ips: ['10.10.8.5'] },
      ]);

      const acr = sh(
        privateLink,
        'az acr private-endpoint-connection list -r prodacr --query "[].privateLinkServiceConnectionState.status" -o tsv',
      );
      expect(acr.status, acr.err).toBe(0);
      expect(acr.out.trim()).toBe('Approved');
    },
    300_000,
  );
});

describe('skopeo against simulate serve: manifests hash to their digests, blobs are served', () => {
  it('finds skopeo (scripts/test.mjs installs Debian skopeo)', () => {
    expect(hasSkopeo, 'skopeo not found: sudo apt-get install -y skopeo').toBe(true);
  });

  it.runIf(hasSkopeo)('inspect reports the world digest, and --raw the exact bytes of the world body', () => {
    const r = sh(example, `skopeo inspect --creds ${CI_CREDS} docker://prodacr.azurecr.io/orders-api:v1.4.1`);
    expect(r.status, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.Name).toBe('prodacr.azurecr.io/orders-api');
    expect(out.Digest).toBe(V141);
    expect([...out.RepoTags].sort()).toEqual(['latest', 'v1.4.0', 'v1.4.1']);
    const raw = sh(example, `skopeo inspect --raw --creds ${CI_CREDS} docker://prodacr.azurecr.io/orders-api:v1.4.1`);
    expect(raw.out).toBe(ordersApi.manifests[V141].body);
    expect(sha256(raw.out)).toBe(V141);
  });

  it.runIf(hasSkopeo)('copy by tag and by digest to dir: verifies every digest and size', () => {
    const one = path.join(tmp, 'copy-v140');
    const r = sh(
      example,
      `skopeo copy -q --src-creds ${CI_CREDS} docker://prodacr.azurecr.io/orders-api:v1.4.0 dir:${one}`,
    );
    expect(r.status, r.err).toBe(0);
    expect(readFileSync(path.join(one, 'manifest.json'), 'utf8')).toBe(ordersApi.manifests[V140].body);
    const manifest = JSON.parse(ordersApi.manifests[V140].body) as {
      config: { digest: string; size: number };
      layers: { digest: string; size: number }[];
    };
    for (const d of [manifest.config, ...manifest.layers]) {
      const blob = readFileSync(path.join(one, d.digest.slice('sha256:'.length)));
      expect(blob.length).toBe(d.size);
      expect(sha256(blob)).toBe(d.digest);
    }
    const all = path.join(tmp, 'copy-v141-all');
    const byDigest = sh(
      example,
      `skopeo copy -q --all --src-creds ${CI_CREDS} docker://prodacr.azurecr.io/orders-api@${V141} dir:${all}`,
    );
    expect(byDigest.status, byDigest.err).toBe(0);
    expect(sha256(readFileSync(path.join(all, 'manifest.json')))).toBe(V141);
    // The index, its two image manifests, and each image's config and layer.
    expect(readdirSync(all).filter((f) => f.endsWith('.manifest.json'))).toHaveLength(2);
  });

  it.runIf(hasSkopeo)('the gate reports the same digests as skopeo for the images of the fixed manifests', () => {
    const gate = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        'check',
        '--manifests',
        'examples/manifests-fixed',
        '--simulate',
        'examples/world.yaml',
        '--format',
        'json',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(gate.status, gate.stderr).toBe(0);
    const images = (JSON.parse(gate.stdout) as { images: { reference: string; digest?: string }[] }).images;
    for (const i of images) {
      const s = sh(
        example,
        `skopeo inspect --creds ${example.env.AZURE_CLIENT_ID}:${example.env.AZURE_CLIENT_SECRET} docker://${i.reference}`,
      );
      expect(s.status, s.err).toBe(0);
      expect(JSON.parse(s.out).Digest, i.reference).toBe(i.digest);
    }
    expect(images.map((i) => i.digest)).toContain(V141);
  });
});
