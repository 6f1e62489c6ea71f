import { PkPivotMenu } from './pivot-menu.js';

export { PkPivotMenu };
export type { PivotMenuItem } from './item.js';
if (!customElements.get('pk-pivot-menu')) customElements.define('pk-pivot-menu', PkPivotMenu);

declare global {
  interface HTMLElementTagNameMap {
    'pk-pivot-menu': PkPivotMenu;
  }
}
