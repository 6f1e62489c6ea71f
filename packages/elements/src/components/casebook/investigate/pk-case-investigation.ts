import { PkCaseInvestigation } from './case-investigation.js';

export { PkCaseInvestigation };
if (!customElements.get('pk-case-investigation')) customElements.define('pk-case-investigation', PkCaseInvestigation);

declare global {
  interface HTMLElementTagNameMap {
    'pk-case-investigation': PkCaseInvestigation;
  }
}
