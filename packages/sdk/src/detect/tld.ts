import { TLD_NAMES } from './tlds.generated.js';

let tlds: Set<string> | undefined;

/** Whether `name` (lower-case ASCII, punycode for IDNs) is an IANA top-level domain. */
export function isTld(name: string): boolean {
  tlds ??= new Set(TLD_NAMES.split(' '));
  return tlds.has(name);
}

/**
 * TLDs that are also common file extensions: `invoice.zip`, `main.py`, `README.md`, `clip.mov` are reported
 * with `confidence: 'low'` when written plainly (not defanged, not a URL host).
 */
export const FILE_TLDS = new Set(['zip', 'mov', 'py', 'md', 'sh', 'pl', 'rs', 'ps', 'so', 'pm', 'java', 'one', 'map']);

/** Second-level labels that betray a file name (`app.min.map`, `bundle.js.map`). */
export const FILE_SLDS = new Set(['js', 'css', 'min', 'ts', 'mjs', 'cjs', 'tar', 'bak', 'old', 'orig']);
