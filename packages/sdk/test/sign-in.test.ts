// Sign-in details found by outside checks: credentials encoding (RFC 6749 §2.3.1), secret scrubbing at any
// status, and the timeout around a token provider.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthError, createClient, isPivotkitError, TimeoutError } from '@pivotkit/sdk';
import { secretAbsent } from './helpers/loopback.js';
import { clientFor, loopbackPool } from './helpers/client.js';

const server = loopbackPool();
const inspectOk = () => ({ json: [{ type: 'domain', value: 'cisco.com' }] });

/** RFC 6749 §2.3.1 decoding, as a server does it: base64, split at the first ':', form-decode both halves. */
function decodeBasic(header: string | undefined): [string, string] {
  const pair = Buffer.from(String(header).replace(/^Basic /, ''), 'base64').toString('latin1');
  const i = pair.indexOf(':');
  const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return [dec(pair.slice(0, i)), dec(pair.slice(i + 1))];
}

describe('client credentials encoding', () => {
  it('form-urlencodes id and secret before base64, so +, %, :, spaces and non-ASCII arrive intact', async () => {
    for (const [id, secret] of [
      ['demo-client', 'a+b%2Fc d'],
      ['client:with:colons', 'sécret-ü-密码-🔑'],
      ['plain', 'p&q=r/s?t#u'],
    ]) {
      const s = await server(inspectOk);
      await createClient({
        baseUrls: { visibility: s.url, privateIntel: s.url },
        credentials: { clientId: id!, clientSecret: secret! },
        cache: false,
      }).inspect('x');
      const header = s.tokenRequests()[0]!.headers.authorization;
      assert.deepEqual(decodeBasic(header), [id, secret]);
      assert.match(String(header), /^Basic [A-Za-z0-9+/]+=*$/, 'the base64 holds only ASCII');
    }
  });
});

describe('secret scrubbing', () => {
  const SECRET = 'canary+secret/9f3e%é';
  const ID = 'demo-client';
  const form = (s: string) => new URLSearchParams([['', s]]).toString().slice(1);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const leaks = [
    SECRET,
    form(SECRET),
    encodeURIComponent(SECRET),
    b64(`${ID}:${SECRET}`),
    b64(`${form(ID)}:${form(SECRET)}`),
    `Basic ${b64(`${form(ID)}:${form(SECRET)}`)}`,
  ];
  const absent = (err: unknown) => leaks.every((l) => secretAbsent(err, l));

  it('keeps every form of the secret out of errors, whatever the status', async () => {
    for (const status of [400, 401, 403, 404, 429, 500, 502, 503]) {
      for (const leak of leaks) {
        const s = await server(inspectOk, () => ({
          status,
          headers: { 'retry-after': '0' },
          json: { error: `bad ${leak}`, error_description: `you sent ${leak} (Authorization: ${leak})` },
        }));
        const err = await createClient({
          baseUrls: { visibility: s.url, privateIntel: s.url },
          credentials: { clientId: ID, clientSecret: SECRET },
          cache: false,
          retry: 0,
        })
          .inspect('x')
          .catch((e: unknown) => e);
        assert.ok(isPivotkitError(err), String(err));
        assert.ok(absent(err), `status ${status} quoting ${leak}: ${(err as Error).message}`);
      }
    }
  });

  it('keeps the secret out of an error about a token reply that is not JSON', async () => {
    for (const leak of leaks) {
      // JSON.parse's message quotes a short body whole.
      const s = await server(inspectOk, () => ({ text: leak }));
      const err = await createClient({
        baseUrls: { visibility: s.url, privateIntel: s.url },
        credentials: { clientId: ID, clientSecret: SECRET },
        cache: false,
      })
        .signIn()
        .catch((e: unknown) => e);
      assert.ok(isPivotkitError(err, 'ApiShapeError'), String(err));
      assert.ok(absent(err), leak);
    }
  });
});

describe('token provider timeout', () => {
  it('fails calls waiting on a provider that never settles with TimeoutError', async () => {
    const s = await server(inspectOk);
    const c = createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      tokenProvider: () => new Promise<string>(() => {}),
      timeout: 50,
      cache: false,
    });
    const [a, b] = await Promise.all([c.inspect('x').catch((e: unknown) => e), c.signIn().catch((e: unknown) => e)]);
    for (const e of [a, b]) {
      assert.ok(e instanceof TimeoutError, String(e));
      assert.match(e.message, /token provider/);
    }
    assert.deepEqual(s.api(), []);
  });

  it('lets the next call ask the provider again', async () => {
    const s = await server(inspectOk);
    let n = 0;
    const c = createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      tokenProvider: () => (++n === 1 ? new Promise<string>(() => {}) : Promise.resolve('tok')),
      timeout: 50,
      cache: false,
    });
    await assert.rejects(c.inspect('x'), TimeoutError);
    assert.deepEqual(await c.inspect('x'), [{ type: 'domain', value: 'cisco.com' }]);
  });

  it('still wraps a provider that throws in AuthError', async () => {
    const c = clientFor('http://127.0.0.1:9', {
      credentials: undefined,
      tokenProvider: () => Promise.reject(new Error('backend down')),
    });
    await assert.rejects(c.signIn(), AuthError);
  });
});
