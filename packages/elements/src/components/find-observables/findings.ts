import type { DomMatch } from '@pivotkit/sdk/detect';

/** One distinct observable found on the page, with every place it occurs. */
export interface Finding {
  /** `type:value` as found (before any correction): the row's stable key. */
  key: string;
  type: string;
  value: string;
  /** The occurrences, in document order. */
  matches: DomMatch[];
  /** The analyst corrected the value or type: `type`/`value` hold the correction. */
  corrected?: boolean;
}

/** `type:value`, the key findings and cases are compared by. */
export const keyOf = (o: { type: string; value: string }) => `${o.type}:${o.value}`;

/** Findings by type, then value: looked up without building a `type:value` string per occurrence. */
export type FindingIndex = Map<string, Map<string, Finding>>;

/**
 * Adds matches to the findings (kept across the slices of one scan, in first-seen order). A 50,000-row page has
 * some 165,000 occurrences of a few thousand observables: the two-level index finds each one's finding without
 * allocating a key per occurrence (the garbage collector was a third of the scan's time with one).
 */
export function addMatches(findings: Map<string, Finding>, matches: readonly DomMatch[], index: FindingIndex): void {
  for (const m of matches) {
    let byValue = index.get(m.type);
    if (!byValue) index.set(m.type, (byValue = new Map()));
    const f = byValue.get(m.value);
    if (f) f.matches.push(m);
    else {
      const key = keyOf(m);
      const made: Finding = { key, type: m.type, value: m.value, matches: [m] };
      byValue.set(m.value, made);
      findings.set(key, made);
    }
  }
}

/** Findings grouped by type, in the order of the detector's type list, each group in first-seen order. */
export function groupByType(findings: Iterable<Finding>, order: readonly string[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.type);
    if (g) g.push(f);
    else groups.set(f.type, [f]);
  }
  const rank = (t: string) => {
    const i = order.indexOf(t);
    return i < 0 ? order.length : i;
  };
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var'.split(' '),
);

/**
 * The text around a match (for provenance): up to `radius` characters either side within its block (a paragraph,
 * a cell; inline elements such as `<b>` are looked through), whitespace collapsed.
 */
export function contextOf(m: DomMatch, radius = 80): string {
  let block: Element | null = m.startNode.parentElement;
  while (block && INLINE.has(block.localName) && block.parentElement) block = block.parentElement;
  if (!block) return m.startNode.data.trim();
  // The match's offsets, counted in the block's text.
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let text = '';
  let start = -1;
  let end = -1;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (n === m.startNode) start = text.length + m.startOffset;
    if (n === m.endNode) end = text.length + m.endOffset;
    text += n.data;
  }
  if (start < 0 || end < 0) return m.startNode.data.replace(/\s+/g, ' ').trim();
  return text
    .slice(Math.max(0, start - radius), end + radius)
    .replace(/\s+/g, ' ')
    .trim();
}
