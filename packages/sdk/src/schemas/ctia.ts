import * as z from 'zod/mini';
import { observables, wholeNumber } from './common.js';
import { incidentFields, text, tlp } from './ctia-vocab.js';

/** A stored CTIA casebook (required: id, type, schema_version; the rest kept). */
export const casebook = z.looseObject({
  id: z.string(),
  type: z.literal('casebook'),
  schema_version: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  short_description: z.optional(z.string()),
  observables: z.optional(observables),
  texts: z.optional(z.array(text)),
  tlp: z.optional(tlp),
  timestamp: z.optional(z.string()),
  owner: z.optional(z.string()),
  created: z.optional(z.string()),
  modified: z.optional(z.string()),
});

/** Reply of `GET /ctia/casebook/search`: a bare array. */
export const casebookList = z.array(casebook);

/** A stored CTIA incident (required fields checked, the rest kept). */
export const incident = z.looseObject({
  id: z.string(),
  type: z.literal('incident'),
  schema_version: z.string(),
  ...incidentFields,
});

/** Reply of `GET /ctia/incident/search`: a bare array. */
export const incidentList = z.array(incident);

/** Reply of `GET /ctia/{entity}/search/count`: a bare integer. */
export const count = wholeNumber;

/** A CTIM relationship, as `POST /ctia/incident/{id}/link` returns it (201). */
export const relationship = z.looseObject({
  id: z.string(),
  type: z.literal('relationship'),
  relationship_type: z.optional(z.string()),
  source_ref: z.optional(z.string()),
  target_ref: z.optional(z.string()),
});

/** Reply of `GET|POST /ctia/bundle/export`: a CTIM bundle (entity lists by plural name; no `casebooks` key). */
export const bundle = z.looseObject({
  type: z.optional(z.string()),
  source: z.optional(z.string()),
});
