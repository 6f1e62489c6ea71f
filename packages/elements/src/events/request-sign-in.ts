/**
 * The user asked to sign in (from a signed-out element). The host starts its sign-in flow. Cancelable, so that
 * an element with a built-in sign-in can leave it to the host; the pivot menu has none and just closes.
 */
export class PkRequestSignInEvent extends Event {
  constructor() {
    super('pk-request-sign-in', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-request-sign-in': PkRequestSignInEvent;
  }
}
