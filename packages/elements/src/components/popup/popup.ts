import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { autoUpdate, computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';
import styles from './popup.styles.js';

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/**
 * @tag pk-popup
 * @summary The one positioning primitive: floats its content next to an anchor, on top of the page.
 * @status experimental
 * @since 0.1
 *
 * @description Positioned with floating-ui (offset, flip, shift, size) and kept in place while open only:
 * a closed popup has no listeners. It uses the popover API (`popover="manual"`) so it sits in the top
 * layer above any `z-index` or `overflow: hidden` on the page.
 *
 * @slot - The floating content.
 * @csspart popup - The box that holds the content; it scrolls when the content is taller than the space.
 * @cssproperty [--max-height=32rem] - Upper bound on the popup's height.
 * @cssproperty --auto-size-available-height - Set by the popup: the height available on the chosen side (read-only).
 * @cssproperty --auto-size-available-width - Set by the popup: the width available (read-only).
 */
export class PkPopup extends LitElement {
  static override styles = styles;

  /** The element to float next to. Takes precedence over `for`. */
  @property({ attribute: false }) anchor: Element | undefined;

  /** The id of the anchor element, looked up in the popup's own tree (document or shadow root). */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Whether the popup is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Preferred side and alignment; it flips to the other side when there is no room. */
  @property() placement: Placement = 'bottom-start';

  /** Gap between the anchor and the popup, in pixels. */
  @property({ type: Number }) distance = 4;

  #cleanup: (() => void) | undefined;

  /** The resolved anchor element, if any. */
  get anchorElement(): Element | undefined {
    if (this.anchor) return this.anchor;
    if (!this.htmlFor) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.getElementById?.(this.htmlFor) ?? document.getElementById(this.htmlFor) ?? undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (supportsPopover) this.popover = 'manual';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') || changed.has('anchor') || changed.has('htmlFor')) {
      this.#stop();
      if (this.open) this.#start();
      else if (supportsPopover && this.matches(':popover-open')) this.hidePopover();
    }
  }

  /** Recomputes the position now (it also follows scrolling and resizing on its own while open). */
  async reposition(): Promise<void> {
    const anchor = this.anchorElement;
    if (!anchor || !this.open) return;
    const { x, y, placement } = await computePosition(anchor, this, {
      strategy: 'fixed',
      placement: this.placement,
      middleware: [
        offset(this.distance),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight, availableWidth }) => {
            this.style.setProperty('--auto-size-available-height', `${Math.max(0, availableHeight)}px`);
            this.style.setProperty('--auto-size-available-width', `${Math.max(0, availableWidth)}px`);
          },
        }),
      ],
    });
    Object.assign(this.style, { left: `${x}px`, top: `${y}px` });
    this.dataset['placement'] = placement;
  }

  #start() {
    const anchor = this.anchorElement;
    if (supportsPopover && !this.matches(':popover-open')) this.showPopover();
    if (!anchor) return;
    this.#cleanup = autoUpdate(anchor, this, () => void this.reposition());
  }

  #stop() {
    this.#cleanup?.();
    this.#cleanup = undefined;
  }

  protected override render() {
    return html`<div part="popup"><slot></slot></div>`;
  }
}
