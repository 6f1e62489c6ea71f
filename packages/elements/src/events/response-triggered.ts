import type { Observable, ResponseAction, TriggerResult } from '@pivotkit/sdk';

/** Fired after a confirmed response action ran, with the service's result. */
export class PkResponseTriggeredEvent extends Event {
  readonly detail: { observable: Observable; action: ResponseAction; result: TriggerResult };
  constructor(detail: PkResponseTriggeredEvent['detail']) {
    super('pk-response-triggered', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-response-triggered': PkResponseTriggeredEvent;
  }
}
