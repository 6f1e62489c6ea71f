import type { Observable } from '../observable.js';
import { detectInto, resolveOptions } from './text.js';
import type { DetectedObservable } from './types.js';

const BRACKETED =
  /\[(\.|dot|@|at|:|\/|\/\/|:\/\/|-)\]|\((\.|dot|@|at|:|\/|\/\/|:\/\/|-)\)|\{(\.|dot|@|at|:|\/|\/\/|:\/\/|-)\}/gi;
const WORDS: Record<string, string> = { dot: '.', at: '@' };

/**
 * Undoes the usual defangs in a whole text: `[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`, `\.`, `\/`, `[@]`, `[at]`,
 * `(at)`, `[:]`, `[/]`, `[://]`, `[-]`, `hxxp`, `hXXps`, `h**p`, `h[tt]p`, `h[xx]p`, `fxp`, and `。`/`．`/`｡` before
 * a letter or digit.
 * Other text is left alone (no zero-width stripping, no case change). Lengths change, so offsets found in
 * the result do not apply to the input: {@link detectObservables} matches defanged text in place instead.
 */
export function refang(text: string): string {
  return text
    .replace(BRACKETED, (_m, a?: string, b?: string, c?: string) => {
      const inner = (a ?? b ?? c)!.toLowerCase();
      return WORDS[inner] ?? inner;
    })
    .replace(/\\([./])/g, '$1')
    .replace(/\bh\[(?:tt|xx)\]p(s?)(?=:\/\/)/gi, 'http$1')
    .replace(/\b(?:h(?:xx|\*\*)p(s?)|fxp(s?))(?=:\/\/)/gi, (m, s1?: string, s2?: string) =>
      m[0] === 'f' || m[0] === 'F' ? `ftp${s2 ?? ''}` : `http${s1 ?? ''}`,
    )
    .replace(/[\u3002\uff0e\uff61](?=[\p{L}\p{N}])/gu, '.');
}

function defangValue(type: string, value: string): string {
  switch (type) {
    case 'url': {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(value);
      if (!m) return value.replace(/\./g, '[.]');
      const scheme = m[1]!.toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp');
      const at = m[2]!.lastIndexOf('@');
      const user = m[2]!.slice(0, at + 1);
      const host = m[2]!.slice(at + 1).replace(/\./g, '[.]');
      return `${scheme}://${user}${host}${m[3]}`;
    }
    case 'ip':
    case 'domain':
      return value.replace(/\./g, '[.]');
    case 'ipv6':
      return value.replace(/:/g, '[:]');
    case 'email':
      return value.replace('@', '[@]').replace(/\./g, (d, i: number) => (i > value.indexOf('@') ? '[.]' : d));
    default:
      return value;
  }
}

/**
 * Defangs an observable so it can be pasted without becoming a link: `http` → `hxxp`, `ftp` → `fxp`, dots of
 * hosts and IPv4 → `[.]`, IPv6 colons → `[:]`, `@` → `[@]`; hashes are unchanged.
 * Given a string, defangs every observable {@link detectObservables} finds in it and leaves the rest as is.
 * `refang(defang(x))` gives back `x` for a normalised value.
 */
export function defang(observable: Observable | string): string {
  if (typeof observable !== 'string') return defangValue(observable.type, observable.value);
  const found: DetectedObservable[] = [];
  detectInto(observable, resolveOptions({ nested: false }), found);
  let out = '';
  let last = 0;
  for (const m of found) {
    out += observable.slice(last, m.start) + defangValue(m.type, m.value);
    last = m.end;
  }
  return out + observable.slice(last);
}
