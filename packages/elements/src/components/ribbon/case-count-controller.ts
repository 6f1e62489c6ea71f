import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Casebook } from '@pivotkit/sdk';
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
 * any other refetches.
 */
export class CaseCountController implements ReactiveController {
  #offs: (() => void)[] = [];
  #rev = 0;
  #fromChange: { id: string; count: number; rev: number } | undefined;

  readonly #task: Task<readonly [unknown, string | undefined, number], number | undefined>;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
    this.#task = new Task(host, {
      task: async ([, id], { signal }) => {
        const s = session.get();
        if (!id || !s.client || s.status !== 'signed-in') return undefined;
        const cb = await s.client.casebooks.get(id, { signal });
        if (cb.title) caseTitles.remember(id, cb.title);
        return countOf(cb);
      },
      args: () => {
        const s = session.get();
        return [s.status === 'signed-in' ? s.client : undefined, currentCase.get()?.id, this.#rev] as const;
      },
    });
  }

  /** The count, when known. */
  get count(): number | undefined {
    const id = currentCase.get()?.id;
    if (this.#fromChange && this.#fromChange.id === id && this.#fromChange.rev === this.#rev)
      return this.#fromChange.count;
    return this.#task.status === TaskStatus.COMPLETE ? this.#task.value : undefined;
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
