/**
 * The strings of the ribbon's own panels: the sign-in dialog, Home and Settings. Part of {@link Translation}; their
 * English loads with those panels (each passes it to its `LocalizeController`), not with the ribbon's bar.
 */
export interface RibbonPanelsStrings {
  // Sign-in dialog
  signInTitle: string;
  editCredentialsTitle: string;
  clientId: string;
  clientSecret: string;
  clientSecretHelp: string;
  clientSecretKept: string;
  region: string;
  regionName: (region: string) => string;
  regionLocked: string;
  authenticate: string;
  authenticating: string;
  continueAnyway: string;
  signOut: string;
  signedOutDone: string;
  signedInDone: (clientId: string) => string;
  fieldRequired: (field: string) => string;
  errorBadCredentials: string;
  errorWrongRegion: (tried: string, right: string) => string;
  errorNetwork: (host: string) => string;
  errorTimeout: (host: string) => string;
  errorRateLimited: (seconds: number | undefined) => string;
  errorService: (status: number) => string;
  errorGarbage: string;
  errorProvider: string;
  errorUnknown: (message: string) => string;
  /** Signed in, but some scopes are missing: the heading of the list. */
  missingScopesHeading: string;
  missingScopeLine: (scope: string, disables: string[]) => string;

  // Home
  homeSession: string;
  homeStatus: string;
  homeClient: string;
  homeRegion: string;
  homeExpires: string;
  homeExpiresAt: (time: string, minutes: number) => string;
  homeExpired: string;
  homeScopes: string;
  homeScopeEnables: (what: string[]) => string;
  homeScopeEnablesNothing: string;
  homeScopesUnknown: string;
  homeApps: string;
  homeAppReady: string;
  homeAppMissing: (scopes: string[]) => string;
  homeSignedOut: string;
  homeEditCredentials: string;
  homeHostClient: string;
  statusName: (status: string) => string;
  /** What a feature or app is, for "enables …" and "disables …" lists. */
  featureName: (feature: string) => string;

  // Settings
  settingsTheme: string;
  themeName: (theme: string) => string;
  settingsLanguage: string;
  languagePage: string;
  settingsModules: string;
  settingsModulesHelp: string;
  settingsModulesAll: string;
  settingsModulesLoading: string;
  settingsModulesSignedOut: string;
  settingsDecorate: string;
  settingsDecorateHelp: string;
  settingsDefaultTlp: string;
  tlpName: (tlp: string) => string;
  settingsPersistence: string;
  persistenceName: (p: string) => string;
  persistenceRisk: (p: string) => string;
  persistenceNotAllowed: string;
  settingsShortcuts: string;
  shortcutName: (action: string) => string;
  shortcutInvalid: string;
  settingsReset: string;
  settingsSaved: string;
}

const REGION_NAMES: Record<string, string> = { nam: 'North America', eu: 'Europe', apjc: 'Asia-Pacific' };
const FEATURES: Record<string, string> = {
  inspect: 'Inspect (detection by the API)',
  enrich: 'Verdicts and enrichment',
  refer: 'Pivot links',
  response: 'Response actions',
  casebook: 'Casebook',
  incidents: 'Incidents',
  pivot: 'Pivot menu',
  'link-casebook': 'Linking a case to an incident',
  orbital: 'Orbital',
  search: 'Enrichment search',
  find: 'Find observables',
};

/** English strings of the sign-in dialog, Home and Settings. */
export const ribbonPanelsEn: RibbonPanelsStrings = {
  signInTitle: 'Sign in to Threat Response',
  editCredentialsTitle: 'Threat Response credentials',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  clientSecretHelp: 'Kept in this page’s memory only, unless Settings says otherwise.',
  clientSecretKept: 'Leave empty to keep the current secret.',
  region: 'Region',
  regionName: (r) => REGION_NAMES[r] ?? r,
  regionLocked: 'Sign out first to switch region.',
  authenticate: 'Authenticate',
  authenticating: 'Authenticating…',
  continueAnyway: 'Continue',
  signOut: 'Sign out',
  signedOutDone: 'Signed out',
  signedInDone: (id) => `Signed in as ${id}`,
  fieldRequired: (f) => `${f} is required.`,
  errorBadCredentials: 'The client ID or secret was refused. Check both, and that the API client is still enabled.',
  errorWrongRegion: (tried, right) =>
    `${tried} does not know this API client, ${right} does: choose ${right} as the region.`,
  errorNetwork: (host) => `Could not reach ${host}. Check the network connection, a proxy, or the region.`,
  errorTimeout: (host) => `${host} did not answer in time. Try again.`,
  errorRateLimited: (s) =>
    s === undefined ? 'Too many requests: wait a moment and try again.' : `Too many requests: try again in ${s} s.`,
  errorService: (status) => `The service failed (HTTP ${status}). Try again later.`,
  errorGarbage: 'The service answered something that is not a token. Check the region or base URL.',
  errorProvider: 'The page’s sign-in could not get a token.',
  errorUnknown: (m) => `Sign-in failed: ${m}`,
  missingScopesHeading: 'Signed in, but the API client lacks these scopes:',
  missingScopeLine: (scope, what) => `${scope}: without it, ${what.join(', ')} will not work.`,

  homeSession: 'Session',
  homeStatus: 'Status',
  homeClient: 'Client ID',
  homeRegion: 'Region',
  homeExpires: 'Token expires',
  homeExpiresAt: (time, m) => `${time} (in ${m <= 1 ? 'under a minute' : `${m} minutes`}; renewed automatically)`,
  homeExpired: 'Expired',
  homeScopes: 'Granted scopes',
  homeScopeEnables: (what) => `Enables ${what.join(', ')}`,
  homeScopeEnablesNothing: 'Not used by Pivotkit',
  homeScopesUnknown: 'The token does not list its scopes; the service decides what is allowed.',
  homeApps: 'Apps',
  homeAppReady: 'Ready',
  homeAppMissing: (s) => `Needs ${s.join(', ')}`,
  homeSignedOut: 'Not signed in.',
  homeEditCredentials: 'Edit credentials…',
  homeHostClient: 'Signed in by this page (no credentials to edit).',
  statusName: (s) =>
    ({ 'signed-out': 'Signed out', 'signing-in': 'Signing in…', 'signed-in': 'Signed in', error: 'Sign-in failed' })[
      s
    ] ?? s,
  featureName: (f) => FEATURES[f] ?? f,

  settingsTheme: 'Theme',
  themeName: (t) => ({ auto: 'Same as the system', light: 'Light', dark: 'Dark' })[t] ?? t,
  settingsLanguage: 'Language',
  languagePage: 'Same as the page',
  settingsModules: 'Enrichment modules',
  settingsModulesHelp: 'Enrichment asks only the modules ticked here.',
  settingsModulesAll: 'Every module',
  settingsModulesLoading: 'Loading the modules…',
  settingsModulesSignedOut: 'Sign in to list the modules.',
  settingsDecorate: 'Decorate the page',
  settingsDecorateHelp: 'Show verdicts and pivot buttons beside observables in the page’s text.',
  settingsDefaultTlp: 'TLP of new cases',
  tlpName: (t) => `TLP:${t.toUpperCase()}`,
  settingsPersistence: 'Keep me signed in',
  persistenceName: (p) =>
    ({
      memory: 'Only on this page (most secure)',
      'session-token': 'Across pages of this tab, for the token’s life',
      'encrypted-credentials': 'Across visits: credentials saved encrypted on this device',
    })[p] ?? p,
  persistenceRisk: (p) =>
    ({
      memory: 'The secret stays in memory; a reload or another page asks you to sign in again.',
      'session-token':
        'The access token (valid up to 10 minutes) is kept in this tab’s session storage. Script running on this site could read and use it until it expires; the secret is never stored.',
      'encrypted-credentials':
        'The client ID and secret are saved in this browser, encrypted with a key that cannot be exported. Anyone using this browser profile, or script running on this site, can sign in with them until you sign out.',
    })[p] ?? '',
  persistenceNotAllowed: 'This page does not allow keeping the session.',
  settingsShortcuts: 'Keyboard shortcuts',
  shortcutName: (a) =>
    ({
      search: 'Open the enrichment search',
      find: 'Find observables on this page',
      casebook: 'Open the casebook',
      toggle: 'Show or hide the ribbon',
      credentials: 'Edit the credentials',
    })[a] ?? a,
  shortcutInvalid: 'Use Alt, Ctrl or Meta with a letter, digit or F-key, e.g. Alt+Shift+S.',
  settingsReset: 'Restore defaults',
  settingsSaved: 'Settings saved',
};
