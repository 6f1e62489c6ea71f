// What the casebook panel reads from the page-wide state layer: the session's client, the current case,
// case-change notifications and the shared live region. One file, so the element codes against one small surface.
// (The case view reads the settings, the enrichment modules, itself: they load with it.)
import type { PivotkitClient } from '@pivotkit/sdk';
import { session } from '../../state/session.js';

export { currentCase as currentCaseRef, caseTitles, type CaseRef } from '../../state/current-case.js';
export { caseChanges, type CaseChange } from '../../state/case-changes.js';
export { announce } from '../../a11y/announce.js';

/** The page's client (`configure({ client })`), if any. */
export const pageClient = (): PivotkitClient | undefined => session.get().client;

/** Calls `fn` when the page's client changes or gets signed in (not on every status step). */
export function subscribeClient(fn: () => void): () => void {
  let last = session.get();
  return session.subscribe((s) => {
    const changed = s.client !== last.client || (s.status === 'signed-in') !== (last.status === 'signed-in');
    last = s;
    if (changed) fn();
  });
}
