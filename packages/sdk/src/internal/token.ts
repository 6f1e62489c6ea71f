import { AbortError } from '../errors/abort-error.js';
import { AuthError } from '../errors/auth-error.js';
import type { Session, TokenResponse } from '../types.js';
import { raceAbort } from './http.js';

/** A token as the manager keeps it. */
interface Held {
  value: string;
  expiresAt: number;
  refreshAt: number;
  session: Session;
  generation: number;
}

/** What a token source returns, already checked. */
export interface Grant {
  token: TokenResponse;
  clientId?: string;
}

const CLAIMS = 'https://schemas.cisco.com/iroh/identity/claims/';

/** Reads a JWT's claims without verifying it (for display only: the server checks the signature). */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The access token, single-flight: concurrent callers share one request; the token is refreshed `skewMs` before
 * `expires_in` ends; `invalidate(generation)` drops it only if no newer token replaced it meanwhile, so fifty
 * concurrent 401s cause one refresh. Kept in memory only.
 */
export class TokenManager {
  #held: Held | undefined;
  #inflight: Promise<Held> | undefined;
  #generation = 0;

  constructor(
    private readonly source: () => Promise<Grant>,
    private readonly now: () => number,
    private readonly skewMs = 60_000,
    private readonly defaultLifetimeMs = 600_000,
  ) {}

  /** The current session, if a token is held (even one due for refresh). */
  get session(): Session | undefined {
    return this.#held?.session;
  }

  /** A valid token and its generation; fetches one (once, for all callers) when none is fresh. */
  async get(signal?: AbortSignal): Promise<{ token: string; generation: number; session: Session }> {
    if (signal?.aborted) throw new AbortError({ cause: signal.reason });
    const h = this.#held;
    if (h && this.now() < h.refreshAt) return { token: h.value, generation: h.generation, session: h.session };
    try {
      const held = await raceAbort(this.#fetch(), signal);
      return { token: held.value, generation: held.generation, session: held.session };
    } catch (e) {
      // An early refresh that fails for a transient reason (network, 5xx) leaves the old token usable until it
      // really expires; a refused sign-in or an abort does not.
      const transient = !(e instanceof AuthError) && !(e instanceof AbortError);
      if (transient && h && this.#held === h && this.now() < h.expiresAt)
        return { token: h.value, generation: h.generation, session: h.session };
      throw e;
    }
  }

  /** Forgets the token if it is still generation `generation` (or unconditionally without one). */
  invalidate(generation?: number): void {
    if (generation !== undefined && generation !== this.#held?.generation) return;
    this.#held = undefined;
    this.#generation++;
  }

  /** Forgets the token and any request in flight. */
  clear(): void {
    this.#held = undefined;
    this.#inflight = undefined;
    this.#generation++;
  }

  #fetch(): Promise<Held> {
    if (this.#inflight) return this.#inflight;
    const generation = ++this.#generation;
    const p = this.source().then((grant) => {
      const held = this.#hold(grant, generation);
      // A sign-out while the request was in flight wins: the late token is handed to the callers that asked
      // for it, but not kept.
      if (this.#generation === generation) this.#held = held;
      return held;
    });
    this.#inflight = p;
    const done = () => {
      if (this.#inflight === p) this.#inflight = undefined;
    };
    p.then(done, done);
    return p;
  }

  #hold({ token, clientId }: Grant, generation: number): Held {
    const claims = jwtClaims(token.access_token);
    const now = this.now();
    const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
    const lifetime =
      token.expires_in !== undefined ? token.expires_in * 1000 : exp ? exp - now : this.defaultLifetimeMs;
    const expiresAt = now + lifetime;
    // Short-lived tokens: refresh halfway rather than never using them.
    const refreshAt = expiresAt - Math.min(this.skewMs, lifetime / 2);
    const claimScopes = claims?.[`${CLAIMS}scopes`];
    const claimClient = claims?.[`${CLAIMS}oauth/client/id`];
    const claimOrg = claims?.[`${CLAIMS}org/id`];
    let scopes: string[] | undefined;
    if (token.scope !== undefined) scopes = token.scope.split(/\s+/).filter(Boolean);
    else if (Array.isArray(claimScopes)) scopes = claimScopes.filter((s): s is string => typeof s === 'string');
    const cid = clientId ?? (typeof claimClient === 'string' ? claimClient : undefined);
    const session: Session = {
      scopes: scopes ?? [],
      expiresAt,
      ...(cid !== undefined ? { clientId: cid } : {}),
      ...(typeof claimOrg === 'string' && claimOrg ? { orgId: claimOrg } : {}),
      ...(scopes ? {} : { scopesUnknown: true as const }),
    };
    return { value: token.access_token, expiresAt, refreshAt, session, generation };
  }
}
