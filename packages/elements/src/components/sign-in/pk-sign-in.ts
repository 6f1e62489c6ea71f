import { PkSignIn } from './sign-in.js';

export { PkSignIn };

if (!customElements.get('pk-sign-in')) customElements.define('pk-sign-in', PkSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'pk-sign-in': PkSignIn;
  }
}
