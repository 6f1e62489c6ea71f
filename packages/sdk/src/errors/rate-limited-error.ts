import { HttpStatusError } from './http-status-error.js';
import type { RequestSummary } from './pivotkit-error.js';

const fmt = (ms: number | undefined) =>
  ms === undefined ? 'a while' : ms < 1000 ? `${Math.ceil(ms)} ms` : `${Math.ceil(ms / 1000)} s`;

/** 429: too many requests. `retryAfterMs` comes from `Retry-After` when the service sent it. */
export class RateLimitedError extends HttpStatusError {
  override name = 'RateLimitedError' as const;
  constructor(
    readonly retryAfterMs: number | undefined,
    request: RequestSummary,
  ) {
    super(429, `Rate limited: ${request.method} ${request.path}; retry in ${fmt(retryAfterMs)}.`, request);
  }
  override toJSON() {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
