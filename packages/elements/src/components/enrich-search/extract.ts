import type { Observable } from '@pivotkit/sdk';
import { detectObservables, uniqueObservables } from '@pivotkit/sdk/detect';

/** What the search box found in a text, before anything is sent. */
export interface Extraction {
  /** Distinct observables, in order of first occurrence. */
  observables: Observable[];
  /** Occurrences beyond the first of each observable. */
  duplicates: number;
  /** Bulk input (one value per line) only: lines that are not an observable, as typed. */
  unrecognised: string[];
  /** Whether the text was read as one observable per line. */
  bulk: boolean;
}

/**
 * Whether a text is a list of values, one per line: every non-empty line is one token. Such a list is read line
 * by line with look-alikes accepted (an analyst who pastes `invoice.zip` alone on a line means the domain).
 */
function isBulk(lines: string[]): boolean {
  const filled = lines.filter((l) => l.trim() !== '');
  return filled.length > 0 && filled.every((l) => !/\s/.test(l.trim()));
}

/**
 * Finds the observables in pasted text, locally (`@pivotkit/sdk/detect`), de-duplicated.
 * @example extractObservables('beacon to 203.0.113.7 and 203.0.113.7') // {observables: [{type:'ip',…}], duplicates: 1, …}
 */
export function extractObservables(text: string): Extraction {
  const lines = text.split(/\r\n|\r|\n/);
  if (isBulk(lines)) {
    const all: ReturnType<typeof detectObservables> = [];
    const unrecognised: string[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      // The line's own value first (its outermost match covering the whole line), nested matches after it.
      const found = detectObservables(line, { lowConfidence: true });
      if (found.length === 0) unrecognised.push(line);
      all.push(...found);
    }
    const observables = uniqueObservables(all);
    return { observables, duplicates: all.length - observables.length, unrecognised, bulk: true };
  }
  const matches = detectObservables(text);
  const observables = uniqueObservables(matches);
  return { observables, duplicates: matches.length - observables.length, unrecognised: [], bulk: false };
}

/** Distinct observables from the Inspect API's answer (it may repeat, and may use types the detector does not). */
export function dedupeObservables(list: readonly Observable[]): Observable[] {
  const seen = new Set<string>();
  const out: Observable[] = [];
  for (const o of list) {
    const k = `${o.type}\u0000${o.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ type: o.type, value: o.value });
  }
  return out;
}
