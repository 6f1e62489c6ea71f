import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered beyond each edge of the scroller's view. */
const OVERSCAN = 8;
/** Rows rendered before the scroller has been measured. */
const FIRST_WINDOW = 40;

export interface GridOptions {
  /** The scrolling element with `role="grid"`; its first child holds the rendered rows. */
  scroller: () => HTMLElement | null;
  /** How many rows the grid has (all of them, rendered or not). */
  rowCount: () => number;
  /** How many cells row `row` has (a heading row spans them all with one). */
  colCount: (row: number) => number;
  /** Space on a cell that is not a control: toggle the row's selection. */
  onToggle: (row: number) => void;
  /** Ctrl+A (⌘+A): select every row. */
  onSelectAll: () => void;
  /** Enter or F2 on a cell that is not a control (the value: open its editor). */
  onActivate: (row: number, col: number) => void;
}

/**
 * The findings list as a windowed WAI-ARIA data grid (https://www.w3.org/WAI/ARIA/apg/patterns/grid/): only the
 * rows in view (and a few either side) are in the DOM, all of the same height, so a scan of tens of thousands of
 * rows lists at once. Every focus target (a cell, or the one control in it) carries `data-row` and `data-col`;
 * one of them has `tabindex="0"` (roving tabindex: the grid is one Tab stop), and when that row has been scrolled
 * out of the window the grid itself takes the Tab stop and hands focus to the row on arrival. The rows' box gets
 * its height and offset here, through the CSSOM (no inline style attribute: pages with a strict CSP).
 *
 * Keys: ArrowUp/ArrowDown between rows, ArrowLeft/ArrowRight between cells (mirrored right to left), Home/End
 * to the row's first/last cell, Ctrl+Home/Ctrl+End to the first/last row, PageUp/PageDown by a screenful,
 * Space toggles the row's selection (on a control the control acts: a checkbox toggles the same selection, a
 * button is pressed; Shift+Space toggles the selection from a button too), Ctrl+A selects every row, Enter or
 * F2 on a value opens its editor. Keys typed in a text field or a select are left to it. The focused row is
 * scrolled into view, across the window.
 */
export class FindingsGrid implements ReactiveController {
  /** The cell with the tab stop. */
  row = 0;
  col = 0;
  /** The column the user last chose: kept while passing through a row with fewer cells. */
  #wantCol = 0;
  /** The row height in pixels (the styles give every row the same). */
  #h = 32;
  /** The window last rendered, `first:last`. */
  #shown = '';

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private opts: GridOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    const grid = this.opts.scroller();
    const rows = grid?.firstElementChild as HTMLElement | null | undefined;
    if (!grid || !rows) return;
    // Measured on the first rendered row; the window again once the scroller has its size: render again if moved.
    const h = rows.firstElementChild?.getBoundingClientRect().height ?? 0;
    if (h > 0) this.#h = h;
    const [first] = this.#shown.split(':').map(Number);
    rows.style.height = `${this.opts.rowCount() * this.#h}px`;
    rows.style.paddingTop = `${first! * this.#h}px`;
    this.#sync();
    if (this.#key() !== this.#shown) this.host.requestUpdate();
  }

  /** One tab stop: the target at (row, col), or the grid itself while that row is outside the window. */
  #sync(): void {
    const grid = this.opts.scroller();
    if (!grid) return;
    let found = false;
    for (const t of grid.querySelectorAll<HTMLElement>('[data-col]')) {
      const on = Number(t.dataset['row']) === this.row && Number(t.dataset['col']) === this.col;
      t.tabIndex = on ? 0 : -1;
      found ||= on;
    }
    grid.tabIndex = found ? -1 : 0;
  }

  #window(): [first: number, last: number] {
    const n = this.opts.rowCount();
    const grid = this.opts.scroller();
    if (!grid?.clientHeight) return [0, Math.min(n, FIRST_WINDOW)];
    const top = Math.floor(grid.scrollTop / this.#h);
    return [Math.max(0, top - OVERSCAN), Math.min(n, top + Math.ceil(grid.clientHeight / this.#h) + OVERSCAN)];
  }

  #key(): string {
    return this.#window().join(':');
  }

  /** The rows to render now, `[first, last)`; call from `render()`. */
  window(): [first: number, last: number] {
    const n = this.opts.rowCount();
    this.row = Math.max(0, Math.min(this.row, n - 1));
    this.col = Math.max(0, Math.min(this.col, this.opts.colCount(this.row) - 1));
    const w = this.#window();
    this.#shown = w.join(':');
    return w;
  }

  /** The scroller moved: render the rows now in view. */
  handleScroll = (): void => {
    if (this.#key() !== this.#shown) this.host.requestUpdate();
  };

  #at(el: HTMLElement): [row: number, col: number] | undefined {
    const { row, col } = el.dataset;
    return row && col ? [Number(row), Number(col)] : undefined;
  }

  /** Focus arrived in the grid: a target becomes the tab stop; the grid itself passes focus on to it. */
  handleFocusin = (e: FocusEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target === this.opts.scroller()) {
      void this.focusCell(this.row, this.col);
      return;
    }
    const at = this.#at(target);
    // Not when focusCell() moved it here: that keeps the column the user chose.
    if (!at || (at[0] === this.row && at[1] === this.col)) return;
    [this.row, this.col] = at;
    this.#wantCol = this.col;
    this.#sync();
  };

  /** Moves the tab stop and focus to a cell, scrolling its row into view (rendering it first if need be). */
  async focusCell(row: number, col: number, wantCol = col): Promise<void> {
    const n = this.opts.rowCount();
    const grid = this.opts.scroller();
    if (!n || !grid) return;
    this.row = Math.min(Math.max(0, row), n - 1);
    this.col = Math.min(Math.max(0, col), this.opts.colCount(this.row) - 1);
    this.#wantCol = wantCol;
    const top = this.row * this.#h;
    if (top < grid.scrollTop) grid.scrollTop = top;
    else if (top + this.#h > grid.scrollTop + grid.clientHeight) grid.scrollTop = top + this.#h - grid.clientHeight;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const target = grid.querySelector<HTMLElement>(`[data-row="${this.row}"][data-col="${this.col}"]`);
    target?.focus({ preventScroll: true });
    // The page around the grid may scroll too.
    target?.closest('[role="row"]')!.scrollIntoView({ block: 'nearest' });
  }

  handleKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    const at = this.#at(target);
    // A text field or a select keeps its keys (the inline editor).
    if (!at || e.altKey || target.matches('input:not([type="checkbox"]), select')) return;
    const [row, col] = at;
    const ctrl = e.ctrlKey || e.metaKey;
    const control = target.matches('button, input');
    const cols = this.opts.colCount(row);
    const page = Math.max(1, Math.floor(this.opts.scroller()!.clientHeight / this.#h) - 1);
    const last = this.opts.rowCount() - 1;
    const want = this.#wantCol;
    let to: [row: number, col: number, want?: number] | undefined;
    switch (e.key) {
      case 'ArrowDown':
        to = [row + 1, want, want];
        break;
      case 'ArrowUp':
        to = [row - 1, want, want];
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const rtl = getComputedStyle(this.host).direction === 'rtl';
        to = [row, Math.min(cols - 1, Math.max(0, col + ((e.key === 'ArrowRight') !== rtl ? 1 : -1)))];
        break;
      }
      case 'Home':
        to = ctrl ? [0, 0] : [row, 0];
        break;
      case 'End':
        to = ctrl ? [last, cols - 1, 99] : [row, cols - 1];
        break;
      case 'PageDown':
        to = [Math.min(last, row + page), want, want];
        break;
      case 'PageUp':
        to = [Math.max(0, row - page), want, want];
        break;
      case ' ':
        if (ctrl || (control && !(e.shiftKey && target.localName === 'button'))) return;
        e.preventDefault();
        this.opts.onToggle(row);
        return;
      case 'a':
      case 'A':
        if (!ctrl || e.shiftKey) return;
        e.preventDefault();
        this.opts.onSelectAll();
        return;
      case 'Enter':
      case 'F2':
        if (control || ctrl) return;
        e.preventDefault();
        this.opts.onActivate(row, col);
        return;
      default:
        return;
    }
    e.preventDefault();
    if (to[0] >= 0 && to[0] <= last) void this.focusCell(to[0], to[1], to[2] ?? to[1]);
  };
}
