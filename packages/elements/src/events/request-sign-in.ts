/** The user asked to sign in (from a signed-out element). The host starts its sign-in flow. */
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
