// Import of a CTIM casebook JSON file: everything checked first, with one message per wrong field (CTIM's
// limits from casebook.cljc and common.cljc), and nothing imported unless all of it is right.
import type { NewCasebook, Tlp } from '@pivotkit/sdk';
// The subpath, not the `schemas` namespace of the index: through the index, every schema and zod came with the
// casebook panel's own load, since the index is shared by its static and its lazy chunks (test/node/first-load.test.ts).
import * as schemas from '@pivotkit/sdk/schemas';

/** Files larger than this are refused before parsing (a case is far smaller). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** At most this many problems are listed; the rest are counted. */
const MAX_ERRORS = 20;
// CTIM's TLPs, as state/settings.ts has them: not imported from there (the import would bring the settings with the
// exporters), nor read from `schemas.tlp` (esbuild then puts zod in the chunk the casebook panel shares with the
// SDK's index: test/node/first-load.test.ts).
const TLPS: readonly Tlp[] = ['red', 'amber', 'green', 'white'];

/** The fields a new casebook may carry; the server's own (id, owner, created…) are dropped. */
const KEPT = [
  'title',
  'description',
  'short_description',
  'observables',
  'texts',
  'tlp',
  'bundle',
  'timestamp',
  'source',
  'source_uri',
  'language',
  'external_ids',
  'external_references',
] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** The result of `parseCasebookImport`. */
export type ImportResult = { ok: true; casebook: NewCasebook } | { ok: false; errors: string[] };

/**
 * Reads a CTIM casebook JSON file (as exported by Pivotkit, CTIA or Threat Response). Either the whole case is
 * valid and comes back as a `NewCasebook` to create (id, owner and other server fields dropped), or `errors` says,
 * field by field, what is wrong.
 * @example const r = parseCasebookImport(await file.text()); if (r.ok) await client.casebooks.create(r.casebook);
 */
export function parseCasebookImport(text: string): ImportResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, errors: ['The file is empty.'] };
  if (text.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      errors: [
        `The file is too large (${Math.round(text.length / 1024)} KB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
      ],
    };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, errors: [`The file is not valid JSON: ${(e as Error).message}`] };
  }
  if (!isRecord(doc)) return { ok: false, errors: [`The file holds ${kind(doc)}, not a casebook object.`] };

  const errors: string[] = [];
  const err = (m: string) => errors.push(m);
  const str = (field: string, max: number, v = doc[field], at = field) => {
    if (v === undefined) return;
    if (typeof v !== 'string') err(`${at}: must be text, not ${kind(v)}.`);
    else if (v.length > max) err(`${at}: at most ${max} characters (it has ${v.length}).`);
  };

  if (doc['type'] !== undefined && doc['type'] !== 'casebook') {
    err(`type: must be "casebook" (it is ${JSON.stringify(doc['type'])}); this is not a casebook file.`);
  }
  str('title', 1024);
  str('description', 5000);
  str('short_description', 2048);
  str('source', 2048);
  str('source_uri', 2048);
  str('language', 1024);
  if (doc['tlp'] !== undefined && !TLPS.includes(doc['tlp'] as Tlp)) {
    err(`tlp: must be one of red, amber, green, white (it is ${JSON.stringify(doc['tlp'])}).`);
  }
  if (
    doc['timestamp'] !== undefined &&
    (typeof doc['timestamp'] !== 'string' || Number.isNaN(Date.parse(doc['timestamp'])))
  ) {
    err('timestamp: must be an ISO-8601 date and time.');
  }

  const obs = doc['observables'];
  if (obs !== undefined) {
    if (!Array.isArray(obs)) err(`observables: must be a list, not ${kind(obs)}.`);
    else
      obs.forEach((o, i) => {
        const at = `observables[${i}]`;
        if (!isRecord(o)) return err(`${at}: must be an object with type and value, not ${kind(o)}.`);
        if (typeof o['type'] !== 'string' || !/^[a-z0-9_]{1,64}$/.test(o['type'])) {
          err(
            `${at}.type: must be a CTIM observable type such as ip, domain or sha256 (it is ${JSON.stringify(o['type'])}).`,
          );
        }
        if (typeof o['value'] !== 'string' || o['value'] === '') err(`${at}.value: must be non-empty text.`);
        else str('', 2048, o['value'], `${at}.value`);
      });
  }
  const texts = doc['texts'];
  if (texts !== undefined) {
    if (!Array.isArray(texts)) err(`texts: must be a list, not ${kind(texts)}.`);
    else
      texts.forEach((t, i) => {
        const at = `texts[${i}]`;
        if (!isRecord(t)) return err(`${at}: must be an object with type and text, not ${kind(t)}.`);
        if (typeof t['type'] !== 'string') err(`${at}.type: must be text.`);
        if (typeof t['text'] !== 'string') err(`${at}.text: must be text.`);
        else str('', 5000, t['text'], `${at}.text`);
      });
  }
  const bundle = doc['bundle'];
  if (bundle !== undefined) {
    if (!isRecord(bundle)) err(`bundle: must be a CTIM bundle object, not ${kind(bundle)}.`);
    else
      for (const [k, v] of Object.entries(bundle)) {
        if (
          k === 'type' ||
          k === 'source' ||
          k === 'source_uri' ||
          k === 'id' ||
          k === 'schema_version' ||
          k === 'valid_time' ||
          k.endsWith('_refs')
        )
          continue;
        if (!Array.isArray(v)) err(`bundle.${k}: must be a list of entities, not ${kind(v)}.`);
        else v.forEach((e, i) => !isRecord(e) && err(`bundle.${k}[${i}]: must be an entity object, not ${kind(e)}.`));
      }
  }
  for (const field of ['external_ids'] as const) {
    const v = doc[field];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string')))
      err(`${field}: must be a list of text.`);
  }
  const refs = doc['external_references'];
  if (refs !== undefined) {
    if (!Array.isArray(refs)) err('external_references: must be a list.');
    else
      refs.forEach(
        (r, i) =>
          (!isRecord(r) || typeof r['source_name'] !== 'string') &&
          err(`external_references[${i}]: needs a source_name.`),
      );
  }

  // The SDK's own schema of a new casebook, so that what passes here is what the client will send.
  if (errors.length === 0) {
    const picked = pick(doc);
    const r = schemas.newCasebook.safeParse(picked);
    if (!r.success) for (const i of r.error.issues) err(`${i.path.map(String).join('.') || 'casebook'}: ${i.message}`);
    if (errors.length === 0) return { ok: true, casebook: picked };
  }
  const shown = errors.slice(0, MAX_ERRORS);
  if (errors.length > MAX_ERRORS) shown.push(`…and ${errors.length - MAX_ERRORS} more problems.`);
  return { ok: false, errors: shown };
}

function pick(doc: Record<string, unknown>): NewCasebook {
  const out: Record<string, unknown> = {};
  for (const k of KEPT) if (doc[k] !== undefined) out[k] = doc[k];
  if (Array.isArray(out['observables'])) {
    out['observables'] = (out['observables'] as { type: string; value: string }[]).map((o) => ({
      type: o.type,
      value: o.value,
    }));
  }
  if (Array.isArray(out['texts']))
    out['texts'] = (out['texts'] as { type: string; text: string }[]).map((t) => ({ type: t.type, text: t.text }));
  return out as NewCasebook;
}
