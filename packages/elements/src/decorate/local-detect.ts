import type { ObservableType } from '@pivotkit/sdk';

/** One observable found in a string: its type, its (refanged) value and where it sits in the text. */
export interface TextMatch {
  type: ObservableType;
  value: string;
  /** Offset of the first character of the match in the text. */
  start: number;
  /** Offset just past the last character of the match. */
  end: number;
}

/** The shape of `detectObservables` from `@pivotkit/sdk/detect`; decorate() accepts any function like it. */
export type DetectFn = (text: string) => TextMatch[];

// A deliberately small matcher with the detection module's signature. It keeps decorate() testable on
// its own and is what `decorate(root, { detect })` falls back to in tests; pages use the SDK's detection.
const TLDS = 'com|net|org|io|info|biz|ru|cn|co|uk|de|fr|nl|xyz|top|online|site|app|dev|example|test|invalid|zip|mov';
const PATTERNS: [ObservableType, RegExp][] = [
  ['url', /\bhttps?:\/\/[^\s"'<>]+[^\s"'<>.,;:!?)\]]/gi],
  ['email', /\b[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}\b/gi],
  ['sha256', /\b[a-f0-9]{64}\b/gi],
  ['sha1', /\b[a-f0-9]{40}\b/gi],
  ['md5', /\b[a-f0-9]{32}\b/gi],
  ['ip', /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)/g],
  [
    'domain',
    new RegExp(`(?<![\\w.@/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TLDS})(?![\\w-]|\\.\\w)`, 'gi'),
  ],
];

/** Finds URLs, emails, hashes, IPv4 addresses and domains; a match inside a longer one is dropped. */
export const localDetect: DetectFn = (text) => {
  const found: TextMatch[] = [];
  for (const [type, re] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      found.push({ type, value: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextMatch[] = [];
  let reach = -1;
  for (const m of found) {
    if (m.start < reach) continue;
    out.push(m);
    reach = m.end;
  }
  return out;
};
