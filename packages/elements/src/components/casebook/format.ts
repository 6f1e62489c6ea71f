/** What an error says, whatever was thrown. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The analyst's search text as a CTIA Lucene `query`: each word matches as a prefix (`phish` finds "Phishing");
 * a word holding Lucene syntax (`:`, `/`, brackets…) is searched as a quoted phrase, so a URL or an IPv6 address
 * is looked for as typed, never read as query syntax.
 */
export function luceneQuery(text: string): string | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  return words
    .map((w) => (/^[\p{L}\p{N}_.@]+$/u.test(w) ? `${w}*` : `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`))
    .join(' AND ');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday": how long ago an ISO time was, in the page's language. */
export function relativeTime(iso: string, now: number = Date.now(), lang?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const fmt = new Intl.RelativeTimeFormat(lang ?? (document.documentElement.lang || 'en'), { numeric: 'auto' });
  const diff = t - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return fmt.format(Math.round(diff / ms), unit);
  }
  return fmt.format(0, 'minute');
}
