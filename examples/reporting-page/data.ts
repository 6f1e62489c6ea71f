// Deterministic message-tracking rows: the same seed gives the same page on every load, so screenshots, the
// benchmark and the tests see the same data. Values the emulator knows (its documented demo observables)
// are mixed in, so the verdicts, pivots and response actions have something to say.

/** One tracked message, as an e-mail security console lists it. */
export interface MessageRow {
  id: string;
  time: string;
  sender: string;
  recipient: string;
  subject: string;
  senderIp: string;
  senderDomain: string;
  urls: string[];
  attachment: { name: string; sha256: string } | undefined;
  /** The console's own verdict and what it did, independent of Threat Response. */
  verdict: 'Malicious' | 'Phishing' | 'Spam' | 'Graymail' | 'Clean';
  action: 'Quarantined' | 'Dropped' | 'Delivered' | 'Rewritten';
  /** An internal host whose user clicked a link of the message (an endpoint the analyst may isolate). */
  clickedFrom: string | undefined;
}

/** mulberry32: small, fast, and good enough for made-up data. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEGIT_DOMAINS = ['cisco.com', 'example.com', 'docusign.net', 'salesforce.com', 'zoom.us', 'github.com'];
const BAD_WORDS = ['secure', 'invoice', 'account', 'verify', 'payroll', 'parcel', 'office', 'billing', 'login'];
const BAD_TLDS = ['com', 'net', 'info', 'top', 'xyz', 'online'];
const FIRST = 'a b c d e f g h i j k l m n o p r s t v w y z'.split(' ');
const LAST = [
  'ramos',
  'chen',
  'okafor',
  'novak',
  'patel',
  'dubois',
  'silva',
  'nguyen',
  'fischer',
  'kowalski',
  'haddad',
  'jensen',
  'moreau',
  'tanaka',
  'garcia',
  'ivanova',
  'mensah',
  'larsen',
  'rossi',
  'khan',
  'schmidt',
  'oconnor',
  'yilmaz',
  'costa',
  'lindqvist',
  'mwangi',
  'sato',
  'fernandes',
  'weber',
  'kaur',
  'dimitrov',
  'bakker',
  'ali',
  'herrera',
  'petrov',
  'nakamura',
  'adeyemi',
  'brennan',
  'svensson',
  'varga',
  'zhou',
  'murphy',
  'ortiz',
];
/** 23 initials × 43 surnames: about a thousand people at Acme, so recipients repeat as in a real mail log. */
export const person = (int: (n: number) => number) => `${FIRST[int(FIRST.length)]!}.${LAST[int(LAST.length)]!}`;
const LEGIT_SUBJECTS = [
  'Q4 planning notes',
  'Your pull request was merged',
  'Meeting recording is ready',
  'Please sign: NDA for vendor onboarding',
  'Weekly pipeline report',
  'Re: travel approval',
  'Invitation: architecture review',
];
const BAD_SUBJECTS = [
  'Action required: verify your mailbox',
  'Invoice #{n} overdue',
  'Payroll update: confirm your bank details',
  'Your parcel could not be delivered',
  'Shared document: Q4 bonus plan.xlsx',
  'Password expires today',
  'Voicemail received ({n}s)',
];
const FILES = ['invoice_{n}.pdf', 'scan_{n}.zip', 'Q4_bonus_{n}.xlsm', 'remittance_{n}.html', 'statement_{n}.docx'];

/** The emulator's demo observables (see the server package's README). */
export const DEMO = {
  maliciousDomain: 'evil.example.net',
  suspiciousDomain: 'phish.example.org',
  disputedDomain: 'disputed.example.com',
  unknownDomain: 'unknown.example.org',
  moduleErrorDomain: 'module-error.example.com',
  maliciousIp: '198.51.100.7',
  suspiciousIpv6: '2001:db8::bad',
  internalHost: '10.20.30.40',
  suspiciousIp: '203.0.113.9',
  cleanIp: '192.0.2.10',
  maliciousUrl: 'http://evil.example.net/payload.exe',
  maliciousSender: 'attacker@evil.example.net',
  eicarSha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
  emptySha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  disputedSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
} as const;

const PARTNER_NAMES = ['northwind', 'contoso', 'fabrikam', 'globex', 'initech', 'tailspin', 'wingtip', 'litware'];
const PARTNER_TRADES = ['logistics', 'foods', 'bank', 'health', 'media', 'labs', 'energy', 'retail', 'legal', 'travel'];
const PARTNER_TLDS = ['com', 'co.uk', 'de', 'fr', 'io', 'nl'];
/** Ordinary business partners (480 domains): the emulator has no opinion of most of them, as in real life. */
const partnerDomain = (int: (n: number) => number) =>
  `${PARTNER_NAMES[int(PARTNER_NAMES.length)]!}${PARTNER_TRADES[int(PARTNER_TRADES.length)]!}.${PARTNER_TLDS[int(PARTNER_TLDS.length)]!}`;

const pad = (n: number) => String(n).padStart(2, '0');
export const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** `count` rows starting at row `from` (rows are numbered, so "load more" continues the same sequence). */
export function generateMessages(count: number, from = 0, seed = 47): MessageRow[] {
  const rows: MessageRow[] = [];
  const start = Date.UTC(2026, 10, 24, 18, 0, 0);
  for (let i = from; i < from + count; i++) {
    const r = random(seed * 100_003 + i);
    const int = (n: number) => Math.floor(r() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
    const num = () => String(1000 + int(9000));
    const ip = () => `${pick([45, 91, 185, 193, 104, 23, 52, 77, 146])}.${int(256)}.${int(256)}.${1 + int(254)}`;
    const recipient = `${person(int)}@acme-corp.com`;
    const kind = r();
    let row: Omit<MessageRow, 'id' | 'time' | 'recipient' | 'clickedFrom'>;
    if (kind < 0.22) {
      // A campaign from one of the emulator's known-bad sources.
      const variant = int(4);
      const domain = [DEMO.maliciousDomain, DEMO.suspiciousDomain, DEMO.disputedDomain, DEMO.moduleErrorDomain][
        variant
      ]!;
      row = {
        sender: variant === 0 ? DEMO.maliciousSender : `billing@${domain}`,
        subject: pick(BAD_SUBJECTS).replace('{n}', num()),
        senderIp: [DEMO.maliciousIp, DEMO.suspiciousIp, DEMO.maliciousIp, DEMO.suspiciousIpv6][variant]!,
        senderDomain: domain,
        urls: variant === 0 ? [DEMO.maliciousUrl] : [`https://${domain}/login?session=${hex(8)}`],
        attachment:
          r() < 0.5
            ? { name: pick(FILES).replace('{n}', num()), sha256: pick([DEMO.eicarSha256, DEMO.disputedSha256]) }
            : undefined,
        verdict: variant === 1 ? 'Phishing' : 'Malicious',
        action: variant === 2 ? 'Rewritten' : pick(['Quarantined', 'Dropped'] as const),
      };
    } else if (kind < 0.45) {
      // Look-alike domains the emulator has never heard of: verdicts come from its hash-derived answers.
      const domain = int(12)
        ? `${pick(BAD_WORDS)}-${pick(BAD_WORDS)}${int(10) ? '' : int(100)}.${pick(BAD_TLDS)}`
        : DEMO.unknownDomain;
      row = {
        sender: `no-reply@${domain}`,
        subject: pick(BAD_SUBJECTS).replace('{n}', num()),
        senderIp: ip(),
        senderDomain: domain,
        urls: [`https://${domain}/${pick(BAD_WORDS)}/${hex(6)}`],
        attachment: r() < 0.4 ? { name: pick(FILES).replace('{n}', num()), sha256: hex(64) } : undefined,
        verdict: pick(['Spam', 'Phishing', 'Graymail'] as const),
        action: pick(['Quarantined', 'Delivered', 'Rewritten'] as const),
      };
    } else {
      const partner = int(2) === 0;
      const domain = partner ? partnerDomain(int) : pick(LEGIT_DOMAINS);
      row = {
        sender: partner
          ? `${person(int)}@${domain}`
          : `${pick(['noreply', 'notifications', 'team', 'support'])}@${domain}`,
        subject: pick(LEGIT_SUBJECTS),
        senderIp: int(6) ? ip() : pick([DEMO.cleanIp, '8.8.8.8']),
        senderDomain: domain,
        urls: int(3) ? [`https://${domain}/${pick(['docs', 'share', 'events', 'account'])}/${hex(10)}`] : [],
        attachment:
          r() < 0.2
            ? { name: pick(FILES).replace('{n}', num()), sha256: int(4) ? hex(64) : DEMO.emptySha256 }
            : undefined,
        verdict: int(8) ? 'Clean' : 'Graymail',
        action: 'Delivered',
      };
    }
    const clicked =
      row.urls.length > 0 && row.verdict !== 'Clean' && row.action !== 'Dropped' && r() < 0.35
        ? pick([DEMO.internalHost, DEMO.internalHost, `10.20.${30 + int(20)}.${2 + int(200)}`])
        : undefined;
    rows.push({
      ...row,
      clickedFrom: clicked,
      id: `MID-${String(880_000 + i * 7)}`,
      time: stamp(start - i * 97_000 - int(60_000)),
      recipient,
    });
  }
  return rows;
}

/** The row number behind a message id (`MID-880007` is row 1), or -1. */
export function rowNumber(id: string): number {
  const m = /^MID-(\d+)$/.exec(id);
  if (!m) return -1;
  const n = (Number(m[1]) - 880_000) / 7;
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

/** What the message detail page shows beyond the tracking row: the delivery path and authentication results. */
export interface MessageDetail extends MessageRow {
  messageId: string;
  returnPath: string;
  /** Hops, first (the sender's server) to last (ours). */
  hops: { from: string; ip: string; by: string; time: string }[];
  spf: 'pass' | 'fail' | 'softfail' | 'none';
  dkim: 'pass' | 'fail' | 'none';
  dmarc: 'pass' | 'fail' | 'none';
  /** Other recipients of the same message. */
  cc: string[];
}

/** The message with this id, with its detail, or undefined. */
export function messageDetail(id: string, seed = 47): MessageDetail | undefined {
  const i = rowNumber(id);
  if (i < 0 || i > 1_000_000) return undefined;
  const row = generateMessages(1, i, seed)[0]!;
  const r = random(seed * 7_919 + i);
  const int = (n: number) => Math.floor(r() * n);
  const bad = row.verdict === 'Malicious' || row.verdict === 'Phishing';
  const auth = (good: boolean) => (good ? 'pass' : int(2) ? 'fail' : 'none');
  const relay = `${pick(int, [185, 193, 45])}.${int(256)}.${int(256)}.${1 + int(254)}`;
  return {
    ...row,
    messageId: `<${Math.floor(r() * 1e12).toString(36)}@${row.senderDomain}>`,
    returnPath: bad ? `bounce-${int(1000)}@${row.senderDomain}` : row.sender,
    hops: [
      { from: `mail.${row.senderDomain}`, ip: row.senderIp, by: `mx${1 + int(3)}.relay.example`, time: row.time },
      { from: `mx${1 + int(3)}.relay.example`, ip: relay, by: 'esa1.acme-corp.com', time: row.time },
      { from: 'esa1.acme-corp.com', ip: '10.0.8.21', by: 'mailbox.acme-corp.com', time: row.time },
    ],
    spf: bad ? (int(2) ? 'softfail' : 'fail') : 'pass',
    dkim: auth(!bad),
    dmarc: auth(!bad),
    cc: Array.from({ length: int(4) }, () => `${person(int)}@acme-corp.com`),
  };
}

const pick = <T>(int: (n: number) => number, xs: readonly T[]): T => xs[int(xs.length)]!;
