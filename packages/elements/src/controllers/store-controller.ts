import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Readable } from '../state/store.js';

/** Follows a store while the host is connected: `.value` is its value and the host re-renders on change. */
export class StoreController<T> implements ReactiveController {
  #off: (() => void) | undefined;

  constructor(
    private host: ReactiveControllerHost,
    private store: Readable<T>,
  ) {
    host.addController(this);
  }

  /** The store's current value. */
  get value(): T {
    return this.store.get();
  }

  hostConnected(): void {
    this.#off ??= this.store.subscribe(() => this.host.requestUpdate());
    // It may have changed while the host was disconnected.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
  }
}
