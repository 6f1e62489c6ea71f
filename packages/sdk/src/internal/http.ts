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

/** Transport settings shared by every call of one client. */
export interface Transport {
  fetch: (request: Request) => Promise<Response>;
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

/** A reply whose body has been read in full, within the attempt's timeout. */
export interface Reply {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/** Waits `ms`, or rejects with {@link AbortError} as soon as `signal` aborts (clearing the timer). */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(new AbortError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Sends one exchange with fetch and reads its body: a per-attempt timeout that covers the body too, the
 * caller's signal, and {@link retryDelay} deciding retries (connection failures and timeouts are not retried).
 * Error statuses come back as replies (the caller maps them); transport failures become typed errors that hold
 * no request object, headers or body.
 *
 * The caller's signal and the timeout are linked by hand into one controller per attempt rather than with
 * `AbortSignal.any` (Node 20.3, Chromium 116, Safari 17.4): it works in every supported runtime, tells which of
 * the two fired, and the listener is removed after each attempt so a long-lived signal collects nothing.
 */
export async function send(t: Transport, x: Exchange): Promise<Reply> {
  const summary = summarize(x.method, x.url);
  const json = x.json !== undefined;
  const headers = json ? { 'content-type': 'application/json', ...x.headers } : x.headers;
  const body = json ? JSON.stringify(x.json) : x.body;
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(x.signal);
    const ac = new AbortController();
    let timedOut = false;
    const onAbort = () => ac.abort(x.signal?.reason);
    let request: Request;
    try {
      request = new Request(x.url, { method: x.method, headers, body, signal: ac.signal });
    } catch {
      // Request's TypeError quotes the offending header value, which may be a token: keep none of it.
      throw new AuthError(
        `${x.method} ${x.url.pathname} could not be sent: a header value has characters HTTP does not allow. ` +
          'Check the token the token provider returns.',
      );
    }
    x.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      t.timeout === false
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            ac.abort();
          }, t.timeout);
    let delay: number | null;
    try {
      const res = await t.fetch(request);
      delay = attempt < t.retry ? retryDelay(attempt + 1, res, x.method, x.idempotent, t.retryPolicy) : null;
      if (delay === null) return { status: res.status, ok: res.ok, headers: res.headers, text: await res.text() };
      void res.body?.cancel().catch(() => {});
    } catch (e) {
      if (x.signal?.aborted) throw new AbortError({ cause: x.signal.reason });
      if (timedOut) throw new TimeoutError(summary, t.timeout || undefined);
      if (e instanceof Error && e.name === 'AbortError') throw new AbortError({ cause: e });
      // fetch and body reads fail with a TypeError whose cause is the low-level error (ECONNREFUSED…); anything
      // else comes from a custom fetch and may say anything, so it is not kept.
      throw new NetworkError(summary, e instanceof TypeError ? { cause: e } : undefined);
    } finally {
      clearTimeout(timer);
      x.signal?.removeEventListener('abort', onAbort);
    }
    await wait(delay, x.signal);
  }
}

/** An error reply's JSON object, if it has one. */
export function errorBody(res: Reply): Record<string, unknown> | undefined {
  try {
    const v: unknown = res.text ? JSON.parse(res.text) : undefined;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : undefined);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The scope granting a CTIA capability: `create-casebook` → `casebook:write`, `read-incident` → `private-intel/incident:read`. */
function capabilityScope(capability: string): string {
  const m = /^(read|search|create|delete)-(.+)$/.exec(capability);
  if (!m) return capability;
  return `${m[2] === 'casebook' ? '' : 'private-intel/'}${m[2]}:${m[1] === 'create' || m[1] === 'delete' ? 'write' : 'read'}`;
}

/**
 * Maps an error status to the SDK's typed errors, with a message a person can act on. `scrub` cleans the text
 * quoted from the body first (the token request passes one that removes every form of the client secret).
 */
export function toHttpError(
  res: Reply,
  summary: RequestSummary,
  now?: number,
  scrub: (s: string) => string = (s) => s,
): HttpStatusError {
  const body = errorBody(res);
  const quote = (v: unknown) => (typeof v === 'string' ? str(scrub(v)) : undefined);
  const code = quote(body?.error) ?? quote(body?.type);
  const detail = quote(body?.error_description) ?? quote(body?.message);
  const what = `${summary.method} ${summary.path}`;
  switch (res.status) {
    case 403: {
      // The 403 of a token without a route's scope (`schemas.missingScopeError`, read here without zod: error
      // replies are turned into errors before the reply checks have loaded).
      const missing = body?.['missing-scopes'];
      if (body?.error === 'missing_scope' && strings(missing)) {
        const required = body['required-scopes'];
        return new ScopeError(missing, strings(required) ? required : [], summary);
      }
      // CTIA names capabilities instead (`{"error":"missing_capability","capabilities":"create-casebook"}`): the
      // scope that grants each one (ctia auth/jwt.clj) is what to ask an admin for.
      if (body?.error === 'missing_capability') {
        const scopes = [body.capabilities]
          .flat()
          .filter((c) => typeof c === 'string')
          .map(capabilityScope);
        if (scopes.length) return new ScopeError(scopes, scopes, summary);
      }
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
export function toAuthError(res: Reply, summary: RequestSummary): AuthError {
  const body = errorBody(res);
  const code = str(body?.error);
  return new AuthError(
    `The service refused the access token for ${summary.method} ${summary.path}` +
      `${code ? ` (${code})` : ''}, even after getting a new one. Sign in again, or check the token provider.`,
    401,
    code,
  );
}

/** Checks a JSON reply against `schema`; a body that is not JSON or a mismatch is an {@link ApiShapeError}. */
export function parseJson<S extends z.ZodMiniType>(res: Reply, schema: S, summary: RequestSummary): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(res.text);
  } catch {
    // JSON.parse's SyntaxError quotes the start of the body, which may be anything (a token, an echoed
    // secret): it is not kept as the cause.
    throw new ApiShapeError(summary, '', [{ path: '', message: 'the body is not JSON' }]);
  }
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new ApiShapeError(summary, issues[0]?.path ?? '', issues);
}
