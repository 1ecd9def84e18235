// Resolves the `manifests` input — files, directories (recursive), globs, and `-` for stdin — into the list of files
// to read. A path that does not exist or a glob that matches nothing is the user's mistake: ConfigurationError, exit 2.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ConfigurationError } from '../settings/config.js';

export const STDIN = '-';
const MANIFEST_EXT = /\.(ya?ml|json)$/i;

export interface ManifestSource {
  /** Absolute path, or `-` for stdin. */
  path: string;
  /** Path shown in reports: relative to the working directory, forward slashes. */
  display: string;
}

export async function resolveManifestInputs(inputs: string[], cwd: string): Promise<ManifestSource[]> {
  if (inputs.length === 0)
    throw new ConfigurationError('manifests is required: give one or more files, directories, globs, or - for stdin');
  const seen = new Set<string>();
  const out: ManifestSource[] = [];
  const add = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ path: abs, display: displayPath(abs, cwd) });
  };
  for (const input of inputs) {
    if (input === STDIN) {
      if (!seen.has(STDIN)) out.push({ path: STDIN, display: '<stdin>' });
      seen.add(STDIN);
      continue;
    }
    const abs = path.resolve(cwd, input);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isDirectory()) {
      const files = await glob(['**/*.yaml', '**/*.yml', '**/*.json'], {
        cwd: abs,
        absolute: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      files.sort();
      if (files.length === 0)
        throw new ConfigurationError(`manifests: directory "${input}" has no .yaml, .yml or .json files`);
      files.forEach(add);
    } else if (st?.isFile()) {
      add(abs);
    } else if (isDynamicPattern(input)) {
      const files = (
        await glob([input], { cwd, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] })
      ).sort();
      const matched = files.filter((f) => MANIFEST_EXT.test(f) || !input.endsWith('*'));
      if (matched.length === 0) throw new ConfigurationError(`manifests: no file matches "${input}"`);
      matched.forEach(add);
    } else {
      throw new ConfigurationError(`manifests: "${input}" does not exist`);
    }
  }
  return out;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
}
