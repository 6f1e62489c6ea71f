/**
 * Verdict caches: enrichment verdicts kept for a while, so that a page reload does not enrich again.
 * @module
 */
import type * as Idb from './internal/idb.js';
import type { ObservableVerdict, VerdictCache } from './types.js';

/** Options of the built-in caches. */
export interface VerdictCacheOptions {
  /** How long a verdict stays fresh, in ms. @default 900000 (15 minutes) */
  ttlMs?: number;
  /** Clock. @default Date.now */
  now?: () => number;
}

interface Entry {
  v: ObservableVerdict;
  exp: number;
}

const DEFAULT_TTL = 15 * 60_000;

/**
 * A verdict cache in memory (for Node, tests, or pages that must not persist anything).
 * @example createClient({ ..., cache: memoryVerdictCache({ ttlMs: 60_000 }) })
 */
export function memoryVerdictCache(options: VerdictCacheOptions = {}): VerdictCache & { clear(): Promise<void> } {
  const ttl = options.ttlMs ?? DEFAULT_TTL;
  const now = options.now ?? Date.now;
  const map = new Map<string, Entry>();
  return {
    async get(key) {
      const e = map.get(key);
      if (!e) return undefined;
      if (e.exp <= now()) {
        map.delete(key);
        return undefined;
      }
      return e.v;
    },
    async set(key, v) {
      map.set(key, { v, exp: now() + ttl });
    },
    async clear() {
      map.clear();
    },
  };
}

/**
 * A verdict cache in IndexedDB (via idb-keyval), shared by the pages of one origin and kept across reloads.
 * Failures of IndexedDB (private mode, quota), and a failed import of idb-keyval, read as cache misses.
 * idb-keyval is imported on first use, not with the client: a page's first load does not carry it.
 * @example createClient({ ..., cache: indexedDbVerdictCache({ ttlMs: 30 * 60_000 }) })
 */
export function indexedDbVerdictCache(
  options: VerdictCacheOptions & { dbName?: string; storeName?: string } = {},
): VerdictCache {
  const ttl = options.ttlMs ?? DEFAULT_TTL;
  const now = options.now ?? Date.now;
  let lib: Promise<{ idb: typeof Idb; store: Idb.UseStore }> | undefined;
  const db = () =>
    (lib ??= import('./internal/idb.js').then(
      (idb) => ({ idb, store: idb.createStore(options.dbName ?? 'pivotkit', options.storeName ?? 'verdicts') }),
      (e: unknown) => {
        lib = undefined; // the next call tries the import again
        throw e;
      },
    ));
  return {
    async get(key) {
      try {
        const { idb, store } = await db();
        const e = await idb.get<Entry>(key, store);
        return e && e.exp > now() ? e.v : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, v) {
      try {
        const { idb, store } = await db();
        await idb.set(key, { v, exp: now() + ttl } satisfies Entry, store);
      } catch {
        // A cache that cannot write is just a cache that misses.
      }
    },
    async getMany(keys) {
      try {
        const { idb, store } = await db();
        const t = now();
        return (await idb.getMany<Entry | undefined>(keys, store)).map((e) => (e && e.exp > t ? e.v : undefined));
      } catch {
        return keys.map(() => undefined);
      }
    },
    async setMany(entries) {
      try {
        const { idb, store } = await db();
        const exp = now() + ttl;
        await idb.setMany(
          entries.map(([k, v]) => [k, { v, exp } satisfies Entry]),
          store,
        );
      } catch {
        // As in set().
      }
    },
    async clear() {
      try {
        const { idb, store } = await db();
        await idb.clear(store);
      } catch {
        // Nothing to clear, or no IndexedDB: nothing can be served either.
      }
    },
  };
}

/** IndexedDB where there is one (browsers), memory elsewhere (Node). */
export function defaultVerdictCache(options: VerdictCacheOptions = {}): VerdictCache {
  return typeof indexedDB !== 'undefined' ? indexedDbVerdictCache(options) : memoryVerdictCache(options);
}
