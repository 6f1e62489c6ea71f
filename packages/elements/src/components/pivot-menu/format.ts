import type { Observable, ResponseAction } from '@pivotkit/sdk';

/** Shortens a long value in the middle, where hashes and URLs are least telling: `0a1b2c…7e8f9a`. */
export function truncateMiddle(value: string, max = 44): string {
  if (value.length <= max) return value;
  const keep = max - 1;
  return `${value.slice(0, Math.ceil(keep / 2))}…${value.slice(value.length - Math.floor(keep / 2))}`;
}

/**
 * The URL as a string when it is an absolute http(s) URL, else `undefined`. Refer links come from
 * third-party modules: a `javascript:`, `data:` or relative URL is never turned into a link.
 */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The value made unclickable for sharing in reports: `hxxps://evil[.]example/`, `10[.]0[.]0[.]1`. */
export function defang(o: Observable): string {
  if (/^(sha256|sha1|md5)$/.test(o.type)) return o.value;
  return o.value
    .replace(/^http/i, (m) => (m[0] === 'H' ? 'HXXP' : 'hxxp'))
    .replace(/\./g, '[.]')
    .replace(/@/g, '[@]')
    .replace(/:\/\//, '[://]');
}

// Actions that change something outside (block, isolate, delete, ...) get Cancel as their default button.
const DESTRUCTIVE = /block|isolat|quarantin|delet|remov|disabl|kill|ban|contain|stop|revok|reset|terminat|sinkhole/i;

/** Whether a response action changes or removes something, so its confirmation defaults to Cancel. */
export function isDestructive(a: ResponseAction): boolean {
  return (
    a.categories.some((c) => DESTRUCTIVE.test(c) || /destructive|write/i.test(c)) ||
    DESTRUCTIVE.test(a.id) ||
    DESTRUCTIVE.test(a.title)
  );
}
