/**
 * OAuth scope matching with the rules of threatgrid/scopula: a scope is `root[/sub/path][:read|:write|:rw]`,
 * no suffix means read and write, and a held scope covers every sub-path of its path for the access it grants.
 * The matching itself is the SDK's `scopeCovers`, so the emulator enforces exactly what the SDK predicts.
 * @module
 */
import { scopeCovers } from '@pivotkit/sdk';

export { scopeCovers };

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
