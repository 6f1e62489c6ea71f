// What signing in and out through the ribbon does to the page's session: building the client, the opted-in
// persistence, the wrong-region hint, and the sign-out that forgets everything.
import {
  FEATURE_SCOPES,
  createClient,
  isPivotkitError,
  scopeCovers,
  type Feature,
  type PivotkitClient,
  type Region,
  type ScopeRequirement,
} from '@pivotkit/sdk';
import { clear, createStore } from 'idb-keyval';
import { session } from '../../state/session.js';
import {
  forgetAll,
  loadCredentials,
  loadToken,
  saveCredentials,
  saveToken,
  savedTokenProvider,
  tokenWatchingFetch,
} from '../../state/credentials.js';
import { settings, type Persistence } from '../../state/settings.js';
import { dialogClient, hostsFor, regionAccepting, type RegionBaseUrls } from './client-factory.js';

/** Clients made from credentials typed into the dialog (they hold the secret: sign-out drops them). */
const madeHere = new WeakSet<PivotkitClient>();

/** Whether the session's client was made by the sign-in dialog (or restored from saved credentials). */
export function isDialogClient(client: PivotkitClient | undefined): boolean {
  return !!client && madeHere.has(client);
}

/** Why a sign-in failed, in words the dialog can show next to the field at fault. */
export type SignInProblem =
  | { kind: 'credentials' }
  | { kind: 'region'; right: Region }
  | { kind: 'network'; host: string }
  | { kind: 'timeout'; host: string }
  | { kind: 'rate-limited'; seconds: number | undefined }
  | { kind: 'service'; status: number }
  | { kind: 'garbage' }
  | { kind: 'provider' }
  | { kind: 'unknown'; message: string };

/** A scope the token lacks and what it disables. */
export interface MissingScope {
  scope: string;
  disables: string[];
}

export type SignInOutcome = { ok: true; missing: MissingScope[] } | { ok: false; problem: SignInProblem };

/** What each app and feature needs, beyond the SDK's features: Orbital's own scope. */
export const EXTRA_NEEDS: Readonly<Record<string, readonly ScopeRequirement[]>> = { orbital: ['orbital'] };

/** Every requirement Pivotkit knows, by feature name. */
export function allNeeds(): [string, readonly ScopeRequirement[]][] {
  return [
    ...(Object.entries(FEATURE_SCOPES) as [Feature, readonly ScopeRequirement[]][]),
    ...Object.entries(EXTRA_NEEDS),
  ];
}

const alternatives = (req: ScopeRequirement): readonly string[] => (typeof req === 'string' ? [req] : req);

/** The scopes `granted` lacks, each with the features it disables (feature names, to translate). */
export function missingScopes(granted: readonly string[]): MissingScope[] {
  const out = new Map<string, string[]>();
  for (const [feature, needs] of allNeeds()) {
    for (const need of needs) {
      const any = alternatives(need);
      if (any.some((r) => granted.some((g) => scopeCovers(g, r)))) continue;
      // Where any of several scopes would do, the first is named (as the SDK's missingScopesFor does).
      const list = out.get(any[0]!) ?? [];
      if (!list.includes(feature)) list.push(feature);
      out.set(any[0]!, list);
    }
  }
  return [...out].map(([scope, disables]) => ({ scope, disables }));
}

/** What a granted scope enables (feature names). */
export function scopeEnables(scope: string): string[] {
  return allNeeds()
    .filter(([, needs]) => needs.some((n) => alternatives(n).some((r) => scopeCovers(scope, r))))
    .map(([f]) => f);
}

function problemOf(e: unknown): SignInProblem {
  const host = (x: unknown) => (x as { request?: { host?: string } }).request?.host ?? '';
  if (isPivotkitError(e, 'AuthError')) {
    if (e.status === undefined) return { kind: 'provider' };
    return { kind: 'credentials' };
  }
  if (isPivotkitError(e, 'NetworkError')) return { kind: 'network', host: host(e) };
  if (isPivotkitError(e, 'TimeoutError')) return { kind: 'timeout', host: host(e) };
  if (isPivotkitError(e, 'RateLimitedError'))
    return {
      kind: 'rate-limited',
      seconds: e.retryAfterMs === undefined ? undefined : Math.ceil(e.retryAfterMs / 1000),
    };
  if (isPivotkitError(e, 'ApiShapeError')) return { kind: 'garbage' };
  if (isPivotkitError(e, 'HttpStatusError')) return { kind: 'service', status: e.status };
  return { kind: 'unknown', message: e instanceof Error ? e.message : String(e) };
}

function allowed(p: Persistence, allow: readonly Persistence[]): boolean {
  return p === 'memory' || allow.includes(p);
}

export interface SignInOptions {
  baseUrls?: RegionBaseUrls | undefined;
  /** Persistence choices the host allows (Settings picks among them). */
  allow?: readonly Persistence[];
  signal?: AbortSignal;
}

/**
 * Signs the page in with typed credentials: a new client for the region becomes the session's client. When the
 * region refuses the credentials and another region accepts them, the problem says which. On failure the client
 * (and its secret) is dropped again; the caller keeps what was typed.
 */
export async function signInWithCredentials(
  input: { clientId: string; clientSecret: string; region: Region },
  opts: SignInOptions = {},
): Promise<SignInOutcome> {
  const allow = opts.allow ?? [];
  const watch = tokenWatchingFetch((tok) => {
    if (!allowed(settings.get().persistence, allow) || settings.get().persistence !== 'session-token') return;
    saveToken({
      accessToken: tok.access_token,
      expiresAt: Date.now() + (tok.expires_in ?? 600) * 1000,
      scope: tok.scope ?? '',
      clientId: input.clientId,
      region: input.region,
    });
  });
  const client = dialogClient(input, { baseUrls: opts.baseUrls, fetch: watch });
  madeHere.add(client);
  const previous = session.get();
  if (previous.status === 'signed-in') {
    // Editing the credentials of a signed-in session: check the new ones before letting go of the old.
    try {
      await client.signIn({ signal: opts.signal });
    } catch (e) {
      client.signOut();
      return { ok: false, problem: await withRegionHint(problemOf(e), input, opts) };
    }
    await signOutEverywhere();
  }
  session.setClient(client, { clientId: input.clientId, region: input.region });
  const ok = await session.signIn({ signal: opts.signal });
  if (!ok) {
    const error = session.get().error;
    session.signOut({ forget: true });
    return { ok: false, problem: await withRegionHint(problemOf(error), input, opts) };
  }
  const persistence = settings.get().persistence;
  if (persistence === 'encrypted-credentials' && allowed(persistence, allow)) await saveCredentials(input);
  return { ok: true, missing: missingScopes(session.get().scopes) };
}

async function withRegionHint(
  problem: SignInProblem,
  input: { clientId: string; clientSecret: string; region: Region },
  opts: SignInOptions,
): Promise<SignInProblem> {
  if (problem.kind !== 'credentials') return problem;
  const right = await regionAccepting(input, { baseUrls: opts.baseUrls, signal: opts.signal });
  return right ? { kind: 'region', right } : problem;
}

/** The IndexedDB store of the SDK's default verdict cache. */
const VERDICTS = () => createStore('pivotkit', 'verdicts');

/**
 * Signs out here and in the other tabs: the token and the session go, the client too if it holds a typed secret,
 * anything the persistence choice saved, and every cached verdict.
 */
export async function signOutEverywhere(): Promise<void> {
  const { client } = session.get();
  session.signOut({ forget: isDialogClient(client) });
  await Promise.all([
    forgetAll(),
    // The SDK's signOut() clears its cache too; this also covers a client made before that, or another copy.
    clear(VERDICTS()).catch(() => undefined),
  ]);
}

/**
 * On page load, signs in again from what the opted-in persistence kept: the saved token (until it expires) or the
 * encrypted credentials. Does nothing when the host configured a client, or nothing was kept.
 */
export async function restoreSession(opts: SignInOptions = {}): Promise<boolean> {
  if (session.get().client) return false;
  const allow = opts.allow ?? [];
  const persistence = settings.get().persistence;
  if (!allowed(persistence, allow) || persistence === 'memory') {
    await forgetAll();
    return false;
  }
  if (persistence === 'session-token') {
    const t = loadToken();
    if (!t) return false;
    const client = createClient({ baseUrls: hostsFor(t.region, opts.baseUrls), tokenProvider: savedTokenProvider(t) });
    madeHere.add(client);
    session.setClient(client, { clientId: t.clientId, region: t.region });
    return session.signIn({ signal: opts.signal });
  }
  const c = await loadCredentials();
  if (!c || session.get().client) return false;
  const outcome = await signInWithCredentials(c, opts);
  return outcome.ok;
}

/** A client for a relay that holds the secret on the server: no dialog, no secret in the page. */
export function relayClient(relay: string): PivotkitClient {
  const base = relay.replace(/\/+$/, '');
  return createClient({
    baseUrls: { visibility: base, privateIntel: base },
    tokenProvider: async () => {
      const res = await fetch(`${base}/iroh/oauth2/token`, { method: 'POST' });
      if (!res.ok) throw new Error(`the relay refused a token (HTTP ${res.status})`);
      return res.json();
    },
  });
}
