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

/**
 * The value made unclickable for sharing in reports: `hxxps://evil[.]example/`, `10[.]0[.]0[.]1`, `2001[:]db8[:][:]1`.
 * Same output as `defang` in `@pivotkit/sdk/detect` for single observables, without pulling the detector
 * (and its TLD list) into the menu's bundle.
 */
export function defang(o: Observable): string {
  const { type, value } = o;
  if (type === 'url') {
    const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(value);
    if (!m) return value.replace(/\./g, '[.]');
    const scheme = m[1]!.toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp');
    const at = m[2]!.lastIndexOf('@');
    return `${scheme}://${m[2]!.slice(0, at + 1)}${m[2]!.slice(at + 1).replace(/\./g, '[.]')}${m[3]}`;
  }
  if (type === 'ip' || type === 'domain') return value.replace(/\./g, '[.]');
  if (type === 'ipv6') return value.replace(/:/g, '[:]');
  if (type === 'email') {
    const at = value.indexOf('@');
    if (at < 0) return value.replace(/\./g, '[.]');
    return `${value.slice(0, at)}[@]${value.slice(at + 1).replace(/\./g, '[.]')}`;
  }
  return value;
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
