import * as z from 'zod/mini';

/** An observable on the wire: `{type, value}` (any CTIM type). */
export const observable = z.looseObject({ type: z.string(), value: z.string() });

/** The bare JSON array of observables that enrich and response calls take as their body. */
export const observables = z.array(observable);

/** A CTIM disposition number: 1 Clean, 2 Malicious, 3 Suspicious, 4 Common, 5 Unknown. */
export const disposition = z.literal([1, 2, 3, 4, 5]);

/** The exact, capitalised CTIM disposition names. */
export const dispositionName = z.enum(['Clean', 'Malicious', 'Suspicious', 'Common', 'Unknown']);

/** CTIM `valid_time`. */
export const validTime = z.looseObject({ start_time: z.optional(z.string()), end_time: z.optional(z.string()) });

/** A per-module failure in the top-level `errors` array of enrich and response replies (OAS `ErrorMessage`). */
export const errorMessage = z.looseObject({
  module: z.optional(z.string()),
  module_instance_id: z.string(),
  module_type_id: z.string(),
  module_instance_state: z.optional(z.string()),
  code: z.string(),
  message: z.string(),
  type: z.enum(['fatal', 'warning', 'error']),
});

/** The 403 body when the token lacks a scope the route needs. */
export const missingScopeError = z.looseObject({
  error: z.literal('missing_scope'),
  error_description: z.optional(z.string()),
  'missing-scopes': z.array(z.string()),
  'required-scopes': z.optional(z.array(z.string())),
  scopes: z.optional(z.array(z.string())),
  'user-id': z.optional(z.string()),
  'org-id': z.optional(z.string()),
  trace_id: z.optional(z.string()),
});

/**
 * A whole number ≥ 0, or (with `min: 1`) a non-empty string: plain predicates rather than zod's `.check()`, whose
 * check module would add about 0.9 kB gzip to every page that loads the client.
 */
export const wholeNumber = z.custom<number>((v) => Number.isInteger(v) && (v as number) >= 0);
const nonEmptyString = z.custom<string>((v) => typeof v === 'string' && v !== '');

/** The OAuth2 token endpoint's reply (RFC 6749 §5.1). */
export const tokenResponse = z.looseObject({
  access_token: nonEmptyString,
  token_type: z.optional(z.string()),
  expires_in: z.optional(wholeNumber),
  scope: z.optional(z.string()),
});
