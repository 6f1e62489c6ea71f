/**
 * `@pivotkit/sdk/detect`: finds observables (IPv4, IPv6, domains, URLs, hashes, e-mail addresses) in text
 * and in the DOM, defanged forms included, with offsets into the original text. No runtime dependency: it
 * runs alone in a page, a worker or Node. Policies (what counts, what does not) are in README.md.
 * @module
 */
import { detectInto, resolveOptions } from './text.js';
import type { DetectedObservable, DetectOptions } from './types.js';

export type { ObservableType, Observable } from '../observable.js';
export { OBSERVABLE_TYPES } from '../observable.js';
export type { Confidence, DetectedObservable, DetectOptions } from './types.js';
export { refang, defang } from './fang.js';
export { isTld } from './tld.js';
export { TLD_SOURCE } from './tlds.generated.js';
export { scanDom, watchDom, matchRange } from './dom.js';
export type { DomMatch, ScanDomOptions, ScanProgress, WatchDomOptions } from './dom.js';

/**
 * Finds the observables in `text`, in order of position (an outer match before the matches nested in it).
 *
 * Values are normalised (refanged; hosts lower-cased, IDNs as punycode; IPv6 compressed; hashes and e-mail
 * addresses lower-case) and `start`/`end` are offsets into `text` itself, defangs included, so a highlighter
 * can mark `text.slice(start, end)`. Every occurrence is reported; see {@link uniqueObservables}.
 *
 * @example
 * detectObservables('beacon to hxxps://evil-update[.]com/gate from 203.0.113.7');
 * // [{type: 'url', value: 'https://evil-update.com/gate', start: 10, end: 40, raw: 'hxxps://evil-update[.]com/gate', …},
 * //  {type: 'domain', value: 'evil-update.com', start: 18, end: 35, …}, {type: 'ip', value: '203.0.113.7', …}]
 */
export function detectObservables(text: string, options?: DetectOptions): DetectedObservable[] {
  const out: DetectedObservable[] = [];
  detectInto(text, resolveOptions(options), out);
  return out;
}

/** The distinct `{type, value}` pairs of a list of matches, in order of first occurrence. */
export function uniqueObservables(
  matches: readonly DetectedObservable[],
): { type: DetectedObservable['type']; value: string }[] {
  const seen = new Set<string>();
  const out: { type: DetectedObservable['type']; value: string }[] = [];
  for (const m of matches) {
    const key = `${m.type}\u0000${m.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: m.type, value: m.value });
  }
  return out;
}
