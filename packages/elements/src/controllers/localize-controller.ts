import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translationFor, type Translation } from '../i18n/index.js';

/** The nearest `lang` attribute, looking through the shadow roots the element sits in (a badge inside an observable). */
function langOf(el: Element): string {
  for (let n: Element | null = el; n;) {
    const found = n.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
    const root = n.getRootNode();
    n = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang;
}

/** The nearest `dir` attribute the same way; else the translation's own direction. */
function dirOf(el: Element): string | undefined {
  for (let n: Element | null = el; n;) {
    const found = n.closest('[dir]');
    if (found) return found.getAttribute('dir') ?? undefined;
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
 */
export class LocalizeController implements ReactiveController {
  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    watch(this.host);
  }

  hostDisconnected(): void {
    unwatch(this.host);
  }

  /** The strings for the host's language, looked up when read so that a `lang` change applies on next render. */
  get t(): Translation {
    return translationFor(langOf(this.host));
  }

  /** The host's writing direction. */
  get dir(): 'ltr' | 'rtl' {
    const d = dirOf(this.host);
    if (d === 'rtl' || d === 'ltr') return d;
    return this.t.$dir;
  }
}
