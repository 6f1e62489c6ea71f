// Deterministic numbers and ids derived from strings, so the same observable always gets the same answer.

/** FNV-1a, 32 bits, over the parts joined with a separator. */
export function hash(...parts: string[]): number {
  let h = 0x811c9dc5;
  const s = parts.join('\u0001');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A UUID-shaped id (version 4 layout) derived from the parts. */
export function stableUuid(...parts: string[]): string {
  const hex = [0, 1, 2, 3]
    .map((i) =>
      hash(String(i), ...parts)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A random UUID (WebCrypto, available in Node 20 and browsers). */
export function randomUuid(): string {
  return crypto.randomUUID();
}

/** A small seeded generator (mulberry32) for fault decisions that tests can reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
