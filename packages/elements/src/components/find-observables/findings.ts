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

/** Adds matches to the findings (a map kept across the slices of one scan), keeping first-seen order. */
export function addMatches(findings: Map<string, Finding>, matches: readonly DomMatch[]): void {
  for (const m of matches) {
    const key = keyOf(m);
    const f = findings.get(key);
    if (f) f.matches.push(m);
    else findings.set(key, { key, type: m.type, value: m.value, matches: [m] });
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

/** The text around a match (for provenance): up to `radius` characters either side, whitespace collapsed. */
export function contextOf(m: DomMatch, radius = 80): string {
  const before = m.startNode.data.slice(Math.max(0, m.startOffset - radius), m.startOffset);
  const inner =
    m.startNode === m.endNode
      ? m.startNode.data.slice(m.startOffset, m.endOffset)
      : m.nodes
          .map((n, i) =>
            i === 0 ? n.data.slice(m.startOffset) : i === m.nodes.length - 1 ? n.data.slice(0, m.endOffset) : n.data,
          )
          .join('');
  const after = m.endNode.data.slice(m.endOffset, m.endOffset + radius);
  return `${before}${inner}${after}`.replace(/\s+/g, ' ').trim();
}
