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
