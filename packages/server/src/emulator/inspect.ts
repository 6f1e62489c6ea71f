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
  { type: 'email', re: /\b[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,24}\b/gi },
  { type: 'sha256', re: /\b[a-f0-9]{64}\b/gi },
  { type: 'sha1', re: /\b[a-f0-9]{40}\b/gi },
  { type: 'md5', re: /\b[a-f0-9]{32}\b/gi },
  { type: 'ip', re: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g },
  { type: 'ipv6', re: /(?<![\w:.])[a-f0-9]{0,4}(?::[a-f0-9]{0,4}){2,7}(?![\w:])/gi },
  { type: 'domain', re: /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,23}\b/gi },
];

export function inspect(content: string): Observable[] {
  const text = refang(content);
  const found: { index: number; end: number; type: string; value: string }[] = [];
  const covered = (i: number, j: number) => found.some((f) => i < f.end && j > f.index);
  for (const { type, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
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

function isIpv6(value: string): boolean {
  if (!/[a-f0-9]/i.test(value)) return false;
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}
