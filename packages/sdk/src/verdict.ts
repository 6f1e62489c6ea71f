/**
 * Verdicts: grouping an enrich reply per module and deriving one verdict per observable.
 * @module
 */
import { DISPOSITIONS, type Disposition, type Observable } from './observable.js';
import type { ModuleResult, ObservableVerdict } from './types.js';

/** Types whose values compare case-insensitively (DNS names, mailboxes, hex digests). */
const CASELESS = new Set(['domain', 'email', 'md5', 'sha1', 'sha256']);

/** The key of an observable for matching and caching: `type:value`, lower-cased where case does not matter. */
export function observableKey(o: Observable): string {
  return `${o.type}:${CASELESS.has(o.type) ? o.value.toLowerCase() : o.value}`;
}

const expired = (vt: { end_time?: string } | undefined, now: number) => {
  const end = vt?.end_time ? Date.parse(vt.end_time) : NaN;
  return !Number.isNaN(end) && end <= now;
};

interface Candidate {
  disposition: Disposition;
  priority: number;
}

/**
 * CTIM's rule (verdict.cljc): the highest priority wins; ties go to the lower disposition number
 * (Clean > Malicious > Suspicious > Common > Unknown).
 */
function better(a: Candidate, b: Candidate): boolean {
  return a.priority !== b.priority ? a.priority > b.priority : a.disposition < b.disposition;
}

/** Severity rank of a disposition, most severe first: Malicious, Suspicious, Clean, Common, Unknown. */
const SEVERITY: Record<Disposition, number> = { 2: 0, 3: 1, 1: 2, 4: 3, 5: 4 };

/**
 * Across modules: the highest priority wins, and on a tie the most severe disposition, so that one module's
 * Malicious is never hidden behind another's Clean (the disagreement also sets `conflict`).
 */
function moreSevere(a: Candidate, b: Candidate): boolean {
  return a.priority !== b.priority ? a.priority > b.priority : SEVERITY[a.disposition] < SEVERITY[b.disposition];
}

/** One module's disposition for each observable: its unexpired verdicts, else its unexpired judgements. */
function moduleCandidates(m: ModuleResult, now: number): Map<string, { observable: Observable; best: Candidate }> {
  const out = new Map<string, { observable: Observable; best: Candidate }>();
  const judgements = new Map(m.judgements.map((j) => [j.id, j]));
  const offer = (observable: Observable, c: Candidate) => {
    const k = observableKey(observable);
    const cur = out.get(k);
    if (!cur || better(c, cur.best)) out.set(k, { observable, best: c });
  };
  for (const v of m.verdicts) {
    if (expired(v.valid_time, now)) continue;
    const j = v.judgement_id ? judgements.get(v.judgement_id) : undefined;
    offer(v.observable, { disposition: v.disposition, priority: j?.priority ?? 0 });
  }
  if (m.verdicts.length === 0) {
    for (const j of m.judgements) {
      if (!expired(j.valid_time, now)) offer(j.observable, { disposition: j.disposition, priority: j.priority });
    }
  }
  return out;
}

/**
 * Derives one verdict per observable across modules. Each module contributes its own verdict (CTIM rule within
 * the module: highest judgement priority, ties to Clean > Malicious > Suspicious > Common > Unknown); across
 * modules the highest priority wins, ties going to the most severe (Malicious > Suspicious > Clean > Common).
 * Unknown never beats a real disposition. `conflict` is set when modules name different dispositions other
 * than Unknown, so that a widget can show the disagreement rather than one merged colour.
 */
export function deriveVerdicts(modules: readonly ModuleResult[], now: number = Date.now()): ObservableVerdict[] {
  const byKey = new Map<string, { observable: Observable; entries: (Candidate & { m: ModuleResult })[] }>();
  for (const m of modules) {
    for (const [k, { observable, best }] of moduleCandidates(m, now)) {
      const e = byKey.get(k) ?? { observable: { type: observable.type, value: observable.value }, entries: [] };
      e.entries.push({ ...best, m });
      byKey.set(k, e);
    }
  }
  const out: ObservableVerdict[] = [];
  for (const { observable, entries } of byKey.values()) {
    const known = entries.filter((e) => e.disposition !== 5);
    let win: Candidate = { disposition: 5, priority: -Infinity };
    for (const e of known) if (moreSevere(e, win)) win = e;
    out.push({
      observable,
      disposition: win.disposition,
      dispositionName: DISPOSITIONS[win.disposition],
      modules: entries.map((e) => ({
        module: e.m.module,
        moduleInstanceId: e.m.moduleInstanceId,
        disposition: e.disposition,
        dispositionName: DISPOSITIONS[e.disposition],
      })),
      conflict: new Set(known.map((e) => e.disposition)).size > 1,
    });
  }
  return out;
}

/** The Unknown verdict CTIM gives an observable no module knows. */
export function unknownVerdict(o: Observable): ObservableVerdict {
  return {
    observable: { type: o.type, value: o.value },
    disposition: 5,
    dispositionName: 'Unknown',
    modules: [],
    conflict: false,
  };
}

/** Merges per-module results of several batches: one entry per module instance, docs concatenated. */
export function mergeModules(parts: readonly ModuleResult[]): ModuleResult[] {
  const byId = new Map<string, ModuleResult & { raws: unknown[] }>();
  for (const p of parts) {
    const cur = byId.get(p.moduleInstanceId);
    if (!cur) {
      byId.set(p.moduleInstanceId, {
        ...p,
        verdicts: [...p.verdicts],
        judgements: [...p.judgements],
        sightings: [...p.sightings],
        raws: [p.raw],
      });
      continue;
    }
    cur.verdicts.push(...p.verdicts);
    cur.judgements.push(...p.judgements);
    cur.sightings.push(...p.sightings);
    cur.raws.push(p.raw);
  }
  return [...byId.values()].map(({ raws, ...m }) => ({ ...m, raw: raws.length === 1 ? raws[0] : raws }));
}
