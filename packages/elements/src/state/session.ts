import type { Feature, PivotkitClient, Session } from '@pivotkit/sdk';
import { writable, type Readable } from './store.js';
import { onTabMessage, postToTabs } from './tab-channel.js';

export type SessionStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'error';

/** The page's one session: which client the elements use and what its token allows. Never holds the secret. */
export interface SessionState {
  status: SessionStatus;
  /** The configured client (`configure({ client })` or `session.setClient` sets it). */
  client: PivotkitClient | undefined;
  /** Granted scopes while signed in, else `[]`. */
  scopes: readonly string[];
  /** When the token expires, epoch ms (signed in). */
  expiresAt?: number;
  /** The client id, when known (never the secret). */
  clientId?: string;
  /** The region, when known. */
  region?: string;
  /** Status `error`: the `PivotkitError` from sign-in or a token failure. */
  error?: unknown;
}

// The SDK adds `region` and `clientId` to the client; read them where present.
type ClientInfo = { region?: string; clientId?: string };

const SIGNED_OUT: SessionState = { status: 'signed-out', client: undefined, scopes: [] };
const store = writable<SessionState>(SIGNED_OUT);
let info: ClientInfo = {};
// Bumped by every setClient/signOut: an older sign-in that resolves later must not overwrite them.
let generation = 0;

function fromClient(client: PivotkitClient | undefined, s: Session | undefined = client?.session): SessionState {
  if (!client) return SIGNED_OUT;
  const own = client as PivotkitClient & ClientInfo;
  const base = {
    client,
    clientId: s?.clientId ?? info.clientId ?? own.clientId,
    region: info.region ?? own.region,
  };
  if (!s) return { status: 'signed-out', scopes: [], ...base };
  return { status: 'signed-in', scopes: s.scopes, expiresAt: s.expiresAt, ...base };
}

/** The newest sign-in, with the generation it started: an older one that it overtook answers with its result. */
let newest: { gen: number; result: Promise<boolean> } | undefined;

/**
 * Signs in. When another sign-in starts before this one ends (two elements asking at once), this one resolves
 * with the newer one's result instead of `false`; after a sign-out or a new client, it resolves `false`.
 */
function signIn(opts: { signal?: AbortSignal } = {}): Promise<boolean> {
  const gen = ++generation;
  const result = signInAs(gen, opts);
  newest = { gen, result };
  return result;
}

/** What a sign-in overtaken by another resolves with: the newer one's result, unless the session moved on. */
const overtaken = (): Promise<boolean> | false => (newest && newest.gen === generation ? newest.result : false);

async function signInAs(gen: number, opts: { signal?: AbortSignal }): Promise<boolean> {
  const client = store.get().client;
  if (!client) return false;
  const before = store.get();
  store.set({ ...before, status: 'signing-in', error: undefined });
  try {
    const s = await client.signIn({ signal: opts.signal });
    if (gen === generation) store.set(fromClient(client, s));
    return gen === generation ? true : store.get().status === 'signed-in' || overtaken();
  } catch (error) {
    if (gen !== generation) return overtaken();
    // Aborted by the caller (a menu closed mid-sign-in): nothing failed, back to where it was.
    if (opts.signal?.aborted) store.set(fromClient(client));
    else store.set({ ...fromClient(client), status: 'error', error });
    return false;
  }
}

function signOut(opts: { forget?: boolean } = {}, fromOtherTab = false): void {
  generation++;
  const { client } = store.get();
  client?.signOut(); // clears its token and its cached intel
  if (opts.forget) info = {};
  store.set(opts.forget ? SIGNED_OUT : fromClient(client, undefined));
  if (!fromOtherTab) postToTabs({ kind: 'sign-out', forget: !!opts.forget });
}

/**
 * The session every element follows (through `SessionController`). `configure({ client })` sets its client;
 * `signIn()` asks for a token; `signOut()` forgets it here and in the other tabs of the origin.
 */
export const session: Readable<SessionState> & {
  setClient(client: PivotkitClient | undefined, info?: { clientId?: string; region?: string }): void;
  signIn(opts?: { signal?: AbortSignal }): Promise<boolean>;
  signOut(opts?: { forget?: boolean }): void;
  /** Re-reads the client's own session (after a call that failed on its token, or signed in by itself). */
  refresh(error?: unknown): void;
  can(feature: Feature): boolean;
  missingScopes(feature: Feature): string[];
} = {
  get: () => store.get(),
  subscribe: (listener) => store.subscribe(listener),
  setClient(client, clientInfo = {}) {
    generation++;
    info = clientInfo;
    store.set(fromClient(client));
  },
  signIn,
  signOut: (opts) => signOut(opts),
  refresh(error) {
    const { client } = store.get();
    const next = fromClient(client);
    store.set(error !== undefined && next.status !== 'signed-in' ? { ...next, status: 'error', error } : next);
  },
  can(feature) {
    const { status, client } = store.get();
    return status === 'signed-in' && !!client?.can(feature);
  },
  missingScopes(feature) {
    return store.get().client?.missingScopes(feature) ?? [];
  },
};

onTabMessage((m) => {
  if (m.kind === 'sign-out') signOut({ forget: m.forget }, true);
});
