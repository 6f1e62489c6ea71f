import { PkFindObservables } from './find-observables.js';

export { PkFindObservables };

if (!customElements.get('pk-find-observables')) customElements.define('pk-find-observables', PkFindObservables);

declare global {
  interface HTMLElementTagNameMap {
    'pk-find-observables': PkFindObservables;
  }
}
