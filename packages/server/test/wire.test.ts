// Every reply the emulator gives parses with the SDK's own wire schemas (the shapes the SDK reads).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemas } from '@pivotkit/sdk';
import { DEMO, useTestEmulator } from './helpers.js';

function conforms(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const r = schema.safeParse(value);
  assert.ok(r.success, `${JSON.stringify(r.error)}\n${JSON.stringify(value).slice(0, 400)}`);
}

describe("the emulator's replies match the SDK's wire schemas", () => {
  const ctx = useTestEmulator();

  const everything = [
    { type: 'domain', value: 'evil.example.net' },
    { type: 'domain', value: 'module-error.example.com' },
    { type: 'ip', value: '10.20.30.40' },
    { type: 'ip', value: '203.0.113.77' },
    { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
    { type: 'md5', value: '0123456789abcdef0123456789abcdef' },
    { type: 'url', value: 'http://evil.example.net/payload.exe' },
    { type: 'email', value: 'someone@example.org' },
    { type: 'ipv6', value: '2001:db8::bad' },
  ];

  it('token, 401 and 403 bodies', async () => {
    const res = await fetch(`${ctx.emu.url}/iroh/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${DEMO.id}:${DEMO.secret}`)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    conforms(schemas.tokenResponse, await res.json());
    const bad = await fetch(`${ctx.emu.url}/iroh/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${DEMO.id}:x`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    conforms(schemas.tokenError, await bad.json());
    // IROH's error bodies on IROH routes; CTIA words its own (below).
    conforms(schemas.normalizedError, (await ctx.emu.call(undefined, 'POST', '/iroh/iroh-inspect/inspect', {})).body);
    const narrow = await ctx.emu.token(DEMO.id, DEMO.secret, 'casebook');
    conforms(
      schemas.missingScopeError,
      (await ctx.emu.call(narrow, 'POST', '/iroh/iroh-inspect/inspect', { content: 'x' })).body,
    );
    conforms(schemas.ctiaError, (await ctx.emu.call(undefined, 'GET', '/ctia/casebook/search')).body);
    conforms(schemas.ctiaError, (await ctx.emu.call(narrow, 'GET', '/ctia/incident/search')).body);
  });

  it('inspect, deliberate, observe, refer', async () => {
    conforms(
      schemas.inspectResponse,
      (await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-inspect/inspect', { content: 'evil.example.net 1.2.3.4' })).body,
    );
    for (const mode of ['deliberate', 'observe']) {
      const env = (await ctx.emu.call(ctx.tok, 'POST', `/iroh/iroh-enrich/${mode}/observables`, everything)).body;
      conforms(schemas.enrichEnvelope, env);
      assert.ok(env.errors.length >= 1);
      for (const m of env.data) {
        for (const v of m.data.verdicts.docs) conforms(schemas.verdict, v);
        for (const j of m.data.judgements?.docs ?? []) conforms(schemas.judgement, j);
        for (const s of m.data.sightings?.docs ?? []) conforms(schemas.sighting, s);
      }
    }
    conforms(
      schemas.referEnvelope,
      (await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-enrich/refer/observables', everything)).body,
    );
  });

  it('response actions and trigger', async () => {
    const actions = (await ctx.emu.call(ctx.tok, 'POST', '/iroh/iroh-response/respond/observables', everything)).body;
    conforms(schemas.actionsEnvelope, actions);
    assert.ok(actions.data.length >= 3);
    const fired = await ctx.emu.call(ctx.tok, 'POST', `/iroh/iroh-response${actions.data[0].url}`);
    conforms(schemas.triggerEnvelope, fired.body);
    const failed = await ctx.emu.call(
      ctx.tok,
      'POST',
      '/iroh/iroh-response/respond/trigger/not-a-module/block-domain?observable_type=domain&observable_value=x.io',
    );
    conforms(schemas.triggerEnvelope, failed.body);
    assert.equal(failed.body.data.status, 'failure');
  });

  it('casebooks, incidents and CTIA errors', async () => {
    const created = (await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'wire' })).body;
    conforms(schemas.casebook, created);
    conforms(schemas.casebookList, (await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search')).body);
    const incidents = (await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search')).body;
    conforms(schemas.incidentList, incidents);
    conforms(
      schemas.incident,
      (await ctx.emu.call(ctx.tok, 'GET', `/ctia/incident/${incidents[0].id.split('/').pop()}`)).body,
    );
    conforms(schemas.ctiaError, (await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 1 })).body);
    conforms(
      schemas.ctiaError,
      (await ctx.emu.call(ctx.tok, 'PATCH', '/ctia/casebook/casebook-none', { title: 'x' })).body,
    );
  });
});
