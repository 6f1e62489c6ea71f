/** A value that can be read now and followed. */
export interface Readable<T> {
  /** The current value. */
  get(): T;
  /** Calls `listener` on every change (not with the current value); returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

/** A value that can also be changed. */
export interface Writable<T> extends Readable<T> {
  /** Replaces the value; listeners run only when it differs (by `equals`, default `Object.is`). */
  set(value: T): void;
  /** Sets the value to `fn(current)`. */
  update(fn: (v: T) => T): void;
}

/**
 * A tiny observable value, the one primitive of the state layer. Listeners run synchronously, in subscription
 * order; a listener that throws does not stop the others (the error is reported, as an event handler's would be).
 */
export function writable<T>(initial: T, opts: { equals?: (a: T, b: T) => boolean } = {}): Writable<T> {
  const equals = opts.equals ?? Object.is;
  const listeners = new Set<(value: T) => void>();
  let value = initial;
  const store: Writable<T> = {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next) {
      if (equals(value, next)) return;
      value = next;
      // A copy: a listener may unsubscribe (or subscribe another) while we iterate.
      for (const l of [...listeners]) {
        try {
          l(value);
        } catch (e) {
          reportError(e);
        }
      }
    },
    update: (fn) => store.set(fn(value)),
  };
  return store;
}
