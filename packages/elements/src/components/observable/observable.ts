import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Observable, ObservableVerdict, PivotkitClient } from '@pivotkit/sdk';
import '../verdict-badge/pk-verdict-badge.js';
import { tokens } from '../../styles/tokens.js';
import { PkObservablePickEvent } from '../../events/observable-pick.js';
import { unwatchVerdict, watchVerdict } from './verdict-scheduler.js';
import { loadPivotMenu, pivotMenuIfLoaded, preloadPivotMenuWhenIdle } from '../../lazy/pivot-menu.js';
import type { PkPivotMenu } from '../pivot-menu/pivot-menu.js';
import { typeIconStyles } from './type-icons.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import styles from './observable.styles.js';

/** The MIME type a drop target reads to get `{type, value}` from a dragged observable. */
export const OBSERVABLE_MIME = 'application/x-pivotkit-observable+json';

/** How many trailing characters stay visible when a long value is cut in the middle. */
function tailLength(type: string, value: string): number {
  if (value.length <= 24) return 0;
  if (type === 'url') return 14;
  if (type === 'sha256' || type === 'sha1' || type === 'md5') return 6;
  return 10;
}

const grip = svg`<g fill="currentColor"><circle cx="6" cy="4" r="1.2"/><circle cx="10" cy="4" r="1.2"/><circle cx="6" cy="8" r="1.2"/><circle cx="10" cy="8" r="1.2"/><circle cx="6" cy="12" r="1.2"/><circle cx="10" cy="12" r="1.2"/></g>`;

/**
 * @tag pk-observable
 * @summary One observable (IP, domain, URL, hash, email) with its verdict, a pivot button that opens the
 * shared pivot menu, and a drag handle that drags it into a casebook.
 * @status experimental
 * @since 0.1
 * @dependency pk-verdict-badge
 * @dependency pk-pivot-menu
 *
 * @description Full mode shows a drag handle, the type's icon, the value (cut in the middle when long; the
 * whole value stays in the text, so a copy and a screen reader get all of it, and in the tooltip), the verdict
 * and the pivot button. Inline mode (`inline`, what `decorate()` places) shows only the pivot button and the
 * verdict, beside the page's own text.
 *
 * Drag and drop: the drag data holds `application/x-pivotkit-observable+json` (`{"type","value"}`, exported as
 * `OBSERVABLE_MIME`) and `text/plain` (the value). In inline mode the pivot button is the drag source. With the
 * keyboard, Enter or Space on the drag handle fires `pk-observable-pick` instead.
 *
 * Verdicts are asked lazily: one page-wide IntersectionObserver notices when the observable scrolls into view,
 * and visible observables are enriched in batches (see `no-enrich`). Values are untrusted: they are only ever
 * rendered as text.
 *
 * @event {PkObservablePickEvent} pk-observable-pick - The drag handle was activated with Enter or Space (the keyboard alternative
 * to dragging). A drop target that takes the observable calls `preventDefault()`; otherwise the pivot menu
 * opens so that its Casebook section can add it.
 *
 * @csspart base - The container.
 * @csspart drag-handle - The grip button that starts a drag (full mode only; hidden by `no-drag`).
 * @csspart type-icon - The type's icon (an image whose accessible name is the type).
 * @csspart value - The value: its full text, cut in the middle with an ellipsis when it is long.
 * @csspart value__head - The start of the value, which shrinks with an ellipsis.
 * @csspart value__tail - The last characters of a long value, always shown.
 * @csspart verdict - The `<pk-verdict-badge>`, once the modules answered.
 * @csspart verdict__base - The badge's pill (pk-verdict-badge's `base` part).
 * @csspart verdict__icon - The badge's disposition shape (its `icon` part).
 * @csspart verdict__name - The badge's disposition name (its `name` part).
 * @csspart pivot - The pivot button that opens the menu.
 *
 * @cssproperty [--value-max-width=26ch] - Widest the value may grow before it is cut in the middle.
 * @cssproperty [--gap=0.3em] - Space between the parts.
 */
export class PkObservable extends LitElement {
  static override styles = [tokens, typeIconStyles, styles];

  /** The CTIM observable type, for example `ip`, `domain`, `url`, `sha256` (reflected: CSS picks its icon). */
  @property({ reflect: true }) type = '';

  /** The observable's value, shown as text (never as HTML or as a link). */
  @property() value = '';

  /**
   * Inline mode, for decorating a page's own text: shows only the pivot button and the verdict, so the page's
   * text, layout and selection stay as they were. Unknown verdicts are not shown in this mode.
   */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** Hides the drag handle and makes nothing draggable. */
  @property({ type: Boolean, attribute: 'no-drag' }) noDrag = false;

  /** Asks for no verdict: the badge shows only what `verdict` is set to. */
  @property({ type: Boolean, attribute: 'no-enrich' }) noEnrich = false;

  /** The verdict to show; set by the page-wide lazy enrichment once the observable was visible. */
  @property({ attribute: false }) verdict: ObservableVerdict | undefined;

  /** The SDK client for enrichment and the menu; defaults to the page-wide one from `configure()`. */
  @property({ attribute: false }) client: PivotkitClient | undefined;

  /** Whether this observable's pivot menu is open (drives `aria-expanded`). */
  @state() private expanded = false;

  readonly #l = new LocalizeController(this);

  /** The shared menu while it is open for this observable. */
  #menu: PkPivotMenu | undefined;

  /** The observable as the SDK takes it. */
  get observable(): Observable {
    return { type: this.type, value: this.value };
  }

  /** The pivot button, the menu's anchor and the element focus returns to when the menu closes. */
  get pivotButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('[part="pivot"]') ?? null;
  }

  /** Opens the shared pivot menu for this observable, anchored to the pivot button. */
  async showMenu(focus?: 'first' | 'last'): Promise<void> {
    await this.updateComplete;
    const anchor = this.pivotButton;
    if (!anchor) return;
    // Preloaded when the page was idle, so this is normally already there.
    const { openPivotMenu } = pivotMenuIfLoaded() ?? (await loadPivotMenu());
    const menu = openPivotMenu({ anchor, observable: this.observable, client: this.client, focus });
    // A host may cancel pk-pivot-open to show its own UI: then nothing opened.
    if (!menu.open) return;
    this.#menu = menu;
    this.expanded = true;
    menu.addEventListener('pk-pivot-close', this.#onMenuClose);
  }

  #onMenuClose = () => {
    this.#menu?.removeEventListener('pk-pivot-close', this.#onMenuClose);
    this.#menu = undefined;
    this.expanded = false;
  };

  /** Closes the pivot menu if it is open for this observable. */
  hideMenu(): void {
    if (this.expanded) pivotMenuIfLoaded()?.closePivotMenu();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    preloadPivotMenuWhenIdle();
    if (this.hasUpdated) this.#watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchVerdict(this);
    if (this.expanded) pivotMenuIfLoaded()?.closePivotMenu();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new observable drops the old one's verdict, unless the host set the new verdict in the same change.
    if (this.hasUpdated && (changed.has('type') || changed.has('value')) && !changed.has('verdict')) {
      this.verdict = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('type') || changed.has('value') || changed.has('client') || changed.has('noEnrich')) this.#watch();
  }

  #watch() {
    if (this.noEnrich || !this.value || !this.isConnected) unwatchVerdict(this);
    else watchVerdict(this);
  }

  #onPivotClick = (e: MouseEvent) => {
    if (this.expanded) {
      pivotMenuIfLoaded()?.closePivotMenu();
      return;
    }
    // detail is 0 when a keyboard activated the button: then focus goes into the menu (WAI-ARIA menu button).
    void this.showMenu(e.detail === 0 ? 'first' : undefined);
  };

  #onPivotKeydown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.showMenu(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  #onHandleKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    const accepted = !this.dispatchEvent(new PkObservablePickEvent({ observable: this.observable }));
    if (!accepted) void this.showMenu('first');
  };

  #onDragStart = (e: DragEvent) => {
    if (this.noDrag || !e.dataTransfer) return;
    e.dataTransfer.setData(OBSERVABLE_MIME, JSON.stringify(this.observable));
    e.dataTransfer.setData('text/plain', this.value);
    e.dataTransfer.effectAllowed = 'copy';
  };

  protected override render() {
    const t = this.#l.t;
    const o = this.observable;
    const verdict = this.verdict;
    const showBadge = verdict && !(this.inline && verdict.disposition === 5 && !verdict.conflict);
    const badge = showBadge
      ? html`<pk-verdict-badge
          part="verdict"
          exportparts="base: verdict__base, icon: verdict__icon, name: verdict__name"
          .disposition=${verdict.conflict ? 5 : verdict.disposition}
          label=${verdict.conflict ? t.disputed : ''}
          title=${t.moduleVerdicts(
            verdict.modules.map((m) => ({ module: m.module, dispositionName: t.dispositionName(m.disposition) })),
          )}
        ></pk-verdict-badge>`
      : nothing;
    const pivotLabel = t.pivotOn(o);
    const pivot = html`<button
      part="pivot"
      type="button"
      aria-label=${pivotLabel}
      title=${this.inline ? t.inlinePivotTitle(o) : pivotLabel}
      aria-haspopup="menu"
      aria-expanded=${this.expanded ? 'true' : 'false'}
      draggable=${this.inline && !this.noDrag ? 'true' : 'false'}
      @click=${this.#onPivotClick}
      @keydown=${this.#onPivotKeydown}
    ></button>`;

    if (this.inline) {
      return html`<span part="base" @dragstart=${this.#onDragStart}>${pivot}${badge}</span>`;
    }

    const label = t.observableTypeLabel(this.type);
    const tail = tailLength(this.type, this.value);
    const head = tail ? this.value.slice(0, -tail) : this.value;
    return html`<span part="base" @dragstart=${this.#onDragStart}
      >${
        this.noDrag
          ? nothing
          : html`<button
              part="drag-handle"
              type="button"
              draggable="true"
              aria-label=${t.dragToCase(o)}
              aria-describedby="drag-help"
              @keydown=${this.#onHandleKeydown}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">${grip}</svg>
            </button>`
      }<span part="type-icon" class="icon" role="img" aria-label=${label} title=${label}></span
      ><span part="value" title=${this.value}
        ><span part="value__head">${head}</span>${
          tail ? html`<span part="value__tail">${this.value.slice(-tail)}</span>` : nothing
        }</span
      >${badge}${pivot}<span id="drag-help" hidden>${t.dragHelp}</span></span
    >`;
  }
}
