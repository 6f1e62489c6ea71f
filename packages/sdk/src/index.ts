export * from './observable.js';
