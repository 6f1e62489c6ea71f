import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Observable, PivotkitClient } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { casebookEn } from '../../i18n/casebook.js';
import type { Provenance } from './content.js';
import { detectInText, previewIntake, type IntakePreview } from './intake.js';
import { errorMessage } from './format.js';

type Intake = {
  caseId: string;
  text: string;
  preview?: IntakePreview;
  busy?: 'detect' | 'inspect';
  error?: string;
  provenance?: Provenance;
};

/** What the "Add observables" box asks of the casebook panel it is shown in. */
export interface IntakePanel {
  /** The client the panel talks through (for "Ask the Inspect API"). */
  client(): PivotkitClient | undefined;
  /** A case's title and observables, as the panel has them. */
  caseOf(caseId: string): { title?: string; observables?: Observable[] } | undefined;
  /** Adds the confirmed observables (with where they were found, when they came from this page). */
  add(caseId: string, observables: Observable[], provenance?: Provenance): Promise<void>;
  /** Focuses what `selector` finds once it is rendered. */
  focusAfter(selector: string): void;
}

/**
 * The casebook's "Add observables" box: pasted, dropped or typed text, then a preview of what will be added (new to
 * the case, and already in it) before anything is added. The local detector finds the observables (it loads on the
 * first use); "Ask the Inspect API" asks the service instead. One box at a time, for one case: the list's (a drop on
 * a row) or the case view's. Its state re-renders the host.
 */
export class IntakeBox {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #panel: IntakePanel;
  readonly #l: LocalizeController<[typeof casebookEn]>;
  #intake: Intake | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, panel: IntakePanel) {
    this.#host = host;
    this.#panel = panel;
    this.#l = new LocalizeController(host, casebookEn);
  }

  #set(intake: Intake | undefined) {
    this.#intake = intake;
    this.#host.requestUpdate();
  }

  /** Opens the box, empty, for text to look for observables in. */
  open(caseId: string): void {
    this.#set({ caseId, text: '' });
    this.#panel.focusAfter('[part~="intake"] textarea');
  }

  close(): void {
    this.#set(undefined);
  }

  /** Shows what adding `found` would do, before doing it. */
  preview(caseId: string, found: Observable[], provenance?: Provenance, text = ''): void {
    const existing = this.#panel.caseOf(caseId)?.observables ?? [];
    this.#set({ caseId, text, preview: previewIntake(found, existing), provenance });
    this.#panel.focusAfter('[part~="intake"] [data-action="confirm"], [part~="intake"] [data-action="cancel"]');
  }

  /** Looks for observables in `text` with the local detector, then previews them. */
  async detect(text: string, caseId: string): Promise<void> {
    this.#set({ ...(this.#intake ?? { caseId }), text, busy: 'detect', error: undefined });
    let found: Observable[];
    try {
      found = await detectInText(text);
    } catch {
      // The detector's code did not arrive: the text stays, to try again.
      this.#set({ caseId, text, error: this.#l.t.detectFailed });
      return;
    }
    if (found.length) this.preview(caseId, found, undefined, text);
    else this.#set({ caseId, text, error: this.#l.t.nothingFound });
  }

  async #inspect() {
    const intake = this.#intake;
    const client = this.#panel.client();
    if (!intake || !client) return;
    this.#set({ ...intake, busy: 'inspect', error: undefined });
    try {
      const found = await client.inspect(intake.text);
      this.preview(intake.caseId, found, undefined, intake.text);
    } catch (e) {
      this.#set({ ...intake, busy: undefined, error: this.#l.t.inspectFailed(errorMessage(e)) });
    }
  }

  /** The box, when it is open (for `caseId`, when given); else nothing. */
  render(caseId?: string): TemplateResult | typeof nothing {
    const intake = this.#intake;
    if (!intake || (caseId !== undefined && intake.caseId !== caseId)) return nothing;
    const t = this.#l.t;
    const p = intake.preview;
    const client = this.#panel.client();
    const canInspect = !!client?.session && client.can('inspect');
    return html`<div part="intake" role="group" aria-labelledby="intake-h">
      <h4 id="intake-h">${t.addObservablesTo(this.#panel.caseOf(intake.caseId)?.title ?? '')}</h4>
      ${
        p
          ? html`<p part="intake__summary" role="status">
                ${t.preview(p.add.length + p.already.length, p.already.length)}
              </p>
              <ul part="intake__list">
                ${p.add.map((o) => html`<li><span part="observable__type">${t.observableType(o.type)}</span> <span class="value">${o.value}</span></li>`)}
                ${p.already.map(
                  (o) =>
                    html`<li part="intake__already">
                      <span part="observable__type">${t.observableType(o.type)}</span>
                      <span class="value">${o.value}</span>
                    </li>`,
                )}
              </ul>`
          : html`<p id="intake-help">${t.addObservablesHelp}</p>
              <textarea
                aria-label=${t.pasteLabel}
                aria-describedby="intake-help"
                rows="4"
                .value=${live(intake.text)}
                @input=${(e: InputEvent) => this.#set({ ...intake, text: (e.target as HTMLTextAreaElement).value })}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Escape') {
                    e.stopPropagation();
                    this.close();
                  } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    void this.detect(intake.text, intake.caseId);
                  }
                }}
              ></textarea>`
      }
      ${intake.error ? html`<p part="message message--error" role="alert">${intake.error}</p>` : nothing}
      ${intake.busy === 'inspect' ? html`<p part="message" role="status">${t.inspecting}</p>` : nothing}
      <div part="intake__buttons">
        ${
          p
            ? html`<button
                part="button button--primary"
                type="button"
                data-action="confirm"
                ?disabled=${!p.add.length}
                @click=${async () => {
                  this.close();
                  await this.#panel.add(intake.caseId, p.add, intake.provenance);
                  this.#panel.focusAfter('[data-action="add-observables"]');
                }}
              >
                ${t.addN(p.add.length)}
              </button>`
            : html`<button
                part="button button--primary"
                type="button"
                ?disabled=${!intake.text.trim()}
                @click=${() => void this.detect(intake.text, intake.caseId)}
              >
                ${t.findObservables}
              </button>`
        }
        ${
          canInspect && intake.text.trim()
            ? html`<button part="button" type="button" ?disabled=${!!intake.busy} @click=${() => void this.#inspect()}>
                ${t.askInspect}
              </button>`
            : nothing
        }
        <button
          part="button"
          type="button"
          data-action="cancel"
          @click=${() => {
            this.close();
            this.#panel.focusAfter('[data-action="add-observables"]');
          }}
        >
          ${t.cancel}
        </button>
      </div>
    </div>`;
  }
}
