import { expect } from '@open-wc/testing';
import type { Casebook } from '@pivotkit/sdk';
import { PROVENANCE_SOURCE, provenanceFromBundle, provenanceToSighting, type Provenance } from './provenance.js';

const ip = { type: 'ip', value: '203.0.113.7' };
const p: Provenance = {
  url: 'https://intranet.example/report/17',
  title: 'Proxy report',
  context: 'beacon to 203.0.113.7 every 60 s',
  time: '2026-12-03T06:30:00.000Z',
};
const casebook = (bundle: unknown): Casebook => ({
  id: 'casebook-1',
  longId: 'https://private.intel.example:443/ctia/casebook/casebook-1',
  type: 'casebook',
  schema_version: '1.3.29',
  bundle,
});

describe('provenance', () => {
  it('writes a CTIM sighting with the required fields and reads it back', () => {
    const s = provenanceToSighting(ip, p, { tlp: 'amber' });
    for (const k of ['id', 'type', 'schema_version', 'count', 'confidence', 'observed_time'])
      expect(s).to.have.property(k);
    expect(s.type).to.equal('sighting');
    expect(s.id).to.match(/^transient:sighting-pk-[0-9a-f]{16}$/);
    expect(s.source).to.equal(PROVENANCE_SOURCE);
    expect(s.source_uri).to.equal(p.url);
    expect(s.observables).to.deep.equal([ip]);
    expect(s.tlp).to.equal('amber');
    const back = provenanceFromBundle(casebook({ type: 'bundle', sightings: [s] }));
    expect([...back.entries()]).to.deep.equal([['ip:203.0.113.7', [p]]]);
  });

  it('gives the same provenance the same id, and a different one another', () => {
    expect(provenanceToSighting(ip, p).id).to.equal(provenanceToSighting(ip, { ...p }).id);
    expect(provenanceToSighting(ip, p).id).not.to.equal(
      provenanceToSighting(ip, { ...p, time: '2026-12-03T06:31:00Z' }).id,
    );
  });

  it('keys by the SDK observable key (domains case-insensitive), oldest first, duplicates once', () => {
    const d1 = provenanceToSighting({ type: 'domain', value: 'Evil.Example' }, { ...p, time: '2026-12-03T07:00:00Z' });
    const d2 = provenanceToSighting({ type: 'domain', value: 'evil.example' }, p);
    const map = provenanceFromBundle(casebook({ sightings: [d1, d2, d2] }));
    expect(map.get('domain:evil.example')?.map((x) => x.time)).to.deep.equal([p.time, '2026-12-03T07:00:00Z']);
  });

  it('clips the title and context to CTIM limits', () => {
    const s = provenanceToSighting(ip, { ...p, title: 't'.repeat(3000), context: 'c'.repeat(9000) });
    expect(s.title.length).to.equal(1024);
    expect(s.description.length).to.equal(5000);
  });

  it('skips what is not a readable provenance sighting', () => {
    const good = provenanceToSighting(ip, p);
    const bundles: unknown[] = [
      undefined,
      null,
      'bundle',
      { sightings: 'x' },
      {
        sightings: [
          null,
          42,
          { ...good, source: 'Some module' },
          { ...good, source_uri: 17 },
          { ...good, observables: [{ type: 1, value: 'x' }] },
          { ...good, observed_time: 'yesterday', timestamp: undefined },
        ],
      },
    ];
    for (const b of bundles.slice(0, 4)) expect(provenanceFromBundle(casebook(b)).size).to.equal(0);
    const last = provenanceFromBundle(casebook(bundles[4]));
    expect(last.get('ip:203.0.113.7')).to.deep.equal([{ ...p, time: '' }]);
  });
});
