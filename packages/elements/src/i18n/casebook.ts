/** Strings of the case's content pieces: `<pk-case-investigation>` and the Markdown renderer. */
export interface CaseContentStrings {
  /** The investigation section's heading and its start button. */
  investigateCase: string;
  /** What the button does, read after its name. */
  investigateCaseHint: (n: number) => string;
  /** TLP red: why nothing was sent, and the explicit action that names who will see the values. */
  investigateRedNotice: string;
  investigateRedAction: (n: number, modules: string[]) => string;
  investigateRedUnknownModules: string;
  investigateCancel: string;
  investigateAgain: string;
  /** Progress: batch `done` of `total`, `n` of `of` observables. */
  investigateProgress: (p: { batch: number; batches: number; done: number; total: number }) => string;
  investigateCanceled: (done: number, total: number) => string;
  investigateDone: (n: number) => string;
  investigateFailed: (message: string) => string;
  investigateEmpty: string;
  /** Summary. */
  verdictSummaryHeading: string;
  dispositionCount: (name: string, n: number) => string;
  modulesDisagreeOn: (n: number) => string;
  moduleSaid: (module: string, disposition: string) => string;
  sightingsPerModule: string;
  noSightings: string;
  sightingCount: (n: number) => string;
  moduleErrors: string;
  /** The relations picture and its table. */
  relationsHeading: string;
  relationsLabel: string;
  relationsHelp: string;
  relationsObservables: string;
  relationsModules: string;
  relationsOutcomes: string;
  relationsSightings: string;
  relationsMore: (n: number) => string;
  relationsObservableNode: (p: {
    value: string;
    type: string;
    verdict: string;
    modules: number;
    sightings: number;
  }) => string;
  relationsModuleNode: (p: { module: string; observables: number; sightings: number }) => string;
  relationsOutcomeNode: (p: { name: string; n: number }) => string;
  relationsTable: string;
  relationsTableCaption: string;
  columnObservable: string;
  columnType: string;
  columnVerdict: string;
  columnModules: string;
  columnSightings: string;
  columnLinks: string;
  /** The link to the case in the regional console. */
  openInConsole: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** English strings of the case's content pieces. */
export const caseContentEn: CaseContentStrings = {
  investigateCase: 'Investigate this case',
  investigateCaseHint: (n) => `Asks every enrichment module about its ${plural(n, 'observable')}.`,
  investigateRedNotice:
    'TLP red: this case is not sent to enrichment modules unless you ask, naming who will see its values.',
  investigateRedAction: (n, modules) => `Send ${plural(n, 'value')} to ${modules.join(', ')} and investigate`,
  investigateRedUnknownModules: 'every enrichment module of your organisation',
  investigateCancel: 'Cancel',
  investigateAgain: 'Investigate again',
  investigateProgress: (p) =>
    `Batch ${p.batch} of ${p.batches}: ${p.done.toLocaleString('en')} of ${plural(p.total, 'observable')} done`,
  investigateCanceled: (done, total) => `Canceled after ${done.toLocaleString('en')} of ${plural(total, 'observable')}`,
  investigateDone: (n) => `Investigation done: ${plural(n, 'observable')}`,
  investigateFailed: (m) => `The investigation failed: ${m}`,
  investigateEmpty: 'This case has no observables to investigate.',
  verdictSummaryHeading: 'Verdicts',
  dispositionCount: (name, n) => `${name}: ${n.toLocaleString('en')}`,
  modulesDisagreeOn: (n) => `Modules disagree on ${plural(n, 'observable')}`,
  moduleSaid: (module, d) => `${module}: ${d}`,
  sightingsPerModule: 'Sightings per module',
  noSightings: 'No module reported a sighting.',
  sightingCount: (n) => plural(n, 'sighting'),
  moduleErrors: 'Module errors',
  relationsHeading: 'Relations',
  relationsLabel: 'Relations: observables, the modules that answered, and their verdicts and sightings',
  relationsHelp: 'Arrow keys move between items; Enter or Space pins what an item is connected to.',
  relationsObservables: 'Observables',
  relationsModules: 'Modules',
  relationsOutcomes: 'Verdicts and sightings',
  relationsSightings: 'Sightings',
  relationsMore: (n) => `+${n.toLocaleString('en')} more (in the table)`,
  relationsObservableNode: (p) =>
    `${p.value} (${p.type}): ${p.verdict}; ${plural(p.modules, 'module')}; ${plural(p.sightings, 'sighting')}`,
  relationsModuleNode: (p) =>
    `${p.module}: answered on ${plural(p.observables, 'observable')}; ${plural(p.sightings, 'sighting')}`,
  relationsOutcomeNode: (p) => `${p.name}: ${plural(p.n, 'observable')}`,
  relationsTable: 'The relations as a table',
  relationsTableCaption: 'Each observable, its verdict, what each module said, and its sightings',
  columnObservable: 'Observable',
  columnType: 'Type',
  columnVerdict: 'Verdict',
  columnModules: 'Modules',
  columnSightings: 'Sightings',
  columnLinks: 'Links',
  openInConsole: 'Investigate in Threat Response',
};

/**
 * The strings of `<pk-casebook>`. Part of {@link Translation}; kept in a file of their own so that the casebook's
 * strings grow here, beside its English text, without touching the other elements' tables.
 */
export interface CasebookStrings extends CaseContentStrings {
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
  tlpLabel: string;
  /** A TLP marking as TLP 2.0 writes it (`TLP:AMBER`). */
  caseTlp: (tlp: string) => string;
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
  /** The incident chooser's label, and its options (`Beaconing — New`). */
  incident: string;
  incidentOption: (title: string, status: string) => string;
  loadingIncidents: string;
  noIncidentsToLink: string;
  incidentsFailed: (message: string) => string;
  link: string;
  linking: string;
  linked: (incident: string) => string;
  linkFailed: (message: string) => string;
  linkNeedsScopes: (scopes: string[]) => string;
  incidentGone: string;
  from: (title: string) => string;
  investigate: string;
  exportAs: string;
  /** The export formats' names. */
  exportFormat: (format: 'ctim' | 'csv' | 'stix' | 'misp') => string;
  exported: (filename: string) => string;
  importCase: string;
  importFailed: string;
  imported: (title: string) => string;
}

const TLP: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green', white: 'White' };

/** English casebook strings. */
export const casebookEn: CasebookStrings = {
  ...caseContentEn,
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
  tlpLabel: 'TLP',
  caseTlp: (t) => `TLP:${(TLP[t] ?? t).toUpperCase()}`,
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
  incident: 'Incident',
  incidentOption: (title, status) => `${title} — ${status}`,
  loadingIncidents: 'Loading incidents…',
  noIncidentsToLink: 'No incidents to link to',
  incidentsFailed: (m) => `The incidents could not be loaded: ${m}`,
  link: 'Link',
  linking: 'Linking…',
  linked: (i) => `Linked to “${i}”`,
  linkFailed: (m) => `Could not link the case: ${m}`,
  linkNeedsScopes: (s) =>
    `Linking to an incident needs the ${s.join(', ')} scope${s.length === 1 ? '' : 's'} this API client does not have`,
  incidentGone: 'that incident no longer exists; choose another',
  from: (title) => `from ${title}`,
  investigate: 'Investigate this case',
  exportAs: 'Export',
  exportFormat: (f) => ({ ctim: 'CTIM JSON', csv: 'CSV', stix: 'STIX 2.1', misp: 'MISP' })[f],
  exported: (name) => `Exported ${name}`,
  importCase: 'Import a case (CTIM JSON)…',
  importFailed: 'Nothing was imported: the file is not a valid CTIM casebook.',
  imported: (title) => `Imported ${title}`,
};
