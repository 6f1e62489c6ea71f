/** What asked a dialog or panel to close. */
export type RequestCloseSource = 'escape' | 'outside' | 'close-button';

/**
 * A dialog or panel is about to close because of the user. Cancelable: a host with unsaved text calls
 * `preventDefault()` and it stays open.
 */
export class PkRequestCloseEvent extends Event {
  readonly detail: { source: RequestCloseSource };
  constructor(detail: PkRequestCloseEvent['detail']) {
    super('pk-request-close', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-request-close': PkRequestCloseEvent;
  }
}
