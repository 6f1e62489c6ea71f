import { PkCasebook } from './casebook.js';

export { PkCasebook };
export { Outbox, type QueuedEdit, type CaseEdit } from '../../state/outbox.js';

if (!customElements.get('pk-casebook')) customElements.define('pk-casebook', PkCasebook);

declare global {
  interface HTMLElementTagNameMap {
    'pk-casebook': PkCasebook;
  }
}
