import * as z from 'zod/mini';

/** IROH / CTIA error body (OAS `NormalizedError`), e.g. a 401 without a valid bearer token. */
export const normalizedError = z.looseObject({
  error: z.string(),
  error_description: z.optional(z.string()),
  error_code: z.optional(z.string()),
  error_uri: z.optional(z.string()),
  trace_id: z.optional(z.string()),
});

/** The token endpoint's error body (RFC 6749 §5.2), e.g. `{"error":"invalid_client"}`. */
export const tokenError = z.looseObject({ error: z.string(), error_description: z.optional(z.string()) });
