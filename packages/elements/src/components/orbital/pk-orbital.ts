import { PkOrbital } from './orbital.js';

export { PkOrbital };

if (!customElements.get('pk-orbital')) customElements.define('pk-orbital', PkOrbital);

declare global {
  interface HTMLElementTagNameMap {
    'pk-orbital': PkOrbital;
  }
}
