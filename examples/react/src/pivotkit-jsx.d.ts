// Typed JSX for every <pk-…> element in React 19, which sets properties on custom elements and listens to
// their events (`onpk-pivot-open={…}` listens to `pk-pivot-open`). Derived from the elements' own types
// (HTMLElementTagNameMap and GlobalEventHandlersEventMap, which each pk-*.ts and event file extends), so a new
// element or event is typed with no edit here.
import type { CSSProperties, DOMAttributes, Key, Ref, ReactNode } from 'react';
import type {} from '@pivotkit/elements';

/** The `pk-*` events, as React 19 props: `onpk-add-to-case`, `onpk-pivot-open`, … */
type PkEventProps = {
  [K in keyof GlobalEventHandlersEventMap as K extends `pk-${string}` ? `on${K}` : never]?: (
    event: GlobalEventHandlersEventMap[K],
  ) => void;
};

/** lit's public members that are not the element's API. */
type LitMembers = 'renderRoot' | 'renderOptions' | 'isUpdatePending' | 'hasUpdated' | 'updateComplete';

/** An element's own public properties (not HTMLElement's or lit's, not methods), all optional. */
type OwnProps<E> = {
  [
    K in Exclude<keyof E, keyof HTMLElement | LitMembers> as E[K] extends (...args: never[]) => unknown ? never : K
  ]?: E[K];
};

type PkElementProps<E extends HTMLElement> = OwnProps<E> &
  PkEventProps &
  Omit<DOMAttributes<E>, 'children'> & {
    ref?: Ref<E>;
    key?: Key;
    children?: ReactNode;
    id?: string;
    class?: string;
    className?: string;
    slot?: string;
    style?: CSSProperties;
  };

type PkIntrinsicElements = {
  [K in keyof HTMLElementTagNameMap as K extends `pk-${string}` ? K : never]: PkElementProps<HTMLElementTagNameMap[K]>;
};

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends PkIntrinsicElements {}
  }
}
