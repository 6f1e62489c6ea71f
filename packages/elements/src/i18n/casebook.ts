/**
 * The strings of `<pk-casebook>`. Part of {@link Translation}; kept in a file of their own so that the casebook's
 * strings grow here, beside its English text, without touching the other elements' tables.
 */
export interface CasebookStrings {
  /** The casebook panel's accessible name. */
  casebookPanel: string;
  /** The docked corner button's name. */
  openCasebook: string;
  closeCasebook: string;
  cases: string;
  searchCases: string;
  newCase: string;
  untitledCase: string;
  noCases: string;
  noMatches: (query: string) => string;
  loadingCases: string;
  casesFailed: (message: string) => string;
  /** Cases of the page left out because their documents could not be read. */
  casesDropped: (n: number) => string;
  /** "1–50 of 1,000" */
  pageRange: (from: number, to: number, total: number | undefined) => string;
  previousPage: string;
  nextPage: string;
  nObservables: (n: number) => string;
  /** A TLP marking as TLP 2.0 writes it (`TLP:AMBER`). */
  caseTlp: (tlp: string) => string;
  changedAt: (when: string) => string;
  currentCaseBadge: string;
  allCases: string;
  loadingCase: string;
  caseFailed: (message: string) => string;
  caseGone: string;
  /** The case view's code did not arrive (a network fault): Retry loads it again. */
  caseViewFailed: string;
  editHelp: string;
  remove: string;
  sourceColumn: string;
  /** The heading of the preview: to which case. */
  addObservablesTo: (title: string) => string;
  addObservablesHelp: string;
  pasteLabel: string;
  findObservables: string;
  askInspect: string;
  inspecting: string;
  inspectFailed: (message: string) => string;
  preview: (found: number, already: number) => string;
  nothingFound: string;
  /** The detector's code did not arrive (a network fault): the text stays, to try again. */
  detectFailed: string;
  addN: (n: number) => string;
  addedN: (n: number, title: string) => string;
  dropOnCase: (title: string) => string;
  deletedCase: (title: string) => string;
  undo: string;
  undone: string;
  pendingCount: (n: number) => string;
  allSaved: string;
  pendingScope: (scopes: string[]) => string;
  retryNow: string;
  importCase: string;
  importFailed: string;
  imported: (title: string) => string;
}

const TLP: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green', white: 'White' };

/** English casebook strings. */
export const casebookEn: CasebookStrings = {
  casebookPanel: 'Casebook',
  openCasebook: 'Open the casebook',
  closeCasebook: 'Close the casebook',
  cases: 'Cases',
  searchCases: 'Search cases',
  newCase: 'New case',
  untitledCase: 'Untitled case',
  noCases: 'No cases yet. Create one, or add an observable from its menu.',
  noMatches: (q) => `No case matches “${q}”.`,
  loadingCases: 'Loading cases…',
  casesFailed: (m) => `The cases could not be loaded: ${m}`,
  casesDropped: (n) =>
    `${n.toLocaleString('en')} case${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} not shown.`,
  pageRange: (from, to, total) =>
    total === undefined
      ? `${from.toLocaleString('en')}–${to.toLocaleString('en')}`
      : `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${total.toLocaleString('en')}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  nObservables: (n) => `${n.toLocaleString('en')} observable${n === 1 ? '' : 's'}`,
  caseTlp: (t) => `TLP:${(TLP[t] ?? t).toUpperCase()}`,
  changedAt: (w) => `changed ${w}`,
  currentCaseBadge: 'current',
  allCases: 'All cases',
  loadingCase: 'Loading the case…',
  caseFailed: (m) => `The case could not be loaded: ${m}`,
  caseViewFailed: 'The case view could not be loaded: its code did not arrive. Check the connection, then retry.',
  caseGone: 'This case no longer exists, or this API client may not see it.',
  editHelp: 'Ctrl+Enter saves, Escape cancels.',
  remove: 'Remove',
  sourceColumn: 'Found on',
  addObservablesTo: (title) => (title ? `Add observables to ${title}` : 'Add observables'),
  addObservablesHelp: 'Paste or type text; the observables in it are found on this computer.',
  pasteLabel: 'Text with observables',
  findObservables: 'Find observables',
  askInspect: 'Ask the service (inspect)',
  inspecting: 'Asking the service…',
  inspectFailed: (m) => `The service could not inspect the text: ${m}`,
  preview: (found, already) =>
    `${found.toLocaleString('en')} observable${found === 1 ? '' : 's'}` +
    (already ? `, ${already.toLocaleString('en')} already in this case` : ''),
  detectFailed: 'Could not look for observables: the detector did not load. Check the connection, then try again.',
  nothingFound: 'No observables found in that text.',
  addN: (n) => `Add ${n.toLocaleString('en')}`,
  addedN: (n, title) => `Added ${n.toLocaleString('en')} observable${n === 1 ? '' : 's'} to ${title}`,
  dropOnCase: (title) => `Drop to add to ${title}`,
  deletedCase: (title) => `Deleted ${title}.`,
  undo: 'Undo',
  undone: 'Deletion undone.',
  pendingCount: (n) => `${n.toLocaleString('en')} change${n === 1 ? '' : 's'} not saved yet`,
  allSaved: 'All changes saved',
  pendingScope: (s) => `Refused: this API client needs the ${s.join(', ')} scope${s.length === 1 ? '' : 's'}`,
  retryNow: 'Retry now',
  importCase: 'Import a case (CTIM JSON)…',
  importFailed: 'Nothing was imported: the file is not a valid CTIM casebook.',
  imported: (title) => `Imported ${title}`,
};
