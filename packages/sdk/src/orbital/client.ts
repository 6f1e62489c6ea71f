/**
 * A small client for the Orbital API (`https://{,eu.,apjc.}orbital.amp.cisco.com/v0`): live queries and their
 * results. The bearer token is the XDR one (it needs the `orbital` scope); the host says where it comes from.
 * @module
 */
import { PivotkitConfigError } from '../errors/pivotkit-config-error.js';
import { PivotkitError } from '../errors/pivotkit-error.js';
import {
  parseJson,
  send,
  summarize,
  throwIfAborted,
  toAuthError,
  toHttpError,
  type Transport,
} from '../internal/http.js';
import type { CallOptions, Region } from '../types.js';
import { ORBITAL_HOSTS } from './console.js';
import * as S from './schemas.js';

/** Options of {@link createOrbitalClient}. */
export interface OrbitalClientOptions {
  /** Picks the regional Orbital host. @default 'nam' */
  region?: Region;
  /** The API base, ending in `/v0` (a relay, the emulator); takes precedence over `region`. */
  baseUrl?: string;
  /** Returns the bearer token (an XDR access token with the `orbital` scope). Called once per request. */
  tokenProvider: () => Promise<string> | string;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms; `false` disables it. @default 15000 */
  timeout?: number | false;
}

/** One host's rows for one statement. */
export interface OrbitalTable {
  label?: string;
  columns: string[];
  rows: string[][];
  error?: string;
}

/** One host's answer. */
export interface OrbitalHostResult {
  node: string;
  hostname: string;
  os?: string;
  tables: OrbitalTable[];
  error?: string;
}

/** One page of a job's results. */
export interface OrbitalResultsPage {
  hosts: OrbitalHostResult[];
  /** Pass back to get what arrived after this page. */
  cursor?: string;
  /** Every node that will answer has answered. */
  complete: boolean;
}

/** A live query: which nodes (`os:windows`, `host:NAME`, `netmask:CIDR`…) and the osquery statements. */
export interface OrbitalLiveQuery {
  name: string;
  nodes: string[];
  sql: { label?: string; sql: string }[];
}

/** The Orbital API client. */
export interface OrbitalClient {
  /** The base the calls go to (ends in `/v0/`). */
  readonly baseUrl: string;
  /**
   * Runs a live query now on the nodes that are connected (`POST /v0/query/run`); resolves with the job id.
   * Never retried (running twice asks the endpoints twice).
   * @example const { jobId } = await orbital.run({ name: 'DNS', nodes: ['os:windows'], sql: [{ sql }] });
   */
  run(query: OrbitalLiveQuery, opts?: CallOptions): Promise<{ jobId: string }>;
  /**
   * One page of a job's results (`GET /v0/jobs/{id}/results?limit=&cursor=`).
   * @example let page = await orbital.results(jobId); while (!page.complete) page = await orbital.results(jobId, { cursor: page.cursor });
   */
  results(jobId: string, opts?: CallOptions & { limit?: number; cursor?: string }): Promise<OrbitalResultsPage>;
}

/**
 * Creates an Orbital API client.
 * @throws {PivotkitConfigError} when `baseUrl` is not an absolute http(s) URL or no token provider is given.
 */
export function createOrbitalClient(options: OrbitalClientOptions): OrbitalClient {
  if (!options || typeof options.tokenProvider !== 'function')
    throw new PivotkitConfigError('createOrbitalClient needs a tokenProvider');
  let base: URL;
  try {
    base = new URL(options.baseUrl ?? `${ORBITAL_HOSTS[options.region ?? 'nam']}/v0`);
  } catch {
    throw new PivotkitConfigError(`Orbital baseUrl is not an absolute URL: ${JSON.stringify(options.baseUrl)}`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new PivotkitConfigError(`Orbital baseUrl must be http(s), not ${base.protocol}`);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const userFetch = options.fetch;
  const transport: Transport = {
    fetch: userFetch ? (r) => userFetch(r) : (r) => globalThis.fetch(r),
    timeout: options.timeout ?? 15_000,
    retry: 2,
  };

  async function token(): Promise<string> {
    let t: string;
    try {
      t = await options.tokenProvider();
    } catch (e) {
      throw new PivotkitError('Orbital: the token provider threw; sign in again.', { cause: e });
    }
    if (typeof t !== 'string' || !t) throw new PivotkitError('Orbital: the token provider returned no token.');
    return t;
  }

  return {
    baseUrl: base.href,
    async run(query, opts) {
      throwIfAborted(opts?.signal);
      const u = new URL('query/run', base);
      const summary = summarize('POST', u);
      const res = await send(transport, {
        method: 'POST',
        url: u,
        headers: { authorization: `Bearer ${await token()}`, accept: 'application/json' },
        json: {
          name: query.name,
          nodes: query.nodes,
          osQuery: query.sql.map((s, i) => ({ label: s.label ?? `q${i + 1}`, sql: s.sql })),
        },
        idempotent: false,
        signal: opts?.signal,
      });
      if (res.status === 401) throw toAuthError(res, summary);
      if (!res.ok) throw toHttpError(res, summary);
      return { jobId: parseJson(res, S.orbitalJob, summary).ID };
    },
    async results(jobId, opts) {
      throwIfAborted(opts?.signal);
      if (!jobId) throw new PivotkitConfigError('a job id is required');
      const u = new URL(`jobs/${encodeURIComponent(jobId)}/results`, base);
      u.searchParams.set('limit', String(opts?.limit ?? 100));
      if (opts?.cursor) u.searchParams.set('cursor', opts.cursor);
      const summary = summarize('GET', u);
      const res = await send(transport, {
        method: 'GET',
        url: u,
        headers: { authorization: `Bearer ${await token()}`, accept: 'application/json' },
        idempotent: true,
        signal: opts?.signal,
      });
      if (res.status === 401) throw toAuthError(res, summary);
      if (!res.ok) throw toHttpError(res, summary);
      const data = parseJson(res, S.orbitalResults, summary);
      return {
        hosts: data.results.map((r) => ({
          node: r.node,
          hostname: r.hostinfo?.hostname ?? r.node,
          ...(r.hostinfo?.os?.name ? { os: r.hostinfo.os.name } : {}),
          tables: (r.osQueryResult ?? []).map((t) => ({
            ...(t.label ? { label: t.label } : {}),
            columns: t.columns ?? [],
            rows: t.values ?? [],
            ...(t.error ? { error: t.error } : {}),
          })),
          ...(r.error ? { error: r.error } : {}),
        })),
        ...(data.cursor ? { cursor: data.cursor } : {}),
        complete: data.complete ?? !data.cursor,
      };
    },
  };
}
