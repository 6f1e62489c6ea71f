/**
 * What the last scan of each page found (its `type:value` keys), per page URL (origin, path and query; not the
 * fragment), kept in IndexedDB so "new since the last scan" works across visits. Only observable keys are kept:
 * no page text. Storage failures (private mode, a sandboxed frame) leave the history empty, never the scan broken.
 * @module
 */
const DB = 'pivotkit-find-observables';
const STORE = 'scans';

/** The key a page's history is kept under. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB refused to open'));
  });
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

/** The keys found by the last scan of `url`, or `undefined` when it was never scanned (or storage is off). */
export async function lastScan(url: string): Promise<{ keys: Set<string>; time: string } | undefined> {
  try {
    const v = (await run('readonly', (s) => s.get(pageKey(url)))) as { keys?: unknown; time?: unknown } | undefined;
    if (!v || !Array.isArray(v.keys)) return undefined;
    return { keys: new Set(v.keys.filter((k): k is string => typeof k === 'string')), time: String(v.time ?? '') };
  } catch {
    return undefined;
  }
}

/** Remembers what a scan of `url` found. */
export async function rememberScan(
  url: string,
  keys: Iterable<string>,
  time = new Date().toISOString(),
): Promise<void> {
  try {
    await run('readwrite', (s) => s.put({ keys: [...keys], time }, pageKey(url)));
  } catch {
    // Storage off: "new since the last scan" then treats every finding as new.
  }
}

/** Forgets every page's history (tests, and a host that offers "clear my data"). */
export async function clearScanHistory(): Promise<void> {
  try {
    await run('readwrite', (s) => s.clear());
  } catch {
    // Nothing kept.
  }
}
