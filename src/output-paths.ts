// Where reports will be written, checked before the run: a typo in --output must not cost a full run and then fail,
// and --output must never overwrite one of the manifests being checked (`--output k8s/app.yaml` is one keystroke away).

import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Why a report file cannot be written, or undefined when it can (the file may not exist yet). */
export function unwritableReason(file: string, cwd: string): string | undefined {
  const abs = path.resolve(cwd, file);
  try {
    const st = statSync(abs);
    if (st.isDirectory()) return `${file} is a directory`;
    accessSync(abs, constants.W_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return `${file} is not writable`;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${file} cannot be written (${code ?? 'unknown error'})`;
  }
  // The file does not exist: its nearest existing ancestor must be a writable directory (mkdir -p fills the rest).
  let dir = path.dirname(abs);
  for (;;) {
    try {
      const st = statSync(dir);
      if (!st.isDirectory()) return `${file} cannot be created: ${path.relative(cwd, dir) || dir} is not a directory`;
      accessSync(dir, constants.W_OK);
      return undefined;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM')
        return `${file} cannot be created: ${path.relative(cwd, dir) || dir} is not writable`;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${file} cannot be created (${code ?? 'unknown error'})`;
    }
    const up = path.dirname(dir);
    if (up === dir) return `${file} cannot be created`;
    dir = up;
  }
}

/** The report file is one of the input manifests (or inside an input directory's files): refusing beats overwriting. */
export function overwritesInput(file: string, manifests: string[], cwd: string): boolean {
  const abs = path.resolve(cwd, file);
  return manifests.some((m) => {
    if (m === '-') return false;
    const input = path.resolve(cwd, m);
    if (input === abs) return true;
    try {
      return statSync(input).isDirectory() && abs.startsWith(input + path.sep) && /\.(ya?ml|json)$/i.test(abs);
    } catch {
      return false;
    }
  });
}
