/**
 * Orbital: endpoint questions about an observable (a catalogue of osquery statements), the console link that
 * opens one, and a client for live queries and their results.
 * @module
 */
export { ORBITAL_QUESTIONS, orbitalQuestionsFor, sqlString, type OrbitalQuestion } from './catalogue.js';
export { ORBITAL_HOSTS, ORBITAL_SCOPE, orbitalConsoleUrl } from './console.js';
export {
  createOrbitalClient,
  type OrbitalClient,
  type OrbitalClientOptions,
  type OrbitalHostResult,
  type OrbitalLiveQuery,
  type OrbitalResultsPage,
  type OrbitalTable,
} from './client.js';
