import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type DismissSource = 'escape' | 'outside';

// Open overlays, innermost last: Escape dismisses only the top one (a dialog over a menu closes first).
const layers: DismissController[] = [];

/**
 * Dismisses an overlay on Escape (only when it is the top layer) or on a pointer press outside it.
 * It listens only while active: a page with many closed overlays has no document listeners from them.
 */
export class DismissController implements ReactiveController {
  #active = false;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private opts: {
      onDismiss: (source: DismissSource) => void;
      /** Extra nodes that count as inside (e.g. the button that opened the menu). */
      inside?: () => (Node | undefined | null)[];
      /** Whether presses outside dismiss too. */
      outside?: boolean;
    },
  ) {
    host.addController(this);
  }

  get active(): boolean {
    return this.#active;
  }

  /** Starts listening and puts this overlay on top of the layer stack. */
  activate(): void {
    if (this.#active) return;
    this.#active = true;
    layers.push(this);
    document.addEventListener('keydown', this.#onKey);
    if (this.opts.outside !== false) document.addEventListener('pointerdown', this.#onPointer, true);
  }

  /** Stops listening and leaves the layer stack. */
  deactivate(): void {
    if (!this.#active) return;
    this.#active = false;
    const i = layers.indexOf(this);
    if (i >= 0) layers.splice(i, 1);
    document.removeEventListener('keydown', this.#onKey);
    document.removeEventListener('pointerdown', this.#onPointer, true);
  }

  hostDisconnected(): void {
    this.deactivate();
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || layers.at(-1) !== this) return;
    // Stop here so a native <dialog> or the page does not act on the same Escape.
    e.preventDefault();
    e.stopPropagation();
    this.opts.onDismiss('escape');
  };

  #onPointer = (e: PointerEvent) => {
    if (layers.at(-1) !== this) return;
    const path = e.composedPath();
    const inside = [this.host, ...(this.opts.inside?.() ?? [])];
    if (inside.some((n) => n && path.includes(n))) return;
    this.opts.onDismiss('outside');
  };
}
