// What the two fast manifest readers (the hand scanner of yaml-scan.ts and the event reader of yaml-fast.ts) share:
// where an offset stands (line and column, as the full reader counts them), Helm's `# Source:` comment of a document,
// where a block collection's range ends, and how a plain scalar is typed.

import type { Pos } from './yaml-tree.js';

const SOURCE_RE = /^\s*Source:\s*(\S.*?)\s*$/m;
export const MARKER_RE = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/** Thrown where a fast reader's answer could differ from the full reader's: the caller lets another reader decide. */
export class GiveUp extends Error {}

/** Offsets of one text placed as lines and columns, and the document-level facts both fast readers compute alike. */
export class Locator {
  /** Line of the offset posOf() placed last: offsets come mostly in order, so the next line is found from there. */
  private line = 0;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) this.lineStarts.push(k + 1);
  }

  posOf(offset: number): Pos {
    const starts = this.lineStarts;
    let line = this.line;
    // Forward from the last line placed, a few lines at most; anywhere else, a binary search.
    if (starts[line] <= offset) {
      for (let k = 0; k < 8; k++) {
        if (line + 1 >= starts.length || starts[line + 1] > offset) {
          this.line = line;
          return { line: line + 1, column: offset - starts[line] + 1 };
        }
        line++;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.line = lo;
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** Helm's `# Source:` comment: the comments after the document's `---` (or, for the first document and after `...`,
   * every comment before its content), as the full reader's commentBefore holds them. */
  helmSource(gapStart: number, contentStart: number, blockRoot: boolean): string | undefined {
    const gap = this.text.slice(gapStart, contentStart);
    MARKER_RE.lastIndex = 0;
    let lastDash = -1;
    let lastDots = -1;
    for (let m = MARKER_RE.exec(gap); m; m = MARKER_RE.exec(gap)) {
      if (m[1] === '---') lastDash = m.index;
      else lastDots = m.index;
    }
    if (lastDots > lastDash && lastDash !== -1) throw new GiveUp();
    // A `...` before the first document, or two in one gap, end documents the event parser does not report.
    if (
      lastDots !== -1 &&
      (gapStart === 0 || gap.indexOf('...', lastDots + 3) !== -1 || /^\.\.\./m.test(gap.slice(0, lastDots)))
    ) {
      throw new GiveUp();
    }
    const from = lastDots !== -1 ? lastDots : lastDash === -1 || gapStart === 0 ? 0 : lastDash;
    let region = gap.slice(from);
    if (lastDash === -1 && blockRoot) {
      // Without a `---`, the full reader hangs the comments right above a block collection on its first node; only those
      // a blank line separates from the content belong to the document.
      const blank = /\n[ \t]*\r?\n(?![\s\S]*\n[ \t]*\r?\n)/.exec(region);
      region = blank ? region.slice(0, blank.index + 1) : '';
    }
    const comments: string[] = [];
    for (let k = region.indexOf('#'); k !== -1; k = region.indexOf('#', k + 1)) {
      const eol = region.indexOf('\n', k);
      comments.push(region.slice(k + 1, eol === -1 ? undefined : eol));
      if (eol === -1) break;
      k = eol;
    }
    return comments.length ? SOURCE_RE.exec(comments.join('\n'))?.[1] : undefined;
  }

  /** Offset after `indicator` (the `:` that follows a key) and the blanks after it: where the full reader puts an
   * empty value. */
  afterIndicator(from: number, indicator: string): number {
    let k = from;
    while (k < this.text.length && (this.text[k] === ' ' || this.text[k] === '\t')) k++;
    if (this.text[k] !== indicator) throw new GiveUp();
    k++;
    while (k < this.text.length && (this.text[k] === ' ' || this.text[k] === '\t')) k++;
    return k;
  }

  /** A block collection ends after the newline that ends its last line (as the full reader's ranges do). */
  lineEnd(from: number): number {
    const t = this.text;
    if (from > 0 && t[from - 1] === '\n') return from;
    let k = from;
    while (k < t.length && (t[k] === ' ' || t[k] === '\t')) k++;
    if (t[k] === '#') while (k < t.length && t[k] !== '\n') k++;
    if (t[k] === '\r') k++;
    return t[k] === '\n' ? k + 1 : k === t.length ? k : from;
  }
}

const MAYBE_TYPED = new Uint8Array(128);
for (const c of '~nNtTfF.+-0123456789') MAYBE_TYPED[c.charCodeAt(0)] = 1;

/** The YAML 1.2 core schema, in the order the full reader (`yaml`, schema core) tries its tags. */
export function resolvePlain(s: string): string | number | boolean | null {
  if (!s.length) return null;
  // Only a scalar that starts with one of `~ n N t T f F . + -` or a digit can be anything but a string: most plain
  // scalars of a manifest (names, images, labels) are told apart by their first character, without a regular expression.
  if (!MAYBE_TYPED[s.charCodeAt(0)]) return s;
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
