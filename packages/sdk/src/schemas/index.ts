/**
 * Zod (`zod/mini`) schemas of every wire shape in the Threat Response / XDR contract, for the SDK's response
 * checks and for servers that speak the same format. Exported as `schemas` from `@pivotkit/sdk`.
 * @module
 */
export * from './common.js';
export * from './enrich.js';
export * from './response.js';
export * from './ctia.js';
export { incidentStatus, text, tlp } from './ctia-vocab.js';
export * from './ctia-requests.js';
export * from './envelopes.js';
export * from './errors.js';
