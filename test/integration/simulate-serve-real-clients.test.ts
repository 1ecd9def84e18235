// `aks-pull-gate simulate serve` checked with clients nobody here wrote: Debian's azure-cli and skopeo, and kubectl.
// Every client stays on loopback: azure-cli and skopeo reach the registry host and MSAL's instance-discovery host
// (login.microsoftonline.com, which MSAL Python asks about every authority) through the CONNECT proxy `simulate serve`
// offers as HTTPS_PROXY; it tunnels only the world's hosts to the emulator and refuses every other host.
// Expectations come from the example world's bodies and the real shapes (AADSTS90002, InvalidAuthenticationTokenTenant).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-serve-'));
const envFile = path.join(dir, 'sim.env');
let child: ChildProcess | undefined;
let env: Record<string, string> = {};
let stdout = '';

function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (!m) continue;
    out[m[1]] = m[2].startsWith("'") ? m[2].slice(1, -1).replace(/'\\''/g, "'") : m[2];
  }
  return out;
}

async function waitFor(file: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > end) throw new Error(`simulate serve did not write ${file}; stdout: ${stdout}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  child = spawn(
    process.execPath,
    ['dist/cli/index.js', 'simulate', 'serve', 'examples/world.yaml', '--env-out', envFile],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  await waitFor(envFile, 30_000);
  env = parseEnv(readFileSync(envFile, 'utf8'));
}, 40_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const done = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    await done;
  }
  rmSync(dir, { recursive: true, force: true });
});

const azDir = mkdtempSync(path.join(os.tmpdir(), 'apg-az-'));
afterAll(() => rmSync(azDir, { recursive: true, force: true }));

function clientEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: azDir,
    AZURE_CONFIG_DIR: azDir,
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_NO_COLOR: 'true',
    REQUESTS_CA_BUNDLE: env.SIM_CA_FILE,
    SSL_CERT_FILE: env.SIM_CA_FILE,
    HTTPS_PROXY: env.HTTPS_PROXY,
    NO_PROXY: env.NO_PROXY,
    KUBECONFIG: env.KUBECONFIG,
  };
}

function sh(cmd: string): { status: number | null; out: string; err: string } {
  const r = spawnSync('/bin/sh', ['-c', cmd], { env: clientEnv(), encoding: 'utf8', timeout: 90_000, cwd: azDir });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const ACR_ID =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr';

describe('simulate serve', () => {
  it('prints and writes the endpoints, the CA file, the kubeconfig, the gate identity and the az lines', () => {
    expect(env.SIM_ORIGIN).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(env.SIM_CA_FILE)).toBe(true);
    expect(existsSync(env.KUBECONFIG)).toBe(true);
    expect(env.AZURE_TENANT_ID).toBe('aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa');
    expect(env.SIM_AZ_LOGIN).toContain(`--tenant ${env.AZURE_TENANT_ID}`);
    expect(stdout).toContain('127.0.0.1 prodacr.azurecr.io');
  });
});

const hasAz = existsSync('/usr/bin/az');
describe('azure-cli against simulate serve (example world)', () => {
  it('finds azure-cli (scripts/test.mjs installs Debian azure-cli)', () => {
    expect(hasAz, 'az not found: sudo apt-get install -y azure-cli').toBe(true);
  });

  it.runIf(hasAz)(
    'registers the cloud, signs in, and answers the seed commands as the world holds them',
    () => {
      expect(sh(env.SIM_AZ_CLOUD_REGISTER).status).toBe(0);
      const login = sh(env.SIM_AZ_LOGIN);
      expect(login.err + login.out).toContain('aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa');
      expect(login.status).toBe(0);

      const idp = sh('az aks show -g rg-prod -n prod-aks --query identityProfile');
      expect(idp.status).toBe(0);
      expect(JSON.parse(idp.out).kubeletidentity.objectId).toBe('b0b0b0b0-0000-0000-0000-000000000001');

      const acr = sh(
        `az acr show -n prodacr --query "{sku:sku.name, publicAccess:publicNetworkAccess, default:networkRuleSet.defaultAction}"`,
      );
      expect(acr.status).toBe(0);
      expect(JSON.parse(acr.out)).toEqual({ sku: 'Premium', publicAccess: 'Enabled', default: 'Deny' });

      const tokens = sh('az acr token list -r prodacr --query "[].name" -o tsv');
      expect(tokens.status).toBe(0);
      expect(tokens.out.trim()).toBe('ci-pull');

      const rules = sh('az acr network-rule list -n prodacr -o json');
      expect(rules.status).toBe(0);
      expect(JSON.parse(rules.out)).toHaveProperty('ipRules');

      expect(sh('az acr replication list -r prodacr -o tsv').status).toBe(0);
      expect(sh('az acr private-endpoint-connection list -r prodacr -o tsv').status).toBe(0);

      const tags = sh('az acr repository show-tags --name prodacr --repository orders-api -o tsv');
      expect(tags.status).toBe(0);
      expect(tags.out.split('\n').filter(Boolean).sort()).toEqual(['latest', 'v1.4.0', 'v1.4.1']);

      const kc = path.join(azDir, 'kc');
      const creds = sh(`az aks get-credentials -g rg-prod -n prod-aks -f ${kc}`);
      expect(creds.status).toBe(0);
      const kube = sh(`kubectl --kubeconfig ${kc} version -o json`);
      expect(kube.status, kube.err).toBe(0);
      expect(JSON.parse(kube.out).serverVersion.gitVersion).toMatch(/^v1\./);
      void ACR_ID;
    },
    300_000,
  );

  it.runIf(hasAz)(
    'refuses a tenant the world does not know with AADSTS90002, as Entra does',
    () => {
      const r = sh(
        `az login --service-principal -u ${env.AZURE_CLIENT_ID} -p ${env.AZURE_CLIENT_SECRET} --tenant cccccccc-cccc-cccc-cccc-cccccccccccc`,
      );
      expect(r.status).not.toBe(0);
      expect(r.err + r.out).toContain("AADSTS90002: Tenant 'cccccccc-cccc-cccc-cccc-cccccccccccc' not found");
    },
    120_000,
  );
});

describe('skopeo against simulate serve', () => {
  it('inspects a world image through the registry host (Host/SNI on the same port)', () => {
    expect(existsSync('/usr/bin/skopeo'), 'skopeo not found: sudo apt-get install -y skopeo').toBe(true);
    const r = sh(
      `skopeo inspect --creds ci-pull:example-token-password-not-a-real-secret docker://prodacr.azurecr.io/orders-api:v1.4.1`,
    );
    expect(r.status, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.Name).toBe('prodacr.azurecr.io/orders-api');
    expect([...out.RepoTags].sort()).toEqual(['latest', 'v1.4.0', 'v1.4.1']);
  });
});
