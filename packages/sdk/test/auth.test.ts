import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthError, createClient, isPivotkitError, PivotkitConfigError } from '@pivotkit/sdk';
import { SECRET, secretAbsent, tokenReply } from './helpers/loopback.js';
import { clientFor, loopbackPool } from './helpers/client.js';

const server = loopbackPool();
const inspectOk = () => ({ json: [{ type: 'domain', value: 'cisco.com' }] });

describe('client credentials', () => {
  it('sends the token request exactly as the contract says', async () => {
    const s = await server(inspectOk);
    await clientFor(s).inspect('cisco.com');
    const [t] = s.tokenRequests();
    assert.equal(s.tokenRequests().length, 1);
    assert.equal(t!.method, 'POST');
    assert.equal(t!.path, '/iroh/oauth2/token');
    assert.equal(t!.headers.authorization, `Basic ${Buffer.from(`demo-client:${SECRET}`).toString('base64')}`);
    assert.equal(t!.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(t!.headers.accept, 'application/json');
    assert.equal(t!.body, 'grant_type=client_credentials');
    assert.equal([...t!.query].length, 0);
    const [api] = s.api();
    assert.equal(api!.headers.authorization, 'Bearer tok-1');
  });

  it('asks for one token for 50 concurrent calls', async () => {
    const s = await server(inspectOk);
    const client = clientFor(s);
    await Promise.all(Array.from({ length: 50 }, (_, i) => client.inspect(`call ${i}`)));
    assert.equal(s.tokenRequests().length, 1);
    assert.equal(s.api().length, 50);
    assert.ok(s.api().every((r) => r.headers.authorization === 'Bearer tok-1'));
  });

  it('refreshes 60 s before expires_in ends, on the injected clock', async () => {
    const s = await server(inspectOk);
    let now = 1_000_000;
    const client = clientFor(s, { clock: () => now });
    await client.inspect('a');
    assert.equal(client.session?.expiresAt, 1_000_000 + 600_000);
    now += 539_000;
    await client.inspect('b');
    assert.equal(s.tokenRequests().length, 1, 'still fresh 61 s before expiry');
    now += 2_000;
    await client.inspect('c');
    assert.equal(s.tokenRequests().length, 2, 'refreshed 59 s before expiry');
    assert.deepEqual(
      s.api().map((r) => r.headers.authorization),
      ['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2'],
    );
  });

  it('keeps using a token that has not expired yet when its early refresh fails', async () => {
    let n = 0;
    const s = await server(inspectOk, () => (++n === 1 ? tokenReply('tok-1') : { status: 503 }));
    let now = 0;
    const client = clientFor(s, { clock: () => now, retry: 0 });
    await client.inspect('a');
    now = 580_000;
    await client.inspect('b');
    assert.equal(s.tokenRequests().length, 2, 'tried to refresh');
    assert.equal(s.api()[1]!.headers.authorization, 'Bearer tok-1');
    now = 600_000;
    await assert.rejects(client.inspect('c'), (e: unknown) => isPivotkitError(e, 'HttpStatusError'));
  });

  it('on a 401 gets a new token once and retries the call', async () => {
    const s = await server((req) =>
      req.headers.authorization === 'Bearer tok-1'
        ? { status: 401, json: { error: 'invalid_request', error_description: 'jwt_expired' } }
        : inspectOk(),
    );
    const out = await clientFor(s).inspect('x');
    assert.deepEqual(out, [{ type: 'domain', value: 'cisco.com' }]);
    assert.equal(s.tokenRequests().length, 2);
    assert.equal(s.api().length, 2);
  });

  it('refreshes once when 20 concurrent calls all get a 401', async () => {
    const s = await server((req) => (req.headers.authorization === 'Bearer tok-1' ? { status: 401 } : inspectOk()));
    const client = clientFor(s);
    await client.signIn();
    await Promise.all(Array.from({ length: 20 }, () => client.inspect('x')));
    assert.equal(s.tokenRequests().length, 2);
  });

  it('fails with AuthError after a second 401, without looping', async () => {
    const s = await server(() => ({ status: 401, json: { error: 'invalid_request' } }));
    const err = await clientFor(s)
      .inspect('x')
      .catch((e: unknown) => e);
    assert.ok(err instanceof AuthError);
    assert.equal(s.tokenRequests().length, 2);
    assert.equal(s.api().length, 2);
    assert.ok(secretAbsent(err));
  });

  it('reports bad credentials as AuthError with an actionable message and no secret', async () => {
    const s = await server(inspectOk, () => ({
      status: 401,
      json: { error: 'invalid_client', error_description: 'Client authentication failed' },
    }));
    const err = await clientFor(s)
      .signIn()
      .catch((e: unknown) => e);
    assert.ok(isPivotkitError(err, 'AuthError'));
    assert.equal(err.status, 401);
    assert.equal(err.code, 'invalid_client');
    assert.match(err.message, /Sign-in failed: the client ID or secret is wrong \(invalid_client/);
    assert.ok(secretAbsent(err));
    assert.equal(s.api().length, 0);
  });

  it('treats any 4xx from the token endpoint as AuthError, and never echoes the secret back', async () => {
    const s = await server(inspectOk, (req) => ({
      status: 400,
      json: { error: 'invalid_request', error_description: `bad request: ${req.headers.authorization} ${SECRET}` },
    }));
    const err = await clientFor(s)
      .inspect('x')
      .catch((e: unknown) => e);
    assert.ok(err instanceof AuthError);
    assert.equal(err.status, 400);
    assert.ok(secretAbsent(err), String(err));
  });

  it('reports a rate-limited or timed-out token request as what it is, not as wrong credentials', async () => {
    // Retry-After longer than the retry cap: the client gives up at once and says when to try again.
    const limited = await server(inspectOk, () => ({ status: 429, headers: { 'retry-after': '120' }, json: {} }));
    const err = await clientFor(limited)
      .signIn()
      .catch((e: unknown) => e);
    assert.ok(isPivotkitError(err, 'RateLimitedError'), String(err));
    assert.equal(err.retryAfterMs, 120_000);
    assert.doesNotMatch(err.message, /client ID or secret/);
    const timedOut = await server(inspectOk, () => ({ status: 408, json: {} }));
    const err2 = await clientFor(timedOut, { retry: 0 })
      .signIn()
      .catch((e: unknown) => e);
    assert.ok(isPivotkitError(err2, 'HttpStatusError'), String(err2));
    assert.equal(err2.status, 408);
    assert.ok(!(err2 instanceof AuthError));
  });

  it('keeps the secret off the client object', async () => {
    const s = await server(inspectOk);
    const client = clientFor(s);
    await client.signIn();
    assert.ok(!JSON.stringify(client).includes(SECRET));
    assert.ok(!JSON.stringify(client.session).includes(SECRET));
  });

  it('parses the granted scopes and tells which features may work', async () => {
    const s = await server(inspectOk, () => tokenReply('t', 'enrich:read inspect:read response:read'));
    const client = clientFor(s);
    assert.equal(client.can('inspect'), false, 'false before sign-in');
    const session = await client.signIn();
    assert.deepEqual(session.scopes, ['enrich:read', 'inspect:read', 'response:read']);
    assert.equal(session.clientId, 'demo-client');
    assert.equal(client.can('inspect'), true);
    assert.equal(client.can('enrich'), true);
    assert.equal(client.can('refer'), true);
    assert.equal(client.can('pivot'), false, 'response:read does not cover response/trigger:write');
    assert.deepEqual(client.missingScopes('pivot'), ['response/trigger:write']);
    assert.deepEqual(client.missingScopes('casebook'), ['casebook']);
    client.signOut();
    assert.equal(client.session, undefined);
    assert.equal(client.can('inspect'), false);
  });

  it('signs in again after signOut', async () => {
    const s = await server(inspectOk);
    const client = clientFor(s);
    await client.inspect('a');
    client.signOut();
    await client.inspect('b');
    assert.equal(s.tokenRequests().length, 2);
  });
});

describe('token provider', () => {
  it('uses a token response from the host, without calling the token endpoint', async () => {
    const s = await server(inspectOk);
    let calls = 0;
    const client = createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      cache: false,
      tokenProvider: async () => {
        calls++;
        return { access_token: 'from-host', expires_in: 600, scope: 'casebook private-intel inspect:read' };
      },
    });
    await Promise.all([client.inspect('a'), client.inspect('b'), client.inspect('c')]);
    assert.equal(calls, 1);
    assert.equal(s.tokenRequests().length, 0);
    assert.equal(s.api()[0]!.headers.authorization, 'Bearer from-host');
    assert.equal(client.can('casebook'), true);
    assert.equal(client.can('enrich'), false);
  });

  it('reads scopes from a bare JWT and lets the service decide when there are none', async () => {
    const s = await server(inspectOk);
    const claims = {
      exp: 2_000_000_000,
      'https://schemas.cisco.com/iroh/identity/claims/scopes': ['enrich:read', 'response'],
      'https://schemas.cisco.com/iroh/identity/claims/oauth/client/id': 'client-x',
    };
    const jwt = `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
    const client = createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      cache: false,
      tokenProvider: async () => jwt,
    });
    const session = await client.signIn();
    assert.deepEqual(session.scopes, ['enrich:read', 'response']);
    assert.equal(session.clientId, 'client-x');
    assert.equal(client.can('pivot'), true);
    assert.equal(client.can('inspect'), false);

    const opaque = createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      cache: false,
      tokenProvider: async () => 'opaque-token',
    });
    await opaque.signIn();
    assert.equal(opaque.session?.scopesUnknown, true);
    assert.equal(opaque.can('casebook'), true);
  });

  it('wraps a failing provider in AuthError and keeps the cause', async () => {
    const s = await server(inspectOk);
    const boom = new Error('backend down');
    const client = createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      cache: false,
      tokenProvider: () => Promise.reject(boom),
    });
    const err = await client.inspect('x').catch((e: unknown) => e);
    assert.ok(err instanceof AuthError);
    assert.equal(err.cause, boom);
  });
});

describe('options', () => {
  it('rejects inconsistent options with prefixed messages', () => {
    const creds = { clientId: 'a', clientSecret: 'b' };
    assert.throws(() => createClient({}), PivotkitConfigError);
    assert.throws(
      () => createClient({ credentials: creds, tokenProvider: async () => 't' }),
      /\[@pivotkit\/sdk\] pass either credentials or tokenProvider, not both/,
    );
    assert.throws(() => createClient({ credentials: creds, region: 'mars' as 'eu' }), PivotkitConfigError);
    assert.throws(
      () => createClient({ credentials: creds, baseUrls: { visibility: 'nope', privateIntel: 'x' } }),
      PivotkitConfigError,
    );
    assert.throws(() => createClient({ credentials: creds, timeout: -1 }), PivotkitConfigError);
  });

  it('sends to the regional hosts', async () => {
    const urls: string[] = [];
    const client = createClient({
      region: 'eu',
      credentials: { clientId: 'a', clientSecret: 'b' },
      cache: false,
      fetch: async (input) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return new Response(JSON.stringify(urls.length === 1 ? tokenReply().json : []), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await client.inspect('x');
    await client.casebooks.list();
    assert.deepEqual(urls, [
      'https://visibility.eu.amp.cisco.com/iroh/oauth2/token',
      'https://visibility.eu.amp.cisco.com/iroh/iroh-inspect/inspect',
      'https://private.intel.eu.amp.cisco.com/ctia/casebook/search',
    ]);
  });
});
