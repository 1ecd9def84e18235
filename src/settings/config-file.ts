// The repository settings file, `.aks-pull-gate.yaml`: any option's default (the table's names as keys) and `ignore:`
// entries, the findings a team accepts on purpose. Found at the workspace root (GITHUB_WORKSPACE, or the CLI's working
// directory) or named by `--config` / the `config` input. Every mistake in it is a ConfigurationError naming file:line
// (exit 2): an unknown key, a bad value, an ignore entry without reason or expires. Applying the entries to findings
// is not done here.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { IgnoreEntry } from '../types/suppression.js';
import { ConfigurationError } from './config.js';
import { OPTIONS, type OptionName } from './options.js';
import type { Layer } from './resolve.js';

export const SETTINGS_FILE_NAME = '.aks-pull-gate.yaml';
const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface SettingsFile {
  /** How the file is named in messages and in IgnoreEntry.source: relative to the workspace when inside it. */
  name: string;
  values: Layer;
  ignore: IgnoreEntry[];
}

/**
 * Reads the settings file: `explicitPath` (the --config flag / config input, relative to `root`) must exist; without
 * it, `<root>/.aks-pull-gate.yaml` is read when present. Undefined when there is none.
 */
export function loadSettingsFile(explicitPath: string | undefined, root: string): SettingsFile | undefined {
  const file = explicitPath ? path.resolve(root, explicitPath) : path.join(root, SETTINGS_FILE_NAME);
  if (!explicitPath && !existsSync(file)) return undefined;
  const rel = path.relative(root, file);
  const name = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ConfigurationError(`config ${name} is not a file`);
    if (st.size > MAX_SETTINGS_BYTES) throw new ConfigurationError(`config ${name} is larger than 1 MiB`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ConfigurationError) throw err;
    throw new ConfigurationError(
      `config file ${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseSettingsFile(text, name);
}

const IGNORE_KEYS = ['rule', 'image', 'namespace', 'workload', 'reason', 'expires'] as const;
const RULE_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Pure: the file's text -> validated values and ignore entries, or a ConfigurationError naming `name:line`. */
export function parseSettingsFile(text: string, name: string): SettingsFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const at = (node: Node | Pair | null | undefined): string => {
    const range = node && 'range' in node ? node.range : node && 'key' in node ? (node.key as Node)?.range : undefined;
    return `${name}:${range ? lc.linePos(range[0]).line : 1}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = lc.linePos(e.pos[0]).line;
    throw new ConfigurationError(`${name}:${line}: not valid YAML (${e.message.split('\n')[0]})`);
  }
  const out: SettingsFile = { name, values: new Map(), ignore: [] };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return out;
  if (!isMap(root)) throw new ConfigurationError(`${at(root)}: the settings file must be a map of option: value`);
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const where = at(keyNode);
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (key === 'ignore') {
      out.ignore = parseIgnore(pair.value as Node | null, name, at);
      continue;
    }
    const spec = (OPTIONS as Record<string, (typeof OPTIONS)[OptionName]>)[key];
    if (!spec || spec.cliOnly || spec.notInFile) {
      const why = spec?.notInFile
        ? ' (it cannot be set in the settings file)'
        : spec?.cliOnly
          ? ' (a CLI-only flag)'
          : '';
      throw new ConfigurationError(
        `${where}: unknown key "${key}"${why}; the file takes the action's input names and ignore:`,
      );
    }
    out.values.set(key as OptionName, { value: fileValue(spec, pair.value as Node | null, where), where });
  }
  return out;
}

function fileValue(spec: (typeof OPTIONS)[OptionName], node: Node | null, where: string): unknown {
  const scalarText = (n: Node | null): string => {
    if (!n || !isScalar(n) || n.value === null || n.value === undefined || typeof n.value === 'object')
      throw new ConfigurationError(`${where}: ${spec.name} needs a plain value`);
    return String(n.value);
  };
  try {
    if (spec.multiple && isSeq(node)) {
      return node.items.flatMap((item) => (spec.parse as (raw: string) => unknown[])(scalarText(item as Node)));
    }
    if (isSeq(node)) throw new ConfigurationError(`${spec.name} takes one value, not a list`);
    return (spec.parse as (raw: string) => unknown)(scalarText(node));
  } catch (err) {
    if (err instanceof ConfigurationError && !err.message.startsWith(where)) {
      throw new ConfigurationError(`${where}: ${err.message}`);
    }
    throw err;
  }
}

function parseIgnore(node: Node | null, name: string, at: (n: Node | null | undefined) => string): IgnoreEntry[] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) throw new ConfigurationError(`${at(node)}: ignore must be a list of entries`);
  return node.items.map((item) => {
    const entryNode = item as Node;
    const where = at(entryNode);
    if (!isMap(entryNode)) {
      throw new ConfigurationError(
        `${where}: an ignore entry is a map {rule, image, namespace, workload, reason, expires}`,
      );
    }
    const fields: Partial<Record<(typeof IGNORE_KEYS)[number], string>> = {};
    for (const pair of entryNode.items) {
      const k = pair.key as Node;
      const key = isScalar(k) ? String(k.value) : '';
      const v = pair.value as Node | null;
      if (!(IGNORE_KEYS as readonly string[]).includes(key)) {
        throw new ConfigurationError(
          `${at(k)}: unknown key "${key}" in an ignore entry (accepted: ${IGNORE_KEYS.join(', ')})`,
        );
      }
      if (!v || !isScalar(v) || v.value === null || typeof v.value === 'object' || String(v.value).trim() === '') {
        throw new ConfigurationError(`${at(k)}: ${key} needs a value`);
      }
      fields[key as (typeof IGNORE_KEYS)[number]] = String(v.value).trim();
    }
    for (const required of ['rule', 'reason', 'expires'] as const) {
      if (!fields[required]) {
        throw new ConfigurationError(
          `${where}: an ignore entry needs ${required}${required === 'rule' ? '' : ' (every accepted finding says why and until when)'}`,
        );
      }
    }
    if (!RULE_ID_RE.test(fields.rule!)) {
      throw new ConfigurationError(`${where}: rule must be a rule id like image-tag-mutable (got "${fields.rule}")`);
    }
    if (!isCalendarDate(fields.expires!)) {
      throw new ConfigurationError(`${where}: expires must be a date YYYY-MM-DD (got "${fields.expires}")`);
    }
    const entry: IgnoreEntry = {
      rule: fields.rule!,
      reason: fields.reason!,
      expires: fields.expires!,
      source: where,
      kind: 'external',
    };
    if (fields.image) entry.image = fields.image;
    if (fields.namespace) entry.namespace = fields.namespace;
    if (fields.workload) entry.workload = fields.workload;
    return entry;
  });
}

/** `YYYY-MM-DD` naming a day that exists (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
