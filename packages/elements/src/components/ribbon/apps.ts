// The ribbon's apps: the built-in ones and those a host registers. Each loads its code on first open.
import type { Feature } from '@pivotkit/sdk';
import type { TemplateResult } from 'lit';
import type { SharedStrings, Translation } from '../../i18n/index.js';
import type { RibbonStrings } from '../../i18n/ribbon.js';

/** An app the ribbon shows as a button and opens in its panel. */
export interface RibbonApp {
  /** Unique id (letters, digits, `-`, `_`); also what the ribbon remembers as the open app. */
  id: string;
  /** The button's text (a function of the translation for built-in apps). */
  label: string | ((t: Translation) => string);
  /**
   * The button's icon: an image URL (a string), or a lit template (an inline `svg`) from the host's own code.
   * Without one, a generic app icon.
   */
  icon?: string | TemplateResult;
  /** The custom element the panel shows, e.g. `acme-asset-lookup`. */
  tag: string;
  /** Loads (and defines) the element on first open; leave it out when the page defines it already. */
  load?: () => Promise<unknown>;
  /** What the app needs from the token, shown by Home when a scope is missing. */
  feature?: Feature;
  /** Scopes the app needs that no SDK feature names (Orbital's `orbital`). */
  scopes?: readonly string[];
}

/** @internal A built-in app: its place in the bar is fixed. */
export interface BuiltInApp extends RibbonApp {
  builtIn: true;
}

const ID = /^[\w-]{1,64}$/;
const TAG = /^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/;

const BUILT_IN: BuiltInApp[] = [
  {
    builtIn: true,
    id: 'home',
    label: (t) => t.ribbonHome,
    tag: 'pk-home',
    load: () => import('../home/pk-home.js'),
  },
  {
    builtIn: true,
    id: 'casebook',
    label: (t) => t.casebook,
    tag: 'pk-casebook',
    feature: 'casebook',
    load: () => import('../casebook/pk-casebook.js'),
  },
  {
    builtIn: true,
    id: 'incidents',
    label: (t) => t.incidentsApp,
    tag: 'pk-incidents',
    feature: 'incidents',
    load: () => import('../incidents/pk-incidents.js'),
  },
  {
    builtIn: true,
    id: 'orbital',
    label: (t) => t.orbitalApp,
    tag: 'pk-orbital',
    scopes: ['orbital'],
    load: () => import('../orbital/pk-orbital.js'),
  },
  {
    builtIn: true,
    id: 'search',
    label: (t) => t.searchApp,
    tag: 'pk-enrich-search',
    feature: 'enrich',
    load: () => import('../enrich-search/pk-enrich-search.js'),
  },
  {
    builtIn: true,
    id: 'find',
    label: (t) => t.findApp,
    tag: 'pk-find-observables',
    feature: 'enrich',
    load: () => import('../find-observables/pk-find-observables.js'),
  },
];

const SETTINGS: BuiltInApp = {
  builtIn: true,
  id: 'settings',
  label: (t) => t.ribbonSettings,
  tag: 'pk-settings',
  load: () => import('../settings/pk-settings.js'),
};

let hostApps: RibbonApp[] = [];
const listeners = new Set<() => void>();

/** Every app in the bar's order: the built-in ones, the host's, then Settings. */
export function ribbonApps(): readonly RibbonApp[] {
  return [...BUILT_IN, ...hostApps, SETTINGS];
}

/** Calls `listener` when an app is registered or removed; returns the unsubscribe function. */
export function onRibbonAppsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * Adds an app to every `<pk-ribbon>` on the page (before Settings), without forking the ribbon. Its code loads on
 * first open. Returns a function that removes it again.
 * @example
 * registerRibbonApp({ id: 'assets', label: 'Assets', tag: 'acme-assets', load: () => import('./acme-assets.js') });
 * @throws {TypeError} for an id that is malformed or already taken, or a tag that is not a custom element name.
 */
export function registerRibbonApp(app: RibbonApp): () => void {
  if (!app || typeof app !== 'object') throw new TypeError('[pk-ribbon] registerRibbonApp needs an app object');
  if (!ID.test(app.id)) throw new TypeError(`[pk-ribbon] app id ${JSON.stringify(app.id)} is not [A-Za-z0-9_-]{1,64}`);
  if (ribbonApps().some((a) => a.id === app.id))
    throw new TypeError(`[pk-ribbon] an app with id ${JSON.stringify(app.id)} is already registered`);
  if (typeof app.tag !== 'string' || !TAG.test(app.tag))
    throw new TypeError(`[pk-ribbon] app tag ${JSON.stringify(app.tag)} is not a custom element name`);
  if (app.load !== undefined && typeof app.load !== 'function')
    throw new TypeError('[pk-ribbon] app load must be a function returning a promise');
  const entry = { ...app };
  hostApps = [...hostApps, entry];
  for (const l of [...listeners]) l();
  return () => {
    hostApps = hostApps.filter((a) => a !== entry);
    for (const l of [...listeners]) l();
  };
}

/**
 * The app's label in the given translation. Built-in labels read the ribbon's strings only; a host's label gets
 * the same translation, whose built-in English has the strings of the panels loaded so far.
 */
export function appLabel(app: RibbonApp, t: SharedStrings & RibbonStrings): string {
  return typeof app.label === 'function' ? app.label(t as Translation) : app.label;
}

const loaded = new Map<string, Promise<void>>();

/** Loads an app's element once (a failed load is tried again next time). */
export function loadApp(app: RibbonApp): Promise<void> {
  let p = loaded.get(app.id);
  if (!p) {
    p = (async () => {
      await app.load?.();
      if (!customElements.get(app.tag)) {
        throw new Error(`the app's element <${app.tag}> is not defined${app.load ? ' by its loader' : ''}`);
      }
    })();
    loaded.set(app.id, p);
    p.catch(() => loaded.delete(app.id));
  }
  return p;
}
