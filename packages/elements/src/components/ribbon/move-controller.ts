import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface Drag {
  pointerId: number;
  startX: number;
  start: number;
}

export interface MoveOptions {
  /** Where the bar is along the edge, 0 (left end) to 1 (right end). */
  value: () => number;
  /** How far the bar can travel in CSS pixels (the viewport width less the bar's). */
  travel: () => number;
  /** A new position; `done` is false while a pointer drag is still moving. */
  onChange: (value: number, done: boolean) => void;
}

/**
 * The bar's drag handle, a WAI-ARIA slider (https://www.w3.org/WAI/ARIA/apg/patterns/slider/) for its position
 * along the bottom edge: ArrowLeft/ArrowRight (and Up/Down) move it by 5 %, PageUp/PageDown by 25 %, Home/End to
 * the ends; a pointer drag moves the bar with the pointer. Positions are fractions, so the bar keeps its place
 * relative to the edges when the window is resized.
 */
export class MoveController implements ReactiveController {
  #drag: Drag | undefined;

  constructor(
    host: ReactiveControllerHost,
    private opts: MoveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  #set(value: number, done: boolean) {
    this.opts.onChange(Math.min(1, Math.max(0, Math.round(value * 1000) / 1000)), done);
  }

  handleKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const v = this.opts.value();
    const rtl = getComputedStyle(e.currentTarget as Element).direction === 'rtl';
    const right = rtl ? -1 : 1;
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = v + 0.05 * right;
        break;
      case 'ArrowLeft':
        next = v - 0.05 * right;
        break;
      case 'ArrowUp':
        next = v + 0.05;
        break;
      case 'ArrowDown':
        next = v - 0.05;
        break;
      case 'PageUp':
        next = v + 0.25;
        break;
      case 'PageDown':
        next = v - 0.25;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.#set(next, true);
  };

  handlePointerdown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    const el = e.currentTarget as HTMLElement;
    el.setPointerCapture(e.pointerId);
    this.#drag = { pointerId: e.pointerId, startX: e.clientX, start: this.opts.value() };
    e.preventDefault();
    el.focus();
  };

  #at(e: PointerEvent, d: Drag) {
    const travel = this.opts.travel();
    return travel > 0 ? d.start + (e.clientX - d.startX) / travel : d.start;
  }

  handlePointermove = (e: PointerEvent): void => {
    const d = this.#drag;
    if (d && d.pointerId === e.pointerId) this.#set(this.#at(e, d), false);
  };

  handlePointerup = (e: PointerEvent): void => {
    const d = this.#drag;
    if (!d || d.pointerId !== e.pointerId) return;
    this.#drag = undefined;
    this.#set(this.#at(e, d), true);
  };
}
