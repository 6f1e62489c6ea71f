import type { Observable } from '@pivotkit/sdk';

/**
 * The keyboard alternative to dragging an observable: fired when the user activates a `<pk-observable>`'s
 * drag handle with Enter or Space. A drop target (a casebook) that takes the observable calls
 * `preventDefault()`; when nobody does, the observable opens its pivot menu, whose Casebook section adds it.
 */
export class PkObservablePickEvent extends Event {
  readonly detail: { observable: Observable };
  constructor(detail: PkObservablePickEvent['detail']) {
    super('pk-observable-pick', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-observable-pick': PkObservablePickEvent;
  }
}
