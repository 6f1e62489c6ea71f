// The pivot menu's code is not part of a page's first load: <pk-observable> loads it on first use, and
// preloads it once the browser is idle so that the first open does not wait for the network.
import type * as MenuModuleNs from '../components/pivot-menu/shared.js';
import { whenIdle } from './when-idle.js';

type MenuModule = typeof MenuModuleNs;

let loading: Promise<MenuModule> | undefined;
let loaded: MenuModule | undefined;
let preloadQueued = false;

/** Loads the shared pivot menu's module (once); resolves with it. */
export function loadPivotMenu(): Promise<MenuModule> {
  loading ??= import('../components/pivot-menu/shared.js').then((m) => (loaded = m));
  return loading;
}

/** Called by the menu's module as it is evaluated, however it was imported (statically by a host, say). */
export function markPivotMenuLoaded(m: MenuModule): void {
  loaded = m;
}

/** The menu's module if it has loaded already (then opening it needs no await). */
export function pivotMenuIfLoaded(): MenuModule | undefined {
  return loaded;
}

/** Loads the menu when the browser is next idle (at most once); a page with no observable never loads it. */
export function preloadPivotMenuWhenIdle(): void {
  if (preloadQueued || loading) return;
  preloadQueued = true;
  whenIdle(() => void loadPivotMenu());
}
