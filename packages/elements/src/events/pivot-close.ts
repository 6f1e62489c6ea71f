import type { Observable } from '@pivotkit/sdk';

/** Why a menu closed: a key, a click elsewhere, a call to `hide()`, or another observable's menu opening. */
export type PivotCloseReason = 'escape' | 'tab' | 'outside' | 'api';

/** Fired after the pivot menu closed. */
export class PkPivotCloseEvent extends Event {
  readonly detail: { observable: Observable | undefined; reason: PivotCloseReason };
  constructor(detail: PkPivotCloseEvent['detail']) {
    super('pk-pivot-close', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-pivot-close': PkPivotCloseEvent;
  }
}
