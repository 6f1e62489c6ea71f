import type { Observable } from '@pivotkit/sdk';

/** Fired before the pivot menu opens for an observable. Cancel it to keep the menu closed (and open your own). */
export class PkPivotOpenEvent extends Event {
  readonly detail: { observable: Observable; anchor: HTMLElement | undefined };
  constructor(detail: PkPivotOpenEvent['detail']) {
    super('pk-pivot-open', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-pivot-open': PkPivotOpenEvent;
  }
}
