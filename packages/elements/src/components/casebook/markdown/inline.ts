/**
 * Inline Markdown (CommonMark 0.31 §6, the parts case descriptions use) to tokens: code spans, emphasis and
 * strong emphasis (the delimiter-run algorithm with the `openers_bottom` table that keeps it linear), inline links
 * and images, autolinks, backslash escapes, entities, hard and soft line breaks. Raw HTML is text. A link whose
 * destination is not an absolute http(s) URL stays text, exactly as written.
 * @module
 */
import { decodeEntity } from './entities.js';

/** An inline token. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'link'; href: string; title: string; image: boolean; children: Inline[] }
  | { type: 'break' }
  | { type: 'softbreak' };

/** Deeper emphasis or link nesting than this is flattened to its text (the DOM and the renderer stay shallow). */
export const MAX_INLINE_DEPTH = 24;
/** CommonMark allows at most this many nested parentheses in a link destination (it keeps the scan linear). */
const MAX_PAREN_DEPTH = 32;

/**
 * The href for a link destination, or `undefined` when it is not an absolute http(s) URL. The URL is parsed the
 * way the browser will parse it (leading spaces and control characters, entity tricks and mixed case included)
 * and its serialisation is what is used.
 */
export function safeHref(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

class Node {
  prev: Node | null = null;
  next: Node | null = null;
  depth = 0;
  /** A delimiter run or bracket: text that later matching may still change, never merged with its neighbours. */
  special = false;
  constructor(public tok: Inline) {}
}

interface Delim {
  node: Node;
  char: 42 | 95; // * _
  count: number;
  orig: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delim | null;
  next: Delim | null;
}

interface Bracket {
  node: Node;
  image: boolean;
  active: boolean;
  delims: Delim | null;
  prev: Bracket | null;
}

const isSpace = (c: string) => c === '' || /\s/u.test(c);
const isPunct = (c: string) => c !== '' && /[\p{P}\p{S}]/u.test(c);
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
// CommonMark §6.5: no ASCII control characters, spaces, < or > inside an autolink.
// eslint-disable-next-line no-control-regex
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\u0000-\u0020]*)>/y;
const EMAIL_AUTOLINK =
  /<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/y;
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/** Backslash escapes and entities in a link destination or title. */
function unescape(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])|&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (m, ch) =>
    ch !== undefined ? (ch as string) : (decodeEntity(m) ?? m),
  );
}

/** The plain text of tokens (for flattening what is nested too deep). */
function plain(toks: Inline[]): string {
  let s = '';
  for (const t of toks) {
    if (t.type === 'text' || t.type === 'code') s += t.text;
    else if (t.type === 'break' || t.type === 'softbreak') s += '\n';
    else s += plain(t.children);
  }
  return s;
}

/** Parses a link's `(destination "title")` at `p` (which holds `(`): its end and parts, or `undefined`. */
function linkTail(src: string, p: number): { end: number; dest: string; title: string } | undefined {
  const n = src.length;
  let q = p + 1;
  const ws = () => {
    let nl = 0;
    while (q < n && (src[q] === ' ' || src[q] === '\t' || (src[q] === '\n' && nl++ === 0))) q++;
  };
  ws();
  let dest: string;
  if (src[q] === '<') {
    const start = ++q;
    while (q < n && src[q] !== '>') {
      if (src[q] === '\n' || src[q] === '<') return undefined;
      if (src[q] === '\\' && q + 1 < n) q++;
      q++;
    }
    if (q >= n) return undefined;
    dest = src.slice(start, q++);
  } else {
    const start = q;
    let depth = 0;
    while (q < n) {
      const c = src.charCodeAt(q);
      if (c <= 0x20 || c === 0x7f) break;
      if (c === 0x5c /* \ */ && q + 1 < n && ASCII_PUNCT.test(src[q + 1]!)) {
        q += 2;
        continue;
      }
      if (c === 0x28 /* ( */) {
        if (++depth > MAX_PAREN_DEPTH) return undefined;
      } else if (c === 0x29 /* ) */) {
        if (depth === 0) break;
        depth--;
      }
      q++;
    }
    if (depth !== 0) return undefined;
    dest = src.slice(start, q);
  }
  const beforeTitle = q;
  ws();
  let title = '';
  const open = src[q];
  if (q > beforeTitle && (open === '"' || open === "'" || open === '(')) {
    const close = open === '(' ? ')' : open;
    const start = ++q;
    while (q < n && src[q] !== close) {
      if (open === '(' && src[q] === '(') return undefined;
      if (src[q] === '\\' && q + 1 < n) q++;
      q++;
    }
    if (q >= n) return undefined;
    title = src.slice(start, q++);
    ws();
  }
  if (src[q] !== ')') return undefined;
  return { end: q + 1, dest: unescape(dest), title: unescape(title) };
}

/** Inline tokens of one paragraph's (or heading's, or cell's) text. Linear in its length. */
export function parseInline(src: string): Inline[] {
  const n = src.length;
  let head = null as Node | null;
  let tail = null as Node | null;
  let delims: Delim | null = null;
  let brackets: Bracket | null = null;
  let buf = '';

  const append = (node: Node) => {
    node.prev = tail;
    node.next = null;
    if (tail) tail.next = node;
    else head = node;
    tail = node;
    return node;
  };
  const flush = () => {
    if (buf) {
      if (tail?.tok.type === 'text' && !tail.special) tail.tok.text += buf;
      else append(new Node({ type: 'text', text: buf }));
      buf = '';
    }
  };
  const unlink = (node: Node) => {
    if (node.prev) node.prev.next = node.next;
    else head = node.next;
    if (node.next) node.next.prev = node.prev;
    else tail = node.prev;
  };
  const removeDelim = (d: Delim) => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else delims = d.prev;
  };

  /** Moves the nodes strictly between `from` and `to` (`null`: to the end) into a new node placed there. */
  const wrap = (from: Node, to: Node | null, make: (children: Inline[]) => Inline): Node => {
    const children: Inline[] = [];
    let depth = 0;
    for (let x = from.next; x && x !== to; x = x.next) {
      children.push(x.tok);
      if (x.depth > depth) depth = x.depth;
    }
    let node = new Node(make(children));
    node.depth = depth + 1;
    if (node.depth > MAX_INLINE_DEPTH) {
      node = new Node({ type: 'text', text: plain([node.tok]) });
    }
    node.prev = from;
    node.next = to;
    from.next = node;
    if (to) to.prev = node;
    else tail = node;
    return node;
  };

  // Code spans: every maximal backtick run, by length, so that each opener finds its closer without rescanning.
  const runs = new Map<number, { at: number[]; i: number }>();
  for (let p = src.indexOf('`'); p !== -1;) {
    let q = p;
    while (src[q] === '`') q++;
    const len = q - p;
    let r = runs.get(len);
    if (!r) runs.set(len, (r = { at: [], i: 0 }));
    r.at.push(p);
    p = src.indexOf('`', q);
  }
  const closerFor = (len: number, after: number): number => {
    const r = runs.get(len);
    if (!r) return -1;
    while (r.i < r.at.length && r.at[r.i]! < after) r.i++;
    return r.i < r.at.length ? r.at[r.i]! : -1;
  };

  const processEmphasis = (bottom: Delim | null) => {
    // Indexed by the closer's character, whether it can open, and its run length mod 3 (CommonMark's table).
    const openersBottom: (Delim | null | undefined)[] = new Array(12);
    // The first delimiter above `bottom` (none when `bottom` is the top).
    let closer: Delim | null = delims === bottom ? null : delims;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = (closer.char === 42 ? 0 : 6) + (closer.canOpen ? 3 : 0) + (closer.orig % 3);
      const seen = openersBottom[key];
      const floor = seen === undefined ? bottom : seen;
      let opener = closer.prev;
      let found = false;
      while (opener && opener !== bottom && opener !== floor) {
        if (opener.char === closer.char && opener.canOpen) {
          const odd =
            (opener.canClose || closer.canOpen) &&
            (opener.orig + closer.orig) % 3 === 0 &&
            !(opener.orig % 3 === 0 && closer.orig % 3 === 0);
          if (!odd) {
            found = true;
            break;
          }
        }
        opener = opener.prev;
      }
      if (found && opener) {
        const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
        opener.count -= use;
        closer.count -= use;
        (opener.node.tok as { text: string }).text = (opener.node.tok as { text: string }).text.slice(use);
        (closer.node.tok as { text: string }).text = (closer.node.tok as { text: string }).text.slice(use);
        wrap(opener.node, closer.node, (children) => ({ type: use === 2 ? 'strong' : 'em', children }));
        // Delimiters between the two are now inside the new node: they can match nothing any more.
        opener.next = closer;
        closer.prev = opener;
        if (opener.count === 0) {
          unlink(opener.node);
          removeDelim(opener);
        }
        if (closer.count === 0) {
          unlink(closer.node);
          const next: Delim | null = closer.next;
          removeDelim(closer);
          closer = next;
        }
      } else {
        openersBottom[key] = closer.prev;
        const next: Delim | null = closer.next;
        if (!closer.canOpen) removeDelim(closer);
        closer = next;
      }
    }
    while (delims && delims !== bottom) removeDelim(delims);
  };

  let p = 0;
  while (p < n) {
    const c = src.charCodeAt(p);
    switch (c) {
      case 0x0a: {
        // newline: two or more trailing spaces make a hard break; the spaces themselves are dropped.
        // (Trailing spaces are always still in `buf`: a flush only happens before a character that means something.)
        const trimmed = buf.replace(/ +$/, '');
        const hard = buf.length - trimmed.length >= 2;
        buf = trimmed;
        flush();
        append(new Node(hard ? { type: 'break' } : { type: 'softbreak' }));
        p++;
        while (src[p] === ' ' || src[p] === '\t') p++;
        continue;
      }
      case 0x5c: {
        // backslash
        const next = src[p + 1];
        if (next === '\n') {
          flush();
          append(new Node({ type: 'break' }));
          p += 2;
          while (src[p] === ' ' || src[p] === '\t') p++;
        } else if (next !== undefined && ASCII_PUNCT.test(next)) {
          buf += next;
          p += 2;
        } else {
          buf += '\\';
          p++;
        }
        continue;
      }
      case 0x60: {
        // backtick
        let q = p;
        while (src[q] === '`') q++;
        const len = q - p;
        const close = closerFor(len, q);
        if (close === -1) {
          buf += src.slice(p, q);
          p = q;
          continue;
        }
        let text = src.slice(q, close).replace(/\n/g, ' ');
        if (text.length >= 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '')
          text = text.slice(1, -1);
        flush();
        append(new Node({ type: 'code', text }));
        p = close + len;
        continue;
      }
      case 0x2a:
      case 0x5f: {
        // * _
        let q = p;
        while (src.charCodeAt(q) === c) q++;
        const before = p > 0 ? src[p - 1]! : '';
        const after = q < n ? src[q]! : '';
        const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
        const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
        const canOpen = c === 0x2a ? left : left && (!right || isPunct(before));
        const canClose = c === 0x2a ? right : right && (!left || isPunct(after));
        flush();
        const node = append(new Node({ type: 'text', text: src.slice(p, q) }));
        if (canOpen || canClose) {
          node.special = true;
          const d: Delim = {
            node,
            char: c,
            count: q - p,
            orig: q - p,
            canOpen,
            canClose,
            prev: delims,
            next: null,
          };
          if (delims) delims.next = d;
          delims = d;
        }
        p = q;
        continue;
      }
      case 0x21: // !
      case 0x5b: {
        // [
        const image = c === 0x21;
        if (image && src[p + 1] !== '[') {
          buf += '!';
          p++;
          continue;
        }
        flush();
        const node = append(new Node({ type: 'text', text: image ? '![' : '[' }));
        node.special = true;
        brackets = { node, image, active: true, delims, prev: brackets };
        p += image ? 2 : 1;
        continue;
      }
      case 0x5d: {
        // ]
        const opener: Bracket | null = brackets;
        if (!opener) {
          buf += ']';
          p++;
          continue;
        }
        brackets = opener.prev;
        const tailInfo = opener.active && src[p + 1] === '(' ? linkTail(src, p + 1) : undefined;
        if (!tailInfo) {
          buf += ']';
          p++;
          continue;
        }
        const href = safeHref(tailInfo.dest);
        if (href === undefined) {
          // Not an http(s) link: everything stays text, as written.
          buf += src.slice(p, tailInfo.end);
          p = tailInfo.end;
          continue;
        }
        flush();
        processEmphasis(opener.delims);
        wrap(opener.node, null, (children) => ({
          type: 'link',
          href,
          title: tailInfo.title,
          image: opener.image,
          children,
        }));
        unlink(opener.node);
        // No links inside links: earlier openers can no longer make one.
        if (!opener.image) for (let b = brackets; b; b = b.prev) if (!b.image) b.active = false;
        p = tailInfo.end;
        continue;
      }
      case 0x3c: {
        // <: an autolink, or text (raw HTML is never HTML here)
        AUTOLINK.lastIndex = p;
        const m = AUTOLINK.exec(src);
        if (m) {
          const href = safeHref(m[1]!);
          if (href !== undefined) {
            flush();
            append(
              new Node({ type: 'link', href, title: '', image: false, children: [{ type: 'text', text: m[1]! }] }),
            );
          } else buf += m[0];
          p += m[0].length;
          continue;
        }
        EMAIL_AUTOLINK.lastIndex = p;
        const e = EMAIL_AUTOLINK.exec(src);
        if (e) {
          buf += e[1]!; // mailto: is not an http(s) link: the address is shown as text
          p += e[0].length;
          continue;
        }
        buf += '<';
        p++;
        continue;
      }
      case 0x26: {
        // &
        ENTITY.lastIndex = p;
        const m = ENTITY.exec(src);
        const decoded = m ? decodeEntity(m[0]) : undefined;
        if (m && decoded !== undefined) {
          buf += decoded;
          p += m[0].length;
        } else {
          buf += '&';
          p++;
        }
        continue;
      }
      default: {
        // plain text up to the next character that means something
        let q = p + 1;
        while (q < n) {
          const d = src.charCodeAt(q);
          if (
            d === 0x0a ||
            d === 0x5c ||
            d === 0x60 ||
            d === 0x2a ||
            d === 0x5f ||
            d === 0x21 ||
            d === 0x5b ||
            d === 0x5d ||
            d === 0x3c ||
            d === 0x26
          )
            break;
          q++;
        }
        buf += src.slice(p, q);
        p = q;
      }
    }
  }
  flush();
  processEmphasis(null);

  const out: Inline[] = [];
  for (let x: Node | null = head; x; x = x.next) {
    const t = x.tok;
    const last = out[out.length - 1];
    if (t.type === 'text') {
      if (!t.text) continue;
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', text: last.text + t.text };
        continue;
      }
    }
    out.push(t);
  }
  // Trailing breaks mean nothing at the end of a block.
  while (out.length && (out[out.length - 1]!.type === 'break' || out[out.length - 1]!.type === 'softbreak')) out.pop();
  return out;
}
