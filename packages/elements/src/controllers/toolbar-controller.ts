import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keyboard behaviour of a WAI-ARIA toolbar (https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/): one tab stop
 * (roving tabindex), ArrowLeft/ArrowRight move and wrap (mirrored right to left), Home/End jump to the ends.
 * The item that had focus last keeps the tab stop, so Tab back into the toolbar returns to it. Items are read on
 * every call, so items that appear later (host apps, the signed-in set) join in; disabled and hidden items are
 * skipped (a native disabled control cannot take focus), and when the item with the tab stop becomes disabled
 * the first enabled one takes it.
 *
 * The host renders the container with `role="toolbar"` and an accessible name, with `handleKeydown` and
 * `handleFocusin` as its `keydown` and `focusin` listeners. Keep text fields and selects out of a toolbar: they need the arrow keys themselves.
 */
export class ToolbarController implements ReactiveController {
  #current: HTMLElement | undefined;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private items: () => HTMLElement[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    this.sync();
  }

  #enabled(): HTMLElement[] {
    return this.items().filter((it) => !(it as HTMLButtonElement).disabled && !it.hidden);
  }

  /** Gives the tab stop to the current item (or the first) and takes it from the others. */
  sync(): void {
    const items = this.#enabled();
    if (!this.#current || !items.includes(this.#current)) this.#current = items[0];
    for (const it of this.items()) it.tabIndex = it === this.#current ? 0 : -1;
  }

  /** Moves the tab stop (and focus) to an item. */
  focus(item: HTMLElement | undefined): void {
    if (!item) return;
    this.#current = item;
    this.sync();
    item.focus();
  }

  /** Focus entered an item some other way (a click): it becomes the tab stop. Bound: pass it as the listener. */
  handleFocusin = (e: FocusEvent): void => {
    const item = this.#enabled().find((it) => e.composedPath().includes(it));
    if (item && item !== this.#current) {
      this.#current = item;
      this.sync();
    }
  };

  /** Handles a keydown from inside the toolbar; true when the key was used. Bound: pass it as the listener. */
  handleKeydown = (e: KeyboardEvent): boolean => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return false;
    const items = this.#enabled();
    if (!items.length) return false;
    const i = Math.max(
      0,
      items.findIndex((it) => e.composedPath().includes(it)),
    );
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = rtl ? i - 1 : i + 1;
        break;
      case 'ArrowLeft':
        next = rtl ? i + 1 : i - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return false;
    }
    e.preventDefault();
    this.focus(items[(next + items.length) % items.length]);
    return true;
  };
}
