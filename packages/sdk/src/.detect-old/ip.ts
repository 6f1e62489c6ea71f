/** Parses a dotted quad: four decimal octets 0–255 without leading zeros. Returns null otherwise. */
export function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    // Leading zeros are rejected: inet_aton reads `010` as octal 8, so the value would be ambiguous.
    if (p.length === 0 || p.length > 3 || (p.length > 1 && p.charCodeAt(0) === 48)) return null;
    let n = 0;
    for (let i = 0; i < p.length; i++) {
      const d = p.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return null;
      n = n * 10 + d;
    }
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

const groups = new Array<number>(8).fill(0);

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * Parses an IPv6 address (no brackets, no zone, no prefix) and returns its RFC 5952 form (lower-case, no
 * leading zeros, longest zero run compressed; an embedded IPv4 kept dotted), or null.
 * Besides validity it rejects look-alikes: eight two-digit groups (an EUI-64 or a key fingerprint such as
 * `aa:bb:cc:dd:ee:ff:00:11`), and a compressed form with fewer than four hex digits in all (`a::b`, `::`),
 * except the loopback `::1`.
 */
export function normalizeIPv6(s: string): string | null {
  const len = s.length;
  let n = 0; // groups parsed
  let gap = -1; // group index where `::` stands
  let digits = 0;
  let allTwo = true;
  let v4: number[] | null = null;
  let i = 0;
  if (len < 2) return null;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return null;
    gap = 0;
    i = 2;
  }
  while (i < len) {
    let j = i;
    let value = 0;
    for (let d; j < len && j - i < 5 && (d = hexDigit(s.charCodeAt(j))) >= 0; j++) value = value * 16 + d;
    if (s.charCodeAt(j) === 46) {
      // Dotted IPv4 tail: the last 32 bits.
      v4 = parseIPv4(s.slice(i));
      if (!v4) return null;
      break;
    }
    const width = j - i;
    if (width === 0 || width > 4 || n === 8) return null;
    if (width !== 2) allTwo = false;
    digits += width;
    groups[n++] = value;
    if (j === len) break;
    if (s.charCodeAt(j) !== 58) return null;
    if (s.charCodeAt(j + 1) === 58) {
      if (gap >= 0) return null;
      gap = n;
      j += 2;
    } else if (++j === len) return null; // a trailing single `:`
    i = j;
  }
  const width = v4 ? 6 : 8;
  if (gap < 0 ? n !== width : n > width - 1) return null;
  if (gap < 0 && !v4 && allTwo) return null;
  if (v4) digits += 4;
  if (gap >= 0 && digits < 4 && !(gap === 0 && n === 1 && groups[0] === 1)) return null;
  // Expand to `width` groups.
  const full: number[] = [];
  for (let k = 0; k < n; k++) {
    if (k === gap) for (let z = 0; z < width - n; z++) full.push(0);
    full.push(groups[k]!);
  }
  if (gap === n) for (let z = 0; z < width - n; z++) full.push(0);
  // Longest run of two or more zero groups (the first one on a tie).
  let bestAt = -1;
  let bestLen = 1;
  for (let k = 0; k < width;) {
    if (full[k] !== 0) {
      k++;
      continue;
    }
    let e = k;
    while (e < width && full[e] === 0) e++;
    if (e - k > bestLen) {
      bestAt = k;
      bestLen = e - k;
    }
    k = e;
  }
  const hex = (a: number[]) => a.map((g) => g.toString(16)).join(':');
  let out = bestAt < 0 ? hex(full) : `${hex(full.slice(0, bestAt))}::${hex(full.slice(bestAt + bestLen))}`;
  if (v4) out += (out.endsWith(':') ? '' : ':') + v4.join('.');
  return out;
}
