/**
 * OAuth scope matching with the rules of threatgrid/scopula: a scope is `root[/sub/path][:read|:write|:rw]`,
 * no suffix means read and write, and a held scope covers every sub-path of its path for the access it grants.
 * @module
 */

interface ParsedScope {
  path: string[];
  read: boolean;
  write: boolean;
}

function parse(scope: string): ParsedScope {
  const [rawPath = '', access] = scope.trim().toLowerCase().split(':', 2);
  return {
    path: rawPath.split('/').filter(Boolean),
    read: access === undefined || access === 'read' || access === 'rw',
    write: access === undefined || access === 'write' || access === 'rw',
  };
}

/** Whether `held` grants `required` (path prefix by segment, and at least the access asked for). */
export function scopeCovers(held: string, required: string): boolean {
  const h = parse(held);
  const r = parse(required);
  if (h.path.length === 0 || h.path.length > r.path.length) return false;
  if (!h.path.every((seg, i) => seg === r.path[i])) return false;
  return (!r.read || h.read) && (!r.write || h.write);
}

/** Whether some held scope covers `required`. */
export function hasScope(held: readonly string[], required: string): boolean {
  return held.some((h) => scopeCovers(h, required));
}

/** Whether the held scopes satisfy any one of the alternatives (e.g. `casebook:read` or `private-intel/casebook:read`). */
export function satisfiesAny(held: readonly string[], alternatives: readonly string[]): boolean {
  return alternatives.some((r) => hasScope(held, r));
}

/**
 * Every scope the emulator's demo client holds: the set a ribbon-style browser client asks for
 * (api-contract.md §7), which covers every route the emulator serves.
 */
export const ALL_SCOPES = [
  'casebook',
  'enrich:read',
  'global-intel:read',
  'inspect:read',
  'integration:read',
  'notification',
  'orbital',
  'private-intel',
  'profile',
  'registry/user/ribbon',
  'response',
  'telemetry:write',
  'users:read',
] as const;
