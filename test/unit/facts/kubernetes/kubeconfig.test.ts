// Reading a kubeconfig as kubectl does: relative file paths resolve against the kubeconfig's directory (not the
// working directory), tokens come from `token`, `tokenFile` or an exec plugin, basic auth and impersonation become
// headers, and a legacy auth-provider is refused with the fix instead of reads going out anonymous.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  credentialsFor,
  currentTarget,
  loadKubeconfig,
  loadKubeconfigFile,
} from '../../../../src/facts/kubernetes/kubeconfig.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-kubeconfig-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, body: string): string {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, body);
  return p;
}

function kubeconfig(rel: string, cluster: string, user: string): string {
  return write(
    rel,
    `apiVersion: v1
kind: Config
clusters:
  - name: c
    cluster:
${cluster.replace(/^/gm, '      ')}
users:
  - name: u
    user:
${user.replace(/^/gm, '      ')}
contexts:
  - name: x
    context: {cluster: c, user: u, namespace: prod}
current-context: x
`,
  );
}

const headers = async (file: string): Promise<Record<string, string>> =>
  (await credentialsFor(currentTarget(loadKubeconfigFile(file)).user, { interactive: false })()).headers;

describe('kubeconfig files', () => {
  it('resolves certificate-authority, client-certificate, client-key and tokenFile against its own directory', () => {
    const file = kubeconfig(
      'nested/conf/kubeconfig',
      'server: https://127.0.0.1:6443/\ncertificate-authority: certs/ca.pem\ntls-server-name: api.internal\nproxy-url: http://proxy.corp:3128',
      'client-certificate: ../certs/user.pem\nclient-key: /abs/user.key\ntokenFile: token',
    );
    const { cluster, user } = currentTarget(loadKubeconfigFile(file));
    const conf = path.join(dir, 'nested/conf');
    expect(cluster).toEqual({
      name: 'c',
      server: 'https://127.0.0.1:6443',
      caFile: path.join(conf, 'certs/ca.pem'),
      skipTLSVerify: false,
      tlsServerName: 'api.internal',
      proxyUrl: 'http://proxy.corp:3128',
    });
    expect(user).toMatchObject({
      certFile: path.join(dir, 'nested/certs/user.pem'),
      keyFile: '/abs/user.key',
      tokenFile: path.join(conf, 'token'),
    });
  });

  it('resolves each file of a KUBECONFIG list against that file, and an exec command only when it is a path', () => {
    const a = kubeconfig('a/kubeconfig', 'server: https://a.example\ncertificate-authority: ca.pem', 'token: t');
    const b = write(
      'b/kubeconfig',
      `clusters: [{name: other, cluster: {server: "https://b.example", certificate-authority: ca.pem}}]
users:
  - {name: p, user: {exec: {command: ./bin/plugin, args: [get-token]}}}
  - {name: q, user: {exec: {command: kubelogin}}}
contexts: []
`,
    );
    const kc = loadKubeconfig([a, b].join(path.delimiter));
    expect(kc.clusters.map((c) => c.caFile)).toEqual([path.join(dir, 'a/ca.pem'), path.join(dir, 'b/ca.pem')]);
    expect(kc.users.map((u) => u.exec?.command)).toEqual([undefined, path.join(dir, 'b/bin/plugin'), 'kubelogin']);
    expect(kc.currentContext).toBe('x');
  });

  it('refuses an entry without a server, as the client library did', () => {
    const file = write('bad', 'clusters: [{name: c, cluster: {}}]\n');
    expect(() => loadKubeconfigFile(file)).toThrow('clusters[0].cluster.server is missing');
  });
});

describe('credentials', () => {
  it('sends the token as a bearer token, and impersonation as headers', async () => {
    const file = kubeconfig('tok', 'server: https://h', 'token: abc\nas: jane\nas-groups: [ops, dev]');
    expect(await headers(file)).toEqual({
      Authorization: 'Bearer abc',
      'Impersonate-User': 'jane',
      'Impersonate-Group': 'ops, dev',
    });
  });

  it('reads tokenFile (relative to the kubeconfig, trimmed), and names a token file it cannot read', async () => {
    write('tf/token', 'from-file\n');
    expect(await headers(kubeconfig('tf/kubeconfig', 'server: https://h', 'tokenFile: token'))).toEqual({
      Authorization: 'Bearer from-file',
    });
    await expect(headers(kubeconfig('tf/missing', 'server: https://h', 'tokenFile: nope'))).rejects.toThrow(
      `the kubeconfig's token file ${path.join(dir, 'tf/nope')} could not be read (ENOENT)`,
    );
  });

  it('sends username/password as basic auth, and a token wins over them', async () => {
    expect(await headers(kubeconfig('basic', 'server: https://h', 'username: admin\npassword: "p:w"'))).toEqual({
      Authorization: `Basic ${Buffer.from('admin:p:w').toString('base64')}`,
    });
    expect(await headers(kubeconfig('both', 'server: https://h', 'username: admin\npassword: pw\ntoken: t'))).toEqual({
      Authorization: 'Bearer t',
    });
  });

  it('refuses the legacy azure auth-provider in one line, naming the fix (not an anonymous read)', async () => {
    const file = kubeconfig(
      'azure',
      'server: https://h',
      'auth-provider:\n  name: azure\n  config: {apiserver-id: x, client-id: y, tenant-id: z, access-token: old}',
    );
    const creds = credentialsFor(currentTarget(loadKubeconfigFile(file)).user, { interactive: false });
    await expect(creds()).rejects.toThrow(
      "the kubeconfig's user u signs in with the azure auth-provider, which kubectl no longer supports and the gate does not run: run kubelogin convert-kubeconfig -l azurecli (or -l workloadidentity) to use the exec plugin",
    );
    const oidc = kubeconfig('oidc', 'server: https://h', 'auth-provider: {name: oidc, config: {id-token: x}}');
    await expect(headers(oidc)).rejects.toThrow(/the oidc auth-provider.*kubectl oidc-login/);
  });

  it('an auth-provider carrying config.exec runs that plugin (what kubelogin once wrote)', async () => {
    const plugin = write(
      'ap/plugin',
      '#!/bin/sh\necho \'{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"from-plugin"}}\'\n',
    );
    const { chmodSync } = await import('node:fs');
    chmodSync(plugin, 0o755);
    const file = kubeconfig(
      'ap/kubeconfig',
      'server: https://h',
      `auth-provider: {name: azure, config: {exec: {command: ${plugin}}}}`,
    );
    expect(await headers(file)).toEqual({ Authorization: 'Bearer from-plugin' });
  });

  it('no user in the context: no Authorization header', async () => {
    const file = write(
      'anon',
      'clusters: [{name: c, cluster: {server: "https://h"}}]\ncontexts: [{name: x, context: {cluster: c}}]\ncurrent-context: x\n',
    );
    expect(await headers(file)).toEqual({});
  });
});
