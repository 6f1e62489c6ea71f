export * from './observable.js';
export type * from './types.js';
export { createClient } from './client.js';
export { shortId } from './internal/path.js';
export { REGIONS, isRegion } from './regions.js';
export { FEATURE_SCOPES, missingScopesFor, parseScopes, scopeCovers, type ScopeRequirement } from './scopes.js';
export {
  DEFAULT_RETRY_POLICY,
  IDEMPOTENT_METHODS,
  RETRY_STATUSES,
  parseRetryAfter,
  retryDelay,
  type RetryPolicy,
} from './retry.js';
export { defaultVerdictCache, indexedDbVerdictCache, memoryVerdictCache, type VerdictCacheOptions } from './cache.js';
export { deriveVerdicts, observableKey } from './verdict.js';
export * from './errors/index.js';
export * as schemas from './schemas/index.js';
export * from './orbital/index.js';
