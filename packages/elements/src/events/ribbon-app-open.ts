/** A ribbon app's panel opened (`id` is the app's id); its element is loaded and in the panel. */
export class PkRibbonAppOpenEvent extends Event {
  readonly detail: { id: string; element: HTMLElement };
  constructor(detail: PkRibbonAppOpenEvent['detail']) {
    super('pk-ribbon-app-open', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-ribbon-app-open': PkRibbonAppOpenEvent;
  }
}
