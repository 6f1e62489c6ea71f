import { PkObservable } from './observable.js';

export { PkObservable };
export { OBSERVABLE_MIME } from './observable.js';
if (!customElements.get('pk-observable')) customElements.define('pk-observable', PkObservable);

declare global {
  interface HTMLElementTagNameMap {
    'pk-observable': PkObservable;
  }
}
