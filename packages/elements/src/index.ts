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
