// Whole-envelope schemas (and request bodies) for servers that speak the same format. The client reads envelopes
// one document at a time instead (src/envelope.ts), so it does not load these.
import * as z from 'zod/mini';
import { errorMessage } from './common.js';
import { judgement, ref, sighting, verdict } from './enrich.js';
import { action, triggerResult } from './response.js';

/** Body of `POST /iroh/iroh-inspect/inspect`: `{content}` and nothing else. */
export const inspectRequest = z.strictObject({ content: z.string() });

/** `{count, docs}` as every bundle key holds it. */
export const docs = <T extends z.core.SomeType>(doc: T) => z.looseObject({ count: z.number(), docs: z.array(doc) });

/** A module's `ModuleObserveBundle`: verdicts, judgements and sightings are checked; other keys pass through. */
export const moduleBundle = z.looseObject({
  verdicts: z.optional(docs(verdict)),
  judgements: z.optional(docs(judgement)),
  sightings: z.optional(docs(sighting)),
});

/** One module's item in the enrich envelope's `data`. */
export const moduleData = z.looseObject({
  module: z.string(),
  module_instance_id: z.string(),
  module_type_id: z.string(),
  module_instance_state: z.optional(z.string()),
  data: moduleBundle,
});

/**
 * Reply of `observe/observables` and `deliberate/observables`: `{data?: [per module], errors?: [...]}` (the OAS
 * does not require `data`: an errors-only reply is valid).
 */
export const enrichEnvelope = z.looseObject({
  data: z.optional(z.array(moduleData)),
  errors: z.optional(z.array(errorMessage)),
});

/** Reply of `refer/observables` (OAS `EnvelopedRefs`); `data` is optional. */
export const referEnvelope = z.looseObject({
  data: z.optional(z.array(ref)),
  errors: z.optional(z.array(errorMessage)),
});
/** Reply of `POST /iroh/iroh-response/respond/observables`; `data` is optional (an errors-only reply is valid). */
export const actionsEnvelope = z.looseObject({
  data: z.optional(z.array(action)),
  errors: z.optional(z.array(errorMessage)),
});

/**
 * Reply of `POST /iroh/iroh-response/respond/trigger/{mid}/{action-id}` (OAS `EnvelopedActionResult`); `data` is
 * optional (an errors-only reply is valid).
 */
export const triggerEnvelope = z.looseObject({
  data: z.optional(triggerResult),
  errors: z.optional(z.array(errorMessage)),
});
