// The emulator's intel and inspect logic, directly (no HTTP).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from '../src/emulator/inspect.js';
import { DEMO_OBSERVABLES, derivedDisposition, enrich } from '../src/emulator/intel.js';
import { MemoryStore } from '../src/store.js';

describe('hash-derived intel', () => {
  const values = Array.from({ length: 400 }, (_, i) => ({ type: 'domain', value: `host-${i}.example.io` }));

  it('spreads unknown values over every disposition, the same way every time', () => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(derivedDisposition(v), (counts.get(derivedDisposition(v)) ?? 0) + 1);
    assert.deepEqual([...counts.keys()].sort(), [1, 2, 3, 4, 5]);
    for (const n of counts.values()) assert.ok(n >= 20, `a disposition is too rare: ${[...counts]}`);
    assert.deepEqual(
      values.map(derivedDisposition),
      values.map((v) => derivedDisposition({ ...v })),
    );
  });

  it('gives every observable of every detected type some module data', () => {
    const ctx = { store: new MemoryStore(), now: Date.parse('2026-11-20T00:00:00Z'), baseUrl: 'http://emu' };
    const kinds = [
      { type: 'ip', value: '100.64.1.2' },
      { type: 'ipv6', value: '2001:db8::1234' },
      { type: 'domain', value: 'random-thing.example' },
      { type: 'url', value: 'https://random-thing.example/a' },
      { type: 'sha256', value: 'a'.repeat(64) },
      { type: 'md5', value: 'b'.repeat(32) },
      { type: 'sha1', value: 'c'.repeat(40) },
      { type: 'email', value: 'x@random-thing.example' },
    ];
    for (const o of kinds) {
      const { data } = enrich('deliberate', [o], ctx);
      assert.ok(data.length >= 1, `${o.type} got no module data`);
    }
  });

  it('has a demo value for every disposition, a disagreement and a module error', () => {
    const feed = new Set(DEMO_OBSERVABLES.map((d) => d.reputation));
    for (const d of [1, 2, 3, 4, 5]) assert.ok(feed.has(d as 1), `no demo value the feed calls ${d}`);
    assert.ok(DEMO_OBSERVABLES.some((d) => d.dns === 'error'));
    assert.ok(
      DEMO_OBSERVABLES.some(
        (d) => typeof d.reputation === 'number' && typeof d.dns === 'number' && d.reputation !== d.dns && d.dns !== 5,
      ),
    );
  });
});

describe('inspect', () => {
  it('refangs, keeps order, drops duplicates and file names', () => {
    assert.deepEqual(
      inspect(
        'hxxps://bad[.]example[.]org/x and bad[.]example[.]org, again bad.example.org; report.pdf 10.0.0.1 10.0.0.1',
      ),
      [
        { value: 'https://bad.example.org/x', type: 'url' },
        { value: 'bad.example.org', type: 'domain' },
        { value: '10.0.0.1', type: 'ip' },
      ],
    );
  });

  it('tells hashes apart by length and finds e-mail addresses and IPv6', () => {
    const text = `${'A'.repeat(64)} ${'b'.repeat(40)} ${'c'.repeat(32)} ops@corp.example.com 2001:db8::bad`;
    assert.deepEqual(
      inspect(text).map((o) => o.type),
      ['sha256', 'sha1', 'md5', 'email', 'ipv6'],
    );
    assert.equal(inspect(text)[0]!.value, 'a'.repeat(64));
  });

  it('finds nothing in plain prose', () => {
    assert.deepEqual(inspect('The meeting is at 10:30, see you there.'), []);
  });
});
