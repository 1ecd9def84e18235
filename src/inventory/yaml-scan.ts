// The hand scanner: the first of the fast manifest readers. It reads the block YAML that `helm template`, `kustomize
// build` and `kubectl` write — block mappings and sequences (a sequence may sit at its key's indentation), one-line
// plain, quoted and flow scalars and collections, literal and folded block scalars, comments, `---` between documents
// — character by character into the located tree, with no event or token objects in between. On anything else
// (anchors, aliases, tags, directives, multi-line plain or quoted scalars, multi-line flow collections, tabs, carriage
// returns, escapes it does not know, duplicate or complex keys, empty items or values it would have to place, empty
// documents, budgets) it gives up on the piece, and the event reader of yaml-fast.ts reads that piece instead. The
// differential tests hold it, alone, to the full reader on every fixture and on generated input.

import { GiveUp, resolvePlain, type Locator } from './yaml-located.js';
import type { LNode, ParsedDocument, ParseLimits } from './yaml-tree.js';

const SP = 0x20;
const NL = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;
const SQ = 0x27;
const DQ = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const PIPE = 0x7c;
const GT = 0x3e;
const PLUS = 0x2b;

/** Characters a plain scalar may not start with (YAML 1.2 c-indicator; `-`, `?` and `:` only before a blank). */
const INDICATOR = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = new Uint8Array(128);
for (const c of ',[]{}') FLOW_END[c.charCodeAt(0)] = 1;

/** Double-quoted escapes (YAML 1.2 §5.7) but the escaped line break and tab: their values. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
/** Hexadecimal escapes: the digits after `x`, `u` and `U`. */
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Implicit keys are limited to 1024 characters (YAML 1.2 §7.4.2). */
const MAX_KEY = 1000;

/** Where `c` next stands in `t` at or after `from`, or t.length. */
function next(t: string, c: string, from: number): number {
  const k = t.indexOf(c, from);
  return k === -1 ? t.length : k;
}

export class BlockScanner {
  private readonly t: string;
  /** The cursor: at the start of a line between nodes. */
  private p = 0;
  /** End of the piece being read. */
  private to = 0;
  private nodes = 0;
  /** Where the node or key read last ends. */
  private end = 0;
  /** The `:` after the key read last. */
  private colon = 0;
  /** The next content line, as peek() found it: its start, indentation and first character (-1 at the piece's end). */
  private ls = 0;
  private ind = 0;
  private cs = -1;
  /** Whether that line is a document marker (`---` or `...` at column 0). */
  private marker = false;
  /** Next tab and carriage return in the text (its length when there is none): a piece holding one goes to the event
   * reader. */
  private nextTab = -1;
  private nextCr = -1;

  constructor(
    private readonly loc: Locator,
    private readonly limits: ParseLimits,
  ) {
    this.t = loc.text;
  }

  /** The documents of text[from, to), numbered from `index`, and where the last one ends. Throws GiveUp. */
  piece(from: number, to: number, prevEnd: number, index: number): { docs: ParsedDocument[]; end: number } {
    const t = this.t;
    // Found once and then from where the last one stood, not searched again for every piece.
    if (this.nextTab < from) this.nextTab = next(t, '\t', from);
    if (this.nextCr < from) this.nextCr = next(t, '\r', from);
    if (this.nextTab < to || this.nextCr < to) throw new GiveUp();
    this.p = from;
    this.to = to;
    const docs: ParsedDocument[] = [];
    let end = prevEnd;
    for (;;) {
      this.peek();
      if (this.cs === -1) break;
      if (this.marker) {
        // `---` alone on its line (anything after it, or a `...`, is for the event reader), then a document.
        if (t.charCodeAt(this.cs) !== DASH) throw new GiveUp();
        const eol = this.eol(this.cs);
        for (let k = this.cs + 3; k < eol; k++) if (t.charCodeAt(k) !== SP) throw new GiveUp();
        const marker = this.cs;
        this.p = eol < to ? eol + 1 : to;
        this.peek();
        if (this.cs === -1 || this.marker) {
          // An empty document: the full reader places it right after its `---`.
          let at = marker + 3;
          while (t.charCodeAt(at) === SP) at++;
          const helm = this.loc.helmSource(end, at, false);
          docs.push({
            index: index + docs.length,
            root: undefined,
            pos: this.loc.posOf(at),
            source: t,
            ...(helm ? { helmSource: helm } : {}),
          });
          end = at;
          continue;
        }
      }
      const start = this.cs;
      this.nodes = 0;
      // A flow collection on one line (`{}`), or a block collection.
      const c = t.charCodeAt(start);
      const flow = c === LBRACKET || c === LBRACE;
      const root = flow ? this.inline(start, this.ind, 0) : this.block(this.ind, 0);
      this.peek();
      if (this.cs !== -1 && !this.marker) throw new GiveUp();
      const helm = this.loc.helmSource(end, start, !flow);
      docs.push({ index: index + docs.length, root, pos: root.pos, source: t, ...(helm ? { helmSource: helm } : {}) });
      end = this.end;
    }
    return { docs, end };
  }

  /** Moves the cursor over blank and comment lines to the next content line, and describes it. */
  private peek(): void {
    const t = this.t;
    const to = this.to;
    let q = this.p;
    for (;;) {
      let k = q;
      while (k < to && t.charCodeAt(k) === SP) k++;
      if (k >= to) {
        this.p = to;
        this.cs = -1;
        return;
      }
      const c = t.charCodeAt(k);
      if (c === NL) {
        q = k + 1;
        continue;
      }
      if (c === HASH) {
        const e = t.indexOf('\n', k);
        if (e === -1 || e >= to) {
          this.p = to;
          this.cs = -1;
          return;
        }
        q = e + 1;
        continue;
      }
      this.p = q;
      this.ls = q;
      this.ind = k - q;
      this.cs = k;
      this.marker =
        k === q &&
        (c === DASH || c === DOT) &&
        t.charCodeAt(k + 1) === c &&
        t.charCodeAt(k + 2) === c &&
        (k + 3 >= t.length || t.charCodeAt(k + 3) === SP || t.charCodeAt(k + 3) === NL);
      return;
    }
  }

  /** End of the line that holds `k`: its newline, or the end of the piece. */
  private eol(k: number): number {
    const e = this.t.indexOf('\n', k);
    return e === -1 || e > this.to ? this.to : e;
  }

  /** Past the line that holds `k`. */
  private nextLine(k: number): number {
    const e = this.eol(k);
    return e < this.to ? e + 1 : this.to;
  }

  private count(depth: number): void {
    if (++this.nodes > this.limits.maxNodes || depth > this.limits.maxDepth) throw new GiveUp();
  }

  private seqStart(k: number): boolean {
    const t = this.t;
    if (t.charCodeAt(k) !== DASH) return false;
    const c = t.charCodeAt(k + 1);
    return c === SP || c === NL || k + 1 >= this.to;
  }

  /** The block collection whose first line peek() found, at indentation `col`. */
  private block(col: number, depth: number): LNode {
    return this.seqStart(this.cs) ? this.seq(col, depth, this.cs) : this.map(col, depth, this.cs);
  }

  private map(col: number, depth: number, first: number): LNode {
    this.count(depth);
    const pos = this.loc.posOf(first);
    const entries = new Map<string, LNode>();
    let k = first;
    let last: number;
    for (;;) {
      const key = this.key(k);
      if (key === undefined || entries.has(key)) throw new GiveUp();
      const keyEnd = this.end;
      const q = this.onLine(this.colon + 1);
      let value: LNode;
      if (q === -1) {
        if (this.cs !== -1 && !this.marker && this.ind > col) {
          value = this.block(this.ind, depth + 1);
        } else if (this.cs !== -1 && !this.marker && this.ind === col && this.seqStart(this.cs)) {
          value = this.seq(col, depth + 1, this.cs);
        } else {
          this.count(depth + 1);
          const at = this.loc.afterIndicator(keyEnd, ':');
          value = { t: 'scalar', value: null, pos: this.loc.posOf(at) };
          this.end = at;
        }
      } else {
        value = this.inline(q, col, depth + 1);
      }
      entries.set(key, value);
      last = Math.max(this.end, keyEnd);
      this.peek();
      if (this.cs === -1 || this.marker || this.ind < col) break;
      if (this.ind > col || this.seqStart(this.cs)) throw new GiveUp();
      k = this.cs;
    }
    const end = this.loc.lineEnd(last);
    this.end = end;
    return { t: 'map', entries, pos, range: [first, end] };
  }

  private seq(col: number, depth: number, first: number): LNode {
    this.count(depth);
    const pos = this.loc.posOf(first);
    const items: LNode[] = [];
    let d = first;
    let last: number;
    for (;;) {
      const q = this.onLine(d + 1);
      let item: LNode;
      if (q === -1) {
        // An empty item: the event reader gives up on it as well.
        if (this.cs === -1 || this.marker || this.ind <= col) throw new GiveUp();
        item = this.block(this.ind, depth + 1);
      } else if (this.seqStart(q)) {
        item = this.seq(col + (q - d), depth + 1, q);
      } else if (this.key(q) !== undefined) {
        item = this.map(col + (q - d), depth + 1, q);
      } else {
        item = this.inline(q, col, depth + 1);
      }
      items.push(item);
      last = this.end;
      this.peek();
      if (this.cs === -1 || this.marker || this.ind < col) break;
      if (this.ind > col) throw new GiveUp();
      // A key at the dashes' column: the sequence under a key ends, the mapping goes on.
      if (!this.seqStart(this.cs)) break;
      d = this.cs;
    }
    const end = this.loc.lineEnd(last);
    this.end = end;
    return { t: 'seq', items, pos, range: [first, end] };
  }

  /**
   * Past the blanks from `q` (after a key's `:` or an item's `-`): where the node starts on this line, or -1 when the
   * line holds nothing more but a comment, and the cursor has moved to the next content line (the node's, if any).
   */
  private onLine(q: number): number {
    const t = this.t;
    while (q < this.to && t.charCodeAt(q) === SP) q++;
    const c = t.charCodeAt(q);
    if (q < this.to && c !== NL && c !== HASH) return q;
    this.p = this.nextLine(q);
    this.peek();
    return -1;
  }

  /**
   * The key at `k` when the line goes on with `: ` (or ends with `:`): its text as the tree keys it, with this.end
   * after it and this.colon at the `:`. Undefined when the line is no implicit key.
   */
  private key(k: number): string | undefined {
    const t = this.t;
    const c = t.charCodeAt(k);
    if (c === SQ || c === DQ) {
      const raw = this.quoted(k);
      if (raw === undefined) return undefined;
      let q = this.end;
      while (q < this.to && t.charCodeAt(q) === SP) q++;
      if (t.charCodeAt(q) !== COLON || !this.blankAfter(q + 1)) return undefined;
      this.colon = q;
      return raw;
    }
    if (c < 128 && INDICATOR[c] && !((c === DASH || c === 0x3f || c === COLON) && !this.blankAfter(k + 1))) {
      return undefined;
    }
    const eol = this.eol(k);
    for (let q = k + 1; q < eol; q++) {
      const x = t.charCodeAt(q);
      if (x === HASH && t.charCodeAt(q - 1) === SP) return undefined;
      if (x !== COLON || !this.blankAfter(q + 1)) continue;
      let e = q;
      while (t.charCodeAt(e - 1) === SP) e--;
      if (e - k > MAX_KEY) return undefined;
      const raw = t.slice(k, e);
      if (raw === '<<') throw new GiveUp();
      const value = resolvePlain(raw);
      this.end = e;
      this.colon = q;
      return value === null ? '' : String(value);
    }
    return undefined;
  }

  /** Whether `k` is a blank, a line end or the piece's end: what makes a `:` an indicator in block context. */
  private blankAfter(k: number): boolean {
    const x = this.t.charCodeAt(k);
    return k >= this.to || x === SP || x === NL;
  }

  /**
   * A node that starts on the current line at `q` (after a key's `: ` or a `- `) in a collection at indentation `col`:
   * a one-line scalar or flow collection, or a block scalar. Leaves the cursor at the start of the next line.
   */
  private inline(q: number, col: number, depth: number): LNode {
    this.count(depth);
    const t = this.t;
    const c = t.charCodeAt(q);
    let node: LNode;
    if (c === SQ || c === DQ) {
      const pos = this.loc.posOf(q);
      const raw = this.quoted(q, col);
      if (raw === undefined) throw new GiveUp();
      node = { t: 'scalar', value: raw, pos };
    } else if (c === LBRACKET || c === LBRACE) {
      node = this.flow(q, depth);
    } else if (c === PIPE || c === GT) {
      return this.blockScalar(q, col);
    } else {
      if (c < 128 && INDICATOR[c] && !((c === DASH || c === 0x3f || c === COLON) && !this.blankAfter(q + 1))) {
        throw new GiveUp();
      }
      const eol = this.eol(q);
      let e = eol;
      for (let k = q + 1; k < eol; k++) {
        const x = t.charCodeAt(k);
        if (x === HASH && t.charCodeAt(k - 1) === SP) {
          e = k;
          break;
        }
        // `a: b: c` is no plain scalar (a mapping where none may start).
        if (x === COLON && this.blankAfter(k + 1)) throw new GiveUp();
      }
      const comment = e < eol;
      while (t.charCodeAt(e - 1) === SP) e--;
      const pos = this.loc.posOf(q);
      this.p = this.nextLine(q);
      // Lines indented past the collection go on with the scalar (a long description, as controller-gen and kubectl
      // wrap it); after a comment they cannot, and the caller gives up on them.
      const more = comment ? undefined : this.continuation(col);
      node = { t: 'scalar', value: more === undefined ? resolvePlain(t.slice(q, e)) : t.slice(q, e) + more, pos };
      if (more === undefined) this.end = e;
      return node;
    }
    // After a quoted scalar or a flow collection: blanks and a comment to the line's end, nothing else.
    const e = this.end;
    const eol = this.eol(e);
    let k = e;
    while (k < eol && t.charCodeAt(k) === SP) k++;
    if (k < eol && !(t.charCodeAt(k) === HASH && k > e)) throw new GiveUp();
    this.end = e;
    this.p = eol < this.to ? eol + 1 : this.to;
    return node;
  }

  /**
   * The continuation lines of a plain scalar from the cursor on (lines indented past `col`), folded as YAML folds
   * them: a line break between two lines is a space, each empty line between them a line break. Undefined when there
   * is none; the cursor and this.end then stay. Gives up on a line a plain scalar could not go on with.
   */
  private continuation(col: number): string | undefined {
    const t = this.t;
    const to = this.to;
    let out: string | undefined;
    let ls = this.p;
    let blanks = 0;
    while (ls < to) {
      let k = ls;
      while (k < to && t.charCodeAt(k) === SP) k++;
      if (k >= to) break;
      const c = t.charCodeAt(k);
      if (c === NL) {
        blanks++;
        ls = k + 1;
        continue;
      }
      if (k - ls <= col) break;
      // A comment ends the scalar (and what is indented below it cannot follow); `- `, `? `, `: ` are for the
      // event reader to judge.
      if (c === HASH || ((c === DASH || c === 0x3f || c === COLON) && this.blankAfter(k + 1))) throw new GiveUp();
      const eol = this.eol(k);
      for (let x = k + 1; x < eol; x++) {
        const y = t.charCodeAt(x);
        if ((y === HASH && t.charCodeAt(x - 1) === SP) || (y === COLON && this.blankAfter(x + 1))) throw new GiveUp();
      }
      let e = eol;
      while (t.charCodeAt(e - 1) === SP) e--;
      out = (out ?? '') + (blanks ? '\n'.repeat(blanks) : ' ') + t.slice(k, e);
      blanks = 0;
      this.end = e;
      ls = eol < to ? eol + 1 : to;
      this.p = ls;
    }
    return out;
  }

  /**
   * A quoted scalar at `k`: its value, with this.end after the closing quote. One line only for a key or inside a flow
   * collection (`col` -1); for a value in a block collection at indentation `col`, its lines may go on below, indented
   * past `col`, folded as YAML folds them. Undefined when it does not close (on its line), or holds an escape this
   * scanner does not read.
   */
  private quoted(k: number, col = -1): string | undefined {
    const t = this.t;
    const single = t.charCodeAt(k) === SQ;
    let out = '';
    let from = k + 1;
    let eol = this.eol(k);
    for (;;) {
      let line = '';
      /** How much of the line escapes wrote: blanks they wrote are content, not folded away. */
      let kept = 0;
      /** An escaped line break (`\` last on the line): the lines join with nothing between. */
      let joined = false;
      let q = from;
      for (; q < eol; q++) {
        const x = t.charCodeAt(q);
        if (single) {
          if (x !== SQ) continue;
          if (t.charCodeAt(q + 1) !== SQ) break;
          line += t.slice(from, q + 1);
          from = ++q + 1;
        } else if (x === DQ) {
          break;
        } else if (x === BACKSLASH) {
          if (q + 1 === eol && col >= 0) {
            joined = true;
            break;
          }
          const e = q + 1 < eol ? t[q + 1] : '';
          let esc = Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : undefined;
          let len = 1;
          if (Object.hasOwn(HEX_DIGITS, e)) {
            len += HEX_DIGITS[e];
            const hex = t.slice(q + 2, q + 1 + len);
            const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len - 1 ? parseInt(hex, 16) : -1;
            esc = code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
          }
          if (esc === undefined) return undefined;
          line += t.slice(from, q) + esc;
          kept = line.length;
          q += len;
          from = q + 1;
        }
      }
      line += t.slice(from, q);
      if (q < eol && !joined) {
        this.end = q + 1;
        return out + line;
      }
      if (col < 0 || eol >= this.to) return undefined;
      if (joined) {
        out += line;
      } else {
        // The line break and the blanks around it fold: a space, or a line break for each empty line between.
        let end = line.length;
        while (end > kept && line.charCodeAt(end - 1) === SP) end--;
        out += line.slice(0, end);
      }
      let ls = eol + 1;
      let blanks = 0;
      let c = ls;
      for (;;) {
        while (c < this.to && t.charCodeAt(c) === SP) c++;
        if (c >= this.to) return undefined;
        if (t.charCodeAt(c) !== NL) break;
        blanks++;
        ls = ++c;
      }
      if (c - ls <= col || (joined && blanks)) return undefined;
      if (!joined) out += blanks ? '\n'.repeat(blanks) : ' ';
      from = c;
      eol = this.eol(c);
    }
  }

  /** A flow collection that opens and closes on one line, at `k`; this.end after its closing bracket. */
  private flow(k: number, depth: number): LNode {
    const t = this.t;
    const eol = this.eol(k);
    const pos = this.loc.posOf(k);
    const skip = (q: number): number => {
      while (q < eol && t.charCodeAt(q) === SP) q++;
      return q;
    };
    if (t.charCodeAt(k) === LBRACKET) {
      const items: LNode[] = [];
      let q = skip(k + 1);
      if (t.charCodeAt(q) !== RBRACKET) {
        for (;;) {
          items.push(this.flowNode(q, eol, depth + 1));
          q = this.flowNext(eol, RBRACKET);
          if (t.charCodeAt(q) === RBRACKET) break;
        }
      }
      this.end = q + 1;
      return { t: 'seq', items, pos, range: [k, q + 1] };
    }
    const entries = new Map<string, LNode>();
    let q = skip(k + 1);
    if (t.charCodeAt(q) !== RBRACE) {
      for (;;) {
        const keyNode = this.flowNode(q, eol, depth + 1, true);
        const quotedKey = t.charCodeAt(q) === SQ || t.charCodeAt(q) === DQ;
        if (keyNode.t !== 'scalar') throw new GiveUp();
        if (!quotedKey && keyNode.value === '<<') throw new GiveUp();
        const key = keyNode.value === null ? '' : String(keyNode.value);
        if (entries.has(key)) throw new GiveUp();
        this.nodes--; // keys are not nodes of the tree
        q = skip(this.end);
        if (t.charCodeAt(q) !== COLON || t.charCodeAt(q + 1) !== SP) throw new GiveUp();
        q = skip(q + 1);
        entries.set(key, this.flowNode(q, eol, depth + 1));
        q = this.flowNext(eol, RBRACE);
        if (t.charCodeAt(q) === RBRACE) break;
      }
    }
    this.end = q + 1;
    return { t: 'map', entries, pos, range: [k, q + 1] };
  }

  /**
   * After a flow collection's entry (ending at this.end): where its closing bracket `close` is, or where the next entry
   * starts after the comma. A trailing comma, or anything else, is for the event reader.
   */
  private flowNext(eol: number, close: number): number {
    const t = this.t;
    let q = this.end;
    while (q < eol && t.charCodeAt(q) === SP) q++;
    const x = t.charCodeAt(q);
    if (x === close) return q;
    if (x !== COMMA) throw new GiveUp();
    q++;
    while (q < eol && t.charCodeAt(q) === SP) q++;
    if (t.charCodeAt(q) === close) throw new GiveUp();
    return q;
  }

  /** A node inside a flow collection at `q`: a quoted or plain scalar, or a nested collection. */
  private flowNode(q: number, eol: number, depth: number, isKey = false): LNode {
    this.count(depth);
    const t = this.t;
    const c = t.charCodeAt(q);
    if (q >= eol) throw new GiveUp();
    if (c === SQ || c === DQ) {
      const raw = this.quoted(q);
      if (raw === undefined) throw new GiveUp();
      return { t: 'scalar', value: raw, pos: this.loc.posOf(q) };
    }
    if (c === LBRACKET || c === LBRACE) {
      if (isKey) throw new GiveUp();
      return this.flow(q, depth);
    }
    if (c < 128 && INDICATOR[c] && !((c === DASH || c === 0x3f || c === COLON) && !this.flowBlankAfter(q + 1, eol))) {
      throw new GiveUp();
    }
    let e = q + 1;
    for (; e < eol; e++) {
      const x = t.charCodeAt(e);
      if (x < 128 && FLOW_END[x]) break;
      if (x === COLON && this.flowBlankAfter(e + 1, eol)) break;
      if (x === HASH && t.charCodeAt(e - 1) === SP) throw new GiveUp();
    }
    while (t.charCodeAt(e - 1) === SP) e--;
    this.end = e;
    return { t: 'scalar', value: resolvePlain(t.slice(q, e)), pos: this.loc.posOf(q) };
  }

  /** Whether a `:` before `k` is an indicator inside a flow collection. */
  private flowBlankAfter(k: number, eol: number): boolean {
    const x = this.t.charCodeAt(k);
    return k >= eol || x === SP || (x < 128 && FLOW_END[x] === 1);
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `q`, in a collection at indentation `col`. Placed
   * at its indicator, as the full reader places it. Gives up on an indentation indicator, on leading empty lines, on
   * lines of blanks past the content's indentation and (folded) on more-indented lines.
   */
  private blockScalar(q: number, col: number): LNode {
    const t = this.t;
    const to = this.to;
    const folded = t.charCodeAt(q) === GT;
    let h = q + 1;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    if (t.charCodeAt(h) === DASH) {
      chomp = -1;
      h++;
    } else if (t.charCodeAt(h) === PLUS) {
      chomp = 1;
      h++;
    }
    const headerEnd = this.eol(q);
    for (let k = h; k < headerEnd; k++) {
      const x = t.charCodeAt(k);
      if (x === HASH && k > h && t.charCodeAt(k - 1) === SP) break;
      if (x !== SP) throw new GiveUp();
    }
    if (headerEnd >= to) throw new GiveUp();
    let ls = headerEnd + 1;
    // Empty lines before the first content line are line breaks of the value; the first content line sets the
    // indentation (no empty line before it may have more blanks).
    let leading = 0;
    let widest = 0;
    let m: number;
    for (;;) {
      m = 0;
      while (ls + m < to && t.charCodeAt(ls + m) === SP) m++;
      if (ls + m >= to || t.charCodeAt(ls + m) !== NL) break;
      leading++;
      widest = Math.max(widest, m);
      ls += m + 1;
    }
    if (m <= col || ls + m >= to) {
      // No content: an empty value, placed on the header's line.
      if (widest > 0 || chomp === 1) throw new GiveUp();
      this.end = headerEnd;
      this.p = headerEnd + 1;
      return { t: 'scalar', value: '', pos: this.loc.posOf(q) };
    }
    if (widest > m) throw new GiveUp();
    let value = '\n'.repeat(leading);
    let lines = 0;
    let pending = 0;
    let lastEnd = ls;
    while (ls < to) {
      let k = ls;
      while (k < ls + m && t.charCodeAt(k) === SP) k++;
      const e = this.eol(ls);
      if (k < ls + m) {
        // Less indented: an empty line, or the end of the scalar.
        if (k === e) {
          pending++;
          ls = e < to ? e + 1 : to;
          continue;
        }
        break;
      }
      if (k === e) {
        pending++;
      } else {
        const text = t.slice(k, e);
        if (t.charCodeAt(k) === SP) {
          if (folded || text.trim() === '') throw new GiveUp();
        }
        if (lines) value += folded ? (pending ? '\n'.repeat(pending) : ' ') : '\n'.repeat(pending + 1);
        value += text;
        lines++;
        pending = 0;
        lastEnd = e;
      }
      if (e >= to) throw new GiveUp(); // the last line has no line break: chomping would differ
      ls = e + 1;
    }
    if (chomp === 0) value += '\n';
    else if (chomp === 1) value += '\n'.repeat(pending + 1);
    this.end = lastEnd;
    this.p = lastEnd + 1;
    return { t: 'scalar', value, pos: this.loc.posOf(q) };
  }
}
