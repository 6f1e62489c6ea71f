import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import { OBSERVABLE_TYPES, scanDom, type DomMatch } from '@pivotkit/sdk/detect';
import type { Observable, PivotkitClient } from '@pivotkit/sdk';
import { announce } from '../../a11y/announce.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonAppsEn } from '../../i18n/ribbon-apps.js';
import { SessionController } from '../../controllers/session-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { caseChanges } from '../../state/case-changes.js';
import { currentCase } from '../../state/current-case.js';
import { missingScopesNotice, signedOutPrompt } from '../../templates/session.js';
import { tokens } from '../../styles/tokens.js';
import { addToCase, messageOf } from '../enrich-search/add-to-case.js';
import { appStyles } from '../enrich-search/app.styles.js';
import styles from './find-observables.styles.js';
import { addMatches, contextOf, groupByType, keyOf, type Finding, type FindingIndex } from './findings.js';
import { clearHighlights, highlightMatches, highlightsSupported, showMatch } from './highlight.js';
import { provenanceToSighting, type Provenance } from '../casebook/provenance.js';
import { lastScan, rememberScan } from './scan-history.js';
import { FindingsGrid } from './findings-grid.js';
import { ToolbarController } from '../../controllers/toolbar-controller.js';

/** How often the scan's progress line is redrawn, in ms. */
const PROGRESS_MS = 250;
/** Types the analyst may correct a finding to (the detector's, plus the CTIM types pages often hold). */
const EDIT_TYPES = [...OBSERVABLE_TYPES, 'hostname', 'file_name', 'file_path', 'mac_address', 'user'];

type Novelty = 'all' | 'new';
/** Columns of a finding's row: select, value, occurrences, Show, Correct (the editor spans the last four). */
const COLS = 5;
/** A row of the findings grid: a type's heading (with that type's findings) or one finding. */
type GridRow = { group: string; findings: Finding[] } | Finding;
type CaseFilter = 'all' | 'in' | 'not-in';

interface ScanState {
  textNodes: number;
  matches: number;
  /** When the scan started (ISO 8601): the provenance time. */
  time: string;
  cancelled: boolean;
}

/**
 * @tag pk-find-observables
 * @summary "Find observables": scans the page, lists what it found by type, adds a selection to a case.
 * @status experimental
 * @since 0.1
 *
 * @description Scans `root` (the page's body by default) with the SDK's DOM scan, in slices so the page stays
 * responsive, showing progress; Cancel stops it and keeps what was found. Findings are grouped by type with
 * counts and filtered by type, by "new since the last scan of this page" (the last scan's observables are kept
 * per page URL in IndexedDB) and by whether they are already in the current case. The analyst selects all or
 * some, corrects a value or type inline, and adds the selection to the current case or a new one, with
 * provenance (page URL and title, the text around it, the time) as a CTIM sighting in the case's bundle.
 * "Highlight on the page" marks the findings with the CSS Custom Highlight API (the page's DOM and layout are
 * untouched) and "Show on page" scrolls to one (again: the next occurrence). Its own UI is never scanned: the
 * element carries `data-pk-ignore`, and text inside it or inside any element with that attribute is skipped.
 *
 * The findings are a WAI-ARIA data grid (`role="grid"`, `aria-multiselectable`), not a listbox: each row holds
 * controls of its own (its checkbox, Show, Correct, the inline editor), and a listbox's options may not contain
 * interactive content. Each row is one finding (select, value with its badges, occurrences, Show, Correct) under
 * a heading row per type; rows are `aria-selected` as their checkbox is ticked. The grid is windowed: only the
 * rows in view are in the DOM (`aria-rowcount`/`aria-rowindex` give the whole list), so tens of thousands of
 * findings list at once.
 *
 * Keyboard: the toolbars (the scan actions; select all and the add actions) are WAI-ARIA toolbars, one Tab stop
 * each, ArrowLeft/ArrowRight between their controls, Home/End to the ends. The grid is one Tab stop:
 * ArrowUp/ArrowDown move between rows, ArrowLeft/ArrowRight between a row's cells, Home/End to the row's first
 * and last cell, Ctrl+Home/Ctrl+End to the first and last row, PageUp/PageDown by a screenful; Space toggles the
 * row's selection (on a type's heading, the whole type; on Show and Correct it presses the button, and
 * Shift+Space selects there), Ctrl+A (⌘+A) selects every row shown, Enter or F2 on a value opens its editor. The
 * focused row is scrolled into view. In the inline editor Enter saves and Escape discards.
 *
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in" (scanning needs no sign-in).
 *
 * @csspart base - The container.
 * @csspart toolbar - The scan actions.
 * @csspart scan - The "Scan this page" button.
 * @csspart cancel - The Cancel button while scanning.
 * @csspart progress - The scan's progress.
 * @csspart filters - The filter controls.
 * @csspart filter - One filter (a labelled select or checkbox).
 * @csspart selection - The select-all box, the count and the add actions.
 * @csspart add - "Add to the current case".
 * @csspart add-new - "Add to a new case".
 * @csspart list - The findings grid (it scrolls; `role="grid"`).
 * @csspart group - A type's heading row.
 * @csspart group__label - A type's heading with its count (the row's one cell).
 * @csspart finding - One finding's row.
 * @csspart finding__value - Its value.
 * @csspart finding__count - How often it occurs on the page.
 * @csspart badge - "New" or "In case".
 * @csspart show - The "Show on page" button.
 * @csspart edit - The button that opens the inline editor.
 * @csspart editor - The inline editor (value, type, Save, Discard).
 * @csspart status - A status line.
 * @csspart note - A secondary line: an add whose sightings the case did not record, the missing-scopes notice.
 * @csspart error - A failure's message, where it happened.
 * @csspart signed-out - The signed-out prompt; `sign-in` is its button.
 * @csspart missing-scopes - Which scopes are missing for what.
 *
 * @cssproperty [--padding=0.75rem] - Space inside the container.
 * @cssproperty [--list-max-height=50vh] - Tallest the findings list grows before it scrolls.
 * @cssproperty [--row-height=2.25rem] - Height of each row of the findings grid (every row has the same).
 */
export class PkFindObservables extends LitElement {
  static override styles = [tokens, appStyles, styles];

  /** The element to scan; the page's body by default. */
  @property({ attribute: false }) root: Element | undefined;

  /** The page URL the "new since the last scan" history is kept under; `location.href` by default. */
  @property({ attribute: 'page-url' }) pageUrl = '';

  /** Scan as soon as the element is connected (the ribbon opens the app with it). */
  @property({ type: Boolean, attribute: 'auto-scan' }) autoScan = false;

  /** @internal */
  @state() private _scan: ScanState | undefined;
  /** @internal */
  @state() private _version = 0;
  /** @internal */
  @state() private _type = '';
  /** @internal */
  @state() private _novelty: Novelty = 'all';
  /** @internal */
  @state() private _caseFilter: CaseFilter = 'all';
  /** @internal */
  @state() private _selected = new Set<string>();
  /** @internal */
  @state() private _editing: string | undefined;
  /** @internal */
  @state() private _highlight = false;
  /** @internal */
  @state() private _add: { s: 'idle' } | { s: 'adding' } | { s: 'error'; msg: string } | { s: 'note'; msg: string } = {
    s: 'idle',
  };
  /** @internal */
  @state() private _previous: Set<string> | undefined;
  /** @internal */
  @state() private _inCase = new Set<string>();

  readonly #l = new LocalizeController(this, ribbonAppsEn);
  readonly #session = new SessionController(this);
  readonly #case = new StoreController(this, currentCase);
  readonly #grid = new FindingsGrid(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('[role="grid"]'),
    rowCount: () => this.#rows().length,
    colCount: (row) => this.#colCount(row),
    onToggle: (row) => this.#toggleRow(row),
    onSelectAll: () => this.#toggleAll(true),
    onActivate: (row, col) => {
      const r = this.#rows()[row];
      if (r && !('group' in r) && col === 1) void this.#startEdit(r);
    },
  });
  readonly #toolbar = new ToolbarController(this, () => this.#toolbarItems('toolbar'));
  readonly #selectionBar = new ToolbarController(this, () => this.#toolbarItems('selection'));
  #findings = new Map<string, Finding>();
  /** Which occurrence "Show on page" goes to next, per finding. */
  #nextOccurrence = new Map<string, number>();
  #offChanges: (() => void) | undefined;

  readonly #scanTask = new Task(this, {
    autoRun: false,
    task: async (_args: readonly [], { signal }) => {
      const url = this.#url();
      this.#findings = new Map();
      const index: FindingIndex = new Map();
      this.#nextOccurrence.clear();
      this._selected = new Set();
      this._editing = undefined;
      this._add = { s: 'idle' };
      clearHighlights();
      this._previous = (await lastScan(url))?.keys;
      const scan: ScanState = { textNodes: 0, matches: 0, time: new Date().toISOString(), cancelled: false };
      this._scan = { ...scan };
      let shown = performance.now();
      try {
        await scanDom(this.root ?? document.body, {
          signal,
          onChunk: (p) => {
            const mine = p.matches.filter((m) => !this.#isOwnUi(m.startNode));
            addMatches(this.#findings, mine, index);
            scan.textNodes += p.textNodes;
            scan.matches += mine.length;
            // Progress is redrawn a few times a second, not after every slice: each redraw costs the page a
            // style and layout pass, which on a 50,000-row table is most of a slice.
            const now = performance.now();
            if (now - shown >= PROGRESS_MS) {
              shown = now;
              this._scan = { ...scan };
            }
          },
        });
      } catch (e) {
        if (!signal.aborted) throw e;
        this._scan = { ...scan, cancelled: true };
        this._version++;
        announce(this.#l.t.scanCancelled);
        return this.#findings;
      }
      this._scan = { ...scan };
      await rememberScan(url, this.#findings.keys());
      this._version++;
      const distinct = this.#findings.size;
      announce(distinct ? this.#l.t.scanDone(this._scan.matches, distinct) : this.#l.t.scanEmpty);
      if (this._highlight) this.#applyHighlights();
      return this.#findings;
    },
  });

  readonly #caseTask = new Task(this, {
    args: () => [this.#session.client, this.#session.state.status, this.#case.value?.id] as const,
    task: async ([client, status, caseId], { signal }) => {
      if (!client || status !== 'signed-in' || !caseId) return new Set<string>();
      const cb = await client.casebooks.get(caseId, { signal });
      return new Set((cb.observables ?? []).map(keyOf));
    },
    onComplete: (keys) => (this._inCase = keys),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The scan skips everything inside an element with this attribute: never our own list, wherever we sit.
    if (!this.hasAttribute('data-pk-ignore')) this.setAttribute('data-pk-ignore', '');
    this.#offChanges = caseChanges.subscribe((c) => {
      if (c.caseId !== this.#case.value?.id) return;
      if (c.casebook) this._inCase = new Set((c.casebook.observables ?? []).map(keyOf));
      else void this.#caseTask.run();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offChanges?.();
    this.#scanTask.abort();
    clearHighlights();
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    if (this.autoScan) void this.scan();
  }

  /** Scans the page now (a scan in progress is cancelled first); resolves when done or cancelled. */
  async scan(): Promise<void> {
    this.#scanTask.abort();
    await this.#scanTask.run([]);
  }

  /** Cancels the scan in progress, keeping what it found. */
  cancel(): void {
    this.#scanTask.abort();
  }

  /** What the last scan found, grouped by `type:value` (a copy). */
  get findings(): Finding[] {
    return [...this.#findings.values()];
  }

  #url(): string {
    return this.pageUrl || location.href;
  }

  /** Whether a text node sits inside this element or an ignored element, across shadow roots. */
  #isOwnUi(node: Node): boolean {
    if (!(node.getRootNode() instanceof ShadowRoot)) return false;
    for (let n: Node | null = node; n;) {
      if (n === this) return true;
      if (n instanceof Element && n.hasAttribute('data-pk-ignore')) return true;
      n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
    }
    return false;
  }

  #visible(): Finding[] {
    const out: Finding[] = [];
    for (const f of this.#findings.values()) {
      if (this._type && f.type !== this._type) continue;
      if (this._novelty === 'new' && this._previous?.has(f.key)) continue;
      const inCase = this._inCase.has(keyOf(f));
      if (this._caseFilter === 'in' && !inCase) continue;
      if (this._caseFilter === 'not-in' && inCase) continue;
      out.push(f);
    }
    return out;
  }

  #applyHighlights(): void {
    if (!this._highlight) {
      clearHighlights();
      return;
    }
    highlightMatches(this.#visible().flatMap((f) => f.matches));
  }

  protected override updated(changed: PropertyValues): void {
    if (
      changed.has('_highlight') ||
      changed.has('_type') ||
      changed.has('_novelty') ||
      changed.has('_caseFilter') ||
      changed.has('_inCase')
    )
      if (this.#findings.size) this.#applyHighlights();
  }

  #toolbarItems(part: string): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~="${part}"] :is(button, input)`)];
  }

  #show(f: Finding): void {
    const i = this.#nextOccurrence.get(f.key) ?? 0;
    const live = f.matches.filter((m) => m.startNode.isConnected);
    const m: DomMatch | undefined = live[i % Math.max(1, live.length)];
    if (!m || !showMatch(m)) {
      announce(this.#l.t.notOnPageAnymore);
      return;
    }
    this.#nextOccurrence.set(f.key, i + 1);
  }

  #toggle(key: string, on: boolean): void {
    const next = new Set(this._selected);
    if (on) next.add(key);
    else next.delete(key);
    this._selected = next;
  }

  #toggleAll(on: boolean): void {
    this._selected = on ? new Set(this.#visible().map((f) => f.key)) : new Set();
  }

  #saveEdit(f: Finding, form: HTMLElement): void {
    const value = form.querySelector<HTMLInputElement>('input')!.value.trim();
    const type = form.querySelector<HTMLSelectElement>('select')!.value;
    if (!value) {
      form.querySelector<HTMLInputElement>('input')!.setCustomValidity(this.#l.t.invalidValue);
      form.querySelector<HTMLInputElement>('input')!.reportValidity();
      return;
    }
    f.value = value;
    f.type = type;
    f.corrected = true;
    this._editing = undefined;
    this._version++;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>(`[data-key="${CSS.escape(f.key)}"] [part~="edit"]`)?.focus(),
    );
  }

  #cancelEdit(f: Finding): void {
    this._editing = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>(`[data-key="${CSS.escape(f.key)}"] [part~="edit"]`)?.focus(),
    );
  }

  async #addSelection(newCase: boolean): Promise<void> {
    const client = this.#session.client;
    const chosen = this.#visible().filter((f) => this._selected.has(f.key));
    if (!client || !chosen.length) return;
    this._add = { s: 'adding' };
    const observables: Observable[] = chosen.map((f) => ({ type: f.type, value: f.value }));
    const time = this._scan?.time ?? new Date().toISOString();
    const title = document.title;
    try {
      const r = await addToCase(
        client,
        observables,
        newCase || !this.#case.value ? { newCase: { title: title || this.#url() } } : {},
      );
      this._inCase = new Set([...this._inCase, ...observables.map(keyOf)]);
      announce(this.#l.t.addedNToCase(observables.length, r.title));
      const sightings = chosen.map((f) =>
        provenanceToSighting({ type: f.type, value: f.value }, {
          url: this.#url(),
          title,
          context: contextOf(f.matches[0]!),
          time,
        } satisfies Provenance),
      );
      const api = client as PivotkitClient & {
        casebooks: { patchBundle?: (id: string, op: 'add', b: Record<string, unknown>) => Promise<unknown> };
      };
      if (typeof api.casebooks.patchBundle === 'function') {
        try {
          await api.casebooks.patchBundle(r.casebook.id, 'add', { sightings });
          caseChanges.emit({ caseId: r.casebook.id, kind: 'bundle' });
        } catch (e) {
          this._add = { s: 'note', msg: this.#l.t.noteFailed(messageOf(e)) };
          return;
        }
      }
      this._add = { s: 'idle' };
      this._selected = new Set();
    } catch (e) {
      this._add = { s: 'error', msg: messageOf(e) };
    }
  }

  override render(): TemplateResult {
    const t = this.#l.t;
    const status = this.#scanTask.status;
    const scanning = status === TaskStatus.PENDING;
    return html`<div part="base">
      <div
        part="toolbar"
        class="row"
        role="toolbar"
        aria-label=${t.findLabel}
        @keydown=${this.#toolbar.handleKeydown}
        @focusin=${this.#toolbar.handleFocusin}
      >
        ${
          scanning
            ? html`<button type="button" part="cancel" @click=${() => this.cancel()}>${t.cancel}</button>`
            : html`<button type="button" part="scan" class="primary" @click=${() => void this.scan()}>
                ${this._scan ? t.scanAgain : t.scanPage}
              </button>`
        }
      </div>
      ${
        scanning
          ? html`<div part="progress">
              <progress aria-label=${t.findLabel}></progress>
              <p part="status" role="status">${t.scanning(this._scan?.textNodes ?? 0, this._scan?.matches ?? 0)}</p>
            </div>`
          : nothing
      }
      ${
        status === TaskStatus.ERROR && !this._scan?.cancelled
          ? html`<p part="error" role="alert">${t.appError(messageOf(this.#scanTask.error))}</p>`
          : nothing
      }
      ${!this._scan ? html`<p part="status">${t.notScannedYet}</p>` : nothing}
      ${this._scan && !scanning ? this.#renderResults() : nothing}
    </div>`;
  }

  #renderSession(): TemplateResult | typeof nothing {
    const t = this.#l.t;
    const s = this.#session.state;
    if (!s.client || s.status === 'signed-out')
      return signedOutPrompt({ t, host: this, after: () => void this.#session.signIn() });
    if (s.status === 'signing-in') return html`<p part="status" role="status">${t.signingIn}</p>`;
    if (s.status === 'error')
      return html`<p part="error" role="alert">${t.appError(messageOf(s.error))}</p>
        ${signedOutPrompt({ t, host: this })}`;
    return missingScopesNotice({ t, scopes: this.#session.missingScopes('casebook'), what: t.casebook });
  }

  #renderResults(): TemplateResult {
    const t = this.#l.t;
    const scan = this._scan!;
    const all = this.#findings;
    const summary = scan.cancelled ? t.scanCancelled : all.size ? t.scanDone(scan.matches, all.size) : t.scanEmpty;
    if (!all.size) return html`<p part="status" role="status">${summary}</p>`;
    const visible = this.#visible();
    const counts = groupByType(all.values(), OBSERVABLE_TYPES);
    const selected = visible.filter((f) => this._selected.has(f.key)).length;
    const s = this.#session.state;
    const canCase = s.status === 'signed-in' && !!s.client && this.#session.can('casebook');
    const current = this.#case.value;
    return html`<p part="status" role="status">${summary}</p>
      <div part="filters" class="row">
        <label part="filter"
          >${t.typeFilter}
          <select
            .value=${live(this._type)}
            @change=${(e: Event) => (this._type = (e.target as HTMLSelectElement).value)}
          >
            <option value="">${t.allTypes}</option>
            ${counts.map(([type, list]) => html`<option value=${type}>${t.groupLabel(t.observableType(type), list.length)}</option>`)}
          </select>
        </label>
        <label part="filter"
          ><input
            type="checkbox"
            .checked=${live(this._novelty === 'new')}
            @change=${(e: Event) => (this._novelty = (e.target as HTMLInputElement).checked ? 'new' : 'all')}
          />
          ${t.filterNewSinceLastScan}</label
        >
        <label part="filter"
          >${t.caseFilterLabel}
          <select
            .value=${live(this._caseFilter)}
            ?disabled=${!current}
            @change=${(e: Event) => (this._caseFilter = (e.target as HTMLSelectElement).value as CaseFilter)}
          >
            <option value="all">${t.filterAll}</option>
            <option value="in">${t.filterInCurrentCase}</option>
            <option value="not-in">${t.filterNotInCurrentCase}</option>
          </select>
        </label>
        ${
          highlightsSupported()
            ? html`<label part="filter"
                ><input
                  type="checkbox"
                  .checked=${live(this._highlight)}
                  @change=${(e: Event) => (this._highlight = (e.target as HTMLInputElement).checked)}
                />
                ${t.highlightOnPage}</label
              >`
            : nothing
        }
      </div>
      <div
        part="selection"
        class="row"
        role="toolbar"
        aria-label=${t.selectionActions}
        @keydown=${this.#selectionBar.handleKeydown}
        @focusin=${this.#selectionBar.handleFocusin}
      >
        <label
          ><input
            type="checkbox"
            .checked=${live(visible.length > 0 && selected === visible.length)}
            .indeterminate=${live(selected > 0 && selected < visible.length)}
            ?disabled=${!visible.length}
            @change=${(e: Event) => this.#toggleAll((e.target as HTMLInputElement).checked)}
          />
          ${t.selectAll}</label
        >
        <span part="status">${t.selectedCount(selected, visible.length)}</span>
        <span class="grow"></span>
        ${
          canCase
            ? html`${
                  current
                    ? html`<button
                        type="button"
                        part="add"
                        class="primary"
                        ?disabled=${!selected || this._add.s === 'adding'}
                        @click=${() => void this.#addSelection(false)}
                      >
                        ${t.addSelectionToCase(current.title ?? current.id)}
                      </button>`
                    : nothing
                }
                <button
                  type="button"
                  part="add-new"
                  ?disabled=${!selected || this._add.s === 'adding'}
                  @click=${() => void this.#addSelection(true)}
                >
                  ${t.addSelectionToNewCase}
                </button>`
            : this.#renderSession()
        }
      </div>
      ${
        this._add.s === 'error'
          ? html`<p part="error" role="alert">${t.addFailed(this._add.msg)}</p>`
          : this._add.s === 'note'
            ? html`<p part="note" role="status">${this._add.msg}</p>`
            : nothing
      }
      ${
        this.#caseTask.status === TaskStatus.ERROR
          ? html`<p part="error" role="alert">${t.appError(messageOf(this.#caseTask.error))}</p>`
          : nothing
      }
      ${this.#renderGrid()}`;
  }

  #rowsKey: unknown[] = [];
  #rowsCache: GridRow[] = [];

  /** The grid's rows: each type's heading, then its findings (filtered), in the detector's type order. */
  #rows(): GridRow[] {
    const key = [
      this._version,
      this._type,
      this._novelty,
      this._caseFilter,
      this._inCase,
      this._previous,
      this.#findings,
    ];
    if (key.every((k, i) => k === this.#rowsKey[i])) return this.#rowsCache;
    this.#rowsKey = key;
    const rows: GridRow[] = [];
    for (const [type, list] of groupByType(this.#visible(), OBSERVABLE_TYPES)) {
      rows.push({ group: type, findings: list });
      rows.push(...list);
    }
    return (this.#rowsCache = rows);
  }

  #colCount(row: number): number {
    const r = this.#rows()[row];
    return !r || 'group' in r ? 1 : this._editing === r.key ? 2 : COLS;
  }

  /** Space on a row: a finding toggles, a type's heading toggles all of that type. */
  #toggleRow(row: number): void {
    const r = this.#rows()[row];
    if (!r) return;
    if (!('group' in r)) {
      this.#toggle(r.key, !this._selected.has(r.key));
      return;
    }
    const on = !r.findings.every((f) => this._selected.has(f.key));
    const next = new Set(this._selected);
    for (const f of r.findings) {
      if (on) next.add(f.key);
      else next.delete(f.key);
    }
    this._selected = next;
  }

  async #startEdit(f: Finding): Promise<void> {
    this._editing = f.key;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('[part~="editor"] input')?.focus();
  }

  #renderGrid(): TemplateResult {
    const t = this.#l.t;
    const rows = this.#rows();
    if (!rows.length) return html`<p part="status">${t.noMatchForFilters}</p>`;
    const [first, last] = this.#grid.window();
    const shown: TemplateResult[] = [];
    for (let i = first; i < last; i++) shown.push(this.#renderRow(rows[i]!, i));
    return html`<div
      part="list"
      class="list"
      role="grid"
      aria-multiselectable="true"
      aria-label=${t.resultsLabel}
      aria-rowcount=${rows.length}
      aria-colcount=${COLS}
      @scroll=${this.#grid.handleScroll}
      @keydown=${this.#grid.handleKeydown}
      @focusin=${this.#grid.handleFocusin}
    >
      <div role="rowgroup">${shown}</div>
    </div>`;
  }

  #renderRow(r: GridRow, i: number): TemplateResult {
    const t = this.#l.t;
    if ('group' in r)
      return html`<div part="group" role="row" aria-rowindex=${i + 1}>
        <div part="group__label" role="gridcell" aria-colspan=${COLS} data-row=${i} data-col="0">
          ${t.groupLabel(t.observableTypeLabel(r.group), r.findings.length)}
        </div>
      </div>`;
    return this.#renderFinding(r, i);
  }

  #renderFinding(f: Finding, i: number): TemplateResult {
    const t = this.#l.t;
    const isNew = this._previous !== undefined && !this._previous.has(f.key);
    const inCase = this._inCase.has(keyOf(f));
    const editing = this._editing === f.key;
    const selected = this._selected.has(f.key);
    return html`<div
      part="finding"
      role="row"
      aria-rowindex=${i + 1}
      aria-selected=${selected ? 'true' : 'false'}
      data-key=${f.key}
    >
      <div role="gridcell">
        <input
          type="checkbox"
          data-row=${i}
          data-col="0"
          .checked=${live(selected)}
          aria-label=${t.selectObservable(f.value)}
          @change=${(e: Event) => this.#toggle(f.key, (e.target as HTMLInputElement).checked)}
        />
      </div>
      ${
        editing
          ? html`<div
              part="editor"
              role="gridcell"
              class="row"
              aria-colspan=${COLS - 1}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  this.#saveEdit(f, e.currentTarget as HTMLElement);
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  this.#cancelEdit(f);
                }
              }}
            >
              <input
                type="text"
                class="grow"
                data-row=${i}
                data-col="1"
                .value=${f.value}
                aria-label=${t.editValue(f.value)}
                @input=${(e: Event) => (e.target as HTMLInputElement).setCustomValidity('')}
              />
              <select aria-label=${t.editType(f.value)} .value=${live(f.type)}>
                ${[...new Set([f.type, ...EDIT_TYPES])].map(
                  (x) => html`<option value=${x} ?selected=${x === f.type}>${t.observableType(x)}</option>`,
                )}
              </select>
              <button
                type="button"
                @click=${(e: Event) => this.#saveEdit(f, (e.currentTarget as HTMLElement).parentElement!)}
              >
                ${t.saveCorrection}
              </button>
              <button type="button" @click=${() => this.#cancelEdit(f)}>${t.discardCorrection}</button>
            </div>`
          : html`<div role="gridcell" data-row=${i} data-col="1">
                <span part="finding__value" title=${f.value}>${f.value}</span>
                ${f.type !== f.matches[0]?.type ? html`<span part="badge">${t.observableType(f.type)}</span>` : nothing}
                ${isNew ? html`<span part="badge">${t.isNew}</span>` : nothing}
                ${inCase ? html`<span part="badge">${t.inCase}</span>` : nothing}
              </div>
              <div role="gridcell" data-row=${i} data-col="2">
                <span part="finding__count">${t.occurrences(f.matches.length)}</span>
              </div>
              <div role="gridcell">
                <button
                  type="button"
                  part="show"
                  data-row=${i}
                  data-col="3"
                  aria-label=${t.showOnPage(f.value)}
                  @click=${() => this.#show(f)}
                >
                  ${t.showOnPageShort}
                </button>
              </div>
              <div role="gridcell">
                <button
                  type="button"
                  part="edit"
                  data-row=${i}
                  data-col="4"
                  aria-label=${t.editValue(f.value)}
                  @click=${() => void this.#startEdit(f)}
                >
                  ${t.correct}
                </button>
              </div>`
      }
    </div>`;
  }
}
