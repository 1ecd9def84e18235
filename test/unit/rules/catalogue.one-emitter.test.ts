// Each rule id is emitted from exactly one module (issue 13, "Done when": `grep -rln "'<rule-id>'" src` lists the
// RuleId union, the catalogue and one emitter). Two implementations of one rule drift apart (the audit and the gate
// once gave the same scoped token two acr-token-expiring findings with different messages), so a second module that
// spells a rule id fails here: it should call the owning module's rule function, or read a catalogue field.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/rules/catalogue.js';

const SRC = path.resolve('src');
const ID_HOLDERS = ['src/types/finding.ts', 'src/rules/catalogue.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const files = sources(SRC).map((p) => ({
  file: path.relative(process.cwd(), p).split(path.sep).join('/'),
  text: readFileSync(p, 'utf8'),
}));

/** Values of a string-literal union type `export type <name> = | 'a' | 'b';` in a source file. */
function unionValues(file: string, name: string): string[] {
  const text = files.find((f) => f.file === file)?.text ?? '';
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(text);
  return m ? [...m[1].matchAll(/'([a-z0-9-]+)'/g)].map((x) => x[1]) : [];
}

const ruleIds = unionValues('src/types/finding.ts', 'RuleId');
// An image status with the same spelling as a rule id (repository-not-found) is read as a status in many modules;
// for those ids only the emitting position counts: `rule: '<id>'` or a `finding(<ctx>, '<id>'` call.
const statuses = new Set([
  ...unionValues('src/types/index.ts', 'ImageStatus'),
  ...unionValues('src/types/facts/images.ts', 'ImageCheckStatus'),
]);

function modulesSpelling(id: string): string[] {
  const literal = `'${id}'`;
  const emitting = new RegExp(`(rule:\\s*|finding\\(\\s*\\w+,\\s*)'${id}'`);
  return files
    .filter((f) => !ID_HOLDERS.includes(f.file))
    .filter((f) => (statuses.has(id) ? emitting.test(f.text) : f.text.includes(literal)))
    .map((f) => f.file);
}

describe('each rule id has one emitter', () => {
  it('reads the RuleId union, and the catalogue describes exactly those ids', () => {
    expect(ruleIds.length).toBeGreaterThan(40);
    expect([...ruleIds].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(ruleIds)('%s is spelled in one module besides the union and the catalogue', (id) => {
    expect(modulesSpelling(id)).toHaveLength(1);
  });
});
