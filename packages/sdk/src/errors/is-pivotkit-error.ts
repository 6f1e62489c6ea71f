import type { AbortError } from './abort-error.js';
import type { ApiShapeError } from './api-shape-error.js';
import type { AuthError } from './auth-error.js';
import type { HttpStatusError } from './http-status-error.js';
import type { NetworkError } from './network-error.js';
import type { NotFoundError } from './not-found-error.js';
import type { PivotkitConfigError } from './pivotkit-config-error.js';
import { PivotkitError } from './pivotkit-error.js';
import type { RateLimitedError } from './rate-limited-error.js';
import type { ScopeError } from './scope-error.js';
import type { TimeoutError } from './timeout-error.js';

/** Error classes by `name`, for guards that also work across bundle copies of the SDK. */
export interface PivotkitErrorsByName {
  PivotkitError: PivotkitError;
  PivotkitConfigError: PivotkitConfigError;
  AuthError: AuthError;
  NetworkError: NetworkError;
  TimeoutError: TimeoutError;
  AbortError: AbortError;
  ApiShapeError: ApiShapeError;
  HttpStatusError: HttpStatusError;
  ScopeError: ScopeError;
  RateLimitedError: RateLimitedError;
  NotFoundError: NotFoundError;
}

const NAMES = new Set<string>([
  'PivotkitError',
  'PivotkitConfigError',
  'AuthError',
  'NetworkError',
  'TimeoutError',
  'AbortError',
  'ApiShapeError',
  'HttpStatusError',
  'ScopeError',
  'RateLimitedError',
  'NotFoundError',
]);
const HTTP = new Set(['HttpStatusError', 'ScopeError', 'RateLimitedError', 'NotFoundError']);

/**
 * Whether `e` is an error from this SDK, optionally of one kind (subclasses included). Matches by class and,
 * for errors from another copy of the SDK, by `name`.
 * @example if (isPivotkitError(e, 'ScopeError')) showGrantHint(e.missingScopes);
 */
export function isPivotkitError<K extends keyof PivotkitErrorsByName = 'PivotkitError'>(
  e: unknown,
  kind?: K,
): e is PivotkitErrorsByName[K] {
  if (!(e instanceof Error)) return false;
  const ours = e instanceof PivotkitError || (NAMES.has(e.name) && 'toJSON' in e);
  if (!ours) return false;
  if (!kind || kind === 'PivotkitError') return true;
  if (kind === 'HttpStatusError') return HTTP.has(e.name);
  return e.name === kind;
}
