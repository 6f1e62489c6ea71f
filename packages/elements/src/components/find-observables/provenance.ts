/**
 * Where an observable was found: the page, the text around it, and when. A local stand-in with the same shape as
 * the casebook's `Provenance` (components/casebook/provenance.ts), used until that one is on main.
 * @module
 */
import type { Observable } from '@pivotkit/sdk';

/** Where an observable was found. */
export interface Provenance {
  /** The page's URL. */
  url: string;
  /** The page's title. */
  title: string;
  /** The text around the observable on the page. */
  context: string;
  /** When it was found (ISO 8601). */
  time: string;
}

/** A CTIM sighting recording where the observable was seen (stored in the casebook's bundle). */
export function provenanceToSighting(observable: Observable, p: Provenance): Record<string, unknown> {
  return {
    type: 'sighting',
    id: `transient:${crypto.randomUUID()}`,
    schema_version: '1.3.29',
    source: 'Pivotkit: Find observables',
    source_uri: p.url,
    title: `Seen on ${p.title || p.url}`,
    description: p.context,
    confidence: 'High',
    count: 1,
    observed_time: { start_time: p.time },
    observables: [{ type: observable.type, value: observable.value }],
    internal: false,
  };
}
