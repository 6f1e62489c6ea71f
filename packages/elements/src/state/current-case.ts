import { onTabMessage, postToTabs } from './tab-channel.js';
import { writable, type Readable } from './store.js';

/** A case: its id (`casebook-<uuid>`, short form) and, when known, its title. */
export interface CaseRef {
  id: string;
  title?: string;
}

/** localStorage key of the current case: only its id, never a token or anything secret. */
export const CURRENT_CASE_KEY = 'pk-current-case';

function readStoredId(): string | null {
  try {
    return localStorage.getItem(CURRENT_CASE_KEY) || null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed iframe)
  }
}

function writeStoredId(id: string | null) {
  try {
    if (id) localStorage.setItem(CURRENT_CASE_KEY, id);
    else localStorage.removeItem(CURRENT_CASE_KEY);
  } catch {
    // Storage disabled: the current case lasts as long as the page.
  }
}

// ---- Known case titles (this page and the other tabs) ----

const titles = new Map<string, string>();
const titleListeners = new Set<() => void>();

function rememberTitle(id: string, title: string, fromOtherTab: boolean) {
  if (!title || titles.get(id) === title) return;
  titles.set(id, title);
  if (!fromOtherTab) postToTabs({ kind: 'case-title', id, title });
  for (const l of [...titleListeners]) l();
  const current = store.get();
  if (current?.id === id) store.set({ id, title });
}

/** Titles of cases seen on this page or told by another tab, so "Add to current case (…)" names the case at once. */
export const caseTitles: {
  get(id: string): string | undefined;
  remember(id: string, title: string): void;
  subscribe(listener: () => void): () => void;
} = {
  get: (id) => titles.get(id),
  remember: (id, title) => rememberTitle(id, title, false),
  subscribe(listener) {
    titleListeners.add(listener);
    return () => void titleListeners.delete(listener);
  },
};

// ---- The current case ----

const refOf = (id: string | null): CaseRef | null => (id ? { id, title: titles.get(id) } : null);
const sameRef = (a: CaseRef | null, b: CaseRef | null) => a?.id === b?.id && a?.title === b?.title;
const store = writable<CaseRef | null>(refOf(readStoredId()), { equals: sameRef });

/**
 * The case new observables go to. Its id lives in `localStorage` (so it outlives the page) and every tab of the
 * origin follows changes at once: `storage` events carry the id, the tab channel carries the title.
 */
export const currentCase: Readable<CaseRef | null> & { set(ref: CaseRef | null): void } = {
  get() {
    // Storage is the source of truth: a page that wrote the key itself (an older integration) is followed too.
    const id = readStoredId();
    if (id !== (store.get()?.id ?? null)) store.set(refOf(id));
    return store.get();
  },
  subscribe: (listener) => store.subscribe(listener),
  set(ref) {
    if (ref?.title) rememberTitle(ref.id, ref.title, false);
    writeStoredId(ref?.id ?? null);
    const next = ref ? { id: ref.id, title: ref.title || titles.get(ref.id) } : null;
    store.set(next);
    postToTabs({ kind: 'current-case', ref: next });
  },
};

addEventListener('storage', (e) => {
  // `key` null: another tab cleared the whole storage.
  if (e.key !== CURRENT_CASE_KEY && e.key !== null) return;
  store.set(refOf(readStoredId()));
});

onTabMessage((m) => {
  if (m.kind === 'case-title') rememberTitle(m.id, m.title, true);
  else if (m.kind === 'current-case') {
    if (m.ref?.title) rememberTitle(m.ref.id, m.ref.title, true);
    // Storage may be disabled (then the message is all there is), or its event may come later: follow it now.
    store.set(m.ref ? { id: m.ref.id, title: m.ref.title || titles.get(m.ref.id) } : null);
  }
});
