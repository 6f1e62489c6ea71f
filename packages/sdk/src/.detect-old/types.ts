import type { ObservableType } from '../observable.js';

/** How sure the detector is. `low` marks look-alikes that are often not observables (see the README). */
export type Confidence = 'high' | 'low';

/** One observable found in a text. */
export interface DetectedObservable {
  /** CTIM type: `ip` (IPv4), `ipv6`, `domain`, `url`, `sha256`, `md5`, `sha1` or `email`. */
  type: ObservableType;
  /** Normalised value: refanged, host lower-cased (IDN as punycode), IPv6 compressed, hashes lower-case. */
  value: string;
  /** Offset of the first UTF-16 code unit of the match in the input. */
  start: number;
  /** Offset just past the last code unit of the match: `text.slice(start, end)` is what was matched. */
  end: number;
  /** The matched text as written when it differs from `value` (defanged, upper-case…); else `undefined`. */
  raw?: string;
  /** `low` for look-alikes (file names such as `invoice.zip`, version-like IPs, `System.Net`). */
  confidence: Confidence;
}

/** Options of {@link detectObservables}. */
export interface DetectOptions {
  /** Types to report. @default every type */
  types?: readonly ObservableType[];
  /** Accept defanged forms in place (`hxxp`, `[.]`, `(dot)`, `[:]`, `[@]`…). @default true */
  defanged?: boolean;
  /**
   * Also report the host of a URL and the domain of an e-mail address as matches of their own, nested inside
   * the outer match (same text, later in the list). `false` keeps only the outermost match. @default true
   */
  nested?: boolean;
  /** Also report `confidence: 'low'` matches. @default false */
  lowConfidence?: boolean;
}
