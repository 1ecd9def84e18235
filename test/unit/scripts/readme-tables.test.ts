// scripts/readme-tables.mjs over a scratch options table, action.yml and README.md in a temp dir (the repository's
// own files are checked by `npm run readme:check` in CI).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = new URL('../../../scripts/readme-tables.mjs', import.meta.url).pathname;

const OPTIONS = `export const OPTION_LIST = [
  { name: 'manifests', kind: 'string', multiple: true, default: [],
    description: 'Rendered manifests: files, directories or globs.\\n\\nOne per line | never commas.' },
  { name: 'fail-on', kind: 'string', default: 'error', description: 'error, warning or never.' },
  { name: 'offline', kind: 'boolean', default: false, description: 'No network.' },
  { name: 'format', kind: 'string', default: 'text', cliOnly: true, description: 'Report format.' },
  { name: 'github-token', kind: 'string', githubOnly: true, notInFile: true,
    defaultText: '\${{ github.token }} in the action', description: 'Token for the PR comment.' },
];
export function defaultText(spec) {
  if (spec.defaultText !== undefined) return spec.defaultText;
  return spec.default === undefined || (Array.isArray(spec.default) && spec.default.length === 0) ? '' : String(spec.default);
}
`;

const ACTION = `name: Scratch
description: test
inputs:
  manifests:
    description: Rendered manifests.
  fail-on:
    description: "error, warning or never."
  offline:
    description: No network.
  github-token:
    description: Token for the PR comment.
    default: \${{ github.token }}
outputs:
  ready:
    description: "true when every image can be pulled."
  report:
    description: Path of the JSON report.
runs:
  using: node24
  main: dist/index.js
`;

const README = `# Scratch

## Inputs

<!-- inputs:start -->
stale
<!-- inputs:end -->

## Outputs

<!-- outputs:start -->
<!-- outputs:end -->

## Limits
`;

let dir: string;
const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [
      SCRIPT,
      '--options',
      path.join(dir, 'options.mjs'),
      '--action',
      path.join(dir, 'action.yml'),
      '--readme',
      path.join(dir, 'README.md'),
      ...args,
    ],
    {
      encoding: 'utf8',
    },
  );

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'readme-tables-'));
  writeFileSync(path.join(dir, 'options.mjs'), OPTIONS);
  writeFileSync(path.join(dir, 'action.yml'), ACTION);
  writeFileSync(path.join(dir, 'README.md'), README);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readme-tables', () => {
  it('renders the inputs table from the options table and the outputs table from action.yml', () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(`# Scratch

## Inputs

<!-- inputs:start -->
| Input (= flag) | Description | Default | Notes |
|---|---|---|---|
| \`manifests\` | Rendered manifests: files, directories or globs.<br>One per line \\| never commas. |  | list: one per line; repeatable flag |
| \`fail-on\` | error, warning or never. | \`error\` |  |
| \`offline\` | No network. | \`false\` | \`--[no-]offline\` |
| \`--format\` | Report format. | \`text\` | CLI only |
| \`github-token\` | Token for the PR comment. | \${{ github.token }} in the action | GitHub only; not in \`.aks-pull-gate.yaml\` |
<!-- inputs:end -->

## Outputs

<!-- outputs:start -->
| Output | Description |
|---|---|
| \`ready\` | true when every image can be pulled. |
| \`report\` | Path of the JSON report. |
<!-- outputs:end -->

## Limits
`);
  });

  it('--check passes on an up-to-date README and changes nothing', () => {
    run();
    const before = readFileSync(path.join(dir, 'README.md'), 'utf8');
    const r = run('--check');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(before);
  });

  it('--check exits 1 with a diff when an option was added to the table but not to the README', () => {
    run();
    writeFileSync(
      path.join(dir, 'options.mjs'),
      OPTIONS.replace(
        'export const OPTION_LIST = [',
        "export const OPTION_LIST = [\n  { name: 'timeout', kind: 'string', defaultText: '120', description: 'Overall timeout, seconds.' },",
      ),
    );
    const before = readFileSync(path.join(dir, 'README.md'), 'utf8');
    const r = run('--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is out of date with');
    expect(r.stderr).toContain('+| `timeout` | Overall timeout, seconds. | `120` |  |');
    expect(r.stderr).not.toContain('-| `fail-on`');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(before);
  });

  it('exits 2 naming an action.yml input the options table lacks', () => {
    writeFileSync(
      path.join(dir, 'action.yml'),
      ACTION.replace('outputs:\n', '  stray:\n    description: Not in the table.\noutputs:\n'),
    );
    const r = run('--check');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has inputs the options table lacks: stray');
  });

  it('exits 2 naming the markers when the README lacks them', () => {
    writeFileSync(path.join(dir, 'README.md'), '# no markers\n');
    const r = run('--check');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('<!-- inputs:start --> and <!-- inputs:end -->');
  });
});
