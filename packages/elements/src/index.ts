export { PkVerdictBadge } from './components/verdict-badge/pk-verdict-badge.js';
export { configure, getClient, onClientChange, type PivotkitConfig } from './config.js';
export { PkObservable, OBSERVABLE_MIME } from './components/observable/pk-observable.js';
export {
  decorate,
  undecorate,
  IGNORE_ATTRIBUTE,
  type DecorateOptions,
  type DecorateHandle,
} from './decorate/decorate.js';
export { PkObservablePickEvent } from './events/observable-pick.js';
export { PkPopup } from './components/popup/pk-popup.js';
export { PkPivotMenu, type PivotMenuItem } from './components/pivot-menu/pk-pivot-menu.js';
export { openPivotMenu, closePivotMenu, getPivotMenu, setPivotMenuItems } from './components/pivot-menu/shared.js';
export { CURRENT_CASE_KEY, getCurrentCaseId, setCurrentCaseId } from './components/pivot-menu/current-case.js';
export { PkPivotOpenEvent } from './events/pivot-open.js';
export { PkPivotCloseEvent, type PivotCloseReason } from './events/pivot-close.js';
export { PkAddToCaseEvent } from './events/add-to-case.js';
export { PkResponseTriggeredEvent } from './events/response-triggered.js';
export { PkRequestSignInEvent } from './events/request-sign-in.js';
export { registerTranslation, type Translation } from './i18n/index.js';
export { writable, type Readable, type Writable } from './state/store.js';
export { session, type SessionState, type SessionStatus } from './state/session.js';
export { currentCase, caseTitles, type CaseRef } from './state/current-case.js';
export { caseChanges, type CaseChange } from './state/case-changes.js';
export { SessionController } from './controllers/session-controller.js';
export { StoreController } from './controllers/store-controller.js';
export { PkDialog } from './components/dialog/pk-dialog.js';
export { PkRequestCloseEvent, type RequestCloseSource } from './events/request-close.js';
export { PkLifecycleEvent } from './events/dialog-lifecycle.js';
export { announce } from './a11y/announce.js';
export type { PkCasebook, QueuedEdit, CaseEdit } from './components/casebook/pk-casebook.js';
export { PkRibbon, registerRibbonApp, type RibbonApp, type RegionBaseUrls } from './components/ribbon/pk-ribbon.js';
export { settings, type Settings, type Theme, type Persistence, type ShortcutAction } from './state/settings.js';
export { PkRibbonAppOpenEvent } from './events/ribbon-app-open.js';
export { PkRibbonAppCloseEvent } from './events/ribbon-app-close.js';
export type { PkEnrichSearch } from './components/enrich-search/pk-enrich-search.js';
export type { PkFindObservables } from './components/find-observables/pk-find-observables.js';
export type { PkIncidents } from './components/incidents/pk-incidents.js';
export type { PkOrbital } from './components/orbital/pk-orbital.js';
