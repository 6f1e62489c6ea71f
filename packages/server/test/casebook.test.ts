import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO, useTestEmulator } from './helpers.js';

describe('casebooks and incidents (CTIA)', () => {
  const ctx = useTestEmulator();

  it('creates a casebook: 201, long-URL id, Location, server-set fields', async () => {
    const res = await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', {
      title: 'Case A',
      description: 'first',
      observables: [{ type: 'ip', value: '198.51.100.7' }],
    });
    assert.equal(res.status, 201);
    assert.match(res.body.id, /^http:\/\/127\.0\.0\.1:\d+\/ctia\/casebook\/casebook-[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('location'), res.body.id);
    assert.equal(res.body.type, 'casebook');
    assert.equal(res.body.tlp, 'green');
    assert.equal(typeof res.body.schema_version, 'string');
    assert.equal(res.body.owner.length > 0, true);
  });

  it('gets a casebook by its short id or its URL-encoded long id; unknown ids are an empty 404', async () => {
    const created = (await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'Case B' })).body;
    const short = created.id.split('/').pop();
    assert.equal((await ctx.emu.call(ctx.tok, 'GET', `/ctia/casebook/${short}`)).body.title, 'Case B');
    assert.equal(
      (await ctx.emu.call(ctx.tok, 'GET', `/ctia/casebook/${encodeURIComponent(created.id)}`)).body.title,
      'Case B',
    );
    const missing = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/casebook-00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.equal(missing.text, '');
  });

  it('rejects an invalid casebook with 400 and the CTIA error shape', async () => {
    const res = await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 5, bogus: true });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { errors: { title: '(not (string? 5))', bogus: 'disallowed-key' } });
  });

  it('patches observables: add concatenates, remove drops every equal one, replace substitutes', async () => {
    const cb = (await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'Ops' })).body;
    const id = cb.id.split('/').pop();
    const a = { type: 'domain', value: 'a.example' };
    const b = { type: 'domain', value: 'b.example' };
    let r = await ctx.emu.call(ctx.tok, 'POST', `/ctia/casebook/${id}/observables`, {
      operation: 'add',
      observables: [a, b, a],
    });
    assert.deepEqual(r.body.observables, [a, b, a]);
    r = await ctx.emu.call(ctx.tok, 'POST', `/ctia/casebook/${id}/observables`, {
      operation: 'remove',
      observables: [a],
    });
    assert.deepEqual(r.body.observables, [b]);
    r = await ctx.emu.call(ctx.tok, 'POST', `/ctia/casebook/${id}/observables`, {
      operation: 'replace',
      observables: [a],
    });
    assert.deepEqual(r.body.observables, [a]);
    r = await ctx.emu.call(ctx.tok, 'POST', `/ctia/casebook/${id}/texts`, {
      operation: 'add',
      texts: [{ type: 'note', text: 'hello' }],
    });
    assert.deepEqual(r.body.texts, [{ type: 'note', text: 'hello' }]);
    const missing = await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook/casebook-nope/observables', {
      operation: 'add',
      observables: [a],
    });
    assert.equal(missing.status, 404);
  });

  it('does not lose concurrent adds to one casebook', async () => {
    const cb = (await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'Busy' })).body;
    const id = cb.id.split('/').pop();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ctx.emu.call(ctx.tok, 'POST', `/ctia/casebook/${id}/observables`, {
          operation: 'add',
          observables: [{ type: 'ip', value: `192.0.2.${i}` }],
        }),
      ),
    );
    const final = (await ctx.emu.call(ctx.tok, 'GET', `/ctia/casebook/${id}`)).body;
    assert.equal(final.observables.length, 30);
  });

  it('PATCH updates fields, PUT replaces, DELETE removes (204, then 404)', async () => {
    const cb = (await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', { title: 'Old', description: 'keep?' })).body;
    const id = cb.id.split('/').pop();
    const patched = await ctx.emu.call(ctx.tok, 'PATCH', `/ctia/casebook/${id}`, { title: 'New' });
    assert.equal(patched.body.title, 'New');
    assert.equal(patched.body.description, 'keep?');
    const put = await ctx.emu.call(ctx.tok, 'PUT', `/ctia/casebook/${id}`, { title: 'Replaced' });
    assert.equal(put.body.description, undefined);
    assert.equal(put.body.created, cb.created);
    assert.equal(
      (await ctx.emu.call(ctx.tok, 'PATCH', '/ctia/casebook/casebook-nope', { title: 'x' })).body.error,
      'casebook not found',
    );
    assert.equal((await ctx.emu.call(ctx.tok, 'DELETE', `/ctia/casebook/${id}`)).status, 204);
    assert.equal((await ctx.emu.call(ctx.tok, 'GET', `/ctia/casebook/${id}`)).status, 404);
    assert.equal((await ctx.emu.call(ctx.tok, 'DELETE', `/ctia/casebook/${id}`)).status, 404);
  });

  it('searches by text over title, description and observable values, with paging headers', async () => {
    for (let i = 0; i < 5; i++) {
      await ctx.emu.call(ctx.tok, 'POST', '/ctia/casebook', {
        title: `Paging ${i}`,
        description: 'zebra-marker',
        observables: [{ type: 'domain', value: `page${i}.zebra.example` }],
      });
      ctx.emu.advance(1000);
    }
    const first = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search?query=zebra-marker&limit=2');
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-total-hits'), '5');
    assert.deepEqual(
      first.body.map((c: { title: string }) => c.title),
      ['Paging 0', 'Paging 1'],
    );
    const next = first.headers.get('x-next');
    assert.ok(next);
    assert.ok(first.headers.get('x-sort'));
    assert.equal(first.headers.get('x-previous'), null);
    const second = await ctx.emu.call(ctx.tok, 'GET', `/ctia/casebook/search?query=zebra-marker&${next}`);
    assert.deepEqual(
      second.body.map((c: { title: string }) => c.title),
      ['Paging 2', 'Paging 3'],
    );
    assert.ok(second.headers.get('x-previous'));
    const byOffset = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search?query=zebra-marker&limit=2&offset=4');
    assert.deepEqual(
      byOffset.body.map((c: { title: string }) => c.title),
      ['Paging 4'],
    );
    assert.equal(byOffset.headers.get('x-next'), null);
    const byObservable = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search?query=page3.zebra.example');
    assert.deepEqual(
      byObservable.body.map((c: { title: string }) => c.title),
      ['Paging 3'],
    );
    const asc = await ctx.emu.call(
      ctx.tok,
      'GET',
      '/ctia/casebook/search?query=zebra-marker&sort_by=title&sort_order=asc&limit=1',
    );
    assert.equal(asc.body[0].title, 'Paging 0');
    const count = await ctx.emu.call(ctx.tok, 'GET', '/ctia/casebook/search/count?query=zebra-marker');
    assert.equal(count.body, 5);
  });

  it('enforces casebook scopes: casebook:read cannot write; private-intel is enough', async () => {
    const readOnly = await ctx.emu.token(DEMO.id, DEMO.secret, 'casebook:read');
    assert.equal((await ctx.emu.call(readOnly, 'GET', '/ctia/casebook/search')).status, 200);
    const denied = await ctx.emu.call(readOnly, 'POST', '/ctia/casebook', { title: 'x' });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.capabilities, 'create-casebook');
    assert.deepEqual(denied.body['missing-scopes'], ['casebook:write']);
    const intel = await ctx.emu.token(DEMO.id, DEMO.secret, 'private-intel');
    assert.equal((await ctx.emu.call(intel, 'POST', '/ctia/casebook', { title: 'x' })).status, 201);
    const inspectOnly = await ctx.emu.token(DEMO.id, DEMO.secret, 'inspect:read');
    assert.equal((await ctx.emu.call(inspectOnly, 'GET', '/ctia/casebook/search')).status, 403);
    assert.equal((await ctx.emu.call(inspectOnly, 'GET', '/ctia/incident/search')).status, 403);
  });

  it('creates an incident only with its required fields', async () => {
    const bad = await ctx.emu.call(ctx.tok, 'POST', '/ctia/incident', { title: 'no status' });
    assert.equal(bad.status, 400);
    const ok = await ctx.emu.call(ctx.tok, 'POST', '/ctia/incident', {
      title: 'Manual incident',
      confidence: 'High',
      status: 'New',
      incident_time: { opened: '2026-11-20T10:00:00.000Z' },
    });
    assert.equal(ok.status, 201);
    assert.match(ok.body.id, /\/ctia\/incident\/incident-/);
    const found = await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search?query=%22Manual%20incident%22');
    assert.equal(found.body.length, 1);
  });

  it('lists seeded incidents, filters by status, and changes a status', async () => {
    const all = await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search');
    assert.ok(all.body.length >= 5);
    const statuses = new Set(all.body.map((i: { status: string }) => i.status));
    assert.ok(statuses.size >= 4);
    const fresh = await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search?status=New');
    assert.ok(fresh.body.length >= 1);
    assert.ok(fresh.body.every((i: { status: string }) => i.status === 'New'));
    const id = fresh.body[0].id.split('/').pop();
    const got = await ctx.emu.call(ctx.tok, 'GET', `/ctia/incident/${id}`);
    assert.equal(got.body.type, 'incident');
    const changed = await ctx.emu.call(ctx.tok, 'POST', `/ctia/incident/${id}/status`, {
      status: 'Closed: False Positive',
    });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.status, 'Closed: False Positive');
    assert.ok(changed.body.incident_time.closed);
    assert.equal((await ctx.emu.call(ctx.tok, 'GET', `/ctia/incident/${id}`)).body.status, 'Closed: False Positive');
    const bad = await ctx.emu.call(ctx.tok, 'POST', `/ctia/incident/${id}/status`, { status: 'Sleeping' });
    assert.equal(bad.status, 400);
    const byText = await ctx.emu.call(ctx.tok, 'GET', '/ctia/incident/search?query=phishing');
    assert.ok(byText.body.length >= 1);
  });
});
