import { CURRENT_CASE_KEY, currentCase } from '../../state/current-case.js';

export { CURRENT_CASE_KEY };

/** The id of the case new observables go to, if one was chosen on this origin. */
export function getCurrentCaseId(): string | null {
  return currentCase.get()?.id ?? null;
}

/** Makes a case current (`null` forgets it); other tabs follow. */
export function setCurrentCaseId(id: string | null): void {
  currentCase.set(id ? { id } : null);
}
