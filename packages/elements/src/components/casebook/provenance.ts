/**
 * Where an observable in a case came from (page URL and title, the text around it, when), kept in the casebook
 * itself as a CTIM sighting in its `bundle`, so that colleagues, exports and other CTIM tools see it too.
 *
 * A provenance sighting (CTIM `sighting.cljc`): `observables` is the one observable, `source_uri` the page,
 * `title` the page title, `description` the text around the observable, `observed_time` and `timestamp` when it
 * was added, `source` {@link PROVENANCE_SOURCE} (how it is told apart from a module's sightings), `count` 1 and
 * `confidence` High (the analyst saw it on that page). Its id is `transient:` plus a hash of those fields, so the
 * same provenance added twice is one sighting, and `remove` finds it again.
 * @module
 */
import {
  observableKey,
  type Casebook,
  type NewCasebook,
  type Observable,
  type Sighting,
  type Tlp,
} from '@pivotkit/sdk';

/** Where an observable came from. */
export interface Provenance {
  /** The page's URL. */
  url: string;
  /** The page's title. */
  title: string;
  /** The text around the observable on that page. */
  context: string;
  /** When it was added, ISO-8601. */
  time: string;
}

/** The `source` of the sightings this module writes. */
export const PROVENANCE_SOURCE = 'Pivotkit page provenance';

/** The CTIM schema version the sightings claim. */
export const CTIM_SCHEMA_VERSION = '1.3.29';

// CTIM's string limits: title ShortString 1024, description Markdown 5000.
const TITLE_MAX = 1024;
const DESCRIPTION_MAX = 5000;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** FNV-1a, 2 × 32 bits: a stable id from the sighting's fields (not a security hash; ids only need to differ). */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A provenance sighting as the casebook's bundle keeps it. */
export interface ProvenanceSighting extends Sighting {
  source: typeof PROVENANCE_SOURCE;
  source_uri: string;
  title: string;
  description: string;
  observables: Observable[];
  timestamp: string;
  schema_version: string;
  tlp?: Tlp;
}

/**
 * The CTIM sighting that records one provenance of an observable. Add it with
 * `client.casebooks.patchBundle(id, 'add', { sightings: [s] })`.
 * @param opts.tlp the case's TLP, carried by the sighting (CTIM default green when absent).
 */
export function provenanceToSighting(
  observable: Observable,
  p: Provenance,
  opts: { tlp?: Tlp } = {},
): ProvenanceSighting {
  const title = clip(p.title, TITLE_MAX);
  const description = clip(p.context, DESCRIPTION_MAX);
  const o = { type: observable.type, value: observable.value };
  const id = `transient:sighting-pk-${hash(JSON.stringify([o.type, o.value, p.url, title, description, p.time]))}`;
  return {
    id,
    type: 'sighting',
    schema_version: CTIM_SCHEMA_VERSION,
    source: PROVENANCE_SOURCE,
    source_uri: p.url,
    title,
    description,
    observables: [o],
    count: 1,
    confidence: 'High',
    observed_time: { start_time: p.time, end_time: p.time },
    timestamp: p.time,
    ...(opts.tlp ? { tlp: opts.tlp } : {}),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Whether a bundle sighting is one this module wrote. */
export function isProvenanceSighting(s: unknown): s is ProvenanceSighting {
  return isRecord(s) && s['type'] === 'sighting' && s['source'] === PROVENANCE_SOURCE;
}

/** The provenance a sighting records (`undefined` unless it is a provenance sighting with a page URL). */
export function sightingToProvenance(s: unknown): { observables: Observable[]; provenance: Provenance } | undefined {
  if (!isProvenanceSighting(s)) return undefined;
  const url = str(s.source_uri);
  if (!url) return undefined;
  const observed: Record<string, unknown> = isRecord(s.observed_time) ? s.observed_time : {};
  const observables = (Array.isArray(s.observables) ? s.observables : []).filter(
    (o): o is Observable => isRecord(o) && typeof o['type'] === 'string' && typeof o['value'] === 'string',
  );
  if (observables.length === 0) return undefined;
  return {
    observables: observables.map((o) => ({ type: o.type, value: o.value })),
    provenance: {
      url,
      title: str(s.title),
      context: str(s.description),
      time: str(observed['start_time']) || str(s.timestamp),
    },
  };
}

/**
 * Every provenance in a casebook's bundle, keyed by `observableKey(observable)` (`type:value`, value lower-cased
 * for domains, emails and hashes, as the SDK keys verdicts), oldest first. Tolerates a malformed bundle: what is
 * not a readable provenance sighting is skipped.
 */
export function provenanceFromBundle(
  casebook: Casebook | NewCasebook | { bundle?: unknown },
): Map<string, Provenance[]> {
  const out = new Map<string, Provenance[]>();
  const bundle: unknown = (casebook as { bundle?: unknown }).bundle;
  const sightings = isRecord(bundle) && Array.isArray(bundle['sightings']) ? bundle['sightings'] : [];
  const seen = new Set<string>();
  for (const s of sightings) {
    const read = sightingToProvenance(s);
    if (!read) continue;
    for (const o of read.observables) {
      const key = observableKey(o);
      const p = read.provenance;
      const dedupe = JSON.stringify([key, p.url, p.title, p.context, p.time]);
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const list = out.get(key);
      if (list) list.push(p);
      else out.set(key, [p]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return out;
}
