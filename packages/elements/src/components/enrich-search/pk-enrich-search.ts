import { PkEnrichSearch } from './enrich-search.js';

export { PkEnrichSearch };

if (!customElements.get('pk-enrich-search')) customElements.define('pk-enrich-search', PkEnrichSearch);

declare global {
  interface HTMLElementTagNameMap {
    'pk-enrich-search': PkEnrichSearch;
  }
}
