/**
 * Reading IROH envelopes (`{data?, errors?}`) one document at a time: top-level `data` is optional (an
 * errors-only reply is valid, per the IROH OAS), and a module document that fails validation is dropped and
 * reported as a {@link ModuleError} with code `invalid-document`, instead of failing the whole reply.
 * @module
 */
import * as z from 'zod/mini';
import * as S from './schemas/client.js';
import type { ModuleError, ModuleResult } from './types.js';

/** An envelope whose items are checked one by one. Only its outline is strict: lists where lists belong. */
export const looseEnvelope = z.looseObject({
  data: z.optional(z.array(z.unknown())),
  errors: z.optional(z.array(z.unknown())),
});

/** A trigger reply: `data` (whether the action ran) is optional; its errors are read one by one. */
export const looseTriggerEnvelope = z.looseObject({
  data: z.optional(S.triggerResult),
  errors: z.optional(z.array(z.unknown())),
});

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The ModuleError that stands for a dropped document, naming the module it came from when it says so. */
function dropped(owner: unknown, what: string, error: z.core.$ZodError | string): ModuleError {
  const o = rec(owner);
  const i = typeof error === 'string' ? undefined : error.issues[0];
  const reason = i ? `${i.path.join('.') || '(root)'}: ${i.message}` : String(error);
  return {
    ...(o['module'] ? { module: text(o['module']) } : {}),
    moduleInstanceId: text(o['module_instance_id']),
    moduleTypeId: text(o['module_type_id']),
    code: 'invalid-document',
    message: `Dropped ${what} not in the documented shape (${reason}).`,
    type: 'warning',
  };
}

/** Checks each item of `items` with `schema`; a bad one is dropped and reported. */
export function readItems<T>(
  items: readonly unknown[] | undefined,
  schema: z.ZodMiniType<T>,
  what: string,
  errors: ModuleError[],
  owner?: unknown,
): T[] {
  const out: T[] = [];
  for (const item of items ?? []) {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else errors.push(dropped(owner ?? item, what, r.error));
  }
  return out;
}

/** The wire's `ErrorMessage` as a {@link ModuleError}. */
const toModuleError = (e: z.output<typeof S.errorMessage>): ModuleError => ({
  ...(e.module !== undefined ? { module: e.module } : {}),
  moduleInstanceId: e.module_instance_id,
  moduleTypeId: e.module_type_id,
  code: e.code,
  message: e.message,
  type: e.type,
});

/** The envelope's `errors` as ModuleErrors (an entry not in the documented shape is reported as such). */
export const readErrors = (errors: readonly unknown[] | undefined, into: ModuleError[] = []): ModuleError[] => {
  into.push(...readItems(errors, S.errorMessage, 'an error entry', into).map(toModuleError));
  return into;
};

const moduleHeader = z.looseObject({
  module: z.string(),
  module_instance_id: z.string(),
  module_type_id: z.string(),
  data: z.optional(z.looseObject({})),
});

const DOCS = { verdicts: S.verdict, judgements: S.judgement, sightings: S.sighting } as const;

/** An enrich envelope as per-module results and errors: bad modules and bad documents dropped and reported. */
export function readEnrichEnvelope(env: z.output<typeof looseEnvelope>): {
  modules: ModuleResult[];
  errors: ModuleError[];
} {
  const errors = readErrors(env.errors);
  const modules = readItems(env.data, moduleHeader, "a module's answer", errors).map((m): ModuleResult => {
    const bundle: Record<string, unknown> = m.data ?? {};
    const docs = (key: keyof typeof DOCS) => {
      const part = bundle[key];
      const list = rec(part)['docs'];
      if (part !== undefined && !Array.isArray(list)) errors.push(dropped(m, key, `data.${key}.docs is no list`));
      return readItems(Array.isArray(list) ? list : [], DOCS[key] as z.ZodMiniType, `a ${key.slice(0, -1)}`, errors, m);
    };
    return {
      module: m.module,
      moduleInstanceId: m.module_instance_id,
      moduleTypeId: m.module_type_id,
      verdicts: docs('verdicts'),
      judgements: docs('judgements'),
      sightings: docs('sightings'),
      raw: bundle,
    } as ModuleResult;
  });
  return { modules, errors };
}
