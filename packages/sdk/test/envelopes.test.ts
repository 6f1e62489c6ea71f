// IROH envelopes where top-level data is optional (errors-only replies), and one bad module document that must
// not sink the whole reply.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Observable } from '@pivotkit/sdk';
import { clientFor, loopbackPool } from './helpers/client.js';

const server = loopbackPool();
const ip = { type: 'ip', value: '203.0.113.7' };
const moduleError = {
  module: 'VT',
  module_instance_id: 'mid-VT',
  module_type_id: 'type-VT',
  code: 'auth',
  message: 'bad key',
  type: 'fatal',
};
const verdict = (o: Observable, disposition = 2) => ({
  type: 'verdict',
  disposition,
  observable: o,
  valid_time: { start_time: '2026-01-01T00:00:00Z' },
});

describe('errors-only replies (no top-level data)', () => {
  it('deliberate and observe: no modules, the module errors, Unknown verdicts', async () => {
    const s = await server(() => ({ json: { errors: [moduleError] } }));
    const c = clientFor(s);
    for (const r of [await c.enrich.deliberate([ip]), await c.enrich.observe([ip])]) {
      assert.deepEqual(r.modules, []);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0]!.message, 'bad key');
      assert.equal(r.verdictFor(ip)?.dispositionName, 'Unknown');
    }
  });

  it('refer, respond/observables, respond/sighting and trigger', async () => {
    const s = await server(() => ({ json: { errors: [moduleError] } }));
    const c = clientFor(s);
    const refer = await c.enrich.refer([ip]);
    assert.deepEqual([refer.links, refer.errors.length], [[], 1]);
    const actions = await c.response.actions([ip]);
    assert.deepEqual([actions.actions, actions.errors.length], [[], 1]);
    const sighting = {
      id: 'transient:1',
      type: 'sighting' as const,
      count: 1,
      confidence: 'High',
      observed_time: { start_time: '2026-01-01T00:00:00Z' },
    };
    const forSighting = await c.response.forSighting(sighting);
    assert.deepEqual([forSighting.actions, forSighting.errors.length], [[], 1]);
    const action = {
      module: 'VT',
      moduleInstanceId: 'mid-VT',
      moduleTypeId: 'type-VT',
      id: 'block',
      title: 'Block',
      description: '',
      url: '/respond/trigger/mid-VT/block?observable_type=ip&observable_value=203.0.113.7',
      categories: [],
    };
    const trigger = await c.response.trigger(action);
    assert.equal(trigger.status, 'failure', 'no data: the action did not run');
    assert.equal(trigger.errors[0]?.code, 'auth');
  });
});

describe('one bad module document', () => {
  it('is dropped and reported; the other documents and modules are kept', async () => {
    const other = { type: 'domain', value: 'evil.example' };
    const s = await server(() => ({
      json: {
        data: [
          {
            module: 'Talos',
            module_instance_id: 'mid-Talos',
            module_type_id: 'type-Talos',
            data: {
              verdicts: { count: 2, docs: [verdict(ip), { type: 'verdict', disposition: 9, observable: other }] },
              sightings: { count: 1, docs: [{ type: 'sighting', id: 's-1' }] },
              judgements: { count: 1, docs: 'not a list' },
            },
          },
          { module_instance_id: 'mid-Broken', data: {} },
          {
            module: 'Umbrella',
            module_instance_id: 'mid-Umbrella',
            module_type_id: 'type-Umbrella',
            data: { verdicts: { count: 1, docs: [verdict(other, 1)] } },
          },
        ],
        errors: [moduleError, { message: 'an error entry missing its fields' }],
      },
    }));
    const r = await clientFor(s).enrich.observe([ip, other]);
    assert.deepEqual(
      r.modules.map((m) => [m.module, m.verdicts.length, m.sightings.length, m.judgements.length]),
      [
        ['Talos', 1, 0, 0],
        ['Umbrella', 1, 0, 0],
      ],
    );
    assert.equal(r.verdictFor(ip)?.dispositionName, 'Malicious');
    assert.equal(r.verdictFor(other)?.dispositionName, 'Clean');
    const dropped = r.errors.filter((e) => e.code === 'invalid-document');
    assert.deepEqual(
      dropped.map((e) => [e.module ?? '', e.moduleInstanceId, e.type]),
      [
        ['', '', 'warning'], // the error entry missing its fields
        ['', 'mid-Broken', 'warning'], // the module answer without module / module_type_id
        ['Talos', 'mid-Talos', 'warning'], // the bad verdict
        ['Talos', 'mid-Talos', 'warning'], // judgements.docs not a list
        ['Talos', 'mid-Talos', 'warning'], // the sighting missing its required fields
      ],
    );
    assert.match(dropped.find((e) => e.message.includes('verdict'))!.message, /disposition/);
    assert.ok(
      r.errors.some((e) => e.code === 'auth'),
      'the real module error is kept',
    );
  });

  it('drops one bad refer link or response action and keeps the rest', async () => {
    const link = {
      module: 'Talos',
      module_instance_id: 'mid-Talos',
      module_type_id: 'type-Talos',
      id: 'ref-1',
      title: 'Search',
      description: 'd',
      url: 'https://talos.example/x',
    };
    const s = await server(() => ({ json: { data: [link, { ...link, url: 42 }], errors: [] } }));
    const c = clientFor(s);
    const refer = await c.enrich.refer([ip]);
    assert.equal(refer.links.length, 1);
    assert.deepEqual(
      refer.errors.map((e) => [e.code, e.moduleInstanceId]),
      [['invalid-document', 'mid-Talos']],
    );
    const actions = await c.response.actions([ip]);
    assert.equal(actions.actions.length, 1);
    assert.equal(actions.errors.length, 1);
  });
});
