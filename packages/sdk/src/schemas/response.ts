import * as z from 'zod/mini';
import { errorMessage } from './common.js';
import { ref } from './enrich.js';

/**
 * A response action as `respond/observables` lists it (OAS `Action`): the same fields as a refer link (`ref`),
 * so the same schema. `url` is relative to `/iroh/iroh-response`.
 */
export const action = ref;

/** Reply of `POST /iroh/iroh-response/respond/observables`. */
export const actionsEnvelope = z.looseObject({ data: z.array(action), errors: z.optional(z.array(errorMessage)) });

/** Reply of `POST /iroh/iroh-response/respond/trigger/{mid}/{action-id}` (OAS `EnvelopedActionResult`). */
export const triggerEnvelope = z.looseObject({
  data: z.looseObject({ status: z.enum(['success', 'failure']) }),
  errors: z.optional(z.array(errorMessage)),
});
