// scripts/readme-tables.mjs over a scratch action.yml and README.md in a temp dir (the repository's own files are
// checked by `npm run readme:check` in CI).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = new URL('../../scripts/readme-tables.mjs', import.meta.url).pathname;

const ACTION = `name: Scratch
description: test
inputs:
  manifests:
    description: |
      Rendered manifests: files, directories or globs.

      One per line | or comma separated.
    required: true
  fail-on:
    description: "error, warning or never."
    required: false
    default: error
  github-token:
    description: Token for the PR comment.
    default: \${{ github.token }}
  old-flag:
    description: Old.
    deprecationMessage: Use fail-on.
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
    [SCRIPT, '--action', path.join(dir, 'action.yml'), '--readme', path.join(dir, 'README.md'), ...args],
    {
      encoding: 'utf8',
    },
  );

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'readme-tables-'));
  writeFileSync(path.join(dir, 'action.yml'), ACTION);
  writeFileSync(path.join(dir, 'README.md'), README);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readme-tables', () => {
  it('renders the inputs and outputs tables between the markers from action.yml', () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(`# Scratch

## Inputs

<!-- inputs:start -->
| Input | Description | Default | Required |
|---|---|---|---|
| \`manifests\` | Rendered manifests: files, directories or globs.<br>One per line \\| or comma separated. |  | yes |
| \`fail-on\` | error, warning or never. | \`error\` | no |
| \`github-token\` | Token for the PR comment. | \`\${{ github.token }}\` | no |
| \`old-flag\` | Old. **Deprecated:** Use fail-on. |  | no |
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

  it('--check exits 1 with a diff when an input was added to action.yml but not to the README', () => {
    run();
    writeFileSync(
      path.join(dir, 'action.yml'),
      ACTION.replace(
        'outputs:\n',
        '  timeout:\n    description: Overall timeout, seconds.\n    default: "120"\noutputs:\n',
      ),
    );
    const before = readFileSync(path.join(dir, 'README.md'), 'utf8');
    const r = run('--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is out of date with');
    expect(r.stderr).toContain('+| `timeout` | Overall timeout, seconds. | `120` | no |');
    expect(r.stderr).not.toContain('-| `fail-on`');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(before);
  });

  it('exits 2 naming the markers when the README lacks them', () => {
    writeFileSync(path.join(dir, 'README.md'), '# no markers\n');
    const r = run('--check');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('<!-- inputs:start --> and <!-- inputs:end -->');
  });
});
