import { PkDialog } from './dialog.js';

export { PkDialog };
if (!customElements.get('pk-dialog')) customElements.define('pk-dialog', PkDialog);

declare global {
  interface HTMLElementTagNameMap {
    'pk-dialog': PkDialog;
  }
}
