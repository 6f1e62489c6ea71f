import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import type {
  Casebook,
  Disposition,
  Observable,
  ObservableVerdict,
  Page,
  PivotkitApiClient,
  PivotkitClient,
  Tlp,
} from '@pivotkit/sdk';
import { isPivotkitError } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ToolbarController } from '../../controllers/toolbar-controller.js';
import { casebookEn } from '../../i18n/casebook.js';
import { tokens } from '../../styles/tokens.js';
import type { Outbox } from '../../state/outbox.js';
import {
  applyEdits,
  isLocalCaseId,
  LOCAL_CASE_PREFIX,
  localCase,
  pendingKey,
  type CaseEdit,
  type CaseField,
  type QueuedEdit,
} from '../../state/outbox.js';
import '../verdict-badge/pk-verdict-badge.js';
import { defang } from '../pivot-menu/format.js';
import type { PkObservablePickEvent } from '../../events/observable-pick.js';
import {
  announce,
  caseChanges,
  caseTitles,
  currentCaseRef,
  midsKey,
  pageClient,
  settings,
  subscribeClient,
} from './bridge.js';
import type { PkAddToCaseEvent } from '../../events/add-to-case.js';
import { PkRequestCloseEvent } from '../../events/request-close.js';
import { missingScopesNotice, signedOutPrompt } from '../../templates/session.js';
import { droppedNotice, droppedNoticeStyles } from '../../templates/dropped.js';
import { session } from '../../state/session.js';
import { pageOutbox, sendPageOutboxWith } from '../../state/page-outbox.js';
import { whenIdle } from '../../lazy/when-idle.js';
import { loadMarkdown, provenanceBundle, provenanceOf, renderDescription, type Provenance } from './content.js';
import { detectInText, isObservableDrag, previewIntake, readDrop, type IntakePreview } from './intake.js';
import { editNote, makeNote, readNote } from './notes.js';
import { luceneQuery, relativeTime } from './format.js';
import type { IncidentLink } from './incident-link.js';
import styles from './casebook.styles.js';
import { markdownStyles } from './markdown/markdown.styles.js';

const TLPS: Tlp[] = ['red', 'amber', 'green', 'white'];
// Drawn, not a glyph: system fonts differ in which symbols they have.
const COPY_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true">
  <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
  <path
    d="M10.5 3V2.5A1.5 1.5 0 0 0 9 1H3.5A1.5 1.5 0 0 0 2 2.5V8a1.5 1.5 0 0 0 1.5 1.5H4"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
  />
</svg>`;
const okey = (o: Observable) => `${o.type}:${o.value}`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface ModuleVerdict {
  module: string;
  disposition: Disposition;
}
interface VerdictRow {
  modules: ModuleVerdict[];
  disposition?: Disposition;
  conflict: boolean;
}

type Editing = { key: string; draft: string };
type Intake = {
  caseId: string;
  text: string;
  preview?: IntakePreview;
  busy?: 'detect' | 'inspect';
  error?: string;
  provenance?: Provenance;
};

/**
 * @tag pk-casebook
 * @summary The casebook: the analyst's cases (CTIA casebooks), the current case the pivot menu adds to, and
 * the case view with its observables, verdicts and notes.
 * @status experimental
 * @since 0.1
 * @dependency pk-verdict-badge
 * @dependency pk-pivot-menu
 * @dependency pk-case-investigation
 *
 * @description Standalone and `docked`, it is a button in the bottom-right corner that opens the panel; without
 * `docked` it fills its host (the ribbon's Casebook app).
 *
 * The list shows the cases newest first, searched by the service (`/ctia/casebook/search?query=`: titles,
 * descriptions and observable values) one page at a time. It is a listbox: arrow keys, Home/End, Enter opens a
 * case (and makes it current), Delete deletes it (with a few seconds to undo before anything is sent).
 *
 * The case view's export buttons and its observables' actions (add, copy all, copy all defanged) are WAI-ARIA
 * toolbars: one Tab stop each, ArrowLeft/ArrowRight between the buttons, Home/End to the ends.
 *
 * Nothing the analyst writes is lost: every edit goes to the outbox (IndexedDB) before it is sent, waits while
 * offline or while the API fails, is replayed in order, and shows as pending on its field with a count in the
 * header. A change made elsewhere meanwhile is shown as a conflict with both versions.
 *
 * Observables are added by dropping a `<pk-observable>`'s drag handle (or text) on the panel or on a case in the
 * list, by Enter on a drag handle (the keyboard alternative: it adds to the current case), by pasting text in the
 * case view, or with "Add observables"; each time a preview says what will be added first.
 *
 * "Link to incident" relates the case to an incident chosen from the service's newest incidents
 * (`incidents.linkCasebook`); the result shows beside the button and is announced, a failure says why.
 *
 * Values, titles, notes and descriptions from the API are only ever rendered as text. A TLP red case is never
 * sent for enrichment unless the analyst asks, with a button that says who will see the values.
 *
 * @event {PkRequestCloseEvent} pk-request-close - The user asked to close the docked panel (Escape, or its close
 * button); cancel it to keep the panel open.
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in" (the ribbon, or the page,
 * opens its sign-in dialog).
 *
 * @csspart toggle - The corner button that opens and closes the docked panel.
 * @csspart toggle__count - The number of unsaved changes on the corner button.
 * @csspart panel - The panel.
 * @csspart header - The panel's header: its name, the pending count, the close button.
 * @csspart header__title - The panel's heading ("Casebook"); left out with `no-heading`.
 * @csspart pending - The count of changes not saved yet, and the Retry button.
 * @csspart close-button - Closes the docked panel.
 * @csspart list-view - The case list's view: its toolbar, messages, import, list and pager.
 * @csspart toolbar - The row with the case search box and the "New case" button.
 * @csspart search - The case search box.
 * @csspart new-case - The "New case" button.
 * @csspart import - The import control (a CTIM casebook JSON file).
 * @csspart list - The case list (`role="listbox"`).
 * @csspart row - A case in the list (`role="option"`).
 * @csspart row--current - The current case's row.
 * @csspart row--drop - A row something is dragged over.
 * @csspart row__title - A row's title.
 * @csspart row__meta - A row's observable count, TLP and last change.
 * @csspart row__drop - "Drop to add to …" on a row something is dragged over.
 * @csspart badge - A pill in a row's details: "current", or the case's count of unsaved changes.
 * @csspart badge--pending - The pill with a case's count of unsaved changes.
 * @csspart tlp - A TLP marking.
 * @csspart tlp--red - A TLP red marking.
 * @csspart tlp--amber - A TLP amber marking.
 * @csspart tlp--green - A TLP green marking (also a case with no TLP).
 * @csspart tlp--white - A TLP white marking.
 * @csspart pager - The paging buttons and range.
 * @csspart case - The case view.
 * @csspart case--drop - The case view while something is dragged over it.
 * @csspart case-message - Instead of the case view: loading, or why the case could not be read.
 * @csspart case__nav - The row above the case: the back button, the export toolbar and "Delete case".
 * @csspart back - The button back to the case list.
 * @csspart export - The export toolbar (CTIM JSON, CSV, STIX 2.1, MISP).
 * @csspart drop-hint - "Drop to add to this case", while something is dragged over the case view.
 * @csspart case__title - The case's title: its heading and the title field.
 * @csspart case__meta - The TLP picker, its pending state and conflicts, and "Link to incident".
 * @csspart tlp-select - The case's TLP picker.
 * @csspart link - "Link to incident": its button, the chooser and the last result.
 * @csspart link__open - The button that opens the incident chooser.
 * @csspart link__chooser - The incident chooser (a form).
 * @csspart link__select - The list of incidents to link the case to.
 * @csspart link__status - The last link's result, or why linking is not possible.
 * @csspart field - An editable field (title, short description, description, a note).
 * @csspart field--title - The title field.
 * @csspart field--short-description - The short description field.
 * @csspart field--description - The description field (Markdown, shown rendered).
 * @csspart field__label - A field's name.
 * @csspart field__value - A field's value (not while it is edited).
 * @csspart placeholder - What an empty field shows instead of a value ("None yet").
 * @csspart field__edit - A field's Edit button.
 * @csspart field__pending - A field's pending state ("Not saved yet", "Saving…", "Refused…").
 * @csspart editor-box - A field being edited: its text box and the Save and Cancel buttons.
 * @csspart editor - The text box of a field being edited.
 * @csspart editor__buttons - The Save and Cancel buttons of a field being edited.
 * @csspart conflict - A conflict: both versions and the buttons that resolve it.
 * @csspart conflict__title - A conflict's heading ("Changed elsewhere meanwhile").
 * @csspart section - A section of the case view: investigation, observables, notes.
 * @csspart section__header - A section's heading row, with its buttons.
 * @csspart section__actions - The observables' toolbar: add, copy all, copy all defanged.
 * @csspart count - The number of observables beside their heading.
 * @csspart investigation - The "Investigate this case" section (`<pk-case-investigation>`, loaded on first use).
 * @csspart observables-section - The observables section: its header, the add box, the TLP red notice, the table.
 * @csspart observables - The observables table.
 * @csspart observable - One observable's row.
 * @csspart observable__type - An observable's type (in the table and in the add preview).
 * @csspart observable__value - An observable's value and where it was found.
 * @csspart observable__actions - An observable's buttons: pivot, copy, copy defanged, remove.
 * @csspart verdict - An observable's verdict.
 * @csspart verdict--none - An observable with no verdict yet (loading, or not enriched).
 * @csspart verdict__conflict - "Modules disagree", beside a disputed verdict.
 * @csspart provenance - Where an observable was found.
 * @csspart intake - The box that previews observables before they are added.
 * @csspart intake__summary - The preview's count of what will be added and what is already in the case.
 * @csspart intake__list - The preview's list of observables.
 * @csspart intake__already - An observable of the preview that the case already has.
 * @csspart intake__buttons - The box's buttons: find or add, ask the Inspect API, cancel.
 * @csspart notes - The notes.
 * @csspart note-list - The list of notes.
 * @csspart note - One note (it is a `field` too).
 * @csspart note__time - When a note was written.
 * @csspart note__body - A note's text.
 * @csspart toast - The "Deleted. Undo" notice.
 * @csspart message - An error or notice.
 * @csspart message--error - An error (`message message--error`).
 * @csspart message--warning - A notice that part of what was asked for is missing, e.g. cases that could not be read.
 * @csspart message--red - Why a TLP red case's observables are not enriched, and the button that enriches them.
 * @csspart signed-out - The signed-out prompt; `sign-in` is its button.
 * @csspart missing-scopes - Which scopes the casebook needs (it has the `note` part too).
 * @csspart button - Every button.
 * @csspart button--primary - The main button of a form or box: Save, Add, Find observables, Link.
 * @csspart button--danger - The "Delete case" button.
 * @csspart icon-button - An observable's small icon buttons (pivot, copy, copy defanged, remove).
 *
 * @cssproperty [--width=30rem] - The docked panel's width.
 * @cssproperty [--height=36rem] - The docked panel's height.
 * @cssproperty [--inset=1rem] - Distance of the docked button and panel from the corner.
 */
export class PkCasebook extends LitElement {
  static override styles = [tokens, markdownStyles, styles, droppedNoticeStyles];

  /** Docked: a corner button that opens the panel over the page. Otherwise the panel fills its host. */
  @property({ type: Boolean, reflect: true }) docked = false;

  /**
   * Leaves out the panel's "Casebook" heading, for a host whose own heading names the panel already (the ribbon's
   * panel does); the panel is then named by its `aria-label`.
   */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  /** Whether the docked panel is open (use `open()` and `close()`). Always shown when not docked. */
  @property({ type: Boolean, reflect: true, attribute: 'open' }) opened = false;

  /** The case shown; empty shows the list. Opening a case makes it the current case. */
  @property({ attribute: 'case-id' }) caseId = '';

  /** The SDK client; defaults to the page-wide one. */
  @property({ attribute: false }) client: PivotkitClient | undefined;

  /** Cases per page of the list. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Milliseconds to undo a deletion before it is sent. */
  @property({ type: Number, attribute: 'undo-delay' }) undoDelay = 5000;

  /**
   * The TLP of new cases made here, when it should differ from the `defaultTlp` setting (what `<pk-settings>`
   * writes, and what every element's new cases get). Unset follows the setting.
   */
  @property({ attribute: 'default-tlp' }) defaultTlp: Tlp | undefined;

  /** The outbox edits go through; by default the page's own. */
  @property({ attribute: false }) outbox: Outbox | undefined;

  @state() private _query = '';
  /**
   * What the search box holds, ahead of `_query` (which follows it 250 ms after the last key): a render while the
   * analyst types (a list load ending, say) puts this back in the box, never the older query.
   */
  #searchText = '';
  @state() private _offset = 0;
  @state() private _active = 0;
  @state() private _listVersion = 0;
  @state() private _caseVersion = 0;
  @state() private _editing: Editing | undefined;
  @state() private _intake: Intake | undefined;
  @state() private _drop: string | undefined;
  @state() private _deleting = new Map<string, { title: string; timer: ReturnType<typeof setTimeout> }>();
  @state() private _verdicts = new Map<string, VerdictRow>();
  /** The verdicts as the SDK derived them (what the exports carry). */
  #verdictsFull = new Map<string, ObservableVerdict>();
  @state() private _importErrors: string[] = [];
  @state() private _redConsent = new Set<string>();
  /** Whether the "Investigate this case" view is open (its element loads on first use). */
  @state() private _investigating = false;
  @state() private _currentId: string | null = null;

  readonly #l = new LocalizeController(this, casebookEn);
  readonly #settings = new StoreController(this, settings);
  readonly #exportBar = new ToolbarController(this, () => this.#buttonsIn('[part~="export"]'));
  readonly #observableBar = new ToolbarController(this, () =>
    this.#buttonsIn('[part~="observables-section"] [part~="section__actions"]'),
  );
  /** "Link to incident", loaded on its first use. */
  #incidentLink: IncidentLink | undefined;
  #off: (() => void)[] = [];
  /** The rows last read, by id: what a case view shows when the case's own reply cannot be read. */
  #rows = new Map<string, Casebook>();
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #focusAfter: string | undefined;

  get #client(): PivotkitClient | undefined {
    return this.client ?? pageClient();
  }

  get #outbox(): Outbox {
    return this.outbox ?? pageOutbox();
  }

  /** The cases of the page shown. */
  #list = new Task(this, {
    task: async ([client, query, offset, limit], { signal }) => {
      if (!client) return undefined;
      if (!client.session) await this.#signIn(client, signal);
      const page = await client.casebooks.list(
        { query: luceneQuery(query), limit, offset, sortBy: 'created', sortOrder: 'desc' },
        { signal },
      );
      for (const cb of page.items) {
        this.#rows.set(cb.id, cb);
        if (cb.title) caseTitles.remember(cb.id, cb.title);
      }
      // The offset this page was read at: while the next one loads, the range and the buttons still describe it.
      return { ...page, offset };
    },
    args: () => [this.#client, this._query, this._offset, this.pageSize, this._listVersion] as const,
  });

  /** The case shown, as the server has it. */
  #case = new Task(this, {
    task: async ([client, id], { signal }): Promise<Casebook | undefined> => {
      if (!id || isLocalCaseId(id)) return undefined;
      if (!client) return undefined;
      if (!client.session) await this.#signIn(client, signal);
      const cb = await client.casebooks.get(id, { signal });
      if (cb.title) caseTitles.remember(cb.id, cb.title);
      return cb;
    },
    args: () => [this.#client, this.caseId, this._caseVersion] as const,
  });

  /** Verdicts of the shown case's observables; progressive, per module. */
  #verdictTask = new Task(this, {
    task: async ([client, keys, tlp, consent], { signal }) => {
      if (!client || !keys || (tlp === 'red' && !consent) || !client.can('enrich')) return undefined;
      const obs = keys.split('\n').map((k) => {
        const i = k.indexOf(':');
        return { type: k.slice(0, i), value: k.slice(i + 1) };
      });
      const rows = new Map<string, VerdictRow>();
      const push = () => !signal.aborted && (this._verdicts = new Map(rows));
      const result = await client.enrich.deliberate(obs, {
        signal,
        mids: settings.get().mids,
        onModule: (m) => {
          for (const v of m.verdicts) {
            const k = okey(v.observable);
            const row = rows.get(k) ?? { modules: [], conflict: false };
            row.modules = [
              ...row.modules.filter((x) => x.module !== m.module),
              { module: m.module, disposition: v.disposition },
            ];
            const known = new Set(row.modules.map((x) => x.disposition).filter((d) => d !== 5));
            row.conflict = known.size > 1;
            rows.set(k, row);
          }
          push();
        },
      });
      for (const o of obs) {
        const v = result.verdictFor(o);
        if (!v) continue;
        rows.set(okey(o), { modules: v.modules, disposition: v.disposition, conflict: v.conflict });
        this.#verdictsFull.set(okey(o), v);
      }
      push();
      return result.errors;
    },
    args: () => {
      const cb = this.#shown;
      const keys = cb?.observables?.map(okey).join('\n') ?? '';
      // The modules of the `mids` setting answer; a change of it asks again.
      const mids = midsKey(this.#settings.value.mids);
      return [this.#client, keys, cb?.tlp ?? 'green', cb ? this._redConsent.has(cb.id) : false, mids] as const;
    },
  });

  /** Opens the docked panel. */
  open(): void {
    this.opened = true;
    void this.updateComplete.then(() => this.#focusFirst());
  }

  /** Closes the docked panel; focus returns to the corner button. */
  close(): void {
    if (!this.opened) return;
    this.#close();
  }

  /** The buttons of a toolbar (for its ToolbarController). */
  #buttonsIn(toolbar: string): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`${toolbar} button`)];
  }

  /** The user asked to close: a host may keep the panel open by cancelling `pk-request-close`. */
  #requestClose(source: 'escape' | 'close-button') {
    if (!this.dispatchEvent(new PkRequestCloseEvent({ source }))) return;
    this.#close();
  }

  #close() {
    this.opened = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="toggle"]')?.focus());
  }

  /** Sends queued edits now (they are otherwise retried on a timer and when the browser is back online). */
  retryPending(): Promise<void> {
    return this.#outbox.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._currentId = currentCaseRef.get()?.id ?? null;
    if (!this.caseId && this._currentId && !this.docked) this.caseId = this._currentId;
    sendPageOutboxWith(this.client);
    // Descriptions are Markdown: the renderer loads before the analyst opens a case, not with the panel.
    whenIdle(() => void loadMarkdown().catch(() => undefined));
    const ob = this.#outbox;
    this.#off = [
      subscribeClient(() => {
        this._listVersion++;
        this._caseVersion++;
      }),
      currentCaseRef.subscribe(() => (this._currentId = currentCaseRef.get()?.id ?? null)),
      ob.subscribe(() => this.requestUpdate()),
      ob.onServerChange((cases, created) => this.#onServerChange(cases, created)),
      caseChanges.subscribe((c) => {
        this._listVersion++;
        if (c.caseId === this.caseId && c.kind !== 'deleted') this._caseVersion++;
      }),
    ];
    document.addEventListener('pk-observable-pick', this.#onPick);
    document.addEventListener('pk-add-to-case', this.#onMenuAdd);
    void ob.ready.then(() => ob.flush());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#off) off();
    this.#off = [];
    document.removeEventListener('pk-observable-pick', this.#onPick);
    document.removeEventListener('pk-add-to-case', this.#onMenuAdd);
    // Deletions still waiting for their undo window are sent now: the analyst asked for them.
    for (const [id] of this._deleting) this.#commitDelete(id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) sendPageOutboxWith(this.client);
    // The case shown is the current case (the one the pivot menu adds to), however it was opened.
    if (changed.has('caseId') && this.caseId && !isLocalCaseId(this.caseId) && this._currentId !== this.caseId) {
      currentCaseRef.set({ id: this.caseId, title: this.#rows.get(this.caseId)?.title });
      this._currentId = this.caseId;
    }
  }

  protected override updated(): void {
    if (this.#focusAfter) {
      // What to focus may not be there yet (a case still loading): try again on the next render, until loaded.
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfter);
      if (target || (this.#case.status !== 1 && this.#list.status !== 1)) this.#focusAfter = undefined;
      target?.focus();
    }
  }

  #onServerChange(cases: string[], created: [string, string][]) {
    for (const [local, real] of created) {
      if (this.caseId !== local) continue;
      this.caseId = real;
      // A case becomes current once it exists on the server: the pivot menu adds to it directly.
      currentCaseRef.set({ id: real, title: this.#shown?.title });
    }
    this._listVersion++;
    if (cases.includes(this.caseId)) this._caseVersion++;
  }

  // ---- the case shown ----

  /** The case shown: the server's copy (or the list's, if the case's reply could not be read) with the queued edits. */
  get #shown(): Casebook | undefined {
    const id = this.caseId;
    if (!id) return undefined;
    const edits = this.#outbox.editsFor(id);
    let base: Casebook | undefined;
    if (isLocalCaseId(id)) {
      const create = edits.find((e) => e.edit.kind === 'create');
      base = create ? localCase(create) : undefined;
    } else base = this.#case.value ?? (this.#case.error ? this.#rows.get(id) : undefined);
    return base ? applyEdits(base, edits) : undefined;
  }

  #openCase(id: string) {
    this.caseId = this.#outbox.resolveId(id);
    this._editing = undefined;
    this._intake = undefined;
    this._verdicts = new Map();
    this.#incidentLink?.reset();
    this._investigating = false;
    const cb = this.#rows.get(this.caseId);
    if (!isLocalCaseId(this.caseId)) currentCaseRef.set({ id: this.caseId, title: cb?.title });
    this.#focusAfter = '[part~="case__title"] h2';
  }

  #backToList() {
    const id = this.caseId;
    this.caseId = '';
    this._editing = undefined;
    this._intake = undefined;
    this.#focusAfter = `[role="option"][data-id="${CSS.escape(id)}"]`;
  }

  async #enqueue(caseId: string, edit: CaseEdit) {
    const base = this.caseId === caseId ? this.#case.value?.modified : this.#rows.get(caseId)?.modified;
    await this.#outbox.enqueue(caseId, edit, base);
  }

  async #createCase(observables: Observable[] = [], title?: string) {
    const id = `${LOCAL_CASE_PREFIX}${crypto.randomUUID()}`;
    const t = this.#l.t;
    const tlp = await this.#defaultTlp();
    await this.#outbox.enqueue(id, {
      kind: 'create',
      input: { title: title ?? t.untitledCase, tlp, observables, texts: [] },
    });
    this.#openCase(id);
    return id;
  }

  // ---- deleting, with undo ----

  #deleteCase(id: string) {
    const title = this.#rows.get(id)?.title ?? this.#shown?.title ?? id;
    const timer = setTimeout(() => this.#commitDelete(id), this.undoDelay);
    this._deleting = new Map(this._deleting).set(id, { title, timer });
    if (this.caseId === id) this.caseId = '';
    if (this._currentId === id) currentCaseRef.set(null);
    this.#say(this.#l.t.deletedCase(title));
    this.#focusAfter = '[part~="toast"] button';
  }

  #undoDelete(id: string) {
    const d = this._deleting.get(id);
    if (!d) return;
    clearTimeout(d.timer);
    const next = new Map(this._deleting);
    next.delete(id);
    this._deleting = next;
    this.#say(this.#l.t.undone);
    this.#focusAfter = `[role="option"][data-id="${CSS.escape(id)}"]`;
  }

  #commitDelete(id: string) {
    const d = this._deleting.get(id);
    if (!d) return;
    clearTimeout(d.timer);
    const next = new Map(this._deleting);
    next.delete(id);
    this._deleting = next;
    void this.#enqueue(id, { kind: 'delete' });
  }

  // ---- adding observables ----

  /** Adds observables to a case (through the outbox), with their provenance when they came from this page. */
  async #add(caseId: string, observables: Observable[], provenance?: Provenance) {
    if (!observables.length) return;
    await this.#enqueue(caseId, { kind: 'add-observables', observables });
    if (provenance) {
      const tlp =
        (caseId === this.caseId ? this.#shown?.tlp : this.#rows.get(caseId)?.tlp) ?? (await this.#defaultTlp());
      const sightings = observables.flatMap((o) => provenanceBundle(o, provenance, tlp)['sightings'] as unknown[]);
      await this.#enqueue(caseId, { kind: 'bundle', bundle: { sightings } });
    }
    const title =
      (caseId === this.caseId ? this.#shown?.title : this.#rows.get(caseId)?.title) || this.#l.t.untitledCase;
    this.#say(this.#l.t.addedN(observables.length, title));
  }

  /** Shows what adding `found` would do, before doing it. */
  #preview(caseId: string, found: Observable[], provenance?: Provenance, text = '') {
    const existing =
      caseId === this.caseId ? (this.#shown?.observables ?? []) : (this.#rows.get(caseId)?.observables ?? []);
    this._intake = { caseId, text, preview: previewIntake(found, existing), provenance };
    this.#focusAfter = '[part~="intake"] [data-action="confirm"], [part~="intake"] [data-action="cancel"]';
  }

  async #detect(text: string, caseId: string) {
    this._intake = { ...(this._intake ?? { caseId }), text, busy: 'detect', error: undefined };
    const found = await detectInText(text);
    this.#preview(caseId, found, undefined, text);
    if (!found.length) this._intake = { caseId, text, error: this.#l.t.nothingFound };
  }

  async #inspect() {
    const intake = this._intake;
    const client = this.#client;
    if (!intake || !client) return;
    this._intake = { ...intake, busy: 'inspect', error: undefined };
    try {
      const found = await client.inspect(intake.text);
      this.#preview(intake.caseId, found, undefined, intake.text);
    } catch (e) {
      this._intake = { ...intake, busy: undefined, error: this.#l.t.inspectFailed(message(e)) };
    }
  }

  #provenanceFrom(source: Element | null | undefined, o: Observable): Provenance {
    let context = '';
    // The page's own text around it: out of the shadow roots the source sits in (the pivot button of a
    // <pk-observable>), then up to the nearest block.
    let el: Element | null | undefined = source;
    while (el && el.getRootNode() instanceof ShadowRoot) el = (el.getRootNode() as ShadowRoot).host;
    const block = el?.closest?.('p, li, td, dd, blockquote, pre, h1, h2, h3, h4, div');
    const text = (block?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) {
      const i = Math.max(0, text.indexOf(o.value));
      context = text.slice(Math.max(0, i - 100), i + o.value.length + 100);
    }
    return { url: location.href, title: document.title, context, time: new Date().toISOString() };
  }

  #dragOver(e: DragEvent, target: string) {
    if (!isObservableDrag(e.dataTransfer)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    if (this._drop !== target) this._drop = target;
  }

  #dragLeave(e: DragEvent, target: string) {
    const to = e.relatedTarget as Node | null;
    if (to && (e.currentTarget as Node).contains(to)) return;
    if (this._drop === target) this._drop = undefined;
  }

  async #dropOn(e: DragEvent, caseId: string | undefined) {
    this._drop = undefined;
    if (!e.dataTransfer) return;
    const got = readDrop(e.dataTransfer);
    if (!got) return;
    e.preventDefault();
    e.stopPropagation();
    const target = caseId ?? (await this.#createCase());
    if ('observables' in got) {
      // Dragged from the page: the source element is not known to the drop, so the page itself is the provenance.
      this.#preview(target, got.observables, this.#provenanceFrom(null, got.observables[0]!));
    } else await this.#detect(got.text, target);
  }

  #onPick = (e: PkObservablePickEvent) => {
    // Every casebook on the page hears the pick on the document: the first that can take it does.
    if (e.defaultPrevented) return;
    const id = this.caseId || this._currentId;
    if (!id || (this.docked && !this.opened)) return;
    e.preventDefault();
    const o = e.detail.observable;
    const src = e.composedPath()[0] as Element | undefined;
    void this.#add(id, [o], this.#provenanceFrom(src instanceof Element ? src : (e.target as Element), o));
  };

  /**
   * The pivot menu's "Add to current / new case": the menu adds through the page's outbox itself (and says so);
   * the panel keeps where the observable was found (for the current case).
   */
  #onMenuAdd = (e: PkAddToCaseEvent) => {
    const { observable: o, caseId } = e.detail;
    const menu = e.target as (HTMLElement & { anchor?: HTMLElement }) | null;
    if (caseId && !e.defaultPrevented) {
      const provenance = this.#provenanceFrom(menu?.anchor, o);
      const known = caseId === this.caseId ? this.#shown?.tlp : this.#rows.get(caseId)?.tlp;
      void (async () => {
        const tlp = known ?? (await this.#defaultTlp());
        await this.#enqueue(caseId, { kind: 'bundle', bundle: provenanceBundle(o, provenance, tlp) });
      })();
    }
    // The menu's own write goes through the page's outbox: it shows here as pending at once (with the page's
    // outbox), and its caseChanges notice reads the case again once the server has it.
  };

  #onPaste(e: ClipboardEvent) {
    const path = e.composedPath();
    if (path.some((n) => n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement)) return;
    const id = this.caseId;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!id || !text.trim()) return;
    e.preventDefault();
    void this.#detect(text, id);
  }

  // ---- editing ----

  #startEdit(key: string, value: string) {
    this._editing = { key, draft: value };
    this.#focusAfter = '[part~="editor"]';
  }

  #cancelEdit(key: string) {
    this._editing = undefined;
    this.#focusAfter = `[data-edit="${CSS.escape(key)}"]`;
  }

  async #saveEdit(key: string) {
    const cb = this.#shown;
    const ed = this._editing;
    if (!cb || !ed || ed.key !== key) return;
    this._editing = undefined;
    this.#focusAfter = `[data-edit="${CSS.escape(key)}"]`;
    const value = ed.draft;
    if (key === 'new-note') {
      this.#focusAfter = '[data-edit="new-note"]';
      if (value.trim()) await this.#enqueue(cb.id, { kind: 'add-text', text: makeNote(value) });
      return;
    }
    if (key.startsWith('note:')) {
      const note = cb.texts?.[Number(key.slice(5))];
      if (note && readNote(note).body !== value)
        await this.#enqueue(cb.id, { kind: 'edit-text', from: note, to: editNote(note, value) });
      return;
    }
    const field = key as CaseField;
    const before = cb[field];
    if ((before ?? '') !== value) {
      const server = this.#case.value?.[field];
      await this.#enqueue(cb.id, {
        kind: 'field',
        field,
        value,
        base: typeof server === 'string' ? server : undefined,
      });
    }
  }

  #editorKeydown(e: KeyboardEvent, key: string, multiline: boolean) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.#cancelEdit(key);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !multiline)) {
      e.preventDefault();
      void this.#saveEdit(key);
    }
  }

  async #setTlp(cb: Casebook, tlp: Tlp) {
    if ((cb.tlp ?? 'green') === tlp) return;
    const server = this.#case.value?.tlp;
    await this.#enqueue(cb.id, { kind: 'field', field: 'tlp', value: tlp, base: server });
  }

  async #copy(values: string[]) {
    try {
      await navigator.clipboard.writeText(values.join('\n'));
      this.#say(this.#l.t.copiedN(values.length));
    } catch {
      this.#say(this.#l.t.copyFailed);
    }
  }

  /** Signs in through the page's session when the client is the page's (so every element sees it). */
  async #signIn(client: PivotkitClient, signal: AbortSignal) {
    if (client === pageClient()) {
      if (!(await session.signIn({ signal }))) throw session.get().error ?? new Error(this.#l.t.signedOut);
    } else await client.signIn({ signal });
  }

  /** The TLP of new cases: `default-tlp` when set, else the setting (its module loaded on the first new case). */
  async #defaultTlp(): Promise<Tlp> {
    if (this.defaultTlp && TLPS.includes(this.defaultTlp)) return this.defaultTlp;
    const { newCaseTlp } = await import('../../state/settings.js');
    return newCaseTlp();
  }

  /** Offers the case as a file in `format` (the exporters load on first use). */
  async #export(cb: Casebook, format: 'ctim' | 'csv' | 'stix' | 'misp') {
    const { exportCase } = await import('./export/index.js');
    const file = exportCase(format, { casebook: cb, verdicts: this.#verdictsFull, provenance: provenanceOf(cb) });
    const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.#say(this.#l.t.exported(file.filename));
  }

  /** Creates a case from a CTIM casebook file; a bad file imports nothing and says what is wrong. */
  async #import(file: File) {
    const { parseCasebookImport } = await import('./export/index.js');
    const r = parseCasebookImport(await file.text());
    if (!r.ok) {
      this._importErrors = r.errors;
      this.#say(this.#l.t.importFailed);
      return;
    }
    this._importErrors = [];
    const id = `${LOCAL_CASE_PREFIX}${crypto.randomUUID()}`;
    // A file without a TLP gets the one new cases get.
    await this.#outbox.enqueue(id, { kind: 'create', input: { tlp: await this.#defaultTlp(), ...r.casebook } });
    this.#say(this.#l.t.imported(r.casebook.title || this.#l.t.untitledCase));
    this.#openCase(id);
  }

  async #pivot(anchor: HTMLElement, o: Observable) {
    // The menu (and floating-ui) load on the first pivot, not with the panel.
    const { openPivotMenu } = await import('../pivot-menu/shared.js');
    openPivotMenu({ anchor, observable: o, client: this.#client });
  }

  #say(text: string) {
    announce(text);
  }

  #errorText(e: unknown): string {
    if (isPivotkitError(e, 'ScopeError')) return this.#l.t.pendingScope(e.missingScopes);
    return message(e);
  }

  #focusFirst() {
    const el =
      this.renderRoot.querySelector<HTMLElement>('[part~="case__title"] h2') ??
      this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
    el?.focus();
  }

  // ---- rendering: list ----

  #rowsShown(page: Page<Casebook> | undefined): Casebook[] {
    const local = this.#outbox.edits
      .filter((e) => e.edit.kind === 'create')
      .map((e) => localCase(e))
      .filter((c): c is Casebook => !!c);
    const server = (page?.items ?? []).map((cb) => applyEdits(cb, this.#outbox.editsFor(cb.id)));
    return [...(this._offset === 0 && !this._query ? local : []), ...server].filter(
      (c): c is Casebook => !!c && !this._deleting.has(c.id),
    );
  }

  #listKeydown(e: KeyboardEvent, rows: Casebook[]) {
    const max = rows.length - 1;
    let next = this._active;
    switch (e.key) {
      case 'ArrowDown':
        next = Math.min(max, next + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, next - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = max;
        break;
      case 'Enter':
      case ' ': {
        e.preventDefault();
        const cb = rows[this._active];
        if (cb) this.#openCase(cb.id);
        return;
      }
      case 'Delete': {
        e.preventDefault();
        const cb = rows[this._active];
        if (cb) this.#deleteCase(cb.id);
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    this._active = next;
    this.#focusAfter = `[role="option"][data-index="${next}"]`;
  }

  #renderList(): TemplateResult {
    const t = this.#l.t;
    const page = this.#list.value;
    const rows = this.#rowsShown(page);
    if (this._active > rows.length - 1) this._active = Math.max(0, rows.length - 1);
    const loading = this.#list.status === 1;
    const error = this.#list.error;
    const total = page?.total;
    const shownAt = page?.offset ?? this._offset;
    const from = shownAt + 1;
    // A dropped item still takes its place in the service's paging.
    const to = shownAt + (page?.items.length ?? 0) + (page?.dropped?.length ?? 0);
    const dropped = page?.dropped?.length ?? 0;
    return html`<div part="list-view">
      <div part="toolbar">
        <input
          part="search"
          type="search"
          aria-label=${t.searchCases}
          placeholder=${t.searchCases}
          .value=${live(this.#searchText)}
          @input=${(e: InputEvent) => {
            const v = (e.target as HTMLInputElement).value;
            this.#searchText = v;
            clearTimeout(this.#searchTimer);
            this.#searchTimer = setTimeout(() => {
              this._query = v;
              this._offset = 0;
              this._active = 0;
            }, 250);
          }}
        />
        <button part="button new-case" type="button" @click=${() => void this.#createCase()}>${t.newCase}</button>
      </div>
      ${
        error && !loading
          ? html`<p part="message message--error" role="alert">
              ${t.casesFailed(this.#errorText(error))}
              <button part="button" type="button" @click=${() => this._listVersion++}>${t.retry}</button>
            </p>`
          : nothing
      }
      ${loading && !page ? html`<p part="message">${t.loadingCases}</p>` : nothing}
      ${error ? nothing : droppedNotice(page, t.casesDropped)}
      ${
        !loading && !error && page && rows.length === 0 && !dropped
          ? html`<p part="message">${this._query ? t.noMatches(this._query) : t.noCases}</p>`
          : nothing
      }
      <div part="import">
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void this.#import(file);
          }}
        />
        <label part="button import" for="import-file">${t.importCase}</label>
      </div>
      ${
        this._importErrors.length
          ? html`<div part="message message--error" role="alert">
              <p>${t.importFailed}</p>
              <ul>
                ${this._importErrors.map((e) => html`<li>${e}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${this._intake ? this.#renderIntake() : nothing}
      <div
        part="list"
        role="listbox"
        aria-label=${t.cases}
        aria-busy=${loading ? 'true' : 'false'}
        @keydown=${(e: KeyboardEvent) => this.#listKeydown(e, rows)}
        ?hidden=${rows.length === 0}
      >
        ${repeat(
          rows,
          (cb) => cb.id,
          (cb, i) => this.#renderRow(cb, i),
        )}
      </div>
      ${
        page && (page.next || shownAt > 0)
          ? html`<div part="pager">
              <button
                part="button"
                type="button"
                ?disabled=${loading || shownAt === 0}
                @click=${() => {
                  this._offset = Math.max(0, shownAt - this.pageSize);
                  this._active = 0;
                }}
              >
                ${t.previousPage}
              </button>
              <span role="status">${t.pageRange(from, to, total)}</span>
              <button
                part="button"
                type="button"
                ?disabled=${loading || !page.next}
                @click=${() => {
                  this._offset = page.next?.offset ?? shownAt + this.pageSize;
                  this._active = 0;
                }}
              >
                ${t.nextPage}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  #renderRow(cb: Casebook, i: number): TemplateResult {
    const t = this.#l.t;
    const current = cb.id === this._currentId;
    const drop = this._drop === cb.id;
    const pending = this.#outbox.editsFor(cb.id).length;
    const title = cb.title || t.untitledCase;
    const parts = ['row', current ? 'row--current' : '', drop ? 'row--drop' : ''].filter(Boolean).join(' ');
    const when = cb.modified ?? cb.created;
    return html`<div
      role="option"
      part=${parts}
      data-id=${cb.id}
      data-index=${i}
      tabindex=${i === this._active ? '0' : '-1'}
      aria-selected=${current ? 'true' : 'false'}
      @click=${() => {
        this._active = i;
        this.#openCase(cb.id);
      }}
      @focus=${() => (this._active = i)}
      @dragover=${(e: DragEvent) => this.#dragOver(e, cb.id)}
      @dragleave=${(e: DragEvent) => this.#dragLeave(e, cb.id)}
      @drop=${(e: DragEvent) => void this.#dropOn(e, cb.id)}
    >
      <span part="row__title">${title}</span>
      <span part="row__meta">
        <span>${t.nObservables(cb.observables?.length ?? 0)}</span>
        ${this.#tlp(cb.tlp ?? 'green')}
        ${when ? html`<time datetime=${when} title=${when}>${t.changedAt(relativeTime(when))}</time>` : nothing}
        ${current ? html`<span part="badge">${t.currentCaseBadge}</span>` : nothing}
        ${pending ? html`<span part="badge badge--pending">${t.pendingCount(pending)}</span>` : nothing}
      </span>
      ${drop ? html`<span part="row__drop">${t.dropOnCase(title)}</span>` : nothing}
    </div>`;
  }

  #tlp(tlp: string): TemplateResult {
    return html`<span part="tlp tlp--${tlp}" data-tlp=${tlp}>${this.#l.t.caseTlp(tlp)}</span>`;
  }

  // ---- rendering: case ----

  #pendingOf(cb: Casebook, key: string): QueuedEdit[] {
    return this.#outbox.editsFor(cb.id).filter((e) => pendingKey(e.edit) === key);
  }

  #pendingLabel(edits: QueuedEdit[]): TemplateResult | typeof nothing {
    const t = this.#l.t;
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
          ? html`<button part="button" type="button" @click=${() => void this.#outbox.retry(worst.seq)}>
                ${t.retryNow}</button
              ><button part="button" type="button" @click=${() => void this.#outbox.discard(worst.seq)}>
                ${t.discard}
              </button>`
          : nothing
      }</span
    >`;
  }

  #renderConflicts(cb: Casebook, key: string, mine: (e: QueuedEdit) => string): TemplateResult[] {
    const t = this.#l.t;
    return this.#pendingOf(cb, key)
      .filter((e) => e.status === 'conflict')
      .map((e) => {
        const theirs = e.conflict?.theirs;
        return html`<div part="conflict" role="group" aria-label=${t.conflictTitle}>
          <p part="conflict__title">${t.conflictTitle}</p>
          <dl>
            <dt>${t.conflictTheirs}</dt>
            <dd data-version="theirs">${typeof theirs === 'string' ? theirs : t.noteRemovedElsewhere}</dd>
            <dt>${t.conflictMine}</dt>
            <dd data-version="mine">${mine(e)}</dd>
          </dl>
          <button part="button" type="button" data-action="keep-mine" @click=${() => void this.#outbox.keepMine(e.seq)}>
            ${t.keepMine}
          </button>
          <button
            part="button"
            type="button"
            data-action="keep-theirs"
            @click=${async () => {
              await this.#outbox.discard(e.seq);
              this._caseVersion++;
            }}
          >
            ${t.keepTheirs}
          </button>
        </div>`;
      });
  }

  #field(
    cb: Casebook,
    key: 'title' | 'short_description' | 'description',
    label: string,
    display: (v: string) => unknown,
    multiline: boolean,
  ): TemplateResult {
    const t = this.#l.t;
    const value = cb[key] ?? '';
    const editing = this._editing?.key === key;
    const fieldEdit = (e: QueuedEdit) => (e.edit.kind === 'field' ? e.edit.value : '');
    // Parts are kebab-case; the key stays CTIM's (`short_description`) in `data-field` and in the edits.
    const name = key.replaceAll('_', '-');
    return html`<div part="field field--${name}" data-field=${key}>
      <div part="field__label" id=${`label-${key}`}>${label}</div>
      ${editing ? this.#editor(key, label, multiline) : html`<div part="field__value">${value ? display(value) : html`<span part="placeholder">${t.empty}</span>`}</div>`}
      ${
        editing
          ? nothing
          : html`<button
              part="button field__edit"
              type="button"
              data-edit=${key}
              aria-label=${t.edit(label)}
              @click=${() => this.#startEdit(key, value)}
            >
              ${t.edit(label)}
            </button>`
      }
      ${this.#pendingLabel(this.#pendingOf(cb, key))} ${this.#renderConflicts(cb, key, fieldEdit)}
    </div>`;
  }

  #editor(key: string, label: string, multiline: boolean): TemplateResult {
    const t = this.#l.t;
    const draft = this._editing?.draft ?? '';
    const onInput = (e: InputEvent) => {
      if (this._editing) this._editing = { ...this._editing, draft: (e.target as HTMLTextAreaElement).value };
    };
    const box = multiline
      ? html`<textarea
          part="editor"
          aria-label=${label}
          aria-describedby="edit-help"
          rows="5"
          .value=${live(draft)}
          @input=${onInput}
          @keydown=${(e: KeyboardEvent) => this.#editorKeydown(e, key, true)}
        ></textarea>`
      : html`<input
          part="editor"
          aria-label=${label}
          aria-describedby="edit-help"
          .value=${live(draft)}
          @input=${onInput}
          @keydown=${(e: KeyboardEvent) => this.#editorKeydown(e, key, false)}
        />`;
    return html`<div part="editor-box">
      ${box}
      <div part="editor__buttons">
        <button part="button button--primary" type="button" @click=${() => void this.#saveEdit(key)}>${t.save}</button>
        <button part="button" type="button" @click=${() => this.#cancelEdit(key)}>${t.cancel}</button>
      </div>
    </div>`;
  }

  #renderCase(): TemplateResult {
    const t = this.#l.t;
    const cb = this.#shown;
    const err = this.#case.error;
    const back = html`<button part="button back" type="button" @click=${() => this.#backToList()}>
      ← ${t.allCases}
    </button>`;
    if (!cb) {
      // Anything but a failed read is "loading" (a case id that just changed has not started its read yet).
      if (this.#case.status !== 3)
        return html`<div part="case-message">
          ${back}
          <p part="message">${t.loadingCase}</p>
        </div>`;
      const gone = isPivotkitError(err, 'NotFoundError');
      return html`<div part="case-message">
        ${back}
        <p part="message message--error" role="alert">
          ${gone ? t.caseGone : t.caseFailed(this.#errorText(err))}
          ${gone ? nothing : html`<button part="button" type="button" @click=${() => this._caseVersion++}>${t.retry}</button>`}
        </p>
      </div>`;
    }
    const malformed = err && isPivotkitError(err, 'ApiShapeError');
    const drop = this._drop === 'case';
    return html`<div
      part=${drop ? 'case case--drop' : 'case'}
      @dragover=${(e: DragEvent) => this.#dragOver(e, 'case')}
      @dragleave=${(e: DragEvent) => this.#dragLeave(e, 'case')}
      @drop=${(e: DragEvent) => void this.#dropOn(e, cb.id)}
      @paste=${(e: ClipboardEvent) => this.#onPaste(e)}
    >
      <div part="case__nav">
        ${back}
        <div
          part="export"
          role="toolbar"
          aria-label=${t.exportAs}
          @keydown=${this.#exportBar.handleKeydown}
          @focusin=${this.#exportBar.handleFocusin}
        >
          <span aria-hidden="true">${t.exportAs}:</span>
          ${(['ctim', 'csv', 'stix', 'misp'] as const).map(
            (f) =>
              html`<button part="button" type="button" data-export=${f} @click=${() => void this.#export(cb, f)}>
                ${t.exportFormat(f)}
              </button>`,
          )}
        </div>
        <button part="button button--danger" type="button" @click=${() => this.#deleteCase(cb.id)}>
          ${t.deleteCase}
        </button>
      </div>
      ${
        malformed
          ? html`<p part="message message--error" role="alert">
              ${t.caseMalformed(message(err))}
              <button part="button" type="button" @click=${() => this._caseVersion++}>${t.retry}</button>
            </p>`
          : err
            ? html`<p part="message message--error" role="alert">${t.caseFailed(this.#errorText(err))}</p>`
            : nothing
      }
      ${drop ? html`<p part="drop-hint">${t.dropHere}</p>` : nothing}
      <div part="case__title">
        <h2 tabindex="-1">${cb.title || t.untitledCase}</h2>
        ${this.#field(cb, 'title', t.title, (v) => v, false)}
      </div>
      <div part="case__meta">
        <label>
          ${t.tlpLabel}
          <select
            part="tlp-select"
            .value=${live(cb.tlp ?? 'green')}
            @change=${(e: Event) => void this.#setTlp(cb, (e.target as HTMLSelectElement).value as Tlp)}
          >
            ${TLPS.map((x) => html`<option value=${x} ?selected=${(cb.tlp ?? 'green') === x}>${t.caseTlp(x)}</option>`)}
          </select>
        </label>
        ${this.#pendingLabel(this.#pendingOf(cb, 'tlp'))}
        ${this.#renderConflicts(cb, 'tlp', (e) => (e.edit.kind === 'field' ? e.edit.value : ''))}
        ${this.#renderLink(cb)}
      </div>
      ${this.#field(cb, 'short_description', t.shortDescription, (v) => v, false)}
      ${this.#field(cb, 'description', t.description, (v) => renderDescription(v, t.opensInNewTab, () => this.requestUpdate()), true)}
      ${this.#renderInvestigation(cb)} ${this.#renderObservables(cb)} ${this.#renderNotes(cb)}
    </div>`;
  }

  #renderInvestigation(cb: Casebook): TemplateResult {
    const t = this.#l.t;
    return html`<div part="section investigation">
      <div part="section__header">
        <h3 id="inv-h">${t.investigate}</h3>
        <button
          part="button"
          type="button"
          aria-expanded=${this._investigating ? 'true' : 'false'}
          ?disabled=${!cb.observables?.length}
          @click=${async () => {
            if (!this._investigating) await import('./investigate/pk-case-investigation.js');
            this._investigating = !this._investigating;
          }}
        >
          ${this._investigating ? t.close : t.investigate}
        </button>
      </div>
      ${
        this._investigating
          ? html`<pk-case-investigation
              .casebook=${cb}
              .client=${this.#client}
              heading-level="4"
            ></pk-case-investigation>`
          : nothing
      }
    </div>`;
  }

  /** "Link to incident" (its chooser loads on the first use), or why it is not possible. */
  #renderLink(cb: Casebook): TemplateResult | typeof nothing {
    const t = this.#l.t;
    const client = this.#client as Partial<PivotkitApiClient> | undefined;
    if (!client?.incidents?.linkCasebook || isLocalCaseId(cb.id)) return nothing;
    if (client.session && client.can && !client.can('link-casebook'))
      return html`<div part="link">
        <span part="link__status">${t.linkNeedsScopes(client.missingScopes?.('link-casebook') ?? [])}</span>
      </div>`;
    const link = this.#incidentLink;
    return html`<div part="link">
      <button
        part="button link__open"
        type="button"
        aria-expanded=${link?.open ? 'true' : 'false'}
        @click=${async () => {
          const { IncidentLink } = await import('./incident-link.js');
          this.#incidentLink ??= new IncidentLink(this, { client: () => this.#client, t: () => this.#l.t });
          this.#incidentLink.show(!this.#incidentLink.open);
        }}
      >
        ${t.linkIncident}
      </button>
      ${link?.render(cb) ?? nothing}
    </div>`;
  }

  #renderVerdict(o: Observable): TemplateResult {
    const t = this.#l.t;
    const row = this._verdicts.get(okey(o));
    if (!row || (!row.modules.length && row.disposition === undefined)) {
      return html`<span part="verdict verdict--none"
        >${this.#verdictTask.status === 1 ? t.verdictsLoading : t.notEnriched}</span
      >`;
    }
    const d =
      row.disposition ?? row.modules.reduce<Disposition>((acc, m) => (m.disposition < acc ? m.disposition : acc), 5);
    return html`<span part="verdict">
      <pk-verdict-badge
        .disposition=${row.conflict ? 5 : d}
        label=${row.conflict ? t.disputed : ''}
        title=${t.moduleVerdicts(row.modules.map((m) => ({ module: m.module, dispositionName: t.dispositionName(m.disposition) })))}
      ></pk-verdict-badge>
      ${row.conflict ? html`<span part="verdict__conflict">${t.modulesDisagree}</span>` : nothing}
      <span class="visually-hidden">
        ${row.modules.map((m) => `${m.module}: ${t.dispositionName(m.disposition)}`).join('; ')}
      </span>
    </span>`;
  }

  #renderObservables(cb: Casebook): TemplateResult {
    const t = this.#l.t;
    const list = cb.observables ?? [];
    const prov = provenanceOf(cb);
    const red = (cb.tlp ?? 'green') === 'red' && !this._redConsent.has(cb.id);
    return html`<section part="section observables-section" aria-labelledby="obs-h">
      <div part="section__header">
        <h3 id="obs-h">${t.observables} <span part="count">(${list.length})</span></h3>
        <div
          part="section__actions"
          role="toolbar"
          aria-labelledby="obs-h"
          @keydown=${this.#observableBar.handleKeydown}
          @focusin=${this.#observableBar.handleFocusin}
        >
          <button
            part="button"
            type="button"
            data-action="add-observables"
            @click=${() => {
              this._intake = { caseId: cb.id, text: '' };
              this.#focusAfter = '[part~="intake"] textarea';
            }}
          >
            ${t.addObservables}
          </button>
          <button
            part="button"
            type="button"
            ?disabled=${!list.length}
            @click=${() => void this.#copy(list.map((o) => o.value))}
          >
            ${t.copyAll}
          </button>
          <button
            part="button"
            type="button"
            ?disabled=${!list.length}
            @click=${() => void this.#copy(list.map((o) => defang(o)))}
          >
            ${t.copyAllDefanged}
          </button>
        </div>
      </div>
      ${this._intake?.caseId === cb.id ? this.#renderIntake() : nothing}
      ${
        red && list.length
          ? html`<div part="message message--red" role="note">
              <p>${t.redNoEnrich}</p>
              <button
                part="button"
                type="button"
                aria-describedby="red-detail"
                @click=${() => (this._redConsent = new Set(this._redConsent).add(cb.id))}
              >
                ${t.enrichRed}
              </button>
              <span id="red-detail">${t.enrichRedDetail(list.length)}</span>
            </div>`
          : nothing
      }
      ${this.#pendingLabel(this.#pendingOf(cb, 'observables'))}
      ${
        list.length
          ? html`<table part="observables">
              <thead>
                <tr>
                  <th scope="col">${t.typeColumn}</th>
                  <th scope="col">${t.valueColumn}</th>
                  <th scope="col">${t.verdictColumn}</th>
                  <th scope="col">${t.actionsColumn}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(list, okey, (o) => {
                  const from = prov.get(okey(o))?.[0];
                  return html`<tr part="observable" data-key=${okey(o)}>
                    <td part="observable__type">${t.observableType(o.type)}</td>
                    <td part="observable__value">
                      <span class="value">${o.value}</span>
                      ${
                        from
                          ? html`<span part="provenance" title=${from.context}>${t.from(from.title || from.url)}</span>`
                          : nothing
                      }
                    </td>
                    <td>${this.#renderVerdict(o)}</td>
                    <td part="observable__actions">
                      <button
                        part="button icon-button"
                        type="button"
                        aria-haspopup="menu"
                        aria-label=${t.pivotFor(o.value)}
                        title=${t.pivotFor(o.value)}
                        @click=${(e: Event) => void this.#pivot(e.currentTarget as HTMLElement, o)}
                      >
                        ▾
                      </button>
                      <button
                        part="button icon-button"
                        type="button"
                        aria-label=${t.copyOne(o.value)}
                        title=${t.copyOne(o.value)}
                        @click=${() => void this.#copy([o.value])}
                      >
                        ${COPY_ICON}
                      </button>
                      <button
                        part="button icon-button"
                        type="button"
                        aria-label=${t.copyOneDefanged(o.value)}
                        title=${t.copyOneDefanged(o.value)}
                        @click=${() => void this.#copy([defang(o)])}
                      >
                        [.]
                      </button>
                      <button
                        part="button icon-button"
                        type="button"
                        aria-label=${t.removeObservable(o.value)}
                        title=${t.removeObservable(o.value)}
                        @click=${() => void this.#enqueue(cb.id, { kind: 'remove-observables', observables: [o] })}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
          : html`<p part="message">${t.noObservables}</p>`
      }
    </section>`;
  }

  #renderIntake(): TemplateResult {
    const t = this.#l.t;
    const intake = this._intake!;
    const p = intake.preview;
    const client = this.#client;
    const canInspect = !!client?.session && client.can('inspect');
    return html`<div part="intake" role="group" aria-labelledby="intake-h">
      <h4 id="intake-h">
        ${t.addObservablesTo(intake.caseId === this.caseId ? (this.#shown?.title ?? '') : (this.#rows.get(intake.caseId)?.title ?? ''))}
      </h4>
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
                @input=${(e: InputEvent) => (this._intake = { ...intake, text: (e.target as HTMLTextAreaElement).value })}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Escape') {
                    e.stopPropagation();
                    this._intake = undefined;
                  } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    void this.#detect(intake.text, intake.caseId);
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
                  this._intake = undefined;
                  await this.#add(intake.caseId, p.add, intake.provenance);
                  this.#focusAfter = '[data-action="add-observables"]';
                }}
              >
                ${t.addN(p.add.length)}
              </button>`
            : html`<button
                part="button button--primary"
                type="button"
                ?disabled=${!intake.text.trim()}
                @click=${() => void this.#detect(intake.text, intake.caseId)}
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
            this._intake = undefined;
            this.#focusAfter = '[data-action="add-observables"]';
          }}
        >
          ${t.cancel}
        </button>
      </div>
    </div>`;
  }

  #renderNotes(cb: Casebook): TemplateResult {
    const t = this.#l.t;
    const texts = cb.texts ?? [];
    const pending = this.#pendingOf(cb, 'texts');
    return html`<section part="section notes" aria-labelledby="notes-h">
      <h3 id="notes-h">${t.notes}</h3>
      ${this.#pendingLabel(pending)}
      ${this.#renderConflicts(cb, 'texts', (e) => (e.edit.kind === 'edit-text' ? readNote(e.edit.to).body : ''))}
      ${
        texts.length
          ? html`<ol part="note-list">
              ${texts.map((note, i) => {
                const { time, body } = readNote(note);
                const key = `note:${i}`;
                return html`<li part="note field">
                  ${time ? html`<time part="note__time" datetime=${time} title=${time}>${relativeTime(time)}</time>` : nothing}
                  ${
                    this._editing?.key === key
                      ? this.#editor(key, t.notes, true)
                      : html`<div part="note__body">${body}</div>
                          <button
                            part="button"
                            type="button"
                            data-edit=${key}
                            aria-label=${t.edit(t.notes)}
                            @click=${() => this.#startEdit(key, body)}
                          >
                            ${t.edit(t.notes)}
                          </button>
                          <button
                            part="button"
                            type="button"
                            @click=${() => void this.#enqueue(cb.id, { kind: 'remove-text', text: note })}
                          >
                            ${t.deleteNote}
                          </button>`
                  }
                </li>`;
              })}
            </ol>`
          : html`<p part="message">${t.noNotes}</p>`
      }
      ${
        this._editing?.key === 'new-note'
          ? this.#editor('new-note', t.newNote, true)
          : html`<button
              part="button"
              type="button"
              data-edit="new-note"
              @click=${() => this.#startEdit('new-note', '')}
            >
              ${t.addNote}
            </button>`
      }
    </section>`;
  }

  // ---- rendering: panel ----

  #renderToasts(): TemplateResult[] {
    const t = this.#l.t;
    return [...this._deleting].map(
      ([id, d]) =>
        html`<div part="toast" role="group" aria-label=${t.deletedCase(d.title)}>
          <span>${t.deletedCase(d.title)}</span>
          <button part="button" type="button" @click=${() => this.#undoDelete(id)}>${t.undo}</button>
        </div>`,
    );
  }

  #renderHeader(): TemplateResult {
    const t = this.#l.t;
    const edits = this.#outbox.edits;
    const n = edits.length;
    return html`<div part="header">
      ${this.noHeading ? nothing : html`<h2 part="header__title" id="panel-title">${t.casebookPanel}</h2>`}
      <span part="pending" data-count=${n}>
        ${n ? t.pendingCount(n) : t.allSaved}
        ${
          edits.some((e) => e.status === 'retrying' || e.status === 'failed')
            ? html`<button part="button" type="button" @click=${() => void this.retryPending()}>${t.retryNow}</button>`
            : nothing
        }
      </span>
      ${
        this.docked
          ? html`<button
              part="button close-button"
              type="button"
              aria-label=${t.closeCasebook}
              @click=${() => this.#requestClose('close-button')}
            >
              ✕
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderBody(): unknown {
    const t = this.#l.t;
    const client = this.#client;
    if (!client) return signedOutPrompt({ t, host: this });
    const authFailed = isPivotkitError(this.#list.error ?? this.#case.error, 'AuthError');
    if (!client.session && authFailed)
      return html`<p part="message message--error" role="alert">${message(this.#list.error ?? this.#case.error)}</p>
        ${signedOutPrompt({ t, host: this })}`;
    if (client.session && !client.can('casebook'))
      return missingScopesNotice({ t, scopes: client.missingScopes('casebook'), what: t.casebookPanel });
    return this.caseId ? this.#renderCase() : this.#renderList();
  }

  protected override render() {
    const t = this.#l.t;
    const n = this.#outbox.edits.length;
    const panel =
      !this.docked || this.opened
        ? html`<section
            part="panel"
            aria-labelledby=${this.noHeading ? nothing : 'panel-title'}
            aria-label=${this.noHeading ? t.casebookPanel : nothing}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Escape' && this.docked && !e.defaultPrevented && !this._editing) {
                e.preventDefault();
                this.#requestClose('escape');
              }
            }}
            @dragover=${(e: DragEvent) => !this.caseId && !e.defaultPrevented && this.#dragOver(e, 'panel')}
            @drop=${(e: DragEvent) =>
              !this.caseId && !e.defaultPrevented && void this.#dropOn(e, this._currentId ?? undefined)}
          >
            ${this.#renderHeader()} ${this.#renderBody()} ${this.#renderToasts()}
            <p id="edit-help" hidden>${t.editHelp}</p>
          </section>`
        : nothing;
    return html`${
      this.docked
        ? html`<button
            part="toggle"
            type="button"
            aria-expanded=${this.opened ? 'true' : 'false'}
            @click=${() => (this.opened ? this.close() : this.open())}
            @dragover=${(e: DragEvent) => {
              // Dragging onto the closed button opens the panel, so the drop can land on a case.
              if (isObservableDrag(e.dataTransfer) && !this.opened) this.opened = true;
            }}
          >
            ${t.casebookPanel}${n ? html` <span part="toggle__count">${n}</span>` : nothing}
          </button>`
        : nothing
    }${panel} `;
  }
}
