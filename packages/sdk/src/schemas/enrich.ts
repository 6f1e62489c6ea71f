import * as z from 'zod/mini';
import { disposition, dispositionName, errorMessage, observable, observables, validTime } from './common.js';

/** Body of `POST /iroh/iroh-inspect/inspect`: `{content}` and nothing else. */
export const inspectRequest = z.strictObject({ content: z.string() });

/** Reply of inspect: a bare array of observables. */
export const inspectResponse = observables;

/** A CTIM verdict inside a module bundle. */
export const verdict = z.looseObject({
  type: z.literal('verdict'),
  disposition,
  disposition_name: z.optional(dispositionName),
  observable,
  valid_time: validTime,
  judgement_id: z.optional(z.string()),
});

/** A CTIM judgement inside a module bundle (required fields checked, the rest kept). */
export const judgement = z.looseObject({
  id: z.string(),
  type: z.literal('judgement'),
  observable,
  disposition,
  disposition_name: dispositionName,
  priority: z.number(),
  severity: z.string(),
  confidence: z.string(),
  source: z.string(),
  source_uri: z.optional(z.string()),
  reason: z.optional(z.string()),
  valid_time: validTime,
});

/** A CTIM sighting inside a module bundle (required fields checked, the rest kept). */
export const sighting = z.looseObject({
  id: z.string(),
  type: z.literal('sighting'),
  count: z.number(),
  confidence: z.string(),
  observed_time: z.looseObject({ start_time: z.string(), end_time: z.optional(z.string()) }),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  source: z.optional(z.string()),
  observables: z.optional(observables),
});

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

/** Reply of `observe/observables` and `deliberate/observables`: `{data: [per module], errors: [...]}`. */
export const enrichEnvelope = z.looseObject({
  data: z.array(moduleData),
  errors: z.optional(z.array(errorMessage)),
});

/** A refer link (OAS `Ref`). */
export const ref = z.looseObject({
  module: z.string(),
  module_instance_id: z.string(),
  module_type_id: z.string(),
  id: z.string(),
  title: z.string(),
  description: z.string(),
  url: z.string(),
  categories: z.optional(z.array(z.string())),
});

/** Reply of `refer/observables` (OAS `EnvelopedRefs`). */
export const referEnvelope = z.looseObject({ data: z.array(ref), errors: z.optional(z.array(errorMessage)) });
