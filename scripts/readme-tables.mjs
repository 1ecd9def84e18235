// Renders the README's inputs table from the options table (src/settings/options.ts: every action input, which is
// also a CLI flag of the same name, plus the CLI-only flags) and its outputs table from action.yml, between
// <!-- inputs:start -->/<!-- inputs:end --> and <!-- outputs:start -->/<!-- outputs:end -->, so the README never
// drifts from what the action and the CLI accept. `--check` changes nothing and exits 1 with a diff when the README is
// stale (CI runs it); exit 2 when a file or a marker is missing.
//
//   node scripts/readme-tables.mjs [--check] [--options src/settings/options.ts] [--action action.yml] [--readme README.md]
//
// The options module is TypeScript: Node 24 strips its types, and the hook below maps the `.js` of its relative
// imports (NodeNext style) to the `.ts` beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import './ts-import-hook.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

function fail(message) {
  console.error(`readme-tables: ${message}`);
  process.exit(2);
}

function args(argv) {
  const out = { check: false, action: 'action.yml', readme: 'README.md', options: 'src/settings/options.ts' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') out.check = true;
    else if (a === '--action' || a === '--readme' || a === '--options') {
      const v = argv[++i];
      if (!v) fail(`${a} needs a path`);
      out[a.slice(2)] = v;
    } else fail(`unknown argument "${a}" (accepted: --check, --options <path>, --action <path>, --readme <path>)`);
  }
  return out;
}

/** One table cell: single line, pipes escaped, so a multi-line YAML description cannot break the table. */
function cell(text) {
  return String(text ?? '')
    .trim()
    .replace(/\r?\n\s*\r?\n/g, '<br>')
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

/** A code span for a default value; backticks inside get a longer fence. */
function code(text) {
  const s = String(text);
  if (s === '') return '';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** One row per option: the input name (= the flag), what it does, its default, where it acts. */
function inputsTable(options, defaultText) {
  const rows = options.map((spec) => {
    const name = spec.cliOnly ? `\`--${spec.name}\`` : `\`${spec.name}\``;
    const notes = [];
    if (spec.cliOnly) notes.push('CLI only');
    if (spec.githubOnly) notes.push('GitHub only');
    if (spec.kind === 'boolean') notes.push(`\`--[no-]${spec.name}\``);
    if (spec.multiple) notes.push('list: one per line; repeatable flag');
    if (spec.notInFile) notes.push('not in `.aks-pull-gate.yaml`');
    // A one-word default is a value (a code span); a sentence says where the default comes from (plain text).
    const d = defaultText(spec);
    const shown = /^\S*$/.test(d) ? code(d) : cell(d);
    return `| ${name} | ${cell(spec.description)} | ${shown} | ${notes.join('; ')} |`;
  });
  return ['| Input (= flag) | Description | Default | Notes |', '|---|---|---|---|', ...rows].join('\n');
}

function outputsTable(outputs) {
  const rows = Object.entries(outputs ?? {}).map(([name, spec]) => `| \`${name}\` | ${cell(spec?.description)} |`);
  return ['| Output | Description |', '|---|---|', ...rows].join('\n');
}

function replaceBetween(text, name, table, readmePath) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0 || j < i) fail(`${readmePath} needs the markers ${start} and ${end}, in that order`);
  return `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`;
}

/** A line diff (longest common subsequence) printed like `diff -u` without hunk headers. */
function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`+${b[j++]}`);
    } else {
      out.push(`-${a[i++]}`);
    }
  }
  return out.join('\n');
}

const opts = args(process.argv.slice(2));
let actionText;
let readme;
try {
  actionText = readFileSync(opts.action, 'utf8');
} catch {
  fail(`cannot read ${opts.action}`);
}
try {
  readme = readFileSync(opts.readme, 'utf8');
} catch {
  fail(`cannot read ${opts.readme}`);
}
let action;
try {
  action = parse(actionText) ?? {};
} catch (e) {
  fail(`${opts.action} is not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
}

let optionsModule;
try {
  optionsModule = await import(pathToFileURL(path.resolve(opts.options)).href);
} catch (e) {
  fail(`cannot load ${opts.options}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
}
const { OPTION_LIST, defaultText } = optionsModule;
if (!Array.isArray(OPTION_LIST) || typeof defaultText !== 'function') {
  fail(`${opts.options} must export OPTION_LIST and defaultText`);
}
const inputNames = new Set(OPTION_LIST.filter((o) => !o.cliOnly).map((o) => o.name));
const missing = Object.keys(action.inputs ?? {}).filter((n) => !inputNames.has(n));
if (missing.length) fail(`${opts.action} has inputs the options table lacks: ${missing.join(', ')}`);

let next = replaceBetween(readme, 'inputs', inputsTable(OPTION_LIST, defaultText), opts.readme);
next = replaceBetween(next, 'outputs', outputsTable(action.outputs), opts.readme);

if (opts.check) {
  if (next !== readme) {
    console.error(
      `readme-tables: ${opts.readme} is out of date with ${opts.options} / ${opts.action}; run \`npm run readme:update\`.\n` +
        `--- ${opts.readme}\n+++ ${opts.readme} (generated)\n${lineDiff(readme, next)}`,
    );
    process.exit(1);
  }
  console.log(`readme-tables: ${opts.readme} is up to date with ${opts.options} and ${opts.action}`);
} else if (next !== readme) {
  writeFileSync(opts.readme, next);
  console.log(`readme-tables: updated the inputs and outputs tables in ${opts.readme}`);
} else {
  console.log(`readme-tables: ${opts.readme} already up to date`);
}
