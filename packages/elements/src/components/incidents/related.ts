import type { Incident, Observable, PivotkitClient } from '@pivotkit/sdk';
import { detectObservables, uniqueObservables } from '@pivotkit/sdk/detect';

/** Where an incident's related observables were read. */
export type RelatedSource = 'incident' | 'sightings' | 'description';

/** The observables related to an incident, by where they were read, each list de-duplicated. */
export type RelatedObservables = { source: RelatedSource; observables: Observable[] }[];

type BundleApi = {
  bundle?: {
    export?: (ids: readonly (string | { longId: string })[], opts?: { signal?: AbortSignal }) => Promise<unknown>;
  };
};

const isObservable = (o: unknown): o is Observable =>
  !!o &&
  typeof o === 'object' &&
  typeof (o as Observable).type === 'string' &&
  typeof (o as Observable).value === 'string';

function distinct(list: Observable[]): Observable[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const k = `${o.type}:${o.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * What the API exposes about an incident's observables. CTIM incidents have no observable list of their own
 * (ctim `incident.cljc`): an incident "pertains to one or more adverse events, each modeled as a sighting", linked
 * by relationships. So, in order:
 * 1. `observables` on the incident itself, when a service adds it (XDR incidents may);
 * 2. the observables of the sightings related to it, from the CTIA bundle export with related entities, when the
 *    client offers it (`client.bundle.export`) and the service answers;
 * 3. the observables written in its title and description, found locally and marked as such.
 * A failing bundle export is not fatal: the other sources still show, and the error is returned beside them.
 */
export async function relatedObservables(
  client: PivotkitClient,
  incident: Incident,
  opts: { signal?: AbortSignal } = {},
): Promise<{ related: RelatedObservables; error?: unknown }> {
  const related: RelatedObservables = [];
  const own = Array.isArray(incident['observables']) ? (incident['observables'] as unknown[]).filter(isObservable) : [];
  if (own.length) related.push({ source: 'incident', observables: distinct(own) });
  let error: unknown;
  const api = (client as PivotkitClient & BundleApi).bundle;
  const longId = typeof incident['longId'] === 'string' ? (incident['longId'] as string) : undefined;
  if (api?.export && longId) {
    try {
      const bundle = (await api.export([longId], opts)) as { sightings?: unknown[] } | undefined;
      const fromSightings = (bundle?.sightings ?? []).flatMap((s) =>
        s && typeof s === 'object' && Array.isArray((s as { observables?: unknown }).observables)
          ? ((s as { observables: unknown[] }).observables.filter(isObservable) as Observable[])
          : [],
      );
      if (fromSightings.length) related.push({ source: 'sightings', observables: distinct(fromSightings) });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      // A service without the bundle export (or an incident it will not export) has nothing more to say.
      if (!(e instanceof Error && e.name === 'NotFoundError')) error = e;
    }
  }
  const text = [incident.title, incident.description, incident['short_description']]
    .filter((s): s is string => typeof s === 'string')
    .join('\n');
  const mentioned = uniqueObservables(detectObservables(text));
  if (mentioned.length) related.push({ source: 'description', observables: mentioned });
  return error === undefined ? { related } : { related, error };
}
