import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import type { Casebook, Incident, PivotkitApiClient, PivotkitClient } from '@pivotkit/sdk';
import { isPivotkitError } from '@pivotkit/sdk';
import type { SharedStrings } from '../../i18n/index.js';
import type { CaseViewStrings } from '../../i18n/case-view.js';
import { announce } from './bridge.js';

/** How many incidents the chooser offers: the newest ones, as the Incidents app lists them. */
const INCIDENTS_SHOWN = 50;

type Host = ReactiveControllerHost & HTMLElement;

interface Options {
  /** The client the casebook talks through. */
  client: () => PivotkitClient | undefined;
  /** The strings of the host's language. */
  t: () => SharedStrings & CaseViewStrings;
}

/**
 * "Link to incident" in the case view: a chooser of the incidents the service has (newest first), then
 * `incidents.linkCasebook` with the case's long id. The result shows beside the button and is announced; a failure
 * says why in the chooser (which stays open, to try again or choose another). One job: the casebook loads it on the
 * first "Link to incident", renders it in its case header and calls `reset()` when another case opens. Its state re-renders the host (`requestUpdate`); its
 * Task registers itself with the host.
 */
export class IncidentLink {
  readonly #host: Host;
  readonly #opts: Options;
  #open = false;
  #chosen = '';
  #busy = false;
  #error = '';
  #status = '';

  /** The incidents to choose from, read when the chooser opens. */
  readonly #incidents: Task<readonly [PivotkitClient | undefined, boolean], Incident[] | undefined>;

  constructor(host: Host, opts: Options) {
    this.#host = host;
    this.#opts = opts;
    this.#incidents = new Task(host, {
      task: async ([client, open], { signal }) => {
        if (!client || !open) return undefined;
        const page = await client.incidents.list(
          { limit: INCIDENTS_SHOWN, sortBy: 'incident_time.opened:desc' },
          { signal },
        );
        if (!page.items.some((i) => i.id === this.#chosen)) this.#chosen = page.items[0]?.id ?? '';
        return page.items;
      },
      args: () => [this.#opts.client(), this.#open] as const,
    });
  }

  /** Another case opened: close the chooser and forget the last result. */
  reset(): void {
    this.#open = false;
    this.#busy = false;
    this.#error = '';
    this.#status = '';
    this.#host.requestUpdate();
  }

  #root(): ParentNode {
    return this.#host.shadowRoot ?? this.#host;
  }

  async #focus(selector: string) {
    await this.#host.updateComplete;
    this.#root().querySelector<HTMLElement>(selector)?.focus();
  }

  /** Opens (and focuses) or closes the chooser. */
  show(open: boolean): void {
    this.#open = open;
    this.#error = '';
    if (open) this.#status = '';
    this.#host.requestUpdate();
    void this.#focus(open ? '[part~="link__select"]' : '[part~="link__open"]');
  }

  async #link(cb: Casebook) {
    const client = this.#opts.client() as Partial<PivotkitApiClient> | undefined;
    const t = this.#opts.t();
    const incident = this.#incidents.value?.find((i) => i.id === this.#chosen);
    if (!client?.incidents?.linkCasebook || !incident || this.#busy) return;
    this.#busy = true;
    this.#error = '';
    this.#host.requestUpdate();
    try {
      // The casebook itself: the SDK sends its long id, which CTIA requires.
      await client.incidents.linkCasebook(incident.id, cb);
      this.#status = t.linked(incident.title || incident.id);
      this.#open = false;
      announce(this.#status);
      void this.#focus('[part~="link__open"]');
    } catch (e) {
      this.#error = t.linkFailed(this.#reason(e));
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }

  #reason(e: unknown): string {
    const t = this.#opts.t();
    if (isPivotkitError(e, 'ScopeError')) return t.linkNeedsScopes(e.missingScopes);
    if (isPivotkitError(e, 'NotFoundError')) return t.incidentGone;
    return e instanceof Error ? e.message : String(e);
  }

  /** Whether the chooser is open (the casebook's button shows it with `aria-expanded`). */
  get open(): boolean {
    return this.#open;
  }

  /** What follows the casebook's "Link to incident" button: the chooser when open, else the last result. */
  render(cb: Casebook): TemplateResult | typeof nothing {
    if (this.#open) return this.#chooser(cb);
    return this.#status ? html`<span part="link__status">${this.#status}</span>` : nothing;
  }

  #chooser(cb: Casebook): TemplateResult {
    const t = this.#opts.t();
    const task = this.#incidents;
    const incidents = task.value ?? [];
    const loading = task.status !== 2 && task.status !== 3;
    const failed = task.status === 3;
    return html`<form
      part="link__chooser"
      aria-label=${t.linkIncident}
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void this.#link(cb);
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        // Escape closes the chooser, not the docked panel around it.
        e.preventDefault();
        e.stopPropagation();
        this.show(false);
      }}
    >
      <label>
        ${t.incident}
        <select
          part="link__select"
          aria-busy=${loading ? 'true' : 'false'}
          .value=${live(this.#chosen)}
          @change=${(e: Event) => (this.#chosen = (e.target as HTMLSelectElement).value)}
        >
          ${
            loading
              ? html`<option value="" disabled>${t.loadingIncidents}</option>`
              : incidents.length
                ? incidents.map(
                    (i) =>
                      html`<option value=${i.id} ?selected=${i.id === this.#chosen}>
                        ${t.incidentOption(i.title || i.id, i.status)}
                      </option>`,
                  )
                : html`<option value="" disabled>${t.noIncidentsToLink}</option>`
          }
        </select>
      </label>
      <button part="button button--primary" type="submit" ?disabled=${loading || !incidents.length || this.#busy}>
        ${this.#busy ? t.linking : t.link}
      </button>
      <button part="button" type="button" @click=${() => this.show(false)}>${t.cancel}</button>
      ${
        failed
          ? html`<p part="message message--error" role="alert">
              ${t.incidentsFailed(this.#reason(task.error))}
              <button part="button" type="button" @click=${() => void task.run()}>${t.retry}</button>
            </p>`
          : nothing
      }
      ${this.#error ? html`<p part="message message--error" role="alert">${this.#error}</p>` : nothing}
    </form>`;
  }
}
