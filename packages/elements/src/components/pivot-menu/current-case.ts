/** localStorage key of the current case: only its id (`casebook-<uuid>`), never a token or anything secret. */
export const CURRENT_CASE_KEY = 'pk-current-case';

/** The id of the case new observables go to, if one was chosen on this origin. */
export function getCurrentCaseId(): string | null {
  try {
    return localStorage.getItem(CURRENT_CASE_KEY) || null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed iframe)
  }
}

/** Makes a case current (`null` forgets it). */
export function setCurrentCaseId(id: string | null): void {
  try {
    if (id) localStorage.setItem(CURRENT_CASE_KEY, id);
    else localStorage.removeItem(CURRENT_CASE_KEY);
  } catch {
    // Storage disabled: the current case lasts as long as the page.
  }
}
