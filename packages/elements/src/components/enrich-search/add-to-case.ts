import type { Casebook, Observable, PivotkitClient } from '@pivotkit/sdk';
import { caseChanges } from '../../state/case-changes.js';
import { caseTitles, currentCase } from '../../state/current-case.js';
import { newCaseTlp } from '../../state/settings.js';

/** Where observables went: the case (now current) and whether it was made for them. */
export interface AddedToCase {
  casebook: Casebook;
  title: string;
  created: boolean;
}

/**
 * Adds observables to the current case, or to a new case (then made current, with the TLP from Settings) when
 * there is none or when `newCase` is given. Tells the other elements and tabs (`caseChanges`), so the casebook and the ribbon follow.
 */
export async function addToCase(
  client: PivotkitClient,
  observables: readonly Observable[],
  opts: { newCase?: { title: string; description?: string }; signal?: AbortSignal } = {},
): Promise<AddedToCase> {
  const list = observables.map((o) => ({ type: o.type, value: o.value }));
  const current = opts.newCase ? null : currentCase.get();
  if (current) {
    const casebook = await client.casebooks.addObservables(current.id, list, { signal: opts.signal });
    const title = casebook.title ?? current.title ?? current.id;
    if (casebook.title) caseTitles.remember(casebook.id, casebook.title);
    caseChanges.emit({ caseId: casebook.id, kind: 'observables', casebook });
    return { casebook, title, created: false };
  }
  const title = opts.newCase?.title ?? 'New case';
  const casebook = await client.casebooks.create(
    {
      title,
      tlp: newCaseTlp(),
      observables: list,
      ...(opts.newCase?.description ? { description: opts.newCase.description } : {}),
    },
    { signal: opts.signal },
  );
  caseTitles.remember(casebook.id, casebook.title ?? title);
  currentCase.set({ id: casebook.id, title: casebook.title ?? title });
  caseChanges.emit({ caseId: casebook.id, kind: 'created', casebook });
  return { casebook, title: casebook.title ?? title, created: true };
}

/** A failure's message for the UI (the SDK's errors say what happened and what to do). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
