// Request bodies CTIA takes, for servers that check them (the emulator); the client does not load these.
import * as z from 'zod/mini';
import { observable, observables } from './common.js';
import { incidentFields, incidentStatus, text, tlp } from './ctia-vocab.js';

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

/** Body of `POST /ctia/incident/{id}/status`. */
export const incidentStatusUpdate = z.strictObject({ status: incidentStatus });

/** A CTIA error body: 400 spec validation, 403 access control, 500, or `{"error": "casebook not found"}`. */
export const ctiaError = z.looseObject({
  error: z.optional(z.string()),
  type: z.optional(z.string()),
  message: z.optional(z.string()),
});

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
