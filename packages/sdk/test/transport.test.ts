// The fetch transport under the client: per-attempt timeout over headers and body, the caller's signal during
// the body and the retry wait, what is and is not retried, and what a custom fetch receives.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import {
  AbortError,
  AuthError,
  createClient,
  HttpStatusError,
  NetworkError,
  TimeoutError,
  type ClientOptions,
} from '@pivotkit/sdk';
import { SECRET, secretAbsent, type Loopback } from './helpers/loopback.js';
import { clientFor as sharedClientFor, FAST_RETRY, loopbackPool } from './helpers/client.js';

const server = loopbackPool();
// Node loads its fetch on first use, which can take longer than the short timeouts below: load it first.
before(async () => {
  const s = await server(() => ({ json: [] }));
  await (await fetch(s.url)).text();
});
const clientFor = (s: Loopback, extra: Partial<ClientOptions> = {}) =>
  sharedClientFor(s, { retryPolicy: FAST_RETRY, ...extra });
const casebook = { id: 'casebook-1', type: 'casebook', schema_version: '1.3.29', title: 'Case' };
const isApi = (r: Request) => !r.url.endsWith('/iroh/oauth2/token');

describe('timeout', () => {
  it('covers the body of an error reply too', async () => {
    const s = await server(() => ({ status: 400, stallBody: true }));
    // A host token: the 100 ms are the API call's alone, not shared with a token request on a busy machine.
    const err = await clientFor(s, { timeout: 100, credentials: undefined, tokenProvider: async () => 'tok' })
      .casebooks.get('casebook-1')
      .catch((e: unknown) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(err.request.path, '/ctia/casebook/casebook-1');
    assert.equal(s.api().length, 1);
  });

  it('covers the body of the token reply', async () => {
    const s = await server(
      () => ({ json: [] }),
      () => ({ stallBody: true }),
    );
    const err = await clientFor(s, { timeout: 100 })
      .signIn()
      .catch((e: unknown) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(err.request.path, '/iroh/oauth2/token');
    assert.ok(secretAbsent(err));
  });

  it('runs per attempt: the wait before a retry does not count against it', async () => {
    let n = 0;
    const s = await server(() => (++n === 1 ? { status: 503 } : { json: casebook }));
    // Backoff 750 ms (base 1000, jitter 0.5) is longer than the 500 ms timeout of each attempt.
    const got = await clientFor(s, { timeout: 500, retryPolicy: { baseMs: 1000, random: () => 0.5 } }).casebooks.get(
      'casebook-1',
    );
    assert.equal(got.title, 'Case');
    assert.equal(s.api().length, 2);
  });

  it('is not retried, even for an idempotent call', async () => {
    const s = await server(() => ({ hang: true }));
    const err = await clientFor(s, { timeout: 100, retry: 2 })
      .casebooks.get('casebook-1')
      .catch((e: unknown) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(s.api().length, 1);
  });
});

describe('abort', () => {
  it('stops a call while its body is being read', async () => {
    const s = await server(() => ({ stallBody: true }));
    const ac = new AbortController();
    const err = await clientFor(s, {
      timeout: false,
      // Aborts once the headers are in, so the abort lands on the body read.
      fetch: async (r) => {
        const res = await fetch(r);
        if (isApi(r as Request)) ac.abort(new Error('user left'));
        return res;
      },
    })
      .casebooks.get('casebook-1', { signal: ac.signal })
      .catch((e: unknown) => e);
    assert.ok(err instanceof AbortError, String(err));
    assert.equal((err.cause as Error).message, 'user left');
  });

  it('stops the wait before a retry, and sends no retry', { timeout: 10_000 }, async () => {
    const s = await server(() => ({ status: 503 }));
    const ac = new AbortController();
    // The jitter is drawn right before the wait starts: abort then, with a wait of a minute ahead.
    const random = () => {
      setImmediate(() => ac.abort());
      return 0.5;
    };
    const err = await clientFor(s, { retryPolicy: { baseMs: 80_000, maxBackoffMs: 80_000, random } })
      .casebooks.get('casebook-1', { signal: ac.signal })
      .catch((e: unknown) => e);
    assert.ok(err instanceof AbortError, String(err));
    assert.equal(s.api().length, 1);
  });

  it('leaves no listener on the caller’s signal after a call, retried or not', async () => {
    let n = 0;
    const s = await server(() => (++n % 2 === 1 ? { status: 503 } : { json: casebook }));
    const ac = new AbortController();
    const c = clientFor(s);
    await c.casebooks.get('casebook-1', { signal: ac.signal });
    await c.casebooks.get('casebook-1', { signal: ac.signal });
    assert.equal(s.api().length, 4);
    assert.equal(getEventListeners(ac.signal, 'abort').length, 0);
  });
});

describe('connection failures', () => {
  it('are not retried, even for an idempotent call', async () => {
    const s = await server(() => ({ destroy: true }));
    const err = await clientFor(s, { retry: 2 })
      .casebooks.get('casebook-1')
      .catch((e: unknown) => e);
    assert.ok(err instanceof NetworkError, String(err));
    assert.equal(s.api().length, 1);
  });

  it('keep a TypeError from fetch as the cause, and nothing a custom fetch throws', async () => {
    const s = await server(() => ({ json: casebook }));
    const failWith = (e: unknown) =>
      clientFor(s, {
        fetch: async (r) => {
          if (isApi(r as Request)) throw e;
          return fetch(r);
        },
      })
        .casebooks.get('casebook-1')
        .catch((x: unknown) => x);
    const typeError = new TypeError('fetch failed');
    const a = await failWith(typeError);
    assert.ok(a instanceof NetworkError);
    assert.equal(a.cause, typeError);
    const b = await failWith(new Error(`proxy refused Bearer tok-1 for ${SECRET}`));
    assert.ok(b instanceof NetworkError);
    assert.equal(b.cause, undefined);
    assert.ok(secretAbsent(b));
  });
});

describe('requests', () => {
  it('hands a custom fetch one Request per attempt, with method, headers and the JSON body each time', async () => {
    const s = await server((_, all) => (all.length < 3 ? { status: 502 } : { json: [] }));
    const sent: { method: string; type: string | null; auth: string | null; body: string }[] = [];
    const c = clientFor(s, {
      fetch: async (r) => {
        const req = r as Request;
        assert.ok(req instanceof Request);
        sent.push({
          method: req.method,
          type: req.headers.get('content-type'),
          auth: req.headers.get('authorization'),
          body: await req.clone().text(),
        });
        return fetch(req);
      },
    });
    assert.deepEqual(await c.inspect('1.2.3.4'), []);
    const api = sent.slice(1);
    assert.equal(api.length, 2, 'one retry of the read-only POST after a 502');
    for (const r of api)
      assert.deepEqual(r, {
        method: 'POST',
        type: 'application/json',
        auth: 'Bearer tok-1',
        body: '{"content":"1.2.3.4"}',
      });
  });

  it('turns a token no header can carry into AuthError, without quoting it', async () => {
    const s = await server(() => ({ json: [] }));
    const err = await createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      tokenProvider: async () => `${SECRET}\nx`,
      cache: false,
    })
      .inspect('x')
      .catch((e: unknown) => e);
    assert.ok(err instanceof AuthError, String(err));
    assert.ok(secretAbsent(err), err.message);
    assert.equal(s.api().length, 0);
  });

  it('maps an error status whose retries ran out, after reading its body', async () => {
    const s = await server(() => ({ status: 504, json: { error: 'gateway-timeout', error_description: 'upstream' } }));
    const err = await clientFor(s, { retry: 1 })
      .casebooks.get('casebook-1')
      .catch((e: unknown) => e);
    assert.ok(err instanceof HttpStatusError);
    assert.equal(err.code, 'gateway-timeout');
    assert.equal(s.api().length, 2);
  });
});
