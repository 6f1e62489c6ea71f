/**
 * Everything the client checks replies with: the zod/mini schemas and the readers that check envelopes and lists
 * item by item. `client.ts` loads this module with `import()` when a call starts, in parallel with the request, so a
 * page that creates a client does not parse zod and the schemas before its first paint (docs/decisions/0009).
 * @module
 */
export * as S from '../schemas/client.js';
export { looseEnvelope, looseTriggerEnvelope, readEnrichEnvelope, readErrors, readItems } from '../envelope.js';
export { looseList, readListItems } from '../list-items.js';
