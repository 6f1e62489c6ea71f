import { PkIncidents } from './incidents.js';

export { PkIncidents };

if (!customElements.get('pk-incidents')) customElements.define('pk-incidents', PkIncidents);

declare global {
  interface HTMLElementTagNameMap {
    'pk-incidents': PkIncidents;
  }
}
