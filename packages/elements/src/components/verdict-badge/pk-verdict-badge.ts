import { PkVerdictBadge } from './verdict-badge.js';

export { PkVerdictBadge };
if (!customElements.get('pk-verdict-badge')) customElements.define('pk-verdict-badge', PkVerdictBadge);

declare global {
  interface HTMLElementTagNameMap {
    'pk-verdict-badge': PkVerdictBadge;
  }
}
