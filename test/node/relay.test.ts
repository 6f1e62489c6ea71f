// The relay end to end: a relay process forwards to a second local process (the emulator) standing in for the
// regional hosts. The browser side sends no secret and gets no real token.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@pivotkit/sdk';
import type { TokenResponse } from '@pivotkit/sdk';
import { relayArgs as relayArgsFor, runCli, startEmulator, startServer } from './spawn-server.js';
import type { ServerProcess } from './spawn-server.js';

const ORIGIN = 'http://app.pivotkit.test';
const CANARY = 'canary-secret-9f3e';

describe('pivotkit-server relay', () => {
  let upstream: ServerProcess;
  let relay: ServerProcess;
  let dir: string;
  /** `relay` on any loopback port for ORIGIN, forwarding both hosts to the upstream emulator. */
  const relayArgs = (...extra: string[]) => relayArgsFor(upstream.url, ORIGIN, ...extra);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pivotkit-relay-'));
    const clients = join(dir, 'clients.json');
    writeFileSync(
      clients,
      JSON.stringify([{ client_id: 'vendor-app', client_secret: CANARY, scope: 'enrich:read casebook response' }]),
    );
    upstream = await startEmulator(['--clients', clients]);
    relay = await startServer(relayArgs(), { PIVOTKIT_CLIENT_ID: 'vendor-app', PIVOTKIT_CLIENT_SECRET: CANARY });
  });
  after(async () => {
    await Promise.all([relay?.stop(), upstream?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (path: string, init: RequestInit & { origin?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    if (init.origin !== null) headers.set('Origin', init.origin ?? ORIGIN);
    return fetch(`${relay.url}${path}`, { ...init, headers });
  };

  it('forwards enrich for an allowed origin, adding the token itself', async () => {
    const res = await send('/iroh/iroh-enrich/deliberate/observables', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ type: 'domain', value: 'evil.example.net' }]),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    const body = (await res.json()) as { data: { module: string }[] };
    assert.ok(body.data.some((d) => d.module === 'DNS Shield'));
  });

  it('forwards casebook writes and searches with their paging headers (private-intel host)', async () => {
    const created = await send('/ctia/casebook', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'via relay' }),
    });
    assert.equal(created.status, 201);
    assert.ok(created.headers.get('location'));
    const found = await send('/ctia/casebook/search?query=relay&limit=1');
    assert.equal(found.status, 200);
    assert.ok(Number(found.headers.get('x-total-hits')) >= 1);
    assert.match(found.headers.get('access-control-expose-headers') ?? '', /X-Total-Hits/);
  });

  it('answers the token endpoint with a placeholder and the real scopes, never the upstream token', async () => {
    const res = await send('/iroh/oauth2/token', { method: 'POST' });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { access_token: string; scope: string; expires_in: number };
    assert.equal(body.access_token, 'pivotkit-relay-session');
    assert.equal(body.scope, 'enrich:read casebook response');
    assert.ok(body.expires_in > 0 && body.expires_in <= 600);
  });

  it('answers a CORS preflight from an allowed origin', async () => {
    const res = await send('/ctia/casebook', {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
  });

  it('refuses other origins and requests with no origin', async () => {
    const other = await send('/iroh/iroh-enrich/refer/observables', {
      method: 'POST',
      origin: 'https://evil.example.net',
      headers: { 'Content-Type': 'application/json' },
      body: '[]',
    });
    assert.equal(other.status, 403);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const none = await send('/ctia/casebook/search', { origin: null });
    assert.equal(none.status, 403);
  });

  it('forwards only the allowed API paths', async () => {
    for (const path of [
      '/iroh/user-mgmt/users',
      '/iroh/oauth2/authorize',
      '/__control/reset',
      '/ctia/judgement/search',
      '/iroh/iroh-enrich/..%2f..%2fuser-mgmt/users',
      '/ctia/casebook%2f..%2f..%2fjudgement',
    ]) {
      const res = await send(path, { method: 'POST' });
      assert.equal(res.status, 404, path);
      assert.equal(((await res.json()) as { error: string }).error, 'not_relayed');
    }
  });

  it('refuses other methods and oversized bodies', async () => {
    assert.equal((await send('/ctia/casebook', { method: 'PROPFIND' })).status, 405);
    const big = await send('/ctia/casebook', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'x', description: 'y'.repeat(1_100_000) }),
    });
    assert.equal(big.status, 413);
  });

  it('obtains the token once and reuses it', async () => {
    for (let i = 0; i < 3; i++) {
      await (
        await send('/iroh/iroh-enrich/refer/observables', {
          method: 'POST',
          body: '[]',
          headers: { 'Content-Type': 'application/json' },
        })
      ).arrayBuffer();
    }
    const tokenCalls = upstream
      .output()
      .split('\n')
      .filter((l) => l.includes('POST /iroh/oauth2/token'));
    assert.equal(tokenCalls.length, 1);
  });

  it('gets a new token and retries once when the upstream rejects the cached one', async () => {
    // A new signing key upstream: the relay's cached token is now invalid.
    const reset = await fetch(`${upstream.url}/__control/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rotateKey: true }),
    });
    assert.equal(reset.status, 200, await reset.clone().text());
    const res = await send('/ctia/casebook/search?limit=1');
    assert.equal(res.status, 200);
    const lines = upstream.output().split('\n');
    assert.ok(lines.some((l) => l.includes('GET /ctia/casebook/search?limit=1 401')));
    assert.equal(lines.filter((l) => l.includes('POST /iroh/oauth2/token')).length, 2);
  });

  it('serves the SDK: a tokenProvider that asks the relay, and no secret in the page', async () => {
    const withOrigin: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Origin', ORIGIN);
      return fetch(input, { ...init, headers });
    };
    const client = createClient({
      baseUrls: { visibility: relay.url, privateIntel: relay.url },
      tokenProvider: async () =>
        (await withOrigin(`${relay.url}/iroh/oauth2/token`, { method: 'POST' })).json() as Promise<TokenResponse>,
      fetch: withOrigin,
      cache: false,
    });
    const session = await client.signIn();
    assert.deepEqual(session.scopes.sort(), ['casebook', 'enrich:read', 'response']);
    const r = await client.enrich.deliberate([{ type: 'domain', value: 'disputed.example.com' }]);
    assert.equal(r.verdictFor({ type: 'domain', value: 'disputed.example.com' })?.conflict, true);
    const cb = await client.casebooks.create({ title: 'sdk via relay' });
    assert.equal((await client.casebooks.get(cb.id)).title, 'sdk via relay');
  });

  it('passes a 429 and its Retry-After through to the page', async () => {
    const set = await fetch(`${upstream.url}/__control/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rateLimitRate: 1, retryAfter: 5, count: 1, paths: ['/ctia/casebook/search'] }),
    });
    assert.equal(set.status, 200);
    const res = await send('/ctia/casebook/search');
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  it('never logs the secret or a token, in either process', () => {
    for (const out of [relay.output(), upstream.output()]) {
      assert.ok(!out.includes(CANARY));
      assert.ok(!out.includes(btoa(`vendor-app:${CANARY}`)));
      assert.ok(!/eyJ[\w-]+\.[\w-]+\./.test(out), 'a JWT reached the log');
    }
    assert.match(upstream.output(), /authorization="Basic \[REDACTED\]"/);
    assert.match(upstream.output(), /authorization="Bearer \[REDACTED\]"/);
  });

  it('reports bad credentials as a relay sign-in failure', async () => {
    const bad = await startServer(relayArgs(), { PIVOTKIT_CLIENT_ID: 'vendor-app', PIVOTKIT_CLIENT_SECRET: 'wrong' });
    try {
      const res = await fetch(`${bad.url}/ctia/casebook/search`, { headers: { Origin: ORIGIN } });
      assert.equal(res.status, 502);
      const body = (await res.json()) as { error: string; error_description: string };
      assert.equal(body.error, 'relay_auth_failed');
      assert.match(body.error_description, /invalid_client/);
    } finally {
      await bad.stop();
    }
  });

  it('refuses a secret on the command line, without echoing it', async () => {
    const { code, out } = await runCli([
      'relay',
      '--region',
      'eu',
      '--allow-origin',
      ORIGIN,
      `--client-secret=${CANARY}`,
    ]);
    assert.equal(code, 2);
    assert.match(out, /refusing --client-secret/);
    assert.ok(!out.includes(CANARY));
  });

  it('reads the credentials from a file', async () => {
    const file = join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify({ client_id: 'vendor-app', client_secret: CANARY }));
    const r = await startServer(relayArgs('--credentials-file', file), {
      PIVOTKIT_CLIENT_ID: '',
      PIVOTKIT_CLIENT_SECRET: '',
    });
    try {
      const res = await fetch(`${r.url}/ctia/casebook/search`, { headers: { Origin: ORIGIN } });
      assert.equal(res.status, 200);
    } finally {
      await r.stop();
    }
  });
});
