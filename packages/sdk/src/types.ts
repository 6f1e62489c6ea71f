import type { Disposition, DispositionName, Observable } from './observable.js';
import type { RetryPolicy } from './retry.js';

/** A Threat Response region; it picks the API hosts. */
export type Region = 'nam' | 'eu' | 'apjc';

/** What a widget needs the token's scopes for. */
export type Feature = 'inspect' | 'enrich' | 'refer' | 'response' | 'casebook' | 'incidents' | 'pivot';

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
  /**
   * Set when the token said nothing about its scopes (a bare, non-JWT token from a `tokenProvider`):
   * `can()` then answers `true` and the service decides.
   */
  scopesUnknown?: true;
}

export interface CallOptions {
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
}

export interface EnrichOptions extends CallOptions {
  /**
   * Called as each module's answer arrives, before the whole result resolves. Once the client has seen the
   * module instance ids, it asks each module separately (`?mids=`) so that a slow module does not hold back the
   * others. With long lists it may be called more than once for one module (once per batch).
   */
  onModule?: (module: ModuleResult) => void;
  /** `deliberate` only: skip the verdict cache and ask the service again. */
  fresh?: boolean;
}

export interface Page<T> {
  items: T[];
  /** `X-Total-Hits`, when the service sent it. */
  total?: number;
  /** Where the next page starts; absent on the last page. */
  next?: { offset?: number; searchAfter?: string[] };
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

export interface EnrichResult {
  modules: ModuleResult[];
  errors: ModuleError[];
  verdicts: ObservableVerdict[];
  verdictFor(observable: Observable): ObservableVerdict | undefined;
}

export interface ReferLink {
  module: string;
  moduleInstanceId: string;
  id: string;
  title: string;
  description: string;
  url: string;
  categories: string[];
}

export interface ReferResult {
  links: ReferLink[];
  errors: ModuleError[];
}

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

export interface ActionsResult {
  actions: ResponseAction[];
  errors: ModuleError[];
}

export interface TriggerResult {
  status: 'success' | 'failure';
  errors: ModuleError[];
}

export type Tlp = 'red' | 'amber' | 'green' | 'white';

/** A CTIA casebook. */
export interface Casebook {
  id: string;
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

export type NewCasebook = Partial<Omit<Casebook, 'type' | 'schema_version'>> & { title?: string };

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
  id: string;
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
}

export interface ClientOptions {
  /** Picks the regional hosts. @default 'nam' */
  region?: Region;
  /** Explicit hosts (emulator, relay, proxy): `visibility` serves /iroh, `privateIntel` serves /ctia. */
  baseUrls?: { visibility: string; privateIntel: string };
  /** OAuth2 client credentials; the secret is kept in memory only. */
  credentials?: { clientId: string; clientSecret: string };
  /** For hosts whose backend holds the secret: returns a bearer token. */
  tokenProvider?: () => Promise<string | TokenResponse>;
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

/** The Threat Response / XDR client. Create it with `createClient()`. */
export interface PivotkitClient {
  signIn(opts?: CallOptions): Promise<Session>;
  readonly session: Session | undefined;
  can(feature: Feature): boolean;
  missingScopes(feature: Feature): string[];
  signOut(): void;
  inspect(text: string, opts?: CallOptions): Promise<Observable[]>;
  enrich: {
    deliberate(observables: Observable[], opts?: EnrichOptions): Promise<EnrichResult>;
    observe(observables: Observable[], opts?: EnrichOptions): Promise<EnrichResult>;
    refer(observables: Observable[], opts?: CallOptions): Promise<ReferResult>;
  };
  response: {
    actions(observables: Observable[], opts?: CallOptions): Promise<ActionsResult>;
    trigger(action: ResponseAction, opts?: CallOptions): Promise<TriggerResult>;
  };
  casebooks: {
    create(input: NewCasebook, opts?: CallOptions): Promise<Casebook>;
    get(id: string, opts?: CallOptions): Promise<Casebook>;
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
    update(
      id: string,
      patch: Partial<Pick<Casebook, 'title' | 'description' | 'short_description' | 'texts' | 'tlp'>>,
      opts?: CallOptions,
    ): Promise<Casebook>;
    addObservables(id: string, observables: Observable[], opts?: CallOptions): Promise<Casebook>;
    removeObservables(id: string, observables: Observable[], opts?: CallOptions): Promise<Casebook>;
    addTexts(id: string, texts: { type: string; text: string }[], opts?: CallOptions): Promise<Casebook>;
    delete(id: string, opts?: CallOptions): Promise<void>;
  };
  incidents: {
    list(
      params?: { query?: string; status?: string; limit?: number; offset?: number },
      opts?: CallOptions,
    ): Promise<Page<Incident>>;
    get(id: string, opts?: CallOptions): Promise<Incident>;
    setStatus(id: string, status: IncidentStatus, opts?: CallOptions): Promise<Incident>;
  };
}
