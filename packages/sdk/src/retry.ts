/**
 * The one retry policy of the SDK (the transport in `internal/http.ts` calls it after each reply).
 * @module
 */

/** Methods that may be sent twice without doing something twice (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Statuses worth another try: request timeout, rate limit, and server or gateway trouble. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Tuning of {@link retryDelay}. */
export interface RetryPolicy {
  /** A `Retry-After` longer than this is not waited for: the call fails with the wait in the error. @default 20000 */
  maxRetryAfterMs: number;
  /** First backoff step in ms; it doubles with each attempt. @default 300 */
  baseMs: number;
  /** Cap of the backoff in ms. @default 5000 */
  maxBackoffMs: number;
  /** Random source in [0, 1) for the jitter. @default Math.random */
  random: () => number;
  /** Clock for `Retry-After` HTTP dates. @default Date.now */
  now: () => number;
}

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetryAfterMs: 20_000,
  baseMs: 300,
  maxBackoffMs: 5_000,
  random: Math.random,
  now: Date.now,
};

/**
 * Reads `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Returns milliseconds (never negative),
 * or `undefined` when the header is absent or unreadable.
 * @example parseRetryAfter('2') // 2000
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Only an HTTP date: Date.parse alone would also read plain numbers with dots as dates.
  if (!/^[A-Za-z]{3},? /.test(v) && !/^[A-Za-z]+day, /.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `attempt` (1 for the first retry) of a request that got `res`, or
 * `null` not to retry. Retries only idempotent requests, and only on 408, 429 and 5xx gateway/server errors.
 * A `Retry-After` (seconds or HTTP date) is honoured as given when it is at most `maxRetryAfterMs`; a longer
 * one means giving up, so the caller can show the wait. Otherwise: exponential backoff from `baseMs`, capped at
 * `maxBackoffMs`, with "equal jitter" (between half and all of the step) so that clients do not retry in step.
 *
 * `idempotent` defaults from the method; read-only POST calls (inspect, enrich, refer, respond/observables) pass
 * `true`, and trigger and create never do.
 * @example retryDelay(1, { status: 429, headers: new Headers({ 'retry-after': '1' }) }, 'GET') // 1000
 */
export function retryDelay(
  attempt: number,
  res: { status: number; headers: Headers },
  method: string,
  idempotent: boolean = IDEMPOTENT_METHODS.has(method.toUpperCase()),
  policy: Partial<RetryPolicy> = {},
): number | null {
  const p = { ...DEFAULT_RETRY_POLICY, ...policy };
  if (!idempotent || !RETRY_STATUSES.has(res.status) || attempt < 1) return null;
  const after = parseRetryAfter(res.headers.get('retry-after'), p.now());
  if (after !== undefined) return after <= p.maxRetryAfterMs ? after : null;
  const step = Math.min(p.maxBackoffMs, p.baseMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * p.random());
}
