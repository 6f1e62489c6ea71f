/**
 * CTIA entities (casebooks and incidents): input checks, ids, access, rendering and search with
 * CTIA's paging headers (api-contract.md §5, §8).
 *
 * Input is checked twice: first against the SDK's wire schemas (`schemas` from `@pivotkit/sdk`, the one
 * definition both sides share), then against CTIA's stricter rules that the SDK does not need (unknown keys
 * rejected, CTIM vocabularies, the fields the SDK never sends).
 * @module
 */
import { schemas } from '@pivotkit/sdk';
import type { Doc } from '../store.js';
import { CONFIDENCES, CTIM_OBSERVABLE_TYPES, INCIDENT_STATUSES, SEVERITIES, TLPS } from './vocab.js';

export type EntityKind = 'casebook' | 'incident';

/** Every CTIA entity the emulator stores. */
export type CtiaKind = EntityKind | 'relationship';

/** The short id from a short id or a long URL id (`https://host/ctia/casebook/casebook-<uuid>`). */
export function shortId(id: string): string {
  const trimmed = id.trim().replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * The origin part of a long id as CTIA writes it (`short-id->long-id`): protocol, host name and the port, always,
 * even the default one (`https://private.intel.amp.cisco.com:443`), then any path prefix.
 */
export function longIdBase(baseUrl: string): string {
  const u = new URL(baseUrl);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return `${u.protocol}//${u.hostname}:${port}${u.pathname.replace(/\/+$/, '')}`;
}

export function longId(baseUrl: string, kind: CtiaKind, short: string): string {
  return `${longIdBase(baseUrl)}/ctia/${kind}/${short}`;
}

/**
 * The kind and short id of a long id, as ctim's `long-id->id` reads one: any `http(s)` URL ending in
 * `/ctia/<kind>/<short id>`; `undefined` for anything else (a short id included).
 */
export function parseLongId(id: unknown): { kind: string; short: string } | undefined {
  if (typeof id !== 'string') return undefined;
  const m = /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?\/ctia\/([a-z-]+)\/([A-Za-z0-9][\w.~-]*)$/.exec(id);
  return m ? { kind: m[1]!, short: m[2]! } : undefined;
}

// ---- validation ----

/**
 * Problems found in a body, as `[path, explanation]` pairs in compojure-api's wording (`missing-required-key`,
 * `disallowed-key`, `(not (string? 5))`); CTIA answers them as `{"errors": {path: explanation}}`.
 */
export type Problems = [string, string][];

/** At most this many characters of a value or key from a request go into an error message. */
export const ECHO_LIMIT = 100;

/** A short, printable rendering of a request value for an error message: never the whole body back. */
export function echo(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' ? JSON.stringify(v.length > ECHO_LIMIT ? `${v.slice(0, ECHO_LIMIT)}…` : v) : '';
    if (!text) text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > ECHO_LIMIT + 2 ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

/** A key from a request, cut short for an error message. */
const keyOf = (k: string) => (k.length > ECHO_LIMIT ? `${k.slice(0, ECHO_LIMIT)}…` : k);

type Check = (v: unknown, path: string, errs: Problems, partial: boolean) => void;

const join = (path: string, k: string | number) => (path ? `${path}.${k}` : String(k));

const str =
  (max?: number): Check =>
  (v, path, errs) => {
    if (typeof v !== 'string') errs.push([path, `(not (string? ${echo(v)}))`]);
    else if (max !== undefined && v.length > max) errs.push([path, `(not (<= (count ${echo(v)}) ${max}))`]);
  };
const oneOf =
  (values: readonly string[]): Check =>
  (v, path, errs) => {
    if (typeof v !== 'string' || !values.includes(v)) {
      errs.push([path, `(not (#{${values.map((x) => JSON.stringify(x)).join(' ')}} ${echo(v)}))`]);
    }
  };
const int: Check = (v, path, errs) => {
  if (!Number.isInteger(v)) errs.push([path, `(not (integer? ${echo(v)}))`]);
};
const time: Check = (v, path, errs) => {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) errs.push([path, `(not (inst? ${echo(v)}))`]);
};
const obj: Check = (v, path, errs) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) errs.push([path, `(not (map? ${echo(v)}))`]);
  else for (const k of Object.keys(v)) if (k === '__proto__') errs.push([join(path, k), 'disallowed-key']);
};
const arrayOf =
  (item: Check): Check =>
  (v, path, errs, partial) => {
    if (!Array.isArray(v)) errs.push([path, `(not (sequential? ${echo(v)}))`]);
    else v.forEach((x, i) => item(x, join(path, i), errs, partial));
  };
/** A map with known keys; `partial` (PATCH) makes every key optional, nested ones too (schema-tools). */
const shape =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (v, path, errs, partial) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      errs.push([path, `(not (map? ${echo(v)}))`]);
      return;
    }
    const rec = v as Record<string, unknown>;
    if (!partial)
      for (const r of required) if (rec[r] === undefined) errs.push([join(path, r), 'missing-required-key']);
    for (const [k, x] of Object.entries(rec)) {
      // Own keys only: `__proto__` or `constructor` in a body must not find Object.prototype's members.
      const check = Object.hasOwn(fields, k) ? fields[k] : undefined;
      if (!check) errs.push([join(path, keyOf(k)), 'disallowed-key']);
      else if (x !== undefined) check(x, join(path, k), errs, partial);
    }
  };

export const observableCheck: Check = (v, path, errs, partial) => {
  shape({ type: str(), value: str(1024) }, ['type', 'value'])(v, path, errs, partial);
  const o = v as { type?: unknown; value?: unknown } | null;
  if (typeof o?.type === 'string' && !CTIM_OBSERVABLE_TYPES.has(o.type)) {
    errs.push([join(path, 'type'), `(not (observable-type? ${echo(o.type)}))`]);
  }
  if (o?.value === '') errs.push([join(path, 'value'), '(not (not-empty? ""))']);
};

const common: Record<string, Check> = {
  id: str(),
  schema_version: str(),
  title: str(1024),
  description: str(5000),
  short_description: str(2048),
  source: str(2048),
  source_uri: str(2048),
  timestamp: time,
  tlp: oneOf(TLPS),
  language: str(),
  revision: int,
  external_ids: arrayOf(str()),
  external_references: arrayOf(
    shape({ source_name: str(), description: str(), url: str(), hashes: arrayOf(str()), external_id: str() }, [
      'source_name',
    ]),
  ),
  authorized_users: arrayOf(str()),
  authorized_groups: arrayOf(str()),
};

const textsCheck = arrayOf(shape({ type: str(), text: str(5000) }, ['type', 'text']));

const casebookFields: Record<string, Check> = {
  ...common,
  type: oneOf(['casebook']),
  observables: arrayOf(observableCheck),
  texts: textsCheck,
  bundle: obj,
};

const incidentTime = shape(
  {
    opened: time,
    discovered: time,
    reported: time,
    remediated: time,
    closed: time,
    rejected: time,
    contained: time,
  },
  ['opened'],
);

const incidentFields: Record<string, Check> = {
  ...common,
  type: oneOf(['incident']),
  confidence: oneOf(CONFIDENCES),
  status: oneOf(INCIDENT_STATUSES),
  incident_time: incidentTime,
  severity: oneOf(SEVERITIES),
  categories: arrayOf(str()),
  assignees: arrayOf(str()),
  detection_sources: arrayOf(str()),
  discovery_method: str(),
  intended_effect: str(),
  promotion_method: oneOf(['Manual', 'Automated']),
  scores: obj,
  tactics: arrayOf(str()),
  techniques: arrayOf(str()),
  meta: obj,
};

interface SafeParser {
  safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** The SDK schema's complaints, keyed by the path they are about. */
export function sdkIssues(schema: SafeParser, value: unknown): Problems {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return (r.error?.issues ?? []).map((i) => [i.path.map((p) => keyOf(String(p))).join('.') || 'body', i.message]);
}

const SDK_ENTITY: Record<EntityKind, { create: SafeParser; patch: SafeParser }> = {
  casebook: { create: schemas.newCasebook, patch: schemas.casebookPatch },
  // The SDK only reads incidents and changes their status: there is no request schema to share.
  incident: { create: { safeParse: () => ({ success: true }) }, patch: { safeParse: () => ({ success: true }) } },
};

/** Problems with a new or replacing entity (`partial` for PATCH: nothing required, at any depth). */
export function validateEntity(kind: EntityKind, body: unknown, partial: boolean): Problems {
  const errs: Problems = [];
  const fields = kind === 'casebook' ? casebookFields : incidentFields;
  const required = kind === 'casebook' ? [] : ['confidence', 'status', 'incident_time'];
  shape(fields, required)(body, '', errs, partial);
  if (errs.length) return errs;
  return sdkIssues(partial ? SDK_ENTITY[kind].patch : SDK_ENTITY[kind].create, body);
}

export function validateObservables(body: unknown): Problems {
  const errs: Problems = [];
  arrayOf(observableCheck)(body, 'body', errs, false);
  if (errs.length) return errs;
  return sdkIssues(schemas.observables, body);
}

export const patchOperationCheck = (field: 'observables' | 'texts' | 'bundle', body: unknown): Problems => {
  const errs: Problems = [];
  const item = field === 'observables' ? arrayOf(observableCheck) : field === 'texts' ? textsCheck : obj;
  shape({ operation: oneOf(['add', 'remove', 'replace']), [field]: item }, ['operation', field])(body, '', errs, false);
  if (errs.length || field === 'bundle') return errs;
  return sdkIssues(field === 'observables' ? schemas.observablesPatch : schemas.textsPatch, body);
};

/** `{"errors": {path: explanation}}`, as compojure-api answers a request that fails its schema. */
export function errorsBody(problems: Problems): { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const [path, message] of problems.slice(0, 20)) {
    if (!Object.hasOwn(errors, path)) Object.defineProperty(errors, path, { value: message, enumerable: true });
  }
  return { errors };
}

/** Where JSON nests deeper than `max` (arrays and objects), walked without recursion. */
export function tooDeep(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v))
      if (typeof x === 'object' && x !== null) stack.push([x, d + 1]);
  }
  return false;
}

// ---- patch operations (CTIA lib/collection.clj, flows/crud.clj) ----

/** A canonical JSON text: equal for equal values whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * `add` concatenates (no dedupe), `remove` drops every element equal (by value) to one given, `replace`
 * substitutes. A list the entity does not have yet becomes the given items, whatever the operation
 * (CTIA's deep-merge-with applies the operation only where both sides have the key).
 */
export function applyOperation(
  current: unknown[] | undefined,
  op: 'add' | 'remove' | 'replace',
  given: unknown[],
): unknown[] {
  if (current === undefined) return [...given];
  if (op === 'add') return [...current, ...given];
  if (op === 'remove') {
    const gone = new Set(given.map(canonical));
    return current.filter((x) => !gone.has(canonical(x)));
  }
  return [...given];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * CTIA's `deep-merge-with`: maps merge key by key at every depth; where both sides hold something else, `f`
 * decides (PATCH: the new value; casebook bundle operations: the list operation).
 */
export function deepMergeWith(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  f: (x: unknown, y: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, y] of Object.entries(b)) {
    const x = out[k];
    const value = Object.hasOwn(out, k) ? (isMap(x) && isMap(y) ? deepMergeWith(x, y, f) : f(x, y)) : y;
    // defineProperty, not assignment: a `__proto__` key stays a plain key.
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// ---- access ----

export interface Viewer {
  sub: string;
  orgId: string;
}

/** CTIA's TLP rule: red is the owner's (and authorized users') only; other levels are shared with the org. */
export function canSee(doc: Doc, v: Viewer): boolean {
  if (doc['owner'] === v.sub) return true;
  if (Array.isArray(doc['authorized_users']) && doc['authorized_users'].includes(v.sub)) return true;
  if (doc['tlp'] === 'red') return false;
  const groups = doc['groups'];
  return Array.isArray(groups) && groups.includes(v.orgId);
}

export function render(baseUrl: string, kind: CtiaKind, doc: Doc, fields?: string[]): Doc {
  const out: Doc = { ...doc, id: longId(baseUrl, kind, String(doc['id'])) };
  if (!fields?.length) return out;
  return Object.fromEntries(Object.entries(out).filter(([k]) => fields.includes(k)));
}

// ---- search ----

export const SEARCHABLE: Record<EntityKind, string[]> = {
  casebook: ['id', 'source', 'title', 'description', 'short_description', 'observables.value', 'texts.text'],
  incident: ['id', 'source', 'title', 'description', 'short_description', 'status', 'severity', 'categories'],
};

/** Exact-match filters a search accepts as query parameters. */
export const FILTERS: Record<EntityKind, string[]> = {
  casebook: ['id', 'tlp', 'source', 'language', 'revision', 'texts.text'],
  incident: [
    'id',
    'tlp',
    'source',
    'language',
    'revision',
    'confidence',
    'status',
    'discovery_method',
    'intended_effect',
    'categories',
    'assignees',
    'detection_sources',
    'promotion_method',
    'severity',
    'tactics',
    'techniques',
  ],
};

function values(doc: unknown, path: string): string[] {
  const [head, ...rest] = path.split('.');
  if (doc === null || doc === undefined || head === undefined) return [];
  if (Array.isArray(doc)) return doc.flatMap((d) => values(d, path));
  if (typeof doc !== 'object') return [];
  const v = (doc as Record<string, unknown>)[head];
  if (rest.length) return values(v, rest.join('.'));
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'object' ? [] : [String(x)]));
  return v === undefined || v === null || typeof v === 'object' ? [] : [String(v)];
}

interface Term {
  field?: string;
  text: string;
  negate: boolean;
}

/**
 * A small subset of Lucene query syntax: `word`, `"a phrase"`, `field:value`, `-term`/`NOT term`, `*` wildcards,
 * `AND` between terms (also the default) and `OR` between groups. Matching is case-insensitive and by substring,
 * which is looser than Elasticsearch's token matching.
 */
export function parseQuery(q: string): Term[][] {
  const groups: Term[][] = [[]];
  const re = /(-|NOT\s+)?(?:([\w.]+):)?(?:"([^"]*)"|(\S+))/g;
  for (const m of q.matchAll(re)) {
    const raw = m[3] ?? m[4] ?? '';
    if (!m[1] && !m[2] && m[3] === undefined && (raw === 'AND' || raw === '&&')) continue;
    if (!m[1] && !m[2] && m[3] === undefined && (raw === 'OR' || raw === '||')) {
      groups.push([]);
      continue;
    }
    groups[groups.length - 1]!.push({
      field: m[2],
      text: raw.replace(/^\(+|\)+$/g, '').toLowerCase(),
      negate: Boolean(m[1]),
    });
  }
  return groups.filter((g) => g.length > 0);
}

function termMatches(doc: Doc, t: Term, fields: string[]): boolean {
  const text = t.text;
  if (text === '*' || text === '') return true;
  const parts = text.split('*').filter(Boolean);
  const hit = (s: string) => {
    const low = s.toLowerCase();
    let from = 0;
    for (const p of parts) {
      const i = low.indexOf(p, from);
      if (i < 0) return false;
      from = i + p.length;
    }
    return true;
  };
  const where = t.field ? [t.field] : fields;
  return where.some((f) => values(doc, f).some(hit));
}

export function matchesQuery(doc: Doc, q: string | undefined, fields: string[]): boolean {
  if (!q?.trim()) return true;
  const groups = parseQuery(q);
  if (groups.length === 0) return true;
  return groups.some((g) => g.every((t) => termMatches(doc, t, fields) !== t.negate));
}

export interface SearchParams {
  query?: string;
  filters: Record<string, string[]>;
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  limit: number;
  offset: number;
  searchAfter?: string[];
  fields?: string[];
}

export interface SearchPage {
  items: Doc[];
  total: number;
  headers: Record<string, string>;
}

type SortKey = string | number;

/**
 * The sort: `sort_by` (`f1,f2:desc`, each field ascending unless told, or `sort_order`), else CTIA's default,
 * `_doc` (the order entities were stored in) then `id`. A unique last key keeps pages stable and makes
 * `search_after` exact.
 */
function sortSpec(sortBy: string | undefined, order: 'asc' | 'desc' | undefined): { field: string; desc: boolean }[] {
  const spec = (sortBy?.trim() ? sortBy : '_doc')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [field = '', dir] = s.split(':');
      return { field, desc: (dir ?? order ?? 'asc') === 'desc' };
    });
  if (!spec.some((s) => s.field === 'id')) spec.push({ field: 'id', desc: false });
  return spec;
}

function sortValue(doc: Doc, field: string, index: number): SortKey {
  return field === '_doc' ? index : (values(doc, field)[0] ?? '');
}

function compareKeys(a: SortKey[], b: SortKey[], spec: { desc: boolean }[]): number {
  for (let i = 0; i < spec.length; i++) {
    let x = a[i] ?? '';
    let y = b[i] ?? '';
    // `search_after` arrives as text: compare it with a number key as a number.
    if (typeof x === 'number' && typeof y === 'string') y = Number(y);
    if (typeof y === 'number' && typeof x === 'string') x = Number(x);
    if (x !== y) return (x < y ? -1 : 1) * (spec[i]!.desc ? -1 : 1);
  }
  return 0;
}

/** JSON with every character outside printable ASCII escaped: valid in an HTTP header, and still the same JSON. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function search(docs: Doc[], kind: EntityKind, p: SearchParams): SearchPage {
  let hits = docs.filter((d) => matchesQuery(d, p.query, SEARCHABLE[kind]));
  for (const [field, wanted] of Object.entries(p.filters)) {
    hits = hits.filter((d) => values(d, field).some((v) => wanted.includes(v)));
  }
  const spec = sortSpec(p.sortBy, p.sortOrder);
  const order = new Map(docs.map((d, i) => [d, i]));
  const keyed = hits.map((d) => ({ d, k: spec.map((s) => sortValue(d, s.field, order.get(d) ?? 0)) }));
  keyed.sort((a, b) => compareKeys(a.k, b.k, spec));
  const total = keyed.length;
  let start = p.offset;
  if (p.searchAfter?.length) {
    const after = p.searchAfter;
    const i = keyed.findIndex((x) => compareKeys(x.k, after, spec) > 0);
    start = i < 0 ? total : i;
  }
  const page = keyed.slice(start, start + p.limit);
  const headers: Record<string, string> = { 'X-Total-Hits': String(total) };
  const qs = (o: Record<string, string | string[]>) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(o)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, x);
    return u.toString();
  };
  const last = page[page.length - 1];
  if (last) headers['X-Sort'] = asciiJson(last.k);
  if (start + p.limit < total && last) {
    headers['X-Next'] = qs({
      limit: String(p.limit),
      offset: String(start + p.limit),
      search_after: last.k.map(String),
    });
  }
  if (start > 0) {
    headers['X-Previous'] = qs({ limit: String(p.limit), offset: String(Math.max(0, start - p.limit)) });
  }
  return { items: page.map((x) => x.d), total, headers };
}
