import { ApiShapeError } from './errors/api-shape-error.js';
import { AuthError } from './errors/auth-error.js';
import { HttpStatusError } from './errors/http-status-error.js';
import { NetworkError } from './errors/network-error.js';
import { PivotkitConfigError } from './errors/pivotkit-config-error.js';
import { PivotkitError, type RequestSummary } from './errors/pivotkit-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import {
  errorBody,
  parseJson,
  send,
  summarize,
  throwIfAborted,
  toAuthError,
  toHttpError,
  type Exchange,
  type Transport,
} from './internal/http.js';
import { TokenManager, type Grant } from './internal/token.js';
import { hasDotSegment, longIdOf, parseLongId, segment, shortIdOf, type EntityKind } from './internal/path.js';
import type { Observable } from './observable.js';
import { REGIONS, isRegion } from './regions.js';
import type { Region } from './types.js';
import { missingScopesFor } from './scopes.js';
import { defaultVerdictCache } from './cache.js';
import type * as Checks from './internal/checks.js';
import type {
  ActionsResult,
  Bundle,
  CallOptions,
  Casebook,
  ClientOptions,
  EnrichOptions,
  EnrichResult,
  Incident,
  IncidentStatus,
  InvalidItem,
  ModuleError,
  ModuleResult,
  ObservableVerdict,
  Page,
  Session,
  PivotkitApiClient,
  NewIncident,
  Relationship,
  ReferResult,
  ResponseAction,
  TokenResponse,
  TriggerResult,
  VerdictCache,
} from './types.js';
import { deriveVerdicts, mergeModules, observableKey, unknownVerdict } from './verdict.js';
import type * as z from 'zod/mini';

type Service = 'visibility' | 'privateIntel';

/** The reply checks (zod/mini and the schemas), loaded on first use: see `internal/checks.ts`. */
type Checks = typeof Checks;

interface Call<Sc extends z.ZodMiniType | undefined> {
  service: Service;
  method: Exchange['method'];
  path: string;
  query?: [string, string][];
  json?: unknown;
  idempotent?: boolean;
  /** The schema the reply must match, picked from the checks once they are loaded. */
  schema: Sc extends z.ZodMiniType ? (checks: Checks) => Sc : undefined;
  signal?: AbortSignal;
}

let checksLoading: Promise<Checks> | undefined;
/**
 * The reply checks, imported once for every client; a failed import (the page went offline before the chunk came)
 * is a {@link NetworkError} of the call that needed it, and the next call tries again.
 */
function loadChecks(request: RequestSummary): Promise<Checks> {
  checksLoading ??= import('./internal/checks.js');
  const loading = checksLoading.catch((e: unknown) => {
    checksLoading = undefined;
    throw new NetworkError(request, { cause: e });
  });
  // Started before the request: when the request fails first, nobody awaits this one.
  loading.catch(() => undefined);
  return loading;
}

/** application/x-www-form-urlencoded, as the WHATWG URL standard serializes it (space as `+`). */
const formEncode = (s: string) => new URLSearchParams([['', s]]).toString().slice(1);

/**
 * HTTP Basic credentials for the token request. RFC 6749 §2.3.1: the client id and secret are encoded with
 * application/x-www-form-urlencoded before they are joined with `:` and base64-encoded, so a secret with `:`,
 * `+`, `%` or non-ASCII characters reaches the server intact (the emulator and the relay decode them so).
 */
function basicCredentials(id: string, secret: string): string {
  return base64(`${formEncode(id)}:${formEncode(secret)}`);
}

/** base64 of a string's UTF-8 bytes. */
const base64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

function baseOf(url: string, name: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PivotkitConfigError(`baseUrls.${name} is not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new PivotkitConfigError(`baseUrls.${name} must be http(s), not ${u.protocol}`);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.search = '';
  u.hash = '';
  return u;
}

/**
 * Runs `fn` under the client's timeout: a token provider that never settles fails the calls waiting on it with
 * {@link TimeoutError} instead of leaving them pending.
 */
function withTimeout<T>(fn: () => Promise<T>, ms: number | false): Promise<T> {
  if (ms === false) return fn();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new TimeoutError({ method: 'CALL', path: 'tokenProvider', host: '' }, ms, 'the token provider')),
      ms,
    );
    Promise.resolve()
      .then(fn)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `tasks` with at most `limit` in flight; rejects with the first failure. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure, the tasks not started yet are not started at all.
    while (next < tasks.length && !failed) {
      const i = next++;
      try {
        results[i] = await tasks[i]!();
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

function dedupe(observables: readonly Observable[]): Observable[] {
  const seen = new Map<string, Observable>();
  for (const o of observables) {
    const k = observableKey(o);
    if (!seen.has(k)) seen.set(k, { type: o.type, value: o.value });
  }
  return [...seen.values()];
}

function parseNext(header: string | null): Page<never>['next'] {
  if (!header) return undefined;
  const q = new URLSearchParams(header.replace(/^[^?]*\?/, ''));
  const offset = q.get('offset');
  const after = q.getAll('search_after');
  const next: NonNullable<Page<never>['next']> = {};
  if (offset !== null && /^\d+$/.test(offset)) next.offset = Number(offset);
  if (after.length) next.searchAfter = after;
  return next;
}

function checkOptions(o: ClientOptions): void {
  if (!o || typeof o !== 'object') throw new PivotkitConfigError('createClient needs an options object');
  if (o.credentials && o.tokenProvider)
    throw new PivotkitConfigError('pass either credentials or tokenProvider, not both');
  if (!o.credentials && !o.tokenProvider)
    throw new PivotkitConfigError('pass credentials ({ clientId, clientSecret }) or a tokenProvider');
  if (o.credentials && (!o.credentials.clientId || !o.credentials.clientSecret))
    throw new PivotkitConfigError('credentials need a non-empty clientId and clientSecret');
  if (o.tokenProvider && typeof o.tokenProvider !== 'function')
    throw new PivotkitConfigError('tokenProvider must be a function returning a token');
  if (o.region !== undefined && !isRegion(o.region))
    throw new PivotkitConfigError(`region must be 'nam', 'eu' or 'apjc', not ${JSON.stringify(o.region)}`);
  if (o.region !== undefined && o.baseUrls) throw new PivotkitConfigError('pass either region or baseUrls, not both');
  if (o.timeout !== undefined && o.timeout !== false && !(o.timeout > 0))
    throw new PivotkitConfigError('timeout must be a positive number of ms, or false');
  if (o.retry !== undefined && !(Number.isInteger(o.retry) && o.retry >= 0))
    throw new PivotkitConfigError('retry must be a whole number ≥ 0');
  if (o.batchSize !== undefined && !(Number.isInteger(o.batchSize) && o.batchSize > 0))
    throw new PivotkitConfigError('batchSize must be a whole number ≥ 1');
  if (o.concurrency !== undefined && !(Number.isInteger(o.concurrency) && o.concurrency > 0))
    throw new PivotkitConfigError('concurrency must be a whole number ≥ 1');
}

/**
 * Creates a Threat Response / XDR client. Nothing is sent until the first call (or `signIn()`).
 * @example
 * const client = createClient({ region: 'eu', credentials: { clientId, clientSecret } });
 * const observables = await client.inspect('Seen 203.0.113.7 calling evil.example');
 * const { verdicts } = await client.enrich.deliberate(observables);
 * @throws {PivotkitConfigError} when the options are inconsistent (both or neither auth method, bad URL…).
 */
export function createClient(options: ClientOptions): PivotkitApiClient {
  checkOptions(options);
  const hosts = REGIONS[options.region ?? 'nam'];
  const bases: Record<Service, URL> = options.baseUrls
    ? {
        visibility: baseOf(options.baseUrls.visibility, 'visibility'),
        privateIntel: baseOf(options.baseUrls.privateIntel, 'privateIntel'),
      }
    : {
        visibility: baseOf(hosts.visibility, 'visibility'),
        privateIntel: baseOf(hosts.privateIntel, 'privateIntel'),
      };
  const userFetch = options.fetch;
  const transport: Transport = {
    // Called as a plain function: a browser's fetch throws "Illegal invocation" when called as a method of an object.
    fetch: userFetch ? (r) => userFetch(r) : (r) => globalThis.fetch(r),
    timeout: options.timeout ?? 10_000,
    retry: options.retry ?? 2,
    ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
  };
  const now = options.clock ?? Date.now;
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 4;
  const cache: VerdictCache | undefined =
    options.cache === false ? undefined : (options.cache ?? defaultVerdictCache({ now }));
  /** Bumped by signOut(): an enrich that started before it does not write its verdicts afterwards. */
  let cacheEpoch = 0;
  /**
   * Cached verdicts belong to one identity: the host, the org the token names and the client (a client id belongs
   * to one org). A session that names neither (a bare token from a provider) gets no cache at all rather than one
   * shared with another identity.
   */
  const cachePrefixFor = (session: Session): string | undefined =>
    !session.orgId && !session.clientId
      ? undefined
      : `${bases.visibility.origin}${bases.visibility.pathname}|${session.orgId}|${session.clientId ?? ''}|`;
  const region: Region | undefined =
    options.region ??
    (options.baseUrls
      ? (Object.keys(REGIONS) as Region[]).find(
          (r) => baseOf(REGIONS[r].visibility, 'visibility').href === bases.visibility.href,
        )
      : 'nam');

  const url = (service: Service, path: string, query?: [string, string][]) => {
    // Every variable part of a path went through segment(); this is the last guard before the path is resolved.
    if (hasDotSegment(path)) throw new PivotkitConfigError(`refused a path with a dot segment`);
    const u = new URL(path.replace(/^\/+/, ''), bases[service]);
    for (const [k, v] of query ?? []) u.searchParams.append(k, v);
    return u;
  };

  // The secret lives only in this closure: never on an object, an error or a log line.
  const source: () => Promise<Grant> = options.credentials
    ? (() => {
        const { clientId, clientSecret } = options.credentials;
        const basic = basicCredentials(clientId, clientSecret);
        const authorization = `Basic ${basic}`;
        // Every form in which a token endpoint (or a proxy in front of it) might quote the secret back: raw,
        // form- or percent-encoded, and inside base64(id:secret) (both the encoded and the raw pair).
        const secretForms = [
          basic,
          base64(`${clientId}:${clientSecret}`),
          clientSecret,
          formEncode(clientSecret),
          encodeURIComponent(clientSecret),
        ];
        const scrub = (text: string) => {
          let out = text;
          for (const f of secretForms) out = out.split(f).join('[redacted]');
          return out;
        };
        const clean = (v: unknown) => (typeof v === 'string' ? scrub(v).slice(0, 200) : undefined);
        return async () => {
          const u = url('visibility', 'iroh/oauth2/token');
          const summary = summarize('POST', u);
          const checks = loadChecks(summary);
          const res = await send(transport, {
            method: 'POST',
            url: u,
            headers: {
              authorization,
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
            },
            body: 'grant_type=client_credentials',
            idempotent: true,
          });
          // A 4xx is the credentials or the request, except 408 and 429: the service was busy, which says nothing
          // about the credentials (a RateLimitedError with its Retry-After, or an HttpStatusError, below).
          if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
            const body = errorBody(res);
            const code = clean(body?.error);
            const desc = clean(body?.error_description);
            const why =
              code === 'invalid_client' || (!code && res.status === 401)
                ? 'the client ID or secret is wrong'
                : `the token endpoint refused the request with HTTP ${res.status}`;
            throw new AuthError(
              `Sign-in failed: ${why}${code ? ` (${code}${desc ? `: ${desc}` : ''})` : ''}. ` +
                'Check the API client credentials and the region.',
              res.status,
              code,
            );
          }
          if (!res.ok) throw toHttpError(res, summary, now(), scrub);
          const token = parseJson(res, (await checks).S.tokenResponse, summary);
          return { token, clientId };
        };
      })()
    : (() => {
        const provider = options.tokenProvider!;
        return async () => {
          let got: string | TokenResponse;
          try {
            got = await withTimeout(provider, transport.timeout);
          } catch (e) {
            if (e instanceof TimeoutError) throw e;
            throw new AuthError('Sign-in failed: the token provider threw. See `cause`.', undefined, undefined, {
              cause: e,
            });
          }
          if (typeof got === 'string') {
            if (!got) throw new AuthError('Sign-in failed: the token provider returned an empty token.');
            return { token: { access_token: got } };
          }
          const { S } = await loadChecks(summarize('POST', url('visibility', 'iroh/oauth2/token')));
          const r = S.tokenResponse.safeParse(got);
          if (!r.success)
            throw new AuthError(
              'Sign-in failed: the token provider must return a token string or { access_token, expires_in?, scope? }.',
            );
          return { token: r.data };
        };
      })();
  const tokens = new TokenManager(source, now);

  /** An authenticated call: bearer token, one refresh and retry on 401, typed errors, checked reply. */
  async function call<Sc extends z.ZodMiniType>(
    c: Call<Sc>,
  ): Promise<{ data: z.output<Sc>; headers: Headers; checks: Checks }>;
  async function call(c: Call<undefined>): Promise<{ data: undefined; headers: Headers }>;
  async function call(
    c: Call<z.ZodMiniType> | Call<undefined>,
  ): Promise<{ data: unknown; headers: Headers; checks?: Checks }> {
    const u = url(c.service, c.path, c.query);
    const summary = summarize(c.method, u);
    // Loaded while the request is under way (see loadChecks).
    const loading = c.schema ? loadChecks(summary) : undefined;
    for (let attempt = 0; ; attempt++) {
      const { token, generation } = await tokens.get(c.signal);
      const res = await send(transport, {
        method: c.method,
        url: u,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        json: c.json,
        idempotent: c.idempotent ?? false,
        signal: c.signal,
      });
      if (res.status === 401) {
        if (attempt === 0) {
          tokens.invalidate(generation);
          continue;
        }
        throw toAuthError(res, summary);
      }
      if (!res.ok) throw toHttpError(res, summary, now());
      if (!c.schema || !loading) return { data: undefined, headers: res.headers };
      const checks = await loading;
      return { data: parseJson(res, c.schema(checks), summary), headers: res.headers, checks };
    }
  }

  /** Module instance ids seen in replies, per enrich kind: later calls with `onModule` fan out per module. */
  const seenMids: Record<'deliberate' | 'observe', Set<string>> = { deliberate: new Set(), observe: new Set() };

  async function enrich(
    kind: 'deliberate' | 'observe',
    observables: Observable[],
    opts: EnrichOptions & { fresh?: boolean } = {},
  ): Promise<EnrichResult> {
    throwIfAborted(opts.signal);
    const all = dedupe(observables);
    const cached: ObservableVerdict[] = [];
    let todo = all;
    // The cache serves nothing before a successful sign-in, and only this identity's entries.
    const epoch = cacheEpoch;
    // The module set asked, in a stable order: part of the cache key, so that a verdict derived from other
    // modules is never served.
    const only = opts.mids?.length ? [...new Set(opts.mids.filter((m) => m !== ''))].sort() : [];
    const identity =
      kind === 'deliberate' && cache ? cachePrefixFor((await tokens.get(opts.signal)).session) : undefined;
    const cachePrefix =
      identity === undefined ? undefined : only.length ? `${identity}mids=${only.join(',')}|` : identity;
    if (cachePrefix !== undefined && cache && !opts.fresh) {
      todo = [];
      const keys = all.map((o) => cachePrefix + observableKey(o));
      const hits = await (cache.getMany ? cache.getMany(keys) : Promise.all(keys.map((k) => cache.get(k)))).catch(() =>
        keys.map(() => undefined),
      );
      all.forEach((o, i) => (hits[i] ? cached.push(hits[i]) : todo.push(o)));
    }
    const parts: ModuleResult[] = [];
    const errors: ModuleError[] = [];
    const mids = opts.onModule ? (only.length ? only : [...seenMids[kind]]) : [];
    const tasks = chunk(todo, batchSize).flatMap((batch) =>
      (mids.length ? mids : [undefined]).map((mid) => async () => {
        let env: z.output<Checks['looseEnvelope']>;
        let checks: Checks;
        const query = (mid ? [mid] : only).map((m): [string, string] => ['mids', m]);
        try {
          ({ data: env, checks } = await call({
            service: 'visibility',
            method: 'POST',
            path: `iroh/iroh-enrich/${kind}/observables`,
            ...(query.length ? { query } : {}),
            json: batch,
            idempotent: true,
            schema: (v) => v.looseEnvelope,
            signal: opts.signal,
          }));
        } catch (e) {
          // When fanned out per module, one module's server trouble is that module's error, not the call's.
          const transient =
            e instanceof TimeoutError ||
            e instanceof NetworkError ||
            (e instanceof HttpStatusError && (e.status >= 500 || e.status === 429));
          if (!mid || !transient) throw e;
          errors.push({ moduleInstanceId: mid, moduleTypeId: '', code: e.name, message: e.message, type: 'error' });
          return;
        }
        const { modules: got, errors: bad } = checks.readEnrichEnvelope(env);
        for (const m of got) {
          seenMids[kind].add(m.moduleInstanceId);
          parts.push(m);
          opts.onModule?.(m);
        }
        for (const e of bad) {
          if (e.moduleInstanceId) seenMids[kind].add(e.moduleInstanceId);
          errors.push(e);
        }
      }),
    );
    await pool(tasks, concurrency);
    const modules = mergeModules(parts);
    const derived = new Map(deriveVerdicts(modules, now()).map((v) => [observableKey(v.observable), v]));
    const fresh: ObservableVerdict[] = todo.map((o) => derived.get(observableKey(o)) ?? unknownVerdict(o));
    // Verdicts the modules returned for observables nobody asked about (e.g. a URL's domain) are kept too.
    const asked = new Set(todo.map(observableKey));
    for (const [k, v] of derived) if (!asked.has(k)) fresh.push(v);
    if (cachePrefix !== undefined && cache && errors.length === 0 && epoch === cacheEpoch) {
      const entries = fresh.map((v): [string, ObservableVerdict] => [cachePrefix + observableKey(v.observable), v]);
      await (cache.setMany ? cache.setMany(entries) : Promise.all(entries.map(([k, v]) => cache.set(k, v)))).catch(
        () => undefined,
      );
    }
    const verdicts = [...cached, ...fresh];
    const index = new Map(verdicts.map((v) => [observableKey(v.observable), v]));
    return { modules, errors, verdicts, verdictFor: (o: Observable) => index.get(observableKey(o)) };
  }

  async function batched<T>(
    observables: Observable[],
    path: string,
    item: (checks: Checks) => z.ZodMiniType<T>,
    what: string,
    signal: AbortSignal | undefined,
  ): Promise<{ items: T[]; errors: ModuleError[] }> {
    throwIfAborted(signal);
    const replies = await pool(
      chunk(dedupe(observables), batchSize).map(
        (batch) => () =>
          call({
            service: 'visibility',
            method: 'POST',
            path,
            json: batch,
            idempotent: true,
            schema: (v) => v.looseEnvelope,
            signal,
          }),
      ),
      concurrency,
    );
    const errors: ModuleError[] = [];
    const items = replies.flatMap(({ data, checks }) =>
      checks.readItems(data.data, item(checks), what, checks.readErrors(data.errors, errors)),
    );
    return { items, errors };
  }

  /** `ctia/<kind>/<short id>[/rest]`: the id (short, or long as read back from storage) checked first. */
  const entityPath = (kind: EntityKind, id: string, rest = '') =>
    `ctia/${kind}/${segment(shortIdOf(id, kind), `a ${kind} id`)}${rest}`;
  const casebookPath = (id: string, rest = '') => entityPath('casebook', id, rest);
  const incidentPath = (id: string, rest = '') => entityPath('incident', id, rest);
  /**
   * An entity as read: the short `id` beside `longId`, the id exactly as the service returned it (a short one gets
   * a long form under this client's private-intel host). An id that is neither form is refused: it would later go
   * into a path.
   */
  const withIds = <T extends { id: string }>(kind: EntityKind, e: T): T & { longId: string } => {
    try {
      return { ...e, id: shortIdOf(e.id, kind), longId: longIdOf(e.id, kind, bases.privateIntel) };
    } catch {
      throw new ApiShapeError({ method: 'GET', path: `/ctia/${kind}`, host: bases.privateIntel.host }, 'id', [
        { path: 'id', message: `not a ${kind} id` },
      ]);
    }
  };
  const asCasebook = (c: z.output<Checks['S']['casebook']>) => withIds('casebook', c) as Casebook;
  const asIncident = (c: z.output<Checks['S']['incident']>) => withIds('incident', c) as Incident;
  /** An outgoing entity body: `longId` is the SDK's, not a CTIM field (CTIA refuses unknown keys). */
  const body = <T extends object>(e: T): Omit<T, 'longId'> => {
    const { longId: _drop, ...rest } = e as T & { longId?: unknown };
    return rest;
  };
  /** The long id to reference an entity by (CTIA wants URLs there): its `longId`, a long id, or a short id placed. */
  const referenceOf = (ref: string | { longId: string }, kind?: EntityKind): string => {
    const id = typeof ref === 'string' ? ref.trim() : ref?.longId;
    const long = parseLongId(id);
    if (long && (!kind || long.kind === kind)) return id;
    return longIdOf(id, kind ?? (String(id).startsWith('incident-') ? 'incident' : 'casebook'), bases.privateIntel);
  };
  const toAction = (a: z.output<Checks['S']['action']>): ResponseAction => ({
    module: a.module,
    moduleInstanceId: a.module_instance_id,
    moduleTypeId: a.module_type_id,
    id: a.id,
    title: a.title,
    description: a.description,
    url: a.url,
    categories: a.categories ?? [],
  });

  const client: PivotkitApiClient = {
    region,
    get clientId() {
      return options.credentials?.clientId ?? tokens.session?.clientId;
    },
    async signIn(opts) {
      return (await tokens.get(opts?.signal)).session;
    },
    get session() {
      return tokens.session;
    },
    can(feature) {
      const s = tokens.session;
      if (!s) return false;
      return s.scopesUnknown === true || missingScopesFor(s.scopes, feature).length === 0;
    },
    missingScopes(feature) {
      const s = tokens.session;
      if (s?.scopesUnknown) return [];
      return missingScopesFor(s?.scopes ?? [], feature);
    },
    signOut() {
      tokens.clear();
      // Cached intel goes with the session: verdicts (and the module ids seen) are this identity's.
      cacheEpoch++;
      seenMids.deliberate.clear();
      seenMids.observe.clear();
      void Promise.resolve()
        .then(() => cache?.clear?.())
        .catch(() => undefined);
    },

    async inspect(text, opts) {
      const { data } = await call({
        service: 'visibility',
        method: 'POST',
        path: 'iroh/iroh-inspect/inspect',
        json: { content: text },
        idempotent: true,
        schema: (v) => v.S.inspectResponse,
        signal: opts?.signal,
      });
      return data.map((o) => ({ type: o.type, value: o.value }));
    },

    enrich: {
      deliberate: (observables, opts) => enrich('deliberate', observables, opts),
      observe: (observables, opts) => enrich('observe', observables, opts),
      async refer(observables, opts): Promise<ReferResult> {
        const { items, errors } = await batched(
          observables,
          'iroh/iroh-enrich/refer/observables',
          (v) => v.S.ref,
          'a refer link',
          opts?.signal,
        );
        return {
          links: items.map((r) => ({
            module: r.module,
            moduleInstanceId: r.module_instance_id,
            id: r.id,
            title: r.title,
            description: r.description,
            url: r.url,
            categories: r.categories ?? [],
          })),
          errors,
        };
      },
    },

    response: {
      async actions(observables, opts): Promise<ActionsResult> {
        const { items, errors } = await batched(
          observables,
          'iroh/iroh-response/respond/observables',
          (v) => v.S.action,
          'a response action',
          opts?.signal,
        );
        return { actions: items.map(toAction), errors };
      },
      async forSighting(sighting, opts): Promise<ActionsResult> {
        const { data, checks } = await call({
          service: 'visibility',
          method: 'POST',
          path: 'iroh/iroh-response/respond/sighting',
          json: sighting,
          idempotent: true,
          schema: (v) => v.looseEnvelope,
          signal: opts?.signal,
        });
        const errors = checks.readErrors(data.errors);
        return {
          actions: checks.readItems(data.data, checks.S.action, 'a response action', errors).map(toAction),
          errors,
        };
      },
      async trigger(action: ResponseAction, opts): Promise<TriggerResult> {
        const base = new URL('iroh/iroh-response/', bases.visibility);
        let target: URL;
        if (/^[a-z][a-z0-9+.-]*:/i.test(action.url) || action.url.startsWith('//')) {
          target = new URL(action.url);
          if (
            target.host !== bases.visibility.host ||
            target.protocol !== bases.visibility.protocol ||
            !target.pathname.startsWith(bases.visibility.pathname)
          )
            throw new PivotkitError(
              `Refused to trigger "${action.title}": its URL is on ${target.host}, not the Threat Response host ${bases.visibility.host}.`,
            );
        } else {
          target = new URL(action.url.replace(/^\/+/, ''), base);
          if (!target.pathname.startsWith(base.pathname) || target.host !== base.host)
            throw new PivotkitError(`Refused to trigger "${action.title}": its URL leaves /iroh/iroh-response.`);
        }
        const path = target.pathname.slice(bases.visibility.pathname.length);
        const { data, checks } = await call({
          service: 'visibility',
          method: 'POST',
          path,
          query: [...target.searchParams],
          idempotent: false,
          schema: (v) => v.looseTriggerEnvelope,
          signal: opts?.signal,
        });
        // An errors-only reply is valid: the action did not succeed, and the errors say why.
        return { status: data.data?.status ?? 'failure', errors: checks.readErrors(data.errors) };
      },
    },

    bundle: { export: (ids, opts) => exportBundle(ids, opts) },

    casebooks: {
      async create(input, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'POST',
          path: 'ctia/casebook',
          query: [['wait_for', 'true']],
          json: body(input),
          schema: (v) => v.S.casebook,
          signal: opts?.signal,
        });
        return asCasebook(data);
      },
      async get(id, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'GET',
          path: casebookPath(id),
          idempotent: true,
          schema: (v) => v.S.casebook,
          signal: opts?.signal,
        });
        return asCasebook(data);
      },
      async list(params = {}, opts) {
        const query: [string, string][] = [];
        if (params.query) query.push(['query', params.query]);
        if (params.limit !== undefined) query.push(['limit', String(params.limit)]);
        if (params.offset !== undefined) query.push(['offset', String(params.offset)]);
        for (const s of params.searchAfter ?? []) query.push(['search_after', s]);
        if (params.sortBy) query.push(['sort_by', params.sortBy]);
        if (params.sortOrder) query.push(['sort_order', params.sortOrder]);
        const { data, headers, checks } = await call({
          service: 'privateIntel',
          method: 'GET',
          path: 'ctia/casebook/search',
          query,
          idempotent: true,
          schema: (v) => v.looseList,
          signal: opts?.signal,
        });
        return page(checks.readListItems(data, checks.S.casebook, 'a casebook', asCasebook), headers);
      },
      async update(id, patch, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'PATCH',
          path: casebookPath(id),
          query: [['wait_for', 'true']],
          json: body(patch),
          // PATCH here replaces the given fields: sending it twice changes nothing more.
          idempotent: true,
          schema: (v) => v.S.casebook,
          signal: opts?.signal,
        });
        return asCasebook(data);
      },
      async count(params = {}, opts) {
        return count('ctia/casebook/search/count', params.query ? [['query', params.query]] : [], opts);
      },
      async replace(id, casebook, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'PUT',
          path: casebookPath(id),
          query: [['wait_for', 'true']],
          json: body(casebook),
          idempotent: true,
          schema: (v) => v.S.casebook,
          signal: opts?.signal,
        });
        return asCasebook(data);
      },
      async findByExternalId(externalId, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'GET',
          path: `ctia/casebook/external_id/${segment(externalId, 'an external id')}`,
          idempotent: true,
          schema: (v) => v.S.casebookList,
          signal: opts?.signal,
        });
        return data.map((c) => asCasebook(c));
      },
      async patchBundle(id, operation, bundle, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'POST',
          path: casebookPath(id, '/bundle'),
          query: [['wait_for', 'true']],
          json: { operation, bundle },
          idempotent: operation !== 'add',
          schema: (v) => v.S.casebook,
          signal: opts?.signal,
        });
        return asCasebook(data);
      },
      replaceObservables: (id, observables, opts) => listOp(id, '/observables', 'replace', { observables }, opts, true),
      removeTexts: (id, texts, opts) => listOp(id, '/texts', 'remove', { texts }, opts, true),
      addObservables: (id, observables, opts) => listOp(id, '/observables', 'add', { observables }, opts),
      removeObservables: (id, observables, opts) => listOp(id, '/observables', 'remove', { observables }, opts, true),
      addTexts: (id, texts, opts) => listOp(id, '/texts', 'add', { texts }, opts),
      async delete(id, opts) {
        await call({
          service: 'privateIntel',
          method: 'DELETE',
          path: casebookPath(id),
          query: [['wait_for', 'true']],
          idempotent: true,
          schema: undefined,
          signal: opts?.signal,
        });
      },
    },

    incidents: {
      async list(params = {}, opts) {
        const query: [string, string][] = [];
        if (params.query) query.push(['query', params.query]);
        if (params.status) query.push(['status', params.status]);
        if (params.limit !== undefined) query.push(['limit', String(params.limit)]);
        if (params.offset !== undefined) query.push(['offset', String(params.offset)]);
        if (params.sortBy) query.push(['sort_by', params.sortBy]);
        if (params.sortOrder) query.push(['sort_order', params.sortOrder]);
        const { data, headers, checks } = await call({
          service: 'privateIntel',
          method: 'GET',
          path: 'ctia/incident/search',
          query,
          idempotent: true,
          schema: (v) => v.looseList,
          signal: opts?.signal,
        });
        return page(checks.readListItems(data, checks.S.incident, 'an incident', asIncident), headers);
      },
      async get(id, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'GET',
          path: incidentPath(id),
          idempotent: true,
          schema: (v) => v.S.incident,
          signal: opts?.signal,
        });
        return asIncident(data);
      },
      async count(params = {}, opts) {
        const query: [string, string][] = [];
        if (params.query) query.push(['query', params.query]);
        if (params.status) query.push(['status', params.status]);
        return count('ctia/incident/search/count', query, opts);
      },
      async create(input: NewIncident, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'POST',
          path: 'ctia/incident',
          query: [['wait_for', 'true']],
          json: body(input),
          schema: (v) => v.S.incident,
          signal: opts?.signal,
        });
        return asIncident(data);
      },
      async update(id, patch, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'PATCH',
          path: incidentPath(id),
          query: [['wait_for', 'true']],
          json: body(patch),
          idempotent: true,
          schema: (v) => v.S.incident,
          signal: opts?.signal,
        });
        return asIncident(data);
      },
      async linkCasebook(id, casebook, opts): Promise<Relationship> {
        const path = incidentPath(id, '/link');
        // CTIA reads casebook_id with long-id->id: a short id gets 400 "Invalid Casebook id".
        const casebookId = referenceOf(casebook, 'casebook');
        const { data } = await call({
          service: 'privateIntel',
          method: 'POST',
          path,
          json: { casebook_id: casebookId, ...(opts?.tlp ? { tlp: opts.tlp } : {}) },
          schema: (v) => v.S.relationship,
          signal: opts?.signal,
        });
        return withIds('relationship', data) as Relationship;
      },
      async setStatus(id, status: IncidentStatus, opts) {
        const { data } = await call({
          service: 'privateIntel',
          method: 'POST',
          path: incidentPath(id, '/status'),
          json: { status },
          idempotent: true,
          schema: (v) => v.S.incident,
          signal: opts?.signal,
        });
        return asIncident(data);
      },
    },
  };

  async function exportBundle(
    ids: readonly (string | { longId: string })[],
    opts: (CallOptions & { includeRelated?: boolean }) | undefined,
  ): Promise<Bundle> {
    if (!Array.isArray(ids) || ids.length === 0) throw new PivotkitConfigError('bundle.export needs at least one id');
    // CTIA's export takes references, i.e. long ids.
    const query: [string, string][] = ids.map((r) => ['ids', referenceOf(r)]);
    query.push(['include_related_entities', String(opts?.includeRelated ?? true)]);
    const { data } = await call({
      service: 'privateIntel',
      method: 'GET',
      path: 'ctia/bundle/export',
      query,
      idempotent: true,
      schema: (v) => v.S.bundle,
      signal: opts?.signal,
    });
    return data as Bundle;
  }

  function page<T>({ items, dropped }: { items: T[]; dropped: InvalidItem[] }, headers: Headers): Page<T> {
    const total = Number(headers.get('x-total-hits'));
    const next = parseNext(headers.get('x-next'));
    return {
      items,
      ...(headers.get('x-total-hits') !== null && Number.isFinite(total) ? { total } : {}),
      ...(next ? { next } : {}),
      ...(dropped.length ? { dropped } : {}),
    };
  }

  async function count(path: string, query: [string, string][], opts: CallOptions | undefined): Promise<number> {
    const { data } = await call({
      service: 'privateIntel',
      method: 'GET',
      path,
      query,
      idempotent: true,
      schema: (v) => v.S.count,
      signal: opts?.signal,
    });
    return data;
  }

  async function listOp(
    id: string,
    rest: '/observables' | '/texts',
    operation: 'add' | 'remove' | 'replace',
    payload: { observables: Observable[] } | { texts: { type: string; text: string }[] },
    opts: CallOptions | undefined,
    idempotent = false,
  ): Promise<Casebook> {
    const body =
      'observables' in payload
        ? { operation, observables: payload.observables.map((o) => ({ type: o.type, value: o.value })) }
        : { operation, texts: payload.texts.map((t) => ({ type: t.type, text: t.text })) };
    const { data } = await call({
      service: 'privateIntel',
      method: 'POST',
      path: casebookPath(id, rest),
      query: [['wait_for', 'true']],
      json: body,
      idempotent,
      schema: (v) => v.S.casebook,
      signal: opts?.signal,
    });
    return asCasebook(data);
  }

  return client;
}
