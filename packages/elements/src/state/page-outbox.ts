/**
 * The page's outbox: one per page, shared by every `<pk-casebook>` on it and by the pivot menu's "Add to current
 * case" / "Add to new case", so that every write to a case is stored in IndexedDB first, retried while the server
 * cannot be reached, replayed after a reload and shown as pending in the casebook. What reached the server is told
 * to the page (the ribbon's count, the casebooks, other tabs) through `caseChanges`.
 * @module
 */
import type { PivotkitClient } from '@pivotkit/sdk';
import { caseChanges, type CaseChange } from './case-changes.js';
import { Outbox, type CaseEdit } from './outbox.js';
import { session } from './session.js';

export { LOCAL_CASE_PREFIX } from './outbox.js';

const CHANGE_KIND: Record<CaseEdit['kind'], CaseChange['kind']> = {
  create: 'created',
  delete: 'deleted',
  field: 'fields',
  'add-observables': 'observables',
  'remove-observables': 'observables',
  'add-text': 'texts',
  'edit-text': 'texts',
  'remove-text': 'texts',
  bundle: 'bundle',
};

let outbox: Outbox | undefined;
let own: PivotkitClient | undefined;

/** The page's outbox (made on first use). */
export function pageOutbox(): Outbox {
  outbox ??= new Outbox({
    client: () => own ?? session.get().client,
    onAck: ({ edit, casebook, createdId }) =>
      caseChanges.emit({ caseId: createdId ?? edit.caseId, kind: CHANGE_KIND[edit.edit.kind], casebook }),
  });
  return outbox;
}

/**
 * The client the page's outbox sends with, when an element was given its own (`.client`) rather than using the
 * session's: the last one given wins. Without one, the outbox sends with the session's client.
 */
export function sendPageOutboxWith(client: PivotkitClient | undefined): void {
  if (client) own = client;
}
