import * as z from 'zod/mini';
import { errorMessage } from './common.js';

/** A response action as `respond/observables` lists it. `url` is relative to `/iroh/iroh-response`. */
export const action = z.looseObject({
  module: z.string(),
  module_instance_id: z.string(),
  module_type_id: z.string(),
  id: z.string(),
  title: z.string(),
  description: z.string(),
  url: z.string(),
  categories: z.optional(z.array(z.string())),
});

/** Reply of `POST /iroh/iroh-response/respond/observables`. */
export const actionsEnvelope = z.looseObject({ data: z.array(action), errors: z.optional(z.array(errorMessage)) });

/** Reply of `POST /iroh/iroh-response/respond/trigger/{mid}/{action-id}` (OAS `EnvelopedActionResult`). */
export const triggerEnvelope = z.looseObject({
  data: z.looseObject({ status: z.enum(['success', 'failure']) }),
  errors: z.optional(z.array(errorMessage)),
});
