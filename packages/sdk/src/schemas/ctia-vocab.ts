import * as z from 'zod/mini';

/** CTIM TLP marking. */
export const tlp = z.enum(['red', 'amber', 'green', 'white']);

/** A casebook text note. */
export const text = z.looseObject({ type: z.string(), text: z.string() });

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
export const incidentFields = {
  confidence: z.string(),
  status: incidentStatus,
  incident_time: z.looseObject({ opened: z.string() }),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  severity: z.optional(z.string()),
};
