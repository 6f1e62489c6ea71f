export * from './observable.js';
export type * from './types.js';
