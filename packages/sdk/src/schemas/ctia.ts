import * as z from 'zod/mini';
import { observable, observables } from './common.js';

/** CTIM TLP marking. */
export const tlp = z.enum(['red', 'amber', 'green', 'white']);

/** A casebook text note. */
export const text = z.looseObject({ type: z.string(), text: z.string() });

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

/** The casebook fields a client writes, with the server's length limits (shared by create and patch). */
const casebookFields = {
  title: z.optional(z.string().check(z.maxLength(1024))),
  description: z.optional(z.string().check(z.maxLength(5000))),
  short_description: z.optional(z.string().check(z.maxLength(2048))),
  observables: z.optional(observables),
  texts: z.optional(z.array(text)),
  tlp: z.optional(tlp),
};

/** Body of `POST /ctia/casebook` (NewCasebook: everything optional, the server fills id, type, schema_version). */
export const newCasebook = z.looseObject({
  id: z.optional(z.string()),
  type: z.optional(z.literal('casebook')),
  schema_version: z.optional(z.string()),
  ...casebookFields,
  timestamp: z.optional(z.string()),
});

/** Body of `PATCH /ctia/casebook/{id}`: the fields to replace. */
export const casebookPatch = z.looseObject({
  ...casebookFields,
});

/** How a casebook list is changed: `add` appends, `remove` deletes equal items, `replace` substitutes. */
export const patchOperation = z.enum(['add', 'remove', 'replace']);

/** Body of `POST /ctia/casebook/{id}/observables`. */
export const observablesPatch = z.strictObject({ operation: patchOperation, observables: z.array(observable) });

/** Body of `POST /ctia/casebook/{id}/texts`. */
export const textsPatch = z.strictObject({ operation: patchOperation, texts: z.array(text) });

/** CTIM incident statuses. */
export const incidentStatus = z.enum([
  'New',
  'New: Processing',
  'New: Presented',
  'Open',
  'Open: Investigating',
  'Open: Reported',
  'Open: Contained',
  'Open: Recovered',
  'Hold',
  'Hold: Internal',
  'Hold: External',
  'Hold: Legal',
  'Stalled',
  'Containment Achieved',
  'Restoration Achieved',
  'Incident Reported',
  'Closed',
  'Closed: Under Review',
  'Closed: Confirmed Threat',
  'Closed: Suspected',
  'Closed: False Positive',
  'Closed: Near-Miss',
  'Closed: Merged',
  'Closed: Other',
  'Rejected',
]);

/** The incident fields a client sends on create, as a stored incident also has them (CTIM's required ones checked). */
const incidentFields = {
  confidence: z.string(),
  status: incidentStatus,
  incident_time: z.looseObject({ opened: z.string() }),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  severity: z.optional(z.string()),
};

/** A stored CTIA incident (required fields checked, the rest kept). */
export const incident = z.looseObject({
  id: z.string(),
  type: z.literal('incident'),
  schema_version: z.string(),
  ...incidentFields,
});

/** Reply of `GET /ctia/incident/search`: a bare array. */
export const incidentList = z.array(incident);

/** Body of `POST /ctia/incident/{id}/status`. */
export const incidentStatusUpdate = z.strictObject({ status: incidentStatus });

/** A CTIA error body: 400 spec validation, 403 access control, 500, or `{"error": "casebook not found"}`. */
export const ctiaError = z.looseObject({
  error: z.optional(z.string()),
  type: z.optional(z.string()),
  message: z.optional(z.string()),
});

/** Reply of `GET /ctia/{entity}/search/count`: a bare integer. */
export const count = z.int().check(z.nonnegative());

/** Body of `POST /ctia/incident` (NewIncident: CTIM's required fields; the server fills id, type, schema_version). */
export const newIncident = z.looseObject({
  ...incidentFields,
});

/** Body of `PATCH /ctia/incident/{id}`: the fields to replace. */
export const incidentPatch = z.looseObject({
  status: z.optional(incidentStatus),
  confidence: z.optional(z.string()),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  severity: z.optional(z.string()),
});

/** Body of `POST /ctia/casebook/{id}/bundle`: a partial CTIM bundle to add, remove or replace. */
export const bundlePatch = z.strictObject({ operation: patchOperation, bundle: z.record(z.string(), z.unknown()) });

/** Body of `POST /ctia/incident/{id}/link`. */
export const incidentLink = z.looseObject({
  casebook_id: z.optional(z.string()),
  investigation_id: z.optional(z.string()),
  tlp: z.optional(tlp),
});

/** A CTIM relationship, as `POST /ctia/incident/{id}/link` returns it (201). */
export const relationship = z.looseObject({
  id: z.string(),
  type: z.literal('relationship'),
  relationship_type: z.optional(z.string()),
  source_ref: z.optional(z.string()),
  target_ref: z.optional(z.string()),
});
