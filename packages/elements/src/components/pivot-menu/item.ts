import type { Observable } from '@pivotkit/sdk';
import type { PkPivotMenu } from './pivot-menu.js';

/** A menu item added by the host page. Its label is shown as text, never as HTML. */
export interface PivotMenuItem {
  /** Stable id; rendered as the item's `data-id`. */
  id: string;
  /** The item's text, or a function of the observable that returns it. */
  label: string | ((observable: Observable) => string);
  /** The section to add the item to; `more` (the default) is a group after the built-in sections. */
  section?: 'casebook' | 'pivot' | 'response' | 'copy' | 'more';
  /** Whether the item applies to this observable (default: always). */
  when?: (observable: Observable) => boolean;
  /** Runs on activation; the menu then closes and focus returns to the anchor. */
  run: (observable: Observable, menu: PkPivotMenu) => void | Promise<void>;
}
