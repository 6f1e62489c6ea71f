import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { addEnglish, translationFor, type SharedStrings, type Translation } from '../i18n/index.js';

/** The strings of every table in `T`, together. */
type Joined<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? H & Joined<R>
  : unknown;

/**
 * The value of the nearest `lang` or `dir` attribute, looking through the shadow roots the element sits in (a badge
 * inside an observable); `undefined` when no ancestor has one.
 */
function nearest(el: Element, attribute: 'lang' | 'dir'): string | undefined {
  for (let n: Element | null = el; n;) {
    const found = n.closest(`[${attribute}]`);
    if (found) return found.getAttribute(attribute) ?? undefined;
    const root = n.getRootNode();
    n = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

// One observer of <html lang dir> for every localized element on the page (Shoelace's localize does the same).
const connected = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

function watch(host: ReactiveControllerHost) {
  connected.add(host);
  observer ??= new MutationObserver(() => {
    for (const h of connected) h.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

function unwatch(host: ReactiveControllerHost) {
  connected.delete(host);
  if (!connected.size) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Gives an element the translation for its nearest `lang` attribute (English by default) and re-renders it
 * when `<html lang>` or `<html dir>` changes. `dir` is the direction to lay out in: the nearest `dir`
 * attribute, else the translation's `$dir`.
 *
 * Every element has the shared strings (`en.ts`); a panel passes the English tables of its own strings
 * (`new LocalizeController(this, casebookEn)`), which adds them to the built-in English and to the type of `t`.
 * Its English then loads with the panel's code, not with the page's first load.
 */
export class LocalizeController<T extends readonly Partial<Translation>[] = []> implements ReactiveController {
  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    ...english: T
  ) {
    for (const table of english) addEnglish(table);
    host.addController(this);
  }

  hostConnected(): void {
    watch(this.host);
  }

  hostDisconnected(): void {
    unwatch(this.host);
  }

  /** The strings for the host's language, looked up when read so that a `lang` change applies on next render. */
  get t(): SharedStrings & Joined<T> {
    // A Translation has every string; the type keeps to those whose English this element added.
    return translationFor(nearest(this.host, 'lang') ?? document.documentElement.lang) as unknown as SharedStrings &
      Joined<T>;
  }

  /** The host's writing direction. */
  get dir(): 'ltr' | 'rtl' {
    const d = nearest(this.host, 'dir');
    if (d === 'rtl' || d === 'ltr') return d;
    return this.t.$dir;
  }
}
