import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translationFor, type Translation } from '../i18n/index.js';

/** Gives an element the translation for its nearest `lang` attribute (English by default). */
export class LocalizeController implements ReactiveController {
  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The strings for the host's language, looked up when read so that a `lang` change applies on next render. */
  get t(): Translation {
    const lang = this.host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    return translationFor(lang);
  }
}
