/** A ribbon app's panel closed (`id` is the app's id). Its element stays loaded, with its state, for next time. */
export class PkRibbonAppCloseEvent extends Event {
  readonly detail: { id: string };
  constructor(detail: PkRibbonAppCloseEvent['detail']) {
    super('pk-ribbon-app-close', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-ribbon-app-close': PkRibbonAppCloseEvent;
  }
}
