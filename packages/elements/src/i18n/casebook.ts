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
  retry: string;
  /** "1–50 of 1,000" */
  pageRange: (from: number, to: number, total: number | undefined) => string;
  previousPage: string;
  nextPage: string;
  nObservables: (n: number) => string;
  tlpLabel: string;
  tlpName: (tlp: string) => string;
  changedAt: (when: string) => string;
  currentCaseBadge: string;
  allCases: string;
  loadingCase: string;
  caseFailed: (message: string) => string;
  caseGone: string;
  caseMalformed: (message: string) => string;
  title: string;
  shortDescription: string;
  description: string;
  edit: (what: string) => string;
  save: string;
  cancel: string;
  editHelp: string;
  empty: string;
  notes: string;
  noNotes: string;
  addNote: string;
  newNote: string;
  deleteNote: string;
  observables: string;
  noObservables: string;
  remove: string;
  removeObservable: (value: string) => string;
  copyOne: (value: string) => string;
  copyOneDefanged: (value: string) => string;
  copyAll: string;
  copyAllDefanged: string;
  copiedN: (n: number) => string;
  pivotFor: (value: string) => string;
  verdictColumn: string;
  typeColumn: string;
  valueColumn: string;
  actionsColumn: string;
  sourceColumn: string;
  notEnriched: string;
  redNoEnrich: string;
  enrichRed: string;
  enrichRedDetail: (n: number) => string;
  verdictsLoading: string;
  addObservables: string;
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
  addN: (n: number) => string;
  addedN: (n: number, title: string) => string;
  dropHere: string;
  dropOnCase: (title: string) => string;
  deleteCase: string;
  deletedCase: (title: string) => string;
  undo: string;
  undone: string;
  pendingCount: (n: number) => string;
  allSaved: string;
  pendingQueued: string;
  pendingSending: string;
  pendingRetrying: (message: string) => string;
  pendingFailed: (message: string) => string;
  pendingScope: (scopes: string[]) => string;
  retryNow: string;
  discard: string;
  conflictTitle: string;
  conflictTheirs: string;
  conflictMine: string;
  keepMine: string;
  keepTheirs: string;
  noteRemovedElsewhere: string;
  linkIncident: string;
  incidentId: string;
  link: string;
  linked: (incident: string) => string;
  linkFailed: (message: string) => string;
  from: (title: string) => string;
  investigate: string;
  exportAs: string;
  importCase: string;
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
  retry: 'Retry',
  pageRange: (from, to, total) =>
    total === undefined
      ? `${from.toLocaleString('en')}–${to.toLocaleString('en')}`
      : `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${total.toLocaleString('en')}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  nObservables: (n) => `${n.toLocaleString('en')} observable${n === 1 ? '' : 's'}`,
  tlpLabel: 'TLP',
  tlpName: (t) => `TLP ${TLP[t] ?? t}`,
  changedAt: (w) => `changed ${w}`,
  currentCaseBadge: 'current',
  allCases: 'All cases',
  loadingCase: 'Loading the case…',
  caseFailed: (m) => `The case could not be loaded: ${m}`,
  caseGone: 'This case no longer exists, or this API client may not see it.',
  caseMalformed: (m) => `Part of this case could not be read (${m}); what could be read is shown.`,
  title: 'Title',
  shortDescription: 'Short description',
  description: 'Description',
  edit: (what) => `Edit ${what.toLowerCase()}`,
  save: 'Save',
  cancel: 'Cancel',
  editHelp: 'Ctrl+Enter saves, Escape cancels.',
  empty: 'None yet',
  notes: 'Notes',
  noNotes: 'No notes yet.',
  addNote: 'Add note',
  newNote: 'New note',
  deleteNote: 'Delete note',
  observables: 'Observables',
  noObservables: 'No observables yet. Drag them here, paste them, or add them from an observable’s menu.',
  remove: 'Remove',
  removeObservable: (v) => `Remove ${v}`,
  copyOne: (v) => `Copy ${v}`,
  copyOneDefanged: (v) => `Copy ${v} defanged`,
  copyAll: 'Copy all',
  copyAllDefanged: 'Copy all defanged',
  copiedN: (n) => `Copied ${n.toLocaleString('en')} value${n === 1 ? '' : 's'}`,
  pivotFor: (v) => `Pivot on ${v}`,
  verdictColumn: 'Verdict',
  typeColumn: 'Type',
  valueColumn: 'Value',
  actionsColumn: 'Actions',
  sourceColumn: 'Found on',
  notEnriched: 'not asked',
  redNoEnrich:
    'TLP red: this case’s observables are never sent to enrichment modules automatically. Ask for verdicts only if every module may see them.',
  enrichRed: 'Get verdicts anyway',
  enrichRedDetail: (n) =>
    `Sends ${n.toLocaleString('en')} value${n === 1 ? '' : 's'} to every enrichment module of your Threat Response organisation.`,
  verdictsLoading: 'Asking the modules…',
  addObservables: 'Add observables',
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
  nothingFound: 'No observables found in that text.',
  addN: (n) => `Add ${n.toLocaleString('en')}`,
  addedN: (n, title) => `Added ${n.toLocaleString('en')} observable${n === 1 ? '' : 's'} to ${title}`,
  dropHere: 'Drop to add to this case',
  dropOnCase: (title) => `Drop to add to ${title}`,
  deleteCase: 'Delete case',
  deletedCase: (title) => `Deleted ${title}.`,
  undo: 'Undo',
  undone: 'Deletion undone.',
  pendingCount: (n) => `${n.toLocaleString('en')} change${n === 1 ? '' : 's'} not saved yet`,
  allSaved: 'All changes saved',
  pendingQueued: 'Not saved yet',
  pendingSending: 'Saving…',
  pendingRetrying: (m) => `Not saved yet, will retry: ${m}`,
  pendingFailed: (m) => `Refused, kept here: ${m}`,
  pendingScope: (s) => `Refused: this API client needs the ${s.join(', ')} scope${s.length === 1 ? '' : 's'}`,
  retryNow: 'Retry now',
  discard: 'Discard',
  conflictTitle: 'Changed elsewhere meanwhile',
  conflictTheirs: 'Their version',
  conflictMine: 'Your version',
  keepMine: 'Keep mine',
  keepTheirs: 'Keep theirs',
  noteRemovedElsewhere: '(changed or removed elsewhere)',
  linkIncident: 'Link to incident',
  incidentId: 'Incident id',
  link: 'Link',
  linked: (i) => `Linked to ${i}`,
  linkFailed: (m) => `Could not link: ${m}`,
  from: (title) => `from ${title}`,
  investigate: 'Investigate this case',
  exportAs: 'Export',
  importCase: 'Import',
};
