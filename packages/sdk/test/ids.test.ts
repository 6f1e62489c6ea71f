// Long and short CTIA ids, the one path-segment builder, and what the client says about itself (region, client id).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiShapeError, createClient, PivotkitConfigError, type Casebook } from '@pivotkit/sdk';
import { SECRET, type Seen } from './helpers/loopback.js';
import { clientFor, loopbackPool } from './helpers/client.js';

const server = loopbackPool();
const json = (r: Seen) => JSON.parse(r.body) as unknown;
const LONG = 'https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-5e1c0a2b-0000-4000-8000-000000000001';
const SHORT = 'casebook-5e1c0a2b-0000-4000-8000-000000000001';
const INCIDENT_LONG = 'https://private.intel.amp.cisco.com:443/ctia/incident/incident-7f00';
const stored = { id: LONG, type: 'casebook', schema_version: '1.3.29', title: 'Case' };

describe('long ids', () => {
  it('keeps the id exactly as returned (port included) as longId beside the short id, on every read', async () => {
    const s = await server((req) => {
      if (req.path === '/ctia/casebook/search') return { json: [stored] };
      if (req.path.startsWith('/ctia/casebook/external_id/')) return { json: [stored] };
      if (req.path.startsWith('/ctia/incident/search')) return { json: [incident] };
      if (req.path.startsWith('/ctia/incident')) return { json: incident };
      return { json: stored };
    });
    const incident = {
      id: INCIDENT_LONG,
      type: 'incident',
      schema_version: '1.3.29',
      confidence: 'High',
      status: 'New',
      incident_time: { opened: '2026-01-01T00:00:00Z' },
    };
    const c = clientFor(s);
    const reads: { id: string; longId: string }[] = [
      await c.casebooks.get(SHORT),
      await c.casebooks.create({ title: 'Case' }),
      await c.casebooks.update(SHORT, { title: 'Case' }),
      await c.casebooks.addObservables(SHORT, [{ type: 'ip', value: '192.0.2.1' }]),
      ...(await c.casebooks.list()).items,
      ...(await c.casebooks.findByExternalId('ticket-1')),
    ];
    for (const r of reads) assert.deepEqual([r.id, r.longId], [SHORT, LONG]);
    const incidents = [await c.incidents.get('incident-7f00'), ...(await c.incidents.list()).items];
    for (const r of incidents) assert.deepEqual([r.id, r.longId], ['incident-7f00', INCIDENT_LONG]);
  });

  it('gives a short id from the service a long form under the private-intel host', async () => {
    const s = await server(() => ({ json: { ...stored, id: SHORT } }));
    const cb = await clientFor(s).casebooks.get(SHORT);
    assert.equal(cb.id, SHORT);
    assert.equal(cb.longId, `${s.url}/ctia/casebook/${SHORT}`);
  });

  it('links a casebook to an incident with its long id as casebook_id', async () => {
    const s = await server((req) =>
      req.path.endsWith('/link')
        ? {
            status: 201,
            json: { id: 'https://h:443/ctia/relationship/relationship-1', type: 'relationship', source_ref: LONG },
          }
        : { json: stored },
    );
    const c = clientFor(s);
    const cb = await c.casebooks.get(SHORT);
    const rel = await c.incidents.linkCasebook(INCIDENT_LONG, cb);
    assert.equal(rel.id, 'relationship-1');
    assert.equal(rel.longId, 'https://h:443/ctia/relationship/relationship-1');
    await c.incidents.linkCasebook('incident-7f00', LONG, { tlp: 'amber' });
    await c.incidents.linkCasebook('incident-7f00', SHORT);
    const links = s.api().filter((r) => r.path.endsWith('/link'));
    assert.deepEqual(
      links.map((r) => [r.path, json(r)]),
      [
        ['/ctia/incident/incident-7f00/link', { casebook_id: LONG }],
        ['/ctia/incident/incident-7f00/link', { casebook_id: LONG, tlp: 'amber' }],
        ['/ctia/incident/incident-7f00/link', { casebook_id: `${s.url}/ctia/casebook/${SHORT}` }],
      ],
    );
  });

  it('exports a bundle by long ids, with related entities', async () => {
    const s = await server(() => ({ json: { type: 'bundle', source: 'ctia', incidents: [] } }));
    const c = clientFor(s);
    const cb = { ...stored, id: SHORT, longId: LONG } as Casebook;
    const bundle = await c.bundle.export([cb, INCIDENT_LONG]);
    assert.equal(bundle.type, 'bundle');
    const [r] = s.api();
    assert.equal(r!.method, 'GET');
    assert.equal(r!.path, '/ctia/bundle/export');
    assert.deepEqual(r!.query.getAll('ids'), [LONG, INCIDENT_LONG]);
    assert.equal(r!.query.get('include_related_entities'), 'true');
  });

  it('never sends longId back in a body (CTIA refuses unknown keys)', async () => {
    const s = await server(() => ({ json: stored }));
    const c = clientFor(s);
    const cb = await c.casebooks.get(SHORT);
    await c.casebooks.replace(cb.id, { ...cb, title: 'Renamed' });
    const put = s.api().find((r) => r.method === 'PUT')!;
    assert.equal((json(put) as Record<string, unknown>)['longId'], undefined);
  });
});

describe('ids going into paths', () => {
  it('refuses dot segments and ids that are not ids, before sending anything', async () => {
    const s = await server(() => ({ status: 204 }));
    const c = clientFor(s);
    for (const bad of ['..', '.', '', '  ', '%2e%2e', '../incident/x', 'casebook-1/../..', 'a?b', 'a#b', 'a/b']) {
      await assert.rejects(c.casebooks.delete(bad), PivotkitConfigError, JSON.stringify(bad));
      await assert.rejects(c.casebooks.get(bad), PivotkitConfigError, JSON.stringify(bad));
      await assert.rejects(c.incidents.setStatus(bad, 'Open'), PivotkitConfigError, JSON.stringify(bad));
    }
    for (const bad of [
      'https://h/ctia/casebook/..',
      'https://h/../ctia/casebook/x',
      'https://h/ctia/incident/casebook-1',
    ])
      await assert.rejects(c.casebooks.delete(bad), PivotkitConfigError, bad);
    for (const bad of ['..', '.']) await assert.rejects(c.casebooks.findByExternalId(bad), PivotkitConfigError);
    await assert.rejects(c.incidents.linkCasebook('incident-1', '..'), PivotkitConfigError);
    await assert.rejects(c.bundle.export(['..']), PivotkitConfigError);
    assert.deepEqual(s.api(), [], 'nothing was sent');
  });

  it('accepts short and long ids, and encodes external ids as one segment', async () => {
    const s = await server(() => ({ status: 204 }));
    const c = clientFor(s);
    await c.casebooks.delete(SHORT);
    await c.casebooks.delete(LONG);
    await c.casebooks.delete(`http://127.0.0.1:8787/relay/ctia/casebook/${SHORT}`);
    await c.casebooks.findByExternalId('a/b ..').catch(() => undefined);
    assert.deepEqual(
      s.api().map((r) => r.path),
      [
        `/ctia/casebook/${SHORT}`,
        `/ctia/casebook/${SHORT}`,
        `/ctia/casebook/${SHORT}`,
        '/ctia/casebook/external_id/a%2Fb%20..',
      ],
    );
  });

  it('refuses a reply whose entity id could not go into a path', async () => {
    const s = await server(() => ({ json: { ...stored, id: '..' } }));
    await assert.rejects(clientFor(s).casebooks.get(SHORT), ApiShapeError);
  });
});

describe('region and client id', () => {
  it('tells the region and the client id, never the secret', async () => {
    const eu = createClient({ region: 'eu', credentials: { clientId: 'cid-eu', clientSecret: SECRET }, cache: false });
    assert.equal(eu.region, 'eu');
    assert.equal(eu.clientId, 'cid-eu');
    const nam = createClient({ credentials: { clientId: 'cid', clientSecret: SECRET }, cache: false });
    assert.equal(nam.region, 'nam');
    const s = await server(() => ({ json: [] }));
    const local = clientFor(s);
    assert.equal(local.region, undefined, 'baseUrls that are no region');
    assert.equal(local.clientId, 'demo-client');
    const apjc = createClient({
      baseUrls: {
        visibility: 'https://visibility.apjc.amp.cisco.com',
        privateIntel: 'https://private.intel.apjc.amp.cisco.com',
      },
      credentials: { clientId: 'cid', clientSecret: SECRET },
      cache: false,
    });
    assert.equal(apjc.region, 'apjc', "a region's own hosts");
  });

  it('takes the client id from the token when a provider signs in', async () => {
    const claims = { 'https://schemas.cisco.com/iroh/identity/claims/oauth/client/id': 'from-token' };
    const jwt = `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;
    const s = await server(() => ({ json: [] }));
    const c = createClient({
      baseUrls: { visibility: s.url, privateIntel: s.url },
      tokenProvider: async () => jwt,
      cache: false,
    });
    assert.equal(c.clientId, undefined);
    await c.signIn();
    assert.equal(c.clientId, 'from-token');
  });
});
