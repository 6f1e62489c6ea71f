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

/** The short id from a short id or a long URL id (`https://host/ctia/casebook/casebook-<uuid>`). */
export function shortId(id: string): string {
  const trimmed = id.trim().replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function longId(baseUrl: string, kind: EntityKind, short: string): string {
  return `${baseUrl}/ctia/${kind}/${short}`;
}

// ---- validation ----

type Check = (v: unknown, path: string, errs: string[]) => void;

const str =
  (max?: number): Check =>
  (v, path, errs) => {
    if (typeof v !== 'string') errs.push(`${path} must be a string`);
    else if (max !== undefined && v.length > max) errs.push(`${path} is longer than ${max} characters`);
  };
const oneOf =
  (values: readonly string[]): Check =>
  (v, path, errs) => {
    if (typeof v !== 'string' || !values.includes(v)) errs.push(`${path} must be one of ${values.join(', ')}`);
  };
const int: Check = (v, path, errs) => {
  if (!Number.isInteger(v)) errs.push(`${path} must be an integer`);
};
const time: Check = (v, path, errs) => {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) errs.push(`${path} must be an ISO-8601 date-time`);
};
const obj: Check = (v, path, errs) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) errs.push(`${path} must be an object`);
};
const arrayOf =
  (item: Check): Check =>
  (v, path, errs) => {
    if (!Array.isArray(v)) errs.push(`${path} must be an array`);
    else v.forEach((x, i) => item(x, `${path}[${i}]`, errs));
  };
const shape =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (v, path, errs) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      errs.push(`${path} must be an object`);
      return;
    }
    const rec = v as Record<string, unknown>;
    for (const r of required) if (rec[r] === undefined) errs.push(`${path}.${r} is required`);
    for (const [k, x] of Object.entries(rec)) {
      const check = fields[k];
      if (!check) errs.push(`${path}.${k} is not allowed`);
      else if (x !== undefined) check(x, `${path}.${k}`, errs);
    }
  };

export const observableCheck: Check = (v, path, errs) => {
  shape({ type: str(), value: str(1024) }, ['type', 'value'])(v, path, errs);
  const o = v as { type?: unknown; value?: unknown } | null;
  if (typeof o?.type === 'string' && !CTIM_OBSERVABLE_TYPES.has(o.type)) errs.push(`${path}.type is not a CTIM type`);
  if (o?.value === '') errs.push(`${path}.value must not be empty`);
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

/** The SDK schema's complaints, as `path: message` lines. */
export function sdkIssues(schema: SafeParser, value: unknown, root = 'body'): string[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return (r.error?.issues ?? []).map((i) => `${[root, ...i.path.map(String)].join('.')}: ${i.message}`);
}

const SDK_ENTITY: Record<EntityKind, { create: SafeParser; patch: SafeParser }> = {
  casebook: { create: schemas.newCasebook, patch: schemas.casebookPatch },
  // The SDK only reads incidents and changes their status: there is no request schema to share.
  incident: { create: { safeParse: () => ({ success: true }) }, patch: { safeParse: () => ({ success: true }) } },
};

/** Problems with a new or replacing entity (`partial` for PATCH: nothing required). */
export function validateEntity(kind: EntityKind, body: unknown, partial: boolean): string[] {
  const sdk = sdkIssues(partial ? SDK_ENTITY[kind].patch : SDK_ENTITY[kind].create, body, kind);
  if (sdk.length) return sdk;
  const errs: string[] = [];
  const fields = kind === 'casebook' ? casebookFields : incidentFields;
  const required = partial || kind === 'casebook' ? [] : ['confidence', 'status', 'incident_time'];
  shape(fields, required)(body, kind, errs);
  return errs;
}

export function validateObservables(body: unknown): string[] {
  const sdk = sdkIssues(schemas.observables, body);
  if (sdk.length) return sdk;
  const errs: string[] = [];
  arrayOf(observableCheck)(body, 'body', errs);
  return errs;
}

export const patchOperationCheck = (field: 'observables' | 'texts' | 'bundle', body: unknown): string[] => {
  if (field === 'observables' || field === 'texts') {
    const sdk = sdkIssues(field === 'observables' ? schemas.observablesPatch : schemas.textsPatch, body);
    if (sdk.length) return sdk;
  }
  const errs: string[] = [];
  const item = field === 'observables' ? arrayOf(observableCheck) : field === 'texts' ? textsCheck : obj;
  shape({ operation: oneOf(['add', 'remove', 'replace']), [field]: item }, ['operation', field])(body, 'body', errs);
  return errs;
};

// ---- patch operations (CTIA lib/collection.clj) ----

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `add` concatenates (no dedupe), `remove` drops every element equal to one given, `replace` substitutes. */
export function applyOperation(current: unknown[], op: 'add' | 'remove' | 'replace', given: unknown[]): unknown[] {
  if (op === 'add') return [...current, ...given];
  if (op === 'remove') return current.filter((x) => !given.some((g) => same(x, g)));
  return [...given];
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

export function render(baseUrl: string, kind: EntityKind, doc: Doc, fields?: string[]): Doc {
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

function sortSpec(sortBy: string | undefined, order: 'asc' | 'desc' | undefined): { field: string; desc: boolean }[] {
  const spec = (sortBy ?? 'timestamp')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [field = '', dir] = s.split(':');
      return { field, desc: (dir ?? order ?? (sortBy ? 'asc' : 'desc')) === 'desc' };
    });
  // A unique last key keeps pages stable and makes `search_after` exact.
  if (!spec.some((s) => s.field === 'id')) spec.push({ field: 'id', desc: false });
  return spec;
}

function sortValue(doc: Doc, field: string): string {
  return values(doc, field)[0] ?? '';
}

function compareKeys(a: string[], b: string[], spec: { desc: boolean }[]): number {
  for (let i = 0; i < spec.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return (x < y ? -1 : 1) * (spec[i]!.desc ? -1 : 1);
  }
  return 0;
}

export function search(docs: Doc[], kind: EntityKind, p: SearchParams): SearchPage {
  let hits = docs.filter((d) => matchesQuery(d, p.query, SEARCHABLE[kind]));
  for (const [field, wanted] of Object.entries(p.filters)) {
    hits = hits.filter((d) => values(d, field).some((v) => wanted.includes(v)));
  }
  const spec = sortSpec(p.sortBy, p.sortOrder);
  const keyed = hits.map((d) => ({ d, k: spec.map((s) => sortValue(d, s.field)) }));
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
  if (last) headers['X-Sort'] = JSON.stringify(last.k);
  if (start + p.limit < total && last) {
    headers['X-Next'] = qs({ limit: String(p.limit), offset: String(start + p.limit), search_after: last.k });
  }
  if (start > 0) {
    headers['X-Previous'] = qs({ limit: String(p.limit), offset: String(Math.max(0, start - p.limit)) });
  }
  return { items: page.map((x) => x.d), total, headers };
}
