import type { Disposition, Observable } from '@pivotkit/sdk';
import type { CasebookStrings } from './casebook.js';
import type { CaseViewStrings } from './case-view.js';
import type { CaseContentStrings } from './case-content.js';
import type { RibbonStrings } from './ribbon.js';
import type { RibbonPanelsStrings } from './ribbon-panels.js';
import type { RibbonAppsStrings } from './ribbon-apps.js';

/**
 * Every string the elements show. A translation is a plain object of this type; plurals and
 * interpolations are functions, never string concatenation.
 */
export interface Translation
  extends CasebookStrings, CaseViewStrings, CaseContentStrings, RibbonStrings, RibbonPanelsStrings, RibbonAppsStrings {
  $code: string;
  $dir: 'ltr' | 'rtl';
  // Observable types as people say them.
  observableType: (type: string) => string;
  /** A type's full name, the accessible name of its icon (`IP address`); other CTIM types show their own name. */
  observableTypeLabel: (type: string) => string;
  // <pk-observable> and the buttons decorate() places
  /** The pivot button's accessible name. */
  pivotOn: (o: Observable) => string;
  /** The tooltip of the inline pivot button, beside the page's own text. */
  inlinePivotTitle: (o: Observable) => string;
  /** The drag handle's accessible name. */
  dragToCase: (o: Observable) => string;
  /** How to do with the keyboard what dragging does (the drag handle's description). */
  dragHelp: string;
  /** The badge's text when the modules disagree. */
  disputed: string;
  /** The badge's tooltip: one line per module and its verdict. */
  moduleVerdicts: (modules: { module: string; dispositionName: string }[]) => string;
  // <pk-verdict-badge>
  /** A CTIM disposition's name (1 Clean … 5 Unknown). */
  dispositionName: (d: Disposition) => string;
  /** The badge's accessible name. */
  verdictLabel: (name: string) => string;
  // Pivot menu
  pivotMenuLabel: (o: Observable) => string;
  fullValue: string;
  casebook: string;
  addToNewCase: string;
  addToCurrentCase: (title: string) => string;
  addToCurrentCaseNone: string;
  noCurrentCase: string;
  newCaseTitle: (o: Observable) => string;
  addedToNewCase: (title: string) => string;
  addedToCase: (title: string) => string;
  addFailed: (message: string) => string;
  /** Kept in the casebook's outbox, to be sent once the server can be reached. */
  addPending: (title: string) => string;
  addPendingNewCase: (title: string) => string;
  verdicts: string;
  loadingVerdicts: string;
  noVerdicts: string;
  modulesDisagree: string;
  moduleError: (module: string, message: string) => string;
  sectionFailed: (message: string) => string;
  pivot: string;
  loadingLinks: string;
  noLinks: string;
  unsafeLink: (url: string) => string;
  opensInNewTab: string;
  response: string;
  loadingActions: string;
  noActions: string;
  confirmAction: (action: string) => string;
  confirmActionBody: (action: string, o: Observable) => string;
  confirm: string;
  cancel: string;
  running: (action: string) => string;
  actionSucceeded: (action: string) => string;
  actionFailed: (action: string) => string;
  noteFailed: (message: string) => string;
  actionWhat: (action: string, module: string, o: Observable) => string;
  unknownClient: string;
  withDetail: (summary: string, detail: string) => string;
  verdictSummary: (modules: { module: string; name: string }[]) => string;
  actionNote: (n: { who: string; what: string; when: string; result: string }) => string;
  copy: string;
  copyValue: string;
  copyDefanged: string;
  copied: (text: string) => string;
  copyFailed: string;
  more: string;
  signIn: string;
  signedOut: string;
  signingIn: string;
  missingScopes: (scopes: string[]) => string;
  missingScopesFor: (scopes: string[], what: string) => string;
  close: string;
  /** Try again what failed (a list, a case, an app's code). */
  retry: string;
}

/**
 * The strings shown before any panel loads (`en.ts`). Each panel's own strings ({@link CasebookStrings},
 * {@link CaseViewStrings}, {@link CaseContentStrings}, {@link RibbonStrings}, {@link RibbonPanelsStrings},
 * {@link RibbonAppsStrings}) have their English beside them, loaded with the panel's code.
 */
export type SharedStrings = Omit<
  Translation,
  | keyof CasebookStrings
  | keyof CaseViewStrings
  | keyof CaseContentStrings
  | keyof RibbonStrings
  | keyof RibbonPanelsStrings
  | keyof RibbonAppsStrings
>;
