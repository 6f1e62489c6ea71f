import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Region } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonEn } from '../../i18n/ribbon.js';
import { SessionController } from '../../controllers/session-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { PkRibbonAppCloseEvent } from '../../events/ribbon-app-close.js';
import { session } from '../../state/session.js';
import { MIN_PANEL_HEIGHT, ribbonLayout, ribbonView } from '../../state/ribbon-layout.js';
import { settings, type Persistence, type ShortcutAction } from '../../state/settings.js';
import { tokens } from '../../styles/tokens.js';
import type { PkSignIn } from '../sign-in/sign-in.js';
import type { RegionBaseUrls } from '../sign-in/client-factory.js';
import { isDialogClient } from '../sign-in/dialog-clients.js';
import { whenIdle } from '../../lazy/when-idle.js';
import { appLabel, onRibbonAppsChange, ribbonApps, type RibbonApp } from './apps.js';
import type { CaseCountController } from './case-count-controller.js';
import { ICONS } from './icons.js';
import { MoveController } from './move-controller.js';
import type { RibbonPanel } from './panel.js';
import { LazyPart } from '../../lazy/lazy-part.js';
import { ShortcutsController } from './shortcuts-controller.js';
import { ToolbarController } from '../../controllers/toolbar-controller.js';
import styles from './ribbon.styles.js';

/** The bar's height in CSS pixels (2.75rem at the default 16px root size), for the panel's largest height. */
const BAR_PX = 44;
const PERSISTENCE: readonly Persistence[] = ['session-token', 'encrypted-credentials'];

// One restore per page, however many ribbons there are (there should be one).
let restoring: Promise<boolean> | undefined;

/**
 * @tag pk-ribbon
 * @summary The analyst's docked bar at the bottom of every page of a console: sign-in, Home, Casebook, the apps,
 * and Settings.
 * @status experimental
 * @since 0.2
 * @dependency pk-sign-in
 * @dependency pk-dialog
 *
 * @description Put one `<pk-ribbon>` at the end of `<body>`. Its own box is as tall as the bar, so the page can
 * scroll its last content above the bar (it also sets `scroll-padding-bottom` on the page, so focused elements are
 * not hidden under it). The bar and the app panel sit in the browser's top layer (popovers), above any z-index of
 * the page, in shadow DOM, so the page's CSS resets do not reach them.
 *
 * The bar is a toolbar: one Tab stop, arrow keys between its buttons, Home/End. Its drag handle is a slider that
 * moves it along the bottom edge (pointer or arrow keys). The panel's top edge is a window splitter (drag, or
 * ArrowUp/ArrowDown, Home/End, Enter to collapse and restore). Escape closes the panel. Right-click on the bar
 * (or the shortcut, Alt+Shift+K by default) edits the credentials. Layout is remembered per origin; what is open
 * is remembered per tab across page loads.
 *
 * Sign-in: with a client the host configured (`configure({ client })`, a token provider) or with `relay`, the
 * ribbon signs in without a dialog. Otherwise its dialog asks for the API client's ID, secret and region.
 *
 * @event {PkRibbonAppOpenEvent} pk-ribbon-app-open - An app's panel opened (`detail.id`, `detail.element`).
 * @event {PkRibbonAppCloseEvent} pk-ribbon-app-close - An app's panel closed (`detail.id`).
 *
 * @csspart bar - The docked bar.
 * @csspart handle - The drag handle that moves the bar (a slider).
 * @csspart toolbar - The toolbar inside the bar.
 * @csspart item - Every toolbar button.
 * @csspart item--active - The button of the open app.
 * @csspart item__icon - A button's icon.
 * @csspart item__label - A button's text.
 * @csspart item__count - The Casebook button's observable count.
 * @csspart toggle - The button that shows and hides the bar's items.
 * @csspart sign-in - The "Sign in" button (signed out).
 * @csspart panel - The app panel above the bar.
 * @csspart splitter - The panel's top edge (resizes it).
 * @csspart panel__header - The panel's title row.
 * @csspart panel__title - The open app's name.
 * @csspart panel__close - The panel's close button.
 * @csspart panel__body - Where the app's element is.
 * @csspart message - Loading and load-failure messages in the panel.
 * @csspart button - The Retry button of an app that failed to load, or of the panel's code (in the bar).
 * @csspart bar-message - Above the bar: the open app's panel could not be loaded (its code did not arrive), and Retry.
 *
 * @cssproperty [--bar-height=2.75rem] - Height of the bar (and of the space it reserves).
 * @cssproperty [--panel-width=46rem] - Width of the app panel (never wider than the viewport).
 */
export class PkRibbon extends LitElement {
  static override styles = [tokens, styles];

  // Declared here rather than with lit's decorators: the bar is all a page loads before it shows, and the
  // decorators' module (with its helpers) would come with it.
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    baseUrls: { attribute: false },
    relay: {},
    allowPersistence: { attribute: 'allow-persistence' },
    region: {},
    noShortcuts: { type: Boolean, attribute: 'no-shortcuts' },
    _drag: { state: true, attribute: false },
  };

  /**
   * One origin that serves every region's API (the emulator, a proxy), e.g. `http://localhost:8787`.
   * `baseUrls` (a per-region map) wins when both are set.
   */
  baseUrl = '';

  /** Where each region's API lives, when not at Cisco's hosts: a region → hosts (or origin) map. */
  baseUrls: RegionBaseUrls | undefined;

  /** A relay that holds the API secret on the server (`pivotkit-server relay`): the ribbon signs in through it. */
  relay = '';

  /**
   * The session persistence choices the analyst may pick in Settings, space-separated: `session-token`,
   * `encrypted-credentials`. Empty (the default): the secret and the token stay in memory only.
   */
  allowPersistence = '';

  /** The region the sign-in dialog proposes first. */
  region: Region = 'nam';

  /** Turns the keyboard shortcuts off (the page has its own for the same keys). */
  noShortcuts = false;

  private _drag: { height?: number; offset?: number } = {};

  readonly #l = new LocalizeController(this, ribbonEn);
  readonly #session = new SessionController(this);
  readonly #layout = new StoreController(this, ribbonLayout);
  readonly #view = new StoreController(this, ribbonView);
  readonly #settings = new StoreController(this, settings);
  /**
   * The Casebook button's count of the current case's observables. Its controller (a Task that reads the case, with
   * @lit/task) loads after the bar shows: the count waits for that read anyway.
   */
  #count: CaseCountController | undefined;
  readonly #toolbar = new ToolbarController(this, () => [
    ...this.renderRoot.querySelectorAll<HTMLElement>('[part~="toolbar"] [part~="item"]'),
  ]);
  readonly #move = new MoveController(this, {
    value: () => this.#offset,
    travel: () => Math.max(0, innerWidth - (this.#part('bar')?.getBoundingClientRect().width ?? 0)),
    onChange: (offset, done) => {
      if (done) {
        this._drag = { ...this._drag, offset: undefined };
        ribbonLayout.set({ offset });
      } else this._drag = { ...this._drag, offset };
    },
  });
  /**
   * The app panel, loaded with import() when an app first opens (at once for the one this tab had open) or the bar
   * is idle. When its code does not arrive, the bar says so, with Retry, while an app is open.
   */
  readonly #panel = new LazyPart<RibbonPanel>(this, async () => {
    const { RibbonPanel } = await import('./panel.js');
    return new RibbonPanel(this, {
      height: () => this.#height,
      min: MIN_PANEL_HEIGHT,
      max: () => this.#maxHeight,
      resize: (height, done) => {
        if (done) {
          this._drag = { ...this._drag, height: undefined };
          ribbonLayout.set({ height });
        } else this._drag = { ...this._drag, height };
      },
      configure: (app, el) => this.#configure(app, el),
      closeIcon: ICONS['close']!,
    });
  });
  #offApps: (() => void) | undefined;
  #restoredPadding: string | undefined;

  constructor() {
    super();
    new ShortcutsController(this, (action) => {
      if (!this.noShortcuts) void this.#shortcut(action);
    });
  }

  get #allowed(): Persistence[] {
    return this.allowPersistence.split(/\s+/).filter((p): p is Persistence => PERSISTENCE.includes(p as Persistence));
  }

  get #regionBases(): RegionBaseUrls | undefined {
    return this.baseUrls ?? (this.baseUrl || undefined);
  }

  get #maxHeight(): number {
    return Math.max(MIN_PANEL_HEIGHT, innerHeight - BAR_PX - 24);
  }

  get #height(): number {
    return Math.min(this._drag.height ?? this.#layout.value.height, this.#maxHeight);
  }

  get #offset(): number {
    return this._drag.offset ?? this.#layout.value.offset;
  }

  /** Whether the bar shows its items. */
  get expanded(): boolean {
    return this.#view.value.expanded;
  }

  /** The id of the open app, or `null`. */
  get openApp(): string | null {
    return this.#view.value.expanded ? this.#view.value.openApp : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#offApps = onRibbonAppsChange(() => this.requestUpdate());
    window.addEventListener('pk-request-sign-in', this.#onRequestSignIn);
    window.addEventListener('resize', this.#onResize);
    // Keyboard focus moving to the page's last elements scrolls them above the bar, not under it.
    const root = document.documentElement.style;
    if (!root.scrollPaddingBottom) {
      this.#restoredPadding = root.scrollPaddingBottom;
      root.scrollPaddingBottom = 'calc(var(--pk-ribbon-height, 2.75rem) + 0.5rem)';
    }
    void this.#startSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offApps?.();
    window.removeEventListener('pk-request-sign-in', this.#onRequestSignIn);
    window.removeEventListener('resize', this.#onResize);
    if (this.#restoredPadding !== undefined) document.documentElement.style.scrollPaddingBottom = this.#restoredPadding;
    this.#restoredPadding = undefined;
  }

  async #startSession() {
    if (session.get().client) return; // the host configured one
    // The SDK client factory and the credential store load only when there is something to sign in with.
    if (this.relay) {
      const { relayClient } = await import('../sign-in/session-actions.js');
      session.setClient(relayClient(this.relay), { region: this.region });
      await session.signIn();
      return;
    }
    if (settings.get().persistence === 'memory') return;
    restoring ??= import('../sign-in/session-actions.js').then(({ restoreSession }) =>
      restoreSession({ baseUrls: this.#regionBases, allow: this.#allowed }),
    );
    await restoring;
  }

  #onResize = () => this.requestUpdate();

  #onRequestSignIn = (e: Event) => {
    if (e.defaultPrevented) return;
    e.preventDefault(); // handled: the element that asked need not do anything else
    void this.signIn();
  };

  /**
   * Signs in: with the host's client (or the relay) directly, otherwise through the dialog.
   * Resolves once the dialog is open or the sign-in finished.
   */
  async signIn(): Promise<void> {
    const s = session.get();
    if (s.client && !isDialogClient(s.client) && s.status !== 'signed-in') {
      await session.signIn();
      return;
    }
    await this.editCredentials();
  }

  /** Opens the sign-in dialog (to sign in, or to see and edit the credentials while signed in). */
  async editCredentials(): Promise<void> {
    // The dialog (and the SDK client it makes) loads on first use.
    await import('../sign-in/pk-sign-in.js');
    await customElements.whenDefined('pk-sign-in');
    await this.updateComplete;
    // Upgraded by define() when connected; a ribbon taken out of the page meanwhile upgrades it here.
    const signIn = this.renderRoot.querySelector<PkSignIn>('pk-sign-in')!;
    customElements.upgrade(signIn);
    await signIn.show();
  }

  /** Shows or hides the bar's items (hiding also closes the panel). */
  toggle(expanded = !this.expanded): void {
    const was = this.openApp;
    ribbonView.set(expanded ? { expanded } : { expanded, openApp: null });
    if (!expanded && was) this.dispatchEvent(new PkRibbonAppCloseEvent({ id: was }));
  }

  /** Opens an app's panel (loading its code on first open); `focus` moves focus into it. */
  async open(id: string, opts: { focus?: boolean } = {}): Promise<HTMLElement | undefined> {
    const app = ribbonApps().find((a) => a.id === id);
    if (!app) return undefined;
    const was = this.openApp;
    ribbonView.set({ expanded: true, openApp: id });
    if (was && was !== id) this.dispatchEvent(new PkRibbonAppCloseEvent({ id: was }));
    const panel = await this.#panel.load();
    return panel?.show(app, was, opts);
  }

  /** Closes the panel; focus goes back to the app's button when it was in the panel. */
  close(): void {
    const id = this.openApp;
    if (!id) return;
    const focusInPanel = !!this.#panel.value?.hasFocus();
    ribbonView.set({ openApp: null });
    this.dispatchEvent(new PkRibbonAppCloseEvent({ id }));
    if (focusInPanel) {
      void this.updateComplete.then(() =>
        this.#toolbar.focus(this.renderRoot.querySelector<HTMLElement>(`[data-app="${CSS.escape(id)}"]`) ?? undefined),
      );
    }
  }

  #configure(app: RibbonApp, el: HTMLElement) {
    if (app.id === 'settings')
      (el as HTMLElement & { allowPersistence: Persistence[] }).allowPersistence = this.#allowed;
    // The panel's own heading names the app: the casebook leaves out its "Casebook" heading below it.
    if (app.id === 'casebook') (el as HTMLElement & { noHeading: boolean }).noHeading = true;
    if (app.id === 'search') {
      // The search text survives navigation: put back the last one, follow what is typed.
      const search = el as HTMLElement & { value: string };
      search.value = ribbonView.get().lastSearch;
      el.addEventListener('input', () => ribbonView.set({ lastSearch: search.value }));
    }
    el.dataset.ribbonApp = app.id;
  }

  async #shortcut(action: ShortcutAction) {
    switch (action) {
      case 'toggle':
        this.toggle();
        if (this.expanded) await this.updateComplete.then(() => this.#toolbar.focus(this.#toolbarItems()[0]));
        return;
      case 'credentials':
        await this.editCredentials();
        return;
      default:
        if (ribbonApps().some((a) => a.id === action)) await this.open(action, { focus: true });
    }
  }

  #part(name: string) {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  #toolbarItems() {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="toolbar"] [part~="item"]')];
  }

  protected override firstUpdated(): void {
    void import('./case-count-controller.js').then(
      ({ CaseCountController }) => {
        this.#count ??= new CaseCountController(this);
        this.requestUpdate();
      },
      // Without its code the button shows no count; it still opens the casebook.
      () => undefined,
    );
    const id = this.openApp;
    // The panel this tab had open shows again as soon as its code is here; otherwise it loads when the bar is idle,
    // so that the first open does not wait for it.
    if (id) void this.open(id);
    else whenIdle(() => void this.#panel.load());
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.isConnected) return;
    const bar = this.#part('bar')!;
    const panel = this.#part('panel');
    // A popover taken out of the document is hidden: a ribbon moved by the page (or a framework) shows again.
    // The panel goes back above the bar (the top layer stacks in the order things were shown).
    if (!bar.matches(':popover-open')) {
      if (panel?.matches(':popover-open')) panel.hidePopover();
      bar.showPopover();
    }
    // Why the open app's panel is missing, above the bar.
    const message = this.#part('bar-message');
    if (message && !message.matches(':popover-open')) message.showPopover();
    if (!panel) return; // its code has not loaded yet
    const want = !!this.openApp;
    const shown = panel.matches(':popover-open');
    if (want && !shown) panel.showPopover();
    else if (!want && shown) panel.hidePopover();
  }

  #onToolbarKeydown(e: KeyboardEvent) {
    this.#toolbar.handleKeydown(e);
  }

  #onContextMenu(e: MouseEvent) {
    // Right-click on the bar edits the credentials, as on the SecureX ribbon.
    e.preventDefault();
    void this.editCredentials();
  }

  #icon(app: RibbonApp): TemplateResult {
    const icon = app.icon;
    if (typeof icon === 'string') return html`<img part="item__icon" src=${icon} alt="" width="16" height="16" />`;
    if (icon) return html`<span part="item__icon" aria-hidden="true">${icon}</span>`;
    return html`<svg part="item__icon" viewBox="0 0 16 16" aria-hidden="true">${ICONS[app.id] ?? ICONS['app']}</svg>`;
  }

  #appButton(app: RibbonApp) {
    const t = this.#l.t;
    const label = appLabel(app, t);
    const active = this.openApp === app.id;
    const casebook = app.id === 'casebook';
    const count = casebook ? this.#count?.count : undefined;
    return html`<button
      part=${active ? 'item item--active' : 'item'}
      type="button"
      data-app=${app.id}
      aria-expanded=${active ? 'true' : 'false'}
      aria-controls=${this.#panel.value ? 'panel' : nothing}
      aria-label=${casebook ? t.casebookButton(count, this.#count?.title) : nothing}
      title=${label}
      @click=${() => (active ? this.close() : this.open(app.id, { focus: true }))}
      @contextmenu=${casebook ? this.#onContextMenu : nothing}
    >
      ${this.#icon(app)}<span part="item__label">${label}</span>${
        count !== undefined ? html`<span part="item__count">${count}</span>` : nothing
      }
    </button>`;
  }

  protected override render() {
    const t = this.#l.t;
    const s = this.#session.state;
    const st = this.#settings.value;
    const expanded = this.expanded;
    const apps = ribbonApps();
    const open = apps.find((a) => a.id === this.openApp);
    const offset = this.#offset;
    const pct = Math.round(offset * 100);
    const height = this.#height;
    const signedOut = s.status !== 'signed-in';
    return html`<div
      class="theme"
      data-theme=${st.theme}
      lang=${st.lang || nothing}
      style="--_offset: ${offset}; --_panel-height: ${height}px"
    >
      <div part="bar" popover="manual" role="region" aria-label=${t.ribbonRegion} @contextmenu=${this.#onContextMenu}>
        <div
          part="handle"
          role="slider"
          tabindex="0"
          aria-label=${t.ribbonPosition}
          aria-orientation="horizontal"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${pct}
          aria-valuetext=${t.ribbonPositionText(pct)}
          aria-describedby="handle-help"
          title=${t.ribbonPositionHelp}
          @keydown=${this.#move.handleKeydown}
          @pointerdown=${this.#move.handlePointerdown}
          @pointermove=${this.#move.handlePointermove}
          @pointerup=${this.#move.handlePointerup}
          @pointercancel=${this.#move.handlePointerup}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">${ICONS['grip']}</svg>
        </div>
        <span id="handle-help" hidden>${t.ribbonPositionHelp}</span>
        <div
          part="toolbar"
          role="toolbar"
          aria-label=${t.ribbonLabel}
          @keydown=${this.#onToolbarKeydown}
          @focusin=${(e: FocusEvent) => this.#toolbar.handleFocusin(e)}
        >
          <button
            part="item toggle"
            type="button"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-label=${expanded ? t.collapseRibbon : t.expandRibbon}
            title=${expanded ? t.collapseRibbon : t.expandRibbon}
            @click=${() => this.toggle()}
          >
            <svg part="item__icon" viewBox="0 0 16 16" aria-hidden="true">${ICONS['logo']}</svg>
            <span part="item__label" class="brand">${t.ribbonLabel}</span>
          </button>
          ${
            expanded
              ? html`${
                  signedOut
                    ? html`<button
                        part="item sign-in"
                        type="button"
                        data-status=${s.status}
                        @click=${() => this.signIn()}
                      >
                        <svg part="item__icon" viewBox="0 0 16 16" aria-hidden="true">${ICONS['signIn']}</svg>
                        <span part="item__label">${s.status === 'signing-in' ? t.signingIn : t.ribbonSignIn}</span>
                      </button>`
                    : nothing
                }
                ${apps.map((a) => this.#appButton(a))}`
              : nothing
          }
        </div>
      </div>
      ${this.#panel.value?.render(open, t) ?? nothing}
      ${
        this.#panel.failed && open
          ? html`<div part="bar-message" popover="manual" role="alert">
              ${t.panelLoadFailed(appLabel(open, t))}
              <button part="button" type="button" @click=${() => void this.open(open.id, { focus: true })}>
                ${t.retry}
              </button>
            </div>`
          : nothing
      }
      <pk-sign-in .baseUrls=${this.#regionBases} .allowPersistence=${this.#allowed} region=${this.region}></pk-sign-in>
    </div>`;
  }
}
