import { PivotkitConfigError } from '../errors/pivotkit-config-error.js';

/** The CTIA entity kinds the client reads and addresses by id. */
export type EntityKind = 'casebook' | 'incident' | 'relationship';

/**
 * A CTIA short id (`casebook-<uuid>`): letters, digits and `-._~`, starting with a letter or digit, so that it can
 * never be a dot segment (`.`, `..`) or carry a `/`, `?`, `#` or `%` into a path.
 */
const SHORT = /^[A-Za-z0-9][\w.~-]{0,199}$/;

/**
 * A CTIA long id as the service returns it: `http(s)://host[:port][/prefix]/ctia/<kind>/<short id>`, the port kept
 * as given (`https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-<uuid>`). The prefix (a relay's
 * mount point) may not hold dot segments.
 */
const LONG = /^https?:\/\/(?:[\w.-]+|\[[\da-f:.]+\])(?::\d{1,5})?(?:\/[\w~-][\w.~-]*)*\/ctia\/([a-z]+)\/([^/?#\s]+)$/i;

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Encodes one path segment. The one way any value (an id, an external id) goes into a request path: empty values
 * and dot segments are refused, so that `casebooks.delete('..')` can never become `DELETE /ctia/`.
 * @throws {PivotkitConfigError} for an empty value or a dot segment.
 */
export function segment(value: string, what: string): string {
  if (typeof value !== 'string' || !value || DOT_SEGMENT.test(value))
    throw new PivotkitConfigError(`${what} may not be ${JSON.stringify(value)}`);
  return encodeURIComponent(value);
}

/** The kind and short id of a CTIA long id (a URL), if `id` is one. */
export function parseLongId(id: string): { kind: string; short: string } | undefined {
  const m = LONG.exec(id);
  return m && SHORT.test(m[2]!) ? { kind: m[1]!, short: m[2]! } : undefined;
}

/**
 * The short id of a short id or a long id of `kind`, checked before it goes into a path: ids read back from
 * storage or from a reply are untrusted.
 * @throws {PivotkitConfigError} when `id` is neither.
 */
export function shortIdOf(id: unknown, kind: EntityKind): string {
  const t = typeof id === 'string' ? id.trim() : '';
  if (SHORT.test(t)) return t;
  const long = parseLongId(t);
  if (long?.kind === kind) return long.short;
  throw new PivotkitConfigError(`not a ${kind} id: ${JSON.stringify(t.slice(0, 99))}`);
}

/**
 * The long id of a short or long id: a long id is kept exactly as given (port included); a short id is placed
 * under the private-intel base the client talks to.
 */
export function longIdOf(id: string, kind: EntityKind, privateIntelBase: URL): string {
  const short = shortIdOf(id, kind);
  return parseLongId(id.trim()) ? id.trim() : `${privateIntelBase.href}ctia/${kind}/${short}`;
}

/** Whether a relative request path holds a dot segment (the last guard before a path is resolved to a URL). */
export function hasDotSegment(path: string): boolean {
  return path.split(/[/\\]/).some((s) => DOT_SEGMENT.test(s));
}

/** The short casebook id (`casebook-<uuid>`) of a short id or a long CTIA URL. */
export function shortId(id: string): string {
  const t = id.trim().replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  return i >= 0 ? t.slice(i + 1) : t;
}
