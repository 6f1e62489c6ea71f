import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { domainToASCII } from 'node:url';
import {
  defang,
  detectObservables,
  isTld,
  refang,
  TLD_SOURCE,
  uniqueObservables,
  type DetectedObservable,
} from '../src/detect/index.js';
import { FILE_TLDS, TLD, TLD_FILE, tldKind, tldNames } from '../src/detect/tld.js';
import { cases, H32, H64 } from './detect-cases.js';

const pairs = (ms: DetectedObservable[]) => ms.map((m) => [m.type, m.value]);
const show = (s: string) => JSON.stringify(s.length > 70 ? `${s.slice(0, 70)}…` : s);

describe('detectObservables: labelled cases', () => {
  assert.ok(cases.length >= 150, `${cases.length} labelled cases`);
  for (const c of cases) {
    const label = `${c.row ? `row ${c.row}: ` : ''}${show(c.input)}${c.options ? ` ${JSON.stringify(c.options)}` : ''}`;
    it(label, () => {
      const found = detectObservables(c.input, c.options);
      assert.deepEqual(pairs(found), c.expected, c.note);
      for (const m of found) {
        assert.ok(m.start >= 0 && m.start < m.end && m.end <= c.input.length, 'offsets inside the input');
        const slice = c.input.slice(m.start, m.end);
        if (slice === m.value) assert.equal(m.raw, undefined);
        else assert.equal(m.raw, slice, 'raw is the text as written');
      }
    });
  }
});

describe('detectObservables: offsets into the original text', () => {
  it('points at a defanged domain as written', () => {
    const text = 'C2: evil-update[.]com, port 443';
    const [m] = detectObservables(text);
    assert.equal(text.slice(m!.start, m!.end), 'evil-update[.]com');
    assert.equal(m!.value, 'evil-update.com');
    assert.equal(m!.raw, 'evil-update[.]com');
  });

  it('keeps a zero-width space inside the match but out of the value', () => {
    const text = 'x evil\u200b-update.com y';
    const [m] = detectObservables(text);
    assert.deepEqual([m!.start, m!.end, m!.value], [2, 18, 'evil-update.com']);
  });

  it('nests the host of a URL inside the URL', () => {
    const text = 'get hxxps[:]//user@evil-update[.]com:8443/a?b=1. done';
    const [u, h] = detectObservables(text);
    assert.equal(text.slice(u!.start, u!.end), 'hxxps[:]//user@evil-update[.]com:8443/a?b=1');
    assert.equal(u!.value, 'https://user@evil-update.com:8443/a?b=1');
    assert.equal(text.slice(h!.start, h!.end), 'evil-update[.]com');
    assert.ok(h!.start > u!.start && h!.end < u!.end);
  });

  it('spans the new forms exactly: Markdown links, extended local parts, address literals, bare IPv6 hosts', () => {
    const text =
      "[https://a.example.org/x](https://b.example.org/y) user#t@example.org, to u@[IPv6:2001:db8::1] and http://2001:db8::5/z o'k";
    const spans = detectObservables(text).map((m) => [m.type, text.slice(m.start, m.end)]);
    assert.deepEqual(spans, [
      ['url', 'https://a.example.org/x'],
      ['domain', 'a.example.org'],
      ['url', 'https://b.example.org/y'],
      ['domain', 'b.example.org'],
      ['email', 'user#t@example.org'],
      ['domain', 'example.org'],
      ['email', 'u@[IPv6:2001:db8::1]'],
      ['ipv6', '2001:db8::1'],
      ['url', 'http://2001:db8::5/z'],
      ['ipv6', '2001:db8::5'],
    ]);
  });

  it('keeps the text before a refanged local part in the match (user#tag[@]example[.]org)', () => {
    const text = 'x user#tag[@]example[.]org';
    const [m] = detectObservables(text);
    assert.deepEqual(
      [m!.type, m!.value, text.slice(m!.start, m!.end)],
      ['email', 'user#tag@example.org', 'user#tag[@]example[.]org'],
    );
  });

  it('gives the bracketed IPv6 host of a URL without its brackets', () => {
    const text = 'http://[2001:DB8::2]:8443/api';
    const [, h] = detectObservables(text);
    assert.equal(text.slice(h!.start, h!.end), '2001:DB8::2');
    assert.equal(h!.value, '2001:db8::2');
  });

  it('covers the zone id of an IPv6 address', () => {
    const text = 'ping fe80::1%eth0 now';
    const [m] = detectObservables(text);
    assert.equal(text.slice(m!.start, m!.end), 'fe80::1%eth0');
    assert.equal(m!.value, 'fe80::1');
  });

  it('points at the hash after a 0x prefix', () => {
    const text = `k=0x${H64}`;
    const [m] = detectObservables(text);
    assert.equal(m!.start, 4);
    assert.equal(m!.end, text.length);
  });

  it('reports every occurrence; uniqueObservables folds them', () => {
    const text = 'evil-update.com EVIL-UPDATE.COM evil-update[.]com';
    const found = detectObservables(text);
    assert.equal(found.length, 3);
    assert.deepEqual(uniqueObservables(found), [{ type: 'domain', value: 'evil-update.com' }]);
  });
});

describe('detectObservables: confidence', () => {
  const low = (text: string) =>
    detectObservables(text, { lowConfidence: true }).map((m) => [m.type, m.value, m.confidence]);
  it('marks file-like names low, and drops them by default', () => {
    assert.deepEqual(low('invoice.zip main.py README.md clip.mov'), [
      ['domain', 'invoice.zip', 'low'],
      ['domain', 'main.py', 'low'],
      ['domain', 'readme.md', 'low'],
      ['domain', 'clip.mov', 'low'],
    ]);
  });
  it('keeps a file-like TLD high when defanged or a URL host', () => {
    assert.deepEqual(low('evil[.]zip http://evil.zip/'), [
      ['domain', 'evil.zip', 'high'],
      ['url', 'http://evil.zip/', 'high'],
      ['domain', 'evil.zip', 'high'],
    ]);
  });
  it('marks version-like IPv4 and capitalised TLDs low', () => {
    assert.deepEqual(low('agent version 10.4.2.1, Hello.World, System.Net, logger.info(x)'), [
      ['ip', '10.4.2.1', 'low'],
      ['domain', 'hello.world', 'low'],
      ['domain', 'system.net', 'low'],
      ['domain', 'logger.info', 'low'],
    ]);
  });
});

describe('refang and defang', () => {
  it('refangs the usual forms', () => {
    assert.equal(
      refang('hxxps[:]//evil-update[.]com[/]a hXXp://x(dot)com admin[at]x{.}org h**p://a\\.b fxp://f.io'),
      'https://evil-update.com/a http://x.com admin@x.org http://a.b ftp://f.io',
    );
  });
  it('refangs the forms added later: [-], h[tt]p, h[xx]p and JSON slashes', () => {
    assert.equal(
      refang('h[tt]ps:\\/\\/evil[-]update[.]com\\/a H[XX]P://x.org'),
      'https://evil-update.com/a http://x.org',
    );
  });
  it('leaves plain text alone', () => {
    const s = 'array[i] (see) {x} hxxp without scheme shotput';
    assert.equal(refang(s), s);
  });
  it('defangs by type', () => {
    assert.equal(defang({ type: 'url', value: 'https://evil-update.com/a.php' }), 'hxxps://evil-update[.]com/a.php');
    assert.equal(defang({ type: 'ip', value: '203.0.113.7' }), '203[.]0[.]113[.]7');
    assert.equal(defang({ type: 'ipv6', value: '2001:db8::1' }), '2001[:]db8[:][:]1');
    assert.equal(defang({ type: 'email', value: 'a.b@evil.com' }), 'a.b[@]evil[.]com');
    assert.equal(defang({ type: 'md5', value: H32 }), H32);
  });
  it('defangs every observable in a text', () => {
    assert.equal(
      defang('see http://evil-update.com/x and 203.0.113.7.'),
      'see hxxp://evil-update[.]com/x and 203[.]0[.]113[.]7.',
    );
  });
  it('round-trips every labelled value: refang(defang(v)) === v, and defanged text is detected again', () => {
    for (const c of cases) {
      if (c.options) continue;
      for (const [type, value] of c.expected) {
        const d = defang({ type, value });
        assert.equal(refang(d), value, d);
        assert.ok(
          detectObservables(d).some((m) => m.type === type && m.value === value),
          `${d} is detected as ${type} ${value}`,
        );
      }
    }
  });
});

describe('TLD list', () => {
  it('is the IANA list, bundled with its source', () => {
    assert.match(TLD_SOURCE, /^tlds@\d+\.\d+\.\d+, \d{4}-\d{2}-\d{2}$/);
    for (const t of ['com', 'uk', 'zip', 'xn--p1ai', 'io']) assert.ok(isTld(t), t);
    for (const t of ['local', 'internal', 'pdf', 'exe', 'Com', 'invalidtld']) assert.ok(!isTld(t), t);
  });

  it('decodes to exactly the names of the package it was generated from', () => {
    const require = createRequire(import.meta.url);
    const source: string[] = require('tlds');
    const expected = [...new Set(source.map((t) => domainToASCII(t).toLowerCase()))].filter(Boolean).sort();
    assert.deepEqual(tldNames(), expected);
  });

  it('is looked up in place by the packed table exactly as by the list, in either case', () => {
    const names = tldNames();
    const kind = (name: string) => (isTld(name) ? TLD | (FILE_TLDS.has(name) ? TLD_FILE : 0) : 0);
    // Each name as it is, upper-cased, and inside a longer string; then near misses: one letter more, one less,
    // one changed. Long names (over 10 characters) take the other path.
    for (const name of names) {
      const text = `a.${name}/`;
      assert.equal(tldKind(text, 2, 2 + name.length), kind(name), name);
      assert.equal(tldKind(name.toUpperCase(), 0, name.length), kind(name), name.toUpperCase());
      for (const miss of [
        `${name}x`,
        `x${name}`,
        name.slice(1),
        `${name.slice(0, -1)}${name.endsWith('q') ? 'z' : 'q'}`,
      ])
        assert.equal(tldKind(miss, 0, miss.length), kind(miss), miss);
    }
    assert.ok(names.some((n) => n.length > 10) && names.some((n) => n.length <= 10));
  });
});

describe('linear time on adversarial input', () => {
  // Each input is about 1 MB. A quadratic path would need ~10^12 steps and never finish; no timer is
  // needed to tell. Each case also checks the result, so a shortcut that skips the input fails.
  const big = (unit: string, size = 1_000_000) => unit.repeat(Math.ceil(size / unit.length));
  const adversarial: [string, string, [string, string][]][] = [
    ['dotted labels without a TLD', big('ab.'), []],
    ['dotted numbers', big('1.'), []],
    ['one long word then a dot', `${big('a')}.`, []],
    ['a long label chain ending in a TLD', `${big('a.')}com`, []],
    ['colons', big(':'), []],
    ['hex and colons', big('a:'), []],
    ['scope operators', big('std::'), []],
    ['at signs', big('a@'), []],
    ['a huge local part', `${big('a.', 200_000)}@example.org`, [['domain', 'example.org']]],
    ['opening brackets', big('['), []],
    ['bracket dots', big('a[.]'), []],
    ['schemes without hosts', big('hxxp://'), []],
    ['bracketed hosts without an end', big('http://['), []],
    ['userinfo at signs', `http://${big('@')}`, []],
    [
      'closing parens after a URL',
      `http://example.org/${big(')')}`,
      [
        ['url', 'http://example.org/'],
        ['domain', 'example.org'],
      ],
    ],
    [
      'a URL path with no end',
      `http://example.org/${big('a')}`,
      [
        ['url', `http://example.org/${big('a')}`],
        ['domain', 'example.org'],
      ],
    ],
    ['long hex', big('0123456789abcdef'), []],
    ['percent escapes', big('%41'), []],
    ['zero-width characters', big('a\u200b.'), []],
  ];
  for (const [name, text, expected] of adversarial) {
    it(name, () => {
      assert.deepEqual(pairs(detectObservables(text)), expected);
    });
  }

  it('does work proportional to the input: twice the text, twice the matches, same per-unit result', () => {
    const unit = `x ab.ab.ab 1.2.3 ${H32} std::io a@ 203.0.113.7 `;
    const one = detectObservables(unit.repeat(20_000));
    const two = detectObservables(unit.repeat(40_000));
    assert.equal(one.length, 40_000);
    assert.equal(two.length, 2 * one.length);
  });
});

describe('seeded fuzz: invariants on random tricky text', () => {
  it('never throws; every match is inside the input, in order, with a non-empty value', () => {
    let seed = 1234;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    const atoms = [
      'evil',
      'update',
      '.',
      '..',
      '[.]',
      '(dot)',
      '{.}',
      '\\.',
      '\u3002',
      '\u200b',
      '-',
      '_',
      '+',
      '%2F',
      'com',
      'zip',
      'io',
      'рф',
      'пример',
      '1',
      '192',
      '255',
      '256',
      '0',
      ':',
      '::',
      'fe80',
      'db8',
      '%eth0',
      '[',
      ']',
      '(',
      ')',
      '@',
      '[at]',
      'hxxp://',
      'https://',
      'h**p://',
      '[:]//',
      '/',
      '?q=1',
      '#',
      ' ',
      '\n',
      '"',
      "'",
      '<',
      '>',
      ',',
      'ABCDEF',
      '0x',
      'deadbeef',
      H32.slice(0, 16),
      'user:pw@',
      'localhost',
      'Net',
      'System',
    ];
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let k = 1 + Math.floor(rnd() * 30); k > 0; k--) s += atoms[Math.floor(rnd() * atoms.length)];
      for (const options of [undefined, { lowConfidence: true, nested: false }, { defanged: false }]) {
        const found = detectObservables(s, options);
        let last = -1;
        for (const m of found) {
          assert.ok(m.start >= 0 && m.start < m.end && m.end <= s.length, `${JSON.stringify(s)} ${JSON.stringify(m)}`);
          assert.ok(m.start >= last, `in order: ${JSON.stringify(s)}`);
          assert.ok(m.value.length > 0);
          if (m.raw !== undefined) assert.equal(m.raw, s.slice(m.start, m.end));
          last = m.start;
        }
      }
    }
  });
});
