// --output and --sarif-file are checked before the run (exit 2 up front), and --output never overwrites an input.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { overwritesInput, unwritableReason } from '../../src/output-paths.js';
import { main } from '../../src/cli-main.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apg-outputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
mkdirSync(path.join(tmp, 'k8s'));
writeFileSync(
  path.join(tmp, 'k8s', 'app.yaml'),
  'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - {name: a, image: "r.example/a:1"}\n',
);
writeFileSync(path.join(tmp, 'plain-file'), 'x');

describe('report paths', () => {
  it('accepts a new file in an existing or creatable directory', () => {
    expect(unwritableReason('out/report.json', tmp)).toBeUndefined();
    expect(unwritableReason('report.json', tmp)).toBeUndefined();
  });

  it('refuses a directory, and a path under a plain file', () => {
    expect(unwritableReason('k8s', tmp)).toBe('k8s is a directory');
    expect(unwritableReason('plain-file/report.json', tmp)).toMatch(/plain-file is not a directory/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a directory without write permission', () => {
    const ro = path.join(tmp, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    expect(unwritableReason('ro/report.json', tmp)).toMatch(/ro is not writable/);
    chmodSync(ro, 0o700);
  });

  it('knows when --output names an input manifest, directly or inside an input directory', () => {
    expect(overwritesInput('k8s/app.yaml', ['k8s/app.yaml'], tmp)).toBe(true);
    expect(overwritesInput('k8s/new.yaml', ['k8s'], tmp)).toBe(true);
    expect(overwritesInput('report.json', ['k8s'], tmp)).toBe(false);
    expect(overwritesInput('report.json', ['-'], tmp)).toBe(false);
  });
});

describe('the CLI checks them before the run', () => {
  const err: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    err.length = 0;
  });
  const run = async (argv: string[]): Promise<number> => {
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      return await main(argv);
    } finally {
      process.chdir(cwd);
    }
  };

  it('--output naming the input manifest is exit 2, and the manifest is left alone', async () => {
    const code = await run(['check', '--manifests', 'k8s/app.yaml', '--offline', '--output', 'k8s/app.yaml']);
    expect(code).toBe(2);
    expect(err.join('')).toBe(
      'aks-pull-gate: --output k8s/app.yaml is one of the input manifests: refusing to overwrite it\n',
    );
  });

  it('an unwritable --sarif-file is exit 2 before anything runs', async () => {
    const code = await run(['check', '--manifests', 'k8s/app.yaml', '--offline', '--sarif-file', 'plain-file/x.sarif']);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(
      /^aks-pull-gate: --sarif-file: plain-file\/x\.sarif cannot be created: plain-file is not a directory\n$/,
    );
  });
});
