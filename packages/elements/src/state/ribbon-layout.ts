/**
 * Where the ribbon sits and what it shows, so that it looks the same on the next page of the console.
 * - The layout (panel height, position along the bottom edge) is remembered per origin, in `localStorage`.
 * - What is open (expanded or not, the open app, the last search text) belongs to the tab's navigation, in
 *   `sessionStorage`: a new tab starts from its opener's state, a closed tab forgets it.
 * Neither ever holds a token or a secret.
 * @module
 */

export interface RibbonLayout {
  /** Height of the app panel in CSS pixels. */
  height: number;
  /** Position of the bar along the bottom edge: 0 at the left end, 1 at the right end. */
  offset: number;
}

export interface RibbonView {
  /** The bar shows its items (otherwise only its expand button). */
  expanded: boolean;
  /** The id of the app whose panel is open, if any. */
  openApp: string | null;
  /** The text last typed into the enrichment search. */
  lastSearch: string;
}

export const DEFAULT_LAYOUT: Readonly<RibbonLayout> = Object.freeze({ height: 420, offset: 0 });
export const DEFAULT_VIEW: Readonly<RibbonView> = Object.freeze({ expanded: true, openApp: null, lastSearch: '' });

/** Storage keys (JSON). */
export const LAYOUT_KEY = 'pk-ribbon-layout';
export const VIEW_KEY = 'pk-ribbon-view';

/** The smallest panel height the splitter allows. */
export const MIN_PANEL_HEIGHT = 160;
/** The last search text kept: longer pastes are cut (sessionStorage has a small quota). */
export const MAX_SEARCH_KEPT = 20_000;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseLayout(raw: unknown): RibbonLayout {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    height: num(o['height']) ? Math.round(clamp(o['height'], MIN_PANEL_HEIGHT, 10_000)) : DEFAULT_LAYOUT.height,
    offset: num(o['offset']) ? clamp(o['offset'], 0, 1) : DEFAULT_LAYOUT.offset,
  };
}

export function parseView(raw: unknown): RibbonView {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const app = o['openApp'];
  return {
    expanded: typeof o['expanded'] === 'boolean' ? o['expanded'] : DEFAULT_VIEW.expanded,
    openApp: typeof app === 'string' && /^[\w-]{1,64}$/.test(app) ? app : null,
    lastSearch: typeof o['lastSearch'] === 'string' ? o['lastSearch'].slice(0, MAX_SEARCH_KEPT) : '',
  };
}

interface Slot<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
  /** Changes some fields, stores them and tells the subscribers. */
  set(patch: Partial<T>): void;
}

function stored<T extends object>(
  storage: () => Storage,
  key: string,
  parse: (raw: unknown) => T,
  crossTab: boolean,
): Slot<T> {
  const read = (): T => {
    try {
      const text = storage().getItem(key);
      return parse(text ? JSON.parse(text) : {});
    } catch {
      return parse({}); // storage disabled, or not JSON
    }
  };
  let current = read();
  const listeners = new Set<(value: T) => void>();
  const emit = () => {
    for (const l of [...listeners]) l(current);
  };
  if (crossTab && typeof window !== 'undefined') {
    window.addEventListener('storage', (e) => {
      if (e.key !== key && e.key !== null) return;
      const next = read();
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      current = next;
      emit();
    });
  }
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(patch) {
      const next = parse({ ...current, ...patch });
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      current = next;
      try {
        storage().setItem(key, JSON.stringify(next));
      } catch {
        // Storage disabled or full: the state lasts as long as the page.
      }
      emit();
    },
  };
}

/** The ribbon's layout on this origin (shared by its tabs). */
export const ribbonLayout: Slot<RibbonLayout> = stored(() => localStorage, LAYOUT_KEY, parseLayout, true);

/** What the ribbon shows in this tab, kept across its page loads. */
export const ribbonView: Slot<RibbonView> = stored(() => sessionStorage, VIEW_KEY, parseView, false);
