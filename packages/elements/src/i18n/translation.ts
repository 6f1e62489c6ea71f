import type { Observable } from '@pivotkit/sdk';

/**
 * Every string the elements show. A translation is a plain object of this type; plurals and
 * interpolations are functions, never string concatenation.
 */
export interface Translation {
  $code: string;
  $dir: 'ltr' | 'rtl';
  // Observable types as people say them.
  observableType: (type: string) => string;
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
  close: string;
}
