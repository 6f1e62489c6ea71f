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

function hexGroup(g: string): number {
  if (g.length === 0 || g.length > 4) return -1;
  let n = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g.charCodeAt(i);
    const d = c <= 57 ? c - 48 : (c | 32) - 87;
    if (d < 0 || d > 15 || (c > 57 && ((c | 32) < 97 || (c | 32) > 102))) return -1;
    n = n * 16 + d;
  }
  return n;
}

/**
 * Parses an IPv6 address (no brackets, no zone, no prefix) and returns its RFC 5952 form (lower-case, no
 * leading zeros, longest zero run compressed; an embedded IPv4 kept dotted), or null.
 * Besides validity it rejects `word::word` look-alikes: a compressed form needs four hex digits in all
 * (`fe80::1` yes, `a::b` no), except the loopback `::1`.
 */
export function normalizeIPv6(s: string): string | null {
  const dc = s.indexOf('::');
  if (dc !== s.lastIndexOf('::') || s.includes(':::')) return null;
  const head = dc < 0 ? s.split(':') : dc === 0 ? [] : s.slice(0, dc).split(':');
  const tail = dc < 0 ? [] : dc + 2 === s.length ? [] : s.slice(dc + 2).split(':');
  const explicit = dc < 0 ? head : tail.length ? tail : head;
  let v4: number[] | null = null;
  const last = explicit[explicit.length - 1];
  if (last !== undefined && last.includes('.')) {
    v4 = parseIPv4(last);
    if (!v4) return null;
    explicit.pop();
  }
  const groups: number[] = [];
  let digits = 0;
  for (const g of [...head, ...(dc < 0 ? [] : ['::']), ...tail]) {
    if (g === '::') {
      groups.push(-1);
      continue;
    }
    const n = hexGroup(g);
    if (n < 0) return null;
    digits += g.length;
    groups.push(n);
  }
  const width = v4 ? 6 : 8;
  const count = groups.length - (dc < 0 ? 0 : 1);
  if (dc < 0 ? count !== width : count > width - 1) return null;
  // Eight two-digit groups are an EUI-64 or a key fingerprint (`aa:bb:cc:dd:ee:ff:00:11`), not an address.
  if (dc < 0 && !v4 && head.every((g) => g.length === 2)) return null;
  if (v4) digits += 4;
  if (dc >= 0 && digits < 4 && !(count === 1 && groups[1] === 1 && dc === 0)) return null;
  // Expand to `width` groups.
  const full: number[] = [];
  for (const g of groups) {
    if (g === -1) for (let k = 0; k < width - count; k++) full.push(0);
    else full.push(g);
  }
  // Longest run of two or more zero groups (first one on a tie).
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < width;) {
    if (full[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < width && full[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (a: number[]) => a.map((n) => n.toString(16)).join(':');
  let out: string;
  if (bestAt < 0) out = hex(full);
  else out = `${hex(full.slice(0, bestAt))}::${hex(full.slice(bestAt + bestLen))}`;
  if (v4) out += (out.endsWith(':') ? '' : ':') + v4.join('.');
  return out;
}
