import { PkMarkdown } from './markdown.js';

export { PkMarkdown };
if (!customElements.get('pk-markdown')) customElements.define('pk-markdown', PkMarkdown);

declare global {
  interface HTMLElementTagNameMap {
    'pk-markdown': PkMarkdown;
  }
}
