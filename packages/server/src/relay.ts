/**
 * The relay: a small server that holds the API client secret, gets and caches the access token, and forwards
 * the allowed API paths for browsers on allowed origins. The browser sends no secret and never sees the token.
 * Web standards only (fetch, Request, Response); `node.ts` serves it.
 * @module
 */
import { REGIONS } from '@pivotkit/sdk';
import type { Region } from '@pivotkit/sdk';
import { readFileSync } from 'node:fs';
import { REDACTED, requestLogLine } from './redact.js';

export type RelayRegion = Region;

/** Threat Response hosts per region: the SDK's `REGIONS` (api-contract.md §1, §5). */
export const REGION_HOSTS: Readonly<Record<RelayRegion, { visibility: string; privateIntel: string }>> = REGIONS;

/**
 * What the relay forwards, as whole leading path segments of the decoded path; everything else is refused.
 * `/ctia/casebook` forwards `/ctia/casebook` and `/ctia/casebook/…`, never `/ctia/casebookXYZ`.
 */
export const RELAYED_PREFIXES: readonly (readonly string[])[] = [
  ['iroh', 'iroh-inspect'],
  ['iroh', 'iroh-enrich'],
  ['iroh', 'iroh-response'],
  ['iroh', 'private-intel', 'incident'],
  ['ctia', 'casebook'],
  ['ctia', 'incident'],
  ['ctia', 'bundle', 'export'],
];

/** The forwarded prefixes as paths (for help texts). */
export const RELAYED_PATHS = RELAYED_PREFIXES.map((p) => `/${p.join('/')}`);

/**
 * Whether a request path (as sent, percent-encoded) may be forwarded: every segment decodes cleanly to a
 * non-empty name that is not a dot segment (`.`, `..`, nor `..;x` that Java servers read as `..`) and holds no
 * `/`, `\`, `;`, `%` (a second encoding) or control character; and the decoded segments start with an allowed
 * prefix.
 */
export function relayablePath(pathname: string): boolean {
  const raw = pathname.split('/');
  if (raw[0] !== '' || raw.length < 2) return false;
  const segments: string[] = [];
  for (const r of raw.slice(1)) {
    let d: string;
    try {
      d = decodeURIComponent(r);
    } catch {
      return false;
    }
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    if (d === '' || /^\.{1,2}(?:;|$)/.test(d) || /[/\\;%\u0000-\u001f\u007f]/.test(d)) return false;
    segments.push(d);
  }
  return RELAYED_PREFIXES.some((p) => p.length <= segments.length && p.every((s, i) => segments[i] === s));
}

/** The access token the browser gets from the relay: a placeholder, never the real one. */
export const RELAY_PLACEHOLDER_TOKEN = 'pivotkit-relay-session';

export interface RelayCredentials {
  clientId: string;
  clientSecret: string;
}

/** Credentials from a JSON file (`{"client_id","client_secret"}`) or from PIVOTKIT_CLIENT_ID/PIVOTKIT_CLIENT_SECRET. */
export function readCredentials(file: string | undefined, env: Record<string, string | undefined>): RelayCredentials {
  if (file) {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`cannot read --credentials-file ${file}: ${(e as Error).message}`, { cause: e });
    }
    const clientId = raw['client_id'] ?? raw['clientId'];
    const clientSecret = raw['client_secret'] ?? raw['clientSecret'];
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !clientId || !clientSecret) {
      throw new Error(`--credentials-file ${file} needs "client_id" and "client_secret" strings`);
    }
    return { clientId, clientSecret };
  }
  const clientId = env['PIVOTKIT_CLIENT_ID'];
  const clientSecret = env['PIVOTKIT_CLIENT_SECRET'];
  if (!clientId || !clientSecret) {
    throw new Error(
      'the relay needs PIVOTKIT_CLIENT_ID and PIVOTKIT_CLIENT_SECRET in the environment, or --credentials-file',
    );
  }
  return { clientId, clientSecret };
}

export interface RelayOptions {
  credentials: RelayCredentials;
  /** Regional hosts (or the emulator, in tests). */
  upstream: { visibility: string; privateIntel: string };
  /** Browser origins allowed to use the relay, or `'*'`. */
  allowOrigins: '*' | string[];
  fetch?: typeof fetch;
  clock?: () => number;
  log?: (line: string) => void;
  /** Refresh the token this long before it expires. @default 60000 */
  refreshSkewMs?: number;
  /** How long one upstream fetch (token or API, body included) may take. @default 30000 */
  timeoutMs?: number;
}

interface CachedToken {
  token: string;
  scope: string;
  expiresAt: number;
}

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'accept-language'];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'location',
  'x-total-hits',
  'x-next',
  'x-previous',
  'x-sort',
  'x-ratelimit-org-limit',
  'x-ratelimit-group-limit',
  'x-ratelimit-group-remaining',
];
const EXPOSED = 'Retry-After, Location, X-Total-Hits, X-Next, X-Previous, X-Sort';
/** The largest request body the relay buffers and forwards (a casebook with every field at its maximum fits). */
export const MAX_BODY_BYTES = 1_000_000;

export class RelayAuthError extends Error {}
/** An upstream fetch (token or API) took longer than `timeoutMs`. */
export class RelayTimeoutError extends Error {}

/** `application/x-www-form-urlencoded` encoding of one value, as RFC 6749 §2.3.1 wants for client id and secret. */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** The HTTP Basic credentials for the token request: id and secret form-urlencoded, then base64 (RFC 6749 §2.3.1). */
export function basicCredentials(c: RelayCredentials): string {
  return btoa(`${formEncode(c.clientId)}:${formEncode(c.clientSecret)}`);
}

/** Every form in which the secret (or the Basic credentials made from it) could come back in a reply. */
function secretForms(c: RelayCredentials): string[] {
  const utf8Base64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
  const forms = new Set<string>();
  for (const s of [c.clientSecret, formEncode(c.clientSecret), encodeURIComponent(c.clientSecret)]) {
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
  }
  for (const creds of [`${formEncode(c.clientId)}:${formEncode(c.clientSecret)}`, `${c.clientId}:${c.clientSecret}`]) {
    const b64 = utf8Base64(creds);
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  }
  // Short forms would redact ordinary words; a real secret is long.
  return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

function isTimeout(e: unknown): boolean {
  return e instanceof RelayTimeoutError || (e instanceof DOMException && e.name === 'TimeoutError');
}

export function createRelay(options: RelayOptions): { fetch: (req: Request) => Promise<Response> } {
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  const skew = options.refreshSkewMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const visibility = options.upstream.visibility.replace(/\/+$/, '');
  const privateIntel = options.upstream.privateIntel.replace(/\/+$/, '');
  const leaks = secretForms(options.credentials);
  const tokens = new Set<string>();
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;
  let generation = 0;

  /** Text from upstream with the secret (in any form) and every access token the relay holds replaced. */
  const scrub = (text: string): string => {
    let out = text;
    for (const leak of [...leaks, ...tokens]) if (out.includes(leak)) out = out.split(leak).join(REDACTED);
    return out;
  };

  /** One upstream fetch, the body read included, bounded by `timeoutMs`. */
  const timed = async <T>(url: string, init: RequestInit, read: (res: Response) => Promise<T>) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const res = await doFetch(url, { ...init, signal, redirect: 'manual' });
      return { res, body: await read(res) };
    } catch (e) {
      if (isTimeout(e) || signal.aborted) {
        throw new RelayTimeoutError(`Threat Response did not answer within ${timeoutMs} ms`, { cause: e });
      }
      throw e;
    }
  };

  /**
   * One token request at a time; the requests waiting on it share its outcome (a timeout included), and the next
   * request after a failure starts a new one. A later `invalidate()` makes the next call fetch a new token.
   */
  const getToken = (): Promise<CachedToken> => {
    if (cached && cached.expiresAt - skew > clock()) return Promise.resolve(cached);
    if (inflight) return inflight;
    const gen = generation;
    inflight = (async () => {
      const { res, body: text } = await timed(
        `${visibility}/iroh/oauth2/token`,
        {
          method: 'POST',
          headers: {
            Authorization: `Basic ${basicCredentials(options.credentials)}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: 'grant_type=client_credentials',
        },
        (r) => r.text(),
      );
      let body: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      } catch {
        // not JSON: reported by status below
      }
      if (!res.ok || typeof body['access_token'] !== 'string') {
        // Only an OAuth error code is quoted (RFC 6749 §5.2: a short token), never free text from upstream.
        const error = body['error'];
        const code = typeof error === 'string' && /^[\w.-]{1,64}$/.test(error) ? error : `HTTP ${res.status}`;
        throw new RelayAuthError(scrub(`the relay could not sign in to Threat Response (${code})`));
      }
      const expiresIn = typeof body['expires_in'] === 'number' ? body['expires_in'] : 600;
      const token: CachedToken = {
        token: body['access_token'],
        scope: typeof body['scope'] === 'string' ? body['scope'] : '',
        expiresAt: clock() + expiresIn * 1000,
      };
      tokens.add(token.token);
      if (gen === generation) cached = token;
      return token;
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
  const invalidate = () => {
    generation++;
    cached = undefined;
  };

  const originAllowed = (origin: string | null) =>
    options.allowOrigins === '*' || (origin !== null && options.allowOrigins.includes(origin));

  const corsHeaders = (origin: string | null): Record<string, string> =>
    origin && originAllowed(origin)
      ? {
          'Access-Control-Allow-Origin': options.allowOrigins === '*' ? '*' : origin,
          'Access-Control-Expose-Headers': EXPOSED,
          Vary: 'Origin',
        }
      : { Vary: 'Origin' };

  const reply = (status: number, body: unknown, origin: string | null, headers: Record<string, string> = {}) =>
    new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { ...(body === null ? {} : { 'content-type': 'application/json' }), ...corsHeaders(origin), ...headers },
    });

  const tooLarge = (origin: string | null) =>
    reply(
      413,
      { error: 'body_too_large', error_description: `Bodies over ${MAX_BODY_BYTES} bytes are refused` },
      origin,
    );

  /** A failed upstream call as the browser sees it: 504 for a timeout, 502 otherwise; never upstream's own text. */
  const upstreamFailure = (e: unknown, origin: string | null, what: 'auth' | 'api') => {
    if (isTimeout(e)) {
      return reply(
        504,
        {
          error: 'upstream_timeout',
          error_description: `Threat Response did not answer within ${timeoutMs} ms; try again`,
        },
        origin,
      );
    }
    if (what === 'auth' || e instanceof RelayAuthError) {
      return reply(502, { error: 'relay_auth_failed', error_description: scrub((e as Error).message) }, origin);
    }
    return reply(
      502,
      {
        error: 'upstream_unreachable',
        error_description: scrub(`The relay could not reach the API: ${(e as Error).message}`),
      },
      origin,
    );
  };

  const handle = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const origin = req.headers.get('origin');
    const path = url.pathname;
    if (!originAllowed(origin)) {
      return reply(
        403,
        {
          error: 'origin_not_allowed',
          error_description: origin
            ? `The relay does not serve ${origin}`
            : 'The relay serves browsers on allowed origins only',
        },
        null,
      );
    }
    if (req.method === 'OPTIONS') {
      return reply(204, null, origin, {
        'Access-Control-Allow-Methods': 'DELETE, GET, PATCH, POST, PUT',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
        'Access-Control-Max-Age': '600',
      });
    }
    if (path === '/iroh/oauth2/token' && req.method === 'POST') {
      try {
        const t = await getToken();
        return reply(
          200,
          {
            access_token: RELAY_PLACEHOLDER_TOKEN,
            token_type: 'bearer',
            expires_in: Math.max(0, Math.floor((t.expiresAt - clock()) / 1000)),
            scope: t.scope,
          },
          origin,
          { 'Cache-Control': 'no-store' },
        );
      } catch (e) {
        return upstreamFailure(e, origin, 'auth');
      }
    }
    if (!relayablePath(path)) {
      return reply(
        404,
        { error: 'not_relayed', error_description: `The relay does not forward ${scrub(path).slice(0, 200)}` },
        origin,
      );
    }
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) {
      return reply(
        405,
        { error: 'method_not_allowed', error_description: `The relay does not forward ${req.method}` },
        origin,
      );
    }
    const declared = Number(req.headers.get('content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) return tooLarge(origin);
    const target = `${path.startsWith('/ctia/') ? privateIntel : visibility}${path}${url.search}`;
    const headers = new Headers();
    for (const h of FORWARDED_REQUEST_HEADERS) {
      const v = req.headers.get(h);
      if (v) headers.set(h, v);
    }
    const body = req.method === 'GET' || req.method === 'DELETE' ? undefined : await readLimited(req);
    if (body === TOO_LARGE) return tooLarge(origin);
    let res: Response | undefined;
    let payload: ArrayBuffer | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      let token: CachedToken;
      try {
        token = await getToken();
      } catch (e) {
        return upstreamFailure(e, origin, 'auth');
      }
      headers.set('authorization', `Bearer ${token.token}`);
      try {
        ({ res, body: payload } = await timed(target, { method: req.method, headers, body }, (r) =>
          r.status === 204 || r.status === 304 ? Promise.resolve(null) : r.arrayBuffer(),
        ));
      } catch (e) {
        return upstreamFailure(e, origin, 'api');
      }
      // An expired or revoked token: get a new one and try once more (the body was buffered).
      if (res.status !== 401 || attempt === 1) break;
      invalidate();
    }
    const upstream = res!;
    if (upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304) {
      // A redirect would send the browser (or its Location) somewhere the relay did not check.
      return reply(
        502,
        { error: 'upstream_redirect', error_description: `Threat Response answered ${upstream.status}; not followed` },
        origin,
      );
    }
    const out: Record<string, string> = { ...corsHeaders(origin) };
    for (const h of FORWARDED_RESPONSE_HEADERS) {
      const v = upstream.headers.get(h);
      if (v) out[h] = scrub(v);
    }
    const type = upstream.headers.get('content-type') ?? '';
    if (payload && (/json|text|xml/i.test(type) || type === '')) {
      const text = new TextDecoder().decode(payload);
      const clean = scrub(text);
      if (clean !== text) {
        delete out['content-length'];
        return new Response(clean, { status: upstream.status, headers: out });
      }
    }
    return new Response(payload, { status: upstream.status, headers: out });
  };

  return {
    fetch: async (req: Request) => {
      const start = performance.now();
      const res = await handle(req);
      options.log?.(requestLogLine(req, res.status, performance.now() - start, `relay`));
      return res;
    },
  };
}

const TOO_LARGE = Symbol('too-large');

/**
 * The request body, read chunk by chunk and given up at `MAX_BODY_BYTES` (a chunked body has no length to check
 * first): the relay never holds more than the limit.
 */
async function readLimited(req: Request): Promise<ArrayBuffer | undefined | typeof TOO_LARGE> {
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all.buffer;
}

export { REDACTED };
