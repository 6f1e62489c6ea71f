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

/** Path prefixes the relay forwards; everything else is refused. */
export const RELAYED_PATHS = [
  '/iroh/iroh-inspect/',
  '/iroh/iroh-enrich/',
  '/iroh/iroh-response/',
  '/iroh/private-intel/incident',
  '/ctia/casebook',
  '/ctia/incident',
];

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

export function createRelay(options: RelayOptions): { fetch: (req: Request) => Promise<Response> } {
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  const skew = options.refreshSkewMs ?? 60_000;
  const visibility = options.upstream.visibility.replace(/\/+$/, '');
  const privateIntel = options.upstream.privateIntel.replace(/\/+$/, '');
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;
  let generation = 0;

  /** One token request at a time; a later `invalidate()` makes the next call fetch a new one. */
  const getToken = (): Promise<CachedToken> => {
    if (cached && cached.expiresAt - skew > clock()) return Promise.resolve(cached);
    if (inflight) return inflight;
    const gen = generation;
    inflight = (async () => {
      const basic = btoa(`${options.credentials.clientId}:${options.credentials.clientSecret}`);
      const res = await doFetch(`${visibility}/iroh/oauth2/token`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        redirect: 'manual',
      });
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok || typeof body['access_token'] !== 'string') {
        const code = typeof body['error'] === 'string' ? body['error'] : `HTTP ${res.status}`;
        throw new RelayAuthError(`the relay could not sign in to Threat Response (${code})`);
      }
      const expiresIn = typeof body['expires_in'] === 'number' ? body['expires_in'] : 600;
      const token: CachedToken = {
        token: body['access_token'],
        scope: typeof body['scope'] === 'string' ? body['scope'] : '',
        expiresAt: clock() + expiresIn * 1000,
      };
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
        return reply(502, { error: 'relay_auth_failed', error_description: (e as Error).message }, origin);
      }
    }
    // Encoded slashes, backslashes and dots could turn into another path upstream: refuse them outright.
    if (
      /%2f|%5c|%2e|\\/i.test(url.pathname) ||
      !RELAYED_PATHS.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))
    ) {
      return reply(404, { error: 'not_relayed', error_description: `The relay does not forward ${path}` }, origin);
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
    const body = req.method === 'GET' ? undefined : await req.arrayBuffer();
    if (body && body.byteLength > MAX_BODY_BYTES) return tooLarge(origin);
    let upstream: Response | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      let token: CachedToken;
      try {
        token = await getToken();
      } catch (e) {
        return reply(502, { error: 'relay_auth_failed', error_description: (e as Error).message }, origin);
      }
      headers.set('authorization', `Bearer ${token.token}`);
      try {
        upstream = await doFetch(target, { method: req.method, headers, body, redirect: 'manual' });
      } catch (e) {
        return reply(
          502,
          {
            error: 'upstream_unreachable',
            error_description: `The relay could not reach the API: ${(e as Error).message}`,
          },
          origin,
        );
      }
      // An expired or revoked token: get a new one and try once more (the body was buffered).
      if (upstream.status !== 401 || attempt === 1) break;
      invalidate();
    }
    const res = upstream!;
    const out: Record<string, string> = { ...corsHeaders(origin) };
    for (const h of FORWARDED_RESPONSE_HEADERS) {
      const v = res.headers.get(h);
      if (v) out[h] = v;
    }
    const status = res.status;
    const payload = status === 204 || status === 304 ? null : await res.arrayBuffer();
    return new Response(payload, { status, headers: out });
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

export { REDACTED };
