// Operations: redacted request logs, CORS, fault injection and the control endpoint.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CLIENT } from '../src/emulator/auth.js';
import { redactAuthorization, redactUrl } from '../src/redact.js';
import { startTestEmulator, useTestEmulator } from './helpers.js';
import type { TestEmulator } from './helpers.js';

const CANARY = 'canary-secret-9f3e';

describe('request logs', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ clients: [{ ...DEMO_CLIENT, clientId: 'canary-client', clientSecret: CANARY }] });
  });
  after(() => emu.close());

  it('log every request with the credentials, tokens and form bodies redacted', async () => {
    const token = await emu.token('canary-client', CANARY);
    await emu.call(token, 'POST', '/iroh/iroh-inspect/inspect', { content: 'cisco.com' });
    await emu.call(token, 'GET', `/ctia/casebook/search?query=x&access_token=${token}`);
    await fetch(`${emu.url}/iroh/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=canary-client&client_secret=${CANARY}`,
    });
    const text = emu.logs.join('\n');
    assert.equal(emu.logs.length, 4);
    assert.match(text, /POST \/iroh\/oauth2\/token 200 .*authorization="Basic \[REDACTED\]" body=\[REDACTED\]/);
    assert.match(text, /POST \/iroh\/iroh-inspect\/inspect 200 .*authorization="Bearer \[REDACTED\]"/);
    assert.match(text, /access_token=%5BREDACTED%5D/);
    assert.ok(!text.includes(CANARY), 'the secret reached the log');
    assert.ok(!text.includes(token), 'the token reached the log');
    assert.ok(!text.includes(token.split('.')[2]!), 'part of the token reached the log');
    assert.ok(!text.includes(btoa(`canary-client:${CANARY}`)), 'the Basic credentials reached the log');
  });

  it('redaction helpers keep the scheme and drop the credential', () => {
    assert.equal(redactAuthorization('Bearer abc.def.ghi'), 'Bearer [REDACTED]');
    assert.equal(redactAuthorization('opaque-value'), '[REDACTED]');
    assert.equal(
      redactUrl('/x?client_secret=s&keep=1&token=t'),
      '/x?client_secret=%5BREDACTED%5D&keep=1&token=%5BREDACTED%5D',
    );
  });
});

describe('CORS', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ cors: ['http://localhost:5173'] });
  });
  after(() => emu.close());

  it('answers a preflight from a configured origin', async () => {
    const res = await fetch(`${emu.url}/ctia/casebook`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
  });

  it('exposes the paging and Retry-After headers, and says nothing to other origins', async () => {
    const tok = await emu.token();
    const ok = await fetch(`${emu.url}/ctia/casebook/search`, {
      headers: { Origin: 'http://localhost:5173', Authorization: `Bearer ${tok}` },
    });
    const exposed = ok.headers.get('access-control-expose-headers') ?? '';
    for (const h of ['Retry-After', 'X-Total-Hits', 'X-Next', 'X-Previous', 'X-Sort'])
      assert.ok(exposed.includes(h), h);
    const other = await fetch(`${emu.url}/ctia/casebook/search`, {
      headers: { Origin: 'https://elsewhere.example', Authorization: `Bearer ${tok}` },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});

describe('fault injection', () => {
  const ctx = useTestEmulator();
  const setFaults = (body: unknown, action = 'faults') =>
    fetch(`${ctx.emu.url}/__control/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('is off by default', async () => {
    const res = await fetch(`${ctx.emu.url}/__control/faults`);
    assert.deepEqual(await res.json(), { faults: {} });
  });

  it('answers 429 with Retry-After for the next N matching requests, then recovers', async () => {
    assert.equal((await setFaults({ rateLimitRate: 1, retryAfter: 3, count: 2, paths: ['/ctia/'] })).status, 200);
    const inspect = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-inspect/inspect', { content: 'x.com' });
    assert.equal(inspect.status, 200, 'paths narrows the faults');
    for (let i = 0; i < 2; i++) {
      const r = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search');
      assert.equal(r.status, 429);
      assert.equal(r.headers.get('retry-after'), '3');
      assert.deepEqual(r.body, { error: 'Too Many Requests' });
    }
    assert.equal((await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search')).status, 200);
  });

  it('injects server errors at the configured status', async () => {
    await setFaults({ errorRate: 1, errorStatus: 503, count: 1 });
    const r = await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search');
    assert.equal(r.status, 503);
    assert.equal(r.body.error, 'unknown-exception');
  });

  it('cuts bodies short so they are not JSON', async () => {
    await setFaults({ malformedRate: 1, count: 1 });
    const r = await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search');
    assert.equal(r.status, 200);
    assert.throws(() => JSON.parse(r.text));
  });

  it('takes the first item of a list reply out of the documented shape, and leaves the rest', async () => {
    await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'one' });
    await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'two' });
    const whole = (await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search')).body as Record<string, unknown>[];
    await setFaults({ invalidItemRate: 1, count: 1, paths: ['/ctia/casebook/search'] });
    const r = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search');
    assert.equal(r.status, 200);
    const items = r.body as Record<string, unknown>[];
    assert.equal(items.length, whole.length);
    assert.equal(items[0]!['id'], whole[0]!['id']);
    assert.equal(items[0]!['schema_version'], undefined);
    assert.deepEqual(items.slice(1), whole.slice(1));
    const again = (await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search')).body as Record<string, unknown>[];
    assert.equal(typeof again[0]!['schema_version'], 'string', 'count: 1, then faults are off');
  });

  it('drops the connection without an answer', async () => {
    await setFaults({ dropRate: 1, count: 1 });
    await assert.rejects(
      fetch(`${ctx.emu.url}/ctia/incident/search`, { headers: { Authorization: `Bearer ${ctx.tok}` } }),
    );
    assert.equal((await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search')).status, 200);
  });

  it('adds latency', async () => {
    await setFaults({ latencyMs: 150 });
    const start = performance.now();
    await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-inspect/inspect', { content: 'x.com' });
    assert.ok(performance.now() - start >= 145);
    await setFaults({});
  });

  it('delays a slow module, so per-module calls arrive in order of speed', async () => {
    await setFaults({ moduleLatencyMs: { 'Endpoint Guard': 300 } });
    const order: string[] = [];
    const hash = [{ type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' }];
    const ask = (mid: string, name: string) =>
      ctx.emu.call(ctx.tok, 'POST', `/iroh/iroh-enrich/deliberate/observables?mids=${mid}`, hash).then((r) => {
        order.push(name);
        return r;
      });
    const start = performance.now();
    const [slow] = await Promise.all([
      ask('7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e03', 'endpoint'),
      ask('7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e01', 'feed'),
    ]);
    assert.deepEqual(order, ['feed', 'endpoint']);
    assert.equal(slow.body.data[0].module, 'Endpoint Guard');
    assert.ok(performance.now() - start >= 295);
    await setFaults({});
  });

  it('rejects nonsense settings with 400', async () => {
    const res = await setFaults({ errorRate: 7, sparkle: true });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error_description: string }).error_description, /errorRate.*sparkle/);
  });

  it('control takes JSON only, from local host names only, and never answers other origins', async () => {
    const form = await fetch(`${ctx.emu.url}/__control/reset`, { method: 'POST', body: 'x' });
    assert.equal(form.status, 415);
    const port = new URL(ctx.emu.url).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      // fetch cannot set Host: use node:http to send a request addressed to another name.
      import('node:http')
        .then(({ request }) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path: '/__control/faults',
              method: 'GET',
              headers: { Host: `evil.example:${port}` },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end();
        })
        .catch(reject);
    });
    assert.equal(rebound, 403);
  });

  it('reset brings back the seeded state', async () => {
    const created = await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'to be forgotten' });
    assert.equal(created.status, 201);
    assert.equal((await setFaults(null, 'reset')).status, 200);
    // Tokens stay valid across a plain reset.
    const found = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search?query=forgotten');
    assert.deepEqual(found.body, []);
    assert.ok((await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search')).body.length >= 5);
  });

  it('reset with rotateKey invalidates every token handed out before', async () => {
    assert.equal((await setFaults({ rotateKey: true }, 'reset')).status, 200);
    const stale = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search');
    assert.equal(stale.status, 401);
    assert.equal(stale.body.error, 'jwt_invalid_signature');
    ctx.tok = await ctx.emu.token();
    assert.equal((await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search')).status, 200);
  });
});

describe('control endpoint and CORS', () => {
  it('sends no CORS headers for /__control, even with --cors *', async () => {
    const emu = await startTestEmulator({ cors: '*' });
    try {
      const res = await fetch(`${emu.url}/__control/faults`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      const api = await fetch(`${emu.url}/ctia/casebook/search`, { headers: { Origin: 'https://elsewhere.example' } });
      assert.equal(api.headers.get('access-control-allow-origin'), '*');
    } finally {
      await emu.close();
    }
  });
});
