import en from './en.js';
import type { SharedStrings, Translation } from './translation.js';

export type { SharedStrings, Translation };

/** The translations the page registered, by lower-case `$code`. */
const translations = new Map<string, Translation>();

// The built-in English: the first load's strings, completed by each panel's table when the panel's code loads
// (`addEnglish`, called by its LocalizeController), so that a page that only decorates its report does not
// download the casebook's and the ribbon's strings. A registered translation, English included, always wins.
const english: SharedStrings & Partial<Translation> = { ...en };
const added = new WeakSet<object>();

/** Adds (or replaces) a translation; elements pick it by the nearest `lang` attribute. */
export function registerTranslation(...ts: Translation[]): void {
  for (const t of ts) translations.set(t.$code.toLowerCase(), t);
}

/** @internal Adds a panel's English strings to the built-in English (once per table). */
export function addEnglish(table: Partial<Translation>): void {
  if (added.has(table)) return;
  added.add(table);
  Object.assign(english, table);
}

/**
 * The translation for a language tag: exact, then its primary language, then English. Built-in English has the
 * strings of the panels loaded so far (each element reads only those its LocalizeController was given).
 */
export function translationFor(lang: string | null | undefined): Translation {
  const code = (lang ?? '').toLowerCase();
  return translations.get(code) ?? translations.get(code.split('-')[0]!) ?? (english as Translation);
}
