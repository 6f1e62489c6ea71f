// What the investigation's views show, derived from its result: the verdict counts, the disagreements, and
// the relations picture's nodes, edges and layout (three columns: observables → modules → outcomes).
import { observableKey, type Disposition, type Observable } from '@pivotkit/sdk';
import type { Investigation } from './run.js';

/** Worst first: the order the summary and the picture use. */
export const DISPOSITION_ORDER: readonly Disposition[] = [2, 3, 1, 4, 5];

export interface Summary {
  counts: Record<Disposition, number>;
  /** Observables the modules disagree on, with what each module said. */
  disputed: { observable: Observable; modules: { module: string; dispositionName: string }[] }[];
}

/** The verdict of each observable (Unknown when no module knew it). */
export function dispositionOf(inv: Investigation, o: Observable): Disposition {
  return inv.verdicts.get(observableKey(o))?.disposition ?? 5;
}

export function summarize(inv: Investigation): Summary {
  const counts: Record<Disposition, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const disputed: Summary['disputed'] = [];
  for (const o of inv.observables.slice(0, inv.done)) {
    counts[dispositionOf(inv, o)]++;
    const v = inv.verdicts.get(observableKey(o));
    if (v?.conflict)
      disputed.push({
        observable: o,
        modules: v.modules.map((m) => ({ module: m.module, dispositionName: m.dispositionName })),
      });
  }
  return { counts, disputed };
}

export type NodeKind = 'observable' | 'module' | 'outcome' | 'more';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  column: 0 | 1 | 2;
  /** Its place in its column, from the top. */
  row: number;
  label: string;
  /** The disposition it stands for (observables, outcomes); `undefined` for modules, sightings and "more". */
  disposition?: Disposition;
  /** For the accessible name and the details. */
  observable?: Observable;
  count: number;
  sightings: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  disposition?: Disposition;
  weight: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  columns: [GraphNode[], GraphNode[], GraphNode[]];
  /** Node id → the ids connected to it (both ways). */
  neighbours: Map<string, Set<string>>;
}

/** Observables shown in the picture at most; the rest are one "more" node (the table lists them all). */
export const MAX_PICTURE_OBSERVABLES = 30;

export const SIGHTINGS_NODE = 'outcome:sightings';

export function buildGraph(
  inv: Investigation,
  names: { disposition: (d: Disposition) => string; sightings: string; more: (n: number) => string },
): Graph {
  const done = inv.observables.slice(0, inv.done);
  const sightingsOf = new Map<string, number>();
  for (const m of inv.modules.values())
    for (const s of m.sightings) for (const k of s.keys) sightingsOf.set(k, (sightingsOf.get(k) ?? 0) + 1);
  const sorted = [...done].sort(
    (a, b) => DISPOSITION_ORDER.indexOf(dispositionOf(inv, a)) - DISPOSITION_ORDER.indexOf(dispositionOf(inv, b)),
  );
  const shown = sorted.slice(0, MAX_PICTURE_OBSERVABLES);
  const col0: GraphNode[] = shown.map((o, row) => ({
    id: `obs:${observableKey(o)}`,
    kind: 'observable',
    column: 0,
    row,
    label: o.value,
    disposition: dispositionOf(inv, o),
    observable: o,
    count: [...inv.modules.values()].filter((m) => m.dispositions.has(observableKey(o))).length,
    sightings: sightingsOf.get(observableKey(o)) ?? 0,
  }));
  if (sorted.length > shown.length) {
    col0.push({
      id: 'more',
      kind: 'more',
      column: 0,
      row: col0.length,
      label: names.more(sorted.length - shown.length),
      count: sorted.length - shown.length,
      sightings: 0,
    });
  }
  const edges: GraphEdge[] = [];
  const col1: GraphNode[] = [];
  const outcomes = new Map<Disposition, number>();
  let sightingsTotal = 0;
  const moduleOutcome = new Map<string, number>();
  for (const m of inv.modules.values()) {
    const id = `mod:${m.moduleInstanceId}`;
    col1.push({
      id,
      kind: 'module',
      column: 1,
      row: col1.length,
      label: m.module,
      count: m.dispositions.size,
      sightings: m.sightings.length,
    });
    for (const [k, d] of m.dispositions) {
      const target = shown.some((o) => observableKey(o) === k)
        ? `obs:${k}`
        : sorted.length > shown.length
          ? 'more'
          : undefined;
      if (target) edges.push({ from: target, to: id, disposition: d.disposition, weight: 1 });
      const ok = `${id}>${d.disposition}`;
      moduleOutcome.set(ok, (moduleOutcome.get(ok) ?? 0) + 1);
    }
    if (m.sightings.length) {
      edges.push({ from: id, to: SIGHTINGS_NODE, weight: m.sightings.length });
      sightingsTotal += m.sightings.length;
    }
  }
  for (const [ok, n] of moduleOutcome) {
    const [from, d] = ok.split('>') as [string, string];
    const disposition = Number(d) as Disposition;
    edges.push({ from, to: `outcome:${disposition}`, disposition, weight: n });
  }
  for (const o of done) {
    const d = dispositionOf(inv, o);
    outcomes.set(d, (outcomes.get(d) ?? 0) + 1);
  }
  const col2: GraphNode[] = [];
  for (const d of DISPOSITION_ORDER) {
    const n = outcomes.get(d) ?? 0;
    if (n || edges.some((e) => e.to === `outcome:${d}`)) {
      col2.push({
        id: `outcome:${d}`,
        kind: 'outcome',
        column: 2,
        row: col2.length,
        label: names.disposition(d),
        disposition: d,
        count: n,
        sightings: 0,
      });
    }
  }
  if (sightingsTotal) {
    col2.push({
      id: SIGHTINGS_NODE,
      kind: 'outcome',
      column: 2,
      row: col2.length,
      label: names.sightings,
      count: sightingsTotal,
      sightings: sightingsTotal,
    });
  }
  // Merge parallel edges (an observable's several modules are separate; "more" collects many).
  const merged = new Map<string, GraphEdge>();
  for (const e of edges) {
    const k = `${e.from}|${e.to}|${e.disposition ?? ''}`;
    const cur = merged.get(k);
    if (cur) cur.weight += e.weight;
    else merged.set(k, { ...e });
  }
  const nodes = [...col0, ...col1, ...col2];
  const neighbours = new Map<string, Set<string>>(nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of merged.values()) {
    neighbours.get(e.from)?.add(e.to);
    neighbours.get(e.to)?.add(e.from);
  }
  return { nodes, edges: [...merged.values()], columns: [col0, col1, col2], neighbours };
}
