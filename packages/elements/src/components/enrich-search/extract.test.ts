import { expect } from '@open-wc/testing';
import { dedupeObservables, extractObservables } from './extract.js';

describe('enrich-search extractObservables', () => {
  it('finds observables in prose, de-duplicated, counting the repeats', () => {
    const r = extractObservables('beacon from 203.0.113.7 to hxxps://evil-update[.]com/gate, again 203.0.113.7');
    expect(r.bulk).to.equal(false);
    expect(r.observables).to.deep.equal([
      { type: 'ip', value: '203.0.113.7' },
      { type: 'url', value: 'https://evil-update.com/gate' },
      { type: 'domain', value: 'evil-update.com' },
    ]);
    expect(r.duplicates).to.equal(1);
  });

  it('reads one value per line as bulk input, look-alikes included, and lists what it could not read', () => {
    const r = extractObservables('evil.example.net\r\ninvoice.zip\n\nnot-a-thing\n198.51.100.7\nEVIL.EXAMPLE.NET\n');
    expect(r.bulk).to.equal(true);
    expect(r.observables).to.deep.equal([
      { type: 'domain', value: 'evil.example.net' },
      { type: 'domain', value: 'invoice.zip' },
      { type: 'ip', value: '198.51.100.7' },
    ]);
    expect(r.duplicates).to.equal(1);
    expect(r.unrecognised).to.deep.equal(['not-a-thing']);
  });

  it('finds nothing in text without observables', () => {
    const r = extractObservables('the quick brown fox');
    expect(r.observables).to.deep.equal([]);
    expect(r.bulk).to.equal(false);
  });

  it('de-duplicates the Inspect API answer', () => {
    expect(
      dedupeObservables([
        { type: 'domain', value: 'a.example' },
        { type: 'domain', value: 'a.example' },
        { type: 'hostname', value: 'ws-1' },
      ]),
    ).to.deep.equal([
      { type: 'domain', value: 'a.example' },
      { type: 'hostname', value: 'ws-1' },
    ]);
  });
});
