import type { ReactiveControllerHost } from 'lit';

/**
 * A part of an element whose code comes with import() after the element (the casebook's case view, the ribbon's app
 * panel): loaded once, when first needed or when the page is idle. A load that fails (the code did not arrive) is
 * kept as `failed`, for the element to say so with Retry, and the next `load()` tries again. The host re-renders
 * when the part arrives, when a load fails, and when a retry starts.
 */
export class LazyPart<T> {
  readonly #host: ReactiveControllerHost;
  readonly #make: () => Promise<T>;
  #loading: Promise<T | undefined> | undefined;
  /** The part, once loaded. */
  value: T | undefined;
  /** Whether the last load failed (and no other has started since). */
  failed = false;

  constructor(host: ReactiveControllerHost, make: () => Promise<T>) {
    this.#host = host;
    this.#make = make;
  }

  /** Whether a load is under way. */
  get loading(): boolean {
    return !!this.#loading && this.value === undefined;
  }

  /** The part: at once when loaded, else once its code has arrived (`undefined` when it did not). */
  load(): Promise<T | undefined> {
    if (this.value !== undefined) return Promise.resolve(this.value);
    if (!this.#loading) {
      if (this.failed) {
        this.failed = false;
        this.#host.requestUpdate();
      }
      this.#loading = this.#make().then(
        (value) => {
          this.value = value;
          this.#host.requestUpdate();
          return value;
        },
        () => {
          this.#loading = undefined;
          this.failed = true;
          this.#host.requestUpdate();
          return undefined;
        },
      );
    }
    return this.#loading;
  }
}
