import type { Disposition, DispositionName, Observable } from './observable.js';
import type { RetryPolicy } from './retry.js';

/** A Threat Response region; it picks the API hosts. */
export type Region = 'nam' | 'eu' | 'apjc';

/** What a widget needs the token's scopes for. */
export type Feature =
  | 'inspect'
  | 'enrich'
  | 'refer'
  | 'response'
  | 'casebook'
  | 'incidents'
  | 'pivot'
  /** Linking a casebook to an incident (`incidents.linkCasebook`): incident read, relationship, casebook read. */
  | 'link-casebook';

/** The OAuth2 token endpoint's reply (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type?: string;
  /** Lifetime in seconds (600 on the real service). */
  expires_in?: number;
  /** Space-separated granted scopes. */
  scope?: string;
}

/** The signed-in state: what the token allows and until when. */
export interface Session {
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  clientId?: string;
  /** The organisation the token belongs to (its `org/id` claim), when the token is a JWT that says. */
  orgId?: string;
  /**
   * Set when the token said nothing about its scopes (a bare, non-JWT token from a `tokenProvider`):
   * `can()` then answers `true` and the service decides.
   */
  scopesUnknown?: true;
}

/** Options every call takes. */
export interface CallOptions {
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
}

/** Options of `enrich.deliberate` and `enrich.observe`. */
export interface EnrichOptions extends CallOptions {
  /**
   * Called as each module's answer arrives, before the whole result resolves. Once the client has seen the
   * module instance ids, it asks each module separately (`?mids=`) so that a slow module does not hold back the
   * others. With long lists it may be called more than once for one module (once per batch).
   */
  onModule?: (module: ModuleResult) => void;
  /**
   * Ask only these module instances (`?mids=`, once per id). Absent or empty asks every module. Verdicts are
   * cached per module set: a verdict computed by other modules is never served for this call. With `onModule`,
   * the call fans out to each listed module separately.
   * @example await client.enrich.deliberate(obs, { mids: ['7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e02'] })
   */
  mids?: readonly string[];
  /** `deliberate` only: skip the verdict cache and ask the service again. */
  fresh?: boolean;
}

/** One page of a CTIA search; `X-Total-Hits` and `X-Next` read from the reply headers. */
export interface Page<T> {
  /** The items in the documented shape (one that is not is left out and reported in `dropped`). */
  items: T[];
  /** `X-Total-Hits`, when the service sent it (it counts dropped items too). */
  total?: number;
  /** Where the next page starts; absent on the last page. */
  next?: { offset?: number; searchAfter?: string[] };
  /** The items of the reply left out of `items` because they were not in the documented shape; absent when none. */
  dropped?: InvalidItem[];
}

/**
 * An item of a list reply that is not in the documented shape: left out of the page and reported, so that one bad
 * document does not fail the whole list (as an enrich reply reports a bad module document, a `ModuleError` with
 * code `invalid-document`).
 */
export interface InvalidItem {
  code: 'invalid-document';
  type: 'warning';
  /** Its position in the reply's list. */
  index: number;
  /** Its `id`, when it had one that is a string. */
  id?: string;
  /** What was wrong, e.g. `Dropped a casebook not in the documented shape (title: Invalid input …).` */
  message: string;
}

/** A CTIM verdict as a module returns it. */
export interface Verdict {
  type: 'verdict';
  disposition: Disposition;
  disposition_name?: DispositionName;
  observable: Observable;
  valid_time: { start_time?: string; end_time?: string };
  judgement_id?: string;
}

/** A CTIM judgement (the fields Pivotkit reads; the rest is kept). */
export interface Judgement {
  id: string;
  type: 'judgement';
  observable: Observable;
  disposition: Disposition;
  disposition_name: DispositionName;
  priority: number;
  severity: string;
  confidence: string;
  source: string;
  source_uri?: string;
  reason?: string;
  valid_time: { start_time?: string; end_time?: string };
  [key: string]: unknown;
}

/** A CTIM sighting (the fields Pivotkit reads; the rest is kept). */
export interface Sighting {
  id: string;
  type: 'sighting';
  count: number;
  confidence: string;
  observed_time: { start_time: string; end_time?: string };
  title?: string;
  description?: string;
  source?: string;
  observables?: Observable[];
  [key: string]: unknown;
}

/** One module's part of an enrich reply. */
export interface ModuleResult {
  module: string;
  moduleInstanceId: string;
  moduleTypeId: string;
  verdicts: Verdict[];
  judgements: Judgement[];
  sightings: Sighting[];
  /** The module's bundle as received. */
  raw: unknown;
}

/** A per-module failure that rides beside the other modules' data. */
export interface ModuleError {
  module?: string;
  moduleInstanceId: string;
  moduleTypeId: string;
  code: string;
  message: string;
  type: 'fatal' | 'warning' | 'error';
}

/** Each module's disposition for one observable, and the verdict derived from them. */
export interface ObservableVerdict {
  observable: Observable;
  disposition: Disposition;
  dispositionName: DispositionName;
  modules: { module: string; moduleInstanceId: string; disposition: Disposition; dispositionName: DispositionName }[];
  /** The modules disagree (Unknown aside): show that instead of one merged colour. */
  conflict: boolean;
}

/** An enrich reply: per-module results, per-module errors (partial results), and derived verdicts. */
export interface EnrichResult {
  modules: ModuleResult[];
  errors: ModuleError[];
  verdicts: ObservableVerdict[];
  /** The derived verdict of one observable (matched case-insensitively for domains, emails and hashes). */
  verdictFor(observable: Observable): ObservableVerdict | undefined;
}

/** A link to an observable in a module's own console (refer). */
export interface ReferLink {
  module: string;
  moduleInstanceId: string;
  id: string;
  title: string;
  description: string;
  url: string;
  categories: string[];
}

/** Reply of `enrich.refer`. */
export interface ReferResult {
  links: ReferLink[];
  errors: ModuleError[];
}

/** A response action a module offers (block, isolate…). */
export interface ResponseAction {
  module: string;
  moduleInstanceId: string;
  moduleTypeId: string;
  id: string;
  title: string;
  description: string;
  /** Relative to `{visibility}/iroh/iroh-response`, e.g. `/respond/trigger/<mid>/<id>?observable_type=…`. */
  url: string;
  categories: string[];
}

/** Reply of `response.actions`. */
export interface ActionsResult {
  actions: ResponseAction[];
  errors: ModuleError[];
}

/** Reply of `response.trigger`. */
export interface TriggerResult {
  status: 'success' | 'failure';
  errors: ModuleError[];
}

/** CTIM Traffic Light Protocol marking. */
export type Tlp = 'red' | 'amber' | 'green' | 'white';

/** A CTIA casebook. */
export interface Casebook {
  /** The short id (`casebook-<uuid>`), for display and for paths. */
  id: string;
  /**
   * The id exactly as the service returned it: a URL, port included
   * (`https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-<uuid>`). CTIA wants this form wherever a
   * casebook is referenced (incident link, bundle export).
   */
  longId: string;
  type: 'casebook';
  schema_version: string;
  title?: string;
  description?: string;
  short_description?: string;
  observables?: Observable[];
  texts?: { type: string; text: string }[];
  tlp?: Tlp;
  timestamp?: string;
  owner?: string;
  created?: string;
  modified?: string;
  [key: string]: unknown;
}

/** What `casebooks.create` takes: every field optional; the server fills id, type and schema_version. */
export type NewCasebook = Partial<Omit<Casebook, 'type' | 'schema_version' | 'longId'>> & { title?: string };

/** CTIM incident statuses. */
export type IncidentStatus =
  | 'New'
  | 'New: Processing'
  | 'New: Presented'
  | 'Open'
  | 'Open: Investigating'
  | 'Open: Reported'
  | 'Open: Contained'
  | 'Open: Recovered'
  | 'Hold'
  | 'Hold: Internal'
  | 'Hold: External'
  | 'Hold: Legal'
  | 'Stalled'
  | 'Containment Achieved'
  | 'Restoration Achieved'
  | 'Incident Reported'
  | 'Closed'
  | 'Closed: Under Review'
  | 'Closed: Confirmed Threat'
  | 'Closed: Suspected'
  | 'Closed: False Positive'
  | 'Closed: Near-Miss'
  | 'Closed: Merged'
  | 'Closed: Other'
  | 'Rejected';

/** A CTIA incident. */
export interface Incident {
  /** The short id (`incident-<uuid>`). */
  id: string;
  /** The id exactly as the service returned it (a URL, port included). */
  longId: string;
  type: 'incident';
  schema_version: string;
  confidence: string;
  status: IncidentStatus;
  incident_time: { opened: string; [key: string]: string };
  title?: string;
  description?: string;
  severity?: string;
  [key: string]: unknown;
}

/** Verdicts kept between calls (and page loads), keyed by `type:value`. */
export interface VerdictCache {
  get(key: string): Promise<ObservableVerdict | undefined>;
  set(key: string, value: ObservableVerdict): Promise<void>;
  /** Optional bulk read (one IndexedDB transaction instead of one per key); used when present. */
  getMany?(keys: string[]): Promise<(ObservableVerdict | undefined)[]>;
  /** Optional bulk write; used when present. */
  setMany?(entries: [string, ObservableVerdict][]): Promise<void>;
  /** Drops every entry; `signOut()` calls it (a cache without it keeps entries, keyed per org and client). */
  clear?(): Promise<void>;
}

/** A CTIM relationship, as `incidents.linkCasebook` returns it. */
export interface Relationship {
  /** The short id (`relationship-<uuid>`). */
  id: string;
  /** The id exactly as the service returned it. */
  longId: string;
  type: 'relationship';
  relationship_type?: string;
  /** The long id of the source (the casebook). */
  source_ref?: string;
  /** The long id of the target (the incident). */
  target_ref?: string;
  [key: string]: unknown;
}

/** A CTIM bundle, as `bundle.export` returns it: entity lists keyed by plural (`incidents`, `relationships`…). */
export interface Bundle {
  type?: string;
  source?: string;
  [key: string]: unknown;
}

/** Options of `createClient`. Checked once; a bad combination throws `PivotkitConfigError`. */
export interface ClientOptions {
  /** Picks the regional hosts. @default 'nam' */
  region?: Region;
  /** Explicit hosts (emulator, relay, proxy): `visibility` serves /iroh, `privateIntel` serves /ctia. */
  baseUrls?: { visibility: string; privateIntel: string };
  /** OAuth2 client credentials; the secret is kept in memory only. */
  credentials?: { clientId: string; clientSecret: string };
  /** For hosts whose backend holds the secret: returns a bearer token. */
  tokenProvider?: () => Promise<string | TokenResponse>;
  /** The fetch to use (a proxy's, an instrumented one, a test double). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms; `false` disables it. @default 10000 */
  timeout?: number | false;
  /** Retries of idempotent calls. @default 2 */
  retry?: number;
  /** Verdict cache; default IndexedDB in browsers, memory elsewhere; `false` disables it. */
  cache?: VerdictCache | false;
  /** Observables per enrich / refer / response request; longer lists are split. @default 50 */
  batchSize?: number;
  /** Requests in flight at once for one split call. @default 4 */
  concurrency?: number;
  /** Tuning of the retry delays (see `retryDelay`). */
  retryPolicy?: Partial<RetryPolicy>;
  /** Clock in epoch ms, for token expiry and cache TTL (tests inject one). @default Date.now */
  clock?: () => number;
}

/**
 * The Threat Response / XDR client. Create it with `createClient()`. Every call takes an optional `signal`,
 * validates the reply (an unexpected shape is an `ApiShapeError`), and throws only `PivotkitError`s.
 */
export interface PivotkitClient {
  /** The region the client was created for; `undefined` when it was given `baseUrls` that are not a region's. */
  readonly region: Region | undefined;
  /**
   * The OAuth client id: the one in `credentials`, or (with a `tokenProvider`) the one the token names once
   * signed in. Never the secret.
   */
  readonly clientId: string | undefined;
  /**
   * Gets a token now (otherwise the first call does). Resolves with the session: granted scopes and expiry.
   * @throws {AuthError} when the credentials are refused or the token provider fails.
   * @example const { scopes } = await client.signIn();
   */
  signIn(opts?: CallOptions): Promise<Session>;
  /** The signed-in state; `undefined` until a token was obtained, and after `signOut()`. */
  readonly session: Session | undefined;
  /**
   * Whether the granted scopes allow a feature (a widget can hide or disable itself); `false` before sign-in.
   * @example if (!client.can('pivot')) menu.disabledReason = client.missingScopes('pivot').join(', ');
   */
  can(feature: Feature): boolean;
  /** The scopes a feature needs that the token lacks (what to ask an admin for). */
  missingScopes(feature: Feature): string[];
  /** Forgets the token and clears cached intel (verdicts); the next call signs in again. */
  signOut(): void;
  /**
   * Finds observables in free text (`POST /iroh/iroh-inspect/inspect`).
   * @example await client.inspect('beacon to 203.0.113.7 and evil.example') // [{type:'ip',…},{type:'domain',…}]
   */
  inspect(text: string, opts?: CallOptions): Promise<Observable[]>;
  enrich: {
    /**
     * Verdicts per module and one derived verdict per observable (`deliberate/observables`). Long lists are
     * split into batches; cached verdicts are not asked again (see `ClientOptions.cache`).
     * @example const r = await client.enrich.deliberate(obs); r.verdictFor(obs[0])?.dispositionName
     */
    deliberate(observables: Observable[], opts?: EnrichOptions): Promise<EnrichResult>;
    /**
     * Verdicts, judgements and sightings per module (`observe/observables`), never cached.
     * @example const { modules } = await client.enrich.observe(obs, { onModule: (m) => render(m) });
     */
    observe(observables: Observable[], opts?: EnrichOptions): Promise<EnrichResult>;
    /**
     * Links to the observable in each module's own console (`refer/observables`); open them in a new tab.
     * @example const { links } = await client.enrich.refer([{ type: 'domain', value: 'cisco.com' }]);
     */
    refer(observables: Observable[], opts?: CallOptions): Promise<ReferResult>;
  };
  response: {
    /**
     * The response actions modules offer for the observables (`respond/observables`).
     * @example const { actions } = await client.response.actions([ip]);
     */
    actions(observables: Observable[], opts?: CallOptions): Promise<ActionsResult>;
    /**
     * Runs one action (`POST /iroh/iroh-response` + `action.url`). Never retried. An absolute action URL on
     * another host is refused.
     * @example const { status } = await client.response.trigger(actions[0]);
     */
    trigger(action: ResponseAction, opts?: CallOptions): Promise<TriggerResult>;
  };
  casebooks: {
    /**
     * Creates a casebook (`POST /ctia/casebook`); the reply's id is the short `casebook-<uuid>`. Never retried.
     * @example const cb = await client.casebooks.create({ title: 'Phishing wave', observables: obs });
     */
    create(input: NewCasebook, opts?: CallOptions): Promise<Casebook>;
    /**
     * Reads one casebook; `id` is the short id or the long CTIA URL.
     * @throws {NotFoundError} when it does not exist or is not visible to this client.
     * @example await client.casebooks.get('casebook-5e1c…')
     */
    get(id: string, opts?: CallOptions): Promise<Casebook>;
    /**
     * Searches casebooks (`GET /ctia/casebook/search`, Lucene `query`), one page at a time: pass `next` back.
     * @example
     * let page = await client.casebooks.list({ limit: 20 });
     * if (page.next) page = await client.casebooks.list({ limit: 20, ...page.next });
     */
    list(
      params?: {
        query?: string;
        limit?: number;
        offset?: number;
        searchAfter?: string[];
        sortBy?: string;
        sortOrder?: 'asc' | 'desc';
      },
      opts?: CallOptions,
    ): Promise<Page<Casebook>>;
    /**
     * Replaces the given fields (`PATCH /ctia/casebook/{id}`).
     * @example await client.casebooks.update(id, { title: 'Renamed', description: '## Notes' });
     */
    update(
      id: string,
      patch: Partial<Pick<Casebook, 'title' | 'description' | 'short_description' | 'texts' | 'tlp'>>,
      opts?: CallOptions,
    ): Promise<Casebook>;
    /**
     * Appends observables (`POST /ctia/casebook/{id}/observables`, operation `add`; CTIA does not dedupe).
     * @example await client.casebooks.addObservables(id, [{ type: 'ip', value: '203.0.113.7' }]);
     */
    addObservables(id: string, observables: Observable[], opts?: CallOptions): Promise<Casebook>;
    /**
     * Removes every equal observable (operation `remove`).
     * @example await client.casebooks.removeObservables(id, [ip]);
     */
    removeObservables(id: string, observables: Observable[], opts?: CallOptions): Promise<Casebook>;
    /**
     * Appends text notes (`POST /ctia/casebook/{id}/texts`, operation `add`).
     * @example await client.casebooks.addTexts(id, [{ type: 'note', text: 'Seen on 3 hosts' }]);
     */
    addTexts(id: string, texts: { type: string; text: string }[], opts?: CallOptions): Promise<Casebook>;
    /**
     * Deletes a casebook (`DELETE /ctia/casebook/{id}`).
     * @example await client.casebooks.delete(id);
     */
    delete(id: string, opts?: CallOptions): Promise<void>;
  };
  incidents: {
    /**
     * Searches incidents (`GET /ctia/incident/search`), optionally by status.
     * `sortBy` is CTIA's `sort_by` (`field[:asc|:desc]`, comma-separated); without it CTIA keeps its storage order.
     * @example const { items, total } = await client.incidents.list({ status: 'New', limit: 50, sortBy: 'incident_time.opened:desc' });
     */
    list(
      params?: {
        query?: string;
        status?: string;
        limit?: number;
        offset?: number;
        sortBy?: string;
        sortOrder?: 'asc' | 'desc';
      },
      opts?: CallOptions,
    ): Promise<Page<Incident>>;
    /**
     * Reads one incident (short id or long URL).
     * @example await client.incidents.get('incident-7…')
     */
    get(id: string, opts?: CallOptions): Promise<Incident>;
    /**
     * Sets an incident's status (`POST /ctia/incident/{id}/status`).
     * @example await client.incidents.setStatus(id, 'Closed: False Positive');
     */
    setStatus(id: string, status: IncidentStatus, opts?: CallOptions): Promise<Incident>;
  };
}

/** What `incidents.create` takes: CTIM's required fields; the server fills id, type and schema_version. */
export type NewIncident = Partial<Omit<Incident, 'id' | 'type' | 'schema_version'>> &
  Pick<Incident, 'confidence' | 'status' | 'incident_time'>;

/** Search parameters shared by CTIA list and count calls. */
export interface SearchParams {
  /** Lucene query over the searchable fields (id, title, description, observables.value…). */
  query?: string;
}

/**
 * What `createClient` returns: the agreed {@link PivotkitClient} plus the contract's remaining CTIA calls.
 * Widgets type against `PivotkitClient` (so that fakes stay small); vendors calling the API directly get these too.
 */
export interface PivotkitApiClient extends PivotkitClient {
  response: PivotkitClient['response'] & {
    /**
     * The response actions modules offer for a CTIM sighting (`POST /iroh/iroh-response/respond/sighting`).
     * @example const { actions } = await client.response.forSighting(sighting);
     */
    forSighting(sighting: Sighting, opts?: CallOptions): Promise<ActionsResult>;
  };
  casebooks: PivotkitClient['casebooks'] & {
    /**
     * Changes the casebook's CTIM bundle (`POST /ctia/casebook/{id}/bundle`): `add`, `remove` or `replace`
     * the entities given (a partial CTIM bundle, e.g. `{ sightings: [...] }`).
     * @example await client.casebooks.patchBundle(cb.id, 'add', { sightings: [sighting] });
     */
    patchBundle(
      id: string,
      operation: 'add' | 'remove' | 'replace',
      bundle: Record<string, unknown>,
      opts?: CallOptions,
    ): Promise<Casebook>;
    /**
     * How many casebooks match (`GET /ctia/casebook/search/count`).
     * @example const n = await client.casebooks.count({ query: 'phish*' });
     */
    count(params?: SearchParams, opts?: CallOptions): Promise<number>;
    /**
     * Replaces a whole casebook (`PUT /ctia/casebook/{id}`). Fields left out are dropped.
     * @example await client.casebooks.replace(cb.id, { ...cb, title: 'Renamed' });
     */
    replace(id: string, casebook: NewCasebook, opts?: CallOptions): Promise<Casebook>;
    /**
     * Casebooks carrying an external id (`GET /ctia/casebook/external_id/{id}`).
     * @example const [cb] = await client.casebooks.findByExternalId('ticket-4711');
     */
    findByExternalId(externalId: string, opts?: CallOptions): Promise<Casebook[]>;
    /**
     * Replaces the whole observable list (operation `replace`).
     * @example await client.casebooks.replaceObservables(cb.id, []);
     */
    replaceObservables(id: string, observables: Observable[], opts?: CallOptions): Promise<Casebook>;
    /**
     * Removes every equal text note (`POST /ctia/casebook/{id}/texts`, operation `remove`).
     * @example await client.casebooks.removeTexts(cb.id, [{ type: 'note', text: 'draft' }]);
     */
    removeTexts(id: string, texts: { type: string; text: string }[], opts?: CallOptions): Promise<Casebook>;
  };
  incidents: PivotkitClient['incidents'] & {
    /**
     * How many incidents match (`GET /ctia/incident/search/count`).
     * @example const open = await client.incidents.count({ status: 'Open' });
     */
    count(params?: SearchParams & { status?: string }, opts?: CallOptions): Promise<number>;
    /**
     * Creates an incident (`POST /ctia/incident`). Never retried.
     * @example await client.incidents.create({ confidence: 'High', status: 'New', incident_time: { opened: new Date().toISOString() }, title: 'Beaconing' });
     */
    create(input: NewIncident, opts?: CallOptions): Promise<Incident>;
    /**
     * Replaces the given fields (`PATCH /ctia/incident/{id}`).
     * @example await client.incidents.update(id, { severity: 'High', assignees: ['alice'] });
     */
    update(id: string, patch: Partial<Omit<Incident, 'id' | 'type'>>, opts?: CallOptions): Promise<Incident>;
    /**
     * Links a casebook to an incident (`POST /ctia/incident/{id}/link` with `casebook_id` = the casebook's long
     * id, as CTIA requires); resolves with the CTIM relationship. Takes the `Casebook` (its `longId` is used) or
     * a long id; a short id is placed under this client's private-intel host. Needs the `link-casebook` scopes.
     * @example await client.incidents.linkCasebook(incident.id, cb);
     */
    linkCasebook(id: string, casebook: Casebook | string, opts?: CallOptions & { tlp?: Tlp }): Promise<Relationship>;
  };
  bundle: {
    /**
     * Exports entities and, by default, their related entities as one CTIM bundle
     * (`GET /ctia/bundle/export?ids=<long id>&…&include_related_entities=true`). Takes entities (their `longId`
     * is sent) or long ids.
     * @example const bundle = await client.bundle.export([incident, cb]);
     */
    export(
      ids: readonly (string | { longId: string })[],
      opts?: CallOptions & { includeRelated?: boolean },
    ): Promise<Bundle>;
  };
}
