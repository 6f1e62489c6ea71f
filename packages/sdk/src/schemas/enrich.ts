import * as z from 'zod/mini';
import { disposition, dispositionName, observable, observables, validTime } from './common.js';

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
