/**
 * The strings of `<pk-ribbon>`'s bar and panel. Part of {@link Translation}; kept in a file of their own so that the
 * ribbon's strings grow here, beside their English text, without touching the other elements' tables. Its own apps
 * (the sign-in dialog, Home, Settings) have theirs in `ribbon-panels.ts`, which loads with them.
 */
export interface RibbonStrings {
  /** The ribbon toolbar's accessible name. */
  ribbonLabel: string;
  /** The ribbon landmark's accessible name. */
  ribbonRegion: string;
  expandRibbon: string;
  collapseRibbon: string;
  /** The drag handle (a slider for the bar's place along the bottom edge). */
  ribbonPosition: string;
  ribbonPositionText: (percent: number) => string;
  ribbonPositionHelp: string;
  /** The panel's top edge (a window splitter). */
  resizePanel: string;
  resizePanelText: (px: number) => string;
  closeApp: (app: string) => string;
  loadingApp: (app: string) => string;
  appLoadFailed: (app: string, message: string) => string;
  /** The app panel's own code did not arrive (a network fault): said in the bar, with Retry. */
  panelLoadFailed: (app: string) => string;
  ribbonHome: string;
  ribbonSettings: string;
  incidentsApp: string;
  orbitalApp: string;
  searchApp: string;
  findApp: string;
  /** The Casebook button's accessible name, with the current case's observable count. */
  casebookButton: (count: number | undefined, title: string | undefined) => string;
  signedInAs: (clientId: string) => string;
  needsScopesShort: (scopes: string[]) => string;
  /** The bar's sign-in button. */
  ribbonSignIn: string;
}

/** English ribbon strings. */
export const ribbonEn: RibbonStrings = {
  ribbonLabel: 'Pivotkit',
  ribbonRegion: 'Pivotkit ribbon',
  expandRibbon: 'Show the Pivotkit ribbon',
  collapseRibbon: 'Hide the Pivotkit ribbon',
  ribbonPosition: 'Ribbon position',
  ribbonPositionText: (p) => (p <= 0 ? 'Left end' : p >= 100 ? 'Right end' : `${p}% from the left`),
  ribbonPositionHelp: 'Drag, or use the arrow keys, to move the ribbon along the bottom edge.',
  resizePanel: 'Resize the panel',
  resizePanelText: (px) => `${px} pixels high`,
  closeApp: (app) => `Close ${app}`,
  loadingApp: (app) => `Loading ${app}…`,
  appLoadFailed: (app, m) => `${app} could not be loaded: ${m}`,
  panelLoadFailed: (app) => `${app} could not open: the panel did not load. Check the connection, then retry.`,
  ribbonHome: 'Home',
  ribbonSettings: 'Settings',
  incidentsApp: 'Incidents',
  orbitalApp: 'Orbital',
  searchApp: 'Search',
  findApp: 'Find observables',
  casebookButton: (n, title) =>
    n === undefined
      ? 'Casebook'
      : `Casebook, ${n === 1 ? '1 observable' : `${n} observables`} in ${title ? `“${title}”` : 'the current case'}`,
  signedInAs: (id) => `Signed in as ${id}`,
  needsScopesShort: (s) => `Needs ${s.join(', ')}`,
  ribbonSignIn: 'Sign in',
};
