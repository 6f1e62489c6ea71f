// React 18 (and older) neither sets properties on custom elements nor listens to their custom events:
// @lit/react's createComponent makes a component that does both. React 19 does not need them (see App.tsx),
// but they work there as well, which is how this example runs them.
import { createComponent, type EventName } from '@lit/react';
import { PkObservable } from '@pivotkit/elements';
import { PkCasebook } from '@pivotkit/elements/pk-casebook.js';
import type { PkObservablePickEvent } from '@pivotkit/elements';
import * as React from 'react';

export const Observable = createComponent({
  react: React,
  tagName: 'pk-observable',
  elementClass: PkObservable,
  events: {
    onObservablePick: 'pk-observable-pick' as EventName<PkObservablePickEvent>,
  },
});

export const Casebook = createComponent({
  react: React,
  tagName: 'pk-casebook',
  elementClass: PkCasebook,
});
