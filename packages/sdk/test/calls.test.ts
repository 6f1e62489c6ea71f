import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  memoryVerdictCache,
  PivotkitError,
  type ModuleResult,
  type Observable,
  type ResponseAction,
} from '@pivotkit/sdk';
import { type Seen } from './helpers/loopback.js';
import { clientFor, loopbackPool } from './helpers/client.js';

const server = loopbackPool();
const json = (r: Seen) => JSON.parse(r.body) as unknown;

/** A module's envelope item with one verdict per observable. */
function moduleItem(name: string, observables: Observable[], disposition: 1 | 2 | 3 | 4 | 5) {
  return {
    module: name,
    module_instance_id: `mid-${name}`,
    module_type_id: `type-${name}`,
    data: {
      verdicts: {
        count: observables.length,
        docs: observables.map((o) => ({
          type: 'verdict',
          disposition,
          disposition_name: ['', 'Clean', 'Malicious', 'Suspicious', 'Common', 'Unknown'][disposition],
          observable: o,
          valid_time: { start_time: '2026-01-01T00:00:00Z' },
        })),
      },
    },
  };
}
const ips = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'ip', value: `198.51.100.${i}` }));

describe('inspect', () => {
  it('posts {content} and returns the observables', async () => {
    const s = await server(() => ({ json: [{ value: 'cisco.com', type: 'domain' }] }));
    const out = await clientFor(s).inspect('see cisco.com');
    assert.deepEqual(out, [{ type: 'domain', value: 'cisco.com' }]);
    const [r] = s.api();
    assert.equal(r!.method, 'POST');
    assert.equal(r!.path, '/iroh/iroh-inspect/inspect');
    assert.equal(r!.headers['content-type'], 'application/json');
    assert.deepEqual(json(r!), { content: 'see cisco.com' });
  });
});

describe('enrich', () => {
  it('posts a bare array, groups results per module and derives a verdict per observable', async () => {
    const a = { type: 'domain', value: 'evil.example' };
    const b = { type: 'ip', value: '203.0.113.7' };
    const s = await server(() => ({
      json: {
        data: [moduleItem('Talos', [a, b], 2), moduleItem('Umbrella', [a], 1), moduleItem('Quiet', [b], 5)],
        errors: [
          {
            module: 'VT',
            module_instance_id: 'mid-VT',
            module_type_id: 'type-VT',
            code: 'timeout',
            message: 'slow',
            type: 'error',
          },
        ],
      },
    }));
    const result = await clientFor(s).enrich.deliberate([a, b, a]);
    const [r] = s.api();
    assert.equal(r!.path, '/iroh/iroh-enrich/deliberate/observables');
    assert.deepEqual(json(r!), [a, b], 'a bare JSON array, duplicates dropped');
    assert.deepEqual(
      result.modules.map((m) => [m.module, m.moduleInstanceId, m.verdicts.length]),
      [
        ['Talos', 'mid-Talos', 2],
        ['Umbrella', 'mid-Umbrella', 1],
        ['Quiet', 'mid-Quiet', 1],
      ],
    );
    assert.deepEqual(result.errors, [
      {
        module: 'VT',
        moduleInstanceId: 'mid-VT',
        moduleTypeId: 'type-VT',
        code: 'timeout',
        message: 'slow',
        type: 'error',
      },
    ]);
    const va = result.verdictFor({ type: 'domain', value: 'EVIL.example' });
    assert.equal(va?.conflict, true, 'Talos says Malicious, Umbrella says Clean');
    const vb = result.verdictFor(b);
    assert.equal(vb?.dispositionName, 'Malicious');
    assert.equal(vb?.conflict, false, 'Unknown does not conflict');
  });

  it('gives Unknown to observables no module knows', async () => {
    const s = await server(() => ({ json: { data: [], errors: [] } }));
    const result = await clientFor(s).enrich.observe([{ type: 'ip', value: '192.0.2.1' }]);
    assert.equal(s.api()[0]!.path, '/iroh/iroh-enrich/observe/observables');
    assert.equal(result.verdicts[0]?.dispositionName, 'Unknown');
    assert.deepEqual(result.verdicts[0]?.modules, []);
  });

  it('splits long lists into batches with bounded concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const s = await server(async (req) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return { json: { data: [moduleItem('Talos', json(req) as Observable[], 3)], errors: [] } };
    });
    const result = await clientFor(s, { batchSize: 10, concurrency: 3 }).enrich.deliberate(ips(95));
    const sizes = s.api().map((r) => (json(r) as unknown[]).length);
    assert.deepEqual(
      sizes.sort((x, y) => y - x),
      [10, 10, 10, 10, 10, 10, 10, 10, 10, 5],
    );
    assert.ok(peak <= 3, `peak ${peak}`);
    assert.equal(result.verdicts.length, 95);
    assert.equal(result.modules.length, 1, 'one module, merged across batches');
    assert.equal(result.modules[0]!.verdicts.length, 95);
  });

  it('stops starting batches once one fails', async () => {
    const s = await server(() => ({ status: 403, json: { error: 'Access Control validation Client Error' } }));
    await assert.rejects(
      clientFor(s, { batchSize: 10, concurrency: 1 }).enrich.deliberate(ips(50)),
      (e: unknown) => e instanceof Error && e.name === 'HttpStatusError',
    );
    assert.equal(s.api().length, 1);
  });

  it('calls onModule as modules answer, then fans out per module with mids once it knows them', async () => {
    const o = { type: 'ip', value: '203.0.113.9' };
    const s = await server((req) => {
      const mids = req.query.getAll('mids');
      const all = [moduleItem('Talos', [o], 2), moduleItem('Umbrella', [o], 2)];
      return { json: { data: mids.length ? all.filter((m) => mids.includes(m.module_instance_id)) : all, errors: [] } };
    });
    const client = clientFor(s);
    const first: string[] = [];
    await client.enrich.deliberate([o], { onModule: (m) => first.push(m.module) });
    assert.deepEqual(first, ['Talos', 'Umbrella']);
    assert.deepEqual(s.api()[0]!.query.getAll('mids'), []);

    const second: ModuleResult[] = [];
    const result = await client.enrich.deliberate([o], { onModule: (m) => second.push(m) });
    const calls = s.api().slice(1);
    assert.deepEqual(calls.map((r) => r.query.getAll('mids')).sort(), [['mid-Talos'], ['mid-Umbrella']]);
    assert.deepEqual(second.map((m) => m.module).sort(), ['Talos', 'Umbrella']);
    assert.equal(result.verdictFor(o)?.modules.length, 2);
  });

  it('asks only the modules in mids, and fans out to each of them with onModule', async () => {
    const o = { type: 'ip', value: '203.0.113.11' };
    const s = await server((req) => {
      const mids = req.query.getAll('mids');
      const all = [moduleItem('Talos', [o], 2), moduleItem('Umbrella', [o], 1), moduleItem('Other', [o], 3)];
      return { json: { data: mids.length ? all.filter((m) => mids.includes(m.module_instance_id)) : all, errors: [] } };
    });
    const client = clientFor(s);
    const r = await client.enrich.deliberate([o], { mids: ['mid-Umbrella', 'mid-Talos', 'mid-Talos'] });
    assert.deepEqual(s.api()[0]!.query.getAll('mids'), ['mid-Talos', 'mid-Umbrella']);
    assert.deepEqual(r.modules.map((m) => m.module).sort(), ['Talos', 'Umbrella']);
    assert.deepEqual(
      r
        .verdictFor(o)
        ?.modules.map((m) => m.module)
        .sort(),
      ['Talos', 'Umbrella'],
    );
    // With onModule, one call per listed module even before any module was seen.
    const seen: string[] = [];
    await client.enrich.observe([o], { mids: ['mid-Other'], onModule: (m) => seen.push(m.module) });
    assert.deepEqual(s.api()[1]!.query.getAll('mids'), ['mid-Other']);
    assert.deepEqual(seen, ['Other']);
    assert.equal(s.api().length, 2);
    // An empty list asks every module.
    const every = await client.enrich.deliberate([o], { mids: [] });
    assert.deepEqual(s.api()[2]!.query.getAll('mids'), []);
    assert.equal(every.modules.length, 3);
  });

  it('never serves a verdict cached for another module set', async () => {
    const o = { type: 'ip', value: '203.0.113.12' };
    const s = await server((req) => {
      const mids = req.query.getAll('mids');
      const all = [moduleItem('Talos', [o], 2), moduleItem('Umbrella', [o], 1)];
      return { json: { data: mids.length ? all.filter((m) => mids.includes(m.module_instance_id)) : all, errors: [] } };
    });
    const cache = memoryVerdictCache({ ttlMs: 60_000 });
    const client = clientFor(s, { cache });
    const talos = await client.enrich.deliberate([o], { mids: ['mid-Talos'] });
    assert.equal(talos.verdictFor(o)?.dispositionName, 'Malicious');
    const umbrella = await client.enrich.deliberate([o], { mids: ['mid-Umbrella'] });
    assert.equal(umbrella.verdictFor(o)?.dispositionName, 'Clean');
    const every = await client.enrich.deliberate([o]);
    assert.deepEqual(
      every
        .verdictFor(o)
        ?.modules.map((m) => m.module)
        .sort(),
      ['Talos', 'Umbrella'],
    );
    assert.equal(s.api().length, 3, 'each module set asked once');
    // The same set again, in any order, comes from the cache.
    const again = await client.enrich.deliberate([o], { mids: ['mid-Talos'] });
    assert.equal(again.verdictFor(o)?.dispositionName, 'Malicious');
    await client.enrich.deliberate([o]);
    assert.equal(s.api().length, 3, 'served from the cache');
  });

  it('turns one module failing during fan-out into that module error', async () => {
    const o = { type: 'ip', value: '203.0.113.10' };
    const s = await server((req) => {
      const mid = req.query.get('mids');
      if (mid === 'mid-Slow') return { status: 500, json: { error: 'unknown server error' } };
      const all = [moduleItem('Talos', [o], 2), moduleItem('Slow', [o], 3)];
      return { json: { data: mid ? all.filter((m) => m.module_instance_id === mid) : all, errors: [] } };
    });
    const client = clientFor(s, { retry: 0 });
    await client.enrich.deliberate([o], { onModule: () => {} });
    const result = await client.enrich.deliberate([o], { onModule: () => {} });
    assert.equal(result.verdictFor(o)?.dispositionName, 'Malicious');
    assert.deepEqual(
      result.errors.map((e) => [e.moduleInstanceId, e.code]),
      [['mid-Slow', 'HttpStatusError']],
    );
  });

  it('keeps verdicts in the cache so that a reload does not enrich again', async () => {
    const o = { type: 'sha256', value: 'A'.repeat(64) };
    const s = await server((req) => ({
      json: { data: [moduleItem('Talos', json(req) as Observable[], 2)], errors: [] },
    }));
    let now = 0;
    const cache = memoryVerdictCache({ ttlMs: 60_000, now: () => now });
    const first = await clientFor(s, { cache, clock: () => now }).enrich.deliberate([o]);
    assert.equal(first.verdictFor(o)?.dispositionName, 'Malicious');
    // A new client on the same cache: a page reload.
    const second = await clientFor(s, { cache, clock: () => now }).enrich.deliberate([
      o,
      { type: 'ip', value: '192.0.2.5' },
    ]);
    assert.equal(second.verdictFor(o)?.dispositionName, 'Malicious');
    assert.equal(s.api().length, 2);
    assert.deepEqual(json(s.api()[1]!), [{ type: 'ip', value: '192.0.2.5' }], 'only the observable not cached');
    now += 60_001;
    await clientFor(s, { cache, clock: () => now }).enrich.deliberate([o]);
    assert.equal(s.api().length, 3, 'expired after the TTL');
    await clientFor(s, { cache, clock: () => now }).enrich.deliberate([o], { fresh: true });
    assert.equal(s.api().length, 4, 'fresh skips the cache');
  });

  it('returns refer links per module', async () => {
    const s = await server(() => ({
      json: {
        data: [
          {
            module: 'Talos Intelligence',
            module_instance_id: 'mid-1',
            module_type_id: 'type-1',
            id: 'ref-talos-search-domain-cisco.com',
            title: 'Search for this domain',
            description: 'Lookup this domain on Talos',
            url: 'https://www.talosintelligence.com/reputation_center/lookup?search=cisco.com',
            categories: ['Talos Intelligence', 'Search'],
          },
        ],
        errors: [],
      },
    }));
    const out = await clientFor(s).enrich.refer([{ type: 'domain', value: 'cisco.com' }]);
    assert.equal(s.api()[0]!.path, '/iroh/iroh-enrich/refer/observables');
    assert.deepEqual(json(s.api()[0]!), [{ type: 'domain', value: 'cisco.com' }]);
    assert.deepEqual(out.links[0], {
      module: 'Talos Intelligence',
      moduleInstanceId: 'mid-1',
      id: 'ref-talos-search-domain-cisco.com',
      title: 'Search for this domain',
      description: 'Lookup this domain on Talos',
      url: 'https://www.talosintelligence.com/reputation_center/lookup?search=cisco.com',
      categories: ['Talos Intelligence', 'Search'],
    });
  });
});

describe('response', () => {
  const action: ResponseAction = {
    module: 'Umbrella',
    moduleInstanceId: 'mid-u',
    moduleTypeId: 'type-u',
    id: 'block',
    title: 'Block this domain',
    description: 'Adds it to the block list',
    url: '/respond/trigger/mid-u/block?observable_type=domain&observable_value=evil.example',
    categories: ['Umbrella'],
  };

  it('lists actions and triggers one relative to /iroh/iroh-response', async () => {
    const s = await server((req) =>
      req.path.endsWith('/respond/observables')
        ? {
            json: {
              data: [
                {
                  module: 'Umbrella',
                  module_instance_id: 'mid-u',
                  module_type_id: 'type-u',
                  id: 'block',
                  title: 'Block this domain',
                  description: 'Adds it to the block list',
                  url: action.url,
                },
              ],
              errors: [],
            },
          }
        : { json: { data: { status: 'success' }, errors: [] } },
    );
    const client = clientFor(s);
    const { actions } = await client.response.actions([{ type: 'domain', value: 'evil.example' }]);
    assert.deepEqual(actions, [{ ...action, categories: [] }]);
    assert.equal(s.api()[0]!.path, '/iroh/iroh-response/respond/observables');
    const result = await client.response.trigger(actions[0]!);
    assert.deepEqual(result, { status: 'success', errors: [] });
    const t = s.api()[1]!;
    assert.equal(t.method, 'POST');
    assert.equal(t.path, '/iroh/iroh-response/respond/trigger/mid-u/block');
    assert.equal(t.query.get('observable_type'), 'domain');
    assert.equal(t.query.get('observable_value'), 'evil.example');
  });

  it('uses an absolute action URL on the same host, and refuses one elsewhere', async () => {
    const s = await server(() => ({ json: { data: { status: 'failure' }, errors: [] } }));
    const client = clientFor(s);
    const same = await client.response.trigger({
      ...action,
      url: `${s.url}/iroh/iroh-response/respond/trigger/mid-u/block?observable_type=ip&observable_value=1`,
    });
    assert.equal(same.status, 'failure');
    await assert.rejects(
      client.response.trigger({ ...action, url: 'https://attacker.example/respond/trigger/x' }),
      (e: unknown) => e instanceof PivotkitError && /attacker\.example/.test(e.message),
    );
    await assert.rejects(client.response.trigger({ ...action, url: '/../oauth2/token' }), PivotkitError);
    assert.equal(s.api().length, 1);
  });
});

describe('casebooks', () => {
  const long = 'https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-5e1c';
  const stored = { id: long, type: 'casebook', schema_version: '1.3.29', title: 'Phish', observables: [] };

  it('maps every call to its CTIA route and returns short ids', async () => {
    const s = await server((req) => {
      if (req.method === 'DELETE') return { status: 204 };
      if (req.path === '/ctia/casebook/search')
        return {
          json: [stored],
          headers: { 'x-total-hits': '42', 'x-next': 'limit=1&offset=1&search_after=casebook-5e1c' },
        };
      return { status: req.method === 'POST' && req.path === '/ctia/casebook' ? 201 : 200, json: stored };
    });
    const c = clientFor(s);
    const obs = [{ type: 'ip', value: '192.0.2.1' }];
    const created = await c.casebooks.create({ title: 'Phish', observables: obs });
    assert.equal(created.id, 'casebook-5e1c');
    await c.casebooks.get(long);
    await c.casebooks.get('casebook-5e1c');
    const page = await c.casebooks.list({ query: 'phish', limit: 1, sortBy: 'modified', sortOrder: 'desc' });
    assert.deepEqual(page.total, 42);
    assert.deepEqual(page.next, { offset: 1, searchAfter: ['casebook-5e1c'] });
    assert.equal(page.items[0]!.id, 'casebook-5e1c');
    await c.casebooks.update('casebook-5e1c', { title: 'Phish 2', texts: [{ type: 'note', text: 'hi' }] });
    await c.casebooks.addObservables('casebook-5e1c', obs);
    await c.casebooks.removeObservables('casebook-5e1c', obs);
    await c.casebooks.addTexts('casebook-5e1c', [{ type: 'note', text: 'seen again' }]);
    await c.casebooks.delete(long);
    const calls = s.api().map((r) => [r.method, r.path, r.body ? json(r) : undefined]);
    assert.deepEqual(calls, [
      ['POST', '/ctia/casebook', { title: 'Phish', observables: obs }],
      ['GET', '/ctia/casebook/casebook-5e1c', undefined],
      ['GET', '/ctia/casebook/casebook-5e1c', undefined],
      ['GET', '/ctia/casebook/search', undefined],
      ['PATCH', '/ctia/casebook/casebook-5e1c', { title: 'Phish 2', texts: [{ type: 'note', text: 'hi' }] }],
      ['POST', '/ctia/casebook/casebook-5e1c/observables', { operation: 'add', observables: obs }],
      ['POST', '/ctia/casebook/casebook-5e1c/observables', { operation: 'remove', observables: obs }],
      [
        'POST',
        '/ctia/casebook/casebook-5e1c/texts',
        { operation: 'add', texts: [{ type: 'note', text: 'seen again' }] },
      ],
      ['DELETE', '/ctia/casebook/casebook-5e1c', undefined],
    ]);
    const search = s.api()[3]!.query;
    assert.equal(search.get('query'), 'phish');
    assert.equal(search.get('limit'), '1');
    assert.equal(search.get('sort_by'), 'modified');
    assert.equal(search.get('sort_order'), 'desc');
  });

  it('drops a list item not in the documented shape, keeps the others and reports it', async () => {
    const bad = { ...stored, id: `${long}-bad`, title: 42 };
    const noId = { type: 'casebook', schema_version: '1.3.29' };
    const badId = { ...stored, id: '../oauth2/token' };
    const s = await server(() => ({
      json: [stored, bad, noId, badId, { ...stored, id: 'casebook-2' }],
      headers: { 'x-total-hits': '5' },
    }));
    const page = await clientFor(s).casebooks.list();
    assert.deepEqual(
      page.items.map((c) => c.id),
      ['casebook-5e1c', 'casebook-2'],
    );
    assert.equal(page.total, 5, 'X-Total-Hits still counts what the service has');
    assert.deepEqual(
      page.dropped?.map((d) => [d.code, d.type, d.index, d.id]),
      [
        ['invalid-document', 'warning', 1, `${long}-bad`],
        ['invalid-document', 'warning', 2, undefined],
        ['invalid-document', 'warning', 3, '../oauth2/token'],
      ],
    );
    assert.match(page.dropped![0]!.message, /^Dropped a casebook not in the documented shape \(title: /);
    assert.match(page.dropped![2]!.message, /not a casebook id/);
  });

  it('still refuses a list reply that is not a list', async () => {
    const s = await server(() => ({ json: { items: [stored] } }));
    await assert.rejects(clientFor(s).casebooks.list(), (e: unknown) => (e as Error).name === 'ApiShapeError');
  });

  it('has no next page when X-Next is absent', async () => {
    const s = await server(() => ({ json: [] }));
    const page = await clientFor(s).casebooks.list({ offset: 10, searchAfter: ['a'] });
    assert.deepEqual(page, { items: [] });
    assert.deepEqual(s.api()[0]!.query.getAll('search_after'), ['a']);
  });
});

describe('incidents', () => {
  const incident = {
    id: 'https://private.intel.amp.cisco.com:443/ctia/incident/incident-7',
    type: 'incident',
    schema_version: '1.3.29',
    confidence: 'High',
    status: 'Open',
    incident_time: { opened: '2026-11-20T10:00:00Z' },
    title: 'Beaconing',
  };

  it('lists, gets and sets status through CTIA', async () => {
    const s = await server((req) =>
      req.path === '/ctia/incident/search'
        ? { json: [incident], headers: { 'x-total-hits': '1' } }
        : { json: { ...incident, status: req.method === 'POST' ? 'Closed: False Positive' : 'Open' } },
    );
    const c = clientFor(s);
    const page = await c.incidents.list({ status: 'Open', limit: 20 });
    assert.equal(page.total, 1);
    assert.equal(page.items[0]!.id, 'incident-7');
    assert.equal(s.api()[0]!.query.get('status'), 'Open');
    assert.equal((await c.incidents.get('incident-7')).status, 'Open');
    const closed = await c.incidents.setStatus(incident.id, 'Closed: False Positive');
    assert.equal(closed.status, 'Closed: False Positive');
    const post = s.api()[2]!;
    assert.equal(post.path, '/ctia/incident/incident-7/status');
    assert.deepEqual(json(post), { status: 'Closed: False Positive' });
  });

  it('drops an incident not in the documented shape from a page and reports it', async () => {
    const s = await server(() => ({ json: [{ ...incident, status: 7 }, incident] }));
    const page = await clientFor(s).incidents.list();
    assert.deepEqual(
      page.items.map((i) => i.id),
      ['incident-7'],
    );
    assert.deepEqual(
      page.dropped?.map((d) => [d.code, d.index, d.id]),
      [['invalid-document', 0, incident.id]],
    );
    assert.match(page.dropped![0]!.message, /^Dropped an incident not in the documented shape \(status: /);
  });
});

describe('the rest of the CTIA contract', () => {
  const stored = { id: 'casebook-9', type: 'casebook', schema_version: '1.3.29', title: 'T' };
  const incident = {
    id: 'incident-3',
    type: 'incident',
    schema_version: '1.3.29',
    confidence: 'Low',
    status: 'New',
    incident_time: { opened: '2026-11-24T00:00:00Z' },
  };

  it('counts, replaces, finds by external id and replaces or removes list items', async () => {
    const s = await server((req) => {
      if (req.path.endsWith('/search/count')) return { json: 7 };
      if (req.path.includes('/external_id/')) return { json: [stored] };
      if (req.path.startsWith('/ctia/incident')) return { status: req.method === 'POST' ? 201 : 200, json: incident };
      return { json: stored };
    });
    const c = clientFor(s);
    assert.equal(await c.casebooks.count({ query: 'phish*' }), 7);
    await c.casebooks.replace('casebook-9', { title: 'T', observables: [] });
    assert.deepEqual(
      (await c.casebooks.findByExternalId('ticket 1')).map((x) => x.id),
      ['casebook-9'],
    );
    await c.casebooks.replaceObservables('casebook-9', []);
    await c.casebooks.removeTexts('casebook-9', [{ type: 'note', text: 'draft' }]);
    assert.equal(await c.incidents.count({ status: 'New' }), 7);
    const opened = { opened: '2026-11-24T00:00:00Z' };
    await c.incidents.create({ confidence: 'Low', status: 'New', incident_time: opened, title: 'x' });
    await c.incidents.update('incident-3', { severity: 'High' });
    assert.deepEqual(
      s.api().map((r) => [r.method, r.path, r.body ? json(r) : undefined]),
      [
        ['GET', '/ctia/casebook/search/count', undefined],
        ['PUT', '/ctia/casebook/casebook-9', { title: 'T', observables: [] }],
        ['GET', '/ctia/casebook/external_id/ticket%201', undefined],
        ['POST', '/ctia/casebook/casebook-9/observables', { operation: 'replace', observables: [] }],
        ['POST', '/ctia/casebook/casebook-9/texts', { operation: 'remove', texts: [{ type: 'note', text: 'draft' }] }],
        ['GET', '/ctia/incident/search/count', undefined],
        ['POST', '/ctia/incident', { confidence: 'Low', status: 'New', incident_time: opened, title: 'x' }],
        ['PATCH', '/ctia/incident/incident-3', { severity: 'High' }],
      ],
    );
    assert.equal(s.api()[0]!.query.get('query'), 'phish*');
    assert.equal(s.api()[5]!.query.get('status'), 'New');
  });

  it('rejects a count that is not a whole number', async () => {
    const s = await server(() => ({ json: { count: 7 } }));
    await assert.rejects(clientFor(s).casebooks.count(), { name: 'ApiShapeError' });
  });
});

describe('bundles, links and sightings', () => {
  it('patches a casebook bundle, links a casebook to an incident and asks actions for a sighting', async () => {
    const stored = { id: 'casebook-9', type: 'casebook', schema_version: '1.3.29' };
    const s = await server((req) => {
      if (req.path.endsWith('/link'))
        return { status: 201, json: { id: 'relationship-1', type: 'relationship', relationship_type: 'related-to' } };
      if (req.path.endsWith('/respond/sighting')) return { json: { data: [], errors: [] } };
      return { json: stored };
    });
    const c = clientFor(s);
    const sighting = {
      id: 'transient:1',
      type: 'sighting' as const,
      count: 1,
      confidence: 'High',
      observed_time: { start_time: '2026-11-24T00:00:00Z' },
    };
    await c.casebooks.patchBundle('casebook-9', 'add', { sightings: [sighting] });
    const rel = await c.incidents.linkCasebook('incident-3', 'https://x/ctia/casebook/casebook-9', { tlp: 'amber' });
    assert.equal(rel.type, 'relationship');
    assert.deepEqual(await c.response.forSighting(sighting), { actions: [], errors: [] });
    assert.deepEqual(
      s.api().map((r) => [r.method, r.path, json(r)]),
      [
        ['POST', '/ctia/casebook/casebook-9/bundle', { operation: 'add', bundle: { sightings: [sighting] } }],
        ['POST', '/ctia/incident/incident-3/link', { casebook_id: 'https://x/ctia/casebook/casebook-9', tlp: 'amber' }],
        ['POST', '/iroh/iroh-response/respond/sighting', sighting],
      ],
    );
  });
});
