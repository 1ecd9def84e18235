// Issue 18, overlap: the sign-in, the cluster read and ARM's registry listing do not need the manifests when the
// settings (a named cluster) or a manifest's text (an ACR login server) already say Azure is needed, so they run while
// the manifests are read. They are still read once per run (the collectors share the early answers), a run whose
// manifests name no ACR still signs in only after the inventory says so, and a manifest read that fails still ends
// the run with its one-line error and the emulator closed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testConfig } from '../helpers/config.js';
import { acrHostIn } from '../../src/lib/acr-host.js';
import type { Inventory } from '../../src/types/index.js';

const emulators: { close(): Promise<void>; requestCounts(): Record<string, number> }[] = [];
const closed: boolean[] = [];
vi.mock('../../src/simulate/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/simulate/index.js')>();
  return {
    ...real,
    startEmulator: async (...args: Parameters<typeof real.startEmulator>) => {
      const emu = await real.startEmulator(...args);
      const i = emulators.push(emu) - 1;
      closed[i] = false;
      const close = emu.close.bind(emu);
      emu.close = async () => {
        closed[i] = true;
        await close();
      };
      return emu;
    },
  };
});
const { runGate } = await import('../../src/gate.js');
const { createFactContext } = await import('../../src/facts/context.js');
const { loadWorld, startEmulator } = await import('../../src/simulate/index.js');

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const WORLD = path.resolve('examples/world.yaml');
const MANIFEST = readFileSync('examples/manifests/orders-api.yaml');
const quiet = { debug: () => {}, info: () => {}, warning: () => {} };

afterEach(() => {
  emulators.length = 0;
  closed.length = 0;
});

/** A gate run on stdin whose manifests arrive only once `release` says so; marks record the order of things. */
async function runWithSlowStdin(release: (marks: string[]) => boolean, manifest: Buffer = MANIFEST) {
  const marks: string[] = [];
  let arrive: (b: Buffer) => void = () => {};
  const stdin = new Promise<Buffer>((resolve) => (arrive = resolve));
  const check = () => {
    if (release(marks)) arrive(manifest);
  };
  const result = runGate(
    testConfig({ manifests: ['-'], cluster: CLUSTER, subscription: SUB, simulate: WORLD, timeoutMs: 30_000 }),
    {
      logger: quiet,
      maskSecret: () => {},
      env: {},
      readStdin: () => {
        check();
        return stdin;
      },
      mark: (name) => {
        marks.push(name);
        check();
      },
    },
  );
  // Nothing the gate starts early may keep the manifests waiting forever: release them after 5 s at the latest.
  const fallback = setTimeout(() => arrive(manifest), 5_000);
  try {
    return { result: await result, marks };
  } finally {
    clearTimeout(fallback);
  }
}

describe('reads that start while the manifests are read', () => {
  it('signs in before the manifests arrive when a cluster is named, and reads ARM no more often', async () => {
    const early = await runWithSlowStdin((marks) => marks.includes('signed in'));
    expect(early.marks.indexOf('signed in')).toBeGreaterThanOrEqual(0);
    expect(early.marks.indexOf('signed in')).toBeLessThan(early.marks.indexOf('manifests read'));
    // The same run with the manifests there at once: the same verdict and the same ARM, Entra and Graph requests.
    const prompt = await runWithSlowStdin(() => true);
    expect(prompt.marks.indexOf('manifests read')).toBeLessThan(prompt.marks.indexOf('report'));
    expect(early.result.exitCode).toBe(prompt.result.exitCode);
    expect(early.result.report.findings.map((f) => f.rule).sort()).toEqual(
      prompt.result.report.findings.map((f) => f.rule).sort(),
    );
    const azure = (r: Record<string, number>) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => /^emulator\.(arm|entra|graph)/.test(k)));
    expect(azure(early.result.requests)).toEqual(azure(prompt.result.requests));
    expect(Object.keys(azure(early.result.requests)).length).toBeGreaterThan(0);
  });

  it('ends with the one-line error of an empty stdin, the early sign-in notwithstanding, and closes the world', async () => {
    const run = runWithSlowStdin((marks) => marks.includes('signed in'), Buffer.alloc(0));
    await expect(run).rejects.toThrow(/no manifests on standard input/);
    expect(closed).toEqual([true]);
  });
});

describe('ACR image checks that start at the sign-in', () => {
  const POD = Buffer.from(
    'apiVersion: v1\nkind: Pod\nmetadata: {name: late, namespace: orders}\nspec:\n  containers:\n' +
      '  - name: web\n    image: prodacr.azurecr.io/mirror/nginx:1.27.3\n',
  );
  async function run(gated: boolean) {
    const marks: string[] = [];
    const result = await runGate(
      testConfig({
        manifests: [path.resolve('examples/manifests/orders-api.yaml'), '-'],
        cluster: CLUSTER,
        subscription: SUB,
        simulate: WORLD,
        timeoutMs: 30_000,
      }),
      {
        logger: quiet,
        maskSecret: () => {},
        env: {},
        // Gated: the second manifest (stdin) is handed over only once the world's ACR has served a manifest, so a
        // gate that waited for the inventory (and the discovery after it) before asking ACR never gets it.
        readStdin: async () => {
          const end = Date.now() + 10_000;
          while (gated && (emulators.at(-1)?.requestCounts()['manifest-get'] ?? 0) === 0) {
            if (Date.now() > end) throw new Error('no ACR manifest was asked for while the manifests were read');
            await new Promise((r) => setTimeout(r, 5));
          }
          marks.push('stdin read');
          return POD;
        },
        mark: (name) => marks.push(name),
      },
    );
    return { result, marks };
  }

  it('asks ACR with the gate identity while the manifests are still read, with the verdict and requests of a plain run', async () => {
    const early = await run(true);
    expect(early.marks.indexOf('signed in')).toBeLessThan(early.marks.indexOf('stdin read'));
    expect(early.marks.indexOf('stdin read')).toBeLessThan(early.marks.indexOf('manifests read'));
    const prompt = await run(false);
    expect(early.result.exitCode).toBe(prompt.result.exitCode);
    expect(early.result.report.findings.map((f) => `${f.rule} ${f.image ?? ''}`).sort()).toEqual(
      prompt.result.report.findings.map((f) => `${f.rule} ${f.image ?? ''}`).sort(),
    );
    // One exchange per registry, one manifest per image, whichever client asked: the counts are the same.
    const registry = (r: Record<string, number>) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('emulator.')));
    expect(registry(early.result.requests)).toEqual(registry(prompt.result.requests));
    expect(early.result.requests['manifest-get']).toBeGreaterThan(0);
    expect(early.result.requests['acr-exchange']).toBe(1);
  });
});

describe('the sign-in decision before the inventory', () => {
  it('a manifest naming an ACR starts the sign-in though the inventory is not done', async () => {
    const world = await loadWorld(WORLD);
    const emu = await startEmulator(world);
    try {
      const never = new Promise<Inventory>(() => {});
      const ctx = await createFactContext(
        testConfig({ manifests: ['-'], simulate: WORLD }),
        { logger: quiet, maskSecret: () => {} },
        emu,
        new Date(),
        AbortSignal.timeout(30_000),
        never,
        { acrNamed: Promise.resolve('prodacr.azurecr.io') },
      );
      expect(ctx.azure).toBeDefined();
    } finally {
      await emu.close();
    }
  });

  it('without that hint nor a cluster, waits for the inventory, and signs in only if it needs Azure', async () => {
    const world = await loadWorld(WORLD);
    const emu = await startEmulator(world);
    try {
      const inventory: Inventory = { files: [], uses: [], secrets: [], serviceAccounts: [], findings: [] };
      const ctx = await createFactContext(
        testConfig({ manifests: ['-'], simulate: WORLD, clusterReads: false }),
        { logger: quiet, maskSecret: () => {} },
        emu,
        new Date(),
        AbortSignal.timeout(30_000),
        Promise.resolve(inventory),
        { acrNamed: new Promise<string>(() => {}) },
      );
      expect(ctx.azure).toBeUndefined();
      expect(Object.keys(emu.requestCounts()).filter((k) => k.startsWith('entra'))).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});

describe('acrHostIn', () => {
  it.each([
    ['image: myacr.azurecr.io/app:1', 'myacr.azurecr.io'],
    ['image: "Prod.eastus.geo.azurecr.io/x@sha256:ab"', 'prod.eastus.geo.azurecr.io'],
    ['- image: gov.azurecr.us:443/x', 'gov.azurecr.us'],
    ['image: cn1.azurecr.cn/x', 'cn1.azurecr.cn'],
  ])('finds the ACR host in %s', (text, host) => {
    expect(acrHostIn(text)).toBe(host);
  });

  it.each([
    'image: azurecr.io/x',
    'image: docker.io/library/azurecr.iox',
    'image: my.azurecr.io.example.com/x',
    'image: ghcr.io/org/app:1',
    '',
  ])('finds none in %s', (text) => {
    expect(acrHostIn(text)).toBeUndefined();
  });
});
