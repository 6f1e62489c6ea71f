/**
 * `createEmulator()`: the Threat Response / XDR emulator as a Hono app built on web standards only
 * (Request/Response, WebCrypto through jose), so the same logic serves HTTP in Node and msw handlers in a browser.
 * @module
 */
import { schemas } from '@pivotkit/sdk';
import { Hono } from 'hono';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { Faults } from '../faults.js';
import type { FaultConfig } from '../faults.js';
import { requestLogLine } from '../redact.js';
import { satisfiesAny } from '../scopes.js';
import type { Doc, Store } from '../store.js';
import { DEMO_CLIENT, TokenError, TokenService, grantScopes, safeEqual } from './auth.js';
import type { ClientConfig, TokenClaims } from './auth.js';
import {
  FILTERS,
  applyOperation,
  canSee,
  deepMergeWith,
  echo,
  errorsBody,
  longId,
  parseLongId,
  patchOperationCheck,
  render,
  search,
  shortId,
  tooDeep,
  validateEntity,
  validateObservables,
} from './entities.js';
import type { EntityKind, Problems, SearchParams } from './entities.js';
import { randomUuid } from './hash.js';
import { inspect } from './inspect.js';
import { registerOrbital } from './orbital.js';
import { CTIM_SCHEMA_VERSION, MODULES, describe, enrich, health, refer, responseActions, trigger } from './intel.js';
import type { Context as IntelContext, Observable } from './intel.js';
import { seed } from './seed.js';
import { INCIDENT_STATUSES, TLPS } from './vocab.js';

/** Headers a browser may read from the emulator's answers (CTIA's list, api-contract.md §9). */
export const EXPOSED_HEADERS = [
  'Retry-After',
  'X-Total-Hits',
  'X-Next',
  'X-Previous',
  'X-Sort',
  'Location',
  'X-Iroh-Version',
  'X-Ctim-Version',
];

/** The largest request body the emulator reads by default (1 MB of inspect content fits, with room). */
export const MAX_BODY_BYTES = 2_000_000;

/** JSON nested deeper than this (arrays and objects) is refused with 400; CTIM entities nest a few levels. */
export const MAX_JSON_DEPTH = 100;

/** A reply header that tells the host adapter to close the connection without answering (fault injection). */
export const DROP_HEADER = 'x-pivotkit-drop-connection';

export interface EmulatorOptions {
  /** Where casebooks, incidents, response state and the signing key live. */
  store: Store;
  /** Milliseconds since the epoch; tests pass a controllable clock. @default Date.now */
  clock?: () => number;
  /** OAuth2 clients. @default [DEMO_CLIENT] */
  clients?: ClientConfig[];
  /** Initial faults (off by default); `POST /__control/faults` changes them. */
  faults?: FaultConfig;
  /** Access-token lifetime in seconds. @default 600 */
  tokenTtl?: number;
  /** Origins allowed by CORS: `'*'`, a list, or none (no CORS headers). */
  cors?: '*' | string[];
  /** Receives one redacted line per request. */
  log?: (line: string) => void;
  /** Serve `/__control/*` (reset, faults, clock). @default true */
  control?: boolean;
  /**
   * Which host names (from the request URL, as parsed) may use `/__control/*`; by default every one (msw in a
   * page). `startEmulatorServer` passes a loopback check. Checked on the decoded path the routes see.
   */
  controlHost?: (hostname: string) => boolean;
  /** The largest request body read, in bytes; a longer one (declared or chunked) gets 413. @default MAX_BODY_BYTES */
  maxBodyBytes?: number;
  /** The origin used in long ids and links; by default the origin each request was sent to. */
  publicUrl?: string;
}

export interface Emulator {
  app: Hono<Env>;
  fetch: (request: Request, env?: unknown) => Promise<Response>;
  faults: Faults;
  /** Advances the emulator's clock (token expiry, timestamps) by `ms` on top of `clock`. */
  advanceClock(ms: number): void;
  /** Back to the seeded state: clears the store, faults and clock offset; `rotateKey` also invalidates every token. */
  reset(options?: { rotateKey?: boolean }): void;
}

interface Env {
  Variables: { auth: TokenClaims; traceId: string };
}

type C = HonoContext<Env>;

const json = (c: C, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export function createEmulator(options: EmulatorOptions): Emulator {
  const store = options.store;
  const baseClock = options.clock ?? Date.now;
  let offset = 0;
  const clock = () => baseClock() + offset;
  const clients = options.clients ?? [DEMO_CLIENT];
  const tokens = new TokenService(store, clock, options.tokenTtl ?? 600);
  const faults = new Faults();
  if (options.faults) faults.set(options.faults);
  seed(store, clock());

  const app = new Hono<Env>();
  const baseUrl = (c: C) => options.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
  const intel = (c: C): IntelContext => ({ store, now: clock(), baseUrl: baseUrl(c) });

  app.onError((err, c) => {
    const traceId = c.get('traceId') ?? randomUuid();
    if (isCtia(c)) return json(c, { type: 'unknown-exception', class: 'java.lang.Exception' }, 500);
    return json(c, { error: 'unknown-exception', error_description: err.message, trace_id: traceId }, 500);
  });
  app.notFound((c) =>
    json(c, { error: 'not-found', error_description: `No route for ${c.req.method} ${c.req.path}` }, 404),
  );

  if (options.cors) {
    const withCors = cors({
      origin: options.cors,
      allowMethods: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Accept'],
      exposeHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
    // The control endpoint never answers other origins: a web page cannot reset or break a developer's emulator.
    app.use('*', (c, next) => (c.req.path.startsWith('/__control') ? next() : withCors(c, next)));
  }

  app.use('*', async (c, next) => {
    c.set('traceId', randomUuid());
    const start = performance.now();
    await next();
    // A header value outside Latin-1 would make the host fail the reply after it was logged as a success: turn it
    // into the 500 it would become, so the log says what the client gets.
    for (const [, v] of c.res.headers) {
      if (/[\u0100-\uffff]/.test(v)) {
        c.res = json(c, { error: 'unknown-exception', error_description: 'A reply header was not Latin-1' }, 500);
        break;
      }
    }
    options.log?.(requestLogLine(c.req.raw, c.res.status, performance.now() - start));
  });

  // The control endpoint only for the host names allowed (loopback in Node), checked on the decoded path that
  // routing uses: `/%5F_control/reset` is `/__control/reset` here.
  if (options.controlHost) {
    const allowHost = options.controlHost;
    app.use('*', async (c, next) => {
      if (!c.req.path.startsWith('/__control')) return next();
      if (allowHost(new URL(c.req.url).hostname)) return next();
      return json(c, { error: 'forbidden', error_description: 'The control endpoint is local only' }, 403);
    });
  }

  // Read at most maxBodyBytes of any body, declared or chunked.
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) =>
        json(c, { error: 'payload-too-large', error_description: `Bodies over ${maxBody} bytes are refused` }, 413),
    }),
  );

  // Fault injection: never on the control endpoint or on CORS preflights.
  app.use('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/__control') || c.req.method === 'OPTIONS') return next();
    const latency = faults.latency(path);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const fault = faults.decide(path);
    switch (fault.kind) {
      case 'drop':
        c.res = new Response(null, { status: 503, headers: { [DROP_HEADER]: '1' } });
        return;
      case 'rate-limit':
        c.res = json(c, { error: 'Too Many Requests' }, 429, { 'Retry-After': String(fault.retryAfter) });
        return;
      case 'error':
        c.res = json(
          c,
          {
            error: 'unknown-exception',
            error_description: 'Injected fault: the service failed',
            trace_id: c.get('traceId'),
          },
          fault.status,
        );
        return;
      case 'malformed': {
        await next();
        const text = await c.res.text();
        const headers = new Headers(c.res.headers);
        headers.set('content-type', 'application/json');
        headers.delete('content-length');
        c.res = new Response(`${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}\u0000`, {
          status: c.res.status === 204 ? 200 : c.res.status,
          headers,
        });
        return;
      }
      case 'invalid-item': {
        await next();
        if (!c.res.ok || !(c.res.headers.get('content-type') ?? '').includes('json')) return;
        const list = (await c.res.clone().json()) as unknown;
        if (!Array.isArray(list) || !list.length || !list[0] || typeof list[0] !== 'object') return;
        const { schema_version: _gone, ...first } = list[0] as Record<string, unknown>;
        const headers = new Headers(c.res.headers);
        headers.delete('content-length');
        c.res = new Response(JSON.stringify([first, ...list.slice(1)]), { status: c.res.status, headers });
        return;
      }
      case 'none':
        return next();
    }
  });

  // ---- service info ----
  app.get('/', (c) =>
    json(c, {
      name: '@pivotkit/server',
      mode: 'emulate',
      modules: MODULES.map(({ key: _k, ...m }) => m),
      token_endpoint: '/iroh/oauth2/token',
    }),
  );
  app.get('/.well-known/jwks', async (c) => json(c, { keys: [(await tokens.keys()).publicJwk] }));

  // ---- OAuth2 client credentials (api-contract.md §1, decision 1) ----
  app.post('/iroh/oauth2/token', async (c) => {
    const type = c.req.header('content-type') ?? '';
    let form: URLSearchParams;
    try {
      if (type.includes('application/x-www-form-urlencoded')) form = new URLSearchParams(await c.req.text());
      else if (type.includes('application/json')) {
        const body = (await c.req.json()) as Record<string, unknown>;
        form = new URLSearchParams(
          Object.entries(body ?? {}).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
        );
      } else {
        return tokenError(c, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
      }
    } catch {
      return tokenError(c, 400, 'invalid_request', 'The body could not be read');
    }
    const grant = form.get('grant_type');
    if (!grant) return tokenError(c, 400, 'invalid_request', 'Missing grant_type');
    let id: string | undefined;
    let secret: string | undefined;
    const auth = c.req.header('authorization');
    if (auth) {
      const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(auth);
      if (!m) return tokenError(c, 400, 'invalid_request', 'The Authorization header must use the Basic scheme');
      let decoded: string;
      try {
        decoded = atob(m[1]!);
      } catch {
        return tokenError(c, 400, 'invalid_request', 'The Basic credentials are not valid base64');
      }
      const colon = decoded.indexOf(':');
      if (colon < 0) return tokenError(c, 400, 'invalid_request', 'The Basic credentials need client_id:client_secret');
      id = safeDecode(decoded.slice(0, colon));
      secret = safeDecode(decoded.slice(colon + 1));
    } else {
      id = form.get('client_id') ?? undefined;
      secret = form.get('client_secret') ?? undefined;
    }
    const client = clients.find((cl) => id !== undefined && cl.clientId === id);
    if (!client || secret === undefined || !safeEqual(client.clientSecret, secret)) {
      return tokenError(c, 401, 'invalid_client', 'Client authentication failed: unknown client or wrong secret', {
        'WWW-Authenticate': 'Basic realm="iroh"',
      });
    }
    if (grant !== 'client_credentials') {
      return tokenError(c, 400, 'unsupported_grant_type', `The grant type ${grant} is not supported here`);
    }
    const scopes = grantScopes(client, form.get('scope') ?? undefined);
    if (scopes.length === 0) return tokenError(c, 400, 'invalid_scope', 'None of the requested scopes is allowed');
    const { token, expiresIn } = await tokens.issue(client, scopes);
    return json(c, { access_token: token, token_type: 'bearer', expires_in: expiresIn, scope: scopes.join(' ') }, 200, {
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
    });
  });

  // ---- bearer tokens on every API route ----
  // IROH and CTIA word their 401s differently (api-contract.md, corrections §4; ctia http/middleware/auth.clj).
  const authenticate: MiddlewareHandler<Env> = async (c, next) => {
    const header = c.req.header('authorization');
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const ctia = isCtia(c);
    if (!m) {
      return json(
        c,
        ctia
          ? { error: 'not_authenticated', message: 'Only authenticated users allowed' }
          : {
              error: 'invalid_request',
              error_description: 'No JWT found in HTTP Authorization header',
              trace_id: c.get('traceId'),
            },
        401,
        { 'WWW-Authenticate': 'Bearer realm="iroh"' },
      );
    }
    try {
      c.set('auth', await tokens.verify(m[1]!));
    } catch (e) {
      const err = e instanceof TokenError ? e : new TokenError('invalid_jwt', 'Invalid JWT');
      return json(
        c,
        ctia
          ? { error: err.code, error_description: err.message, level: 'info' }
          : { error: err.code, error_description: err.message, trace_id: c.get('traceId') },
        401,
        { 'WWW-Authenticate': `Bearer realm="iroh", error="invalid_token"` },
      );
    }
    return next();
  };
  app.use('/iroh/*', async (c, next) => (c.req.path === '/iroh/oauth2/token' ? next() : authenticate(c, next)));
  app.use('/ctia/*', authenticate);

  /** 403 `missing_scope` unless one of the alternatives is granted (the first one is named as required). */
  const need = (c: C, ...alternatives: string[]): Response | undefined => {
    const auth = c.get('auth');
    if (satisfiesAny(auth.scopes, alternatives)) return undefined;
    const required = alternatives[0]!;
    return json(
      c,
      {
        error: 'missing_scope',
        error_description: `Missing scope: this route requires ${alternatives.join(' or ')}`,
        'missing-scopes': [required],
        'required-scopes': [required],
        scopes: auth.scopes,
        'user-id': auth.sub,
        'org-id': auth.orgId,
        trace_id: c.get('traceId'),
      },
      403,
    );
  };

  /**
   * CTIA's capability check (`require-capability!`): 403 naming the route's capabilities (one as a string, a set
   * as a list) and the owner, unless the token's scopes grant them all (see `capabilityScopes`).
   * The `error` is CTIA's `missing_capability` (ctia http/middleware/auth.clj), which the SDK reads as a ScopeError.
   */
  const needCapability = (c: C, capabilities: string | readonly string[]): Response | undefined => {
    const auth = c.get('auth');
    const all = typeof capabilities === 'string' ? [capabilities] : capabilities;
    const missing = all.filter((cap) => !satisfiesAny(auth.scopes, capabilityScopes(cap)));
    if (missing.length === 0) return undefined;
    return json(
      c,
      {
        message: 'Missing capability',
        error: 'missing_capability',
        capabilities: typeof capabilities === 'string' ? capabilities : [...capabilities].sort(),
        owner: auth.sub,
      },
      403,
    );
  };

  /** The JSON body, or the 400 CTIA answers for one that does not parse. */
  const ctiaBody = async (c: C): Promise<{ body: unknown } | Response> => {
    const body = await readJson(c);
    if (body === BAD_JSON) {
      return json(c, { type: 'json-parse-exception', message: 'The body is not JSON, or nests too deeply' }, 400);
    }
    return { body };
  };

  registerOrbital(app, { authenticate, need, clock });

  app.get('/iroh/profile/whoami', (c) => {
    const denied = need(c, 'profile:read');
    if (denied) return denied;
    const a = c.get('auth');
    return json(c, { user: { 'user-id': a.sub, scopes: a.scopes, 'client-id': a.clientId }, org: { id: a.orgId } });
  });

  // ---- Inspect ----
  app.post('/iroh/iroh-inspect/inspect', async (c) => {
    const denied = need(c, 'inspect:read');
    if (denied) return denied;
    const body = await readJson(c);
    if (body === BAD_JSON) return json(c, { error: 'invalid_request', error_description: 'The body is not JSON' }, 400);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return json(c, { content: 'missing-required-key' }, 400);
    }
    const rec = body as Record<string, unknown>;
    const extra = Object.keys(rec).filter((k) => k !== 'content');
    if (rec['content'] === undefined || extra.length) {
      const problems: Record<string, string> = {};
      if (rec['content'] === undefined) problems['content'] = 'missing-required-key';
      for (const k of extra) {
        Object.defineProperty(problems, k.slice(0, 100), { value: 'disallowed-key', enumerable: true });
      }
      return json(c, problems, 400);
    }
    if (!schemas.inspectRequest.safeParse(rec).success) {
      return json(c, { content: '(not (instance? java.lang.String))' }, 400);
    }
    return json(c, inspect(String(rec['content'])));
  });

  // ---- Enrich ----
  const observablesBody = async (c: C): Promise<Observable[] | Response> => {
    const body = await readJson(c);
    const errs: Problems = body === BAD_JSON ? [['body', 'not JSON, or nested too deeply']] : validateObservables(body);
    if (errs.length) {
      return json(
        c,
        {
          error: 'invalid_request',
          error_description: `The body must be a JSON array of {type, value} observables: ${errs
            .slice(0, 5)
            .map(([p, m]) => `${p}: ${m}`)
            .join('; ')}`,
          trace_id: c.get('traceId'),
        },
        400,
      );
    }
    return body as Observable[];
  };
  const mids = (c: C) => [...(c.req.queries('mids') ?? []), ...(c.req.queries('mids[]') ?? [])];
  for (const mode of ['observe', 'deliberate'] as const) {
    app.post(`/iroh/iroh-enrich/${mode}/observables`, async (c) => {
      const denied = need(c, `enrich/observables/${mode}:read`);
      if (denied) return denied;
      const obs = await observablesBody(c);
      if (obs instanceof Response) return obs;
      const wanted = mids(c);
      const answering = MODULES.filter(
        (m) => (!wanted.length || wanted.includes(m.module_instance_id)) && obs.some((o) => m.types.includes(o.type)),
      );
      const delay = faults.moduleLatency(answering);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      return json(c, enrich(mode, obs, intel(c), wanted));
    });
  }
  app.post('/iroh/iroh-enrich/refer/observables', async (c) => {
    const denied = need(c, 'enrich/observables/refer:read');
    if (denied) return denied;
    const obs = await observablesBody(c);
    if (obs instanceof Response) return obs;
    return json(c, refer(obs, intel(c)));
  });
  const healthRoute = (c: C) => {
    const denied = need(c, 'integration/health:read');
    if (denied) return denied;
    return json(c, health(c.req.param('mid')));
  };
  app.on(['GET', 'POST'], '/iroh/iroh-enrich/health', healthRoute);
  app.on(['GET', 'POST'], '/iroh/iroh-enrich/health/:mid', healthRoute);

  // ---- Response ----
  app.post('/iroh/iroh-response/respond/observables', async (c) => {
    const denied = need(c, 'response/observables:read');
    if (denied) return denied;
    const obs = await observablesBody(c);
    if (obs instanceof Response) return obs;
    return json(c, responseActions(obs, intel(c)));
  });
  app.post('/iroh/iroh-response/respond/trigger/:mid/:action', (c) => {
    const denied = need(c, 'response/trigger:write');
    if (denied) return denied;
    const type = c.req.query('observable_type');
    const value = c.req.query('observable_value');
    if (!type || !value) {
      const problems: Record<string, string> = {};
      if (!type) problems['observable_type'] = 'missing-required-key';
      if (!value) problems['observable_value'] = 'missing-required-key';
      return json(c, problems, 400);
    }
    return json(c, trigger(c.req.param('mid'), c.req.param('action'), { type, value }, intel(c)));
  });

  // ---- CTIA entities: casebooks and incidents ----
  type Flavour = 'ctia' | 'iroh';
  const entityRoutes = (kind: EntityKind, prefix: string, flavour: Flavour) => {
    /** The route's capability in CTIA's terms, or the IROH wrapper's scope. */
    const deny = (c: C, verb: 'read' | 'search' | 'create' | 'delete'): Response | undefined => {
      if (flavour === 'ctia') return needCapability(c, `${verb}-${kind}`);
      return need(c, `private-intel/${kind}:${verb === 'read' || verb === 'search' ? 'read' : 'write'}`);
    };
    const viewer = (c: C) => ({ sub: c.get('auth').sub, orgId: c.get('auth').orgId });
    const load = (c: C, raw: string): Doc | undefined => {
      const doc = store.get(kind, shortId(raw));
      return doc && canSee(doc, viewer(c)) ? doc : undefined;
    };
    const notFound = (c: C) => json(c, { error: `${kind} not found` }, 404);
    const empty404 = () => new Response(null, { status: 404 });
    const invalid = (c: C, problems: Problems) =>
      flavour === 'ctia'
        ? json(c, errorsBody(problems), 400)
        : json(
            c,
            {
              error: 'invalid_request',
              error_description: problems
                .slice(0, 10)
                .map(([p, m]) => `${p}: ${m}`)
                .join('; '),
              trace_id: c.get('traceId'),
            },
            400,
          );
    const body = async (c: C): Promise<{ body: unknown } | Response> => {
      if (flavour === 'ctia') return ctiaBody(c);
      const b = await readJson(c);
      return b === BAD_JSON ? invalid(c, [['body', 'not JSON, or nested too deeply']]) : { body: b };
    };
    const fields = (c: C) => [...(c.req.queries('fields') ?? []), ...(c.req.queries('fields[]') ?? [])];
    const out = (c: C, doc: Doc) => render(baseUrl(c), kind, doc, fields(c));

    const searchParams = (c: C): SearchParams => {
      const q = c.req.query();
      const filters: Record<string, string[]> = {};
      for (const f of FILTERS[kind]) {
        const v = c.req.queries(f);
        if (v?.length) filters[f] = f === 'id' ? v.map(shortId) : v;
      }
      const limit = Math.min(Math.max(Number(q['limit'] ?? 100) || 0, 0), 10_000);
      const offset = Math.max(Number(q['offset'] ?? 0) || 0, 0);
      const searchAfter = [...(c.req.queries('search_after') ?? []), ...(c.req.queries('search_after[]') ?? [])];
      const query = [q['query'], q['simple_query']].filter(Boolean).join(' ');
      return {
        query,
        filters,
        sortBy: q['sort_by'],
        sortOrder: q['sort_order'] === 'asc' || q['sort_order'] === 'desc' ? q['sort_order'] : undefined,
        limit,
        offset,
        searchAfter: searchAfter.length ? searchAfter : undefined,
      };
    };
    const visible = (c: C) => store.list(kind).filter((d) => canSee(d, viewer(c)));

    app.get(`${prefix}/search/count`, (c) => {
      const denied = deny(c, 'search');
      if (denied) return denied;
      return json(c, search(visible(c), kind, { ...searchParams(c), limit: 0, offset: 0 }).total);
    });
    app.get(`${prefix}/search`, (c) => {
      const denied = deny(c, 'search');
      if (denied) return denied;
      const p = searchParams(c);
      if (p.offset + p.limit > 10_000 && !p.searchAfter) {
        return json(c, { error: 'offset + limit must not exceed 10000; use search_after' }, 400);
      }
      const page = search(visible(c), kind, p);
      return json(
        c,
        page.items.map((d) => out(c, d)),
        200,
        page.headers,
      );
    });
    app.get(`${prefix}/external_id/:eid`, (c) => {
      const denied = deny(c, 'read');
      if (denied) return denied;
      const eid = c.req.param('eid');
      const hits = visible(c).filter((d) => Array.isArray(d['external_ids']) && d['external_ids'].includes(eid));
      return json(
        c,
        hits.map((d) => out(c, d)),
      );
    });
    app.post(prefix, async (c) => {
      const denied = deny(c, 'create');
      if (denied) return denied;
      const read = await body(c);
      if (read instanceof Response) return read;
      const problems = validateEntity(kind, read.body, false);
      if (problems.length) return invalid(c, problems);
      const input = read.body as Doc;
      const auth = c.get('auth');
      const now = new Date(clock()).toISOString();
      const id = `${kind}-${randomUuid()}`;
      // As CTIA: only tlp and timestamp get defaults; a casebook without texts has none (not an empty list).
      const doc: Doc = {
        tlp: 'green',
        timestamp: now,
        ...input,
        id,
        type: kind,
        schema_version: CTIM_SCHEMA_VERSION,
        owner: auth.sub,
        groups: [auth.orgId],
        client_id: auth.clientId,
        created: now,
        modified: now,
      };
      store.transaction(() => store.put(kind, id, doc));
      const rendered = render(baseUrl(c), kind, doc);
      return json(c, rendered, 201, { Location: String(rendered['id']) });
    });
    app.get(`${prefix}/:id`, (c) => {
      const denied = deny(c, 'read');
      if (denied) return denied;
      const doc = load(c, c.req.param('id'));
      // CTIA answers an unknown id with an empty 404.
      return doc ? json(c, out(c, doc)) : empty404();
    });
    const update = (partial: boolean) => async (c: C) => {
      const denied = deny(c, 'create');
      if (denied) return denied;
      const read = await body(c);
      if (read instanceof Response) return read;
      const problems = validateEntity(kind, read.body, partial);
      if (problems.length) return invalid(c, problems);
      const result = store.transaction(() => {
        const doc = load(c, c.req.param('id') ?? '');
        if (!doc) return undefined;
        const input = read.body as Doc;
        const now = new Date(clock()).toISOString();
        const keep = {
          id: doc['id'],
          type: kind,
          schema_version: CTIM_SCHEMA_VERSION,
          owner: doc['owner'],
          groups: doc['groups'],
          client_id: doc['client_id'],
          created: doc['created'],
          modified: now,
        };
        // PATCH deep-merges (ctia flows/crud.clj: maps key by key at every depth, anything else replaced).
        let next: Doc = partial
          ? { ...deepMergeWith(doc, input, (_old, given) => given), ...keep }
          : { tlp: 'green', ...input, ...keep };
        if (kind === 'incident') next = statusChangeStamps(next, doc, now);
        store.put(kind, String(doc['id']), next);
        return next;
      });
      if (result) return json(c, out(c, result));
      // CTIA: PUT answers an unknown id with an empty 404, PATCH with {"error": "<kind> not found"}.
      return partial ? notFound(c) : empty404();
    };
    app.put(`${prefix}/:id`, update(false));
    app.patch(`${prefix}/:id`, update(true));
    app.delete(`${prefix}/:id`, (c) => {
      const denied = deny(c, 'delete');
      if (denied) return denied;
      const deleted = store.transaction(() => {
        const doc = load(c, c.req.param('id'));
        return doc ? store.delete(kind, String(doc['id'])) : false;
      });
      return deleted ? new Response(null, { status: 204 }) : empty404();
    });

    if (kind === 'incident') {
      app.post(`${prefix}/:id/status`, async (c) => {
        const denied = deny(c, 'create');
        if (denied) return denied;
        const read = await body(c);
        if (read instanceof Response) return read;
        const b = read.body as { status?: unknown } | null;
        const status = typeof b === 'object' && b ? b.status : undefined;
        if (typeof status !== 'string' || !(INCIDENT_STATUSES as readonly string[]).includes(status)) {
          return invalid(c, [
            ['status', `(not (#{${INCIDENT_STATUSES.map((x) => JSON.stringify(x)).join(' ')}} ${echo(status)}))`],
          ]);
        }
        const result = store.transaction(() => {
          const doc = load(c, c.req.param('id'));
          if (!doc) return undefined;
          const now = new Date(clock()).toISOString();
          const time = { ...(doc['incident_time'] as Record<string, string>), ...statusStamps(status, now) };
          const next = { ...doc, status, incident_time: time, modified: now };
          store.put('incident', String(doc['id']), next);
          return next;
        });
        // CTIA's status route answers an unknown id with an empty 404.
        return result ? json(c, out(c, result)) : empty404();
      });
    }
    return { load, notFound, invalid, out };
  };

  const cb = entityRoutes('casebook', '/ctia/casebook', 'ctia');
  for (const field of ['observables', 'texts', 'bundle'] as const) {
    app.post(`/ctia/casebook/:id/${field}`, async (c) => {
      const denied = needCapability(c, 'create-casebook');
      if (denied) return denied;
      const read = await ctiaBody(c);
      if (read instanceof Response) return read;
      const problems = patchOperationCheck(field, read.body);
      if (problems.length) return cb.invalid(c, problems);
      const { operation, [field]: given } = read.body as Record<string, unknown>;
      const op = operation as 'add' | 'remove' | 'replace';
      const listOp = (current: unknown, items: unknown) =>
        Array.isArray(items) ? applyOperation(Array.isArray(current) ? current : undefined, op, items) : items;
      // Read, change and write in one immediate transaction: concurrent adds never lose each other.
      const result = store.transaction(() => {
        const doc = cb.load(c, c.req.param('id'));
        if (!doc) return undefined;
        let value: unknown;
        if (field === 'bundle') {
          // ctia casebook.clj: the bundle patch is deep-merge-with the operation's list function.
          const current = (doc['bundle'] ?? {}) as Record<string, unknown>;
          const patch = given as Record<string, unknown>;
          value = op === 'replace' ? patch : deepMergeWith(current, patch, listOp);
        } else {
          value = applyOperation(
            Array.isArray(doc[field]) ? (doc[field] as unknown[]) : undefined,
            op,
            given as unknown[],
          );
        }
        const next = { ...doc, [field]: value, modified: new Date(clock()).toISOString() };
        store.put('casebook', String(doc['id']), next);
        return next;
      });
      return result ? json(c, cb.out(c, result)) : cb.notFound(c);
    });
  }

  entityRoutes('incident', '/ctia/incident', 'ctia');
  entityRoutes('incident', '/iroh/private-intel/incident', 'iroh');

  // ---- incident ↔ casebook links (ctia entity/relationship.clj incident-link-route) ----
  const LINK_CAPABILITIES = ['read-incident', 'read-relationship', 'create-relationship'] as const;
  app.post('/ctia/incident/:id/link', async (c) => {
    const denied = needCapability(c, LINK_CAPABILITIES);
    if (denied) return denied;
    const read = await ctiaBody(c);
    if (read instanceof Response) return read;
    const problems: Problems = [];
    const req = read.body;
    if (typeof req !== 'object' || req === null || Array.isArray(req))
      problems.push(['body', `(not (map? ${echo(req)}))`]);
    else {
      for (const [k, v] of Object.entries(req)) {
        if (!['casebook_id', 'investigation_id', 'tlp'].includes(k)) problems.push([k.slice(0, 100), 'disallowed-key']);
        else if (typeof v !== 'string') problems.push([k, `(not (string? ${echo(v)}))`]);
        else if (k === 'tlp' && !(TLPS as readonly string[]).includes(v)) problems.push([k, `(not (tlp? ${echo(v)}))`]);
      }
    }
    if (problems.length) return json(c, errorsBody(problems), 400);
    const link = req as { casebook_id?: string; investigation_id?: string; tlp?: string };
    const given = (['casebook_id', 'investigation_id'] as const).filter((k) => link[k] !== undefined);
    const sourceKey = given[0];
    if (given.length !== 1 || !sourceKey) {
      return json(
        c,
        {
          error:
            'Please provide exactly one of the following fields: casebook_id, investigation_id\n' +
            (given.length ? `Provided: ${given.join(', ')}` : 'None provided.'),
        },
        400,
      );
    }
    // A set in CTIA (`#{:read-casebook}`), so a list in the reply.
    const denied2 = needCapability(c, [sourceKey === 'casebook_id' ? 'read-casebook' : 'read-investigation']);
    if (denied2) return denied2;
    const incidentDoc = store.get('incident', shortId(c.req.param('id')));
    const viewer = { sub: c.get('auth').sub, orgId: c.get('auth').orgId };
    if (!incidentDoc || !canSee(incidentDoc, viewer)) return json(c, { error: 'Invalid Incident id' }, 404);
    // long-id->id: a short id (or anything but a CTIA URL) names no casebook.
    const sourceId = link[sourceKey]!;
    const parsed = parseLongId(sourceId);
    const source = parsed?.kind === 'casebook' ? store.get('casebook', parsed.short) : undefined;
    if (!source || !canSee(source, viewer)) {
      return json(c, { error: `Invalid ${sourceKey === 'casebook_id' ? 'Casebook' : 'Investigation'} id` }, 400);
    }
    const auth = c.get('auth');
    const now = new Date(clock()).toISOString();
    const id = `relationship-${randomUuid()}`;
    const rel: Doc = {
      id,
      type: 'relationship',
      schema_version: CTIM_SCHEMA_VERSION,
      relationship_type: 'related-to',
      source_ref: sourceId,
      target_ref: longId(baseUrl(c), 'incident', String(incidentDoc['id'])),
      tlp: link.tlp ?? 'amber',
      timestamp: now,
      owner: auth.sub,
      groups: [auth.orgId],
      client_id: auth.clientId,
      created: now,
      modified: now,
    };
    store.transaction(() => store.put('relationship', id, rel));
    const rendered = render(baseUrl(c), 'relationship', rel);
    return json(c, rendered, 201, { Location: String(rendered['id']) });
  });

  // ---- bundle export (ctia bundle/core.clj export-bundle) ----
  const exportBundle = async (c: C, ids: unknown, includeRelated: boolean) => {
    const denied = needCapability(c, EXPORT_CAPABILITIES);
    if (denied) return denied;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
      return json(c, errorsBody([['ids', 'missing-required-key']]), 400);
    }
    const viewer = { sub: c.get('auth').sub, orgId: c.get('auth').orgId };
    const base = baseUrl(c);
    const bundle: Record<string, unknown> = { type: 'bundle', source: 'ctia' };
    const seen = new Set<string>();
    const add = (kind: 'incident' | 'relationship', doc: Doc) => {
      const rendered = render(base, kind, doc);
      const key = String(rendered['id']);
      if (seen.has(key)) return;
      seen.add(key);
      const plural = `${kind === 'incident' ? 'incidents' : 'relationships'}`;
      ((bundle[plural] ??= []) as Doc[]).push(rendered);
    };
    // Casebooks are not bulk entities in CTIA: an exported bundle never has a casebooks key.
    const lookup = (id: string): { kind: string; doc: Doc } | undefined => {
      const parsed = parseLongId(id) ?? { kind: shortId(id).replace(/-[0-9a-f-]{36}$/, ''), short: shortId(id) };
      if (parsed.kind !== 'incident' && parsed.kind !== 'relationship' && parsed.kind !== 'casebook') return undefined;
      const doc = store.get(parsed.kind, parsed.short);
      return doc && canSee(doc, viewer) ? { kind: parsed.kind, doc } : undefined;
    };
    const records = [...new Set(ids as string[])].map(lookup).filter((r) => r !== undefined);
    for (const r of records) if (r.kind !== 'casebook') add(r.kind as 'incident' | 'relationship', r.doc);
    if (includeRelated) {
      const recordIds = new Set(records.map((r) => longId(base, r.kind as EntityKind, String(r.doc['id']))));
      for (const rel of store.list('relationship')) {
        if (!canSee(rel, viewer)) continue;
        const src = String(rel['source_ref']);
        const tgt = String(rel['target_ref']);
        const touches = [src, tgt].some(
          (ref) => recordIds.has(ref) || records.some((r) => shortId(ref) === r.doc['id']),
        );
        if (!touches) continue;
        add('relationship', rel);
        for (const ref of [src, tgt]) {
          const node = lookup(ref);
          if (node && node.kind === 'incident') add('incident', node.doc);
        }
      }
    }
    return json(c, bundle);
  };
  app.get('/ctia/bundle/export', (c) =>
    exportBundle(
      c,
      [...(c.req.queries('ids') ?? []), ...(c.req.queries('ids[]') ?? [])],
      c.req.query('include_related_entities') !== 'false',
    ),
  );
  app.post('/ctia/bundle/export', async (c) => {
    const read = await ctiaBody(c);
    if (read instanceof Response) return read;
    const b = (read.body ?? {}) as { ids?: unknown; include_related_entities?: unknown };
    return exportBundle(c, b.ids, b.include_related_entities !== false);
  });

  // ---- lookup pages that the refer links and judgement source_uri open ----
  app.get('/ui/:module/:type/:value', (c) => {
    const o = { type: c.req.param('type'), value: c.req.param('value') };
    const mod = MODULES.find((m) => m.key === c.req.param('module'));
    const data = describe(c.req.param('module'), o, intel(c));
    if (!mod || !data) return c.text('Not found', 404);
    const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    return c.html(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${esc(mod.module)}: ${esc(o.value)}</title>` +
        `<body style="font-family:system-ui;margin:2rem"><h1>${esc(mod.module)}</h1><p>${esc(o.type)} <code>${esc(o.value)}</code></p>` +
        `<p>This page is served by the Pivotkit emulator; a real module would show its own console here.</p>` +
        `<pre>${esc(JSON.stringify(data, null, 2))}</pre></body></html>`,
    );
  });

  // ---- control: faults, reset, clock (never part of the real API) ----
  if (options.control !== false) {
    // JSON only: a cross-site "simple" POST (form or text/plain, no preflight) cannot reach these.
    app.use('/__control/*', async (c, next) => {
      if (c.req.method === 'POST' && !(c.req.header('content-type') ?? '').includes('application/json')) {
        return json(c, { error: 'invalid_request', error_description: 'Send Content-Type: application/json' }, 415);
      }
      return next();
    });
    app.post('/__control/faults', async (c) => {
      const body = await readJson(c);
      try {
        faults.set(body === BAD_JSON || body === null ? {} : (body as FaultConfig));
      } catch (e) {
        return json(c, { error: 'invalid_faults', error_description: (e as Error).message }, 400);
      }
      return json(c, { faults: faults.config });
    });
    app.get('/__control/faults', (c) => json(c, { faults: faults.config }));
    app.post('/__control/reset', async (c) => {
      const body = (await readJson(c)) as { rotateKey?: unknown } | null | typeof BAD_JSON;
      emulator.reset({ rotateKey: body !== BAD_JSON && body !== null && body.rotateKey === true });
      return json(c, { reset: true });
    });
    app.post('/__control/clock', async (c) => {
      const body = (await readJson(c)) as { advanceMs?: unknown } | typeof BAD_JSON;
      const ms = body !== BAD_JSON && body && typeof body.advanceMs === 'number' ? body.advanceMs : NaN;
      if (!Number.isFinite(ms)) return json(c, { error: 'invalid_request', error_description: 'advanceMs' }, 400);
      offset += ms;
      return json(c, { now: new Date(clock()).toISOString() });
    });
  }

  const emulator: Emulator = {
    app,
    fetch: (request, env) => Promise.resolve(app.fetch(request, env)),
    faults,
    advanceClock(ms) {
      offset += ms;
    },
    reset(opts = {}) {
      store.transaction(() => {
        // Tokens handed out before a reset stay valid unless asked otherwise: tests reset between cases while a
        // page-wide client keeps its session.
        const key = opts.rotateKey ? undefined : store.get('meta', 'signing-key');
        store.clear();
        if (key) store.put('meta', 'signing-key', key);
      });
      if (opts.rotateKey) tokens.reset();
      faults.clear();
      offset = 0;
      seed(store, clock());
    },
  };
  return emulator;
}

const BAD_JSON = Symbol('bad-json');

/** The JSON body (`null` when empty), or BAD_JSON when it does not parse or nests deeper than MAX_JSON_DEPTH. */
async function readJson(c: C): Promise<unknown> {
  try {
    const text = await c.req.text();
    if (text.trim() === '') return null;
    const value = JSON.parse(text) as unknown;
    return tooDeep(value, MAX_JSON_DEPTH) ? BAD_JSON : value;
  } catch {
    return BAD_JSON;
  }
}

/** Whether a request is for CTIA (`/ctia/…`), which words its errors differently from IROH. */
function isCtia(c: C): boolean {
  return c.req.path.startsWith('/ctia/');
}

/** The capabilities of CTIA's bundle export (ctia bundle/routes.clj), which needs read access to every entity. */
const EXPORT_CAPABILITIES = [
  'read-incident',
  'list-incidents',
  'read-relationship',
  'list-relationships',
  'read-casebook',
  'read-judgement',
  'list-judgements',
  'read-sighting',
  'list-sightings',
  'read-indicator',
  'list-indicators',
];

/**
 * The scopes that grant a CTIA capability (ctia auth/jwt.clj): `private-intel[/<entity>]` for any entity, and
 * `casebook` too for casebook ones; read, search and list need `:read`, create and delete `:write`.
 */
export function capabilityScopes(capability: string): string[] {
  const m = /^(read|search|list|create|delete)-(.+)$/.exec(capability);
  if (!m) return [];
  const suffix = m[1] === 'create' || m[1] === 'delete' ? ':write' : ':read';
  const entity = m[1] === 'list' ? m[2]!.replace(/s$/, '') : m[2]!;
  return entity === 'casebook'
    ? [`casebook${suffix}`, `private-intel/casebook${suffix}`]
    : [`private-intel/${entity}${suffix}`];
}

/** The incident_time fields a status stamps (ctia entity/incident.clj make-status-update). */
export function statusStamps(status: string, now: string): Record<string, string> {
  const verbs =
    status === 'Containment Achieved' || status === 'Restoration Achieved'
      ? ['remediated']
      : status === 'Rejected'
        ? ['rejected']
        : status === 'Incident Reported'
          ? ['reported']
          : status === 'Open: Contained'
            ? ['opened', 'contained']
            : /^Open(: .+)?$/.test(status)
              ? ['opened']
              : /^Closed(: .+)?$/.test(status)
                ? ['closed']
                : [];
  return Object.fromEntries(verbs.map((v) => [v, now]));
}

/**
 * PUT and PATCH that change an incident's status stamp what the status stamps, but only the incident_time
 * fields the new document does not set itself (ctia incident.clj apply-status-update-logic).
 */
function statusChangeStamps(next: Doc, prev: Doc, now: string): Doc {
  const status = next['status'];
  if (typeof status !== 'string' || status === prev['status']) return next;
  const time = (next['incident_time'] ?? {}) as Record<string, string>;
  return { ...next, incident_time: { ...statusStamps(status, now), ...time } };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function tokenError(c: C, status: number, error: string, description: string, headers: Record<string, string> = {}) {
  return json(c, { error, error_description: description }, status, {
    'Cache-Control': 'no-store',
    ...headers,
  });
}

export { longId };
