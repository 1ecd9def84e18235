// Issue 16: a world's manifests as real registries hold them. A raw `body:` is served byte for byte and its sha256 is
// its digest (OCI image-spec descriptor.md: the digest is the hash of the bytes), which the loader enforces; blobs are
// served with the sizes their descriptors give; `/acr/v1/<repo>/_tags?orderby=timedesc|timeasc` orders by the tags'
// lastUpdateTime (what `az acr repository show-tags --orderby time_desc` sends, azure-cli acr/repository.py); and the
// emulator's kubeconfig names each cluster by its fqdn, as `az aks get-credentials` writes it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterObjectReader } from '../../src/facts/kubernetes/cluster-objects.js';
import { KubeconfigElsewhereError } from '../../src/facts/kubernetes/kubeconfig.js';
import { loadWorld, parseWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';

const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const BODY = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{}}';

function world(repo: string): string {
  return `apiVersion: aks-pull-gate/v1
kind: World
now: "2026-11-21T00:00:00Z"
registries:
  reg.example.com:
    repositories:
${repo}
`;
}

describe('world load: raw bodies and blobs must hash to their digests', () => {
  it('refuses a body whose sha256 is not its digest, in one line naming both', () => {
    const wrong = `sha256:${'1'.repeat(64)}`;
    const text = world(`      app:
        tags: {v1: "${wrong}"}
        manifests:
          "${wrong}": {body: '${BODY}'}`);
    let message = '';
    try {
      parseWorld(text, 'w.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      `simulate: w.yaml: registries["reg.example.com"].repositories["app"].manifests["${wrong}"].body: hashes to ${sha256(BODY)}, not to its digest ${wrong}`,
    );
    expect(message).not.toContain('\n');
  });

  it('accepts a body that hashes to its digest and serves nothing else in its place', () => {
    const d = sha256(BODY);
    const w = parseWorld(
      world(`      app:\n        tags: {v1: "${d}"}\n        manifests:\n          "${d}": {body: '${BODY}'}`),
    );
    expect(w.registries['reg.example.com'].repositories.app.manifests[d].body).toBe(BODY);
  });

  it('refuses a blob whose bytes do not hash to its key, and an index whose child the repository lacks', () => {
    const bad = `sha256:${'2'.repeat(64)}`;
    expect(() =>
      parseWorld(world(`      app:\n        tags: {}\n        blobs:\n          "${bad}": {content: "x"}`), 'b.yaml'),
    ).toThrow(
      `simulate: b.yaml: registries["reg.example.com"].repositories["app"].blobs["${bad}"]: hashes to ${sha256('x')}, not to its digest ${bad}`,
    );
    const child = `sha256:${'3'.repeat(64)}`;
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: child, size: 10 }],
    });
    expect(() =>
      parseWorld(
        world(`      app:\n        tags: {}\n        manifests:\n          "${sha256(index)}": {body: '${index}'}`),
        'i.yaml',
      ),
    ).toThrow(`names child manifest ${child}, which the repository does not hold with a body`);
  });

  it('refuses a blob of another size than its descriptor says', () => {
    const blob = 'config-bytes';
    const m = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(blob), size: 99 },
      layers: [],
    });
    expect(() =>
      parseWorld(
        world(
          `      app:\n        tags: {}\n        manifests:\n          "${sha256(m)}": {body: '${m}'}\n        blobs:\n          "${sha256(blob)}": {content: ${blob}}`,
        ),
      ),
    ).toThrow(`gives blob ${sha256(blob)} size 99; the world's blob is ${blob.length} bytes`);
  });
});

describe('served content (examples/world.yaml and a platforms-only world)', () => {
  let emu: Emulator;
  let token: string;
  beforeAll(async () => {
    emu = await startEmulator(await loadWorld('examples/world.yaml'));
    const basic = Buffer.from(`${emu.gate.clientId}:${emu.gate.clientSecret}`).toString('base64');
    const r = await emu.fetch(
      'https://prodacr.azurecr.io/oauth2/token?service=prodacr.azurecr.io&scope=repository:orders-api:pull,metadata_read&scope=repository:mirror/nginx:pull',
      { headers: { authorization: `Basic ${basic}` } },
    );
    token = ((await r.json()) as { access_token: string }).access_token;
  });
  afterAll(async () => {
    await emu?.close();
  });
  const get = (p: string, method = 'GET'): Promise<Response> =>
    emu.fetch(`https://prodacr.azurecr.io${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: ACCEPT },
    });

  it('serves every manifest of the world so that its sha256 is its Docker-Content-Digest, and every blob with its size', async () => {
    const w = await loadWorld('examples/world.yaml');
    let served = 0;
    for (const [repo, r] of Object.entries(w.registries['prodacr.azurecr.io'].repositories)) {
      for (const [d, m] of Object.entries(r.manifests)) {
        expect(m.body, `${repo}@${d} has a raw body`).toBeDefined();
        const res = await get(`/v2/${repo}/manifests/${d}`);
        expect(res.status).toBe(200);
        const body = Buffer.from(await res.arrayBuffer());
        expect(sha256(body)).toBe(d);
        expect(body.toString()).toBe(m.body);
        expect(res.headers.get('docker-content-digest')).toBe(d);
        served += 1;
        const doc = JSON.parse(body.toString()) as {
          config?: { digest: string; size: number };
          layers?: { digest: string; size: number }[];
        };
        for (const b of [...(doc.config ? [doc.config] : []), ...(doc.layers ?? [])]) {
          const head = await get(`/v2/${repo}/blobs/${b.digest}`, 'HEAD');
          expect(head.status).toBe(200);
          expect(Number(head.headers.get('content-length'))).toBe(b.size);
          const blob = Buffer.from(await (await get(`/v2/${repo}/blobs/${b.digest}`)).arrayBuffer());
          expect(sha256(blob)).toBe(b.digest);
        }
      }
    }
    expect(served).toBe(7);
  });

  it('synthesizes platforms-only images with real config and layer blobs of the sizes their descriptors give', async () => {
    const d = `sha256:${'4'.repeat(64)}`;
    const e = await startEmulator(
      parseWorld(
        world(
          `      app:\n        tags: {v1: "${d}"}\n        manifests:\n          "${d}": {platforms: [linux/amd64, linux/arm64]}`,
        ),
      ),
    );
    try {
      const g = (p: string, method = 'GET'): Promise<Response> =>
        e.fetch(`https://reg.example.com${p}`, { method, headers: { accept: ACCEPT } });
      const tok = (await (await g('/oauth2/token?service=reg.example.com&scope=repository:app:pull')).json()) as {
        access_token: string;
      };
      const auth = { authorization: `Bearer ${tok.access_token}`, accept: ACCEPT };
      const index = await e.fetch('https://reg.example.com/v2/app/manifests/v1', { headers: auth });
      expect(index.headers.get('docker-content-digest')).toBe(d);
      const children = ((await index.json()) as { manifests: { digest: string; size: number }[] }).manifests;
      for (const c of children) {
        const m = await e.fetch(`https://reg.example.com/v2/app/manifests/${c.digest}`, { headers: auth });
        const body = Buffer.from(await m.arrayBuffer());
        expect(sha256(body)).toBe(c.digest);
        expect(body.length).toBe(c.size);
        const doc = JSON.parse(body.toString()) as {
          config: { digest: string; size: number };
          layers: { digest: string; size: number }[];
        };
        for (const b of [doc.config, ...doc.layers]) {
          const blob = Buffer.from(
            await (await e.fetch(`https://reg.example.com/v2/app/blobs/${b.digest}`, { headers: auth })).arrayBuffer(),
          );
          expect(blob.length).toBe(b.size);
          expect(sha256(blob)).toBe(b.digest);
        }
      }
    } finally {
      await e.close();
    }
  });

  it('orders /acr/v1/_tags by lastUpdateTime for orderby=timedesc|timeasc, pages with a Link that keeps orderby', async () => {
    const names = async (q: string): Promise<{ names: string[]; link: string | null }> => {
      const res = await get(`/acr/v1/orders-api/_tags${q}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { tags: { name: string }[] };
      return { names: body.tags.map((t) => t.name), link: res.headers.get('link') };
    };
    expect((await names('')).names).toEqual(['latest', 'v1.4.0', 'v1.4.1']);
    expect((await names('?orderby=timedesc')).names).toEqual(['latest', 'v1.4.1', 'v1.4.0']);
    expect((await names('?orderby=timeasc')).names).toEqual(['v1.4.0', 'v1.4.1', 'latest']);
    const first = await names('?orderby=timedesc&n=1');
    expect(first.names).toEqual(['latest']);
    expect(first.link).toBe('</acr/v1/orders-api/_tags?last=latest&n=1&orderby=timedesc>; rel="next"');
    expect((await names('?orderby=timedesc&n=1&last=latest')).names).toEqual(['v1.4.1']);
    const tag = (await (await get('/acr/v1/orders-api/_tags/latest')).json()) as {
      tag: { createdTime: string; lastUpdateTime: string };
    };
    expect(tag.tag).toMatchObject({ createdTime: '2026-11-03T09:14:00Z', lastUpdateTime: '2026-11-12T09:42:30Z' });
    expect((await get('/acr/v1/orders-api/_tags?orderby=name')).status).toBe(400);
  });

  it('defaults tag times to distinct days before now, the first listed oldest', async () => {
    const d = `sha256:${'5'.repeat(64)}`;
    const e = await startEmulator(
      parseWorld(
        world(`      app:\n        tags: {b: "${d}", a: "${d}", c: "${d}"}\n        manifests:\n          "${d}": {}`),
      ),
    );
    try {
      const tok = (await (
        await e.fetch(
          'https://reg.example.com/oauth2/token?service=reg.example.com&scope=repository:app:metadata_read',
          {
            headers: {
              authorization: `Basic ${Buffer.from(`${e.gate.clientId}:${e.gate.clientSecret}`).toString('base64')}`,
            },
          },
        )
      ).json()) as { access_token: string };
      const res = await e.fetch('https://reg.example.com/acr/v1/app/_tags?orderby=timeasc', {
        headers: { authorization: `Bearer ${tok.access_token}` },
      });
      const tags = ((await res.json()) as { tags: { name: string; createdTime: string }[] }).tags;
      expect(tags.map((t) => [t.name, t.createdTime])).toEqual([
        ['b', '2026-11-18T00:00:00.000Z'],
        ['a', '2026-11-19T00:00:00.000Z'],
        ['c', '2026-11-20T00:00:00.000Z'],
      ]);
    } finally {
      await e.close();
    }
  });

  it("names the cluster by its fqdn in the kubeconfig, and @kubernetes/client-node reaches it through the emulator's proxy", async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(emu.kubeconfigPath);
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'prod-aks',
      server: 'https://prod-aks-4f2a9c1e.hcp.westeurope.azmk8s.io:443',
      proxyUrl: emu.proxyUrl,
    });
    expect(emu.clusterHosts).toEqual(['prod-aks-4f2a9c1e.hcp.westeurope.azmk8s.io']);
    const secrets = await kc.makeApiClient(CoreV1Api).listNamespacedSecret({ namespace: 'batch' });
    expect(secrets.items.map((s) => s.metadata?.name)).toEqual(['ci-pull']);
  });
});

describe("the gate's kubeconfig-to-cluster tie under --simulate", () => {
  it('switches to the context of the cluster under check (two clusters), and refuses a server no cluster has', async () => {
    const cluster = (
      rg: string,
      name: string,
      fqdn: string,
    ): string => `    - id: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${name}
      name: ${name}
      type: Microsoft.ContainerService/managedClusters
      properties: {fqdn: ${fqdn}}`;
    const e = await startEmulator(
      parseWorld(`apiVersion: aks-pull-gate/v1
kind: World
azure:
  subscriptions: [{subscriptionId: 11111111-1111-1111-1111-111111111111, tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa}]
  resources:
${cluster('rg-staging', 'aks', 'aks-staging-1a2b.hcp.westeurope.azmk8s.io')}
${cluster('rg-prod', 'aks', 'aks-prod-3c4d.hcp.westeurope.azmk8s.io')}
kubernetes:
  - {apiVersion: v1, kind: ServiceAccount, metadata: {name: orders, namespace: prod}}
`),
    );
    try {
      const kc = JSON.parse(readFileSync(e.kubeconfigPath, 'utf8')) as {
        contexts: { name: string }[];
        'current-context': string;
      };
      expect(kc.contexts.map((c) => c.name)).toEqual(['aks', 'aks-rg-prod']);
      expect(kc['current-context']).toBe('aks');
      const reader = clusterObjectReader(e.kubeconfigPath, ['aks-prod-3c4d.hcp.westeurope.azmk8s.io']);
      const sa = await reader.readServiceAccount('prod', 'orders');
      expect(sa).toMatchObject({ state: 'found' });
      expect(() => clusterObjectReader(e.kubeconfigPath, ['other-5e6f.hcp.westeurope.azmk8s.io'])).toThrow(
        KubeconfigElsewhereError,
      );
    } finally {
      await e.close();
    }
  });
});
