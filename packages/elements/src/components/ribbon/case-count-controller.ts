import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Casebook, PivotkitClient } from '@pivotkit/sdk';
import { caseChanges } from '../../state/case-changes.js';
import { caseTitles, currentCase } from '../../state/current-case.js';
import { session } from '../../state/session.js';

/**
 * Distinct observables: CTIA's `add` does not de-duplicate, the analyst counts each once. (Exact values: importing
 * the SDK's observableKey here would load the whole SDK before the bar shows.)
 */
function countOf(cb: Casebook): number {
  return new Set((cb.observables ?? []).map((o) => `${o.type}\u0000${o.value}`)).size;
}

/**
 * The current case's observable count for the Casebook button. Follows the current case, the session, and
 * case-change notifications (from this tab or another): a change that carries the casebook is used as is,
 * any other refetches. Each update that finds the client, the case or the revision changed fetches the case again
 * and aborts the fetch before it, whose reply no longer counts (what a `Task` of `@lit/task` does, which the bar
 * would load before it shows for this one fetch).
 */
export class CaseCountController implements ReactiveController {
  #offs: (() => void)[] = [];
  #rev = 0;
  #fromChange: { id: string; count: number; rev: number } | undefined;
  /** What the last fetch was for: the signed-in client, the case id and the revision. */
  #args: readonly [PivotkitClient | undefined, string | undefined, number] | undefined;
  #fetch: AbortController | undefined;
  #fetched: number | undefined;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const s = session.get();
    const client = s.status === 'signed-in' ? s.client : undefined;
    const id = currentCase.get()?.id;
    const prev = this.#args;
    if (prev && prev[0] === client && prev[1] === id && prev[2] === this.#rev) return;
    this.#args = [client, id, this.#rev];
    this.#fetch?.abort();
    this.#fetched = undefined;
    if (!id || !client) return;
    const fetch = (this.#fetch = new AbortController());
    const done = (count: number | undefined) => {
      if (this.#fetch !== fetch) return; // a later fetch replaced it
      this.#fetch = undefined;
      this.#fetched = count;
      this.host.requestUpdate();
    };
    client.casebooks.get(id, { signal: fetch.signal }).then(
      (cb) => {
        if (cb.title) caseTitles.remember(id, cb.title);
        done(countOf(cb));
      },
      () => done(undefined),
    );
  }

  /** The count, when known. */
  get count(): number | undefined {
    const id = currentCase.get()?.id;
    if (this.#fromChange && this.#fromChange.id === id && this.#fromChange.rev === this.#rev)
      return this.#fromChange.count;
    return this.#fetched;
  }

  /** The current case's title, when known. */
  get title(): string | undefined {
    const ref = currentCase.get();
    return ref?.title ?? (ref ? caseTitles.get(ref.id) : undefined);
  }

  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    this.#offs = [
      session.subscribe(update),
      currentCase.subscribe(update),
      caseTitles.subscribe(update),
      caseChanges.subscribe((c) => {
        if (c.caseId !== currentCase.get()?.id) return;
        // The writer sent the case as stored: use it without a refetch. Otherwise, fetch it again.
        if (c.casebook) this.#fromChange = { id: c.caseId, count: countOf(c.casebook), rev: this.#rev };
        else this.#rev++;
        update();
      }),
    ];
  }

  hostDisconnected(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
  }
}
