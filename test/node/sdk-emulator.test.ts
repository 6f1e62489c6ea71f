// The SDK's calls against the emulator process over real HTTP: every wire shape the SDK parses, as the
// emulator produces it, plus errors, scopes, retries and faults.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ApiShapeError,
  AuthError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ScopeError,
  createClient,
} from '@pivotkit/sdk';
import type { ClientOptions, PivotkitApiClient } from '@pivotkit/sdk';
import { getToken, startEmulator } from './spawn-server.js';
import type { ServerProcess } from './spawn-server.js';

const CANARY = 'canary-secret-9f3e';
// RFC 6749 §2.3.1: the SDK form-urlencodes id and secret inside Basic, the emulator decodes them.
const ODD_SECRET = 'p+q%2Fr s:é-密码-🔑';

describe('the SDK against the emulator process', () => {
  let emu: ServerProcess;
  let dir: string;
  let client: PivotkitApiClient;
  const make = (over: Partial<ClientOptions> = {}) =>
    createClient({
      baseUrls: { visibility: emu.url, privateIntel: emu.url },
      credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
      cache: false,
      ...over,
    });
  const control = async (action: string, body: unknown) => {
    const res = await fetch(`${emu.url}/__control/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200, await res.clone().text());
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pivotkit-sdk-emu-'));
    const clients = join(dir, 'clients.json');
    writeFileSync(
      clients,
      JSON.stringify({
        clients: [
          {
            client_id: 'demo-client',
            client_secret: 'demo-secret',
            scopes: ['casebook', 'enrich:read', 'inspect:read', 'private-intel', 'response'],
          },
          { client_id: 'reader', client_secret: CANARY, scope: 'enrich:read inspect:read' },
          { client_id: 'odd+id:é', client_secret: ODD_SECRET, scope: 'enrich:read inspect:read' },
          // The documented example token's scopes (api-contract §1).
          { client_id: 'widget', client_secret: 'widget-secret', scope: 'enrich:read casebook inspect:read' },
        ],
      }),
    );
    emu = await startEmulator(['--clients', clients, '--quiet']);
    client = make();
  });
  after(async () => {
    await emu?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('sign-in and scopes', () => {
    it('signs in and reports the granted scopes', async () => {
      const session = await client.signIn();
      assert.ok(session.scopes.includes('casebook'));
      assert.ok(session.expiresAt > Date.now() + 500_000);
      assert.equal(client.can('casebook'), true);
      assert.equal(client.can('enrich'), true);
    });

    it('throws AuthError on a wrong secret, without the secret anywhere in the error', async () => {
      const bad = make({ credentials: { clientId: 'reader', clientSecret: `${CANARY}-wrong` } });
      const err = await bad.signIn().catch((e: unknown) => e);
      assert.ok(err instanceof AuthError);
      for (const s of [err.message, err.stack ?? '', JSON.stringify(err)]) assert.ok(!s.includes(CANARY));
    });

    it('signs in with a client id and secret holding +, %, :, spaces and non-ASCII characters', async () => {
      const odd = make({ credentials: { clientId: 'odd+id:é', clientSecret: ODD_SECRET } });
      const session = await odd.signIn();
      assert.deepEqual(session.scopes, ['enrich:read', 'inspect:read']);
      assert.deepEqual(await odd.inspect('cisco.com'), [{ value: 'cisco.com', type: 'domain' }]);
      const wrong = make({ credentials: { clientId: 'odd+id:é', clientSecret: ODD_SECRET.replace('+', ' ') } });
      await assert.rejects(wrong.signIn(), AuthError, 'a + is not a space');
    });

    it('lets the documented example token (enrich:read casebook inspect:read) use casebooks', async () => {
      const widget = make({ credentials: { clientId: 'widget', clientSecret: 'widget-secret' } });
      await widget.signIn();
      assert.equal(widget.can('casebook'), true);
      assert.deepEqual(widget.missingScopes('casebook'), []);
      const cb = await widget.casebooks.create({ title: 'widget case' });
      assert.equal((await widget.casebooks.get(cb.longId)).title, 'widget case');
      // Linking to an incident needs incident and relationship capabilities this token does not carry.
      assert.deepEqual(widget.missingScopes('link-casebook'), [
        'private-intel/incident:read',
        'private-intel/relationship',
      ]);
    });

    it('raises ScopeError naming the missing scope when the client lacks it', async () => {
      const reader = make({ credentials: { clientId: 'reader', clientSecret: CANARY } });
      await reader.signIn();
      assert.equal(reader.can('casebook'), false);
      assert.ok(reader.missingScopes('casebook').length > 0);
      const err = await reader.casebooks.list().catch((e: unknown) => e);
      assert.ok(err instanceof ScopeError, String(err));
      assert.deepEqual(err.missingScopes, ['casebook:read']);
    });
  });

  describe('inspect, enrich, refer, response', () => {
    it('inspect finds observables in text', async () => {
      const found = await client.inspect('mail from attacker@evil.example.net via 198.51.100.7');
      assert.deepEqual(found, [
        { value: 'attacker@evil.example.net', type: 'email' },
        { value: '198.51.100.7', type: 'ip' },
      ]);
    });

    it('deliberate derives verdicts, flags modules that disagree, and keeps module errors', async () => {
      const r = await client.enrich.deliberate([
        { type: 'domain', value: 'evil.example.net' },
        { type: 'domain', value: 'disputed.example.com' },
        { type: 'domain', value: 'module-error.example.com' },
        { type: 'domain', value: 'cisco.com' },
      ]);
      assert.equal(r.verdictFor({ type: 'domain', value: 'evil.example.net' })?.dispositionName, 'Malicious');
      assert.equal(r.verdictFor({ type: 'domain', value: 'cisco.com' })?.dispositionName, 'Clean');
      const disputed = r.verdictFor({ type: 'domain', value: 'disputed.example.com' });
      assert.equal(disputed?.conflict, true);
      assert.deepEqual(disputed?.modules.map((m) => m.dispositionName).sort(), ['Clean', 'Malicious']);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0]!.module, 'DNS Shield');
      assert.equal(r.verdictFor({ type: 'domain', value: 'module-error.example.com' })?.dispositionName, 'Suspicious');
    });

    it('deliberate and observe with mids ask only those modules', async () => {
      const DNS = '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e02';
      const ENDPOINT = '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e03';
      const ip = { type: 'ip', value: '198.51.100.7' };
      const every = await client.enrich.deliberate([ip]);
      assert.ok(every.modules.length > 1, 'more than one module knows the IP');
      const one = await client.enrich.deliberate([ip], { mids: [DNS] });
      assert.deepEqual(
        one.modules.map((m) => m.moduleInstanceId),
        [DNS],
      );
      assert.deepEqual(
        one.verdictFor(ip)?.modules.map((m) => m.module),
        ['DNS Shield'],
      );
      const modules: string[] = [];
      const observed = await client.enrich.observe([ip], {
        mids: [DNS, ENDPOINT],
        onModule: (m) => modules.push(m.module),
      });
      assert.deepEqual(modules.sort(), ['DNS Shield', 'Endpoint Guard']);
      assert.deepEqual(observed.modules.map((m) => m.module).sort(), ['DNS Shield', 'Endpoint Guard']);
    });

    it('observe returns judgements and sightings per module', async () => {
      const r = await client.enrich.observe([
        { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
      ]);
      const endpoint = r.modules.find((m) => m.module === 'Endpoint Guard');
      assert.ok(endpoint);
      assert.ok(endpoint.judgements.length >= 1);
      assert.ok(endpoint.sightings.length >= 1);
      assert.equal(r.verdicts[0]!.dispositionName, 'Malicious');
    });

    it('refer returns a link from every module that knows the type', async () => {
      const r = await client.enrich.refer([{ type: 'ip', value: '198.51.100.7' }]);
      assert.deepEqual([...new Set(r.links.map((l) => l.module))].sort(), [
        'DNS Shield',
        'Endpoint Guard',
        'Reputation Feed',
      ]);
      assert.ok(r.links.every((l) => l.url.startsWith(emu.url)));
    });

    it('a triggered block changes the next verdict and the offered actions', async () => {
      const o = { type: 'domain', value: 'sdk-block-test.example.io' };
      const { actions } = await client.response.actions([o]);
      const block = actions.find((a) => a.id === 'block-domain');
      assert.ok(block);
      const result = await client.response.trigger(block);
      assert.equal(result.status, 'success');
      const after = await client.enrich.deliberate([o]);
      const dns = after.verdictFor(o)?.modules.find((m) => m.module === 'DNS Shield');
      assert.equal(dns?.dispositionName, 'Malicious');
      const again = await client.response.actions([o]);
      assert.deepEqual(
        again.actions.map((a) => a.id),
        ['unblock-domain'],
      );
    });
  });

  describe('casebooks', () => {
    it('create, get, update, add and remove observables, add texts, delete', async () => {
      const cb = await client.casebooks.create({ title: 'SDK case', description: 'from the SDK test' });
      assert.match(cb.id, /casebook-/);
      const got = await client.casebooks.get(cb.id);
      assert.equal(got.title, 'SDK case');
      const updated = await client.casebooks.update(cb.id, { title: 'SDK case, renamed' });
      assert.equal(updated.title, 'SDK case, renamed');
      const a = { type: 'ip', value: '203.0.113.9' };
      const b = { type: 'domain', value: 'phish.example.org' };
      const added = await client.casebooks.addObservables(cb.id, [a, b]);
      assert.deepEqual(
        added.observables?.map((o) => o.value),
        [a.value, b.value],
      );
      const removed = await client.casebooks.removeObservables(cb.id, [a]);
      assert.deepEqual(
        removed.observables?.map((o) => o.value),
        [b.value],
      );
      const noted = await client.casebooks.addTexts(cb.id, [{ type: 'note', text: 'checked' }]);
      assert.deepEqual(noted.texts, [{ type: 'note', text: 'checked' }]);
      await client.casebooks.delete(cb.id);
      const err = await client.casebooks.get(cb.id).catch((e: unknown) => e);
      assert.ok(err instanceof NotFoundError, String(err));
    });

    it('lists pages with a total and follows next to the end', async () => {
      for (let i = 0; i < 3; i++) await client.casebooks.create({ title: `sdk-paging ${i}` });
      const seen: string[] = [];
      let page = await client.casebooks.list({ query: 'sdk-paging', limit: 2 });
      assert.equal(page.total, 3);
      seen.push(...page.items.map((c) => c.title ?? ''));
      while (page.next) {
        page = await client.casebooks.list({ query: 'sdk-paging', limit: 2, ...page.next });
        seen.push(...page.items.map((c) => c.title ?? ''));
      }
      assert.deepEqual(seen.sort(), ['sdk-paging 0', 'sdk-paging 1', 'sdk-paging 2']);
    });
  });

  describe('long ids', () => {
    it('keeps the long id as the emulator returns it, and links a casebook to an incident with it', async () => {
      const cb = await client.casebooks.create({ title: 'SDK link case' });
      assert.match(cb.id, /^casebook-[0-9a-f-]+$/);
      assert.ok(cb.longId.startsWith(emu.url) && cb.longId.endsWith(`/ctia/casebook/${cb.id}`), cb.longId);
      const [incident] = (await client.incidents.list({ limit: 1 })).items;
      assert.ok(incident);
      assert.ok(incident.longId.endsWith(`/ctia/incident/${incident.id}`), incident.longId);
      const rel = await client.incidents.linkCasebook(incident.id, cb);
      assert.equal(rel.type, 'relationship');
      assert.equal(rel.source_ref, cb.longId);
      assert.match(rel.id, /^relationship-/);
      // A long id read back from storage works as well as the entity.
      await client.incidents.linkCasebook(incident.longId, cb.longId);
    });

    it('exports a bundle by long ids', async () => {
      const cb = await client.casebooks.create({ title: 'SDK export case' });
      const [incident] = (await client.incidents.list({ limit: 1 })).items;
      const bundle = await client.bundle.export([incident!, cb]);
      assert.equal(bundle.type, 'bundle');
      assert.equal('casebooks' in bundle, false, 'CTIA sends no casebooks key');
      const incidents = bundle['incidents'] as { id: string }[] | undefined;
      assert.ok(incidents?.some((i) => i.id === incident!.longId));
    });

    it('refuses a dot segment as an id without sending anything', async () => {
      const before = (await client.casebooks.list()).total;
      await assert.rejects(client.casebooks.delete('..'), /may not be|not a casebook id/);
      assert.equal((await client.casebooks.list()).total, before);
    });
  });

  describe('incidents', () => {
    it('lists by status, gets one and changes its status', async () => {
      const page = await client.incidents.list({ status: 'New' });
      assert.ok(page.items.length >= 1);
      const first = page.items[0]!;
      const got = await client.incidents.get(first.id);
      assert.equal(got.title, first.title);
      const changed = await client.incidents.setStatus(first.id, 'Open: Investigating');
      assert.equal(changed.status, 'Open: Investigating');
      assert.equal((await client.incidents.get(first.id)).status, 'Open: Investigating');
    });
  });

  describe('faults', () => {
    it('retries an injected 500 and a 429 on an idempotent call', async () => {
      await control('faults', { errorRate: 1, count: 1, paths: ['/ctia/incident/search'] });
      assert.ok((await client.incidents.list({ limit: 1 })).items.length === 1);
      await control('faults', { rateLimitRate: 1, retryAfter: 0, count: 1, paths: ['/ctia/incident/search'] });
      assert.ok((await client.incidents.list({ limit: 1 })).items.length === 1);
      await control('faults', {});
    });

    it('surfaces 429 as RateLimitedError with the Retry-After wait', async () => {
      await control('faults', { rateLimitRate: 1, retryAfter: 7, paths: ['/iroh/iroh-inspect'] });
      try {
        const err = await make({ retry: 0 })
          .inspect('cisco.com')
          .catch((e: unknown) => e);
        assert.ok(err instanceof RateLimitedError, String(err));
        assert.equal(err.retryAfterMs, 7000);
      } finally {
        await control('faults', {});
      }
    });

    it('surfaces a cut-short body as ApiShapeError and a dropped connection as NetworkError', async () => {
      const noRetry = make({ retry: 0 });
      await noRetry.signIn();
      await control('faults', { malformedRate: 1, paths: ['/iroh/iroh-inspect'] });
      try {
        const shape = await noRetry.inspect('cisco.com').catch((e: unknown) => e);
        assert.ok(shape instanceof ApiShapeError, String(shape));
        await control('faults', { dropRate: 1, paths: ['/iroh/iroh-inspect'] });
        const dropped = await noRetry.inspect('cisco.com').catch((e: unknown) => e);
        assert.ok(dropped instanceof NetworkError, String(dropped));
      } finally {
        await control('faults', {});
      }
    });

    it('gets a new token when the emulator says the old one expired', async () => {
      const c = make();
      await c.signIn();
      const raw = await getToken(emu.url);
      await control('clock', { advanceMs: 601_000 });
      try {
        const stale = await fetch(`${emu.url}/ctia/incident/search`, { headers: { Authorization: `Bearer ${raw}` } });
        assert.equal(stale.status, 401);
        assert.equal(((await stale.json()) as { error: string }).error, 'jwt_expired');
        // The SDK still thinks its token is fresh (its own clock); the 401 jwt_expired makes it sign in again.
        assert.deepEqual(await c.inspect('cisco.com'), [{ value: 'cisco.com', type: 'domain' }]);
      } finally {
        await control('clock', { advanceMs: -601_000 });
      }
    });
  });
});
