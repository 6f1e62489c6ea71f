import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SplitterOptions {
  /** The current size in CSS pixels. */
  value: () => number;
  min: () => number;
  max: () => number;
  /** A new size; `done` is false while a pointer drag is still moving. */
  onChange: (value: number, done: boolean) => void;
  /** Pixels per arrow key press. @default 16 */
  step?: number;
}

/**
 * A horizontal WAI-ARIA window splitter on the top edge of a panel that grows upwards
 * (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/): ArrowUp/ArrowDown grow and shrink it (PageUp and
 * PageDown by a larger step), Home/End go to the minimum and maximum, Enter collapses to the minimum and, pressed
 * again, restores the size it had. A pointer drag on the separator follows the pointer, captured so that it keeps
 * following outside the bar. The host renders `role="separator"` with the values this controller gives.
 */
export class SplitterController implements ReactiveController {
  #restore: number | undefined;
  #drag: { pointerId: number; startY: number; start: number } | undefined;

  constructor(
    host: ReactiveControllerHost,
    private opts: SplitterOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  #set(value: number, done: boolean) {
    const v = Math.round(Math.min(this.opts.max(), Math.max(this.opts.min(), value)));
    this.opts.onChange(v, done);
  }

  /** Whether the panel is collapsed to its minimum by Enter (and can be restored). */
  get collapsed(): boolean {
    return this.#restore !== undefined;
  }

  handleKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = this.opts.step ?? 16;
    const v = this.opts.value();
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowUp':
        next = v + step;
        break;
      case 'ArrowDown':
        next = v - step;
        break;
      case 'PageUp':
        next = v + step * 5;
        break;
      case 'PageDown':
        next = v - step * 5;
        break;
      case 'Home':
        next = this.opts.min();
        break;
      case 'End':
        next = this.opts.max();
        break;
      case 'Enter':
        if (this.#restore !== undefined) {
          next = this.#restore;
          this.#restore = undefined;
        } else {
          this.#restore = v;
          next = this.opts.min();
        }
        break;
      default:
        return;
    }
    e.preventDefault();
    if (e.key !== 'Enter') this.#restore = undefined;
    this.#set(next, true);
  };

  handlePointerdown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    const el = e.currentTarget as HTMLElement;
    el.setPointerCapture(e.pointerId);
    this.#drag = { pointerId: e.pointerId, startY: e.clientY, start: this.opts.value() };
    this.#restore = undefined;
    e.preventDefault(); // no text selection while dragging
    el.focus();
  };

  handlePointermove = (e: PointerEvent): void => {
    const d = this.#drag;
    if (!d || d.pointerId !== e.pointerId) return;
    // The panel grows upwards: moving the pointer up (smaller clientY) makes it taller.
    this.#set(d.start + (d.startY - e.clientY), false);
  };

  handlePointerup = (e: PointerEvent): void => {
    const d = this.#drag;
    if (!d || d.pointerId !== e.pointerId) return;
    this.#drag = undefined;
    this.#set(d.start + (d.startY - e.clientY), true);
  };
}
