/**
 * Markdown to block tokens: the CommonMark subset case descriptions use (ATX and setext headings, paragraphs,
 * fenced and indented code, block quotes, bullet and ordered lists, nested, tight or loose, thematic breaks) and
 * GitHub's pipe tables. Raw HTML is not recognised as HTML: it is text. Link reference definitions are not read
 * (`[text][ref]` stays text).
 *
 * Linear in the input: every line is looked at a bounded number of times per container level, and container
 * nesting stops at {@link MAX_BLOCK_DEPTH} (deeper markers are text).
 * @module
 */
import { parseInline, type Inline } from './inline.js';

export type { Inline } from './inline.js';
export { safeHref, MAX_INLINE_DEPTH } from './inline.js';

/** Column alignment of a table. */
export type Align = 'left' | 'center' | 'right' | null;

/** A block token. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; info: string; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: 'hr' }
  | { type: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][] };

/** Block quotes and lists nest at most this deep; further markers are paragraph text. */
export const MAX_BLOCK_DEPTH = 16;

const isBlank = (l: string) => /^[ \t]*$/.test(l);

function indentOf(l: string): number {
  let i = 0;
  while (l.charCodeAt(i) === 0x20) i++;
  return i;
}

/** Removes up to `n` columns of leading spaces. */
const dedent = (l: string, n: number) => l.slice(Math.min(n, indentOf(l)));

/** Tabs in a line's leading whitespace become spaces (tab stops of 4), so that indentation is one count. */
function expandTabs(l: string): string {
  if (!l.includes('\t')) return l;
  let col = 0;
  let i = 0;
  let out = '';
  for (; i < l.length; i++) {
    const c = l[i];
    if (c === ' ') {
      out += ' ';
      col++;
    } else if (c === '\t') {
      const w = 4 - (col % 4);
      out += ' '.repeat(w);
      col += w;
    } else break;
  }
  return out + l.slice(i);
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const BULLET = /^( {0,3})([-+*])( {1,5}|$)/;
const ORDERED = /^( {0,3})([0-9]{1,9})([.)])( {1,5}|$)/;

function isHr(l: string): boolean {
  if (indentOf(l) > 3) return false;
  const s = l.replace(/[ \t]/g, '');
  if (s.length < 3) return false;
  const c = s[0];
  if (c !== '-' && c !== '*' && c !== '_') return false;
  for (let i = 1; i < s.length; i++) if (s[i] !== c) return false;
  return true;
}

interface Marker {
  ordered: boolean;
  /** The bullet character or the ordered delimiter: items of one list share it. */
  kind: string;
  start: number;
  /** Columns from the line start to the item's content. */
  width: number;
  empty: boolean;
}

function listMarker(l: string): Marker | undefined {
  const b = BULLET.exec(l) ?? ORDERED.exec(l);
  if (!b) return undefined;
  const ordered = b.length === 5;
  const indent = b[1]!.length;
  const marker = ordered ? b[2]!.length + 1 : 1;
  const spaces = b[ordered ? 4 : 3]!;
  const empty = isBlank(l.slice(indent + marker));
  // Five or more spaces after the marker: the content is indented code, one space belongs to the marker.
  const gap = empty ? 1 : spaces.length >= 5 ? 1 : spaces.length;
  return {
    ordered,
    kind: ordered ? b[3]! : b[2]!,
    start: ordered ? Math.min(parseInt(b[2]!, 10), 999_999_999) : 1,
    width: indent + marker + gap,
    empty,
  };
}

/** Whether a line starts a block that ends a paragraph (CommonMark's "can interrupt a paragraph"). */
function interrupts(l: string, depth: number): boolean {
  if (ATX.test(l) || FENCE.test(l) || isHr(l)) return true;
  if (depth >= MAX_BLOCK_DEPTH) return false;
  if (QUOTE.test(l)) return true;
  const m = listMarker(l);
  return !!m && !m.empty && (!m.ordered || m.start === 1);
}

/** Whether a line is a table's delimiter row (`| --- | :-: |`); checked without a backtracking regex. */
function isTableDelimiter(l: string): boolean {
  return /^[ \t|:-]+$/.test(l) && l.includes('-') && cells(l).every((c) => /^:?-+:?$/.test(c));
}

/** The cells of a table row: split on `|` that is not escaped; `\|` becomes `|`. */
function cells(l: string): string[] {
  let s = l.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (c === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const out: Block[] = [];
  const n = lines.length;
  let i = 0;
  while (i < n) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }

    if (indentOf(line) >= 4) {
      const buf: string[] = [];
      while (i < n && (isBlank(lines[i]!) || indentOf(lines[i]!) >= 4)) buf.push(dedent(lines[i++]!, 4));
      while (buf.length && isBlank(buf[buf.length - 1]!)) buf.pop();
      out.push({ type: 'code', info: '', text: buf.join('\n') });
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      const [, ind, mark] = fence;
      const close = new RegExp(`^ {0,3}${mark![0] === '`' ? '`' : '~'}{${mark!.length},}[ \\t]*$`);
      const buf: string[] = [];
      i++;
      while (i < n && !close.test(lines[i]!)) buf.push(dedent(lines[i++]!, ind!.length));
      i++; // the closing fence (or the end)
      out.push({ type: 'code', info: fence[3]!.trim().split(/\s/)[0] ?? '', text: buf.join('\n') });
      continue;
    }

    const atx = ATX.exec(line);
    if (atx) {
      let text = atx[2]!.trim();
      // An optional closing sequence of #s, if a space comes before it (or it is all there is).
      const closing = /(^|[ \t])#+$/.exec(text);
      if (closing) text = text.slice(0, closing.index).trim();
      out.push({ type: 'heading', level: atx[1]!.length as 1, children: parseInline(text) });
      i++;
      continue;
    }

    if (isHr(line)) {
      out.push({ type: 'hr' });
      i++;
      continue;
    }

    if (depth < MAX_BLOCK_DEPTH && QUOTE.test(line)) {
      const inner: string[] = [];
      let lastBlank = false;
      while (i < n) {
        const l = lines[i]!;
        if (QUOTE.test(l)) {
          const s = l.replace(QUOTE, '');
          inner.push(s);
          lastBlank = isBlank(s);
        } else if (!isBlank(l) && !lastBlank && !interrupts(l, depth)) {
          inner.push(l); // a lazy continuation line of the quote's paragraph
        } else break;
        i++;
      }
      out.push({ type: 'quote', children: parseBlocks(inner, depth + 1) });
      continue;
    }

    const first = depth < MAX_BLOCK_DEPTH ? listMarker(line) : undefined;
    if (first) {
      const items: Block[][] = [];
      let tight = true;
      let m: Marker | undefined = first;
      while (m && m.ordered === first.ordered && m.kind === first.kind) {
        const l = lines[i]!;
        const body: string[] = [m.empty ? '' : l.slice(Math.min(m.width, l.length))];
        const width = m.width;
        i++;
        let blankRun = 0;
        let inner = false;
        let prevText = !m.empty;
        while (i < n) {
          const x = lines[i]!;
          if (isBlank(x)) {
            // An item that starts empty ends at its first blank line.
            if (body.length === 1 && body[0] === '') break;
            body.push('');
            blankRun++;
            i++;
            continue;
          }
          if (indentOf(x) >= width) {
            if (blankRun) inner = true;
            body.push(dedent(x, width));
            blankRun = 0;
            prevText = true;
            i++;
            continue;
          }
          if (!blankRun && prevText && !interrupts(x, depth) && !listMarker(x)) {
            body.push(x); // lazy continuation
            i++;
            continue;
          }
          break;
        }
        while (body.length > 1 && isBlank(body[body.length - 1]!)) body.pop();
        items.push(parseBlocks(body, depth + 1));
        let k = i;
        while (k < n && isBlank(lines[k]!)) k++;
        m = k < n && !isHr(lines[k]!) ? listMarker(lines[k]!) : undefined;
        const continues = !!m && m.ordered === first.ordered && m.kind === first.kind;
        if (continues) {
          if (inner || blankRun || k > i) tight = false;
          i = k;
        } else if (inner) tight = false;
      }
      out.push({ type: 'list', ordered: first.ordered, start: first.start, tight, items });
      continue;
    }

    // A pipe table: a header row, then a delimiter row with as many cells.
    if (line.includes('|') && i + 1 < n && isTableDelimiter(lines[i + 1]!)) {
      const head = cells(line);
      const delim = cells(lines[i + 1]!);
      if (delim.length === head.length) {
        const align = delim.map((d): Align => {
          const l = d.startsWith(':');
          const r = d.endsWith(':');
          return l && r ? 'center' : r ? 'right' : l ? 'left' : null;
        });
        i += 2;
        const rows: Inline[][][] = [];
        while (i < n && !isBlank(lines[i]!) && !interrupts(lines[i]!, depth)) {
          const c = cells(lines[i++]!);
          rows.push(head.map((_, k) => parseInline(c[k] ?? '')));
        }
        out.push({ type: 'table', align, head: head.map((h) => parseInline(h)), rows });
        continue;
      }
    }

    // A paragraph, which a setext underline turns into a heading.
    const para: string[] = [line.replace(/^[ \t]+/, '')];
    i++;
    let heading: 1 | 2 | 0 = 0;
    while (i < n) {
      const l = lines[i]!;
      if (isBlank(l)) break;
      const setext = SETEXT.exec(l);
      if (setext) {
        heading = setext[1]![0] === '=' ? 1 : 2;
        i++;
        break;
      }
      if (interrupts(l, depth)) break;
      para.push(l.replace(/^[ \t]+/, ''));
      i++;
    }
    const text = para.join('\n').replace(/[ \t]+$/, '');
    out.push(
      heading
        ? { type: 'heading', level: heading, children: parseInline(text) }
        : { type: 'paragraph', children: parseInline(text) },
    );
  }
  return out;
}

/** Markdown source to block tokens (whose text parts are inline tokens). Never throws. */
export function tokenize(source: string): Block[] {
  const text = String(source ?? '')
    .replace(/\r\n?/g, '\n')
    .replaceAll('\0', '\ufffd');
  return parseBlocks(text.split('\n').map(expandTabs), 0);
}
