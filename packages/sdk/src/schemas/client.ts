// The schemas the client itself checks replies with. Importing them file by file (not through index.ts) keeps
// the request-body and whole-envelope schemas, which only servers use, out of a page's bundle: zod schemas are
// built by calls a bundler cannot drop, but it can drop a module nothing imports.
export { errorMessage, missingScopeError, tokenResponse } from './common.js';
export { inspectResponse, judgement, ref, sighting, verdict } from './enrich.js';
export { action, triggerResult } from './response.js';
export { bundle, casebook, casebookList, count, incident, incidentList, relationship } from './ctia.js';
