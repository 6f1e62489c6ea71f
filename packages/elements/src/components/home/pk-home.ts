import { PkHome } from './home.js';

export { PkHome };

if (!customElements.get('pk-home')) customElements.define('pk-home', PkHome);

declare global {
  interface HTMLElementTagNameMap {
    'pk-home': PkHome;
  }
}
