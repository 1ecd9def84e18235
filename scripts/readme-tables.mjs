// Renders the action's inputs and outputs tables from action.yml into README.md, between
// <!-- inputs:start -->/<!-- inputs:end --> and <!-- outputs:start -->/<!-- outputs:end -->, so the README never
// drifts from what the action accepts. `--check` changes nothing and exits 1 with a diff when the README is stale
// (CI runs it); exit 2 when a file or a marker is missing.
//
//   node scripts/readme-tables.mjs [--check] [--action action.yml] [--readme README.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

function fail(message) {
  console.error(`readme-tables: ${message}`);
  process.exit(2);
}

function args(argv) {
  const out = { check: false, action: 'action.yml', readme: 'README.md' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') out.check = true;
    else if (a === '--action' || a === '--readme') {
      const v = argv[++i];
      if (!v) fail(`${a} needs a path`);
      out[a.slice(2)] = v;
    } else fail(`unknown argument "${a}" (accepted: --check, --action <path>, --readme <path>)`);
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

function inputsTable(inputs) {
  const rows = Object.entries(inputs ?? {}).map(([name, spec]) => {
    const s = spec ?? {};
    let description = cell(s.description);
    if (s.deprecationMessage) description += `${description ? ' ' : ''}**Deprecated:** ${cell(s.deprecationMessage)}`;
    const dflt = s.default === undefined ? '' : code(s.default);
    const required = s.required === true || s.required === 'true' ? 'yes' : 'no';
    return `| \`${name}\` | ${description} | ${dflt} | ${required} |`;
  });
  return ['| Input | Description | Default | Required |', '|---|---|---|---|', ...rows].join('\n');
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

let next = replaceBetween(readme, 'inputs', inputsTable(action.inputs), opts.readme);
next = replaceBetween(next, 'outputs', outputsTable(action.outputs), opts.readme);

if (opts.check) {
  if (next !== readme) {
    console.error(
      `readme-tables: ${opts.readme} is out of date with ${opts.action}; run \`npm run readme:update\`.\n` +
        `--- ${opts.readme}\n+++ ${opts.readme} (generated)\n${lineDiff(readme, next)}`,
    );
    process.exit(1);
  }
  console.log(`readme-tables: ${opts.readme} is up to date with ${opts.action}`);
} else if (next !== readme) {
  writeFileSync(opts.readme, next);
  console.log(`readme-tables: updated the inputs and outputs tables in ${opts.readme}`);
} else {
  console.log(`readme-tables: ${opts.readme} already up to date`);
}
