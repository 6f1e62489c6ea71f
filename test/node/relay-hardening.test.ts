// The relay process against a hostile or broken upstream (a small server in this test standing in for the
// regional hosts), and against an emulator process with a secret that needs encoding.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chunkedFlood } from './raw-http.js';
import { relayArgs, startEmulator, startServer } from './spawn-server.js';
import type { ServerProcess } from './spawn-server.js';

const ORIGIN = 'http://app.pivotkit.test';
const ID = 'vendor app';
const SECRET = 'canary+s3cret%2F/ü=';
const REAL_TOKEN = 'real-upstream-token-5b1d';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const token: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ access_token: REAL_TOKEN, token_type: 'bearer', expires_in: 600, scope: 'casebook' }));
};

describe('relay hardening (process)', () => {
  let fake: Server;
  let fakeUrl: string;
  let relay: ServerProcess;
  let onToken: Handler = token;
  let onApi: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  };
  const hanging = new Set<ServerResponse>();
  const hang: Handler = (_req, res) => void hanging.add(res);
  let tokenCalls = 0;

  before(async () => {
    fake = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (c: string) => (body += c));
      req.on('end', () => {
        if (req.url === '/iroh/oauth2/token') {
          tokenCalls++;
          onToken(req, res, body);
        } else onApi(req, res, body);
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    relay = await startServer(relayArgs(fakeUrl, ORIGIN, '--timeout', '1000'), {
      PIVOTKIT_CLIENT_ID: ID,
      PIVOTKIT_CLIENT_SECRET: SECRET,
    });
  });
  after(async () => {
    for (const res of hanging) res.destroy();
    await relay?.stop();
    fake.closeAllConnections();
    await new Promise((r) => fake.close(r));
  });

  const send = (path: string, init: RequestInit = {}) =>
    fetch(`${relay.url}${path}`, { ...init, headers: { Origin: ORIGIN, ...(init.headers as object) } });

  /** Every form the secret could leak in. */
  const form = (s: string) => new URLSearchParams({ s }).toString().slice(2);
  const LEAKS = [
    SECRET,
    form(SECRET),
    encodeURIComponent(SECRET),
    JSON.stringify(SECRET).slice(1, -1),
    btoa(`${form(ID)}:${form(SECRET)}`),
    btoa(unescape(encodeURIComponent(`${ID}:${SECRET}`))),
    REAL_TOKEN,
  ];
  const assertClean = (text: string) => {
    for (const leak of LEAKS) assert.ok(!text.includes(leak), `${leak} reached the browser: ${text}`);
  };

  it('sends the client id and secret form-urlencoded before base64 (RFC 6749 §2.3.1)', async () => {
    let seen = '';
    onToken = (req, res, body) => {
      seen = req.headers.authorization ?? '';
      token(req, res, body);
    };
    const res = await send('/iroh/oauth2/token', { method: 'POST' });
    assert.equal(res.status, 200);
    assert.equal(seen, `Basic ${btoa(`${form(ID)}:${form(SECRET)}`)}`);
    onToken = token;
  });

  it('scrubs the secret, in every form, and the real token from upstream errors at any status', async () => {
    // The cached token stops working upstream, so the relay asks for a new one, which fails.
    onApi = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"jwt_expired"}');
    };
    for (const status of [400, 401, 500, 200]) {
      onToken = (req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: `bad ${SECRET} ${req.headers.authorization}`,
            error_description: `${form(SECRET)} ${encodeURIComponent(SECRET)} ${REAL_TOKEN}`,
          }),
        );
      };
      const res = await send('/ctia/casebook/search');
      assert.equal(res.status, 502, String(status));
      assertClean(await res.text());
    }
    onToken = token;
    onApi = (req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `upstream saw ${req.headers.authorization}`, echoed: SECRET }));
    };
    const api = await send('/ctia/casebook/search');
    assert.equal(api.status, 500);
    assertClean(await api.text());
    assertClean(relay.output());
  });

  it('does not pass an upstream redirect or its Location to the browser', async () => {
    onApi = (_req, res) => {
      res.writeHead(302, { Location: 'https://evil.example/steal' });
      res.end();
    };
    const res = await send('/ctia/casebook/search', { redirect: 'manual' });
    assert.equal(res.status, 502);
    assert.equal(res.headers.get('location'), null);
    assert.equal(((await res.json()) as { error: string }).error, 'upstream_redirect');
  });

  it('times out a hanging token fetch: every waiting request gets 504, and the next one retries', async () => {
    onToken = hang;
    // A new token is needed: make the cached one fail upstream.
    onApi = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"jwt_expired"}');
    };
    const t = performance.now();
    const replies = await Promise.all([1, 2, 3].map(() => send('/ctia/casebook/search')));
    const ms = performance.now() - t;
    assert.deepEqual(
      replies.map((r) => r.status),
      [504, 504, 504],
    );
    for (const r of replies) assert.equal(((await r.json()) as { error: string }).error, 'upstream_timeout');
    assert.ok(ms < 5_000, `${Math.round(ms)} ms`);
    // Upstream recovers: the next request fetches a token again and succeeds.
    onToken = token;
    onApi = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    };
    const before = tokenCalls;
    const ok = await send('/ctia/casebook/search');
    assert.equal(ok.status, 200);
    assert.equal(tokenCalls, before + 1);
  });

  it('times out a hanging API call with 504', async () => {
    onApi = hang;
    const t = performance.now();
    const res = await send('/ctia/casebook/search');
    assert.equal(res.status, 504);
    assert.ok(performance.now() - t < 5_000);
    onApi = (_req, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.end('[]');
    };
  });

  it('stops reading a chunked body at its limit', async () => {
    const r = await chunkedFlood(relay.url, '/ctia/casebook', { Origin: ORIGIN, 'Content-Type': 'application/json' });
    assert.equal(r.status, 413);
    assert.ok(r.sent < 32_000_000, `sent ${r.sent} bytes before an answer`);
  });

  it('logs no credential-looking query parameter, by name pattern', async () => {
    const planted = ['R1-apikey', 'R2-token', 'R3-jwt', 'R4-pass'];
    await send(
      `/ctia/casebook/search?apiKey=${planted[0]}&access_token[]=${planted[1]}&JWT=${planted[2]}&opts[password]=${planted[3]}`,
    );
    const line = relay
      .output()
      .split('\n')
      .find((l) => l.includes('GET /ctia/casebook/search?'));
    assert.ok(line);
    for (const p of planted) assert.ok(!line.includes(p), `${p} reached the relay log: ${line}`);
  });

  it('matches whole path segments of the decoded path and refuses dot segments', async () => {
    const seen: string[] = [];
    onApi = (req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    };
    for (const path of [
      '/ctia/casebookXYZ/search',
      '/ctia/incidents-admin',
      '/ctia/casebook/..;/judgement/search',
      '/ctia/casebook/..;foo/judgement',
      '/ctia/casebook/%252e%252e/judgement',
      '/ctia/casebook/%2e%2e%3b/judgement',
      '/ctia/casebook/.%2e/judgement',
      '/ctia/casebook;x=1/search',
      '/ctia/casebook/%00/search',
      '/iroh/iroh-enrichment/observe/observables',
      '/iroh/private-intel/incidents-admin',
    ]) {
      const res = await send(path);
      assert.ok([400, 404].includes(res.status), `${path}: ${res.status}`);
    }
    assert.deepEqual(seen, []);
    for (const path of [
      '/ctia/casebook/search',
      '/ctia/casebook',
      '/ctia/incident/incident-1/link',
      '/ctia/bundle/export?ids=x',
      '/iroh/private-intel/incident/search',
    ]) {
      const res = await send(path);
      assert.equal(res.status, 200, path);
    }
  });
});

describe('relay against an emulator with a secret that needs encoding (process)', () => {
  let upstream: ServerProcess;
  let relay: ServerProcess;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pivotkit-relay-enc-'));
    const clients = join(dir, 'clients.json');
    writeFileSync(clients, JSON.stringify([{ client_id: ID, client_secret: SECRET, scope: 'casebook' }]));
    upstream = await startEmulator(['--clients', clients]);
    relay = await startServer(relayArgs(upstream.url, ORIGIN), {
      PIVOTKIT_CLIENT_ID: ID,
      PIVOTKIT_CLIENT_SECRET: SECRET,
    });
  });
  after(async () => {
    await Promise.all([relay?.stop(), upstream?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with a secret holding +, %, / and non-ASCII characters', async () => {
    const res = await fetch(`${relay.url}/ctia/casebook/search`, { headers: { Origin: ORIGIN } });
    assert.equal(res.status, 200, await res.clone().text());
  });
});
