import { PkSettings } from './settings.js';

export { PkSettings };

if (!customElements.get('pk-settings')) customElements.define('pk-settings', PkSettings);

declare global {
  interface HTMLElementTagNameMap {
    'pk-settings': PkSettings;
  }
}
