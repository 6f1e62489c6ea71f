import ky, { isNetworkError, isTimeoutError } from 'ky';
import type * as z from 'zod/mini';
import { AbortError } from '../errors/abort-error.js';
import { ApiShapeError } from '../errors/api-shape-error.js';
import { AuthError } from '../errors/auth-error.js';
import { HttpStatusError } from '../errors/http-status-error.js';
import { NetworkError } from '../errors/network-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { RequestSummary } from '../errors/pivotkit-error.js';
import { RateLimitedError } from '../errors/rate-limited-error.js';
import { ScopeError } from '../errors/scope-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { parseRetryAfter, retryDelay, type RetryPolicy } from '../retry.js';
import { missingScopeError } from '../schemas/common.js';

/** Transport settings shared by every call of one client. */
export interface Transport {
  fetch: (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
  timeout: number | false;
  retry: number;
  retryPolicy?: Partial<RetryPolicy>;
}

/** One HTTP exchange, described without anything secret (headers are passed separately). */
export interface Exchange {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  /** Whether a retry may repeat it (read-only POSTs say yes; trigger and create never do). */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** The redacted request summary that errors carry: method, path and host; never query, headers or body. */
export function summarize(method: string, url: URL): RequestSummary {
  return { method, path: url.pathname, host: url.host };
}

/** Throws the signal's abort as {@link AbortError}. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError({ cause: signal.reason });
}

/** Resolves like `p`, or rejects with {@link AbortError} as soon as `signal` aborts (without cancelling `p`). */
export function raceAbort<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError({ cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Sends one exchange through ky: per-attempt timeout, the caller's signal, and {@link retryDelay} deciding
 * retries. Error statuses come back as responses (the caller maps them); transport failures become typed errors
 * that hold no request object (ky's errors hold the `Request`, headers included, so they are never kept).
 */
export async function send(t: Transport, x: Exchange): Promise<Response> {
  throwIfAborted(x.signal);
  const summary = summarize(x.method, x.url);
  const limit = Math.max(0, t.retry);
  try {
    return await ky(x.url, {
      method: x.method,
      headers: x.headers,
      json: x.json,
      body: x.body,
      signal: x.signal,
      timeout: t.timeout,
      throwHttpErrors: false,
      fetch: t.fetch,
      // ky's own retry decisions are turned off (no methods); retries happen only when the hook below forces one.
      retry: { limit, methods: [], statusCodes: [] },
      hooks: {
        afterResponse: [
          ({ request, response, retryCount }) => {
            if (retryCount >= limit) return;
            const delay = retryDelay(retryCount + 1, response, request.method, x.idempotent, t.retryPolicy);
            if (delay === null) return;
            void response.body?.cancel().catch(() => {});
            return ky.retry({ delay });
          },
        ],
      },
    });
  } catch (e) {
    if (x.signal?.aborted) throw new AbortError({ cause: x.signal.reason });
    if (isTimeoutError(e)) throw new TimeoutError(summary, t.timeout || undefined);
    // Keep only the low-level cause (a TypeError from fetch), never ky's error with its Request.
    if (isNetworkError(e)) throw new NetworkError(summary, { cause: e.cause });
    if (e instanceof TypeError) throw new NetworkError(summary, { cause: e });
    if (e instanceof Error && e.name === 'AbortError') throw new AbortError({ cause: e });
    throw new NetworkError(summary);
  }
}

const TIMED_OUT = Symbol('timed out');

/** Reads the body, giving up after `timeoutMs` (ky times out only until the headers arrive). */
async function bodyText(res: Response, timeoutMs: number | false): Promise<string | typeof TIMED_OUT> {
  if (timeoutMs === false) return res.text();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(resolve, timeoutMs, TIMED_OUT)));
  try {
    const r = await Promise.race([res.text(), timeout]);
    if (r === TIMED_OUT) void res.body?.cancel().catch(() => {});
    return r;
  } finally {
    clearTimeout(timer);
  }
}

async function readText(
  res: Response,
  summary: RequestSummary,
  signal: AbortSignal | undefined,
  timeoutMs: number | false,
): Promise<string> {
  let text: string | typeof TIMED_OUT;
  try {
    text = await bodyText(res, timeoutMs);
  } catch (e) {
    if (signal?.aborted) throw new AbortError({ cause: signal.reason });
    throw new NetworkError(summary, { cause: e });
  }
  if (text === TIMED_OUT) throw new TimeoutError(summary, timeoutMs || undefined);
  return text;
}

/** Reads an error reply's JSON body, if any (bounded, never throws). */
export async function errorBody(res: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const text = await bodyText(res, 5_000);
    if (text === TIMED_OUT) return undefined;
    const v: unknown = text ? JSON.parse(text) : undefined;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : undefined);

/** Maps an error status to the SDK's typed errors, with a message a person can act on. */
export async function toHttpError(res: Response, summary: RequestSummary, now?: number): Promise<HttpStatusError> {
  const body = await errorBody(res);
  const code = str(body?.error) ?? str(body?.type);
  const detail = str(body?.error_description) ?? str(body?.message);
  const what = `${summary.method} ${summary.path}`;
  switch (res.status) {
    case 403: {
      const scope = missingScopeError.safeParse(body);
      if (scope.success)
        return new ScopeError(scope.data['missing-scopes'], scope.data['required-scopes'] ?? [], summary);
      return new HttpStatusError(
        403,
        `Forbidden: ${what} was refused${code ? ` (${code}${detail ? `: ${detail}` : ''})` : ''}. ` +
          'This client or user may not access it.',
        summary,
        code,
      );
    }
    case 404:
      return new NotFoundError(summary);
    case 429:
      return new RateLimitedError(parseRetryAfter(res.headers.get('retry-after'), now), summary);
    default:
      return new HttpStatusError(
        res.status,
        `${what} failed with HTTP ${res.status}${code ? ` (${code}${detail ? `: ${detail}` : ''})` : ''}` +
          (res.status >= 500 ? '. The service had a problem; try again later.' : '.'),
        summary,
        code,
      );
  }
}

/** An API 401 that survived one token refresh. */
export async function toAuthError(res: Response, summary: RequestSummary): Promise<AuthError> {
  const body = await errorBody(res);
  const code = str(body?.error);
  return new AuthError(
    `The service refused the access token for ${summary.method} ${summary.path}` +
      `${code ? ` (${code})` : ''}, even after getting a new one. Sign in again, or check the token provider.`,
    401,
    code,
  );
}

/** Reads a JSON reply and checks it against `schema`; a mismatch is an {@link ApiShapeError} naming the path. */
export async function parseJson<S extends z.ZodMiniType>(
  res: Response,
  schema: S,
  summary: RequestSummary,
  signal?: AbortSignal,
  timeoutMs: number | false = 10_000,
): Promise<z.output<S>> {
  const text = await readText(res, summary, signal, timeoutMs);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ApiShapeError(summary, '', [{ path: '', message: 'the body is not JSON' }], { cause: e });
  }
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new ApiShapeError(summary, issues[0]?.path ?? '', issues);
}
