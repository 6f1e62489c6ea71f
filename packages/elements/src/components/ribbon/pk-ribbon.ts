import { PkRibbon } from './ribbon.js';

export { PkRibbon };
export { registerRibbonApp, type RibbonApp } from './apps.js';
export type { RegionBaseUrls, RegionHosts } from '../sign-in/client-factory.js';

if (!customElements.get('pk-ribbon')) customElements.define('pk-ribbon', PkRibbon);

declare global {
  interface HTMLElementTagNameMap {
    'pk-ribbon': PkRibbon;
  }
}
