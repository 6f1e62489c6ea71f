// How a field of the case view shows the edits not saved yet: their state ("Not saved yet", "Saving…",
// "Refused…") and the conflicts with a change made elsewhere, each with the buttons that settle it.
import { html, nothing, type TemplateResult } from 'lit';
import type { Outbox, QueuedEdit } from '../../state/outbox.js';
import type { SharedStrings } from '../../i18n/index.js';
import type { CasebookStrings } from '../../i18n/casebook.js';
import type { CaseViewStrings } from '../../i18n/case-view.js';

type Strings = SharedStrings & CasebookStrings & CaseViewStrings;

/** The state of a field's edits, the worst first (refused, then retrying); nothing when none waits. */
export function pendingLabel(edits: QueuedEdit[], t: Strings, outbox: Outbox): TemplateResult | typeof nothing {
  const shown = edits.filter((e) => e.status !== 'conflict');
  if (!shown.length) return nothing;
  const worst = shown.find((e) => e.status === 'failed') ?? shown.find((e) => e.status === 'retrying') ?? shown[0]!;
  const text =
    worst.status === 'failed'
      ? worst.missingScopes?.length
        ? t.pendingScope(worst.missingScopes)
        : t.pendingFailed(worst.error ?? '')
      : worst.status === 'retrying'
        ? t.pendingRetrying(worst.error ?? '')
        : worst.status === 'sending'
          ? t.pendingSending
          : t.pendingQueued;
  return html`<span part="field__pending" data-status=${worst.status}
    >${text}
    ${
      worst.status === 'failed'
        ? html`<button part="button" type="button" @click=${() => void outbox.retry(worst.seq)}>${t.retryNow}</button
            ><button part="button" type="button" @click=${() => void outbox.discard(worst.seq)}>${t.discard}</button>`
        : nothing
    }</span
  >`;
}

/**
 * A field's conflicts: the version changed elsewhere and the analyst's (`mine` says what an edit wrote), with
 * "Keep mine" and "Keep theirs"; `reread` reads the case again once theirs is kept.
 */
export function conflicts(
  edits: QueuedEdit[],
  opts: { t: Strings; outbox: Outbox; mine: (e: QueuedEdit) => string; reread: () => void },
): TemplateResult[] {
  const { t, outbox } = opts;
  return edits
    .filter((e) => e.status === 'conflict')
    .map((e) => {
      const theirs = e.conflict?.theirs;
      return html`<div part="conflict" role="group" aria-label=${t.conflictTitle}>
        <p part="conflict__title">${t.conflictTitle}</p>
        <dl>
          <dt>${t.conflictTheirs}</dt>
          <dd data-version="theirs">${typeof theirs === 'string' ? theirs : t.noteRemovedElsewhere}</dd>
          <dt>${t.conflictMine}</dt>
          <dd data-version="mine">${opts.mine(e)}</dd>
        </dl>
        <button part="button" type="button" data-action="keep-mine" @click=${() => void outbox.keepMine(e.seq)}>
          ${t.keepMine}
        </button>
        <button
          part="button"
          type="button"
          data-action="keep-theirs"
          @click=${async () => {
            await outbox.discard(e.seq);
            opts.reread();
          }}
        >
          ${t.keepTheirs}
        </button>
      </div>`;
    });
}
