// What the modules say about a value nobody seeded. Real Threat Response modules have nothing, or "Unknown", on
// most ordinary values, call well-known services Clean or Common, and flag only a few values, nearly always ones
// that look wrong (a throw-away TLD, a brand look-alike, a bullet-proof hosting range). The emulator imitates that
// with a fixed rule and a hash of the value, so every call on every machine gets the same answer.
import { hash } from './hash.js';

export type Disposition = 1 | 2 | 3 | 4 | 5;

export interface Observable {
  type: string;
  value: string;
}

/**
 * How a value looks to the feed:
 * - `trusted`: a well-known service (or a sub-domain, URL or address on one);
 * - `suspicious`: at least one warning sign (`signals` says which);
 * - `file`: a file hash (no name to judge by; a few are known malware);
 * - `internal`: a private address or a host name (the feed has nothing on those);
 * - `plain`: anything else.
 */
export interface Appearance {
  look: 'trusted' | 'suspicious' | 'file' | 'internal' | 'plain';
  signals: string[];
  /** For `trusted`: the feed's disposition (Clean, or Common for shared infrastructure). */
  trusted?: 1 | 4;
}

/** Well-known domains: the feed calls them (and their sub-domains) Clean, or Common for shared infrastructure. */
export const TRUSTED_DOMAINS: ReadonlyMap<string, 1 | 4> = new Map<string, 1 | 4>([
  ['cisco.com', 1],
  ['webex.com', 1],
  ['microsoft.com', 1],
  ['office.com', 1],
  ['office365.com', 1],
  ['outlook.com', 1],
  ['live.com', 1],
  ['microsoftonline.com', 1],
  ['sharepoint.com', 1],
  ['google.com', 1],
  ['gmail.com', 1],
  ['youtube.com', 1],
  ['zoom.us', 1],
  ['docusign.net', 1],
  ['docusign.com', 1],
  ['github.com', 1],
  ['amazon.com', 1],
  ['apple.com', 1],
  ['icloud.com', 1],
  ['slack.com', 1],
  ['salesforce.com', 1],
  ['linkedin.com', 1],
  ['dropbox.com', 1],
  ['box.com', 1],
  ['okta.com', 1],
  ['atlassian.net', 1],
  ['adobe.com', 1],
  ['paypal.com', 1],
  ['wikipedia.org', 1],
  ['googleapis.com', 4],
  ['gstatic.com', 4],
  ['githubusercontent.com', 4],
  ['amazonaws.com', 4],
  ['cloudfront.net', 4],
  ['akamaiedge.net', 4],
  ['cloudflare.com', 4],
  ['azureedge.net', 4],
]);

/** Public resolvers: Common. */
const TRUSTED_IPS: ReadonlySet<string> = new Set(['1.1.1.1', '1.0.0.1', '8.8.4.4', '9.9.9.9', '208.67.222.222']);

/** Top-level domains that cost nothing or little and carry a large share of phishing. */
const SUSPICIOUS_TLDS = new Set([
  'top',
  'xyz',
  'zip',
  'mov',
  'click',
  'icu',
  'buzz',
  'rest',
  'cam',
  'country',
  'gq',
  'tk',
  'ml',
  'cf',
  'ga',
  'su',
  'online',
  'support',
  'live',
]);

/** Words phishing kits put in host names (`login-`, `verify-`, `secure-`, `invoice-`, …). */
const LURE_WORDS = new Set([
  'login',
  'signin',
  'logon',
  'verify',
  'verification',
  'secure',
  'security',
  'invoice',
  'account',
  'accounts',
  'billing',
  'payroll',
  'payment',
  'parcel',
  'delivery',
  'update',
  'confirm',
  'wallet',
  'webmail',
  'mailbox',
  'password',
  'unlock',
  'office',
  'support',
  'helpdesk',
]);

/** Brands that look-alike domains borrow; in a domain that is not the brand's own they are a warning sign. */
const BRANDS = [
  'paypal',
  'microsoft',
  'office365',
  'outlook',
  'onedrive',
  'sharepoint',
  'docusign',
  'apple',
  'icloud',
  'amazon',
  'google',
  'netflix',
  'dropbox',
  'linkedin',
  'github',
  'zoom',
  'webex',
  'cisco',
  'dhl',
  'fedex',
];

/** Address ranges the emulator treats as cheap, anonymous hosting (the RFC 5737 documentation ranges). */
const HOSTING_RANGES = [/^198\.51\.100\.\d{1,3}$/, /^203\.0\.113\.\d{1,3}$/];

const HASH_TYPES = new Set(['sha256', 'md5', 'sha1']);

export function isPrivateIp(value: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|127\.)/.test(value) || /^f[cd]/i.test(value);
}

/** The host part of a URL observable, or undefined. */
export function urlHost(value: string): string | undefined {
  try {
    return new URL(value).hostname.toLowerCase().replace(/^\[|\]$/g, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The allow-listed domain that `domain` is or lies under, if any. */
function trustedDomain(domain: string): 1 | 4 | undefined {
  const labels = domain.replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const d = TRUSTED_DOMAINS.get(labels.slice(i).join('.'));
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Undoes the usual digit swaps (`paypa1`, `micros0ft`, `rn` for `m`) so look-alikes match their brand. */
function unswap(s: string): string {
  return s
    .replace(/0/g, 'o')
    .replace(/1/g, 'l')
    .replace(/3/g, 'e')
    .replace(/5/g, 's')
    .replace(/4/g, 'a')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

function domainSignals(domain: string): string[] {
  const signals: string[] = [];
  const labels = domain.replace(/\.$/, '').split('.');
  const tld = labels.at(-1) ?? '';
  if (SUSPICIOUS_TLDS.has(tld)) signals.push(`tld:.${tld}`);
  const names = labels.slice(0, -1);
  for (const label of names) {
    if (!label.includes('-')) continue;
    for (const token of label.split('-')) {
      const word = token.replace(/\d+$/, '');
      if (LURE_WORDS.has(word)) signals.push(`lure:${word}`);
    }
  }
  const joined = names.join('.');
  const plain = unswap(joined);
  for (const brand of BRANDS) {
    if (plain.includes(brand)) signals.push(joined.includes(brand) ? `brand:${brand}` : `lookalike:${brand}`);
  }
  if (/xn--/.test(joined)) signals.push('punycode');
  return [...new Set(signals)];
}

function hostAppearance(host: string): Appearance {
  if (/^[\d.]+$/.test(host) || host.includes(':')) return ipAppearance(host);
  const trusted = trustedDomain(host);
  if (trusted !== undefined) return { look: 'trusted', signals: [], trusted };
  const signals = domainSignals(host);
  return { look: signals.length ? 'suspicious' : 'plain', signals };
}

function ipAppearance(ip: string): Appearance {
  if (isPrivateIp(ip)) return { look: 'internal', signals: [] };
  if (TRUSTED_IPS.has(ip)) return { look: 'trusted', signals: [], trusted: 4 };
  const hosting = HOSTING_RANGES.some((r) => r.test(ip));
  return hosting ? { look: 'suspicious', signals: ['hosting-range'] } : { look: 'plain', signals: [] };
}

/** How an observable looks to the feed (see {@link Appearance}). */
export function appearance(o: Observable): Appearance {
  const value = o.value.toLowerCase();
  switch (o.type) {
    case 'domain':
      return hostAppearance(value);
    case 'ip':
    case 'ipv6':
      return ipAppearance(value);
    case 'email':
      return hostAppearance(value.slice(value.lastIndexOf('@') + 1));
    case 'url': {
      const host = urlHost(o.value);
      if (host === undefined) return { look: 'plain', signals: [] };
      const a = hostAppearance(host);
      if (a.look === 'trusted' || a.look === 'internal') return a;
      const path = value.slice(value.indexOf(host) + host.length);
      const extra = /\.(exe|scr|js|vbs|hta|iso|lnk|msi|bat|ps1)(\?|#|$)/.test(path) ? ['payload'] : [];
      const signals = [...a.signals, ...extra];
      return { look: signals.length ? 'suspicious' : 'plain', signals };
    }
    case 'hostname':
      return { look: 'internal', signals: [] };
    default:
      return HASH_TYPES.has(o.type) ? { look: 'file', signals: [] } : { look: 'plain', signals: [] };
  }
}

/** Cumulative shares out of 100: `[upTo, disposition]`, the first row whose `upTo` is above the roll wins. */
type Shares = readonly (readonly [number, Disposition | null])[];

/** Ordinary values: half no verdict, 28 % Unknown, 14 % Clean, 8 % Common, never Suspicious or Malicious. */
const PLAIN: Shares = [
  [50, null],
  [78, 5],
  [92, 1],
  [100, 4],
];
/** One warning sign: 32 % no verdict, 40 % Unknown, 12 % Suspicious, 6 % Malicious, 10 % Clean. */
const ONE_SIGN: Shares = [
  [32, null],
  [72, 5],
  [84, 3],
  [90, 2],
  [100, 1],
];
/** Two or more warning signs: 20 % no verdict, 45 % Unknown, 20 % Suspicious, 15 % Malicious. */
const SIGNS: Shares = [
  [20, null],
  [65, 5],
  [85, 3],
  [100, 2],
];
/** File hashes: 45 % no verdict, 30 % Unknown, 6 % Clean, 4 % Common, 7 % Suspicious, 8 % Malicious. */
const FILES: Shares = [
  [45, null],
  [75, 5],
  [81, 1],
  [85, 4],
  [92, 3],
  [100, 2],
];

function roll(shares: Shares, n: number): Disposition | null {
  return (shares.find(([upTo]) => n < upTo) ?? shares.at(-1)!)[1];
}

/**
 * The Reputation Feed's answer for a value nobody seeded, or `null` when the feed has no verdict: allow-listed
 * services are Clean (or Common), private addresses get nothing, and only values with a warning sign or file
 * hashes are ever Suspicious or Malicious (see the share tables above).
 */
export function derivedDisposition(o: Observable): Disposition | null {
  const a = appearance(o);
  const n = hash('base', o.type, o.value.toLowerCase()) % 100;
  switch (a.look) {
    case 'trusted':
      return a.trusted ?? 1;
    case 'internal':
      return null;
    case 'plain':
      return roll(PLAIN, n);
    case 'file':
      return roll(FILES, n);
    case 'suspicious':
      return roll(a.signals.length >= 2 ? SIGNS : ONE_SIGN, n);
  }
}
