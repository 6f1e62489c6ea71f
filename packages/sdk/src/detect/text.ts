import type { ObservableType } from '../observable.js';
import { normalizeIPv6 } from './ip.js';
import { FILE_SLDS, FILE_TLDS, isTld, TLD, TLD_FILE, tldKind } from './tld.js';
import type { DetectedObservable, DetectOptions } from './types.js';

// How the scan works (one pass, no per-type regex over the whole text):
// 1. A char loop cuts the text into tokens: runs of letters, digits and the few symbols an observable or a
//    defang can contain (`. : @ - _ + % / \ [ ] ( ) { } *`). Tokens without a trigger (`.`, `@`, a bracket)
//    and shorter than a hash are skipped at once; so are those whose only trigger is `:`, unless they have a
//    `::` or 7 colons (only an IPv6 could be in them: `08:13:00` is skipped).
// 2. A token with brackets, `\.` or zero-width characters is refanged into a short string with an offset map
//    back to the text (iocsearcher's in-place matching), so offsets always point into the original text.
// 3. The token is parsed left to right in plain code: URL schemes, IPv6 runs, dotted chains (IPv4, domains,
//    e-mail addresses, hashes). Every parser only moves forward, so the whole scan is linear in the input.
// URLs are the one thing that may end past the token (their path), and the scan resumes after them.

const TOK = 1; // may belong to a token
const WORD = 2; // label character: letter, digit, `_`, `-`, `+`
const TRIG = 4; // makes a token worth parsing
const FANG = 8; // needs the refang pass
const HEX = 16;
const DIGIT = 32;
// Bits that readChain() gathers over a chain, for the domain checks.
const UPPER = 64;
const NDIG = 128; // a label character other than a decimal digit
const PLUS = 256;
const UNDER = 512;
const WIDE = 1024; // a label character ≥ 0x80
const COLON = 2048; // `:` alone makes a short token worth parsing only when it may hold an IPv6 (mayBeIPv6)
const NHEX = 4096; // a label character that is not a hex digit

const CC = new Uint16Array(128);
for (let c = 48; c <= 57; c++) CC[c] = TOK | WORD | HEX | DIGIT;
for (let c = 65; c <= 90; c++) CC[c] = TOK | WORD | NDIG | UPPER | (c <= 70 ? HEX : NHEX);
for (let c = 97; c <= 122; c++) CC[c] = TOK | WORD | NDIG | (c <= 102 ? HEX : NHEX);
CC[45] = TOK | WORD | NDIG | NHEX;
CC[43] = TOK | WORD | NDIG | NHEX | PLUS;
CC[95] = TOK | WORD | NDIG | NHEX | UNDER;
CC[46] = TOK | TRIG;
CC[64] = TOK | TRIG;
CC[58] = TOK | COLON;
for (const ch of '[({\\') CC[ch.charCodeAt(0)] = TOK | TRIG | FANG;
for (const ch of '])}*/%') CC[ch.charCodeAt(0)] = TOK;

/** Class of a code unit ≥ 0x80: letters of IDNs are WORD; dot look-alikes and zero-width characters FANG. */
function wide(c: number): number {
  if (c === 0x3002 || c === 0xff0e || c === 0xff61) return TOK | TRIG | FANG; // 。．｡ read as `.`
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad) return TOK | FANG; // zero-width: dropped from the value, kept in the offsets
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return 0; // Latin-1 punctuation, NBSP, ×, ÷
  if (c >= 0x2000 && c <= 0x2bff) return 0; // punctuation, spaces, quotes, arrows, math, box drawing
  if (c >= 0x2e00 && c <= 0x2e7f) return 0;
  if (c >= 0x3000 && c <= 0x303f) return 0; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return 0; // astral (emoji) never joins a domain
  if (c >= 0xfe10 && c <= 0xfe6f) return 0;
  if (c >= 0xff00 && c <= 0xff0f) return 0;
  if ((c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65)) return 0;
  if (c === 0xfffd) return 0;
  return TOK | WORD | NDIG | NHEX | WIDE;
}

const cls = (c: number): number => (c < 128 ? CC[c]! : c !== c ? 0 : wide(c));
const isWord = (c: number): boolean => (cls(c) & WORD) !== 0;

/** Bracketed defangs: `[.]`, `(dot)`, `{.}`, `[@]`, `(at)`, `[:]`, `[/]`, `[://]`. */
const BRACKET_FANGS: Record<string, string> = {
  '.': '.',
  dot: '.',
  '@': '@',
  at: '@',
  ':': ':',
  '/': '/',
  '//': '//',
  '://': '://',
  '-': '-',
};
const CLOSE: Record<number, number> = { 91: 93, 40: 41, 123: 125 };

const VERSION_WORDS = ['version', 'ver', 'v', 'build', 'release', 'rev', 'revision', 'firmware', 'fw'];
let VERSION_LENGTHS = 0; // bit n: some version word has n letters
for (const w of VERSION_WORDS) VERSION_LENGTHS |= 1 << w.length;

/** Characters that end a URL: whitespace, quotes, angle brackets, backtick, `|`, and Unicode punctuation. */
function endsUrl(c: number): boolean {
  if (c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 96 || c === 124 || c === 127) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0xab ||
    c === 0xbb ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    c === 0xff08 ||
    c === 0xff09 ||
    c === 0xff0c ||
    c === 0xfeff ||
    c === 0xfffd
  );
}

function toAsciiHost(host: string): string | null {
  for (let i = 0; i < host.length; i++) {
    if (host.charCodeAt(i) >= 128) {
      // IDN → punycode through the WHATWG URL parser (UTS #46), present in browsers, workers and Node.
      try {
        const h = new URL(`http://${host}/`).hostname;
        return /^[a-z0-9.-]+$/.test(h) ? h : null;
      } catch {
        return null;
      }
    }
  }
  return host.toLowerCase();
}

/**
 * Refanged text for the path of a URL: bracketed dots, slashes, colons and `@` (`?u=bob[@]corp.com`), `\.`, and
 * JSON's `\/`.
 */
export function refangPath(s: string): string {
  return s.replace(/[[({](\.|dot|\/|:|:\/\/|@|at)[\])}]|\\([./])/gi, (m, inner?: string, esc?: string) =>
    inner === undefined ? esc! : (BRACKET_FANGS[inner.toLowerCase()] ?? m),
  );
}

interface Want {
  types: Record<ObservableType, boolean>;
  /** Every type is wanted (the default): emit() skips the look-up by type. */
  all: boolean;
  defanged: boolean;
  nested: boolean;
  low: boolean;
}

const ALL_TYPES: ObservableType[] = ['ip', 'ipv6', 'domain', 'url', 'sha256', 'md5', 'sha1', 'email'];

/** Resolves options once; the DOM scanner reuses the result for every chunk. */
export function resolveOptions(o: DetectOptions = {}): Want {
  const types = Object.fromEntries(ALL_TYPES.map((t) => [t, !o.types || o.types.includes(t)])) as Record<
    ObservableType,
    boolean
  >;
  return {
    types,
    all: ALL_TYPES.every((t) => types[t]),
    defanged: o.defanged ?? true,
    nested: o.nested ?? true,
    low: o.lowConfidence ?? false,
  };
}

const HASH_TYPES: Record<number, ObservableType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

/** Receives each match of {@link detectInto} (the DOM scanner builds its own objects from these). */
export type Sink = (
  type: ObservableType,
  value: string,
  start: number,
  end: number,
  low: boolean,
  raw: string | undefined,
) => void;

// Scan state, module-level so the helpers below stay the same functions from call to call (closures made
// per call would defeat inlining in the optimizing compiler). detectInto is not re-entrant.
let text = '';
let n = 0;
let want: Want;
let out: DetectedObservable[] = [];
let sink: Sink | undefined;
// The token is F[first, lim). Without defangs F is the text itself (no copy, absolute positions);
// with them, F is the refanged token and `map` gives the text index of each of its characters.
let F = '';
let map: Int32Array | null = null;
let first = 0;
let lim = 0;
let tokEnd = 0;
let resume = 0; // text index where the scan goes on after a URL that ran past the token
let lastEnd = 0; // text index just past the last match reported (a local part is not extended into it)

const at = (k: number): number => (map ? (k < lim ? map[k]! : tokEnd) : k);
const endAt = (k: number): number => at(k - 1) + 1; // k is exclusive; matches never end on a refanged char
// Helpers read F with `f.charCodeAt`: past `lim` that is the character after the token, never a token character.

/** Reports a match unless its type or confidence is not wanted; tells whether it was reported. */
function emit(type: ObservableType, value: string, start: number, end: number, low: boolean, same?: boolean): boolean {
  if ((!want.all && !want.types[type]) || (low && !want.low)) return false;
  if (end > lastEnd) lastEnd = end;
  // `same`: the caller knows whether the text as written equals the value (saves comparing long URLs).
  const raw =
    (same ?? (end - start === value.length && text.startsWith(value, start))) ? undefined : text.slice(start, end);
  if (sink) {
    sink(type, value, start, end, low, raw);
    return true;
  }
  // One object shape for every match (raw always present, maybe undefined) keeps property access monomorphic.
  out.push({ type, value, start, end, raw, confidence: low ? 'low' : 'high' });
  return true;
}

function fangedIn(a: number, b: number): boolean {
  return map !== null && at(b - 1) + 1 - at(a) !== b - a;
}

// A dotted chain F[a, b): words joined by single dots. `nLabels` counts its labels, `digitsOnly` tells
// whether they are all decimal, `hashLen` whether one has the length of a hash (with or without `0x`).
// For chainDomain() it also keeps the classes of all its characters and of its last label, where the last
// label starts, whether a label is empty, too long or has `-` at an end, and the last label with a `_`.
let nLabels = 0;
let digitsOnly = false;
let hashLen = false;
let chainOr = 0;
let tldOr = 0;
let tldStart = 0;
let badLabel = false;
let underLabel = -1;
const HASH_LEN = new Uint8Array(67);
for (const len of [32, 34, 40, 42, 64, 66]) HASH_LEN[len] = 1;
/** Reads the chain at F[a]; `w`, when given, is the end of its first word and `wOr` the classes of F[a, w). */
function readChain(a: number, w = -1, wOr = -1): number {
  const f = F;
  const end = lim;
  let j = a;
  let c = f.charCodeAt(j);
  let or = 0;
  let k: number;
  if (w < 0) {
    while (j < end && (k = c < 128 ? CC[c]! : wide(c)) & WORD) {
      or |= k;
      c = f.charCodeAt(++j);
    }
  } else {
    if (wOr >= 0) or = wOr;
    else for (; j < w; j++) or |= cls(f.charCodeAt(j));
    j = w;
    c = f.charCodeAt(j);
  }
  let all = or;
  let count = 1;
  let bad = j === a || j - a > 63 || f.charCodeAt(a) === 45 || f.charCodeAt(j - 1) === 45;
  let under = or & UNDER ? 0 : -1;
  let ls = a;
  hashLen = j - a <= 66 && HASH_LEN[j - a] === 1;
  while (c === 46) {
    c = f.charCodeAt(j + 1);
    if (!(c < 128 ? CC[c]! & WORD : c === c && wide(c) & WORD)) break;
    ls = ++j;
    or = 0;
    while (j < end && (k = c < 128 ? CC[c]! : wide(c)) & WORD) {
      or |= k;
      c = f.charCodeAt(++j);
    }
    const len = j - ls;
    if (len <= 66 && HASH_LEN[len] === 1) hashLen = true;
    if (len > 63 || f.charCodeAt(ls) === 45 || f.charCodeAt(j - 1) === 45) bad = true;
    if (or & UNDER) under = count;
    all |= or;
    count++;
  }
  nLabels = count;
  digitsOnly = (all & NDIG) === 0;
  chainOr = all;
  tldOr = or;
  tldStart = ls;
  badLabel = bad;
  underLabel = under;
  return j;
}

/** Start of the last label of F[a, b). */
function lastLabel(a: number, b: number): number {
  const f = F;
  let k = b - 1;
  while (k > a && f.charCodeAt(k) !== 46) k--;
  return k + 1;
}

// The last domain chainDomain() or domainValue() accepted: where its TLD starts in F, the TLD's length
// in the value, whether the TLD is a file extension, and whether the value is the text as written
// (no upper case, no IDN).
let lastTldStart = 0;
let lastTldLen = 0;
let lastTldFile = false;
let lastSame = false;

/**
 * `.onion` (RFC 7686) is no IANA TLD, but a Tor service name under it is a host: {@link TLD} when F[t, b) is
 * `onion` and the label before it is a v2 (16) or v3 (56) base32 name (`a`–`z`, `2`–`7`).
 */
function onionKind(a: number, t: number, b: number): number {
  const f = F;
  if (b - t !== 5 || (f.charCodeAt(t) | 32) !== 111 || f.slice(t, b).toLowerCase() !== 'onion') return 0;
  let k = t - 1;
  while (k > a && f.charCodeAt(k - 1) !== 46) k--;
  const len = t - 1 - k;
  if (len !== 16 && len !== 56) return 0;
  for (let i = k; i < t - 1; i++) {
    const c = f.charCodeAt(i) | 32;
    if (!((c >= 97 && c <= 122) || (c >= 50 && c <= 55))) return 0;
  }
  return TLD;
}

/** domainValue() for the chain readChain() has just read, F[a, b) of `count` labels, from what it gathered. */
function chainDomain(a: number, b: number, count: number): string | null {
  if (chainOr & WIDE) {
    lastSame = false;
    return domainValue(a, b, count);
  }
  if (count < 2 || count >= 128 || b - a > 253) return null;
  const f = F;
  const t = tldStart;
  // The TLD starts with a letter and holds letters, digits and `-`; labels: 1–63 characters, no `-` at
  // either end, no `+`, `_` only below the registrable name.
  if (((f.charCodeAt(t) | 32) - 97) >>> 0 >= 26 || tldOr & (PLUS | UNDER)) return null;
  if (badLabel || chainOr & PLUS || underLabel >= count - 2) return null;
  const kind = tldKind(f, t, b) || onionKind(a, t, b);
  if (!kind) return null;
  lastTldStart = t;
  lastTldLen = b - t;
  lastTldFile = (kind & TLD_FILE) !== 0;
  lastSame = (chainOr & UPPER) === 0;
  return lastSame ? f.slice(a, b) : f.slice(a, b).toLowerCase();
}

/** Validates the chain F[a, b) of `count` labels as a domain; returns its ASCII form or null. */
function domainValue(a: number, b: number, count: number): string | null {
  const f = F;
  if (count < 2 || count >= 128 || b - a > 253) return null;
  const tldStart = lastLabel(a, b);
  let lastTld = '';
  // The TLD: starts with a letter (`xn--` included), letters only (or an IDN); cheap tests before anything else.
  const t0 = f.charCodeAt(tldStart) | 32;
  if (t0 < 97 || (t0 > 122 && t0 < 128)) return null;
  let ascii = true;
  let upper = false;
  for (let k = tldStart; k < b; k++) {
    const c = f.charCodeAt(k);
    if (c >= 128) ascii = false;
    else if (c >= 65 && c <= 90) upper = true;
    else if (!(c >= 97 && c <= 122) && !(c === 45 || (c >= 48 && c <= 57))) return null;
  }
  if (ascii) {
    const tld = F.slice(tldStart, b);
    lastTld = upper ? tld.toLowerCase() : tld;
    if (!isTld(lastTld)) return null;
  }
  if (ascii) {
    // Labels: 1–63 characters, no `-` at either end, no `+`, `_` only below the registrable name.
    let ls = a;
    let label = 0;
    for (let k = a; k <= b; k++) {
      const c = k < b ? f.charCodeAt(k) : 46;
      if (c === 46) {
        const len = k - ls;
        if (len === 0 || len > 63 || f.charCodeAt(ls) === 45 || f.charCodeAt(k - 1) === 45) return null;
        ls = k + 1;
        label++;
      } else if (c === 43) return null;
      else if (c === 95 && label >= count - 2) return null;
      else if (c >= 128) ascii = false;
      else if (c >= 65 && c <= 90) upper = true;
    }
    if (ascii) {
      setLast(tldStart, lastTld);
      return upper ? F.slice(a, b).toLowerCase() : F.slice(a, b);
    }
  }
  const host = toAsciiHost(F.slice(a, b));
  if (!host || host.length > 253) return null;
  const labels = host.split('.');
  if (labels.length !== count) return null;
  lastTld = labels[labels.length - 1]!;
  if (!isTld(lastTld)) return null;
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k]!;
    if (l.length === 0 || l.length > 63 || l.charCodeAt(0) === 45 || l.charCodeAt(l.length - 1) === 45) return null;
    if (l.includes('+')) return null;
    if (k >= labels.length - 2 && l.includes('_')) return null;
  }
  setLast(tldStart, lastTld);
  return host;
}

function setLast(start: number, tld: string): void {
  lastTldStart = start;
  lastTldLen = tld.length;
  lastTldFile = FILE_TLDS.has(tld);
}

/** Non-fatal doubts about a domain written at F[a, b). */
function domainLow(host: string, a: number, b: number, next: number): boolean {
  const f = F;
  const tldStart = lastTldStart;
  // `System.Net`, `Hello.World`, `sentence.Next`: a capitalised TLD in mixed case is code or a missing space.
  const c0 = f.charCodeAt(tldStart);
  if (c0 >= 65 && c0 <= 90) {
    let lower = false;
    for (let k = tldStart + 1; k < b; k++) if (f.charCodeAt(k) >= 97) lower = true;
    if (lower) return true;
  }
  if (next === 40) return true; // `logger.info(`: a call, not a host
  if (!lastTldFile || fangedIn(a, b)) return false;
  const dot = host.length - lastTldLen - 1;
  const dot2 = host.lastIndexOf('.', dot - 1);
  return dot2 < 0 || FILE_SLDS.has(host.slice(dot2 + 1, dot));
}

/**
 * Emits F[a, b), label characters, when it is a hash (`0x` prefix allowed); returns whether it has the shape
 * of one. `or`, when given, holds the classes of F[a, b).
 */
function hashLabel(a: number, b: number, or = -1): boolean {
  const f = F;
  let s = a;
  if (b - a > 2 && f.charCodeAt(a) === 48 && (f.charCodeAt(a + 1) | 32) === 120) s = a + 2; // 0x prefix
  const type = HASH_TYPES[b - s];
  if (!type) return false;
  if (or < 0 || s !== a) {
    or = 0;
    for (let k = s; k < b; k++) or |= cls(f.charCodeAt(k));
  }
  // Hex digits only, and not all-decimal or all-letter: runs of hash length like those are numbers or words.
  if (or & NHEX || !(or & DIGIT) || !(or & NDIG)) return false;
  // `0x` and 40 hex digits is an Ethereum address, not a SHA-1 (a 0x-prefixed MD5 or SHA-256 is still read).
  if (s !== a && b - s === 40) return true;
  const upper = (or & UPPER) !== 0;
  const value = F.slice(s, b);
  emit(type, upper ? value.toLowerCase() : value, at(s), endAt(b), false, map === null ? !upper : undefined);
  return true;
}

function versionBefore(start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 58 || text.charCodeAt(k) === 61)) k--;
  const e = k + 1;
  while (k >= 0 && e - k <= 10 && (text.charCodeAt(k) | 32) >= 97 && (text.charCodeAt(k) | 32) <= 122) k--;
  if (e - k < 2) return false;
  // Every version word starts with v, b, r or f and has one of a few lengths: most words (`src`, `from`…)
  // stop here. The rest are compared in place (letters only, so `| 32` lower-cases), without a slice.
  const c0 = text.charCodeAt(k + 1) | 32;
  const len = e - k - 1;
  if ((c0 !== 118 && c0 !== 98 && c0 !== 114 && c0 !== 102) || !((VERSION_LENGTHS >> len) & 1)) return false;
  next: for (const w of VERSION_WORDS) {
    if (w.length !== len) continue;
    for (let i = 0; i < len; i++) if ((text.charCodeAt(k + 1 + i) | 32) !== w.charCodeAt(i)) continue next;
    return true;
  }
  return false;
}

/** IPv6 run starting at F[a]; emits and returns its end, or returns -(end of the run) when it is not one. */
function ipv6At(a: number): number {
  const f = F;
  let j = a;
  let colons = 0;
  let double = false;
  let dots = false;
  for (; j < lim; j++) {
    const c = f.charCodeAt(j);
    if (c === 58) {
      colons++;
      if (f.charCodeAt(j - 1) === 58) double = true;
    } else if (c === 46) dots = true;
    else if (!(c < 128 && CC[c]! & HEX)) break;
  }
  const runEnd = j;
  // Without `::` an address has 8 groups (7 colons), or 6 and a dotted IPv4: times and MACs stop here.
  if (colons < 2 || runEnd - a > 45 || (!double && (colons < 6 || (colons === 6 && !dots)))) return -runEnd;
  let e = runEnd;
  while (e > a && f.charCodeAt(e - 1) === 46) e--; // sentence dot
  if (f.charCodeAt(e - 1) === 58 && f.charCodeAt(e - 2) !== 58) e--; // `fe80::1: up`
  // Touching a letter, `_` or `-`: `Foo::Bar`, `dead:beef:…:cafeX`.
  const next = f.charCodeAt(runEnd);
  if (next === next && isWord(next)) return -runEnd;
  const v = normalizeIPv6(F.slice(a, e));
  if (!v) return -runEnd;
  let end = e;
  if (next === 37 && e === runEnd) {
    // Zone id (`fe80::1%eth0`): part of the match, not of the value.
    let z = runEnd + 1;
    while (z < lim && (isWord(f.charCodeAt(z)) || f.charCodeAt(z) === 46)) z++;
    if (z > runEnd + 1) end = z;
  }
  emit('ipv6', v, at(a), endAt(end), false);
  return end;
}

/** Whether F[a, b) holds two colons or more (an IPv6 address needs them). */
function hasColons(a: number, b: number): boolean {
  let colons = 0;
  for (let k = a; k < b; k++) if (F.charCodeAt(k) === 58 && ++colons === 2) return true;
  return false;
}

function urlAt(a: number, schemeLen: number): number {
  const f = F;
  const scheme = F.slice(a, a + schemeLen - 3).toLowerCase();
  const p = a + schemeLen;
  let q = p;
  for (; q < lim; q++) {
    const c = f.charCodeAt(q);
    if (!(isWord(c) || c === 46 || c === 58 || c === 64 || c === 91 || c === 93 || c === 37)) break;
  }
  let atSign = q - 1; // the last `@` of the authority is the end of the userinfo
  while (atSign >= p && f.charCodeAt(atSign) !== 64) atSign--;
  const hostStart = atSign >= p ? atSign + 1 : p;
  let hostEnd: number;
  let hostType: ObservableType;
  let host: string | null;
  let bare = false; // an IPv6 host without brackets
  // The authority may end a sentence or a clause (`see https://example.com.`, `…/x: next`) or a Markdown link
  // text (`[https://example.com](…)`): trailing `.`, `:` and `]` are not part of it.
  let authLim = q;
  while (authLim > hostStart) {
    const c = f.charCodeAt(authLim - 1);
    if (c === 46 || c === 58 || (c === 93 && f.charCodeAt(hostStart) !== 91)) authLim--;
    else break;
  }
  if (f.charCodeAt(hostStart) === 91) {
    let close = hostStart + 1;
    while (close < q && f.charCodeAt(close) !== 93) close++;
    if (close >= q) return q;
    host = normalizeIPv6(F.slice(hostStart + 1, close));
    hostType = 'ipv6';
    hostEnd = close + 1;
  } else if (hasColons(hostStart, authLim) && (host = normalizeIPv6(F.slice(hostStart, authLim)))) {
    // An IPv6 host written without its brackets (`http://2001:db8::1/x`): the whole authority is the address
    // (there is no telling a port from a last group), and the URL is given its brackets.
    hostType = 'ipv6';
    hostEnd = authLim;
    bare = true;
  } else {
    hostEnd = readChain(hostStart);
    if (hostEnd === hostStart) return q;
    if (nLabels === 4 && isNumeric(hostStart, hostEnd)) {
      host = isIPv4(hostStart, hostEnd) ? F.slice(hostStart, hostEnd) : null;
      hostType = 'ip';
    } else {
      host = chainDomain(hostStart, hostEnd, nLabels);
      hostType = 'domain';
    }
  }
  if (!host) return q;
  let authEnd = hostEnd;
  if (f.charCodeAt(authEnd) === 58 && authEnd < authLim) {
    let k = authEnd + 1;
    while (k < lim && f.charCodeAt(k) >= 48 && f.charCodeAt(k) <= 57) k++;
    if (k - authEnd - 1 > 5 || +F.slice(authEnd + 1, k) > 65535) return q;
    authEnd = k;
  }
  if (authEnd !== authLim) return q;
  // What was trimmed off the authority ends the URL: no path after it.
  const trimmed = authLim !== q;
  q = authLim;
  // The path runs in the original text, past the token if need be.
  const start = at(a);
  const pathStart = q < lim ? at(q) : tokEnd;
  let end = pathStart;
  let brackets = false; // a defang may hide in the path
  const c0 = text.charCodeAt(pathStart);
  if (
    !trimmed &&
    (c0 === 47 ||
      c0 === 63 ||
      c0 === 35 ||
      (c0 === 92 && text.charCodeAt(pathStart + 1) === 47) || // `\/`: JSON-escaped slashes
      (want.defanged && (c0 === 91 || c0 === 40) && text.charCodeAt(pathStart + 1) === 47)) // `[/]`, `[/`
  ) {
    // An apostrophe belongs to the path (`/it's/here`) unless the URL is quoted with apostrophes. An unbalanced
    // `]` or `)` ends it (`[text](https://x/a)`, `(see https://x/a)`); balanced ones stay (`/Foo_(bar)`).
    const quoted = start > 0 && text.charCodeAt(start - 1) === 39;
    let sq = 0;
    let paren = 0;
    for (let c = c0; end < n && (c === 39 ? !quoted : !endsUrl(c)); c = text.charCodeAt(++end)) {
      if (c === 91 || c === 40 || c === 123 || c === 92) {
        brackets = true;
        if (c === 91) sq++;
        else if (c === 40) paren++;
      } else if (c === 93) {
        if (--sq < 0) break;
      } else if (c === 41 && --paren < 0) break;
    }
    end = trimUrlEnd(text, pathStart, end);
  }
  let scheme2 = scheme.replace(/xx|\*\*/, 'tt');
  if (scheme2[0] === 'f') scheme2 = scheme2.replace('x', 't');
  const userinfo = atSign >= p ? F.slice(p, atSign + 1) : '';
  const hostText = hostType === 'ipv6' ? `[${host}]` : host;
  const path = text.slice(pathStart, end);
  const value = `${scheme2}://${userinfo}${hostText}${F.slice(hostEnd, authEnd)}${want.defanged && brackets ? refangPath(path) : path}`;
  // As written when nothing was refanged, the scheme was already lower-case and the host already normal;
  // with brackets around, compare the strings.
  const same =
    map !== null || brackets || bare
      ? undefined
      : F.startsWith(scheme2, a) &&
        (hostType === 'ipv6' ? F.startsWith(host, hostStart + 1) : F.startsWith(host, hostStart));
  if (!emit('url', value, start, end, false, same) || want.nested) {
    if (hostType === 'ipv6' && !bare) emit('ipv6', host, at(hostStart + 1), endAt(hostEnd - 1), false);
    else emit(hostType, host, at(hostStart), endAt(hostEnd), false);
  }
  if (end >= tokEnd) {
    resume = end;
    return lim;
  }
  // The URL ended inside the token (`…/x)more`): go on from there.
  let k = q;
  while (k < lim && at(k) < end) k++;
  return k;
}

/**
 * Length of a URL scheme and its `://` at F[a], or 0: `http`, `https`, `ftp`, `ftps`, `sftp` in any case, and
 * with defangs read, `hxxp`, `h**p`, `fxp` and their `s` forms.
 */
function schemeAt(a: number): number {
  const f = F;
  const c0 = f.charCodeAt(a) | 32;
  const c1 = f.charCodeAt(a + 1);
  const c2 = f.charCodeAt(a + 2);
  let j: number;
  if (c0 === 104) {
    const t = (c1 | 32) === 116 && (c2 | 32) === 116;
    const x = want.defanged && (((c1 | 32) === 120 && (c2 | 32) === 120) || (c1 === 42 && c2 === 42));
    if (!(t || x) || (f.charCodeAt(a + 3) | 32) !== 112) return 0;
    j = a + 4;
  } else if (c0 === 102) {
    if (!((c1 | 32) === 116 || (want.defanged && (c1 | 32) === 120)) || (c2 | 32) !== 112) return 0;
    j = a + 3;
  } else if (c0 === 115) {
    if ((c1 | 32) !== 102 || (c2 | 32) !== 116 || (f.charCodeAt(a + 3) | 32) !== 112) return 0;
    j = a + 4;
  } else return 0;
  if (c0 !== 115 && (f.charCodeAt(j) | 32) === 115) j++;
  return f.charCodeAt(j) === 58 && f.charCodeAt(j + 1) === 47 && f.charCodeAt(j + 2) === 47 ? j + 3 - a : 0;
}

/** Parses a word (and what it starts) at F[a]; returns where parsing goes on. */
function wordAt(a: number): number {
  const f = F;
  const pv = a > first ? f.charCodeAt(a - 1) : -1;
  const scheme = schemeAt(a);
  if (scheme) return urlAt(a, scheme);
  let w = a;
  let wOr = 0;
  for (
    let ch = f.charCodeAt(a), k: number;
    w < lim && (k = ch < 128 ? CC[ch]! : wide(ch)) & WORD;
    ch = f.charCodeAt(++w)
  )
    wOr |= k;
  if (f.charCodeAt(w) === 58 && w - a <= 4 && pv !== 58 && pv !== 46) {
    let hex = true;
    for (let k = a; k < w; k++) if (!(f.charCodeAt(k) < 128 && CC[f.charCodeAt(k)]! & HEX)) hex = false;
    if (hex) {
      const r = ipv6At(a);
      if (r > 0) return r;
    }
  }
  let s = a;
  // `%2Fevil.com` in a percent-encoded URL: the escape is not part of the name.
  if (pv === 37 && w - a > 2 && cls(f.charCodeAt(a)) & HEX && cls(f.charCodeAt(a + 1)) & HEX) s = a + 2;
  while (s < w && (f.charCodeAt(s) === 45 || f.charCodeAt(s) === 43)) s++;
  if (s === w) return w;
  const nx = f.charCodeAt(w);
  if (nx !== 46 && nx !== 64) {
    // A lone word: only a hash can start here.
    const len = w - s;
    if (len === 32 || len === 34 || len === 40 || len === 42 || len === 64 || len === 66)
      hashLabel(s, w, s === a ? wOr : -1);
    return w;
  }
  const b = readChain(s, w, s === a ? wOr : -1);
  const next = f.charCodeAt(b);
  if (next === 64) return emailAt(s, b);
  const count = nLabels;
  // Numbers only: an IPv4 when exactly four octets, never a domain (`1.2.3.4.5`, `4.18.2.1507`).
  if (digitsOnly) {
    if (count === 4 && isIPv4(s, b)) {
      const start = at(s);
      emit('ip', F.slice(s, b), start, endAt(b), versionBefore(start), map === null || undefined);
    }
    return b;
  }
  // A chain holding a hash-length hex label is a file named after its digest (`<sha256>.exe`), not a host.
  let hashes = false;
  if (hashLen)
    for (let ls = s, k = s; k <= b; k++) {
      if (k < b && f.charCodeAt(k) !== 46) continue;
      const len = k - ls;
      if ((len === 32 || len === 34 || len === 40 || len === 42 || len === 64 || len === 66) && hashLabel(ls, k))
        hashes = true;
      ls = k + 1;
    }
  if (hashes || count < 2) return b;
  const host = chainDomain(s, b, count);
  if (host)
    emit(
      'domain',
      host,
      at(s),
      endAt(b),
      domainLow(host, s, b, next) || (s > first && gluedBracket(s - 1)),
      map === null ? lastSame : undefined,
    );
  else if (!isAsciiRange(s, b)) idnFallback(s, b);
  return b;
}

/**
 * Whether F[k] closes a bracket opened right after a word (`evil[x]update.com`, `a(b)update.com`): the name
 * after it is then the tail of a label with a defang not read, and `update.com` is not the registrable name.
 */
function gluedBracket(k: number): boolean {
  const f = F;
  const c = f.charCodeAt(k);
  const open = c === 93 ? 91 : c === 41 ? 40 : c === 125 ? 123 : 0;
  if (!open) return false;
  for (let o = k - 1; o > first && o >= k - 16; o--) {
    const x = f.charCodeAt(o);
    if (x === open) return isWord(f.charCodeAt(o - 1));
    if (x === c || !(cls(x) & TOK)) return false;
  }
  return false;
}

function isNumeric(a: number, b: number): boolean {
  const f = F;
  for (let k = a; k < b; k++) {
    const c = f.charCodeAt(k);
    if (!(c === 46 || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** A dotted quad of digits and dots: octets 0–255 without leading zeros (inet_aton would read `010` as 8). */
function isIPv4(a: number, b: number): boolean {
  const f = F;
  let ls = a;
  for (let k = a; k <= b; k++) {
    if (k < b && f.charCodeAt(k) !== 46) continue;
    const len = k - ls;
    if (len === 0 || len > 3 || (len > 1 && f.charCodeAt(ls) === 48)) return false;
    if (len === 3 && (f.charCodeAt(ls) - 48) * 100 + (f.charCodeAt(ls + 1) - 48) * 10 + f.charCodeAt(ls + 2) - 48 > 255)
      return false;
    ls = k + 1;
  }
  return true;
}

function isAsciiRange(a: number, b: number): boolean {
  const f = F;
  for (let k = a; k < b; k++) if (f.charCodeAt(k) >= 128) return false;
  return true;
}

/** `请访问evil.com获取`: text without spaces around an ASCII host; retry on the ASCII part alone. */
function idnFallback(a: number, b: number): void {
  const f = F;
  let s = a;
  let e = b;
  for (let k = a; k < b && f.charCodeAt(k) !== 46; k++) if (f.charCodeAt(k) >= 128) s = k + 1;
  for (let k = b - 1; k >= a && f.charCodeAt(k) !== 46; k--) if (f.charCodeAt(k) >= 128) e = k;
  if (s === a && e === b) return;
  let count = 1;
  for (let k = s; k < e; k++) if (f.charCodeAt(k) === 46) count++;
  if (!isAsciiRange(s, e) || s >= e) return;
  const host = domainValue(s, e, count);
  if (host) emit('domain', host, at(s), endAt(e), domainLow(host, s, e, f.charCodeAt(e)));
}

/**
 * RFC 5322 `atext` beyond label characters, as a local part may hold them: `! # $ & ' * / = ^ \` { | } ~`.
 * (`%`, `?` and `&`… in query strings are left out: `?a=1&to=bob@x.org` reads as `to=bob@x.org`, not more.)
 */
const ATEXT = new Uint8Array(128);
for (const ch of "!#$'*/=^`{|}~") ATEXT[ch.charCodeAt(0)] = 1;
/** Characters a local part does not start with: quotes and brackets around an address, a path's `/`. */
const NOT_FIRST = new Uint8Array(128);
for (const ch of "'`{}|/=.") NOT_FIRST[ch.charCodeAt(0)] = 1;

const isAtext = (c: number): boolean => (c < 128 ? (CC[c]! & WORD) !== 0 || ATEXT[c] === 1 : (wide(c) & WORD) !== 0);

/** The local part {@link localStart} found, lower-cased. */
let localPart = '';

/**
 * Where, in the text, the local part that ends at F[a, b) starts: label characters and dots (dot-atom), plus
 * {@link ATEXT}, back from `b` (through the text before a refanged token too), not into a match already reported.
 * Sets {@link localPart}; returns -1 when it is longer than 64 characters.
 */
function localStart(a: number, b: number): number {
  const f = F;
  const floor = map === null ? Math.max(lastEnd, 0) : first;
  let k = a;
  while (k > floor) {
    const c = f.charCodeAt(k - 1);
    if (!(isAtext(c) || (c === 46 && f.charCodeAt(k) !== 46))) break;
    k--;
  }
  let start = at(k);
  let prefix = '';
  if (map !== null && k === first) {
    // A refanged token begins after a character that ends tokens (`#`, `=`…): the local part may go on before it.
    let t = start;
    while (t > lastEnd && isAtext(text.charCodeAt(t - 1))) t--;
    prefix = text.slice(t, start);
    start = t;
  }
  let local = prefix + F.slice(k, b);
  let skip = 0;
  while (skip < local.length && local.charCodeAt(skip) < 128 && NOT_FIRST[local.charCodeAt(skip)]) skip++;
  local = local.slice(skip);
  if (local.length > 64 || !local) return -1;
  localPart = local.toLowerCase();
  return start + skip;
}

/** `local@domain` (or `local@[IPv6:…]`, `local@[192.0.2.1]`), the local part ending at F[a, b), `@` at F[b]. */
function emailAt(a: number, b: number): number {
  const f = F;
  const d = b + 1;
  if (f.charCodeAt(d) === 91) return literalEmailAt(a, b);
  if (!isWord(f.charCodeAt(d))) return b;
  const e = readChain(d);
  const host = chainDomain(d, e, nLabels);
  if (!host) return b; // the part after `@` is parsed again on its own
  // UTF-8 local parts (RFC 6531) are kept as written, lower-cased.
  const ls = localStart(a, b);
  // `git@github.com:org/repo.git` is an SSH remote, not a mailbox: report the host only.
  const ssh = f.charCodeAt(e) === 58 && (isWord(f.charCodeAt(e + 1)) || f.charCodeAt(e + 1) === 47);
  const shown = ls >= 0 && !ssh && emit('email', `${localPart}@${host}`, ls, endAt(e), false);
  if (!shown || want.nested)
    emit('domain', host, at(d), endAt(e), domainLow(host, d, e, f.charCodeAt(e)), map === null ? lastSame : undefined);
  return e;
}

/** An address literal (RFC 5321 §4.1.3) after the `@` at F[b]: `[IPv6:2001:db8::1]` or `[192.0.2.1]`. */
function literalEmailAt(a: number, b: number): number {
  const f = F;
  const o = b + 1;
  let close = o + 1;
  while (close < lim && close - o <= 50 && f.charCodeAt(close) !== 93) close++;
  if (f.charCodeAt(close) !== 93) return b;
  const v6 = close - o > 5 && F.slice(o + 1, o + 6).toLowerCase() === 'ipv6:';
  const inner = v6 ? o + 6 : o + 1;
  const addr = v6
    ? normalizeIPv6(F.slice(inner, close))
    : isNumeric(inner, close) && isIPv4(inner, close)
      ? F.slice(inner, close)
      : null;
  if (!addr || (!v6 && F.slice(inner, close).split('.').length !== 4)) return b;
  const ls = localStart(a, b);
  if (ls < 0) return b;
  const shown = emit('email', `${localPart}@[${v6 ? 'IPv6:' : ''}${addr}]`, ls, endAt(close + 1), false);
  if (!shown || want.nested) emit(v6 ? 'ipv6' : 'ip', addr, at(inner), endAt(close), false);
  return close + 1;
}

function parseToken(): void {
  const f = F;
  let k = first;
  while (k < lim) {
    const c = f.charCodeAt(k);
    const cl = cls(c);
    if (cl & WORD) {
      k = wordAt(k);
    } else if (
      c === 58 &&
      f.charCodeAt(k + 1) === 58 &&
      (k === first || !(isWord(f.charCodeAt(k - 1)) || f.charCodeAt(k - 1) === 46 || f.charCodeAt(k - 1) === 58))
    ) {
      const r = ipv6At(k);
      k = r > 0 ? r : Math.max(k + 2, -r);
    } else k++;
  }
}

// The offset map of refanged tokens, reused (a refanged token is never longer than the text it comes from).
let mapBuf = new Int32Array(64);

function buildFanged(s: number, e: number): void {
  if (mapBuf.length < e - s) mapBuf = new Int32Array(Math.max(e - s, 2 * mapBuf.length));
  const m = mapBuf;
  const defanged = want.defanged;
  let f = '';
  let n = 0;
  let run = s; // text[run, j) is copied as is, in one slice, when a defang or the end comes
  for (let j = s; j < e;) {
    const c = text.charCodeAt(j);
    let rep = '';
    let next = j; // past the defang at j, if there is one
    if (defanged && (c === 91 || c === 40 || c === 123)) {
      const close = CLOSE[c]!;
      let k = j + 1;
      while (k < e && k - j <= 4 && text.charCodeAt(k) !== close) k++;
      if (k < e && text.charCodeAt(k) === close) {
        const inner = text.slice(j + 1, k).toLowerCase();
        const r = BRACKET_FANGS[inner];
        if (r) {
          rep = r;
          next = k + 1;
        } else if ((inner === 'tt' || inner === 'xx') && (text.charCodeAt(j - 1) | 32) === 104) {
          // `h[tt]p`, `h[xx]ps`: a bracketed part of the scheme.
          if ((text.charCodeAt(k + 1) | 32) === 112) {
            rep = inner;
            next = k + 1;
          }
        }
      }
      // A half bracket glued between a name and a separator (`evil[.com`, `…com[/gate`, `hxxps[://`): dropped.
      const sep = text.charCodeAt(j + 1);
      if (
        next === j &&
        (sep === 46 || sep === 47 || sep === 58 || sep === 64) &&
        j > s &&
        isWord(text.charCodeAt(j - 1))
      )
        next = j + 1;
    } else if (defanged && c === 92 && (text.charCodeAt(j + 1) === 46 || text.charCodeAt(j + 1) === 47)) {
      rep = text[j + 1]!; // `\.`, and JSON's `\/`
      next = j + 2;
    } else if (c >= 128) {
      const w = wide(c);
      if (w & FANG) {
        // A dot look-alike reads as `.`; a zero-width character is left out.
        if (w & TRIG) rep = defanged ? '.' : text[j]!;
        next = j + 1;
      }
    }
    if (next === j) {
      j++;
      continue;
    }
    f += text.slice(run, j) + rep;
    for (let r = run; r < j; r++) m[n++] = r;
    for (let r = 0; r < rep.length; r++) m[n++] = j;
    run = j = next;
  }
  f += text.slice(run, e);
  for (let r = run; r < e; r++) m[n++] = r;
  F = f;
  map = m;
  first = 0;
  lim = n;
}

/**
 * Whether text[s, e), a token with no trigger but `:` and shorter than a hash, may hold an IPv6: one needs
 * a `::` or 7 colons (a URL needs a dot or a bracket in its host, so a scheme alone gives nothing).
 */
function mayBeIPv6(s: number, e: number): boolean {
  let colons = 0;
  for (let k = s; k < e; k++)
    if (text.charCodeAt(k) === 58 && (++colons === 7 || text.charCodeAt(k + 1) === 58)) return true;
  return false;
}

/** Detects observables in `text`, appending them to `out` (or passing them to `sink`) in order of position. */
export function detectInto(input: string, options: Want, found: DetectedObservable[], onMatch?: Sink): void {
  text = input;
  n = input.length;
  lastEnd = 0;
  want = options;
  out = found;
  sink = onMatch;
  try {
    // Locals, not the module-level state, in the per-character loop: no context loads in the hot path.
    const str = input;
    const len = input.length;
    const cc = CC;
    for (let i = 0; i < len;) {
      let c = str.charCodeAt(i);
      let k = c < 128 ? cc[c]! : wide(c);
      if (!(k & TOK)) {
        i++;
        continue;
      }
      const s = i;
      let flags = k;
      while (++i < len) {
        c = str.charCodeAt(i);
        k = c < 128 ? cc[c]! : wide(c);
        if (!(k & TOK)) break;
        flags |= k;
      }
      // A short token whose only trigger is `:` (`08:13:00`, `key:value`) can hold nothing but an IPv6.
      if (!(flags & TRIG) && i - s < 32 && (!(flags & COLON) || (!(flags & FANG) && !mayBeIPv6(s, i)))) continue;
      tokEnd = i;
      resume = 0;
      if (flags & FANG) buildFanged(s, i);
      else {
        F = text;
        map = null;
        first = s;
        lim = i;
      }
      parseToken();
      if (resume > i) i = resume;
    }
  } finally {
    // Let go of the caller's strings and arrays.
    text = '';
    F = '';
    map = null;
    if (mapBuf.length > 65536) mapBuf = new Int32Array(64);
    out = [];
    sink = undefined;
  }
}

/** Trims what ends a URL in prose: trailing `.,;:!?*'"` and closing brackets without an opening one. */
export function trimUrlEnd(text: string, start: number, end: number): number {
  let open = 0;
  let close = 0;
  let openSq = 0;
  let closeSq = 0;
  let openCu = 0;
  let closeCu = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) open++;
    else if (c === 41) close++;
    else if (c === 91) openSq++;
    else if (c === 93) closeSq++;
    else if (c === 123) openCu++;
    else if (c === 125) closeCu++;
  }
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 42 || c === 39 || c === 34) end--;
    else if (c === 41 && close > open) {
      close--;
      end--;
    } else if (c === 93 && closeSq > openSq) {
      closeSq--;
      end--;
    } else if (c === 125 && closeCu > openCu) {
      closeCu--;
      end--;
    } else break;
  }
  return end;
}
