import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keyboard behaviour of a WAI-ARIA menu (https://www.w3.org/WAI/ARIA/apg/patterns/menubar/):
 * ArrowUp/ArrowDown move and wrap, Home/End jump, printable characters jump to the next item starting
 * with the typed text. Items are read on every key, so items that arrive later (as modules answer) join in.
 * Disabled items stay focusable, as the pattern recommends, so their reason can be read.
 */
export class MenuNavigationController implements ReactiveController {
  #typed = '';
  #typedAt = 0;

  constructor(
    host: ReactiveControllerHost,
    private items: () => HTMLElement[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Focuses the first, last, or n-th item; returns whether an item took focus. */
  focus(which: 'first' | 'last' | number): boolean {
    const items = this.items();
    const i = which === 'first' ? 0 : which === 'last' ? items.length - 1 : which;
    const item = items[i];
    if (!item) return false;
    for (const it of items) it.tabIndex = it === item ? 0 : -1;
    item.focus();
    return true;
  }

  /** Handles a keydown from inside the menu; returns true when the key was used. */
  handleKeydown(e: KeyboardEvent): boolean {
    const items = this.items();
    if (!items.length) return false;
    const current = items.findIndex((it) => it.matches(':focus'));
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = (current + 1) % items.length;
        break;
      case 'ArrowUp':
        next = current <= 0 ? items.length - 1 : current - 1;
        break;
      case 'Home':
      case 'PageUp':
        next = 0;
        break;
      case 'End':
      case 'PageDown':
        next = items.length - 1;
        break;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== ' ') {
          next = this.#typeahead(items, current, e.key, e.timeStamp);
        }
    }
    if (next === undefined || next < 0) return false;
    e.preventDefault();
    this.focus(next);
    return true;
  }

  #typeahead(items: HTMLElement[], current: number, key: string, now: number): number {
    // Keys typed within half a second build one search string, as in native select lists.
    const k = key.toLowerCase();
    this.#typed = now - this.#typedAt < 500 ? this.#typed + k : k;
    this.#typedAt = now;
    // "cc" is "the next item with c", not a search for "cc".
    if ([...this.#typed].every((c) => c === k)) this.#typed = k;
    const label = (it: HTMLElement) => (it.getAttribute('aria-label') ?? it.textContent ?? '').trim().toLowerCase();
    // A repeated single letter cycles through the items starting with it.
    const start = this.#typed.length === 1 ? current + 1 : Math.max(current, 0);
    for (let k = 0; k < items.length; k++) {
      const i = (start + k) % items.length;
      if (label(items[i]!).startsWith(this.#typed)) return i;
    }
    return -1;
  }
}
