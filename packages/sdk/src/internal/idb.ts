/**
 * The parts of idb-keyval the IndexedDB verdict cache uses, as a module of their own: `cache.ts` imports it on
 * first use, and importing idb-keyval itself with `import()` would keep every one of its exports in the bundle.
 * @module
 */
export { clear, createStore, get, getMany, set, setMany, type UseStore } from 'idb-keyval';
