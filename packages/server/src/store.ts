/**
 * The emulator's persistence: JSON documents by kind and id, kept in insertion order, with synchronous
 * transactions. The SQLite store (`sqlite-store.ts`, Node only) and the in-memory store (browser, tests)
 * implement the same interface, so every write is committed before the route that made it answers.
 * @module
 */

/** A stored JSON document. */
export type Doc = Record<string, unknown>;

/** What the emulator keeps: casebooks, incidents, relationships, response-action state, and its own settings. */
export type Kind = 'casebook' | 'incident' | 'relationship' | 'response-state' | 'meta';

export interface Store {
  get(kind: Kind, id: string): Doc | undefined;
  /** Inserts or replaces; a replaced document keeps its place in `list` order. */
  put(kind: Kind, id: string, doc: Doc): void;
  /** Whether a document was there to delete. */
  delete(kind: Kind, id: string): boolean;
  /** Every document of a kind, oldest first. */
  list(kind: Kind): Doc[];
  /** Runs `fn` atomically: every change it makes is committed together, or none is (it throws). */
  transaction<T>(fn: () => T): T;
  /** Deletes everything (every kind). */
  clear(): void;
  close(): void;
}

/** A store in memory: for the browser (msw) and for tests with `--data :memory:`. */
export class MemoryStore implements Store {
  #kinds = new Map<Kind, Map<string, string>>();
  #undo: (() => void)[] | undefined;

  #map(kind: Kind): Map<string, string> {
    let m = this.#kinds.get(kind);
    if (!m) this.#kinds.set(kind, (m = new Map()));
    return m;
  }

  get(kind: Kind, id: string): Doc | undefined {
    const raw = this.#map(kind).get(id);
    return raw === undefined ? undefined : (JSON.parse(raw) as Doc);
  }

  put(kind: Kind, id: string, doc: Doc): void {
    const m = this.#map(kind);
    const before = m.get(id);
    // Documents are stored serialised, as SQLite stores them: callers never share an object with the store.
    m.set(id, JSON.stringify(doc));
    this.#undo?.push(() => {
      if (before === undefined) m.delete(id);
      else m.set(id, before);
    });
  }

  delete(kind: Kind, id: string): boolean {
    const m = this.#map(kind);
    const before = m.get(id);
    if (before === undefined) return false;
    // Restoring on rollback moves the entry to the end of the order; acceptable for an in-memory store.
    m.delete(id);
    this.#undo?.push(() => m.set(id, before));
    return true;
  }

  list(kind: Kind): Doc[] {
    return [...this.#map(kind).values()].map((raw) => JSON.parse(raw) as Doc);
  }

  transaction<T>(fn: () => T): T {
    if (this.#undo) return fn(); // nested: part of the outer transaction
    this.#undo = [];
    try {
      const result = fn();
      this.#undo = undefined;
      return result;
    } catch (e) {
      const undo = this.#undo ?? [];
      this.#undo = undefined;
      for (const u of undo.reverse()) u();
      throw e;
    }
  }

  clear(): void {
    this.#kinds.clear();
  }

  close(): void {}
}
