import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import type { Casebook, Observable, Page, PivotkitClient, Tlp } from '@pivotkit/sdk';
import { isPivotkitError } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { casebookEn } from '../../i18n/casebook.js';
import { tokens } from '../../styles/tokens.js';
import type { Outbox } from '../../state/outbox.js';
import { applyEdits, isLocalCaseId, LOCAL_CASE_PREFIX, localCase, type CaseEdit } from '../../state/outbox.js';
import type { PkObservablePickEvent } from '../../events/observable-pick.js';
import { announce, caseChanges, caseTitles, currentCaseRef, pageClient, subscribeClient } from './bridge.js';
import type { PkAddToCaseEvent } from '../../events/add-to-case.js';
import { PkRequestCloseEvent } from '../../events/request-close.js';
import { missingScopesNotice, signedOutPrompt } from '../../templates/session.js';
import { droppedNotice, droppedNoticeStyles } from '../../templates/dropped.js';
import { session } from '../../state/session.js';
import { pageOutbox, sendPageOutboxWith } from '../../state/page-outbox.js';
import { whenIdle } from '../../lazy/when-idle.js';
import { loadMarkdown, provenanceBundle, type Provenance } from './content.js';
import { isObservableDrag, readDrop } from './intake.js';
import { IntakeBox } from './intake-box.js';
import { errorMessage, luceneQuery, relativeTime } from './format.js';
import type { CasePanel, CaseView } from './case-view.js';
import { LazyPart } from '../../lazy/lazy-part.js';
import styles from './casebook.styles.js';

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
  static override styles = [tokens, styles, droppedNoticeStyles];

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
  @state() private _drop: string | undefined;
  @state() private _deleting = new Map<string, { title: string; timer: ReturnType<typeof setTimeout> }>();
  @state() private _importErrors: string[] = [];
  @state() private _currentId: string | null = null;

  readonly #l = new LocalizeController(this, casebookEn);
  /** The "Add observables" box: the list's (a drop on a row) or the case view's. */
  readonly #intake = new IntakeBox(this, {
    client: () => this.#client,
    caseOf: (caseId) => this.#caseOf(caseId),
    add: (caseId, observables, provenance) => this.#add(caseId, observables, provenance),
    focusAfter: (selector) => {
      this.#focusAfter = selector;
    },
  });
  /**
   * The case view, loaded with import() when a case is first shown or the panel is idle. When its code does not
   * arrive, the case says so, with Retry.
   */
  readonly #caseView = new LazyPart<CaseView>(this, async () => {
    const { CaseView } = await import('./case-view.js');
    return new CaseView(this, this.#casePanel);
  });
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
    // The case view and its Markdown renderer load before the analyst opens a case, not with the panel.
    whenIdle(() => {
      void this.#caseView.load();
      void loadMarkdown().catch(() => undefined);
    });
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
    // A failed load is not tried again on every render: Retry, or opening a case, tries again.
    if (this.caseId && !this.#caseView.failed) void this.#caseView.load();
  }

  protected override updated(): void {
    if (this.#focusAfter) {
      // What to focus may not be there yet (a case still loading): try again on the next render, until loaded.
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfter);
      const viewLoading = !!this.caseId && this.#caseView.loading;
      if (target || (this.#case.status !== 1 && this.#list.status !== 1 && !viewLoading)) this.#focusAfter = undefined;
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

  /** What the case view asks of the panel. */
  readonly #casePanel: CasePanel = {
    client: () => this.#client,
    outbox: () => this.#outbox,
    shown: () => this.#shown,
    read: () => this.#case,
    reread: () => {
      this._caseVersion++;
    },
    enqueue: (caseId, edit) => this.#enqueue(caseId, edit),
    back: () => this.#backToList(),
    remove: (caseId) => this.#deleteCase(caseId),
    intake: (caseId) => this.#intake.render(caseId),
    openIntake: (caseId) => this.#intake.open(caseId),
    focusAfter: (selector) => {
      this.#focusAfter = selector;
    },
    errorText: (e) => this.#errorText(e),
  };

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
    this.#intake.close();
    this.#caseView.value?.reset();
    void this.#caseView.load();
    const cb = this.#rows.get(this.caseId);
    if (!isLocalCaseId(this.caseId)) currentCaseRef.set({ id: this.caseId, title: cb?.title });
    this.#focusAfter = '[part~="case__title"] h2';
  }

  #backToList() {
    const id = this.caseId;
    this.caseId = '';
    this.#intake.close();
    this.#caseView.value?.reset();
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

  /** A case as the panel has it: the one shown (with its queued edits), else the list's row. */
  #caseOf(caseId: string): Casebook | undefined {
    return caseId === this.caseId ? this.#shown : this.#rows.get(caseId);
  }

  /** Adds observables to a case (through the outbox), with their provenance when they came from this page. */
  async #add(caseId: string, observables: Observable[], provenance?: Provenance) {
    if (!observables.length) return;
    await this.#enqueue(caseId, { kind: 'add-observables', observables });
    if (provenance) {
      const tlp = this.#caseOf(caseId)?.tlp ?? (await this.#defaultTlp());
      const bundles = await Promise.all(observables.map((o) => provenanceBundle(o, provenance, tlp)));
      const sightings = bundles.flatMap((b) => b['sightings'] as unknown[]);
      await this.#enqueue(caseId, { kind: 'bundle', bundle: { sightings } });
    }
    const title = this.#caseOf(caseId)?.title || this.#l.t.untitledCase;
    this.#say(this.#l.t.addedN(observables.length, title));
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
      this.#intake.preview(target, got.observables, this.#provenanceFrom(null, got.observables[0]!));
    } else await this.#intake.detect(got.text, target);
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
      const known = this.#caseOf(caseId)?.tlp;
      void (async () => {
        const tlp = known ?? (await this.#defaultTlp());
        await this.#enqueue(caseId, { kind: 'bundle', bundle: await provenanceBundle(o, provenance, tlp) });
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
    void this.#intake.detect(text, id);
  }

  /** Signs in through the page's session when the client is the page's (so every element sees it). */
  async #signIn(client: PivotkitClient, signal: AbortSignal) {
    if (client === pageClient()) {
      if (!(await session.signIn({ signal }))) throw session.get().error ?? new Error(this.#l.t.signedOut);
    } else await client.signIn({ signal });
  }

  /** The TLP of new cases: `default-tlp` when set, else the setting (its module loaded on the first new case). */
  async #defaultTlp(): Promise<Tlp> {
    const { newCaseTlp, TLPS } = await import('../../state/settings.js');
    return this.defaultTlp && TLPS.includes(this.defaultTlp) ? this.defaultTlp : newCaseTlp();
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

  #say(text: string) {
    announce(text);
  }

  #errorText(e: unknown): string {
    if (isPivotkitError(e, 'ScopeError')) return this.#l.t.pendingScope(e.missingScopes);
    return errorMessage(e);
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
      ${this.#intake.render()}
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

  /** The case view (its code loaded on first use), or why the case is not shown yet. */
  #renderCase(): TemplateResult {
    const t = this.#l.t;
    const cb = this.#shown;
    const view = this.#caseView.value;
    if (cb && view) {
      const drop = this._drop === 'case';
      return html`<div
        part=${drop ? 'case case--drop' : 'case'}
        @dragover=${(e: DragEvent) => this.#dragOver(e, 'case')}
        @dragleave=${(e: DragEvent) => this.#dragLeave(e, 'case')}
        @drop=${(e: DragEvent) => void this.#dropOn(e, cb.id)}
        @paste=${(e: ClipboardEvent) => this.#onPaste(e)}
      >
        ${view.render(cb, drop)}
      </div>`;
    }
    const back = html`<button part="button back" type="button" @click=${() => this.#backToList()}>
      ← ${t.allCases}
    </button>`;
    // Anything but a failed read is "loading" (a case id that just changed has not started its read yet).
    const viewFailed = this.#caseView.failed;
    const err = !cb && this.#case.status === 3 ? this.#case.error : undefined;
    if (!viewFailed && !err)
      return html`<div part="case-message">
        ${back}
        <p part="message">${t.loadingCase}</p>
      </div>`;
    const gone = !viewFailed && isPivotkitError(err, 'NotFoundError');
    const retry = () => (viewFailed ? void this.#caseView.load() : this._caseVersion++);
    return html`<div part="case-message">
      ${back}
      <p part="message message--error" role="alert">
        ${gone ? t.caseGone : viewFailed ? t.caseViewFailed : t.caseFailed(this.#errorText(err))}
        ${gone ? nothing : html`<button part="button" type="button" @click=${retry}>${t.retry}</button>`}
      </p>
    </div>`;
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
      return html`<p part="message message--error" role="alert">
          ${errorMessage(this.#list.error ?? this.#case.error)}
        </p>
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
              if (e.key === 'Escape' && this.docked && !e.defaultPrevented && !this.#caseView.value?.editing) {
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
