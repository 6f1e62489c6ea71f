/**
 * `@pivotkit/server`: the Threat Response / XDR emulator (`createEmulator`, browser-safe) and, for Node,
 * the HTTP hosting, the SQLite store and the relay.
 * @module
 */
export { createEmulator, DROP_HEADER, EXPOSED_HEADERS } from './emulator/app.js';
export type { Emulator, EmulatorOptions } from './emulator/app.js';
export { DEMO_CLIENT, parseClients } from './emulator/auth.js';
export type { ClientConfig } from './emulator/auth.js';
export { ACTIONS, DEMO_OBSERVABLES, MODULES, derivedDisposition } from './emulator/intel.js';
export type { DemoObservable, ModuleInfo } from './emulator/intel.js';
export { SEED_INCIDENTS } from './emulator/seed.js';
export { Faults } from './faults.js';
export type { FaultConfig } from './faults.js';
export { redactAuthorization, redactUrl, REDACTED } from './redact.js';
export { ALL_SCOPES, hasScope, scopeCovers } from './scopes.js';
export { MemoryStore } from './store.js';
export type { Doc, Kind, Store } from './store.js';
export { SqliteStore } from './sqlite-store.js';
export { defaultDataFile, listen, openStore, startEmulatorServer } from './node.js';
export type { EmulatorServerOptions, Listening } from './node.js';
export { createRelay, readCredentials, REGION_HOSTS, RELAYED_PATHS, RELAY_PLACEHOLDER_TOKEN } from './relay.js';
export type { RelayCredentials, RelayOptions, RelayRegion } from './relay.js';
