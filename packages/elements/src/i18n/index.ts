import en from './en.js';
import type { Translation } from './translation.js';

export type { Translation };

const translations = new Map<string, Translation>([['en', en]]);

/** Adds (or replaces) a translation; elements pick it by the nearest `lang` attribute. */
export function registerTranslation(...ts: Translation[]): void {
  for (const t of ts) translations.set(t.$code.toLowerCase(), t);
}

/** The translation for a language tag: exact, then its primary language, then English. */
export function translationFor(lang: string | null | undefined): Translation {
  const code = (lang ?? '').toLowerCase();
  return translations.get(code) ?? translations.get(code.split('-')[0]!) ?? en;
}
