import type { Observable, PivotkitClient } from '@pivotkit/sdk';
import type { SharedStrings } from '../../i18n/index.js';
import { caseTitles, currentCase } from '../../state/current-case.js';
import type { EditOutcome } from '../../state/outbox.js';
import { LOCAL_CASE_PREFIX, pageOutbox, sendPageOutboxWith } from '../../state/page-outbox.js';
import { newCaseTlp } from '../../state/settings.js';

/**
 * The menu's "Add to current case" / "Add to new case", loaded on the first add: through the page's outbox, so the
 * add is stored before it is sent, retried while the server cannot be reached, shown as pending in the casebook,
 * and told to the page (`caseChanges`) once saved. A new case gets the TLP from Settings and becomes the current
 * case once the server made it. Resolves with what to tell the analyst.
 */
export async function addFromMenu(opts: {
  observable: Observable;
  /** The current case, or `null` for a new case. */
  caseId: string | null;
  /** The current case's title as the menu shows it. */
  caseLabel: string;
  /** The menu's own client (`.client`), if it was given one. */
  client: PivotkitClient | undefined;
  t: SharedStrings;
}): Promise<string> {
  const { observable: o, caseId, t } = opts;
  sendPageOutboxWith(opts.client);
  const outbox = pageOutbox();
  const refused = (r: EditOutcome) => (r.status === 'failed' || r.status === 'discarded' ? (r.error ?? '') : undefined);
  if (caseId) {
    const title = opts.caseLabel || caseId;
    const q = await outbox.enqueue(caseId, { kind: 'add-observables', observables: [o] });
    const r = await outbox.settled(q.seq);
    if (r.status === 'sent') return t.addedToCase(r.casebook?.title || title);
    const error = refused(r);
    return error === undefined ? t.addPending(title) : t.addFailed(error);
  }
  const title = t.newCaseTitle(o);
  const before = currentCase.get()?.id ?? null;
  const q = await outbox.enqueue(`${LOCAL_CASE_PREFIX}${crypto.randomUUID()}`, {
    kind: 'create',
    input: { title, tlp: newCaseTlp(), observables: [o] },
  });
  // A local id is no case the other elements can add to: the case becomes current once the server made it
  // (unless another case was chosen meanwhile).
  const made = (r: EditOutcome): string | undefined => {
    if (r.status !== 'sent' || !r.createdId) return undefined;
    const name = r.casebook?.title || title;
    caseTitles.remember(r.createdId, name);
    if ((currentCase.get()?.id ?? null) === before) currentCase.set({ id: r.createdId, title: name });
    return name;
  };
  const r = await outbox.settled(q.seq);
  const name = made(r);
  if (name) return t.addedToNewCase(name);
  const error = refused(r);
  if (error !== undefined) return t.addFailed(error);
  void outbox.settled(q.seq, { untilSent: true }).then(made);
  return t.addPendingNewCase(title);
}
