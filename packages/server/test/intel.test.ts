// The emulator's intel and inspect logic, directly (no HTTP).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from '../src/emulator/inspect.js';
import { appearance } from '../src/emulator/derived.js';
import { DEMO_OBSERVABLES, derivedDisposition, enrich } from '../src/emulator/intel.js';
import { MemoryStore } from '../src/store.js';

type Verdicts = { module: string; data: { verdicts: { docs: { disposition: number }[] } } }[];

const NOW = Date.parse('2026-11-20T00:00:00Z');

/** Each module's disposition for one observable (`null`: the module answered with no verdict). */
function verdicts(o: { type: string; value: string }, store = new MemoryStore()): Map<string, number | null> {
  const { data } = enrich('deliberate', [o], { store, now: NOW, baseUrl: 'http://emu' });
  return new Map((data as Verdicts).map((m) => [m.module, m.data.verdicts.docs[0]?.disposition ?? null]));
}

const flagged = (v: Map<string, number | null>) => [...v.values()].some((d) => d === 2 || d === 3);
const share = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length / xs.length;

/** A mulberry32 stream, so the sample values are the same on every run. */
function sampler(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}

describe('derived intel (values with no fixed answer)', () => {
  const pick = sampler(11);
  const int = (n: number) => Math.floor(pick(n));
  const plain = [
    ...Array.from({ length: 300 }, (_, i) => ({ type: 'domain', value: `host-${i}.example.io` })),
    ...Array.from({ length: 200 }, () => ({
      type: 'ip',
      value: `${[45, 52, 91, 104, 146, 185][int(6)]}.${int(256)}.${int(256)}.${1 + int(254)}`,
    })),
    ...Array.from({ length: 100 }, (_, i) => ({ type: 'url', value: `https://shop-${i}.example.io/cart/${i}` })),
    ...Array.from({ length: 100 }, (_, i) => ({ type: 'email', value: `team@agency-${i}.example.io` })),
  ];
  const words = ['login', 'verify', 'secure', 'invoice', 'account', 'billing'];
  const lookalikes = Array.from({ length: 300 }, (_, i) => ({
    type: 'domain',
    value: `${words[i % 6]}-${words[Math.floor(i / 6) % 6]}${i}.${['top', 'xyz', 'zip', 'com', 'net'][i % 5]}`,
  }));
  const hashes = Array.from({ length: 300 }, () => ({
    type: 'sha256',
    value: Array.from({ length: 64 }, () => '0123456789abcdef'[int(16)]).join(''),
  }));

  it('gives the same answer every time, from a fresh store too', () => {
    for (const o of [...plain.slice(0, 50), ...lookalikes.slice(0, 50), ...hashes.slice(0, 50)]) {
      assert.deepEqual(verdicts(o), verdicts({ ...o }));
    }
    assert.deepEqual(
      plain.map(derivedDisposition),
      plain.map((o) => derivedDisposition({ ...o })),
    );
  });

  it('calls well-known services Clean or Common in the feed, and no module flags them', () => {
    const known = ['zoom.us', 'docusign.net', 'microsoft.com', 'google.com', 'github.com', 'amazon.com', 'apple.com'];
    for (const d of [...known, 'slack.com', 'salesforce.com', 'us02web.zoom.us', 'login.microsoftonline.com']) {
      for (const o of [
        { type: 'domain', value: d },
        { type: 'url', value: `https://${d}/login/verify?next=/account` },
        { type: 'email', value: `no-reply@${d}` },
      ]) {
        const v = verdicts(o);
        assert.ok([1, 4].includes(v.get('Reputation Feed')!), `${o.value}: feed says ${v.get('Reputation Feed')}`);
        assert.ok(!flagged(v), `${o.value} is flagged: ${[...v]}`);
      }
    }
    assert.equal(verdicts({ type: 'domain', value: 'zoom.us' }).get('DNS Shield'), 1);
  });

  it('never flags ordinary values: most get no verdict or Unknown, a minority Clean or Common', () => {
    const all = plain.map((o) => verdicts(o));
    assert.equal(all.filter(flagged).length, 0, 'an ordinary value was flagged');
    for (const mod of ['Reputation Feed', 'DNS Shield']) {
      const ds = all.filter((v) => v.has(mod)).map((v) => v.get(mod) ?? null);
      const quiet = share(ds, (d) => d === null || d === 5);
      const good = share(ds, (d) => d === 1 || d === 4);
      assert.ok(quiet >= 0.6, `${mod}: only ${quiet} with no verdict or Unknown`);
      assert.ok(good > 0.05 && good < 0.4, `${mod}: ${good} Clean or Common`);
    }
    const feed = all.map((v) => v.get('Reputation Feed') ?? null);
    for (const d of [null, 5, 1, 4]) assert.ok(feed.includes(d), `the feed never says ${d}`);
  });

  it('flags a small share of suspicious-looking values, and only those', () => {
    const rates = (xs: { type: string; value: string }[]) => {
      const feed = xs.map((o) => verdicts(o).get('Reputation Feed') ?? null);
      return { bad: share(feed, (d) => d === 2 || d === 3), malicious: feed.includes(2), suspicious: feed.includes(3) };
    };
    const hosting = Array.from({ length: 254 }, (_, i) => ({
      type: 'ip',
      value: i % 2 ? `198.51.100.${i + 1}` : `203.0.113.${i + 1}`,
    }));
    for (const [name, xs, lo, hi] of [
      ['look-alike domains', lookalikes, 0.2, 0.5],
      ['hosting-range addresses', hosting, 0.08, 0.35],
      ['file hashes', hashes, 0.05, 0.3],
    ] as const) {
      const r = rates([...xs]);
      assert.ok(r.bad >= lo && r.bad <= hi, `${name}: ${r.bad} flagged`);
      assert.ok(r.malicious && r.suspicious, `${name}: not both Malicious and Suspicious`);
    }
    for (const o of [...lookalikes, ...hosting, ...hashes].filter((o) => flagged(verdicts(o)))) {
      assert.notEqual(appearance(o).look, 'plain', o.value);
    }
    assert.ok(appearance({ type: 'domain', value: 'paypa1-account.com' }).signals.includes('lookalike:paypal'));
    assert.ok(appearance({ type: 'url', value: 'https://files.example.io/a/setup.exe' }).signals.includes('payload'));
  });

  it('lets DNS Shield disagree with the feed now and then on a suspicious-looking value', () => {
    const disagree = lookalikes.filter((o) => {
      const v = verdicts(o);
      return v.get('DNS Shield') === 3 && v.get('Reputation Feed') !== 3 && v.get('Reputation Feed') !== 2;
    });
    assert.ok(disagree.length >= 3 && disagree.length < lookalikes.length / 4, `${disagree.length} disagreements`);
  });

  it('answers URLs and e-mail addresses on a demo domain as it answers the domain', () => {
    const phish = verdicts({ type: 'url', value: 'https://phish.example.org/login?session=1a2b' });
    assert.deepEqual(
      [...phish],
      [
        ['Reputation Feed', 3],
        ['DNS Shield', 3],
      ],
    );
    const disputed = verdicts({ type: 'url', value: 'https://disputed.example.com/login' });
    assert.deepEqual(
      [...disputed],
      [
        ['Reputation Feed', 1],
        ['DNS Shield', 2],
      ],
    );
    assert.deepEqual([...verdicts({ type: 'email', value: 'billing@evil.example.net' })], [['Reputation Feed', 2]]);
    const failing = enrich('deliberate', [{ type: 'url', value: 'https://module-error.example.com/x' }], {
      store: new MemoryStore(),
      now: NOW,
      baseUrl: 'http://emu',
    });
    assert.deepEqual(
      failing.errors.map((e) => [e.module, e.code]),
      [['DNS Shield', 'upstream-timeout']],
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

  it('answers every demo value exactly as its table says, in every module that judges it', () => {
    const names = { reputation: 'Reputation Feed', dns: 'DNS Shield', endpoint: 'Endpoint Guard' } as const;
    for (const d of DEMO_OBSERVABLES) {
      const { data, errors } = enrich('deliberate', [d], { store: new MemoryStore(), now: NOW, baseUrl: 'http://emu' });
      const got = new Map((data as Verdicts).map((m) => [m.module, m.data.verdicts.docs[0]?.disposition ?? null]));
      for (const k of ['reputation', 'dns', 'endpoint'] as const) {
        const judges = k !== 'endpoint' || ['sha256', 'md5', 'sha1'].includes(d.type);
        if (d[k] === 'error')
          assert.deepEqual(
            errors.map((e) => e.module),
            [names[k]],
            d.value,
          );
        else if (typeof d[k] === 'number' && judges) assert.equal(got.get(names[k]), d[k], `${d.value} ${k}`);
        else if (d[k] === null) assert.ok(!got.get(names[k]), `${d.value} ${k}`);
      }
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
