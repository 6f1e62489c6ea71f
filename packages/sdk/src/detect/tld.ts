import { TLD_PACKED } from './tlds.generated.js';

let names: string[] | undefined;
let tlds: Set<string> | undefined;

/** The IANA top-level domains, sorted, decoded once from their front-coded form (see tlds.generated.ts). */
export function tldNames(): readonly string[] {
  if (names) return names;
  names = [];
  let name = '';
  for (const part of TLD_PACKED.split(/(?=[A-J])/)) {
    name = name.slice(0, part.charCodeAt(0) - 65) + part.slice(1);
    names.push(name);
  }
  return names;
}

/** Whether `name` (lower-case ASCII, punycode for IDNs) is an IANA top-level domain. */
export function isTld(name: string): boolean {
  tlds ??= new Set(tldNames());
  return tlds.has(name);
}

/**
 * TLDs that are also common file extensions: `invoice.zip`, `main.py`, `README.md`, `clip.mov` are reported
 * with `confidence: 'low'` when written plainly (not defanged, not a URL host).
 */
export const FILE_TLDS = new Set(['zip', 'mov', 'py', 'md', 'sh', 'pl', 'rs', 'ps', 'so', 'pm', 'java', 'one', 'map']);

/** Second-level labels that betray a file name (`app.min.map`, `bundle.js.map`). */
export const FILE_SLDS = new Set(['js', 'css', 'min', 'ts', 'mjs', 'cjs', 'tar', 'bak', 'old', 'orig']);

/** {@link tldKind}: a TLD, and one that is also a file extension. */
export const TLD = 1;
export const TLD_FILE = 2;

// The scanner looks TLDs up in place, without slicing the text: a name of up to 10 characters is packed into
// a number (base 38: a–z, 0–9, `-`; exact in a double) and found in an open-addressing table built from the
// same list. The few longer names go through the Set.
const DIGIT_OF = new Uint8Array(128);
for (let c = 97; c <= 122; c++) DIGIT_OF[c] = c - 96;
for (let c = 48; c <= 57; c++) DIGIT_OF[c] = c - 21;
DIGIT_OF[45] = 37;
const SLOTS = 4096;
let codes: Float64Array | undefined;
let kinds: Uint8Array;

const slot = (hash: number): number => Math.imul(hash, 0x9e3779b1) >>> 20;

function buildTable(): Float64Array {
  const table = new Float64Array(SLOTS);
  kinds = new Uint8Array(SLOTS);
  for (const name of tldNames()) {
    if (name.length > 10) continue;
    let code = 0;
    let hash = 0;
    for (let k = 0; k < name.length; k++) {
      const d = DIGIT_OF[name.charCodeAt(k)]!;
      code = code * 38 + d;
      hash = (hash * 31 + d) | 0;
    }
    let i = slot(hash);
    while (table[i] !== 0) i = (i + 1) & (SLOTS - 1);
    table[i] = code;
    kinds[i] = TLD | (FILE_TLDS.has(name) ? TLD_FILE : 0);
  }
  return table;
}

/**
 * Whether `s[start, end)`, letters (either case), digits and `-` only, is a TLD: 0 if not, else {@link TLD},
 * plus {@link TLD_FILE} when it is also a file extension.
 */
export function tldKind(s: string, start: number, end: number): number {
  if (end - start > 10) {
    const name = s.slice(start, end).toLowerCase();
    return isTld(name) ? TLD | (FILE_TLDS.has(name) ? TLD_FILE : 0) : 0;
  }
  const table = (codes ??= buildTable());
  let code = 0;
  let hash = 0;
  for (let k = start; k < end; k++) {
    const d = DIGIT_OF[s.charCodeAt(k) | 32]!; // `| 32` lower-cases letters, and leaves digits and `-` alone
    code = code * 38 + d;
    hash = (hash * 31 + d) | 0;
  }
  for (let i = slot(hash); ; i = (i + 1) & (SLOTS - 1)) {
    const c = table[i];
    if (c === code) return kinds[i]!;
    if (c === 0) return 0;
  }
}
