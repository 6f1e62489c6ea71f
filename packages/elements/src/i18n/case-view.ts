/**
 * The strings of the casebook's case view (components/casebook/case-view.ts). Part of {@link Translation}; their
 * English loads with the case view, which the panel loads when it first shows a case, not with the case list.
 */
export interface CaseViewStrings {
  tlpLabel: string;
  caseMalformed: (message: string) => string;
  title: string;
  shortDescription: string;
  description: string;
  edit: (what: string) => string;
  save: string;
  empty: string;
  notes: string;
  noNotes: string;
  addNote: string;
  newNote: string;
  deleteNote: string;
  observables: string;
  noObservables: string;
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
  notEnriched: string;
  redNoEnrich: string;
  enrichRed: string;
  enrichRedDetail: (n: number) => string;
  verdictsLoading: string;
  addObservables: string;
  dropHere: string;
  deleteCase: string;
  pendingQueued: string;
  pendingSending: string;
  pendingRetrying: (message: string) => string;
  pendingFailed: (message: string) => string;
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
}

/** English strings of the case view. */
export const caseViewEn: CaseViewStrings = {
  tlpLabel: 'TLP',
  caseMalformed: (m) => `Part of this case could not be read (${m}); what could be read is shown.`,
  title: 'Title',
  shortDescription: 'Short description',
  description: 'Description',
  edit: (what) => `Edit ${what.toLowerCase()}`,
  save: 'Save',
  empty: 'None yet',
  notes: 'Notes',
  noNotes: 'No notes yet.',
  addNote: 'Add note',
  newNote: 'New note',
  deleteNote: 'Delete note',
  observables: 'Observables',
  noObservables: 'No observables yet. Drag them here, paste them, or add them from an observable’s menu.',
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
  notEnriched: 'not asked',
  redNoEnrich:
    'TLP red: this case’s observables are never sent to enrichment modules automatically. Ask for verdicts only if every module may see them.',
  enrichRed: 'Get verdicts anyway',
  enrichRedDetail: (n) =>
    `Sends ${n.toLocaleString('en')} value${n === 1 ? '' : 's'} to every enrichment module of your Threat Response organisation.`,
  verdictsLoading: 'Asking the modules…',
  addObservables: 'Add observables',
  dropHere: 'Drop to add to this case',
  deleteCase: 'Delete case',
  pendingQueued: 'Not saved yet',
  pendingSending: 'Saving…',
  pendingRetrying: (m) => `Not saved yet, will retry: ${m}`,
  pendingFailed: (m) => `Refused, kept here: ${m}`,
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
};
