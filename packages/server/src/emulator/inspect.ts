/**
 * The emulator's Inspect: finds observables in free text, as `POST /iroh/iroh-inspect/inspect` does.
 * Refangs `[.]`, `(.)`, `hxxp` first; returns unique `{value, type}` items in order of appearance.
 * @module
 */
import type { Observable } from './intel.js';

// File extensions and other words that look like a domain's last label but are not top-level domains.
const NOT_TLDS = new Set([
  'exe', 'dll', 'js', 'ts', 'txt', 'png', 'jpg', 'jpeg', 'gif', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'zip', 'tar',
  'gz', 'json', 'html', 'htm', 'php', 'py', 'sh', 'bat', 'ps1', 'log', 'csv', 'xml', 'md', 'bin', 'dat', 'tmp',
  'ini', 'cfg', 'conf', 'css', 'svg', 'msi', 'iso', 'jar', 'vbs', 'lnk', 'scr', 'sys', 'so',
]); // prettier-ignore

function refang(text: string): string {
  return text
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]/gi, '.')
    .replace(/\[:\]/g, ':')
    .replace(/\bhxxp(s?):\/\//gi, 'http$1://')
    .replace(/\[@\]|\[at\]/gi, '@');
}

const PATTERNS: { type: string; re: RegExp }[] = [
  { type: 'url', re: /\bhttps?:\/\/[^\s"'<>`]+[^\s"'<>`.,;:!?)\]}]/gi },
  // The local part is matched atomically (a look-ahead capture, then the back-reference), so a long run of
  // local-part characters with no '@' is read once, not once per starting point.
  { type: 'email', re: /(?<![a-z0-9._%+-])(?=([a-z0-9._%+-]+))\1@(?:[a-z0-9-]+\.)+[a-z]{2,24}\b/gi },
  { type: 'sha256', re: /\b[a-f0-9]{64}\b/gi },
  { type: 'sha1', re: /\b[a-f0-9]{40}\b/gi },
  { type: 'md5', re: /\b[a-f0-9]{32}\b/gi },
  { type: 'ip', re: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g },
  { type: 'ipv6', re: /(?<![\w:.])[a-f0-9]{0,4}(?::[a-f0-9]{0,4}){2,7}(?![\w:])/gi },
  // Whole runs of name characters, each read once; domainsIn() finds the names inside a run (a regular
  // expression that tried label after label from every starting point was quadratic on long dotted runs).
  { type: 'domain', re: /(?<![a-z0-9.-])[a-z0-9.-]+/gi },
];

/**
 * The observables in `content`, in order of appearance. Linear in the length of the text: each pattern scans it
 * once without backtracking over long runs, and the characters already matched are marked in one array, so the
 * overlap check costs the length of the match, not the number of matches before it.
 */
export function inspect(content: string): Observable[] {
  const text = refang(content);
  const found: { index: number; end: number; type: string; value: string }[] = [];
  const taken = new Uint8Array(text.length + 1);
  const covered = (i: number, j: number) => {
    for (let k = i; k < j; k++) if (taken[k]) return true;
    return false;
  };
  for (const { type, re } of PATTERNS) {
    const matches = type === 'domain' ? domainMatches(text, re) : text.matchAll(re);
    for (const m of matches) {
      const start = m.index;
      const end = start + m[0].length;
      // A domain inside a URL or an e-mail address, or a hash inside a longer one, is part of that match.
      if (covered(start, end)) continue;
      let value = m[0];
      if (type === 'domain') {
        const tld = value.slice(value.lastIndexOf('.') + 1).toLowerCase();
        if (NOT_TLDS.has(tld) || /^\d+$/.test(tld)) continue;
        value = value.toLowerCase();
      }
      if (type === 'sha256' || type === 'sha1' || type === 'md5') value = value.toLowerCase();
      if (type === 'ipv6' && !isIpv6(value)) continue;
      found.push({ index: start, end, type, value });
      taken.fill(1, start, end);
    }
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const out: Observable[] = [];
  for (const f of found) {
    const k = `${f.type}\u0000${f.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ value: f.value, type: f.type });
  }
  return out;
}

function* domainMatches(text: string, re: RegExp): Generator<{ 0: string; index: number }> {
  for (const m of text.matchAll(re)) if (m[0].includes('.')) yield* domainsIn(m[0], m.index);
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const TLD = /^[a-z][a-z0-9-]{1,23}$/i;

/**
 * The domain names in a run of name characters (letters, digits, '.', '-'), as `{0: name, index}` like a regex
 * match: the run is cut at empty labels and at labels that are not host names, and each piece of two or more
 * labels whose last one looks like a TLD is a name. Linear in the length of the run.
 */
function domainsIn(run: string, offset: number): { 0: string; index: number }[] {
  const out: { 0: string; index: number }[] = [];
  let labels: { text: string; at: number }[] = [];
  const flush = () => {
    // The longest tail of good labels ending in a TLD-like label: drop trailing labels that are not TLDs.
    while (labels.length >= 2 && !TLD.test(labels[labels.length - 1]!.text)) labels.pop();
    if (labels.length >= 2) {
      const first = labels[0]!;
      const last = labels[labels.length - 1]!;
      out.push({ 0: run.slice(first.at, last.at + last.text.length), index: offset + first.at });
    }
    labels = [];
  };
  let at = 0;
  for (const text of run.split('.')) {
    if (LABEL.test(text)) labels.push({ text, at });
    else flush();
    at += text.length + 1;
  }
  flush();
  return out;
}

function isIpv6(value: string): boolean {
  if (!/[a-f0-9]/i.test(value)) return false;
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}
