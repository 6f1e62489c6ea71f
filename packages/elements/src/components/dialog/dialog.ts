import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { PkLifecycleEvent } from '../../events/dialog-lifecycle.js';
import { PkRequestCloseEvent, type RequestCloseSource } from '../../events/request-close.js';
import { tokens } from '../../styles/tokens.js';
import styles from './dialog.styles.js';

const TABBABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable="true"]';

/** The focused element, looking into shadow roots (document.activeElement stops at the first host). */
function deepActiveElement(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

function tabbablesIn(nodes: Element[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const n of nodes) {
    if (!(n instanceof HTMLElement)) continue;
    if (n.matches(TABBABLE)) out.push(n);
    out.push(...n.querySelectorAll<HTMLElement>(TABBABLE));
  }
  return out.filter((el) => !el.closest('[inert]') && el.checkVisibility?.() !== false);
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * @tag pk-dialog
 * @summary A dialog on the native `<dialog>`: modal (the page is inert behind it) or modeless.
 * @status experimental
 * @since 0.2
 *
 * @description Opening moves focus to the first `[autofocus]` element inside, else the first focusable one
 * (else the close button), and closing returns it to the element that had it. In a modal dialog Tab cycles
 * inside. Escape, a press on the backdrop (modal only) and the close button fire the cancelable
 * `pk-request-close` first: call `preventDefault()` to keep it open (unsaved text, say). Motion is skipped when
 * the user prefers reduced motion. `hide()` and `open = false` close without asking. Opened again while it closes
 * (even `hide(); show()` in one go) it opens afresh: `pk-hide`/`pk-after-hide`, then `pk-show`, focus inside, and
 * the opener remembered; closed during its opening motion, the motion stops, focus returns and `pk-after-show`
 * does not come.
 *
 * @slot - The body.
 * @slot footer - Buttons at the bottom (the footer is hidden while the slot is empty).
 *
 * @event {PkLifecycleEvent} pk-show - The dialog starts to open.
 * @event {PkLifecycleEvent} pk-after-show - The dialog is open and its opening motion has ended.
 * @event {PkLifecycleEvent} pk-hide - The dialog starts to close.
 * @event {PkLifecycleEvent} pk-after-hide - The dialog is closed and focus is back.
 * @event {PkRequestCloseEvent} pk-request-close - The user asked to close (`detail.source`: `escape`, `outside`, `close-button`); cancelable.
 *
 * @csspart dialog - The native `<dialog>` box.
 * @csspart header - The row with the title and the close button.
 * @csspart title - The heading; it names the dialog.
 * @csspart close-button - The close (×) button.
 * @csspart body - The wrapper of the default slot.
 * @csspart footer - The wrapper of the `footer` slot.
 *
 * @cssproperty [--width=28rem] - The dialog's width (never wider than the viewport).
 */
export class PkDialog extends LitElement {
  static override styles = [tokens, styles];

  /** The dialog's heading and accessible name. */
  @property() label = '';

  /**
   * Whether the dialog is open. Reflects. Prefer `show()`/`hide()`, which resolve once the motion is done.
   * @default false
   */
  @property({ type: Boolean, reflect: true })
  get open(): boolean {
    return this.#open;
  }
  set open(value: boolean) {
    // Counted here, not read from the changed properties: closed and opened again before the next update
    // (`hide(); show()`) is still a close and a fresh open.
    if (value && !this.#open) this.#opens++;
    this.#open = value;
  }

  /** Opens it non-modal: the page stays usable, no backdrop, outside presses do not close it. */
  @property({ type: Boolean, reflect: true }) modeless = false;

  /** An alert dialog (`role="alertdialog"`): a confirmation that interrupts; its body is its description. */
  @property({ type: Boolean }) alert = false;

  /** Leaves out the close button (a confirmation whose footer has Cancel). */
  @property({ type: Boolean, attribute: 'no-close-button' }) noCloseButton = false;

  /** @internal The rendered `<dialog>` (what `@query('dialog')` would give, without the decorator's code). */
  private get _dialog(): HTMLDialogElement {
    return this.renderRoot?.querySelector('dialog') as HTMLDialogElement;
  }

  #l = new LocalizeController(this);
  #open = false;
  /** How often `open` went from false to true, and how many of those opens were carried out. */
  #opens = 0;
  #opened = 0;
  /** Bumped by every open and close: a motion that a later one overtook does not finish its transition. */
  #transition = 0;
  #motion: Animation | undefined;
  #opener: HTMLElement | null = null;
  #hasFooter = false;
  #settled: Promise<void> = Promise.resolve();

  /** Opens the dialog; resolves after `pk-after-show`. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    await this.#settled;
  }

  /** Closes the dialog without asking; resolves after `pk-after-hide`. */
  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    await this.#settled;
  }

  /** Asks to close, as the user's Escape, backdrop press or close button do; true when it closed. */
  requestClose(source: RequestCloseSource): boolean {
    if (!this.open) return false;
    if (!this.dispatchEvent(new PkRequestCloseEvent({ source }))) {
      this.#refuse();
      return false;
    }
    this.open = false;
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._dialog?.close();
  }

  protected override willUpdate(): void {
    // Known before the first slotchange, so that a footer button can take focus as the dialog opens.
    this.#hasFooter = !!this.querySelector(':scope > [slot="footer"]');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) {
      const reopened = this.#opens !== this.#opened;
      this.#opened = this.#opens;
      if (this.open && this._dialog.open && reopened) {
        // Closed and opened again in one go: close, then open as if for the first time.
        void this.#closing();
        this.#settled = this.#opening();
      } else if (this.open && !this._dialog.open) this.#settled = this.#opening();
      else if (!this.open && this._dialog.open) this.#settled = this.#closing();
    }
    if (changed.has('modeless') && this._dialog.open && changed.get('modeless') !== undefined) {
      // Switching mode while open: reopen in the new mode (a native dialog cannot change it in place).
      this._dialog.close();
      this.#openNative();
    }
  }

  #openNative() {
    if (this.modeless) this._dialog.show();
    else this._dialog.showModal();
  }

  async #opening() {
    const transition = ++this.#transition;
    const active = deepActiveElement();
    // Focus still inside (reopened from a control of the dialog): the opener stays the one it will return to.
    if (!this.contains(active) && !this.shadowRoot?.contains(active)) this.#opener = active;
    this.dispatchEvent(new PkLifecycleEvent('pk-show'));
    this.#openNative();
    this.#focusInitial();
    await this.#animate([
      { opacity: 0, transform: 'scale(0.97)' },
      { opacity: 1, transform: 'none' },
    ]);
    // Closed (or closed and opened again) during the motion: that transition is not this one's to finish.
    if (transition !== this.#transition) return;
    this.dispatchEvent(new PkLifecycleEvent('pk-after-show'));
  }

  async #closing() {
    this.#transition++;
    // Closing during the opening motion ends it now (the open's pk-after-show does not come).
    this.#motion?.cancel();
    this.dispatchEvent(new PkLifecycleEvent('pk-hide'));
    const focusWasInside = (() => {
      const a = deepActiveElement();
      return !a || a === document.body || this.contains(a) || !!this.shadowRoot?.contains(a);
    })();
    // Closed at once, without an exit motion: what the user does next (a key, a click) must reach the page.
    this._dialog.close();
    const opener = this.#opener;
    this.#opener = null;
    // Return focus only if the user did not move it elsewhere meanwhile.
    if (focusWasInside && opener?.isConnected) opener.focus();
    this.dispatchEvent(new PkLifecycleEvent('pk-after-hide'));
  }

  async #animate(keyframes: Keyframe[]) {
    if (reducedMotion() || !this._dialog.animate) return;
    const a = (this.#motion = this._dialog.animate(keyframes, { duration: 150, easing: 'ease-out' }));
    await a.finished.catch(() => {});
    if (this.#motion === a) this.#motion = undefined;
  }

  #refuse() {
    // The host kept it open: a short shake says so (not with reduced motion).
    if (reducedMotion()) return;
    this._dialog.animate?.(
      [
        { transform: 'none' },
        { transform: 'translateX(-6px)' },
        { transform: 'translateX(6px)' },
        { transform: 'none' },
      ],
      { duration: 200 },
    );
  }

  #tabbables(): HTMLElement[] {
    const close = this.renderRoot.querySelector<HTMLElement>('[part="close-button"]');
    const slots = [...this.renderRoot.querySelectorAll('slot')];
    const slotted = tabbablesIn(slots.flatMap((s) => s.assignedElements({ flatten: true })));
    return [...(close ? [close] : []), ...slotted];
  }

  #focusInitial() {
    const slotted = [...this.renderRoot.querySelectorAll('slot')].flatMap((s) => s.assignedElements({ flatten: true }));
    const auto = slotted
      .flatMap((n) => [n, ...n.querySelectorAll('[autofocus]')])
      .find((n) => n.hasAttribute('autofocus'));
    const target = (auto as HTMLElement | undefined) ?? tabbablesIn(slotted)[0] ?? this.#tabbables()[0];
    target?.focus();
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') {
      // Handled here, not left to the native `cancel`: one path for modal and modeless, and an overlay below
      // (a menu) does not see the same Escape.
      e.preventDefault();
      e.stopPropagation();
      this.requestClose('escape');
      return;
    }
    if (e.key !== 'Tab' || this.modeless) return;
    // A modal <dialog> alone lets Tab leave to the browser's own UI: keep it inside.
    const all = this.#tabbables();
    const first = all[0];
    const last = all.at(-1);
    const active = deepActiveElement();
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first?.focus();
    }
  }

  #onCancel(e: Event) {
    // Other close requests (a device's back gesture) go through pk-request-close as well.
    e.preventDefault();
    this.requestClose('escape');
  }

  #pressedOutside = false;

  #outside(e: MouseEvent): boolean {
    // A press on the backdrop targets the <dialog> itself, outside its box.
    if (this.modeless || e.target !== this._dialog) return false;
    const r = this._dialog.getBoundingClientRect();
    return !(e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom);
  }

  #onPointerDown(e: PointerEvent) {
    this.#pressedOutside = this.#outside(e);
  }

  #onClick(e: MouseEvent) {
    // Press and release both outside: a drag that starts in the dialog (selecting text) does not close it.
    // Closing on the click rather than the press also avoids a renderer crash seen in Chromium when a modal
    // dialog closes during the pointerdown on its own backdrop.
    const outside = this.#pressedOutside && this.#outside(e);
    this.#pressedOutside = false;
    if (outside) this.requestClose('outside');
  }

  #onFooterSlotChange(e: Event) {
    this.#hasFooter = (e.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
    this.requestUpdate();
  }

  #closeButton(label: string) {
    return html`<button
      part="close-button"
      type="button"
      aria-label=${label}
      @click=${() => this.requestClose('close-button')}
    >
      <span aria-hidden="true">×</span>
    </button>`;
  }

  protected override render() {
    const t = this.#l.t;
    return html`<dialog
      part="dialog"
      role=${this.alert ? 'alertdialog' : nothing}
      aria-modal=${this.modeless ? nothing : 'true'}
      aria-describedby=${this.alert ? 'body' : nothing}
      aria-labelledby="title"
      ?data-modeless=${this.modeless}
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancel}
      @pointerdown=${this.#onPointerDown}
      @click=${this.#onClick}
    >
      <header part="header">
        <h2 part="title" id="title">${this.label}</h2>
        ${this.noCloseButton ? nothing : this.#closeButton(t.close)}
      </header>
      <div part="body" id="body"><slot></slot></div>
      <div part="footer" ?hidden=${!this.#hasFooter}>
        <slot name="footer" @slotchange=${this.#onFooterSlotChange}></slot>
      </div>
    </dialog>`;
  }
}
