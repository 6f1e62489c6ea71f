/**
 * OAuth2 client credentials for the emulator: clients and their scopes, signed JWT access tokens with
 * IROH-like claims (api-contract.md §1), and their verification.
 * The signing key (ES256) is kept in the store, so tokens stay valid across a restart of the same database.
 * @module
 */
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, errors as joseErrors } from 'jose';
import type { JWK, CryptoKey as JoseKey } from 'jose';
import { ALL_SCOPES, scopeCovers } from '../scopes.js';
import type { Store } from '../store.js';
import { hash, randomUuid, stableUuid } from './hash.js';

export interface ClientConfig {
  clientId: string;
  clientSecret: string;
  /** Scopes the client may be granted. */
  scopes: string[];
  /** Shown in the token's user claims. */
  name?: string;
  email?: string;
  orgId?: string;
  orgName?: string;
}

/** The demo client every emulator has unless a clients file replaces it. Published: not a secret. */
export const DEMO_CLIENT: ClientConfig = {
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  scopes: [...ALL_SCOPES],
  name: 'Demo Analyst',
  email: 'analyst@pivotkit.example',
  orgId: 'org-pivotkit-demo',
  orgName: 'Pivotkit Demo Org',
};

export const CLAIMS = 'https://schemas.cisco.com/iroh/identity/claims/';
export const ISSUER = 'IROH Auth Emulator';
const ALG = 'ES256';

/** Parses a clients file: `{"clients":[…]}` or `[…]`, each `{client_id, client_secret, scopes|scope, …}`. */
export function parseClients(json: unknown): ClientConfig[] {
  const list = Array.isArray(json) ? json : (json as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(list) || list.length === 0) throw new Error('the clients file must hold a non-empty array');
  return list.map((raw: Record<string, unknown>, i) => {
    const clientId = raw['client_id'] ?? raw['clientId'];
    const clientSecret = raw['client_secret'] ?? raw['clientSecret'];
    const scopes = raw['scopes'] ?? (typeof raw['scope'] === 'string' ? raw['scope'].split(/\s+/) : undefined);
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !Array.isArray(scopes)) {
      throw new Error(`client #${i + 1} needs client_id, client_secret and scopes (an array) or scope (a string)`);
    }
    const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
    return {
      clientId,
      clientSecret,
      scopes: scopes.filter((s): s is string => typeof s === 'string' && s.length > 0),
      name: str('name'),
      email: str('email'),
      orgId: str('org_id'),
      orgName: str('org_name'),
    };
  });
}

/** Compares without an early exit on the first differing character. */
export function safeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export interface TokenClaims {
  sub: string;
  clientId: string;
  scopes: string[];
  orgId: string;
  exp: number;
}

interface Keys {
  privateKey: JoseKey | Uint8Array;
  publicKey: JoseKey | Uint8Array;
  kid: string;
  publicJwk: JWK;
}

export class TokenService {
  #keys: Promise<Keys> | undefined;
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
    readonly ttlSeconds: number,
  ) {}

  /** The signing key: loaded from the store, or made once and saved there. */
  keys(): Promise<Keys> {
    this.#keys ??= (async () => {
      let saved = this.store.get('meta', 'signing-key') as { private: JWK; public: JWK; kid: string } | undefined;
      if (!saved) {
        const pair = await generateKeyPair(ALG, { extractable: true });
        const kid = stableUuid('kid', randomUuid());
        saved = { private: await exportJWK(pair.privateKey), public: await exportJWK(pair.publicKey), kid };
        // Another process on the same file may have saved one meanwhile: the first one wins.
        const candidate = saved;
        saved = this.store.transaction(() => {
          const existing = this.store.get('meta', 'signing-key') as typeof candidate | undefined;
          if (existing) return existing;
          this.store.put('meta', 'signing-key', candidate);
          return candidate;
        });
      }
      return {
        privateKey: await importJWK(saved.private, ALG),
        publicKey: await importJWK(saved.public, ALG),
        kid: saved.kid,
        publicJwk: { ...saved.public, kid: saved.kid, alg: ALG, use: 'sig' },
      };
    })();
    return this.#keys;
  }

  /** Forgets the cached key (after the store was cleared). */
  reset(): void {
    this.#keys = undefined;
  }

  async issue(client: ClientConfig, scopes: string[]): Promise<{ token: string; expiresIn: number }> {
    const { privateKey, kid } = await this.keys();
    const now = Math.floor(this.clock() / 1000);
    const userId = stableUuid('user', client.clientId);
    const orgId = client.orgId ?? DEMO_CLIENT.orgId!;
    const email = client.email ?? `${client.clientId}@pivotkit.example`;
    const token = await new SignJWT({
      email,
      [`${CLAIMS}user/id`]: userId,
      [`${CLAIMS}user/email`]: email,
      [`${CLAIMS}user/nick`]: client.name ?? client.clientId,
      [`${CLAIMS}org/id`]: orgId,
      [`${CLAIMS}org/name`]: client.orgName ?? DEMO_CLIENT.orgName!,
      [`${CLAIMS}scopes`]: scopes,
      [`${CLAIMS}oauth/client/id`]: client.clientId,
      [`${CLAIMS}oauth/kind`]: 'client-credentials',
      [`${CLAIMS}version`]: 1,
    })
      .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(userId)
      .setJti(randomUuid())
      .setIssuedAt(now)
      .setNotBefore(now - 1)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(privateKey);
    return { token, expiresIn: this.ttlSeconds };
  }

  /** Verifies a bearer token; throws `TokenError` with the IROH error code when it is not good. */
  async verify(token: string): Promise<TokenClaims> {
    const { publicKey } = await this.keys();
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: ISSUER,
        algorithms: [ALG],
        currentDate: new Date(this.clock()),
      });
      const scopes = payload[`${CLAIMS}scopes`];
      return {
        sub: String(payload.sub),
        clientId: String(payload[`${CLAIMS}oauth/client/id`]),
        orgId: String(payload[`${CLAIMS}org/id`]),
        scopes: Array.isArray(scopes) ? scopes.map(String) : [],
        exp: payload.exp ?? 0,
      };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw new TokenError('jwt_expired', 'JWT Expired');
      if (e instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw new TokenError('jwt_invalid_signature', 'JWT signature does not match');
      }
      throw new TokenError('invalid_jwt', 'The JWT in the Authorization header is not valid');
    }
  }
}

export class TokenError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Scopes to grant: everything the client has, or the asked-for scopes that the client's scopes cover. */
export function grantScopes(client: ClientConfig, requested: string | undefined): string[] {
  if (!requested?.trim()) return [...client.scopes];
  return requested
    .trim()
    .split(/\s+/)
    .filter((r) => client.scopes.some((h) => scopeCovers(h, r)));
}

/** A short, stable tag for a client id in logs (never the secret). */
export function clientTag(clientId: string): string {
  return hash('client', clientId).toString(36);
}
