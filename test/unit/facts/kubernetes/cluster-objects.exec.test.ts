// Exec credential plugins (what az aks get-credentials writes for Entra-enabled clusters): a login that waits for a
// person is not started in a non-interactive run, a missing plugin is named, and a plugin that never ends is killed at
// the run's deadline instead of keeping the process alive.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterObjectReader } from '../../../../src/facts/kubernetes/cluster-objects.js';
import { interactiveLoginMode, KubeconfigProblem } from '../../../../src/facts/kubernetes/kubeconfig.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-kexec-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function kubeconfig(command: string, args: string[]): string {
  const file = path.join(tmp, `kc-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
current-context: c
users:
  - name: u
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: ${JSON.stringify(command)}
        args: ${JSON.stringify(args)}
        interactiveMode: IfAvailable
`,
  );
  return file;
}

const DEVICECODE = ['get-token', '--login', 'devicecode', '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630'];

describe('interactiveLoginMode', () => {
  it('finds devicecode and interactive logins, and kubelogin get-token without --login (its default is devicecode)', () => {
    expect(interactiveLoginMode({ command: 'kubelogin', args: DEVICECODE })).toBe('devicecode');
    expect(interactiveLoginMode({ command: 'kubelogin', args: ['get-token', '-l', 'interactive'] })).toBe(
      'interactive',
    );
    expect(interactiveLoginMode({ command: '/usr/local/bin/kubelogin', args: ['get-token'] })).toBe('devicecode');
  });

  it('healthy look-alike: azurecli, workloadidentity and spn logins do not wait for a person', () => {
    for (const mode of ['azurecli', 'workloadidentity', 'spn', 'msi'])
      expect(interactiveLoginMode({ command: 'kubelogin', args: ['get-token', '--login', mode] })).toBeUndefined();
    expect(interactiveLoginMode({ command: 'aws', args: ['eks', 'get-token'] })).toBeUndefined();
  });
});

describe('clusterObjectReader with an exec plugin', () => {
  it('does not start a devicecode login in a non-interactive run', () => {
    const file = kubeconfig('kubelogin', DEVICECODE);
    let thrown: unknown;
    try {
      clusterObjectReader(file, [], { interactive: false });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(KubeconfigProblem);
    expect((thrown as KubeconfigProblem).kind).toBe('interactive');
    expect((thrown as KubeconfigProblem).message).toBe(
      "the kubeconfig's credential plugin kubelogin asks for devicecode login, which waits for a person",
    );
  });

  it('names a plugin binary that is not installed instead of an API-server ENOENT', () => {
    const file = kubeconfig('kubelogin-not-installed', ['get-token', '--login', 'azurecli']);
    expect(() => clusterObjectReader(file, [], { interactive: false, env: { PATH: tmp } })).toThrow(
      "the kubeconfig's exec credential plugin kubelogin-not-installed was not found on PATH",
    );
  });

  it('kills a plugin that never ends at the deadline: the read ends unverifiable', async () => {
    const plugin = path.join(tmp, 'slow-plugin');
    const pidFile = path.join(tmp, 'sleep.pid');
    writeFileSync(plugin, `#!/bin/sh\nsleep 600 &\necho $! > ${pidFile}\nwait\n`);
    chmodSync(plugin, 0o755);
    const file = kubeconfig(plugin, ['get-token', '--login', 'azurecli']);
    const controller = new AbortController();
    const reader = clusterObjectReader(file, [], { interactive: false, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const r = await reader.readSecret('orders', 'acr-creds');
    expect(r.state).toBe('unverifiable');
    // What the plugin started is gone too (its process group was killed), so nothing outlives the run.
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    const alive = (): boolean => {
      try {
        // A killed child not yet reaped by init is a zombie: dead for our purpose.
        return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 40 && alive(); i++) await new Promise((res) => setTimeout(res, 50));
    expect(alive()).toBe(false);
  });
});
