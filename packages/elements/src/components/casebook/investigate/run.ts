// "Investigate this case": every observable through deliberate (verdicts), observe (sightings, per module) and
// refer (links), a batch at a time so that progress shows and a cancel takes effect between and during batches.
import {
  deriveVerdicts,
  observableKey,
  type Disposition,
  type DispositionName,
  type ModuleError,
  type ModuleResult,
  type Observable,
  type ObservableVerdict,
  type PivotkitClient,
  type ReferLink,
  type Sighting,
} from '@pivotkit/sdk';

/** One module's part of an investigation. */
export interface ModuleFindings {
  module: string;
  moduleInstanceId: string;
  /** What the module said about each observable it knew, by `observableKey`. */
  dispositions: Map<string, { disposition: Disposition; dispositionName: DispositionName }>;
  /** Its sightings, each with the keys of the case's observables it mentions. */
  sightings: { sighting: Sighting; keys: string[] }[];
}

/** What an investigation found so far (it grows batch by batch). */
export interface Investigation {
  observables: Observable[];
  /** How many observables have been through all three calls. */
  done: number;
  batch: number;
  batches: number;
  verdicts: Map<string, ObservableVerdict>;
  modules: Map<string, ModuleFindings>;
  links: Map<string, ReferLink[]>;
  errors: ModuleError[];
}

/** Observables per batch: small enough for steady progress, large enough to keep requests few. */
export const BATCH_SIZE = 25;

const errorKey = (e: ModuleError) => `${e.moduleInstanceId}|${e.code}|${e.message}`;

/** The case's observables, each once (as the SDK keys them), in case order. */
export function uniqueObservables(list: readonly Observable[] | undefined): Observable[] {
  const seen = new Set<string>();
  const out: Observable[] = [];
  for (const o of list ?? []) {
    if (!o || typeof o.type !== 'string' || typeof o.value !== 'string') continue;
    const k = observableKey(o);
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ type: o.type, value: o.value });
    }
  }
  return out;
}

function addModule(inv: Investigation, m: ModuleResult, caseKeys: Set<string>): void {
  let f = inv.modules.get(m.moduleInstanceId);
  if (!f) {
    f = { module: m.module, moduleInstanceId: m.moduleInstanceId, dispositions: new Map(), sightings: [] };
    inv.modules.set(m.moduleInstanceId, f);
  }
  // The module's own verdict per observable (CTIM's rule, as the SDK derives it).
  for (const v of deriveVerdicts([m])) {
    const k = observableKey(v.observable);
    if (caseKeys.has(k)) f.dispositions.set(k, { disposition: v.disposition, dispositionName: v.dispositionName });
  }
  const known = new Set(f.sightings.map((s) => s.sighting.id));
  for (const s of m.sightings) {
    if (known.has(s.id)) continue;
    const keys = (s.observables ?? []).map(observableKey).filter((k) => caseKeys.has(k));
    f.sightings.push({ sighting: s, keys: [...new Set(keys)] });
    known.add(s.id);
  }
}

/**
 * Runs the investigation; `onProgress` gets the growing result after each batch (and once at the start).
 * Rejects with the signal's reason when aborted (what was found until then was already reported).
 */
export async function investigate(
  client: PivotkitClient,
  list: readonly Observable[],
  opts: {
    signal?: AbortSignal;
    batchSize?: number;
    onProgress?: (inv: Investigation) => void;
    /** Ask only these module instances (`deliberate` and `observe`); all when absent or empty. */
    mids?: readonly string[];
  } = {},
): Promise<Investigation> {
  const observables = uniqueObservables(list);
  const size = Math.max(1, opts.batchSize ?? BATCH_SIZE);
  const batches = Math.ceil(observables.length / size);
  const inv: Investigation = {
    observables,
    done: 0,
    batch: 0,
    batches,
    verdicts: new Map(),
    modules: new Map(),
    links: new Map(),
    errors: [],
  };
  const caseKeys = new Set(observables.map(observableKey));
  const errorKeys = new Set<string>();
  const addErrors = (errs: ModuleError[]) => {
    for (const e of errs) {
      if (errorKeys.has(errorKey(e))) continue;
      errorKeys.add(errorKey(e));
      inv.errors.push(e);
    }
  };
  const signal = opts.signal;
  opts.onProgress?.(inv);
  for (let b = 0; b < batches; b++) {
    signal?.throwIfAborted();
    inv.batch = b + 1;
    if (b > 0) opts.onProgress?.({ ...inv });
    const chunk = observables.slice(b * size, (b + 1) * size);
    const [deliberated, observed, referred] = await Promise.all([
      client.enrich.deliberate(chunk, { signal, mids: opts.mids ?? [] }),
      client.enrich.observe(chunk, { signal, mids: opts.mids ?? [] }),
      client.enrich.refer(chunk, { signal }),
    ]);
    signal?.throwIfAborted();
    for (const v of deliberated.verdicts) inv.verdicts.set(observableKey(v.observable), v);
    for (const m of [...deliberated.modules, ...observed.modules]) addModule(inv, m, caseKeys);
    addErrors([...deliberated.errors, ...observed.errors, ...referred.errors]);
    for (const l of referred.links) {
      // A refer link names no observable; the SDK returns them in request order, so match by the value in it.
      const o = chunk.find((x) => l.url.includes(encodeURIComponent(x.value)) || l.url.includes(x.value)) ?? chunk[0];
      if (!o) continue;
      const k = observableKey(o);
      const list = inv.links.get(k) ?? [];
      list.push(l);
      inv.links.set(k, list);
    }
    inv.done += chunk.length;
    opts.onProgress?.({ ...inv });
  }
  return inv;
}
