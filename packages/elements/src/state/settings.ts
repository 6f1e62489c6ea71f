/**
 * The analyst's Pivotkit settings for this origin: theme, language, the enrich modules to use, page decoration,
 * the default TLP of new cases, how the session may be kept across page loads, and the keyboard shortcuts.
 * Kept in `localStorage` (nothing secret is ever part of them) and in step across the tabs of the origin.
 * Elements read them (`settings.get()`, `settings.subscribe()`); only the Settings app writes them.
 * @module
 */
import type { Tlp } from '@pivotkit/sdk';

/** `auto` follows the operating system (`prefers-color-scheme`). */
export type Theme = 'auto' | 'light' | 'dark';

/**
 * Where the session lives between page loads.
 * - `memory`: nowhere; a reload signs out (the default).
 * - `session-token`: the short-lived access token in `sessionStorage`, for this tab, until it expires.
 * - `encrypted-credentials`: the client ID and secret in IndexedDB, encrypted with a non-extractable key.
 */
export type Persistence = 'memory' | 'session-token' | 'encrypted-credentials';

/** The ribbon's keyboard shortcuts. */
export type ShortcutAction = 'search' | 'find' | 'casebook' | 'toggle' | 'credentials';

export interface Settings {
  theme: Theme;
  /** A BCP 47 language tag; `''` follows the page's `lang`. */
  lang: string;
  /** The module instance ids enrichment asks (`?mids=`); empty asks every module. */
  mids: string[];
  /** Whether observables in the page's text get verdicts and pivot buttons. */
  decorate: boolean;
  /** The TLP a new case gets. */
  defaultTlp: Tlp;
  persistence: Persistence;
  /** A shortcut per action, written `Alt+Shift+S` (modifiers, then a letter, digit or key name). */
  shortcuts: Record<ShortcutAction, string>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'auto',
  lang: '',
  mids: [],
  decorate: true,
  defaultTlp: 'amber',
  persistence: 'memory',
  shortcuts: Object.freeze({
    search: 'Alt+Shift+S',
    find: 'Alt+Shift+F',
    casebook: 'Alt+Shift+C',
    toggle: 'Alt+Shift+R',
    credentials: 'Alt+Shift+K',
  }),
}) as Settings;

/** The enrichment module set as one string (sorted, comma-joined): equal for the same set in any order. */
export const midsKey = (mids: readonly string[]): string => [...mids].sort().join(',');

/** localStorage key of the settings (JSON). */
export const SETTINGS_KEY = 'pk-settings';

/** The themes, TLP markings (the most restricted first) and session persistence choices a setting may hold. */
export const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];
export const TLPS: readonly Tlp[] = ['red', 'amber', 'green', 'white'];
export const PERSISTENCE: readonly Persistence[] = ['memory', 'session-token', 'encrypted-credentials'];
const ACTIONS = Object.keys(DEFAULT_SETTINGS.shortcuts) as ShortcutAction[];

const oneOf = <T>(list: readonly T[], v: unknown, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

/** Reads stored settings field by field: anything missing or malformed takes its default. */
export function parseSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const shortcuts = (o['shortcuts'] && typeof o['shortcuts'] === 'object' ? o['shortcuts'] : {}) as Record<
    string,
    unknown
  >;
  return {
    theme: oneOf(THEMES, o['theme'], d.theme),
    lang: typeof o['lang'] === 'string' && /^[A-Za-z0-9-]{0,35}$/.test(o['lang']) ? o['lang'] : d.lang,
    mids: Array.isArray(o['mids']) ? o['mids'].filter((m): m is string => typeof m === 'string' && m !== '') : [],
    decorate: typeof o['decorate'] === 'boolean' ? o['decorate'] : d.decorate,
    defaultTlp: oneOf(TLPS, o['defaultTlp'], d.defaultTlp),
    persistence: oneOf(PERSISTENCE, o['persistence'], d.persistence),
    shortcuts: Object.fromEntries(
      ACTIONS.map((a) => {
        const s = shortcuts[a];
        return [a, typeof s === 'string' && (s === '' || parseShortcut(s)) ? s : d.shortcuts[a]];
      }),
    ) as Record<ShortcutAction, string>,
  };
}

function read(): Settings {
  try {
    const text = localStorage.getItem(SETTINGS_KEY);
    return parseSettings(text ? JSON.parse(text) : {});
  } catch {
    return parseSettings({}); // storage disabled, or not JSON
  }
}

let current: Settings = read();
const listeners = new Set<(value: Settings) => void>();

function emit(): void {
  for (const l of [...listeners]) l(current);
}

function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

if (typeof window !== 'undefined') {
  // Another tab of this origin changed them.
  window.addEventListener('storage', (e) => {
    if (e.key !== SETTINGS_KEY && e.key !== null) return;
    const next = read();
    if (sameSettings(next, current)) return;
    current = next;
    emit();
  });
}

/** The settings: read, subscribe, and change some fields (`set(patch)`). */
export const settings = {
  get(): Settings {
    return current;
  },
  /** Calls `listener` on every change (not at once); returns the unsubscribe function. */
  subscribe(listener: (value: Settings) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Changes the given fields, stores them and tells every subscriber, in this tab and the others. */
  set(patch: Partial<Settings>): void {
    const next = parseSettings({ ...current, ...patch, shortcuts: { ...current.shortcuts, ...patch.shortcuts } });
    if (sameSettings(next, current)) return;
    current = next;
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // Storage disabled: the settings last as long as the page.
    }
    emit();
  },
  /** Back to the defaults. */
  reset(): void {
    settings.set(structuredClone(DEFAULT_SETTINGS) as Settings);
  },
};

/**
 * The TLP of a case the elements create (the casebook's "New case" and import, the pivot menu's "Add to new case",
 * enrichment search and Find observables): the `defaultTlp` setting. Every new case reads it here.
 */
export function newCaseTlp(): Tlp {
  return current.defaultTlp;
}

/** A parsed shortcut: the modifiers and the key, matched on `KeyboardEvent.code` so Alt and layouts don't alter it. */
export interface Shortcut {
  alt: boolean;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
  /** `KeyboardEvent.code`, e.g. `KeyS`, `Digit1`, `Slash`, `F2`. */
  code: string;
}

const NAMED: Record<string, string> = { '/': 'Slash', '.': 'Period', ',': 'Comma', ';': 'Semicolon' };

/** Parses `Alt+Shift+S`; `undefined` when it is not a shortcut (no modifier other than Shift, or no key). */
export function parseShortcut(text: string): Shortcut | undefined {
  const parts = text.split('+').map((p) => p.trim());
  const key = parts.pop();
  if (!key) return undefined;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  for (const m of mods) if (!['alt', 'ctrl', 'shift', 'meta'].includes(m)) return undefined;
  const s = { alt: mods.has('alt'), ctrl: mods.has('ctrl'), shift: mods.has('shift'), meta: mods.has('meta') };
  // A shortcut without Alt, Ctrl or Meta would type into whatever has focus.
  if (!s.alt && !s.ctrl && !s.meta) return undefined;
  let code: string | undefined;
  if (/^[a-z]$/i.test(key)) code = `Key${key.toUpperCase()}`;
  else if (/^\d$/.test(key)) code = `Digit${key}`;
  else if (/^F([1-9]|1[0-2])$/i.test(key)) code = key.toUpperCase();
  else code = NAMED[key];
  return code ? { ...s, code } : undefined;
}

/** Whether a key press is the shortcut. */
export function matchesShortcut(e: KeyboardEvent, text: string): boolean {
  const s = text ? parseShortcut(text) : undefined;
  return (
    !!s &&
    e.code === s.code &&
    e.altKey === s.alt &&
    e.ctrlKey === s.ctrl &&
    e.shiftKey === s.shift &&
    e.metaKey === s.meta
  );
}
