import * as z from 'zod/mini';

/** Reply of `POST /v0/query/run` and `POST /v0/query`: the job id (docs/decisions/0007-orbital-api-shapes.md). */
export const orbitalJob = z.looseObject({ ID: z.string() });

/** One osquery statement's answer from one host. */
export const osQueryResult = z.looseObject({
  label: z.optional(z.string()),
  columns: z.optional(z.array(z.string())),
  values: z.optional(z.array(z.array(z.string()))),
  error: z.optional(z.string()),
});

/** One host's answer to a job. */
export const orbitalHostResult = z.looseObject({
  node: z.string(),
  hostinfo: z.optional(
    z.looseObject({
      hostname: z.optional(z.string()),
      os: z.optional(z.looseObject({ name: z.optional(z.string()) })),
    }),
  ),
  osQueryResult: z.optional(z.array(osQueryResult)),
  error: z.optional(z.string()),
});

/** Reply of `GET /v0/jobs/{id}/results`: the hosts that answered since `cursor`, and where to go on from. */
export const orbitalResults = z.looseObject({
  results: z.array(orbitalHostResult),
  cursor: z.optional(z.string()),
  /** `true` once every node that will answer has answered (a live query after its nodes replied). */
  complete: z.optional(z.boolean()),
});
