// Issue 18, loading: the Azure SDKs (identity, MSAL and the ARM clients: 3 MB of bundle chunks, ~60 ms and ~19 MB on a
// one-image offline run, measured on this machine) load only when a run signs in. This runs the committed CLI bundle
// with a module hook that records every file Node loads, then looks for the SDK classes in what was loaded. The
// simulated run is the control: it signs in, so the same search must find them there (otherwise the test could not
// fail). `npm test` rebuilds dist/ first, so this is the code under test.

import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/run-bundle.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-lazy-sdk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Class declarations each SDK package's bundle carries (a name in a string or a comment would not count).
const SDK_CLASSES = [
  'class AzureCliCredential',
  'class ContainerRegistryManagementClient',
  'class ContainerServiceClient',
  'class AuthorizationManagementClient',
  'class SubscriptionClient',
  'class PrivateDnsManagementClient',
];

const hook = path.join(tmp, 'record-loads.mjs');
writeFileSync(
  hook,
  [
    "import { registerHooks } from 'node:module';",
    "import { appendFileSync } from 'node:fs';",
    'registerHooks({',
    '  load(url, context, nextLoad) {',
    "    appendFileSync(process.env.APG_LOADS_FILE, url + '\\n');",
    '    return nextLoad(url, context);',
    '  },',
    '});',
  ].join('\n'),
);

/** undici's own class declaration (its bundle chunk): a run that sends no request must not load it. */
const UNDICI_CLASS = 'class EnvHttpProxyAgent';

/** Runs the CLI bundle; returns its exit status and the SDK classes found in the bundle files it loaded. */
function run(
  name: string,
  args: string[],
): { status: number | null; stdout: string; stderr: string; files: string[]; sdk: string[]; undici: boolean } {
  const loads = path.join(tmp, `${name}.loads`);
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(hook).href, path.join(repoRoot, 'dist/cli/index.js'), ...args],
    {
      cwd: repoRoot,
      input: '',
      env: { ...process.env, NO_COLOR: '1', APG_LOADS_FILE: loads, PATH: '/usr/bin:/bin' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const urls = existsSync(loads) ? readFileSync(loads, 'utf8').trim().split('\n') : [];
  const files = [
    ...new Set(urls.filter((u) => u.startsWith('file:')).map((u) => path.relative(repoRoot, fileURLToPath(u)))),
  ];
  const bundle = files.filter((f) => f.startsWith(`dist${path.sep}cli${path.sep}`) && f.endsWith('.js'));
  const text = bundle.map((f) => readFileSync(path.join(repoRoot, f), 'utf8')).join('\n');
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    files: bundle,
    sdk: SDK_CLASSES.filter((c) => text.includes(c)),
    undici: text.includes(UNDICI_CLASS),
  };
}

describe('the Azure SDKs load only when a run signs in', () => {
  const manifest = path.join(tmp, 'nginx.yaml');
  writeFileSync(
    manifest,
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: docker.io/library/nginx:1.27\n',
  );

  it('an offline run loads none of them, nor undici (it sends no request)', () => {
    const r = run('offline', ['check', '--offline', '--manifests', manifest]);
    expect(r.stderr).toBe('');
    expect(r.files.length).toBeGreaterThan(1); // the hook saw the bundle's chunks load
    expect(r.sdk).toEqual([]);
    expect(r.undici).toBe(false);
  });

  it('a run with no ACR image, no cluster and no sign-in configured loads none of them', () => {
    // The registry is unreachable on purpose (port 9 on loopback): the run asks it, fails, and never needs Azure.
    const other = path.join(tmp, 'other.yaml');
    writeFileSync(other, readFileSync(manifest, 'utf8').replace('docker.io/library/nginx', '127.0.0.1:9/team/app'));
    const r = run('registry', ['check', '--manifests', other, '--timeout', '20']);
    expect(r.status).toBe(1); // unverified is not ready
    expect(r.sdk).toEqual([]);
    expect(r.undici).toBe(true); // the registry transport's first request loaded it: the control of the offline run
    expect(r.stdout).toContain('127.0.0.1:9: connection refused'); // and sent with it
  });

  it('a run that signs in (the simulated world, a cluster named) loads them', () => {
    const cluster =
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks';
    const r = run('signed-in', [
      'check',
      '--manifests',
      'examples/manifests-fixed',
      '--simulate',
      'examples/world.yaml',
      '--cluster',
      cluster,
    ]);
    expect(r.status).toBe(0);
    expect(r.sdk).toEqual(expect.arrayContaining(SDK_CLASSES.filter((c) => c !== 'class SubscriptionClient')));
  });
});
