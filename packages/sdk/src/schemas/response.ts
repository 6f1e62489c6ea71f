import * as z from 'zod/mini';
import { ref } from './enrich.js';

/**
 * A response action as `respond/observables` lists it (OAS `Action`): the same fields as a refer link (`ref`),
 * so the same schema. `url` is relative to `/iroh/iroh-response`.
 */
export const action = ref;

/** The `data` of a trigger reply: whether the action ran. */
export const triggerResult = z.looseObject({ status: z.enum(['success', 'failure']) });
