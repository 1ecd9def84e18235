// Runs the committed bundles (dist/index.js, dist/cli/index.js) as a user or the Actions runner would, and captures
// what they print. `npm test` rebuilds dist/ first, so these exercise the code under test.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): RunResult {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/index.js'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runAction(env: NodeJS.ProcessEnv, cwd: string): RunResult {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')),
  );
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/index.js')], {
    cwd,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
