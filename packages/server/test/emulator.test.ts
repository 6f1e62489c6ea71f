import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO, useTestEmulator } from './helpers.js';

const CONTENT_FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };

describe('the emulator over HTTP', () => {
  const ctx = useTestEmulator();

  describe('OAuth2 client credentials', () => {
    it('issues a bearer JWT with the granted scopes and a 600 s lifetime', async () => {
      const res = await fetch(`${ctx.emu.url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa(`${DEMO.id}:${DEMO.secret}`)}`, ...CONTENT_FORM },
        body: 'grant_type=client_credentials',
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body['token_type'], 'bearer');
      assert.equal(body['expires_in'], 600);
      assert.match(String(body['scope']), /\binspect:read\b/);
      assert.match(String(body['scope']), /\bcasebook\b/);
      assert.equal(String(body['access_token']).split('.').length, 3);
      const claims = JSON.parse(
        atob(String(body['access_token']).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
      );
      assert.equal(claims['https://schemas.cisco.com/iroh/identity/claims/oauth/client/id'], 'demo-client');
      assert.equal(claims.exp - claims.iat, 600);
    });

    it('answers wrong credentials with 401 invalid_client', async () => {
      const res = await fetch(`${ctx.emu.url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa(`${DEMO.id}:nope`)}`, ...CONTENT_FORM },
        body: 'grant_type=client_credentials',
      });
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error: string }).error, 'invalid_client');
    });

    it('answers a malformed token request with 400 invalid_request', async () => {
      const res = await fetch(`${ctx.emu.url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa(`${DEMO.id}:${DEMO.secret}`)}`, ...CONTENT_FORM },
        body: 'nothing=here',
      });
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: string }).error, 'invalid_request');
    });

    it('grants only the asked-for scopes the client has', async () => {
      const t = await ctx.emu.token(DEMO.id, DEMO.secret, 'inspect:read admin');
      const res = await ctx.emu.call(t, 'POST', '/iroh/iroh-enrich/deliberate/observables', [
        { type: 'domain', value: 'cisco.com' },
      ]);
      assert.equal(res.status, 403);
      assert.equal(res.body.error, 'missing_scope');
      assert.deepEqual(res.body['missing-scopes'], ['enrich/observables/deliberate:read']);
      assert.deepEqual(res.body.scopes, ['inspect:read']);
    });
  });

  describe('bearer tokens', () => {
    it('rejects a call with no token: 401 invalid_request', async () => {
      const res = await ctx.emu.call(undefined, 'POST', '/iroh/iroh-inspect/inspect', { content: 'x' });
      assert.equal(res.status, 401);
      assert.equal(res.body.error, 'invalid_request');
      assert.equal(res.body.error_description, 'No JWT found in HTTP Authorization header');
    });

    it('rejects a token with a forged signature', async () => {
      const [h, p] = ctx.tok.split('.');
      const res = await ctx.emu.call(`${h}.${p}.AAAA`, 'GET', '/ctia/casebook/search');
      assert.equal(res.status, 401);
    });

    it('rejects a token once it has expired', async () => {
      const t = await ctx.emu.token();
      assert.equal((await ctx.emu.call(t, 'GET', '/ctia/incident/search?limit=1')).status, 200);
      ctx.emu.advance(601_000);
      const res = await ctx.emu.call(t, 'GET', '/ctia/incident/search?limit=1');
      assert.equal(res.status, 401);
      assert.equal(res.body.error, 'jwt_expired');
      ctx.tok = await ctx.emu.token();
    });
  });

  describe('inspect', () => {
    it('finds the observables in text', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-inspect/inspect', {
        content:
          'Blocked evil[.]example[.]net at 198.51.100.7 and 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, [
        { value: 'evil.example.net', type: 'domain' },
        { value: '198.51.100.7', type: 'ip' },
        { value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f', type: 'sha256' },
      ]);
    });

    it('names a missing content key with 400', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-inspect/inspect', { text: 'x' });
      assert.equal(res.status, 400);
      assert.equal(res.body.content, 'missing-required-key');
    });
  });

  describe('enrich', () => {
    it('deliberate returns verdicts only, per module, in the envelope', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/deliberate/observables', [
        { type: 'domain', value: 'evil.example.net' },
      ]);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.errors, []);
      const modules = res.body.data.map((d: { module: string }) => d.module);
      assert.deepEqual(modules, ['Reputation Feed', 'DNS Shield']);
      for (const m of res.body.data) {
        assert.equal(m.data.judgements, undefined);
        assert.equal(m.data.verdicts.docs[0].disposition, 2);
        assert.equal(m.data.verdicts.docs[0].disposition_name, 'Malicious');
      }
    });

    it('observe adds judgements with priorities and timestamped sightings', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/observe/observables', [
        { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
      ]);
      const ep = res.body.data.find((d: { module: string }) => d.module === 'Endpoint Guard');
      assert.ok(ep.data.judgements.count >= 1);
      assert.equal(typeof ep.data.judgements.docs[0].priority, 'number');
      assert.match(ep.data.judgements.docs[0].id, /^transient:/);
      assert.equal(ep.data.verdicts.docs[0].judgement_id, ep.data.judgements.docs[0].id);
      assert.ok(ep.data.sightings.count >= 1);
      assert.ok(!Number.isNaN(Date.parse(ep.data.sightings.docs[0].observed_time.start_time)));
    });

    it('shows modules that disagree, and a module error beside the other data at HTTP 200', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/deliberate/observables', [
        { type: 'domain', value: 'disputed.example.com' },
        { type: 'domain', value: 'module-error.example.com' },
      ]);
      assert.equal(res.status, 200);
      const verdict = (module: string, value: string) =>
        res.body.data
          .find((d: { module: string }) => d.module === module)
          ?.data.verdicts.docs.find((v: { observable: { value: string } }) => v.observable.value === value)
          ?.disposition;
      assert.equal(verdict('Reputation Feed', 'disputed.example.com'), 1);
      assert.equal(verdict('DNS Shield', 'disputed.example.com'), 2);
      assert.equal(verdict('DNS Shield', 'module-error.example.com'), undefined);
      assert.equal(verdict('Reputation Feed', 'module-error.example.com'), 3);
      assert.equal(res.body.errors.length, 1);
      assert.equal(res.body.errors[0].module, 'DNS Shield');
      assert.equal(res.body.errors[0].type, 'error');
    });

    it('covers every disposition in the demo set', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/deliberate/observables', [
        { type: 'domain', value: 'cisco.com' },
        { type: 'domain', value: 'evil.example.net' },
        { type: 'domain', value: 'phish.example.org' },
        { type: 'domain', value: 'example.com' },
        { type: 'domain', value: 'unknown.example.org' },
      ]);
      const feed = res.body.data.find((d: { module: string }) => d.module === 'Reputation Feed');
      assert.deepEqual(
        feed.data.verdicts.docs.map((v: { disposition_name: string }) => v.disposition_name),
        ['Clean', 'Malicious', 'Suspicious', 'Common', 'Unknown'],
      );
    });

    it('answers any other observable the same way every time', async () => {
      const body = [{ type: 'domain', value: 'some-unlisted-site.example.io' }];
      const a = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/observe/observables', body);
      const b = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/observe/observables', body);
      assert.ok(a.body.data.length >= 1);
      assert.deepEqual(a.body, b.body);
    });

    it('restricts modules with mids', async () => {
      const res = await ctx.emu.call(
        ctx.tok,
        'POST',
        '/iroh/iroh-enrich/deliberate/observables?mids=7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e02',
        [{ type: 'domain', value: 'evil.example.net' }],
      );
      assert.deepEqual(
        res.body.data.map((d: { module: string }) => d.module),
        ['DNS Shield'],
      );
    });

    it('refer gives a link per module and observable', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/refer/observables', [
        { type: 'ip', value: '198.51.100.7' },
      ]);
      assert.equal(res.status, 200);
      assert.equal(res.body.data.length, 3);
      for (const l of res.body.data) {
        assert.ok(l.id && l.title && l.description && l.url && Array.isArray(l.categories));
        assert.equal((await fetch(l.url)).status, 200);
      }
    });

    it('rejects a body that is not an array of observables', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/observe/observables', {
        type: 'ip',
        value: '1.1.1.1',
      });
      assert.equal(res.status, 400);
    });
  });

  describe('response', () => {
    it('blocking a domain changes what DNS Shield and the action list say afterwards', async () => {
      const obs = [{ type: 'domain', value: 'block-me.example.io' }];
      const before = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-response/respond/observables', obs);
      const block = before.body.data.find((a: { id: string }) => a.id === 'block-domain');
      assert.ok(block, 'a block action is offered');
      assert.match(block.url, /^\/respond\/trigger\/[^/]+\/block-domain\?observable_type=domain&observable_value=/);
      const fired = await ctx.emu.call(ctx.tok, 'POST', `/iroh/iroh-response${block.url}`);
      assert.equal(fired.status, 200);
      assert.deepEqual(fired.body, { data: { status: 'success' }, errors: [] });

      const verdicts = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/observe/observables', obs);
      const dns = verdicts.body.data.find((d: { module: string }) => d.module === 'DNS Shield');
      assert.equal(dns.data.verdicts.docs[0].disposition, 2);
      assert.equal(dns.data.sightings.docs[0].resolution, 'blocked');
      const afterwards = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-response/respond/observables', obs);
      assert.deepEqual(
        afterwards.body.data.map((a: { id: string }) => a.id),
        ['unblock-domain'],
      );
    });

    it('offers quarantine for a hash and isolation for an internal host', async () => {
      const res = await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-response/respond/observables', [
        { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
        { type: 'ip', value: '10.20.30.40' },
      ]);
      assert.deepEqual(res.body.data.map((a: { id: string }) => a.id).sort(), ['block-file', 'isolate-host']);
    });

    it('needs response/trigger:write to trigger', async () => {
      const t = await ctx.emu.token(DEMO.id, DEMO.secret, 'response:read');
      const res = await ctx.emu.call(
        t,
        'POST',
        '/iroh/iroh-response/respond/trigger/7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e02/block-domain?observable_type=domain&observable_value=x.example.io',
      );
      assert.equal(res.status, 403);
      assert.deepEqual(res.body['missing-scopes'], ['response/trigger:write']);
      assert.deepEqual(res.body['required-scopes'], ['response/trigger:write']);
      assert.equal(typeof res.body['user-id'], 'string');
      assert.equal(typeof res.body['org-id'], 'string');
      assert.equal(typeof res.body.trace_id, 'string');
    });
  });
});
