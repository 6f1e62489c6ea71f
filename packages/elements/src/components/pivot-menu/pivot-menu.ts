import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  Disposition,
  Feature,
  ModuleError,
  Observable,
  PivotkitClient,
  ReferLink,
  ResponseAction,
  TriggerResult,
} from '@pivotkit/sdk';
import { dispositionName } from '@pivotkit/sdk';
import { getClient, onClientChange } from '../../config.js';
import { DismissController } from '../../controllers/dismiss-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { MenuNavigationController } from '../../controllers/menu-navigation-controller.js';
import { PkAddToCaseEvent } from '../../events/add-to-case.js';
import { PkPivotCloseEvent, type PivotCloseReason } from '../../events/pivot-close.js';
import { PkPivotOpenEvent } from '../../events/pivot-open.js';
import { PkRequestSignInEvent } from '../../events/request-sign-in.js';
import { PkResponseTriggeredEvent } from '../../events/response-triggered.js';
import { tokens } from '../../styles/tokens.js';
import '../popup/pk-popup.js';
import type { PkPopup } from '../popup/popup.js';
import '../verdict-badge/pk-verdict-badge.js';
import { getCurrentCaseId, setCurrentCaseId } from './current-case.js';
import { defang, isDestructive, safeHttpUrl, truncateMiddle } from './format.js';
import styles from './pivot-menu.styles.js';

/** A menu item added by the host page. Its label is shown as text, never as HTML. */
export interface PivotMenuItem {
  /** Stable id; rendered as the item's `data-id`. */
  id: string;
  /** The item's text, or a function of the observable that returns it. */
  label: string | ((observable: Observable) => string);
  /** The section to add the item to; `more` (the default) is a group after the built-in sections. */
  section?: 'casebook' | 'pivot' | 'response' | 'copy' | 'more';
  /** Whether the item applies to this observable (default: always). */
  when?: (observable: Observable) => boolean;
  /** Runs on activation; the menu then closes and focus returns to the anchor. */
  run: (observable: Observable, menu: PkPivotMenu) => void | Promise<void>;
}

type Auth = 'none' | 'signing-in' | 'failed' | 'ready';
type Load<T> = { s: 'loading' } | { s: 'done'; v: T } | { s: 'error'; msg: string };
interface ModuleVerdict {
  module: string;
  disposition: Disposition;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const sameObservable = (a: Observable, b: Observable) => a.type === b.type && a.value === b.value;
// Titles of cases seen on this page, so "Add to current case (…)" shows at once on the next open.
const caseTitles = new Map<string, string>();

/**
 * @tag pk-pivot-menu
 * @summary The menu of things to do with one observable: cases, verdicts, pivots, response actions, copy.
 * @status experimental
 * @since 0.1
 * @dependency pk-popup
 * @dependency pk-verdict-badge
 *
 * @description A page normally has one, shared by every `<pk-observable>` through `openPivotMenu()`.
 * It follows the WAI-ARIA menu pattern: arrow keys (wrapping), Home/End, type-ahead, Enter/Space,
 * Escape (closes and returns focus to the anchor), Tab (closes). Sections the token's scopes do not
 * allow are shown disabled with the missing scopes. Values, module names and titles from the API are
 * always rendered as text; refer links are links only when they are http(s).
 *
 * Hosts add items with `items` (see `PivotMenuItem`), for example
 * `menu.items = [{ id: 'ticket', label: 'Open a ticket', run: (o) => openTicket(o) }]`, or with
 * `setPivotMenuItems([...])` for the shared menu.
 *
 * Signed out: with no client, or a client whose `signIn()` fails (no credentials, no token provider, a
 * refused token), the menu offers "Sign in", which fires `pk-request-sign-in`. A client that can get a token
 * without the user (credentials or a token provider) is signed in when the menu opens.
 *
 * The current case is the id in `localStorage['pk-current-case']` (only the id); "Add to new case" makes the
 * new case current. After a response action, a note (who, what, when, result) is added to the current case.
 *
 * @event {PkPivotOpenEvent} pk-pivot-open - The menu is about to open for `detail.observable`; cancelable.
 * @event {PkPivotCloseEvent} pk-pivot-close - The menu closed; `detail.reason` says why.
 * @event {PkAddToCaseEvent} pk-add-to-case - The user adds the observable to a case (`caseId` null: a new one); cancelable.
 * @event {PkResponseTriggeredEvent} pk-response-triggered - A confirmed response action ran; `detail.result` is its outcome.
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in".
 *
 * @csspart popup - The floating box (pk-popup's `popup` part).
 * @csspart panel - The menu's surface inside the box.
 * @csspart header - The observable: its type and value.
 * @csspart header__type - The observable's type.
 * @csspart header__value - The value, truncated in the middle; the full value is in its tooltip and read by screen readers.
 * @csspart verdicts - The verdicts section.
 * @csspart verdict - One module's verdict, or its error.
 * @csspart verdict--error - A module's error.
 * @csspart conflict - The "Modules disagree" notice.
 * @csspart menu - The `role="menu"` list of items.
 * @csspart separator - The line between two sections (`role="separator"`).
 * @csspart group - A section of items.
 * @csspart group__label - A section's visible label.
 * @csspart item - A menu item.
 * @csspart item--disabled - A disabled item.
 * @csspart item__reason - Why an item is disabled, or its state.
 * @csspart status - The live region with feedback ("Added to case …").
 * @csspart dialog - The confirmation dialog of a response action.
 * @csspart dialog__confirm - Its confirm button.
 * @csspart dialog__cancel - Its cancel button.
 *
 * @cssproperty [--width=22rem] - The menu's width.
 */
export class PkPivotMenu extends LitElement {
  static override styles = [tokens, styles];

  /** The observable the menu acts on. */
  @property({ attribute: false }) observable: Observable | undefined;

  /** The element the menu floats next to and returns focus to. Takes precedence over `for`. */
  @property({ attribute: false }) anchor: HTMLElement | undefined;

  /** The id of the anchor element (in the menu's own tree), when `anchor` is not set. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Whether the menu is open. Prefer `show()` and `hide()`, which fire the events and move focus. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The SDK client; defaults to the page-wide one from `configure({ client })`. */
  @property({ attribute: false }) client: PivotkitClient | undefined;

  /** Extra items from the host page. */
  @property({ attribute: false }) items: PivotMenuItem[] = [];

  /** @internal */
  @state() private _auth: Auth = 'none';
  /** @internal */
  @state() private _verdicts: Load<{ modules: ModuleVerdict[]; errors: ModuleError[]; conflict: boolean }> = {
    s: 'loading',
  };
  // What has arrived while the enrich call is still running.
  /** @internal */
  @state() private _partial: { modules: ModuleVerdict[]; errors: ModuleError[]; conflict: boolean } = {
    modules: [],
    errors: [],
    conflict: false,
  };
  /** @internal */
  @state() private _links: Load<{ links: ReferLink[]; errors: ModuleError[] }> = { s: 'loading' };
  /** @internal */
  @state() private _actions: Load<{ actions: ResponseAction[]; errors: ModuleError[] }> = { s: 'loading' };
  /** @internal */
  @state() private _caseId: string | null = null;
  /** @internal */
  @state() private _status = '';
  /** @internal */
  @state() private _busy = '';
  /** @internal */
  @state() private _confirm: { action: ResponseAction; item: HTMLElement | undefined } | undefined;
  /** @internal */
  @state() private _results = new Map<string, TriggerResult>();

  #l = new LocalizeController(this);
  #nav = new MenuNavigationController(this, () => [
    ...(this.renderRoot.querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]') ?? []),
  ]);
  #dismiss = new DismissController(this, {
    onDismiss: (source) => this.hide(source),
    inside: () => [this.#anchorElement],
  });
  #dialogDismiss = new DismissController(this, { onDismiss: () => this.#closeDialog(false), outside: false });
  #abort: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #ready: Promise<void> = Promise.resolve();
  #loadedFor: Observable | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onClientChange(() => {
      if (this.open) this.#load();
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#abort?.abort();
  }

  get #client(): PivotkitClient | undefined {
    return this.client ?? getClient();
  }

  get #anchorElement(): HTMLElement | undefined {
    if (this.anchor) return this.anchor;
    if (!this.htmlFor) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return (root.getElementById?.(this.htmlFor) ?? document.getElementById(this.htmlFor)) || undefined;
  }

  /**
   * Opens the menu (firing the cancelable `pk-pivot-open`) and moves focus to its first or last item.
   * Resolves to false when a listener cancelled it or there is no observable.
   */
  async show(opts: { focus?: 'first' | 'last' } = {}): Promise<boolean> {
    const observable = this.observable;
    if (!observable) return false;
    const opening = new PkPivotOpenEvent({ observable, anchor: this.#anchorElement });
    if (!this.dispatchEvent(opening)) return false;
    this.#resetDialog();
    this._status = '';
    this._results = new Map();
    this.open = true;
    this.#dismiss.activate();
    this.#load();
    await this.updateComplete;
    await this.renderRoot.querySelector<PkPopup>('pk-popup')?.updateComplete;
    // Signing in decides which sections are enabled: focus once it is known, so the first item is stable.
    const ready = this.#ready;
    await ready;
    if (!this.open || ready !== this.#ready) return true;
    await this.updateComplete;
    this.#nav.focus(opts.focus ?? 'first');
    return true;
  }

  /**
   * Closes the menu and fires `pk-pivot-close`. Focus returns to the anchor when it was in the menu (or
   * nowhere): closing never takes focus from something else the user moved to.
   */
  hide(reason: PivotCloseReason = 'api'): void {
    if (!this.open) return;
    const active = document.activeElement;
    // Focus in the shadow tree shows as the host in document.activeElement.
    const focusWasInside = active === this || !active || active === document.body;
    this.open = false;
    this.#dismiss.deactivate();
    this.#resetDialog();
    this.#abort?.abort();
    // On Tab the browser's own move runs after this, from the anchor: focus goes on to what follows it.
    if (focusWasInside) this.#anchorElement?.focus();
    const closed = new PkPivotCloseEvent({ observable: this.observable, reason });
    this.dispatchEvent(closed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A host that points an open menu at another observable: load for it (show() has loaded already).
    if (changed.has('observable') && this.open && this.observable !== this.#loadedFor) this.#load();
  }

  #load() {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    const client = this.#client;
    const o = (this.#loadedFor = this.observable);
    this._verdicts = this._links = this._actions = { s: 'loading' };
    this._partial = { modules: [], errors: [], conflict: false };
    this._caseId = getCurrentCaseId();
    if (!client || !o) {
      this._auth = 'none';
      this.#ready = Promise.resolve();
      return;
    }
    const live = () => !signal.aborted;
    const run = async () => {
      if (!client.session) {
        this._auth = 'signing-in';
        try {
          await client.signIn({ signal });
        } catch {
          if (live()) this._auth = 'failed';
          return;
        }
      }
      if (!live()) return;
      this._auth = 'ready';
      if (client.can('enrich')) this.#loadVerdicts(client, o, signal);
      if (client.can('refer'))
        client.enrich.refer([o], { signal }).then(
          (r) => live() && (this._links = { s: 'done', v: r }),
          (e) => live() && (this._links = { s: 'error', msg: message(e) }),
        );
      if (client.can('response'))
        client.response.actions([o], { signal }).then(
          (r) => live() && (this._actions = { s: 'done', v: r }),
          (e) => live() && (this._actions = { s: 'error', msg: message(e) }),
        );
      const id = this._caseId;
      if (id && client.can('casebook') && !caseTitles.has(id))
        client.casebooks.get(id, { signal }).then(
          (c) => {
            caseTitles.set(id, c.title || id);
            this.requestUpdate();
          },
          () => {}, // a deleted or foreign case: the item still shows its id
        );
    };
    this.#ready = run();
  }

  #loadVerdicts(client: PivotkitClient, o: Observable, signal: AbortSignal) {
    const modules = new Map<string, ModuleVerdict>();
    const publish = (errors: ModuleError[], conflict = false, done = false) => {
      const list = [...modules.values()];
      const known = new Set(list.map((m) => m.disposition).filter((d) => d !== 5));
      this._verdicts = done
        ? { s: 'done', v: { modules: list, errors, conflict: conflict || known.size > 1 } }
        : { s: 'loading' };
      if (!done) this._partial = { modules: list, errors, conflict: known.size > 1 };
    };
    client.enrich
      .deliberate([o], {
        signal,
        onModule: (m) => {
          if (signal.aborted) return;
          const v = m.verdicts.find((x) => sameObservable(x.observable, o));
          modules.set(m.moduleInstanceId, { module: m.module, disposition: v?.disposition ?? 5 });
          publish([]);
        },
      })
      .then(
        (r) => {
          if (signal.aborted) return;
          const ov = r.verdictFor(o);
          for (const m of ov?.modules ?? [])
            modules.set(m.moduleInstanceId, { module: m.module, disposition: m.disposition });
          publish(r.errors, ov?.conflict, true);
        },
        (e) => !signal.aborted && (this._verdicts = { s: 'error', msg: message(e) }),
      );
  }

  #say(text: string) {
    this._status = text;
  }

  async #addToCase(toCurrent: boolean) {
    const client = this.#client;
    const o = this.observable;
    if (!client || !o || this._busy) return;
    const caseId = toCurrent ? this._caseId : null;
    if (toCurrent && !caseId) return;
    const adding = new PkAddToCaseEvent({ observable: o, caseId });
    if (!this.dispatchEvent(adding)) return;
    const t = this.#l.t;
    this._busy = toCurrent ? 'current' : 'new';
    try {
      if (caseId) {
        const c = await client.casebooks.addObservables(caseId, [o]);
        this.#say(t.addedToCase(c.title || caseId));
      } else {
        const title = t.newCaseTitle(o);
        const c = await client.casebooks.create({ title, observables: [o] });
        caseTitles.set(c.id, c.title || title);
        setCurrentCaseId(c.id);
        this._caseId = c.id;
        this.#say(t.addedToNewCase(c.title || title));
      }
    } catch (e) {
      this.#say(t.addFailed(message(e)));
    } finally {
      this._busy = '';
    }
  }

  async #copy(text: string) {
    const t = this.#l.t;
    try {
      await navigator.clipboard.writeText(text);
      this.#say(t.copied(text));
    } catch {
      this.#say(t.copyFailed);
    }
  }

  #requestSignIn() {
    const asking = new PkRequestSignInEvent();
    this.dispatchEvent(asking);
    this.hide('api');
  }

  async #runHostItem(item: PivotMenuItem) {
    const o = this.observable;
    if (!o) return;
    this.hide('api');
    await item.run(o, this);
  }

  // ---- Response actions: confirm, trigger, show, record ----

  #askConfirm(action: ResponseAction, item: HTMLElement | undefined) {
    this._confirm = { action, item };
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (!dialog || dialog.open) return;
      dialog.showModal();
      this.#dialogDismiss.activate();
      const sel = isDestructive(action) ? '[part~="dialog__cancel"]' : '[part~="dialog__confirm"]';
      dialog.querySelector<HTMLElement>(sel)?.focus();
    });
  }

  #resetDialog() {
    this.#dialogDismiss.deactivate();
    this.renderRoot.querySelector('dialog')?.close();
    this._confirm = undefined;
  }

  #closeDialog(confirmed: boolean) {
    const pending = this._confirm;
    this.#resetDialog();
    pending?.item?.focus();
    if (confirmed && pending) void this.#trigger(pending.action);
  }

  #onDialogKey(e: KeyboardEvent) {
    if (e.key !== 'Tab') return;
    // Keep Tab inside the dialog (a modal <dialog> alone lets it reach the browser's own UI).
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('button')];
    const first = buttons[0];
    const last = buttons.at(-1);
    const active = this.shadowRoot?.activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first?.focus();
    }
  }

  async #trigger(action: ResponseAction) {
    const client = this.#client;
    const o = this.observable;
    if (!client || !o) return;
    const t = this.#l.t;
    this._busy = action.id;
    this.#say(t.running(action.title));
    let result: TriggerResult;
    try {
      result = await client.response.trigger(action);
    } catch (e) {
      result = {
        status: 'failure',
        errors: [
          {
            module: action.module,
            moduleInstanceId: action.moduleInstanceId,
            moduleTypeId: action.moduleTypeId,
            code: 'request-failed',
            message: message(e),
            type: 'error',
          },
        ],
      };
    } finally {
      this._busy = '';
    }
    this._results = new Map(this._results).set(action.id, result);
    const summary = result.status === 'success' ? t.actionSucceeded(action.title) : t.actionFailed(action.title);
    const detail = result.errors.map((e) => e.message).join('; ');
    this.#say(detail ? t.withDetail(summary, detail) : summary);
    const triggered = new PkResponseTriggeredEvent({ observable: o, action, result });
    this.dispatchEvent(triggered);
    // The offer changes with the state (a blocked domain offers "Unblock"): ask again. Items are updated in
    // place, so the focused item keeps focus.
    const signal = this.#abort?.signal;
    if (result.status === 'success' && signal && !signal.aborted)
      void client.response.actions([o], { signal }).then(
        (r) => !signal.aborted && (this._actions = { s: 'done', v: r }),
        () => {},
      );
    const caseId = this._caseId;
    if (caseId && client.can('casebook')) {
      const text = t.actionNote({
        who: client.session?.clientId ?? t.unknownClient,
        what: t.actionWhat(action.title, action.module, o),
        when: new Date().toISOString(),
        result: detail ? t.withDetail(result.status, detail) : result.status,
      });
      await client.casebooks
        .addTexts(caseId, [{ type: 'note', text }])
        .catch((e: unknown) => this.#say(t.withDetail(this._status, t.noteFailed(message(e)))));
    }
  }

  // ---- Rendering ----

  #onKeydown(e: KeyboardEvent) {
    if (e.defaultPrevented) return;
    if (e.key === 'Tab') {
      // Close and put focus back on the anchor without preventing the Tab: the browser then moves on
      // from the anchor, as the menu-button pattern asks.
      this.hide('tab');
      return;
    }
    const item = (e.target as HTMLElement).closest?.<HTMLElement>('[role="menuitem"]');
    if (item && (e.key === 'Enter' || e.key === ' ')) {
      // A link opens on Enter by itself; Space and the other items need a click.
      if (item.localName === 'a' && e.key === 'Enter') return;
      e.preventDefault();
      item.click();
      return;
    }
    this.#nav.handleKeydown(e);
  }

  #missing(feature: Feature): string | undefined {
    const client = this.#client;
    if (!client || this._auth !== 'ready' || client.can(feature)) return undefined;
    return this.#l.t.missingScopes(client.missingScopes(feature));
  }

  #item(
    label: string,
    run: (e: Event) => void,
    opts: { reason?: string; disabled?: boolean; id?: string; busy?: boolean } = {},
  ): TemplateResult {
    const disabled = !!opts.disabled || !!opts.busy;
    return html`<div
      role="menuitem"
      tabindex="-1"
      part=${disabled ? 'item item--disabled' : 'item'}
      data-id=${opts.id ?? nothing}
      aria-disabled=${disabled ? 'true' : nothing}
      aria-busy=${opts.busy ? 'true' : nothing}
      @click=${(e: Event) => !disabled && run(e)}
    >
      <span part="item__label">${label}</span>
      ${opts.reason ? html`<span part="item__reason">${opts.reason}</span>` : nothing}
    </div>`;
  }

  #group(id: string, label: string, body: unknown): TemplateResult {
    return html`<div role="separator" part="separator"></div>
      <div role="group" part="group" aria-labelledby=${`g-${id}`} data-section=${id}>
        <div part="group__label" id=${`g-${id}`} role="presentation">${label}</div>
        ${body}
      </div>`;
  }

  #hostItems(section: NonNullable<PivotMenuItem['section']>, o: Observable) {
    return this.items
      .filter((i) => (i.section ?? 'more') === section && (!i.when || i.when(o)))
      .map((i) =>
        this.#item(typeof i.label === 'function' ? i.label(o) : i.label, () => void this.#runHostItem(i), {
          id: i.id,
        }),
      );
  }

  #renderVerdicts(): TemplateResult {
    const t = this.#l.t;
    const missing = this.#missing('enrich');
    let body: unknown;
    if (this._auth !== 'ready') body = nothing;
    else if (missing) body = html`<p part="note">${missing}</p>`;
    else if (this._verdicts.s === 'error')
      body = html`<p part="note verdict--error">${t.sectionFailed(this._verdicts.msg)}</p>`;
    else {
      const loading = this._verdicts.s === 'loading';
      const v = this._verdicts.s === 'done' ? this._verdicts.v : this._partial;
      body = html`
        ${v.conflict ? html`<p part="conflict" role="note">⚠ ${t.modulesDisagree}</p>` : nothing}
        <ul part="verdict-list">
          ${v.modules.map(
            (m) =>
              html`<li part="verdict">
                <span part="verdict__module">${m.module}</span>
                <pk-verdict-badge .disposition=${m.disposition}></pk-verdict-badge>
              </li>`,
          )}
          ${v.errors.map(
            (e) =>
              html`<li part="verdict verdict--error">
                <span part="verdict__module">${e.module ?? e.moduleTypeId}</span>
                <span part="verdict__error">${e.message}</span>
              </li>`,
          )}
        </ul>
        ${loading ? html`<p part="note">${t.loadingVerdicts}</p>` : nothing}
        ${!loading && !v.modules.length && !v.errors.length ? html`<p part="note">${t.noVerdicts}</p>` : nothing}
      `;
    }
    return html`<div
      part="verdicts"
      role="group"
      aria-labelledby="verdicts-label"
      aria-busy=${this._verdicts.s === 'loading' && this._auth === 'ready' ? 'true' : 'false'}
    >
      <div part="group__label" id="verdicts-label">${t.verdicts}</div>
      ${body}
    </div>`;
  }

  #verdictSummary(): string {
    const t = this.#l.t;
    const v = this._verdicts.s === 'done' ? this._verdicts.v : undefined;
    if (!v) return '';
    if (v.conflict) return t.modulesDisagree;
    return t.verdictSummary(v.modules.map((m) => ({ module: m.module, name: dispositionName(m.disposition) })));
  }

  #renderSections(o: Observable): TemplateResult {
    const t = this.#l.t;
    if (this._auth === 'none' || this._auth === 'failed') {
      return this.#group(
        'account',
        t.signedOut,
        this.#item(t.signIn, () => this.#requestSignIn(), { id: 'sign-in' }),
      );
    }
    if (this._auth === 'signing-in') return html`<p part="note" role="none">${t.signingIn}</p>`;
    const noCase = this.#missing('casebook');
    const caseId = this._caseId;
    const caseTitle = caseId ? (caseTitles.get(caseId) ?? caseId) : '';
    const casebook = this.#group(
      'casebook',
      t.casebook,
      html`${this.#item(t.addToNewCase, () => void this.#addToCase(false), {
        id: 'new-case',
        reason: noCase,
        disabled: !!noCase,
        busy: this._busy === 'new',
      })}
      ${this.#item(
        caseId ? t.addToCurrentCase(truncateMiddle(caseTitle, 40)) : t.addToCurrentCaseNone,
        () => void this.#addToCase(true),
        {
          id: 'current-case',
          reason: noCase ?? (caseId ? undefined : t.noCurrentCase),
          disabled: !!noCase || !caseId,
          busy: this._busy === 'current',
        },
      )}
      ${this.#hostItems('casebook', o)}`,
    );
    return html`${casebook}${this.#renderPivot(o)}${this.#renderResponse(o)}`;
  }

  #errorsOf(errors: ModuleError[]) {
    return errors.map(
      (e) => html`<p part="note verdict--error">${this.#l.t.moduleError(e.module ?? e.moduleTypeId, e.message)}</p>`,
    );
  }

  #renderPivot(o: Observable): TemplateResult {
    const t = this.#l.t;
    const missing = this.#missing('refer');
    let body: unknown;
    if (missing) body = this.#item(t.pivot, () => {}, { disabled: true, reason: missing, id: 'pivot-unavailable' });
    else if (this._links.s === 'loading') body = html`<p part="note" role="none">${t.loadingLinks}</p>`;
    else if (this._links.s === 'error')
      body = html`<p part="note verdict--error">${t.sectionFailed(this._links.msg)}</p>`;
    else {
      const byModule = new Map<string, ReferLink[]>();
      for (const l of this._links.v.links) byModule.set(l.module, [...(byModule.get(l.module) ?? []), l]);
      body = html`${[...byModule].map(
        ([module, links], i) =>
          html`<div role="group" part="subgroup" aria-labelledby=${`m-${i}`}>
            <div part="subgroup__label" id=${`m-${i}`} role="presentation">${module}</div>
            ${links.map((l) => {
              const href = safeHttpUrl(l.url);
              return href
                ? html`<a
                    role="menuitem"
                    tabindex="-1"
                    part="item item--link"
                    href=${href}
                    target="_blank"
                    rel="noopener noreferrer"
                    title=${l.description || nothing}
                    @click=${() => this.hide('api')}
                    ><span part="item__label">${l.title}</span
                    ><span class="visually-hidden">(${t.opensInNewTab})</span></a
                  >`
                : this.#item(l.title, () => {}, { disabled: true, reason: t.unsafeLink(l.url) });
            })}
          </div>`,
      )}
      ${this._links.v.links.length ? nothing : html`<p part="note">${t.noLinks}</p>`}
      ${this.#errorsOf(this._links.v.errors)}`;
    }
    return this.#group('pivot', t.pivot, html`${body}${this.#hostItems('pivot', o)}`);
  }

  #renderResponse(o: Observable): TemplateResult {
    const t = this.#l.t;
    const missing = this.#missing('response');
    let body: unknown;
    if (missing)
      body = this.#item(t.response, () => {}, { disabled: true, reason: missing, id: 'response-unavailable' });
    else if (this._actions.s === 'loading') body = html`<p part="note" role="none">${t.loadingActions}</p>`;
    else if (this._actions.s === 'error')
      body = html`<p part="note verdict--error">${t.sectionFailed(this._actions.msg)}</p>`;
    else {
      const { actions, errors } = this._actions.v;
      body = html`${actions.map((a) => {
        const r = this._results.get(a.id);
        return this.#item(a.title, (e) => this.#askConfirm(a, e.currentTarget as HTMLElement), {
          id: `action-${a.id}`,
          busy: this._busy === a.id,
          reason: r ? (r.status === 'success' ? t.actionSucceeded(a.title) : t.actionFailed(a.title)) : a.module,
        });
      })}
      ${actions.length ? nothing : html`<p part="note">${t.noActions}</p>`} ${this.#errorsOf(errors)}`;
    }
    return this.#group('response', t.response, html`${body}${this.#hostItems('response', o)}`);
  }

  #renderDialog(): TemplateResult {
    const t = this.#l.t;
    const c = this._confirm;
    const o = this.observable;
    const destructive = c ? isDestructive(c.action) : false;
    return html`<dialog
      part="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-body"
      @keydown=${this.#onDialogKey}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.#closeDialog(false);
      }}
    >
      ${
        c && o
          ? html`<div part="dialog__title" id="dialog-title">${t.confirmAction(c.action.title)}</div>
              <p part="dialog__body" id="dialog-body">
                ${c.action.description || t.confirmActionBody(c.action.title, o)}
              </p>
              <div part="dialog__buttons">
                <button part="dialog__cancel" @click=${() => this.#closeDialog(false)}>${t.cancel}</button>
                <button
                  part=${destructive ? 'dialog__confirm dialog__confirm--danger' : 'dialog__confirm'}
                  @click=${() => this.#closeDialog(true)}
                >
                  ${t.confirm}
                </button>
              </div>`
          : nothing
      }
    </dialog>`;
  }

  protected override render() {
    const t = this.#l.t;
    const o = this.observable;
    const menu = o
      ? html`<div part="panel" @keydown=${this.#onKeydown}>
          <div part="header" id="header">
            <span part="header__type">${t.observableType(o.type)}</span>
            <span part="header__value" title=${o.value} aria-hidden="true">${truncateMiddle(o.value, 34)}</span>
            <span class="visually-hidden">${o.value}</span>
          </div>
          ${this._auth === 'ready' ? this.#renderVerdicts() : nothing}
          <span class="visually-hidden" id="summary">${this.#verdictSummary()}</span>
          <div role="menu" part="menu" aria-label=${t.pivotMenuLabel(o)} aria-describedby="summary">
            ${this.#renderSections(o)}
            ${this.#group(
              'copy',
              t.copy,
              html`${this.#item(t.copyValue, () => void this.#copy(o.value), { id: 'copy' })}
              ${this.#item(t.copyDefanged, () => void this.#copy(defang(o)), { id: 'copy-defanged' })}
              ${this.#hostItems('copy', o)}`,
            )}
            ${
              this.items.some((i) => (i.section ?? 'more') === 'more')
                ? this.#group('more', t.more, this.#hostItems('more', o))
                : nothing
            }
          </div>
          <div part="status" role="status" aria-live="polite">${this._status}</div>
        </div>`
      : nothing;
    return html`<pk-popup part="popup-host" exportparts="popup" .anchor=${this.#anchorElement} ?open=${this.open && !!o}
        >${menu}</pk-popup
      >${this.#renderDialog()}`;
  }
}
