import type { Observable, PivotkitClient } from '@pivotkit/sdk';
import { markPivotMenuLoaded } from '../../lazy/pivot-menu.js';
import './pk-pivot-menu.js';
import type { PivotMenuItem } from './item.js';
import type { PkPivotMenu } from './pivot-menu.js';

// One menu for the whole page, however many observables it has: one popup, no per-observable listeners.
let shared: PkPivotMenu | undefined;
let sharedItems: PivotMenuItem[] = [];

/**
 * Opens the page's single shared <pk-pivot-menu> (created and appended to document.body on first use) anchored to
 * `anchor` for `observable`. Focus moves into the menu; Escape or closing returns focus to `anchor`.
 */
export function openPivotMenu(opts: {
  anchor: HTMLElement;
  observable: Observable;
  client?: PivotkitClient;
  focus?: 'first' | 'last';
}): PkPivotMenu {
  if (!shared) {
    shared = document.createElement('pk-pivot-menu');
    shared.items = sharedItems;
    document.body.append(shared);
  }
  // Another observable's menu was open: close it first (its own close event, focus to its own anchor).
  if (shared.open) shared.hide('api');
  shared.client = opts.client;
  shared.anchor = opts.anchor;
  shared.observable = opts.observable;
  void shared.show({ focus: opts.focus ?? 'first' });
  return shared;
}

/** Closes the shared menu, if open; focus returns to its anchor. */
export function closePivotMenu(): void {
  shared?.hide('api');
}

/** The shared menu, once `openPivotMenu` created it. */
export function getPivotMenu(): PkPivotMenu | undefined {
  return shared;
}

/** Sets the host page's own items on the shared menu, now and when it is created. */
export function setPivotMenuItems(items: PivotMenuItem[]): void {
  sharedItems = items;
  if (shared) shared.items = items;
}

// Loaded, however it was imported: <pk-observable> can open the menu without awaiting a module.
markPivotMenuLoaded({ openPivotMenu, closePivotMenu, getPivotMenu, setPivotMenuItems });
