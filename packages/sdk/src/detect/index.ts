// Observable detection: text and DOM. Filled in by the detection module.
export type { ObservableType } from '../observable.js';
export { OBSERVABLE_TYPES } from '../observable.js';
