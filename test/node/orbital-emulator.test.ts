// The SDK's Orbital client against the emulator process: a live query from the catalogue, its results page by
// page, node selectors, the scope, and bad requests answered with Orbital's error body.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  AuthError,
  HttpStatusError,
  ScopeError,
  createOrbitalClient,
  orbitalConsoleUrl,
  orbitalQuestionsFor,
  sqlString,
} from '@pivotkit/sdk';
import { getToken, startEmulator } from './spawn-server.js';
import type { ServerProcess } from './spawn-server.js';

describe('the Orbital client against the emulator process', () => {
  let emu: ServerProcess;
  let dir: string;
  let token: string;
  const orbital = (t = () => token) => createOrbitalClient({ baseUrl: `${emu.url}/v0`, tokenProvider: t });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pivotkit-orbital-'));
    const clients = join(dir, 'clients.json');
    writeFileSync(
      clients,
      JSON.stringify({
        clients: [
          { client_id: 'demo-client', client_secret: 'demo-secret', scopes: ['orbital', 'enrich:read'] },
          { client_id: 'no-orbital', client_secret: 'x-secret', scopes: ['enrich:read'] },
        ],
      }),
    );
    emu = await startEmulator(['--clients', clients, '--quiet']);
    token = await getToken(emu.url);
  });
  after(() => {
    emu?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers "which hosts resolved this domain" with the hosts whose DNS cache has it', async () => {
    const [q] = orbitalQuestionsFor({ type: 'domain', value: 'evil.example.net' });
    assert.equal(q!.id, 'dns-resolved');
    const o = orbital();
    const { jobId } = await o.run({
      name: 'dns',
      nodes: ['os:windows', 'os:macos', 'os:linux'],
      sql: [{ label: 'dns', sql: q!.sql({ type: 'domain', value: 'evil.example.net' }) }],
    });
    const page = await o.results(jobId);
    assert.equal(page.complete, true);
    assert.equal(page.cursor, undefined);
    const hit = page.hosts.filter((h) => h.tables[0]!.rows.length > 0).map((h) => h.hostname);
    assert.deepEqual(hit, ['ws-fin-0142', 'lt-eng-0207']);
    assert.deepEqual(page.hosts[0]!.tables[0]!.columns, ['name', 'type', 'flags']);
    assert.equal(page.hosts[0]!.tables[0]!.label, 'dns');
    assert.equal(page.hosts[0]!.os, 'Microsoft Windows 11 Enterprise');
  });

  it('answers every catalogue question about the demo values with the expected hosts', async () => {
    const o = orbital();
    const cases: [string, string, string, string[]][] = [
      ['browsed-domain', 'domain', 'evil.example.net', ['ws-fin-0142', 'lt-eng-0207']],
      ['dns-resolved', 'domain', 'cisco.com', ['srv-web-01']],
      ['connected-ip', 'ip', '203.0.113.9', ['lt-eng-0207']],
      ['arp-ip', 'ip', '203.0.113.9', ['lt-eng-0207']],
      ['file-hash', 'sha256', '275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F', ['ws-fin-0142']],
      ['process-hash', 'sha256', '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f', ['ws-fin-0142']],
      ['file-hash', 'sha256', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', ['lt-eng-0207']],
      ['file-hash', 'md5', '44d88612fea8a8f36de82e1278abb02f', ['ws-fin-0142']],
      ['browser-url', 'url', 'http://evil.example.net/payload.exe', ['ws-fin-0142', 'lt-eng-0207']],
      ['dns-resolved', 'domain', 'nothing.example', []],
    ];
    for (const [id, type, value, hosts] of cases) {
      const q = orbitalQuestionsFor({ type, value }).find((x) => x.id === id)!;
      const { jobId } = await o.run({ name: id, nodes: ['os:all'], sql: [{ sql: q.sql({ type, value }) }] });
      const page = await o.results(jobId);
      const hit = page.hosts.filter((h) => h.tables[0]!.rows.length > 0).map((h) => h.hostname);
      assert.deepEqual(hit, hosts, `${id} ${value}`);
    }
  });

  it('pages results with the cursor until complete', async () => {
    const o = orbital();
    const sql = orbitalQuestionsFor({ type: 'ip', value: '198.51.100.7' })[0]!.sql({
      type: 'ip',
      value: '198.51.100.7',
    });
    const { jobId } = await o.run({ name: 'ip', nodes: ['os:all'], sql: [{ sql }] });
    const first = await o.results(jobId, { limit: 2 });
    assert.equal(first.hosts.length, 2);
    assert.equal(first.complete, false);
    assert.ok(first.cursor);
    const second = await o.results(jobId, { limit: 2, cursor: first.cursor });
    assert.equal(second.hosts.length, 1);
    assert.equal(second.complete, true);
    const rows = [...first.hosts, ...second.hosts].flatMap((h) =>
      h.tables[0]!.rows.map((r) => `${h.hostname}:${r[1]}`),
    );
    assert.deepEqual(rows, ['ws-fin-0142:198.51.100.7', 'srv-web-01:198.51.100.7']);
  });

  it('selects nodes by host name and by netmask', async () => {
    const o = orbital();
    const sql = "SELECT * FROM dns_cache WHERE name = 'cisco.com';";
    for (const [nodes, expected] of [
      [['host:srv-web-01'], ['srv-web-01']],
      [['netmask:10.20.2.0/24'], ['lt-eng-0207']],
    ] as const) {
      const { jobId } = await o.run({ name: 'sel', nodes: [...nodes], sql: [{ sql }] });
      assert.deepEqual(
        (await o.results(jobId)).hosts.map((h) => h.hostname),
        expected,
      );
    }
  });

  it('quotes values so that a quote cannot end the SQL literal', () => {
    assert.equal(sqlString("a'b"), "'a''b'");
    const [q] = orbitalQuestionsFor({ type: 'domain', value: "x'; DROP TABLE y; --" });
    assert.match(q!.sql({ type: 'domain', value: "x'; DROP TABLE y; --" }), /'x''; DROP TABLE y; --'/);
  });

  it('links to the regional console with the query filled in', () => {
    const url = new URL(orbitalConsoleUrl('eu', "SELECT 1 WHERE a = 'b';"));
    assert.equal(url.origin, 'https://orbital.eu.amp.cisco.com');
    assert.equal(url.searchParams.get('sql'), "SELECT 1 WHERE a = 'b';");
    assert.equal(new URL(orbitalConsoleUrl(undefined, 'x')).host, 'orbital.amp.cisco.com');
  });

  it('refuses a token without the orbital scope, naming the scope', async () => {
    const other = await getToken(emu.url, 'no-orbital', 'x-secret');
    const err = await orbital(() => other)
      .run({ name: 'x', nodes: ['os:all'], sql: [{ sql: 'SELECT 1 FROM dns_cache;' }] })
      .catch((e: unknown) => e);
    assert.ok(err instanceof ScopeError, String(err));
    assert.deepEqual(err.missingScopes, ['orbital']);
  });

  it('refuses a request without a token, and bad bodies with a message', async () => {
    const err = await orbital(() => 'not-a-jwt')
      .results('nope')
      .catch((e: unknown) => e);
    assert.ok(err instanceof AuthError, String(err));
    const bad = await orbital()
      .run({ name: 'x', nodes: [], sql: [{ sql: 'SELECT 1;' }] })
      .catch((e: unknown) => e);
    assert.ok(bad instanceof HttpStatusError && bad.status === 400, String(bad));
    const missing = await orbital()
      .results('no-such-job')
      .catch((e: unknown) => e);
    assert.ok(missing instanceof HttpStatusError && missing.status === 404, String(missing));
  });
});
