import { PkPopup } from './popup.js';

export { PkPopup };
if (!customElements.get('pk-popup')) customElements.define('pk-popup', PkPopup);

declare global {
  interface HTMLElementTagNameMap {
    'pk-popup': PkPopup;
  }
}
