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

/** Gives an element the translation for its nearest `lang` attribute (English by default). */
export class LocalizeController implements ReactiveController {
  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The strings for the host's language, looked up when read so that a `lang` change applies on next render. */
  get t(): Translation {
    return translationFor(langOf(this.host));
  }
}
