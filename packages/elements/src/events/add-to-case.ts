import type { Observable } from '@pivotkit/sdk';

/**
 * Fired before an observable is added to a case. `caseId` is the current case's id, or `null` for a new case.
 * Cancel it to add the observable your own way; the menu then does nothing.
 */
export class PkAddToCaseEvent extends Event {
  readonly detail: { observable: Observable; caseId: string | null };
  constructor(detail: PkAddToCaseEvent['detail']) {
    super('pk-add-to-case', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-add-to-case': PkAddToCaseEvent;
  }
}
