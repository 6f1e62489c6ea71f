/**
 * OAuth scopes as Threat Response / XDR spells them (`root[/sub/path][:read|:write|:rw]`, threatgrid/scopula),
 * and which scopes each Pivotkit feature needs.
 * @module
 */
import type { Feature } from './types.js';

/**
 * One scope a feature needs: a scope string, or alternatives of which any one will do (e.g. CTIA grants the
 * casebook capabilities from `casebook` or from `private-intel`).
 */
export type ScopeRequirement = string | readonly string[];

/**
 * The scopes each feature needs (contract §7 and "Corrections and additions" 3). A granted root scope covers its
 * sub-paths.
 * - `casebook`: `casebook` or `private-intel` (ctia `auth/jwt.clj`). It does not need `inspect:read`: without it
 *   only the inspect fallback is lost (local detection still works), and that is what `can('inspect')` says.
 * - `link-casebook`: CTIA's `POST /ctia/incident/{id}/link` needs read-incident, read-relationship and
 *   create-relationship, plus read-casebook (ctia `entity/relationship.clj`).
 */
export const FEATURE_SCOPES: Readonly<Record<Feature, readonly ScopeRequirement[]>> = {
  inspect: ['inspect:read'],
  enrich: ['enrich/observables/deliberate:read', 'enrich/observables/observe:read'],
  refer: ['enrich/observables/refer:read'],
  response: ['response/observables:read', 'response/trigger:write'],
  casebook: [['casebook', 'private-intel/casebook']],
  incidents: ['private-intel/incident'],
  'link-casebook': [
    'private-intel/incident:read',
    'private-intel/relationship',
    ['casebook:read', 'private-intel/casebook:read'],
  ],
  pivot: [
    'enrich/observables/deliberate:read',
    'enrich/observables/observe:read',
    'enrich/observables/refer:read',
    'response/observables:read',
    'response/trigger:write',
  ],
};

interface ParsedScope {
  path: string[];
  read: boolean;
  write: boolean;
}

function parse(scope: string): ParsedScope {
  const s = scope.trim().toLowerCase();
  const i = s.lastIndexOf(':');
  const suffix = i >= 0 ? s.slice(i + 1) : '';
  const known = suffix === 'read' || suffix === 'write' || suffix === 'rw';
  const path = (known ? s.slice(0, i) : s).split('/').filter(Boolean);
  return { path, read: !known || suffix !== 'write', write: !known || suffix !== 'read' };
}

/**
 * Whether a granted scope covers a required one: its path is a prefix of the required path, and it allows at
 * least the same access (no suffix or `:rw` allows both read and write).
 * @example scopeCovers('enrich:read', 'enrich/observables/deliberate:read') // true
 * @example scopeCovers('response:read', 'response/trigger:write') // false
 */
export function scopeCovers(granted: string, required: string): boolean {
  const g = parse(granted);
  const r = parse(required);
  if (g.path.length === 0 || g.path.length > r.path.length) return false;
  if (!g.path.every((seg, i) => seg === r.path[i])) return false;
  return (!r.read || g.read) && (!r.write || g.write);
}

/** Splits the token response's space-separated `scope` string. */
export function parseScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean);
}

/**
 * The scopes a feature needs that `granted` does not cover (empty when the feature may work). Where any of
 * several scopes would do, the first is named.
 * @example missingScopesFor(['enrich:read'], 'pivot') // ['response/observables:read', 'response/trigger:write']
 * @example missingScopesFor(['private-intel'], 'casebook') // []
 */
export function missingScopesFor(granted: readonly string[], feature: Feature): string[] {
  const out: string[] = [];
  for (const req of FEATURE_SCOPES[feature]) {
    const any = typeof req === 'string' ? [req] : req;
    if (!any.some((r) => granted.some((g) => scopeCovers(g, r)))) out.push(any[0]!);
  }
  return out;
}
