import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import type { Incident, IncidentStatus, Observable, Page, PivotkitClient } from '@pivotkit/sdk';
import { announce } from '../../a11y/announce.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonAppsEn } from '../../i18n/ribbon-apps.js';
import { SessionController } from '../../controllers/session-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { caseChanges } from '../../state/case-changes.js';
import { currentCase } from '../../state/current-case.js';
import { missingScopesNotice, signedOutPrompt } from '../../templates/session.js';
import { droppedNotice, droppedNoticeStyles } from '../../templates/dropped.js';
import { tokens } from '../../styles/tokens.js';
import '../observable/pk-observable.js';
import { addToCase, messageOf } from '../enrich-search/add-to-case.js';
import { appStyles } from '../enrich-search/app.styles.js';
import styles from './incidents.styles.js';
import { relatedObservables } from './related.js';

/** CTIM incident statuses (ctim `vocabularies.cljc`), grouped as the console groups them. */
export const STATUS_GROUPS: readonly [string, readonly IncidentStatus[]][] = [
  ['New', ['New', 'New: Processing', 'New: Presented']],
  ['Open', ['Open', 'Open: Investigating', 'Open: Reported', 'Open: Contained', 'Open: Recovered']],
  ['Hold', ['Hold', 'Hold: Internal', 'Hold: External', 'Hold: Legal', 'Stalled']],
  [
    'Closed',
    [
      'Closed',
      'Closed: Under Review',
      'Closed: Confirmed Threat',
      'Closed: Suspected',
      'Closed: False Positive',
      'Closed: Near-Miss',
      'Closed: Merged',
      'Closed: Other',
    ],
  ],
  ['Other', ['Containment Achieved', 'Restoration Achieved', 'Incident Reported', 'Rejected']],
];

const TIME_FIELDS = ['opened', 'discovered', 'reported', 'contained', 'remediated', 'closed', 'rejected'];

type Action = { s: 'idle' } | { s: 'busy' } | { s: 'error'; msg: string };

/**
 * @tag pk-incidents
 * @summary The organisation's incidents: search, filter by status, page, open one, change its status, take its
 * observables into a case, link the current case to it.
 * @status experimental
 * @since 0.1
 * @dependency pk-observable
 *
 * @description Lists incidents from CTIA `/ctia/incident/search`, newest first, `page-size` at a time, filtered by
 * status and searched (Lucene over id, title, description…). An incident opens to its details: title,
 * description (as text), status, severity, confidence, the times CTIA stamped, and its related observables as the
 * API exposes them (the incident's own list when it has one, the observables of its related sightings from the
 * bundle export, and those written in its description, each under its own heading). "Change status" goes through
 * the CTIA status route, which stamps the time fields. Observables go to the current case (or a new one);
 * "Link" relates the current case to the incident (`incidents.linkCasebook` with the case's long id).
 *
 * Keyboard: the list is a list of buttons in tab order (Enter opens one); in the details, "Back to the
 * incidents" (also Escape) returns to the list with focus on the incident that was open.
 *
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in".
 *
 * @csspart base - The container.
 * @csspart toolbar - Search and status filter.
 * @csspart search - The search box.
 * @csspart status-filter - The status filter.
 * @csspart list - The incidents list.
 * @csspart incident - One incident's button in the list.
 * @csspart incident__title - Its title.
 * @csspart incident__meta - Its status, severity and opening time.
 * @csspart pager - Previous / next and the range shown.
 * @csspart message - A notice about the page shown; it has `message--warning` too.
 * @csspart message--warning - Incidents of the page that could not be read and are not shown.
 * @csspart details - The open incident.
 * @csspart back - "Back to the incidents".
 * @csspart title - The open incident's title.
 * @csspart description - Its description.
 * @csspart fields - Status, severity, confidence and times.
 * @csspart status-change - The status picker and its Apply button.
 * @csspart related - The related observables.
 * @csspart add - "Add its observables to the current case".
 * @csspart add-new - "Add to a new case".
 * @csspart link - "Link the current case to this incident".
 * @csspart link-note - Why there is nothing to link yet (no current case).
 * @csspart note - A secondary line.
 * @csspart retry - "Try again" after a failed load.
 * @csspart status - A status line.
 * @csspart error - A failure's message, where it happened.
 * @csspart signed-out - The signed-out prompt; `sign-in` is its button.
 * @csspart missing-scopes - Which scopes are missing for what.
 *
 * @cssproperty [--padding=0.75rem] - Space inside the container.
 * @cssproperty [--list-max-height=50vh] - Tallest the list grows before it scrolls.
 */
export class PkIncidents extends LitElement {
  static override styles = [tokens, appStyles, styles, droppedNoticeStyles];

  /** Incidents per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The status shown (empty: any). */
  @property() status = '';

  /** The search text (a Lucene query). */
  @property() query = '';

  /**
   * What the search box holds until it is submitted: a render while the analyst types (a list load ending, say)
   * puts this back in the box, not the last submitted `query`. Setting `query` replaces it.
   */
  #searchText = '';
  /** @internal */
  @state() private _offset = 0;
  /** @internal */
  @state() private _open: Incident | undefined;
  /** @internal */
  @state() private _action: Action = { s: 'idle' };
  /** @internal */
  @state() private _newStatus = '';
  /** @internal */
  @state() private _reload = 0;

  readonly #l = new LocalizeController(this, ribbonAppsEn);
  readonly #session = new SessionController(this);
  readonly #case = new StoreController(this, currentCase);
  /** The id of the incident to focus in the list after going back. */
  #returnTo: string | undefined;

  readonly #list = new Task(this, {
    args: () =>
      [
        this.#session.client,
        this.#session.state.status,
        this.status,
        this.query,
        this._offset,
        this.pageSize,
        this._reload,
      ] as const,
    task: async ([client, status, st, query, offset, limit], { signal }): Promise<Page<Incident> | undefined> => {
      if (!client || status !== 'signed-in' || !this.#session.can('incidents')) return undefined;
      return client.incidents.list(
        {
          ...(st ? { status: st } : {}),
          ...(query.trim() ? { query: query.trim() } : {}),
          limit,
          offset,
          // Newest first: CTIA's default order is the storage order.
          sortBy: 'incident_time.opened:desc',
        },
        { signal },
      );
    },
  });

  readonly #related = new Task(this, {
    args: () => [this.#session.client, this._open] as const,
    task: async ([client, incident], { signal }) => {
      if (!client || !incident) return undefined;
      return relatedObservables(client, incident, { signal });
    },
  });

  /** Opens an incident's details. */
  async openIncident(incident: Incident): Promise<void> {
    this._open = incident;
    this._newStatus = incident.status;
    this._action = { s: 'idle' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="back"]')?.focus();
  }

  async #back(): Promise<void> {
    this.#returnTo = this._open?.id;
    this._open = undefined;
    await this.updateComplete;
    const id = this.#returnTo;
    const target = id ? this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`) : null;
    (target ?? this.renderRoot.querySelector<HTMLElement>('[part~="search"]'))?.focus();
  }

  async #setStatus(): Promise<void> {
    const client = this.#session.client;
    const incident = this._open;
    if (!client || !incident || !this._newStatus || this._newStatus === incident.status) return;
    this._action = { s: 'busy' };
    try {
      const updated = await client.incidents.setStatus(incident.id, this._newStatus as IncidentStatus);
      this._open = updated;
      this._action = { s: 'idle' };
      this._reload++;
      announce(this.#l.t.statusChanged(updated.status));
    } catch (e) {
      this._action = { s: 'error', msg: messageOf(e) };
    }
  }

  async #add(observables: Observable[], newCase: boolean): Promise<void> {
    const client = this.#session.client;
    if (!client || !observables.length) return;
    this._action = { s: 'busy' };
    try {
      const title = this._open?.title ?? this._open?.id ?? '';
      const r = await addToCase(client, observables, newCase || !this.#case.value ? { newCase: { title } } : {});
      this._action = { s: 'idle' };
      announce(this.#l.t.addedNToCase(observables.length, r.title));
    } catch (e) {
      this._action = { s: 'error', msg: messageOf(e) };
    }
  }

  async #link(): Promise<void> {
    const client = this.#session.client;
    const incident = this._open;
    const ref = this.#case.value;
    if (!client || !incident || !ref) return;
    this._action = { s: 'busy' };
    try {
      // CTIA wants the casebook's long id (a URL) in `casebook_id`; the current case is kept by its short id.
      const casebook = await client.casebooks.get(ref.id);
      const longId = typeof casebook['longId'] === 'string' ? (casebook['longId'] as string) : casebook.id;
      const api = client as PivotkitClient & {
        incidents: { linkCasebook?: (id: string, casebook: string) => Promise<unknown> };
      };
      if (!api.incidents.linkCasebook) throw new Error('this client cannot link cases to incidents');
      await api.incidents.linkCasebook(incident.id, longId);
      caseChanges.emit({ caseId: casebook.id, kind: 'fields' });
      this._action = { s: 'idle' };
      announce(this.#l.t.caseLinked(casebook.title ?? casebook.id));
    } catch (e) {
      this._action = { s: 'error', msg: messageOf(e) };
    }
  }

  #time(iso: string | undefined): string {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(this.#l.t.$code, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.#searchText = this.query;
  }

  override render(): TemplateResult {
    return html`<div
      part="base"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && this._open) {
          e.stopPropagation();
          void this.#back();
        }
      }}
    >
      ${this.#renderGate() ?? (this._open ? this.#renderDetails(this._open) : this.#renderList())}
    </div>`;
  }

  /** Signed out, signing in, a session error or a missing scope: what to show instead of the app. */
  #renderGate(): TemplateResult | undefined {
    const t = this.#l.t;
    const s = this.#session.state;
    if (!s.client || s.status === 'signed-out')
      return signedOutPrompt({ t, host: this, after: () => void this.#session.signIn() });
    if (s.status === 'signing-in') return html`<p part="status" role="status">${t.signingIn}</p>`;
    if (s.status === 'error')
      return html`<p part="error" role="alert">${t.appError(messageOf(s.error))}</p>
        ${signedOutPrompt({ t, host: this })}`;
    const missing = this.#session.missingScopes('incidents');
    if (missing.length) return html`${missingScopesNotice({ t, scopes: missing, what: t.incidentsLabel })}`;
    return undefined;
  }

  #renderList(): TemplateResult {
    const t = this.#l.t;
    return html`<form
        part="toolbar"
        class="row"
        role="search"
        @submit=${(e: Event) => {
          e.preventDefault();
          this._offset = 0;
          this.query = this.#searchText;
        }}
      >
        <input
          type="search"
          part="search"
          class="grow"
          aria-label=${t.incidentSearch}
          placeholder=${t.incidentSearch}
          .value=${live(this.#searchText)}
          @input=${(e: InputEvent) => (this.#searchText = (e.target as HTMLInputElement).value)}
        />
        <label
          >${t.statusFilter}
          <select
            part="status-filter"
            .value=${live(this.status)}
            @change=${(e: Event) => {
              this._offset = 0;
              this.status = (e.target as HTMLSelectElement).value;
            }}
          >
            <option value="">${t.anyStatus}</option>
            ${STATUS_GROUPS.map(
              ([group, list]) =>
                html`<optgroup label=${t.statusGroup(group)}>
                  ${list.map((s) => html`<option value=${s} ?selected=${s === this.status}>${s}</option>`)}
                </optgroup>`,
            )}
          </select>
        </label>
        <button type="submit">${t.incidentSearch}</button>
      </form>
      ${this.#list.render({
        initial: () => html`<p part="status" role="status">${t.loading}</p>`,
        pending: () => html`<p part="status" role="status">${t.loading}</p>`,
        error: (e) =>
          html`<p part="error" role="alert">${t.appError(messageOf(e))}</p>
            <button type="button" part="retry" @click=${() => this._reload++}>${t.tryAgain}</button>`,
        complete: (page) => (page ? this.#renderPage(page) : nothing),
      })}`;
  }

  #renderPage(page: Page<Incident>): TemplateResult {
    const t = this.#l.t;
    const dropped = page.dropped?.length ?? 0;
    if (!page.items.length && !dropped) return html`<p part="status" role="status">${t.noIncidents}</p>`;
    const from = this._offset + 1;
    // An incident that could not be read still takes its place in the service's paging.
    const to = this._offset + page.items.length + dropped;
    return html`${droppedNotice(page, t.incidentsDropped)}
      ${
        page.items.length
          ? html`<ul role="list" part="list" aria-label=${t.incidentsLabel}>
              ${page.items.map(
                (i) =>
                  html`<li>
                    <button type="button" part="incident" data-id=${i.id} @click=${() => void this.openIncident(i)}>
                      <span part="incident__title">${i.title ?? i.id}</span>
                      <span part="incident__meta"
                        >${i.status} · ${i.severity ?? '—'} · ${t.opened(this.#time(i.incident_time.opened))}</span
                      >
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <nav part="pager" class="row" aria-label=${t.incidentsLabel}>
        <button
          type="button"
          ?disabled=${this._offset === 0}
          @click=${() => (this._offset = Math.max(0, this._offset - this.pageSize))}
        >
          ${t.incidentsPrevious}
        </button>
        <span role="status">${t.incidentsPage(from, to, page.total)}</span>
        <button
          type="button"
          ?disabled=${!page.next}
          @click=${() => (this._offset = page.next?.offset ?? this._offset + this.pageSize)}
        >
          ${t.incidentsNext}
        </button>
      </nav>`;
  }

  #renderDetails(i: Incident): TemplateResult {
    const t = this.#l.t;
    const times = TIME_FIELDS.filter((f) => i.incident_time[f]);
    const current = this.#case.value;
    const canCase = this.#session.can('casebook');
    const busy = this._action.s === 'busy';
    return html`<article part="details" aria-labelledby="title">
      <div class="row">
        <button type="button" part="back" @click=${() => void this.#back()}>${t.backToList}</button>
      </div>
      <h2 part="title" id="title">${i.title ?? i.id}</h2>
      ${i.description ? html`<p part="description">${i.description}</p>` : nothing}
      <dl part="fields">
        <dt>${t.incidentStatus}</dt>
        <dd>${i.status}</dd>
        <dt>${t.incidentSeverity}</dt>
        <dd>${i.severity ?? '—'}</dd>
        <dt>${t.incidentConfidence}</dt>
        <dd>${i.confidence}</dd>
        ${times.map(
          (f) =>
            html`<dt>${t.incidentTime(f)}</dt>
              <dd><time datetime=${i.incident_time[f]!}>${this.#time(i.incident_time[f])}</time></dd>`,
        )}
      </dl>
      <div part="status-change" class="row">
        <label
          >${t.changeStatus}
          <select
            .value=${live(this._newStatus)}
            @change=${(e: Event) => (this._newStatus = (e.target as HTMLSelectElement).value)}
          >
            ${STATUS_GROUPS.map(
              ([group, list]) =>
                html`<optgroup label=${t.statusGroup(group)}>
                  ${list.map((s) => html`<option value=${s} ?selected=${s === this._newStatus}>${s}</option>`)}
                </optgroup>`,
            )}
          </select>
        </label>
        <button
          type="button"
          class="primary"
          ?disabled=${busy || this._newStatus === i.status}
          @click=${() => void this.#setStatus()}
        >
          ${t.changeStatus}
        </button>
      </div>
      ${this._action.s === 'error' ? html`<p part="error" role="alert">${t.appError(this._action.msg)}</p>` : nothing}
      <section part="related" aria-labelledby="related">
        <h3 id="related">${t.relatedObservables}</h3>
        ${this.#related.render({
          pending: () => html`<p part="status" role="status">${t.loading}</p>`,
          error: (e) => html`<p part="error" role="alert">${t.appError(messageOf(e))}</p>`,
          complete: (r) => {
            if (!r) return nothing;
            const all = r.related.flatMap((g) => g.observables);
            return html`${r.error ? html`<p part="note">${t.appError(messageOf(r.error))}</p>` : nothing}
            ${
              r.related.length
                ? r.related.map(
                    (g) =>
                      html`<h4>${t.observablesFrom(g.source)}</h4>
                        <ul role="list">
                          ${g.observables.map(
                            (o) =>
                              html`<li><pk-observable no-enrich type=${o.type} value=${o.value}></pk-observable></li>`,
                          )}
                        </ul>`,
                  )
                : html`<p part="status">${t.noRelatedObservables}</p>`
            }
            ${
              canCase && all.length
                ? html`<div class="row">
                    ${
                      current
                        ? html`<button
                            type="button"
                            part="add"
                            ?disabled=${busy}
                            @click=${() => void this.#add(all, false)}
                          >
                            ${t.addIncidentObservables(current.title ?? current.id)}
                          </button>`
                        : nothing
                    }
                    <button type="button" part="add-new" ?disabled=${busy} @click=${() => void this.#add(all, true)}>
                      ${t.addSelectionToNewCase}
                    </button>
                  </div>`
                : nothing
            }`;
          },
        })}
      </section>
      ${
        canCase
          ? html`<div class="row">
              ${
                current
                  ? html`<button type="button" part="link" ?disabled=${busy} @click=${() => void this.#link()}>
                      ${t.linkCurrentCase(current.title ?? current.id)}
                    </button>`
                  : html`<p part="note link-note">${t.linkNeedsCase}</p>`
              }
            </div>`
          : nothing
      }
    </article>`;
  }
}
