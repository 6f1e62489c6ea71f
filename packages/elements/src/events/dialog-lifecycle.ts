/** `pk-show`, `pk-after-show`, `pk-hide`, `pk-after-hide`: an animated element opens or closes (after: done). */
export type LifecycleType = 'pk-show' | 'pk-after-show' | 'pk-hide' | 'pk-after-hide';

/** Fired around an animated open or close; bubbling and composed, not cancelable. */
export class PkLifecycleEvent extends Event {
  constructor(type: LifecycleType) {
    super(type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-show': PkLifecycleEvent;
    'pk-after-show': PkLifecycleEvent;
    'pk-hide': PkLifecycleEvent;
    'pk-after-hide': PkLifecycleEvent;
  }
}
