// Parses one manifest file into documents of located nodes: every map, sequence and scalar keeps the line and column
// where it stands, so a finding can point at the exact `image:` scalar. Aliases and merge keys (`<<`, as kubectl's
// YAML 1.1 parser honours them) are resolved here, under budgets that stop alias bombs and pathological nesting.

import { parseManifestFast } from './yaml-fast.js';
import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface Pos {
  line: number;
  column: number;
}
export type LNode =
  | { t: 'map'; entries: Map<string, LNode>; pos: Pos; range?: [number, number] }
  | { t: 'seq'; items: LNode[]; pos: Pos; range?: [number, number] }
  | { t: 'scalar'; value: string | number | boolean | bigint | null; pos: Pos };

export interface ParsedDocument {
  /** Index of the document in the file, 0-based. */
  index: number;
  root: LNode | undefined;
  /** Helm's `# Source:` comment, when the document carries one. */
  helmSource?: string;
  pos: Pos;
  /** The file's text (shared, not copied): lets a finding quote what a non-scalar value looked like. */
  source: string;
}

export class ManifestSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface ParseLimits {
  /** Alias dereferences per document (a billion-laughs bomb needs millions). */
  maxAliases: number;
  /** Nesting depth of collections. */
  maxDepth: number;
  /** Nodes materialized per document, counting every alias expansion. */
  maxNodes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliases: 10_000, maxDepth: 500, maxNodes: 2_000_000 };

const SOURCE_RE = /^\s*Source:\s*(\S.*?)\s*$/m;

/** Located documents of a manifest file: the fast event reader where it can answer exactly, the full reader otherwise. */
export function parseManifestText(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument[] {
  return parseManifestFast(text, limits) ?? parseManifestTextFull(text, limits);
}

/** The full reader (`yaml`'s Parser + Composer): every construct, every error message. */
export function parseManifestTextFull(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const posOf = (offset: number | undefined): Pos => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const out: ParsedDocument[] = [];
  const take = (doc: Document.Parsed): void => {
    const err = doc.errors[0];
    if (err) {
      const p = posOf(err.pos[0]);
      throw new ManifestSyntaxError(cleanYamlMessage(err.message), p.line, p.column);
    }
    const contents = doc.contents as Node | null;
    const comment = [doc.commentBefore, contents?.commentBefore].filter(Boolean).join('\n');
    const helm = SOURCE_RE.exec(comment)?.[1];
    const pos = posOf(contents?.range?.[0] ?? doc.range?.[0]);
    const root = contents ? new Converter(doc, posOf, limits).convert(contents, 0) : undefined;
    const empty = !root || (root.t === 'scalar' && root.value === null);
    out.push({
      index: out.length,
      root: empty ? undefined : root,
      pos,
      source: text,
      ...(helm ? { helmSource: helm } : {}),
    });
  };
  // Document by document (Parser + Composer, as parseAllDocuments does inside): each yaml Document is converted to
  // the compact located tree and dropped, so a file of 100k documents never holds 100k Documents at once.
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ merge: true, uniqueKeys: true, prettyErrors: false });
  try {
    for (const token of parser.parse(text)) for (const doc of composer.next(token)) take(doc as Document.Parsed);
    for (const doc of composer.end()) take(doc as Document.Parsed);
  } catch (err) {
    if (err instanceof ManifestSyntaxError) throw err;
    // The parser recurses on nesting; a stack overflow on hostile input is a syntax problem of the file, not a crash.
    throw new ManifestSyntaxError(`YAML could not be parsed: ${oneLine(err)}`, 1, 1);
  }
  return out;
}

class Converter {
  private aliases = 0;
  private nodes = 0;
  private readonly memo = new Map<Node, LNode>();
  /** Expanded size of each converted node: what a consumer walking through aliases would visit. */
  private readonly sizes = new WeakMap<LNode, number>();
  private readonly inProgress = new Set<Node>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly posOf: (offset: number | undefined) => Pos,
    private readonly limits: ParseLimits,
  ) {}

  convert(node: unknown, depth: number): LNode {
    if (++this.nodes > this.limits.maxNodes) this.fail(node, `more than ${this.limits.maxNodes} nodes in one document`);
    if (depth > this.limits.maxDepth) this.fail(node, `nesting deeper than ${this.limits.maxDepth} levels`);
    if (isAlias(node)) {
      if (++this.aliases > this.limits.maxAliases) {
        this.fail(node, `more than ${this.limits.maxAliases} alias expansions (an alias bomb?)`);
      }
      const target = node.resolve(this.doc);
      if (!target) this.fail(node, `alias *${node.source} has no anchor`);
      if (this.inProgress.has(target as Node)) this.fail(node, `alias *${node.source} refers to itself`);
      // Memoized: an alias shares its anchor's tree, so expansions cost nothing but the budget above.
      const cached = this.memo.get(target as Node);
      if (cached) {
        // Sharing keeps memory linear; counting the expanded size stops a billion-laughs document all the same.
        this.nodes += this.sizes.get(cached) ?? 1;
        if (this.nodes > this.limits.maxNodes) {
          this.fail(node, `aliases expand to more than ${this.limits.maxNodes} nodes (an alias bomb?)`);
        }
        return cached;
      }
      return this.convert(target, depth + 1);
    }
    const n = node as Node;
    this.inProgress.add(n);
    try {
      const before = this.nodes;
      const result = this.convertNode(n, depth);
      this.sizes.set(result, this.nodes - before + 1);
      this.memo.set(n, result);
      return result;
    } finally {
      this.inProgress.delete(n);
    }
  }

  private convertNode(node: Node, depth: number): LNode {
    const pos = this.posOf(node.range?.[0]);
    if (isScalar(node)) {
      const v = node.value;
      const value =
        v === null || v === undefined
          ? null
          : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
            ? v
            : String(v);
      return { t: 'scalar', value, pos };
    }
    if (isSeq(node)) {
      return { t: 'seq', items: node.items.map((item) => this.convert(item, depth + 1)), pos, ...rangeOf(node) };
    }
    if (isMap(node)) {
      const entries = new Map<string, LNode>();
      const merged: LNode[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key;
        const rawKey = isScalar(keyNode) ? keyNode.value : keyNode;
        // Only a plain `<<` is a merge key (the parser gives it as a symbol); a quoted "<<" is an ordinary key, as in go-yaml.
        if (typeof rawKey === 'symbol') {
          const v = this.convert(pair.value, depth + 1);
          if (v.t === 'seq') merged.push(...v.items);
          else merged.push(v);
          continue;
        }
        const key =
          rawKey === null || rawKey === undefined ? '' : typeof rawKey === 'object' ? '[complex key]' : String(rawKey);
        entries.set(
          key,
          pair.value === null || pair.value === undefined
            ? { t: 'scalar', value: null, pos }
            : this.convert(pair.value, depth + 1),
        );
      }
      // Explicit keys win over merged ones; earlier merge sources win over later ones (YAML merge-key spec).
      for (const source of merged) {
        if (source.t !== 'map') this.fail(node, 'merge key << must refer to a mapping');
        for (const [k, v] of source.entries) if (!entries.has(k)) entries.set(k, v);
      }
      return { t: 'map', entries, pos, ...rangeOf(node) };
    }
    return { t: 'scalar', value: null, pos };
  }

  private fail(node: unknown, why: string): never {
    const p = this.posOf((node as Node | undefined)?.range?.[0]);
    throw new ManifestSyntaxError(why, p.line, p.column);
  }
}

function rangeOf(node: Node): { range?: [number, number] } {
  return node.range ? { range: [node.range[0], node.range[1]] } : {};
}

function cleanYamlMessage(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}

export function oneLine(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0].slice(0, 300);
}

// Accessors used by the workload walker: small, total functions that never throw on odd shapes.
export function get(node: LNode | undefined, key: string): LNode | undefined {
  return node?.t === 'map' ? node.entries.get(key) : undefined;
}

export function str(node: LNode | undefined): string | undefined {
  if (node?.t !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function items(node: LNode | undefined): LNode[] {
  return node?.t === 'seq' ? node.items : [];
}

/** Plain JavaScript value of a node (used for small objects such as Secret data). */
export function plain(node: LNode | undefined, budget = { n: 100_000 }): unknown {
  if (!node || --budget.n < 0) return undefined;
  if (node.t === 'scalar') return typeof node.value === 'bigint' ? node.value.toString() : node.value;
  if (node.t === 'seq') return node.items.map((i) => plain(i, budget));
  const o: Record<string, unknown> = {};
  for (const [k, v] of node.entries) o[k] = plain(v, budget);
  return o;
}
