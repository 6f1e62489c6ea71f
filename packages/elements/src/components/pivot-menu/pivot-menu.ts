import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { TaskStatus, type Task } from '@lit/task';
import type { Observable, PivotkitClient, ResponseAction } from '@pivotkit/sdk';
import { announce } from '../../a11y/announce.js';
import { DismissController } from '../../controllers/dismiss-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { MenuNavigationController } from '../../controllers/menu-navigation-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { PkAddToCaseEvent } from '../../events/add-to-case.js';
import { PkPivotCloseEvent, type PivotCloseReason } from '../../events/pivot-close.js';
import { PkPivotOpenEvent } from '../../events/pivot-open.js';
import type { SharedStrings } from '../../i18n/index.js';
import { tokens } from '../../styles/tokens.js';
import '../dialog/pk-dialog.js';
import '../popup/pk-popup.js';
import type { PkPopup } from '../popup/popup.js';
import { defang } from './format.js';
import type { PivotMenuItem } from './item.js';
import { PivotMenuData } from './pivot-menu-data.js';
import styles from './pivot-menu.styles.js';
import { ResponseFlow } from './response-flow.js';
import * as tpl from './templates.js';

export type { PivotMenuItem };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A task's state as the templates read it. */
function loaded<T>(task: Task<readonly unknown[], T | undefined>): tpl.Loaded<T> {
  if (task.status === TaskStatus.ERROR) return { s: 'error', msg: message(task.error) };
  if (task.status === TaskStatus.COMPLETE && task.value !== undefined) return { s: 'done', v: task.value };
  return { s: 'loading' };
}

/**
 * @tag pk-pivot-menu
 * @summary The menu of things to do with one observable: cases, verdicts, pivots, response actions, copy.
 * @status experimental
 * @since 0.1
 * @dependency pk-popup
 * @dependency pk-dialog
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
 * without the user (credentials or a token provider) is signed in when the menu opens. The client is the
 * element's own `client`, else the page's session (`configure({ client })`).
 *
 * The current case is the state layer's `currentCase` (its id is kept in `localStorage['pk-current-case']`,
 * and other tabs follow it); "Add to new case" makes the new case current. After a response action, a note
 * (who, what, when, result) is added to the current case. Results are shown in the `status` part and
 * announced through the page's shared live region.
 *
 * @event {PkPivotOpenEvent} pk-pivot-open - The menu is about to open for `detail.observable`; cancelable.
 * @event {PkPivotCloseEvent} pk-pivot-close - The menu closed; `detail.reason` says why.
 * @event {PkAddToCaseEvent} pk-add-to-case - The user adds the observable to a case (`caseId` null: a new one); cancelable.
 * @event {PkResponseTriggeredEvent} pk-response-triggered - A confirmed response action ran; `detail.result` is its outcome.
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in".
 *
 * @csspart popup-host - The `<pk-popup>` element that positions the menu.
 * @csspart popup - The floating box (pk-popup's `popup` part).
 * @csspart panel - The menu's surface inside the box (`role="dialog"`, named by the header).
 * @csspart header - The observable: its type and value.
 * @csspart header__type - The observable's type.
 * @csspart header__value - The value, truncated in the middle; the full value is in its tooltip and read by screen readers.
 * @csspart verdicts - The verdicts section.
 * @csspart verdict-list - The list of module verdicts.
 * @csspart verdict - One module's verdict, or its error.
 * @csspart verdict__module - A verdict's module name.
 * @csspart verdict__error - A module's error message.
 * @csspart verdict--error - A module's error (on the row or the note).
 * @csspart conflict - The "Modules disagree" notice.
 * @csspart note - A short text in a section: loading, empty, unavailable or failed.
 * @csspart menu - The `role="menu"` list of items.
 * @csspart separator - The line between two sections (`role="separator"`).
 * @csspart group - A section of items.
 * @csspart group__label - A section's visible label.
 * @csspart subgroup - The links of one module in the pivot section.
 * @csspart subgroup__label - A module's name above its links.
 * @csspart item - A menu item.
 * @csspart item--disabled - A disabled item.
 * @csspart item--link - A menu item that is a link (a refer link, opens in a new tab).
 * @csspart item__label - An item's text.
 * @csspart item__reason - Why an item is disabled, or its state.
 * @csspart status - The visible feedback ("Added to case …"); the same text is announced to screen readers.
 * @csspart dialog - The confirmation dialog of a response action (pk-dialog's `dialog` part).
 * @csspart dialog__title - Its title.
 * @csspart dialog__body - Its text.
 * @csspart dialog__buttons - The row of its buttons (pk-dialog's `footer` part).
 * @csspart dialog__confirm - Its confirm button.
 * @csspart dialog__confirm--danger - The confirm button of a destructive action.
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

  #l = new LocalizeController(this);
  #session = new SessionController(this);
  #data = new PivotMenuData(this);
  #response = new ResponseFlow(this);
  #nav = new MenuNavigationController(this, () => [
    ...(this.renderRoot.querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]') ?? []),
  ]);
  #dismiss = new DismissController(this, {
    onDismiss: (source) => this.hide(source),
    inside: () => [this.#anchorElement],
  });
  #status = '';
  #busy = '';

  /** @internal The client in use: the element's own, else the session's. */
  get effectiveClient(): PivotkitClient | undefined {
    return this.client ?? this.#session.client;
  }

  /** @internal */
  get strings(): SharedStrings {
    return this.#l.t;
  }

  /** @internal */
  get currentCaseId(): string | null {
    return this.#data.caseId;
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
    this.#response.reset();
    this.#status = '';
    this.open = true;
    this.#dismiss.activate();
    this.#data.reload();
    await this.updateComplete;
    await this.renderRoot.querySelector<PkPopup>('pk-popup')?.updateComplete;
    // Signing in decides which sections are enabled: focus once it is known, so the first item is stable.
    const opened = this.#data.auth.taskComplete;
    await this.#data.settled();
    if (!this.open || opened !== this.#data.auth.taskComplete) return true;
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
    this.#response.reset();
    // On Tab the browser's own move runs after this, from the anchor: focus goes on to what follows it.
    if (focusWasInside) this.#anchorElement?.focus();
    this.dispatchEvent(new PkPivotCloseEvent({ observable: this.observable, reason }));
  }

  /** @internal Shows a result in the status part and announces it. */
  say(text: string): void {
    this.#status = text;
    this.requestUpdate();
    if (text) announce(text);
  }

  /** @internal */
  refreshActions(): void {
    this.#data.refreshActions();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A host that points an open menu at another observable: start over for it.
    if (changed.has('observable') && this.open && changed.get('observable') !== undefined) this.#data.reload();
  }

  async #addToCase(toCurrent: boolean) {
    const client = this.effectiveClient;
    const o = this.observable;
    if (!client || !o || this.#busy) return;
    const caseId = toCurrent ? this.#data.caseId : null;
    if (toCurrent && !caseId) return;
    if (!this.dispatchEvent(new PkAddToCaseEvent({ observable: o, caseId }))) return;
    const t = this.#l.t;
    this.#busy = toCurrent ? 'current' : 'new';
    this.requestUpdate();
    try {
      // Loaded on the first add, with the outbox it writes through.
      const { addFromMenu } = await import('./add-to-case.js');
      this.say(await addFromMenu({ observable: o, caseId, caseLabel: this.#data.caseLabel, client: this.client, t }));
    } catch (e) {
      this.say(t.addFailed(message(e)));
    } finally {
      this.#busy = '';
      this.requestUpdate();
    }
  }

  async #copy(text: string) {
    const t = this.#l.t;
    try {
      await navigator.clipboard.writeText(text);
      this.say(t.copied(text));
    } catch {
      this.say(t.copyFailed);
    }
  }

  async #runHostItem(item: PivotMenuItem) {
    const o = this.observable;
    if (!o) return;
    this.hide('api');
    await item.run(o, this);
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.defaultPrevented) return;
    // Keys inside the confirmation belong to it.
    if ((e.target as Element).closest?.('pk-dialog')) return;
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

  #view(o: Observable): tpl.MenuView {
    const data = this.#data;
    return {
      t: this.#l.t,
      host: this,
      observable: o,
      auth: data.state,
      items: this.items,
      missing: (f) => data.missing(f),
      verdicts: loaded(data.verdicts),
      partial: data.partial,
      links: loaded(data.links),
      actions: data.shownActions ? { s: 'done', v: data.shownActions } : loaded(data.actions),
      caseId: data.caseId,
      caseLabel: data.caseLabel,
      busy: this.#busy || this.#response.busy,
      results: this.#response.results,
      addToCase: (toCurrent) => void this.#addToCase(toCurrent),
      askConfirm: (action: ResponseAction) => this.#response.ask(action),
      runHostItem: (i) => void this.#runHostItem(i),
      linkOpened: () => this.hide('api'),
      signInRequested: () => this.hide('api'),
    };
  }

  #renderDialog() {
    const t = this.#l.t;
    const pending = this.#response.pending;
    const o = this.observable;
    return html`<pk-dialog
      exportparts="dialog, title: dialog__title, footer: dialog__buttons"
      alert
      no-close-button
      label=${pending ? t.confirmAction(pending.title) : ''}
      ?open=${!!pending && !!o}
      @pk-request-close=${() => this.#response.answer(false)}
    >
      ${pending && o ? tpl.confirmBody(t, pending, o, (yes) => this.#answer(yes)) : nothing}
    </pk-dialog>`;
  }

  #answer(confirmed: boolean) {
    // Close first, so that focus is back on the action's item before it runs.
    void this.renderRoot.querySelector('pk-dialog')?.hide();
    this.#response.answer(confirmed);
  }

  protected override render() {
    const o = this.observable;
    const t = this.#l.t;
    let menu: unknown = nothing;
    if (o) {
      const v = this.#view(o);
      menu = html`<div
        part="panel"
        role="dialog"
        aria-labelledby="header"
        lang=${t.$code}
        dir=${this.#l.dir}
        @keydown=${this.#onKeydown}
      >
        ${tpl.header(v)} ${v.auth === 'ready' ? tpl.verdicts(v) : nothing}
        <span class="visually-hidden" id="summary">${tpl.verdictSummary(v)}</span>
        <div role="menu" part="menu" aria-label=${t.pivotMenuLabel(o)} aria-describedby="summary">
          ${tpl.sections(v)}
          ${tpl.group(
            'copy',
            t.copy,
            html`${tpl.item(t.copyValue, () => void this.#copy(o.value), { id: 'copy' })}
            ${tpl.item(t.copyDefanged, () => void this.#copy(defang(o)), { id: 'copy-defanged' })}
            ${tpl.hostItems(v, 'copy')}`,
          )}
          ${
            this.items.some((i) => (i.section ?? 'more') === 'more')
              ? tpl.group('more', t.more, tpl.hostItems(v, 'more'))
              : nothing
          }
        </div>
        <div part="status">${this.#status}</div>
      </div>`;
    }
    return html`<pk-popup part="popup-host" exportparts="popup" .anchor=${this.#anchorElement} ?open=${this.open && !!o}
        >${menu}</pk-popup
      >${this.#renderDialog()}`;
  }
}
