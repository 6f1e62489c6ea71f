/**
 * Verdict caches: enrichment verdicts kept for a while, so that a page reload does not enrich again.
 * @module
 */
import { clear, createStore, get, getMany, set, setMany, type UseStore } from 'idb-keyval';
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
 * Failures of IndexedDB (private mode, quota) read as cache misses.
 * @example createClient({ ..., cache: indexedDbVerdictCache({ ttlMs: 30 * 60_000 }) })
 */
export function indexedDbVerdictCache(
  options: VerdictCacheOptions & { dbName?: string; storeName?: string } = {},
): VerdictCache {
  const ttl = options.ttlMs ?? DEFAULT_TTL;
  const now = options.now ?? Date.now;
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(options.dbName ?? 'pivotkit', options.storeName ?? 'verdicts'));
  return {
    async get(key) {
      try {
        const e = await get<Entry>(key, db());
        return e && e.exp > now() ? e.v : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, v) {
      try {
        await set(key, { v, exp: now() + ttl } satisfies Entry, db());
      } catch {
        // A cache that cannot write is just a cache that misses.
      }
    },
    async getMany(keys) {
      try {
        const t = now();
        return (await getMany<Entry | undefined>(keys, db())).map((e) => (e && e.exp > t ? e.v : undefined));
      } catch {
        return keys.map(() => undefined);
      }
    },
    async setMany(entries) {
      try {
        const exp = now() + ttl;
        await setMany(
          entries.map(([k, v]) => [k, { v, exp } satisfies Entry]),
          db(),
        );
      } catch {
        // As in set().
      }
    },
    async clear() {
      try {
        await clear(db());
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
