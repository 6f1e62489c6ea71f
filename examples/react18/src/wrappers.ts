// React 18 sets attributes, not properties, on custom elements (so an object such as `verdict` arrives as
// "[object Object]", and `caseId` as an attribute `caseid` that the element does not read) and never listens to
// their custom events. @lit/react's createComponent makes a component that does both: every prop the element
// has is set as its property, and each `onXxx` below listens to the element's pk-* event.
// Importing this file registers the elements (each from its own entry point).
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type {
  PkObservablePickEvent,
  PkRequestCloseEvent,
  PkRequestSignInEvent,
  PkRibbonAppCloseEvent,
  PkRibbonAppOpenEvent,
} from '@pivotkit/elements';
import { PkCasebook } from '@pivotkit/elements/pk-casebook.js';
import { PkObservable } from '@pivotkit/elements/pk-observable.js';
import { PkRibbon } from '@pivotkit/elements/pk-ribbon.js';
import { PkVerdictBadge } from '@pivotkit/elements/pk-verdict-badge.js';

/** `<pk-observable>`: a value with its verdict, pivot button and drag handle. */
export const Observable = createComponent({
  react: React,
  tagName: 'pk-observable',
  elementClass: PkObservable,
  events: {
    onObservablePick: 'pk-observable-pick' as EventName<PkObservablePickEvent>,
  },
});

/** `<pk-verdict-badge>`: a disposition as a coloured pill. */
export const VerdictBadge = createComponent({
  react: React,
  tagName: 'pk-verdict-badge',
  elementClass: PkVerdictBadge,
});

/** `<pk-casebook>`: the cases, docked in a corner (`docked`) or filling its box. */
export const Casebook = createComponent({
  react: React,
  tagName: 'pk-casebook',
  elementClass: PkCasebook,
  events: {
    onRequestClose: 'pk-request-close' as EventName<PkRequestCloseEvent>,
    onRequestSignIn: 'pk-request-sign-in' as EventName<PkRequestSignInEvent>,
  },
});

/** `<pk-ribbon>`: the docked bar (sign-in, Home, Casebook, the apps, Settings); one per page. */
export const Ribbon = createComponent({
  react: React,
  tagName: 'pk-ribbon',
  elementClass: PkRibbon,
  events: {
    onRibbonAppOpen: 'pk-ribbon-app-open' as EventName<PkRibbonAppOpenEvent>,
    onRibbonAppClose: 'pk-ribbon-app-close' as EventName<PkRibbonAppCloseEvent>,
  },
});
