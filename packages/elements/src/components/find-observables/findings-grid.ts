import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered beyond each edge of the scroller's view. */
const OVERSCAN = 8;
/** Rows rendered before the scroller has been measured. */
const FIRST_WINDOW = 40;

export interface GridOptions {
  /** The scrolling element with `role="grid"`. */
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
 * out of the window the grid itself takes the Tab stop and hands focus to the row on arrival.
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
  #rowHeight = 32;
  /** The window last rendered. */
  #shown = '';

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private opts: GridOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    const scroller = this.opts.scroller();
    const row = scroller?.querySelector<HTMLElement>('[role="row"]');
    if (!row) return;
    // Rows are all the same height (the styles fix it); the first rendered one says how high.
    const h = row.getBoundingClientRect().height;
    if (h > 0 && Math.abs(h - this.#rowHeight) > 0.5) {
      this.#rowHeight = h;
      this.host.requestUpdate();
    } else if (this.#key() !== this.#shown) this.host.requestUpdate();
  }

  /** The row height in pixels (each rendered row is this high). */
  get rowHeight(): number {
    return this.#rowHeight;
  }

  #key(): string {
    const w = this.#window();
    return `${w.first}:${w.last}`;
  }

  #window(): { first: number; last: number } {
    const n = this.opts.rowCount();
    const scroller = this.opts.scroller();
    const h = this.#rowHeight;
    if (!scroller || !scroller.clientHeight) return { first: 0, last: Math.min(n, FIRST_WINDOW) };
    const top = Math.floor(scroller.scrollTop / h);
    const first = Math.max(0, top - OVERSCAN);
    const last = Math.min(n, top + Math.ceil(scroller.clientHeight / h) + OVERSCAN);
    return { first, last };
  }

  /** The rows to render now, `[first, last)`; call from `render()`. */
  window(): { first: number; last: number } {
    const n = this.opts.rowCount();
    if (this.row >= n) this.row = Math.max(0, n - 1);
    this.col = Math.min(this.col, Math.max(0, this.opts.colCount(this.row) - 1));
    const w = this.#window();
    this.#shown = `${w.first}:${w.last}`;
    return w;
  }

  /** `tabindex` of the target at (row, col): 0 for the tab stop, -1 for the others. */
  tabIndex(row: number, col: number): number {
    return row === this.row && col === this.col ? 0 : -1;
  }

  /** Whether the row with the tab stop is rendered (otherwise the grid itself is the tab stop). */
  get activeRendered(): boolean {
    const { first, last } = this.#window();
    return this.row >= first && this.row < last;
  }

  /** The scroller moved: render the rows now in view. */
  handleScroll = (): void => {
    if (this.#key() !== this.#shown) this.host.requestUpdate();
  };

  /** Focus arrived in the grid: a target becomes the tab stop; the grid itself passes focus on to it. */
  handleFocusin = (e: FocusEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target === this.opts.scroller()) {
      void this.focusCell(this.row, this.col);
      return;
    }
    const at = this.#at(target);
    if (!at || (at.row === this.row && at.col === this.col)) return;
    this.row = at.row;
    this.col = this.#wantCol = at.col;
    this.host.requestUpdate();
  };

  #at(el: HTMLElement | null | undefined): { row: number; col: number } | undefined {
    if (!el?.dataset['row'] || el.dataset['col'] === undefined) return undefined;
    return { row: Number(el.dataset['row']), col: Number(el.dataset['col']) };
  }

  /** Moves the tab stop and focus to a cell, scrolling its row into view (rendering it first if need be). */
  async focusCell(row: number, col: number, wantCol = col): Promise<void> {
    const n = this.opts.rowCount();
    if (!n) return;
    this.row = Math.min(Math.max(0, row), n - 1);
    this.col = Math.min(Math.max(0, col), this.opts.colCount(this.row) - 1);
    this.#wantCol = wantCol;
    const scroller = this.opts.scroller();
    if (scroller) {
      const h = this.#rowHeight;
      const top = this.row * h;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + h > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = top + h - scroller.clientHeight;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    const target = scroller?.querySelector<HTMLElement>(`[data-row="${this.row}"][data-col="${this.col}"]`);
    if (!target) return;
    target.focus({ preventScroll: true });
    // The page around the grid may scroll too.
    target.closest('[role="row"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  handleKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    const at = this.#at(target);
    if (!at || e.altKey) return;
    // A text field or a select keeps its keys (the inline editor).
    if (target.matches('input:not([type="checkbox"]), select, textarea')) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const control = target.matches('button, input');
    const cols = this.opts.colCount(at.row);
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const page = Math.max(1, Math.floor((this.opts.scroller()?.clientHeight ?? 0) / this.#rowHeight) - 1);
    const last = this.opts.rowCount() - 1;
    let to: [row: number, col: number, want?: number] | undefined;
    switch (e.key) {
      case 'ArrowDown':
        to = [at.row + 1, this.#wantCol, this.#wantCol];
        break;
      case 'ArrowUp':
        to = [at.row - 1, this.#wantCol, this.#wantCol];
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        to = [at.row, Math.min(cols - 1, Math.max(0, at.col + ((e.key === 'ArrowRight') !== rtl ? 1 : -1)))];
        break;
      case 'Home':
        to = ctrl ? [0, 0] : [at.row, 0];
        break;
      case 'End':
        to = ctrl ? [last, cols - 1, Number.MAX_SAFE_INTEGER] : [at.row, cols - 1];
        break;
      case 'PageDown':
        to = [Math.min(last, at.row + page), this.#wantCol, this.#wantCol];
        break;
      case 'PageUp':
        to = [Math.max(0, at.row - page), this.#wantCol, this.#wantCol];
        break;
      case ' ':
        if (ctrl || (control && !(e.shiftKey && target.localName === 'button'))) return;
        e.preventDefault();
        this.opts.onToggle(at.row);
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
        this.opts.onActivate(at.row, at.col);
        return;
      default:
        return;
    }
    e.preventDefault();
    const [row, col, want = col] = to;
    if (row < 0 || row > last) return;
    void this.focusCell(row, col, want);
  };
}
