// Labelled inputs for @pivotkit/sdk/detect: what detectObservables() must report with its default options
// (nested matches included, low-confidence matches left out), in order. Rows marked `row` come from the
// survey of tricky inputs in the detection notes; the rest cover every type, defanged forms and traps.
// Public on purpose: the bench scores ioc-extractor against the same list.
import type { DetectOptions, ObservableType } from '../src/detect/index.js';

export type Expected = [type: ObservableType, value: string];

export interface DetectCase {
  input: string;
  expected: Expected[];
  options?: DetectOptions;
  /** Row of the survey table this case comes from. */
  row?: number;
  note?: string;
}

const ip = (v: string): Expected => ['ip', v];
const v6 = (v: string): Expected => ['ipv6', v];
const d = (v: string): Expected => ['domain', v];
const url = (v: string): Expected => ['url', v];
const email = (v: string): Expected => ['email', v];
const sha256 = (v: string): Expected => ['sha256', v];
const md5 = (v: string): Expected => ['md5', v];
const sha1 = (v: string): Expected => ['sha1', v];

export const H64 = 'e008033699eb7000131ee66c03d33b809d5bba48f1c557ea14b86e68363d6de0';
export const H32 = 'd6783dc22b2acc35552292e9ea5a824a';
export const H40 = '635bdedb863ab3244e0d6e4ffe74063655e9f7aa';
const E = 'evil-update.com';

export const cases: DetectCase[] = [
  // ── IPv4 (survey rows 1–17)
  { row: 1, input: 'conn from 203.0.113.77:51514', expected: [ip('203.0.113.77')] },
  { row: 2, input: 'agent version 10.4.2.1', expected: [], note: 'version context: low confidence' },
  { row: 3, input: 'v1.2.3.4 and 1.2.3.4a', expected: [] },
  { row: 4, input: 'release 4.18.2.1507', expected: [] },
  { row: 5, input: 'Windows 10.0.19045.3803', expected: [] },
  { row: 6, input: 'addr 192.0.2.256', expected: [] },
  { row: 7, input: 'build 1.2.3.4.5', expected: [] },
  { row: 8, input: 'ip=198.51.100.23.', expected: [ip('198.51.100.23')] },
  { row: 9, input: '198.51.100[.]23', expected: [ip('198.51.100.23')] },
  { row: 10, input: '198[.]51[.]100[.]23', expected: [ip('198.51.100.23')] },
  { row: 10, input: '198(.)51(.)100(.)23', expected: [ip('198.51.100.23')] },
  { row: 11, input: '198.51.100(dot)23', expected: [ip('198.51.100.23')] },
  { row: 12, input: '198 . 51 . 100 . 23', expected: [], note: 'spaced dots: prose risk, not read' },
  { row: 13, input: '203.0.113.0/24', expected: [ip('203.0.113.0')], note: 'CIDR: the network address' },
  { row: 14, input: '010.001.002.003', expected: [], note: 'leading zeros: octal ambiguity' },
  { row: 15, input: 'IP: 192.0.2.5,192.0.2.6', expected: [ip('192.0.2.5'), ip('192.0.2.6')] },
  { row: 16, input: '169,119,174,120,224', expected: [] },
  { row: 17, input: 'netstat 192.0.2.9.443', expected: [], note: 'five parts, same as row 7' },
  { input: 'src=10.0.0.1 dst=8.8.8.8', expected: [ip('10.0.0.1'), ip('8.8.8.8')] },
  { input: '0.0.0.0 and 255.255.255.255', expected: [ip('0.0.0.0'), ip('255.255.255.255')] },
  { input: '625.167.70.187', expected: [] },
  { input: '1.2.3', expected: [] },
  { input: '(192.0.2.1)', expected: [ip('192.0.2.1')] },
  { input: '"192.0.2.1"', expected: [ip('192.0.2.1')] },
  { input: '[192.0.2.1]', expected: [ip('192.0.2.1')] },
  { input: '192.0.2.1;192.0.2.2|192.0.2.3', expected: [ip('192.0.2.1'), ip('192.0.2.2'), ip('192.0.2.3')] },
  { input: '192.0.2.1-x', expected: [] },
  { input: 'x192.0.2.1', expected: [] },
  { input: '192.0.2.01', expected: [] },
  { input: '192[.]0[.]2[.]1', expected: [ip('192.0.2.1')] },
  { input: '192[dot]0[dot]2[dot]1', expected: [ip('192.0.2.1')] },
  { input: '192.0.2\\.1', expected: [ip('192.0.2.1')] },
  { input: 'version: 2.4.1.0 shipped', expected: [] },
  { input: 'last login from 198.51.100.4 on tty1', expected: [ip('198.51.100.4')] },

  // ── IPv6 (rows 18–30)
  { row: 18, input: 'at 12:30:45 UTC', expected: [] },
  { row: 19, input: '2026-11-22T08:15:00Z', expected: [] },
  { row: 20, input: 'fe80::1%eth0', expected: [v6('fe80::1')], note: 'zone id in the match, not the value' },
  { row: 21, input: '::ffff:192.0.2.5', expected: [v6('::ffff:192.0.2.5')], note: 'IPv4-mapped: ipv6 only' },
  { row: 22, input: '[2001:db8::2]:8443', expected: [v6('2001:db8::2')] },
  { row: 23, input: 'std::vector and Foo::Bar and crate::io', expected: [] },
  { row: 24, input: 'a::b handler::1234', expected: [] },
  { row: 25, input: '00:1a:2b:3c:4d:5e', expected: [] },
  { row: 26, input: 'd4:1d:8c:d9:8f:00:b2:04:e9:80:09:98:ec:f8:42:7e', expected: [] },
  { row: 27, input: '2001:db8:0:0:0:0:0:1:9', expected: [] },
  { row: 28, input: '1::2::3', expected: [] },
  { row: 29, input: '2001:DB8::ABCD', expected: [v6('2001:db8::abcd')] },
  { row: 30, input: '2001:db8::/32', expected: [v6('2001:db8::')], note: 'prefix: the address' },
  { input: '2001:0db8:0000:0000:0000:0000:0000:0001', expected: [v6('2001:db8::1')] },
  { input: '2001:db8:0:0:1:0:0:1', expected: [v6('2001:db8::1:0:0:1')] },
  { input: 'loopback ::1 here', expected: [v6('::1')] },
  { input: 'route :: default', expected: [] },
  { input: 'ff02::1:ff00:1', expected: [v6('ff02::1:ff00:1')] },
  { input: 'from 2001:db8::1.', expected: [v6('2001:db8::1')] },
  { input: '2001:db8::1, 2001:db8::2', expected: [v6('2001:db8::1'), v6('2001:db8::2')] },
  { input: '64:ff9b::192.0.2.33', expected: [v6('64:ff9b::192.0.2.33')] },
  { input: '::ffff:192.0.2.256', expected: [] },
  { input: 'dead:beef:cafe:babe:dead:beef:cafe:babe', expected: [v6('dead:beef:cafe:babe:dead:beef:cafe:babe')] },
  { input: 'dead:beef:cafe:babe:dead:beef:cafe:babeX', expected: [] },
  { input: '2001:db8::g', expected: [] },
  { input: '10:30', expected: [] },
  { input: '1:6:0', expected: [] },
  { input: 'Foo::Bar::Baz()', expected: [] },
  { input: '2001[:]db8[:][:]1', expected: [v6('2001:db8::1')] },
  { input: 'fe80::a00:27ff:fe4e:66a1%en0:', expected: [v6('fe80::a00:27ff:fe4e:66a1')] },

  // ── Domains (rows 31–50)
  { row: 31, input: 'report.pdf setup.exe payload.dll', expected: [] },
  { row: 32, input: 'invoice.zip main.py README.md clip.mov', expected: [], note: 'file-like: low confidence' },
  { row: 33, input: 'host.invalidtld', expected: [] },
  { row: 34, input: 'printer.local dc01.corp.internal', expected: [] },
  { row: 35, input: 'window.location.href document.getElementById', expected: [] },
  { row: 36, input: 'System.Net.WebClient', expected: [] },
  { row: 37, input: 'Hello.World and sentence.Next', expected: [], note: 'capitalised TLD: low confidence' },
  { row: 38, input: 'EVIL-UPDATE.COM', expected: [d(E)] },
  { row: 39, input: 'evil-update.com.', expected: [d(E)] },
  { row: 40, input: 'evil-update[.]com', expected: [d(E)] },
  { row: 40, input: 'evil-update(.)com evil-update{.}com evil-update[dot]com', expected: [d(E), d(E), d(E)] },
  { row: 41, input: 'evil-update\\.com', expected: [d(E)] },
  { row: 42, input: 'sub.a-b.example.co.uk', expected: [d('sub.a-b.example.co.uk')] },
  { row: 43, input: 'xn--80ak6aa92e.com', expected: [d('xn--80ak6aa92e.com')] },
  { row: 44, input: 'пример.рф', expected: [d('xn--e1afmkfd.xn--p1ai')] },
  { row: 45, input: '_dmarc.example.com', expected: [d('_dmarc.example.com')] },
  { row: 46, input: '-bad-.com and a..com', expected: [] },
  { row: 47, input: 'jquery-3.6.0.min.js', expected: [] },
  { row: 48, input: '10.0.0.1.nip.io', expected: [d('10.0.0.1.nip.io')] },
  { row: 49, input: 'evil-update\u3002com', expected: [d(E)] },
  { row: 50, input: 'evil\u200b-update.com', expected: [d(E)] },
  { input: 'www.example.org', expected: [d('www.example.org')] },
  { input: 'Contact Example.com today', expected: [d('example.com')] },
  { input: 'see evil-update.com, then', expected: [d(E)] },
  { input: '(evil-update.com)', expected: [d(E)] },
  { input: '"evil-update.com"', expected: [d(E)] },
  { input: "'evil-update.com'", expected: [d(E)] },
  { input: '<evil-update.com>', expected: [d(E)] },
  { input: 'evil-update.com:443', expected: [d(E)] },
  { input: 'evil_update.com', expected: [] },
  { input: 'a.b', expected: [] },
  { input: 'example.c', expected: [] },
  { input: 'foo.123', expected: [] },
  { input: `${'a'.repeat(64)}.com`, expected: [] },
  { input: `${'a'.repeat(63)}.com`, expected: [d(`${'a'.repeat(63)}.com`)] },
  { input: 'münchen.de', expected: [d('xn--mnchen-3ya.de')] },
  { input: 'example.xn--p1ai', expected: [d('example.xn--p1ai')] },
  { input: '例子.中国', expected: [d('xn--fsqu00a.xn--fiqs8s')] },
  { input: '请访问evil-update.com获取', expected: [d(E)], note: 'CJK text without spaces' },
  { input: 'evil.zip', expected: [], note: 'file-like TLD alone: low' },
  { input: 'evil[.]zip', expected: [d('evil.zip')], note: 'defanged: meant as a host' },
  { input: 'login.evil.zip', expected: [d('login.evil.zip')] },
  { input: 'bundle.js.map', expected: [] },
  { input: 'logger.info(msg)', expected: [], note: 'a call: low' },
  { input: 'the file was named svchost.exe', expected: [] },
  { input: 'user.name', expected: [d('user.name')], note: 'a real TLD: reported, as ioc-extractor does' },
  { input: 'ASP.NET', expected: [d('asp.net')] },
  { input: 'node.js and vue.js', expected: [] },
  { input: 'a.b.c.d.e.f.g.example.com', expected: [d('a.b.c.d.e.f.g.example.com')] },
  { input: '*.example.com', expected: [d('example.com')] },
  { input: 'path/to/evil-update.com/x', expected: [d(E)] },
  { input: 'C:\\Users\\bob\\evil-update.com\\x', expected: [d(E)] },
  { input: 'evil-update.com-', expected: [] },

  // ── URLs (rows 51–66)
  { row: 51, input: 'hxxp://evil-update[.]com/gate.php', expected: [url(`http://${E}/gate.php`), d(E)] },
  { row: 52, input: 'hxxps[:]//evil-update[.]com[/]a', expected: [url(`https://${E}/a`), d(E)] },
  { row: 53, input: 'hXXps://evil-update.com/x', expected: [url(`https://${E}/x`), d(E)] },
  { row: 54, input: 'h**ps://evil-update.com/x', expected: [url(`https://${E}/x`), d(E)] },
  { row: 54, input: 'http[://]evil-update.com/y', expected: [url(`http://${E}/y`), d(E)] },
  { row: 55, input: '(see https://example.org/x)', expected: [url('https://example.org/x'), d('example.org')] },
  { row: 56, input: 'https://example.org/path).', expected: [url('https://example.org/path'), d('example.org')] },
  {
    row: 57,
    input: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    expected: [url('https://en.wikipedia.org/wiki/Foo_(bar)'), d('en.wikipedia.org')],
  },
  {
    row: 58,
    input: '<a href="http://example.org/q?x=1">',
    expected: [url('http://example.org/q?x=1'), d('example.org')],
  },
  { row: 59, input: 'visit http://example.org/a, then', expected: [url('http://example.org/a'), d('example.org')] },
  {
    row: 60,
    input: 'http://[2001:db8::2]:8443/api',
    expected: [url('http://[2001:db8::2]:8443/api'), v6('2001:db8::2')],
  },
  { row: 61, input: 'http://203.0.113.9:8080/x', expected: [url('http://203.0.113.9:8080/x'), ip('203.0.113.9')] },
  { row: 62, input: 'https://user:pw@evil-update.com/', expected: [url(`https://user:pw@${E}/`), d(E)] },
  { row: 63, input: 'evil-update.com/path/x.php', expected: [d(E)], note: 'no scheme: the domain only' },
  { row: 64, input: 'http%3A%2F%2Fevil-update.com%2F', expected: [d(E)], note: 'percent-encoded: the host' },
  { row: 65, input: 'ftp://evil-update.com/f', expected: [url(`ftp://${E}/f`), d(E)] },
  { row: 66, input: 'http://localhost:8080/', expected: [] },
  { input: 'https://example.org', expected: [url('https://example.org'), d('example.org')] },
  { input: 'https://EXAMPLE.org/Path', expected: [url('https://example.org/Path'), d('example.org')] },
  {
    input: 'https://example.org/a?b=c&d=e#frag',
    expected: [url('https://example.org/a?b=c&d=e#frag'), d('example.org')],
  },
  { input: 'https://example.org?q=1', expected: [url('https://example.org?q=1'), d('example.org')] },
  { input: 'http://example.org/a.', expected: [url('http://example.org/a'), d('example.org')] },
  { input: 'http://example.org/a!?', expected: [url('http://example.org/a'), d('example.org')] },
  { input: '[http://example.org/a]', expected: [url('http://example.org/a'), d('example.org')] },
  { input: '"http://example.org/a"', expected: [url('http://example.org/a'), d('example.org')] },
  { input: "'http://example.org/a'", expected: [url('http://example.org/a'), d('example.org')] },
  { input: 'http://example.org/a\u201d', expected: [url('http://example.org/a'), d('example.org')] },
  { input: 'http://example.org/a b', expected: [url('http://example.org/a'), d('example.org')] },
  {
    input: 'https://1.1.1.1.domain.com/x',
    expected: [url('https://1.1.1.1.domain.com/x'), d('1.1.1.1.domain.com')],
  },
  { input: 'https://111.111.111.111', expected: [url('https://111.111.111.111'), ip('111.111.111.111')] },
  { input: 'http://intranet/x', expected: [] },
  { input: 'http://printer.local/x', expected: [] },
  { input: 'https:// NOTICE', expected: [] },
  { input: 'hxxp://198[.]51[.]100[.]7/a.exe', expected: [url('http://198.51.100.7/a.exe'), ip('198.51.100.7')] },
  { input: 'fxp://evil-update.com/f', expected: [url(`ftp://${E}/f`), d(E)] },
  { input: 'sftp://evil-update.com/f', expected: [url(`sftp://${E}/f`), d(E)] },
  { input: 'HTTPS://EVIL-UPDATE.COM/X', expected: [url(`https://${E}/X`), d(E)] },
  { input: 'http://пример.рф/путь', expected: [url('http://xn--e1afmkfd.xn--p1ai/путь'), d('xn--e1afmkfd.xn--p1ai')] },
  {
    input: 'https://example.org/r?u=http://evil-update.com/',
    expected: [url('https://example.org/r?u=http://evil-update.com/'), d('example.org')],
    note: 'contents of a URL are part of it',
  },
  {
    row: 74,
    input: `https://github.com/o/r/commit/${H40}`,
    expected: [url(`https://github.com/o/r/commit/${H40}`), d('github.com')],
    note: 'a hash in a URL path is not reported on its own',
  },
  { input: 'http://example.org:99999/', expected: [] },
  { input: 'url: http://example.org/x; next', expected: [url('http://example.org/x'), d('example.org')] },
  {
    input: 'http://a.example.org/ http://b.example.org/',
    expected: [url('http://a.example.org/'), d('a.example.org'), url('http://b.example.org/'), d('b.example.org')],
  },
  { input: 'javascript:alert(1)', expected: [] },
  {
    input: 'https://user:pw@evil-update.com/',
    options: { nested: false },
    expected: [url(`https://user:pw@${E}/`)],
  },
  {
    input: 'hxxp://evil-update[.]com/x',
    options: { defanged: false },
    expected: [],
    note: 'defanged forms off',
  },

  // ── Hashes (rows 67–76)
  { row: 67, input: H64, expected: [sha256(H64)] },
  { row: 68, input: `${H64}ab`, expected: [] },
  { row: 69, input: `${H64}${H64}`, expected: [], note: 'sha512 is not a detected type' },
  { row: 70, input: `0x${H64}`, expected: [sha256(H64)], note: '0x prefix accepted' },
  { row: 71, input: `sha256:${H64}`, expected: [sha256(H64)] },
  { row: 72, input: H64.toUpperCase(), expected: [sha256(H64)] },
  { row: 73, input: `md5 ${H32} sha1 ${H40}`, expected: [md5(H32), sha1(H40)] },
  { row: 75, input: '123e4567-e89b-12d3-a456-426614174000', expected: [] },
  { row: 76, input: `x${H32} id_${H32}`, expected: [] },
  { input: `${H64}.exe`, expected: [sha256(H64)], note: 'file named after its hash' },
  { input: `hash=${H32},`, expected: [md5(H32)] },
  { input: `"${H40}"`, expected: [sha1(H40)] },
  { input: `${H64.slice(1)}`, expected: [] },
  { input: `${H64}-1`, expected: [] },
  { input: `${H64}_1`, expected: [] },
  { input: '12345678901234567890123456789012', expected: [], note: 'a number, not a digest' },
  { input: 'abcdefabcdefabcdefabcdefabcdefab', expected: [], note: 'letters only' },
  { input: `${H32}:${H40}`, expected: [md5(H32), sha1(H40)] },
  { input: `(${H64})`, expected: [sha256(H64)] },

  // ── E-mail (rows 77–83)
  { row: 77, input: 'admin@evil-update.com', expected: [email(`admin@${E}`), d(E)] },
  { row: 78, input: 'admin[at]evil-update[.]com', expected: [email(`admin@${E}`), d(E)] },
  { row: 78, input: 'admin(at)evil-update(dot)com', expected: [email(`admin@${E}`), d(E)] },
  { row: 79, input: 'admin [at] evil-update [dot] com', expected: [], note: 'spaced defangs are not read' },
  { row: 80, input: 'user@localhost foo@bar', expected: [] },
  { row: 81, input: 'logo@2x.png', expected: [] },
  { row: 82, input: 'git@github.com:org/repo.git', expected: [d('github.com')], note: 'SSH remote: host only' },
  { row: 83, input: 'first.last+tag@example.org', expected: [email('first.last+tag@example.org'), d('example.org')] },
  { input: 'Admin@Evil-Update.COM', expected: [email(`admin@${E}`), d(E)] },
  { input: '<admin@evil-update.com>', expected: [email(`admin@${E}`), d(E)] },
  { input: 'mailto:admin@evil-update.com', expected: [email(`admin@${E}`), d(E)] },
  { input: 'admin[@]evil-update.com', expected: [email(`admin@${E}`), d(E)] },
  { input: `${'a'.repeat(65)}@example.org`, expected: [d('example.org')], note: 'local part too long' },
  { input: 'admin@evil-update.com.', expected: [email(`admin@${E}`), d(E)] },
  { input: 'a@b@example.org', expected: [email('b@example.org'), d('example.org')] },
  { input: 'admin@evil-update.com', options: { nested: false }, expected: [email(`admin@${E}`)] },
  { input: 'admin@evil-update.com', options: { types: ['domain'] }, expected: [d(E)] },

  // ── Mixed, options and noise
  {
    input: 'beacon to hxxps://evil-update[.]com/gate from 203.0.113.7',
    expected: [url(`https://${E}/gate`), d(E), ip('203.0.113.7')],
  },
  {
    input: `2026-11-22T08:15:00Z host=web01 src=198.51.100.23 dns=evil-update.com sha256=${H64}`,
    expected: [ip('198.51.100.23'), d(E), sha256(H64)],
  },
  { input: '', expected: [] },
  { input: 'nothing to see here, move along.', expected: [] },
  { input: 'e.g. i.e. a.m. p.m. etc.', expected: [] },
  { input: 'const x = foo.bar.baz; obj.method();', expected: [] },
  { input: 'Mr.Smith went home.Then', expected: [] },
  { input: 'import os.path; from a.b import c', expected: [] },
  { input: 'ip 192.0.2.1 domain evil-update.com', options: { types: ['ip'] }, expected: [ip('192.0.2.1')] },
  {
    input: 'invoice.zip and agent version 10.4.2.1',
    options: { lowConfidence: true },
    expected: [d('invoice.zip'), ip('10.4.2.1')],
  },
  {
    row: 84,
    input: 'CVE-2021-44228 cve-2014-0160',
    expected: [],
    note: 'CVE is not a detected type (CTIM types only)',
  },
  { row: 85, input: 'CVE-2023-1234567', expected: [] },
  { row: 86, input: 'CVE-21-1234 CVE-2021-123', expected: [] },
  { row: 87, input: 'CVE\u20112021\u201144228', expected: [] },
  { row: 88, input: 'evil-<b>update</b>.com', expected: [], note: 'as markup text; the DOM scanner joins the nodes' },
  {
    row: 89,
    input:
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    expected: [],
    note: 'base64 noise (a JWT); script and style text is skipped by the DOM scanner',
  },
  { input: 'SGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQgZGF0YSBhbmQgbW9yZQ==', expected: [] },
  { input: 'aa:bb:cc:dd:ee:ff:00:11', expected: [], note: 'colon hex without :: and 2-digit groups: EUI-64' },

  // ── Classes another extractor's suites found missing (each fixed in general, not for the one string)
  // A URL that ends a sentence, or a clause: the dot (or colon) after the host is not part of it.
  { input: 'see https://example.com.', expected: [url('https://example.com'), d('example.com')] },
  { input: 'mirror at http://198.51.100.7.', expected: [url('http://198.51.100.7'), ip('198.51.100.7')] },
  { input: 'it moved to https://example.com: update', expected: [url('https://example.com'), d('example.com')] },
  { input: `(see https://${E}.)`, expected: [url(`https://${E}`), d(E)] },
  // An IPv6 host without brackets, and address literals in e-mail addresses (RFC 5321 §4.1.3).
  {
    input: 'GET http://2001:db8::1/path',
    expected: [url('http://[2001:db8::1]/path'), v6('2001:db8::1')],
    note: 'unbracketed IPv6 host: the URL is given its brackets',
  },
  { input: 'http://2001:db8:0:0:0:0:0:7', expected: [url('http://[2001:db8::7]'), v6('2001:db8::7')] },
  {
    input: 'to user@[IPv6:2001:db8::1] now',
    expected: [email('user@[IPv6:2001:db8::1]'), v6('2001:db8::1')],
  },
  { input: 'postmaster@[192.0.2.1]', expected: [email('postmaster@[192.0.2.1]'), ip('192.0.2.1')] },
  { input: 'user@[IPv6:2001:db8::zz]', expected: [] },
  // Markdown links: the link text and the target are two observables; `](` ends the first.
  { input: `[report](https://${E}/r.pdf)`, expected: [url(`https://${E}/r.pdf`), d(E)] },
  {
    input: `[https://${E}/a](https://${E}/a)`,
    expected: [url(`https://${E}/a`), d(E), url(`https://${E}/a`), d(E)],
  },
  { input: `[${E}](http://${E})`, expected: [d(E), url(`http://${E}`), d(E)] },
  {
    input: '![logo](https://example.org/i.png "Logo")',
    expected: [url('https://example.org/i.png'), d('example.org')],
  },
  // Backslash-escaped slashes (JSON).
  {
    input: `{"u":"https:\\/\\/${E}\\/gate\\/x.php"}`,
    expected: [url(`https://${E}/gate/x.php`), d(E)],
  },
  { input: 'http:\\/\\/198.51.100.7\\/a', expected: [url('http://198.51.100.7/a'), ip('198.51.100.7')] },
  // Odd defangs: half brackets, a bracketed `tt`/`xx` in the scheme, `[-]` in a label, `[@]` left in a query.
  { input: `hxxps://evil-update[.]com[/gate`, expected: [url(`https://${E}/gate`), d(E)] },
  { input: 'evil-update[.com', expected: [d(E)] },
  { input: `hxxps[://${E}/x`, expected: [url(`https://${E}/x`), d(E)] },
  { input: `h[tt]ps://${E}/x`, expected: [url(`https://${E}/x`), d(E)] },
  { input: `h[xx]p://${E}/x`, expected: [url(`http://${E}/x`), d(E)] },
  { input: 'evil[-]update.com', expected: [d(E)] },
  { input: 'evil[-]update[.]com', expected: [d(E)] },
  {
    input: 'evil[x]update.com and a(b)update.com',
    expected: [],
    note: 'an unknown bracket inside a label: update.com is not the registrable name',
  },
  {
    input: `hxxps://${E}/login?u=bob[@]corp.com`,
    expected: [url(`https://${E}/login?u=bob@corp.com`), d(E)],
  },
  // E-mail local parts: RFC 5322 atext (`#`, `/`, `=`, `'`…) and UTF-8 (RFC 6531).
  { input: 'user#tag@example.org', expected: [email('user#tag@example.org'), d('example.org')] },
  { input: 'mail a/b@example.org now', expected: [email('a/b@example.org'), d('example.org')] },
  { input: 'x=y@example.org', expected: [email('x=y@example.org'), d('example.org')] },
  { input: "o'brien@example.org", expected: [email("o'brien@example.org"), d('example.org')] },
  { input: "'bob@example.org'", expected: [email('bob@example.org'), d('example.org')], note: 'quotes around' },
  { input: 'Jörg@Example.org', expected: [email('jörg@example.org'), d('example.org')] },
  { input: '用户@例子.中国', expected: [email('用户@xn--fsqu00a.xn--fiqs8s'), d('xn--fsqu00a.xn--fiqs8s')] },
  { input: `${E} #x@example.org`, expected: [d(E), email('#x@example.org'), d('example.org')] },
  // Tor hidden services (RFC 7686): .onion is no IANA TLD, but a v2 (16) or v3 (56) base32 name under it is a host.
  { input: 'expyuzz4wqqyqhjn.onion', expected: [d('expyuzz4wqqyqhjn.onion')] },
  {
    input: 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion',
    expected: [d('duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion')],
  },
  {
    input: 'http://www.duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion/x',
    expected: [
      url('http://www.duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion/x'),
      d('www.duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion'),
    ],
  },
  { input: 'foo.onion and expyuzz4wqqyqhj1.onion', expected: [], note: 'not base32 names of the right length' },
  // An apostrophe inside a URL path; a URL quoted with apostrophes still ends at the closing one.
  { input: "https://example.org/it's/here", expected: [url("https://example.org/it's/here"), d('example.org')] },
  { input: "see 'https://example.org/a' ok", expected: [url('https://example.org/a'), d('example.org')] },
  { input: "read https://example.org/don't.", expected: [url("https://example.org/don't"), d('example.org')] },
  // A 40-hex Ethereum address (`0x…`) is not a SHA-1.
  { input: 'to 0x52908400098527886E0F7030069857D2E4169EE7 today', expected: [] },
  { input: `wallet 0x${H40}.`, expected: [] },
  { input: `0x${H64} and 0x${H32}`, expected: [sha256(H64), md5(H32)], note: '0x stays allowed for the others' },
];
