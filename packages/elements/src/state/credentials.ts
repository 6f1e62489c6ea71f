/**
 * Keeping a sign-in across page loads, for hosts that opt in (see docs/credential-persistence.md for the risks).
 * By default nothing here runs: the secret stays in the SDK client's memory and a reload signs out.
 *
 * - **Session token** (`session-token`): the short-lived access token (≤ 10 minutes on the real service), its
 *   scopes and expiry in `sessionStorage` of this tab. The secret is never stored; when the token ends, the
 *   analyst signs in again.
 * - **Encrypted credentials** (`encrypted-credentials`): the client ID and secret in IndexedDB, encrypted with
 *   AES-GCM under a WebCrypto key created non-extractable and stored as a `CryptoKey` (its bytes can never be
 *   read by script, only used to decrypt on this origin). This protects the stored record from being copied out
 *   of the profile; it does not protect it from script running on the origin, which can ask for decryption.
 * @module
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Region, TokenResponse } from '@pivotkit/sdk';

/** What a dialog sign-in needs again: the credentials and where they belong. */
export interface SavedCredentials {
  clientId: string;
  clientSecret: string;
  region: Region;
}

/** The access token of a dialog sign-in, with what the SDK needs to use it again. */
export interface SavedToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scope: string;
  clientId: string;
  region: Region;
}

/** sessionStorage key of the saved token. */
export const TOKEN_KEY = 'pk-session-token';
/** IndexedDB database and object store of the encrypted credentials. */
export const CREDENTIALS_DB = 'pivotkit-credentials';
const STORE = 'records';
const KEY_ID = 'key';
const RECORD_ID = 'credentials';
// Bound into every ciphertext: a record moved to another purpose or version does not decrypt.
const AAD = new TextEncoder().encode('pivotkit/credentials/v1');

let store: UseStore | undefined;
const db = () => (store ??= createStore(CREDENTIALS_DB, STORE));

interface Sealed {
  v: 1;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

async function keyFor(create: boolean): Promise<CryptoKey | undefined> {
  const existing = await get<CryptoKey>(KEY_ID, db());
  if (existing || !create) return existing;
  // extractable: false, so exportKey() throws and the key's bytes never reach script, storage or a log.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await set(KEY_ID, key, db());
  return key;
}

/** Encrypts and stores the credentials, replacing any saved before. */
export async function saveCredentials(c: SavedCredentials): Promise<void> {
  const key = (await keyFor(true))!;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(
    JSON.stringify({ clientId: c.clientId, clientSecret: c.clientSecret, region: c.region }),
  );
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: AAD }, key, plain);
  const sealed: Sealed = { v: 1, iv, data };
  await set(RECORD_ID, sealed, db());
}

/** The saved credentials, decrypted; `undefined` when none are saved or they cannot be read back. */
export async function loadCredentials(): Promise<SavedCredentials | undefined> {
  try {
    const [key, sealed] = await Promise.all([keyFor(false), get<Sealed>(RECORD_ID, db())]);
    if (!key || !sealed || sealed.v !== 1) return undefined;
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: AAD },
      key,
      sealed.data,
    );
    const o = JSON.parse(new TextDecoder().decode(plain)) as Partial<SavedCredentials>;
    if (typeof o.clientId !== 'string' || typeof o.clientSecret !== 'string') return undefined;
    if (o.region !== 'nam' && o.region !== 'eu' && o.region !== 'apjc') return undefined;
    return { clientId: o.clientId, clientSecret: o.clientSecret, region: o.region };
  } catch {
    return undefined; // IndexedDB unavailable, or a record the key cannot open (tampered, another key)
  }
}

/** Deletes the encrypted credentials and their key. */
export async function forgetCredentials(): Promise<void> {
  try {
    await Promise.all([del(RECORD_ID, db()), del(KEY_ID, db())]);
  } catch {
    // IndexedDB unavailable: nothing was saved.
  }
}

/** Stores the access token for this tab. */
export function saveToken(t: SavedToken): void {
  try {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(t));
  } catch {
    // Storage disabled or full: the session lasts as long as the page.
  }
}

/** The saved token if it is still valid for at least `marginMs`. An expired one is removed. */
export function loadToken(now = Date.now(), marginMs = 60_000): SavedToken | undefined {
  let t: Partial<SavedToken> | undefined;
  try {
    const text = sessionStorage.getItem(TOKEN_KEY);
    t = text ? (JSON.parse(text) as Partial<SavedToken>) : undefined;
  } catch {
    return undefined;
  }
  if (!t) return undefined;
  const ok =
    typeof t.accessToken === 'string' &&
    typeof t.expiresAt === 'number' &&
    typeof t.scope === 'string' &&
    typeof t.clientId === 'string' &&
    (t.region === 'nam' || t.region === 'eu' || t.region === 'apjc');
  if (!ok || t.expiresAt! - marginMs <= now) {
    forgetToken();
    return undefined;
  }
  return t as SavedToken;
}

/** Removes the saved token. */
export function forgetToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage disabled: nothing was saved.
  }
}

/** Removes everything this module may have saved. */
export async function forgetAll(): Promise<void> {
  forgetToken();
  await forgetCredentials();
}

/**
 * A fetch for `createClient({ fetch })` that hands every token the OAuth2 endpoint issues to `onToken`
 * (how the `session-token` choice learns the token; the SDK keeps its own copy private).
 */
export function tokenWatchingFetch(onToken: (token: TokenResponse) => void, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (res.ok && new URL(url, location.href).pathname.endsWith('/iroh/oauth2/token')) {
      res
        .clone()
        .json()
        .then((body: unknown) => {
          const b = body as Partial<TokenResponse> | null;
          if (b && typeof b.access_token === 'string') onToken(b as TokenResponse);
        })
        .catch(() => undefined); // not JSON: the SDK reports it
    }
    return res;
  };
}

/**
 * A token provider that serves a saved token while it lasts, then fails: the analyst signs in again (the secret
 * to get a new one was never stored).
 */
export function savedTokenProvider(t: SavedToken, now: () => number = Date.now): () => Promise<TokenResponse> {
  return async () => {
    const left = Math.floor((t.expiresAt - now()) / 1000);
    if (left <= 0) {
      forgetToken();
      throw new Error('the saved session has expired; sign in again');
    }
    return { access_token: t.accessToken, token_type: 'bearer', expires_in: left, scope: t.scope };
  };
}
