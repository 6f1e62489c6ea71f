import type { Observable } from '@pivotkit/sdk';

/**
 * `OBSERVABLE_MIME` of `<pk-observable>`, repeated here so that the casebook does not load the observable element
 * (and its lazy enrichment) just to read a drop. casebook.test.ts drags from a real `<pk-observable>`.
 */
export const OBSERVABLE_MIME = 'application/x-pivotkit-observable+json';

/** Longest value CTIA stores for an observable. */
const MAX_VALUE = 1024;
/** Most observables one drop or paste may add (a pasted log should not become 50,000 requests' worth). */
export const MAX_INTAKE = 2000;

const key = (o: Observable) => `${o.type}\u0000${o.value}`;

/** The observable a drag from `<pk-observable>` carries, or `undefined` when the data is not one. */
export function parseObservableJson(text: string): Observable | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { type, value } = v as Record<string, unknown>;
  if (typeof type !== 'string' || typeof value !== 'string') return undefined;
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(type) || !value.trim() || value.length > MAX_VALUE) return undefined;
  return { type, value: value.trim() };
}

/** Whether a drag carries something the casebook takes (an observable, or text to look for observables in). */
export function isObservableDrag(dt: DataTransfer | null): boolean {
  if (!dt) return false;
  const types = [...dt.types];
  return types.includes(OBSERVABLE_MIME) || types.includes('text/plain');
}

/**
 * What a drop holds: the dragged observable (`OBSERVABLE_MIME`), else the text dropped, to be searched for
 * observables like a paste.
 */
export function readDrop(dt: DataTransfer): { observables: Observable[] } | { text: string } | undefined {
  const json = dt.getData(OBSERVABLE_MIME);
  if (json) {
    const o = parseObservableJson(json);
    return o ? { observables: [o] } : undefined;
  }
  const text = dt.getData('text/plain');
  return text.trim() ? { text } : undefined;
}

/** The distinct observables found in text by the local detector (loaded on first use). */
export async function detectInText(text: string): Promise<Observable[]> {
  const { detectObservables, uniqueObservables } = await import('@pivotkit/sdk/detect');
  return uniqueObservables(detectObservables(text)).slice(0, MAX_INTAKE);
}

/** What adding `found` to a case holding `existing` would do. */
export interface IntakePreview {
  /** New to the case, in the order found. */
  add: Observable[];
  /** Already in the case. */
  already: Observable[];
}

/** Splits what was found into what is new to the case and what it already holds (duplicates dropped). */
export function previewIntake(found: readonly Observable[], existing: readonly Observable[]): IntakePreview {
  const have = new Set(existing.map(key));
  const seen = new Set<string>();
  const add: Observable[] = [];
  const already: Observable[] = [];
  for (const o of found) {
    const k = key(o);
    if (seen.has(k)) continue;
    seen.add(k);
    (have.has(k) ? already : add).push(o);
  }
  return { add, already };
}
