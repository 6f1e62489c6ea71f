/**
 * The strings of the ribbon's apps: `<pk-enrich-search>`, `<pk-find-observables>`, `<pk-incidents>` and
 * `<pk-orbital>`. Part of {@link Translation}; kept in a file of their own, beside their English text.
 */
export interface RibbonAppsStrings {
  // shared by the four apps
  /** A failure's message, shown where it happened. */
  appError: (message: string) => string;
  tryAgain: string;
  loading: string;
  /** "Add to the current case (title)" as a button. */
  addSelectionToCase: (title: string) => string;
  addSelectionToNewCase: string;
  /** What was added, announced. */
  addedNToCase: (n: number, title: string) => string;
  newCaseFromApp: (what: string) => string;
  /** The observable-type filter's label. */
  typeFilter: string;
  allTypes: string;
  observablesCount: (n: number) => string;

  // <pk-enrich-search>
  enrichSearchLabel: string;
  enrichSearchPlaceholder: string;
  enrichSearchHelp: string;
  detect: string;
  inspectWithApi: string;
  askingInspect: string;
  /** Before anything is sent: how many observables, requests and modules. */
  willEnrich: (n: number, modules: number | undefined) => string;
  enrich: string;
  enriching: string;
  /** Per-module progress line. */
  moduleProgress: (done: number, total: number | undefined) => string;
  moduleAnswered: (module: string, n: number) => string;
  moduleFailed: (module: string, message: string) => string;
  noObservablesInText: string;
  nothingFoundInspect: string;
  duplicatesRemoved: (n: number) => string;
  /** Bulk input: the lines that are not an observable. */
  unrecognisedLines: (lines: string[]) => string;
  enrichDone: (n: number) => string;
  enrichCancelled: string;
  addAllToCase: (title: string) => string;
  addAllToNewCase: string;
  resultsLabel: string;
  verdictPending: string;
  clearSearch: string;

  // <pk-find-observables>
  findLabel: string;
  scanPage: string;
  scanAgain: string;
  scanning: (nodes: number, found: number) => string;
  scanCancelled: string;
  scanDone: (n: number, distinct: number) => string;
  scanEmpty: string;
  notScannedYet: string;
  filterNewSinceLastScan: string;
  filterInCurrentCase: string;
  filterNotInCurrentCase: string;
  filterAll: string;
  caseFilterLabel: string;
  selectAll: string;
  selectedCount: (n: number, total: number) => string;
  occurrences: (n: number) => string;
  isNew: string;
  inCase: string;
  editValue: (value: string) => string;
  editType: (value: string) => string;
  saveCorrection: string;
  discardCorrection: string;
  invalidValue: string;
  highlightOnPage: string;
  showOnPage: (value: string) => string;
  /** The visible text of the show-on-page button. */
  showOnPageShort: string;
  /** The visible text of the button that opens the inline editor. */
  correct: string;
  notOnPageAnymore: string;
  selectObservable: (value: string) => string;
  groupLabel: (type: string, n: number) => string;
  noMatchForFilters: string;
  /** The name of the toolbar with select all and the add actions. */
  selectionActions: string;

  // <pk-incidents>
  incidentsLabel: string;
  incidentSearch: string;
  statusFilter: string;
  anyStatus: string;
  statusGroup: (group: string) => string;
  noIncidents: string;
  /** Incidents of the page left out because their documents could not be read. */
  incidentsDropped: (n: number) => string;
  incidentsPage: (from: number, to: number, total: number | undefined) => string;
  incidentsPrevious: string;
  incidentsNext: string;
  backToList: string;
  incidentStatus: string;
  incidentSeverity: string;
  incidentConfidence: string;
  incidentTimes: string;
  incidentTime: (field: string) => string;
  changeStatus: string;
  statusChanged: (status: string) => string;
  relatedObservables: string;
  observablesFrom: (source: 'incident' | 'sightings' | 'description') => string;
  noRelatedObservables: string;
  addIncidentObservables: (title: string) => string;
  linkCurrentCase: (title: string) => string;
  linkNeedsCase: string;
  caseLinked: (caseTitle: string) => string;
  opened: (time: string) => string;

  // <pk-orbital>
  orbitalLabel: string;
  orbitalObservable: string;
  orbitalObservablePlaceholder: string;
  orbitalQuestions: (n: number) => string;
  orbitalNoQuestions: (type: string) => string;
  orbitalQuestion: (id: string, value: string) => string;
  openInOrbital: string;
  runLive: string;
  runningLive: string;
  orbitalNodes: string;
  orbitalHostsAnswered: (answered: number, hits: number) => string;
  orbitalNoHits: string;
  orbitalHostError: (host: string, message: string) => string;
  orbitalNotConfigured: string;
  copySql: string;
  orbitalEnterObservable: string;
}

const TIMES: Record<string, string> = {
  opened: 'Opened',
  discovered: 'Discovered',
  reported: 'Reported',
  remediated: 'Remediated',
  closed: 'Closed',
  rejected: 'Rejected',
  contained: 'Contained',
};

const QUESTIONS: Record<string, (v: string) => string> = {
  'dns-resolved': (v) => `Which hosts resolved ${v}?`,
  'browsed-domain': (v) => `Which hosts browsed to ${v}?`,
  'connected-ip': (v) => `Which hosts are connected to ${v}?`,
  'arp-ip': (v) => `Which hosts have ${v} in their ARP cache?`,
  'file-hash': (v) => `Which hosts hold a file with hash ${v}?`,
  'process-hash': (v) => `Which hosts run a process with hash ${v}?`,
  'browser-url': (v) => `Which hosts visited ${v}?`,
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** English ribbon-app strings. */
export const ribbonAppsEn: RibbonAppsStrings = {
  appError: (m) => `Something went wrong: ${m}`,
  tryAgain: 'Try again',
  loading: 'Loading…',
  addSelectionToCase: (t) => `Add to the current case (${t})`,
  addSelectionToNewCase: 'Add to a new case',
  addedNToCase: (n, t) => `Added ${plural(n, 'observable', 'observables')} to “${t}”`,
  newCaseFromApp: (what) => what,
  typeFilter: 'Type',
  allTypes: 'All types',
  observablesCount: (n) => plural(n, 'observable', 'observables'),

  enrichSearchLabel: 'Enrichment search',
  enrichSearchPlaceholder: 'Paste text, or one observable per line',
  enrichSearchHelp: 'Observables are found here, in your browser; nothing is sent until you choose Enrich.',
  detect: 'Find observables',
  inspectWithApi: 'Ask the Inspect API',
  askingInspect: 'Asking the Inspect API…',
  willEnrich: (n, m) =>
    `${plural(n, 'observable', 'observables')}, will send ${plural(n, 'enrich request', 'enrich requests')} to ` +
    (m === undefined ? 'every configured module' : plural(m, 'module', 'modules')),
  enrich: 'Enrich',
  enriching: 'Enriching…',
  moduleProgress: (d, t) =>
    t === undefined ? `${plural(d, 'module', 'modules')} answered` : `${d} of ${t} modules answered`,
  moduleAnswered: (m, n) => `${m}: ${plural(n, 'verdict', 'verdicts')}`,
  moduleFailed: (m, msg) => `${m} failed: ${msg}`,
  noObservablesInText: 'No observables found in this text.',
  nothingFoundInspect: 'No observables found here or by the Inspect API.',
  unrecognisedLines: (l) => `Not an observable: ${l.join(', ')}`,
  duplicatesRemoved: (n) => `${plural(n, 'duplicate', 'duplicates')} removed`,
  enrichDone: (n) => `Enriched ${plural(n, 'observable', 'observables')}`,
  enrichCancelled: 'Enrichment cancelled; the verdicts that arrived are kept.',
  addAllToCase: (t) => `Add all to the current case (${t})`,
  addAllToNewCase: 'Add all to a new case',
  resultsLabel: 'Observables',
  verdictPending: 'Waiting for a verdict',
  clearSearch: 'Clear',

  findLabel: 'Find observables',
  scanPage: 'Scan this page',
  scanAgain: 'Scan again',
  scanning: (nodes, found) => `Scanning… ${nodes} text blocks read, ${plural(found, 'match', 'matches')}`,
  scanCancelled: 'Scan cancelled; showing what was found so far.',
  scanDone: (n, d) => `Found ${plural(d, 'observable', 'observables')} (${plural(n, 'occurrence', 'occurrences')})`,
  scanEmpty: 'No observables on this page.',
  notScannedYet: 'This page has not been scanned yet.',
  filterNewSinceLastScan: 'New since the last scan',
  filterInCurrentCase: 'In the current case',
  filterNotInCurrentCase: 'Not in the current case',
  filterAll: 'All',
  caseFilterLabel: 'Current case',
  selectAll: 'Select all',
  selectedCount: (n, t) => `${n} of ${t} selected`,
  occurrences: (n) => `×${n}`,
  isNew: 'New',
  inCase: 'In case',
  editValue: (v) => `Correct ${v}`,
  editType: (v) => `Type of ${v}`,
  saveCorrection: 'Save',
  discardCorrection: 'Discard',
  invalidValue: 'Enter a value',
  highlightOnPage: 'Highlight on the page',
  showOnPage: (v) => `Show ${v} on the page`,
  showOnPageShort: 'Show',
  correct: 'Correct',
  notOnPageAnymore: 'It is no longer on the page.',
  selectObservable: (v) => `Select ${v}`,
  groupLabel: (type, n) => `${type} (${n})`,
  noMatchForFilters: 'Nothing matches these filters.',
  selectionActions: 'Selection',

  incidentsLabel: 'Incidents',
  incidentSearch: 'Search incidents',
  statusFilter: 'Status',
  anyStatus: 'Any status',
  statusGroup: (g) => g,
  noIncidents: 'No incidents match.',
  incidentsDropped: (n) =>
    `${n.toLocaleString('en')} incident${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} not shown.`,
  incidentsPage: (from, to, total) => (total === undefined ? `${from}–${to}` : `${from}–${to} of ${total}`),
  incidentsPrevious: 'Previous page',
  incidentsNext: 'Next page',
  backToList: 'Back to the incidents',
  incidentStatus: 'Status',
  incidentSeverity: 'Severity',
  incidentConfidence: 'Confidence',
  incidentTimes: 'Times',
  incidentTime: (f) => TIMES[f] ?? f,
  changeStatus: 'Change status',
  statusChanged: (s) => `Status changed to ${s}`,
  relatedObservables: 'Related observables',
  observablesFrom: (s) =>
    s === 'incident' ? 'On the incident' : s === 'sightings' ? 'In its sightings' : 'Mentioned in its description',
  noRelatedObservables: 'No related observables.',
  addIncidentObservables: (t) => `Add its observables to the current case (${t})`,
  linkCurrentCase: (t) => `Link the current case (${t}) to this incident`,
  linkNeedsCase: 'Choose a current case to link it',
  caseLinked: (t) => `Linked “${t}” to this incident`,
  opened: (t) => `Opened ${t}`,

  orbitalLabel: 'Orbital',
  orbitalObservable: 'Observable',
  orbitalObservablePlaceholder: 'A domain, an IP address or a file hash',
  orbitalQuestions: (n) => plural(n, 'question', 'questions'),
  orbitalNoQuestions: (t) => `Orbital has no questions about ${t} observables.`,
  orbitalQuestion: (id, v) => (QUESTIONS[id] ?? ((x: string) => `${id}: ${x}`))(v),
  openInOrbital: 'Open in Orbital',
  runLive: 'Run live',
  runningLive: 'Asking the endpoints…',
  orbitalNodes: 'Endpoints',
  orbitalHostsAnswered: (a, h) => `${plural(a, 'host', 'hosts')} answered, ${plural(h, 'match', 'matches')}`,
  orbitalNoHits: 'No host matched.',
  orbitalHostError: (h, m) => `${h}: ${m}`,
  orbitalNotConfigured: 'Live queries need the Orbital API, which this page has not configured.',
  copySql: 'Copy the query',
  orbitalEnterObservable: 'Enter an observable to see what Orbital can ask about it.',
};
