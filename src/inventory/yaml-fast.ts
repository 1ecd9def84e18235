// The fast readers of rendered manifests. The text is read in pieces of ~64 KB that end at a `---` line; each piece
// goes first to the hand scanner of yaml-scan.ts (the block YAML that `helm template`, `kustomize build` and
// `kubectl` write, read character by character into the located tree), and where the scanner gives up, to the event
// reader here: js-yaml's event parser (offsets for every node, no document model) turned into the same tree. The
// event reader covers more (multi-line flow collections, tabs, carriage returns, any escape) and gives up — the whole
// text returns undefined — on anything where its answer could differ from the full reader's: anchors, aliases,
// merge keys, tags, directives, duplicate or complex keys, empty sequence items, budgets exceeded, or any parse error.
// The caller then reads the file with the full reader (the `yaml` Composer), so errors, positions and values stay
// exactly what they were; the differential tests hold each fast reader, alone and together, equal to the full reader
// on every fixture and on generated input.

import { EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { GiveUp, Locator, MARKER_RE, resolvePlain } from './yaml-located.js';
import { BlockScanner } from './yaml-scan.js';
import type { LNode, ParsedDocument, ParseLimits } from './yaml-tree.js';

/** A marker after a blank, anywhere: the cheap first test for an indented marker (a line-anchored search is slower). */
const INDENTED_MARKER_HINT = /[ \t](?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * The text is given to the event parser in pieces of about this size, each ending where a line starts with `---` (a
 * document start, which no scalar or collection can span): the events of one piece at a time, not of the whole file
 * (a file of 100,000 documents is 1.5 million events), and an event parser per piece, not per document.
 */
const PIECE = 64 * 1024;
const DOCUMENT_START_RE = /^---(?=[ \t\r\n]|$)/gm;

/** Where the piece of `text` that starts at `from` ends: the first document start at or after from + size. */
function pieceEnd(text: string, from: number, size: number): number {
  if (from + size >= text.length) return text.length;
  DOCUMENT_START_RE.lastIndex = from + Math.max(1, size);
  const m = DOCUMENT_START_RE.exec(text);
  return m ? m.index : text.length;
}

/**
 * Which fast readers read a piece: the hand scanner where it can answer, else the event reader ('both', what the
 * product runs); or one alone, for the tests that hold each of them to the full reader.
 */
export type FastReaders = 'both' | 'scan' | 'events';

/** Located documents of `text`, or undefined when the full reader must decide. */
export function parseManifestFast(
  text: string,
  limits: ParseLimits,
  pieceBytes: number = PIECE,
  readers: FastReaders = 'both',
): ParsedDocument[] | undefined {
  const out: ParsedDocument[] = [];
  return readManifestFast(text, limits, (doc) => out.push(doc), pieceBytes, readers) ? out : undefined;
}

/**
 * Hands each located document of `text` to `visit` as soon as it is read, so no more than one document's tree need
 * be alive at a time. Returns false when the full reader must decide: the documents visited until then must be
 * forgotten (the full reader may place or read them differently, or refuse the file).
 */
export function readManifestFast(
  text: string,
  limits: ParseLimits,
  visit: (doc: ParsedDocument) => void,
  pieceBytes: number = PIECE,
  readers: FastReaders = 'both',
): boolean {
  // Byte-order marks: the two readers place what follows one differently.
  if (text.includes('\uFEFF')) return false;
  // A lone carriage return is a line break to js-yaml and not to the full reader: let the full reader judge the file.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return false;
  // Byte-order marks inside the text, Unicode line separators and control characters: read differently, or refused.
  // eslint-disable-next-line no-control-regex -- the control characters are what this line looks for
  if (/[\u0085\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return false;
  // Tabs in indentation: the two readers draw the line between allowed and not in different places.
  if (text.includes('\t') && /^[ ]*\t/m.test(text)) return false;
  // An indented `---` or `...`: a document marker to the event parser, plain text (or an error) to the full reader.
  if (INDENTED_MARKER_HINT.test(text) && /^[ \t]+(---|\.\.\.)(?=[ \t\r\n]|$)/m.test(text)) return false;
  // A directive line (`%YAML 1.2`, `%TAG`, or any line that starts with `%`): it belongs to the document after the next
  // `---`, which the pieces end at, so a piece would hold the directive without its document (found by the token-soup
  // property test: `%:\r\n---`). Rendered manifests carry none; the full reader reads them.
  if (text.includes('%') && /^%/m.test(text)) return false;
  // Content after a document end marker on its line: an error to the full reader, not to js-yaml.
  if (text.includes('...') && /^\.\.\.[ \t]+[^\s#]/m.test(text)) return false;
  try {
    new EventReader(text, limits, pieceBytes, visit, readers).documents();
    return true;
  } catch (err) {
    if (err instanceof GiveUp || err instanceof RangeError) return false;
    throw err;
  }
}

const ESCAPED_BREAK_EMPTY = /\\\r?\n[ \t]*\r?\n/;

class EventReader {
  private i = 0;
  /** Documents visited so far. */
  private index = 0;
  private events: Event[] = [];
  /** The piece whose events are read, and where it starts in the text (event offsets are the piece's own). */
  private piece = '';
  private base = 0;
  private nodes = 0;
  /** End of the key whose value is being read (where a block scalar's indicator can start). */
  private keyEnd = 0;
  /** Where the node that node() or scalar() returned last starts and ends (kept here, not in an object per node). */
  private start = 0;
  private end = 0;
  private readonly loc: Locator;
  private readonly scanner: BlockScanner | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
    private readonly pieceBytes: number,
    private readonly visit: (doc: ParsedDocument) => void,
    private readonly readers: FastReaders,
  ) {
    this.loc = new Locator(text);
    this.scanner = readers === 'events' ? undefined : new BlockScanner(this.loc, limits);
  }

  documents(): void {
    let prevEnd = 0;
    for (let from = 0; from < this.text.length;) {
      const to = pieceEnd(this.text, from, this.pieceBytes);
      const scanned = this.scan(from, to, prevEnd);
      if (scanned !== undefined) {
        prevEnd = scanned;
        from = to;
        continue;
      }
      this.piece = this.text.slice(from, to);
      this.base = from;
      this.i = 0;
      try {
        this.events = parseEvents(this.piece, { maxDepth: this.limits.maxDepth });
      } catch {
        throw new GiveUp();
      }
      // Nothing but markers: the full reader counts empty documents the event parser does not report.
      if (!this.events.length && /^(---|\.\.\.)/m.test(this.piece)) throw new GiveUp();
      prevEnd = this.readPiece(prevEnd);
      from = to;
    }
    this.events = [];
  }

  /**
   * The hand scanner's documents of text[from, to), visited; returns where the last one ends, or undefined when the
   * event reader must read the piece (nothing of it has been visited then).
   */
  private scan(from: number, to: number, prevEnd: number): number | undefined {
    if (!this.scanner) return undefined;
    let read: ReturnType<BlockScanner['piece']>;
    try {
      read = this.scanner.piece(from, to, prevEnd, this.index);
    } catch (err) {
      if (!(err instanceof GiveUp || err instanceof RangeError)) throw err;
      if (this.readers === 'scan') throw new GiveUp();
      return undefined;
    }
    this.index += read.docs.length;
    for (const doc of read.docs) this.visit(doc);
    return read.end;
  }

  /** Visits the documents of the current piece; returns where the last one ends. */
  private readPiece(prevEnd: number): number {
    while (this.i < this.events.length) {
      const doc = this.events[this.i++];
      if (doc.type !== EVENT_ID.DOCUMENT || doc.directives.length) throw new GiveUp();
      this.nodes = 0;
      const first = this.events[this.i];
      if (!first) throw new GiveUp();
      let root: LNode | undefined;
      let start: number;
      let end: number;
      if (first.type === EVENT_ID.SCALAR && first.valueStart === -1) {
        // An empty document: the full reader places it right after its `---` (and after any anchor or tag on it,
        // which this reader does not place: `--- &a`).
        if (first.anchorStart !== -1 || first.tagStart !== -1) throw new GiveUp();
        this.i++;
        const marker = this.firstMarker(prevEnd, this.text.length, '---');
        if (marker === undefined) throw new GiveUp();
        start = marker + 3;
        while (this.text[start] === ' ' || this.text[start] === '\t') start++;
        end = start;
      } else if (first.type === EVENT_ID.POP) {
        throw new GiveUp();
      } else {
        root = this.node(0);
        start = this.start;
        end = this.end;
      }
      if (this.events[this.i++]?.type !== EVENT_ID.POP) throw new GiveUp();
      // Anything but markers above a bare scalar document — a comment (which hangs on the scalar in the full reader), an
      // indented `---` (a marker to the event parser, scalar text to the full reader) — lets the full reader decide.
      if (root?.t === 'scalar' && /\S/.test(this.text.slice(prevEnd, start).replace(MARKER_RE, ''))) throw new GiveUp();
      const blockRoot = root !== undefined && root.t !== 'scalar' && !'[{'.includes(this.text[start] ?? '');
      const helm = this.loc.helmSource(prevEnd, start, blockRoot);
      const empty = !root || (root.t === 'scalar' && root.value === null);
      this.visit({
        index: this.index++,
        root: empty ? undefined : root,
        pos: this.loc.posOf(start),
        source: this.text,
        ...(helm ? { helmSource: helm } : {}),
      });
      prevEnd = end;
    }
    return prevEnd;
  }

  private firstMarker(from: number, to: number, marker: '---' | '...'): number | undefined {
    const gap = this.text.slice(from, to);
    MARKER_RE.lastIndex = 0;
    let found: number | undefined;
    for (let m = MARKER_RE.exec(gap); m; m = MARKER_RE.exec(gap)) {
      if (m[1] === marker) {
        found = from + m.index;
        break;
      }
    }
    return found;
  }

  private node(depth: number): LNode {
    if (++this.nodes > this.limits.maxNodes || depth > this.limits.maxDepth) throw new GiveUp();
    const e = this.events[this.i++];
    if (!e) throw new GiveUp();
    if (e.type === EVENT_ID.SCALAR) return this.scalar(e);
    if (e.type === EVENT_ID.SEQUENCE) {
      if (e.anchorStart !== -1 || e.tagStart !== -1) throw new GiveUp();
      const start = e.start + this.base;
      // Placed before the items: offsets then come in order, and posOf finds each line from the one before.
      const pos = this.loc.posOf(start);
      const items: LNode[] = [];
      let end = start + 1;
      while (this.events[this.i]?.type !== EVENT_ID.POP) {
        const next = this.events[this.i];
        if (!next) throw new GiveUp();
        if (next.type === EVENT_ID.SCALAR && next.valueStart === -1) throw new GiveUp();
        items.push(this.node(depth + 1));
        end = this.end;
      }
      this.i++;
      end = e.style === COLLECTION_STYLE.FLOW ? this.closing(end, ']') : this.loc.lineEnd(end);
      this.start = start;
      this.end = end;
      return { t: 'seq', items, pos, range: [start, end] };
    }
    if (e.type === EVENT_ID.MAPPING) {
      if (e.anchorStart !== -1 || e.tagStart !== -1) throw new GiveUp();
      const start = e.start + this.base;
      const pos = this.loc.posOf(start);
      const entries = new Map<string, LNode>();
      let end = start + 1;
      while (this.events[this.i]?.type !== EVENT_ID.POP) {
        const k = this.events[this.i++];
        if (!k || k.type !== EVENT_ID.SCALAR || k.valueStart === -1) throw new GiveUp();
        const keyNode = this.scalar(k);
        const keyEnd = this.end;
        const keyValue = keyNode.t === 'scalar' ? keyNode.value : null;
        if (k.style === SCALAR_STYLE.PLAIN && keyValue === '<<') throw new GiveUp();
        const key = keyValue === null ? '' : String(keyValue);
        if (entries.has(key)) throw new GiveUp();
        const v = this.events[this.i];
        if (!v) throw new GiveUp();
        let value: LNode;
        let valueEnd: number;
        if (v.type === EVENT_ID.SCALAR && v.valueStart === -1) {
          if (e.style === COLLECTION_STYLE.FLOW || v.anchorStart !== -1 || v.tagStart !== -1) throw new GiveUp();
          this.i++;
          if (++this.nodes > this.limits.maxNodes) throw new GiveUp();
          const at = this.loc.afterIndicator(keyEnd, ':');
          value = { t: 'scalar', value: null, pos: this.loc.posOf(at) };
          valueEnd = at;
        } else {
          this.keyEnd = keyEnd;
          value = this.node(depth + 1);
          valueEnd = this.end;
        }
        entries.set(key, value);
        end = Math.max(valueEnd, keyEnd);
      }
      this.i++;
      end = e.style === COLLECTION_STYLE.FLOW ? this.closing(end, '}') : this.loc.lineEnd(end);
      this.start = start;
      this.end = end;
      return { t: 'map', entries, pos, range: [start, end] };
    }
    throw new GiveUp();
  }

  private scalar(e: Event): LNode {
    if (e.type !== EVENT_ID.SCALAR || e.anchorStart !== -1 || e.tagStart !== -1) throw new GiveUp();
    const raw = getScalarValue(this.piece, e);
    const vs = e.valueStart + this.base;
    const ve = e.valueEnd + this.base;
    switch (e.style) {
      case SCALAR_STYLE.PLAIN:
        this.start = vs;
        this.end = ve;
        return { t: 'scalar', value: resolvePlain(raw), pos: this.loc.posOf(vs) };
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED: {
        const q = e.style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : '"';
        if (this.text[vs - 1] !== q) throw new GiveUp();
        // An escaped line break before an empty line: js-yaml and the full reader fold it differently.
        if (q === '"' && ESCAPED_BREAK_EMPTY.test(this.text.slice(vs, ve))) throw new GiveUp();
        this.start = vs - 1;
        this.end = ve + 1;
        return { t: 'scalar', value: raw, pos: this.loc.posOf(vs - 1) };
      }
      default: {
        // Block scalar: the full reader places it at its `|` or `>` indicator, on the line before the content.
        const at = this.blockIndicator(vs);
        this.start = at;
        this.end = ve;
        return { t: 'scalar', value: raw, pos: this.loc.posOf(at) };
      }
    }
  }

  private blockIndicator(contentStart: number): number {
    const headerEnd = this.text.lastIndexOf('\n', contentStart - 1);
    if (headerEnd === -1) throw new GiveUp();
    const lineStart = this.text.lastIndexOf('\n', headerEnd - 1) + 1;
    // The first `|` or `>` after the key (a quoted key may hold one) whose rest of the line is a block header.
    const from = Math.max(lineStart, this.keyEnd);
    const header = this.text.slice(from, headerEnd);
    const re = /[|>]/g;
    for (let m = re.exec(header); m; m = re.exec(header)) {
      const h = /^[|>]([-+0-9]*)[ \t]*(#.*)?\r?$/.exec(header.slice(m.index));
      if (!h) continue;
      // An explicit indentation indicator (`|2`, `>-1`): the two readers take the content differently.
      if (/[0-9]/.test(h[1])) throw new GiveUp();
      return from + m.index;
    }
    throw new GiveUp();
  }

  private closing(from: number, bracket: string): number {
    const k = this.text.indexOf(bracket, from);
    if (k === -1) throw new GiveUp();
    return k + 1;
  }
}
