// What every export format reads from a case: its observables with their verdicts and provenance, its TLP,
// the times to stamp, and a file name.
import { observableKey, type Casebook, type Observable, type ObservableVerdict, type Tlp } from '@pivotkit/sdk';
import { provenanceFromBundle, type Provenance } from '../provenance.js';

/** What `exportCase` takes. */
export interface ExportInput {
  casebook: Casebook;
  /** Verdicts by `observableKey` (`type:value`). */
  verdicts: Map<string, ObservableVerdict>;
  /** Provenance by `observableKey`; the case's own bundle is read too, so nothing recorded there is lost. */
  provenance: Map<string, Provenance[]>;
}

/** What `exportCase` returns: a file to offer for download. */
export interface ExportedFile {
  filename: string;
  mime: string;
  text: string;
}

/** Options of `exportCase` (for tests and reproducible files). */
export interface ExportOptions {
  /** The export's time. @default new Date() */
  now?: Date;
}

/** One observable as the exports see it. */
export interface Row {
  observable: Observable;
  verdict: ObservableVerdict | undefined;
  provenance: Provenance[];
}

const lookup = <T>(map: Map<string, T>, o: Observable): T | undefined =>
  map.get(observableKey(o)) ?? map.get(`${o.type}:${o.value}`);

/** The case's observables (each once, in case order), with their verdicts and provenance. */
export function rows(input: ExportInput): Row[] {
  const fromBundle = provenanceFromBundle(input.casebook);
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const o of input.casebook.observables ?? []) {
    if (!o || typeof o.type !== 'string' || typeof o.value !== 'string') continue;
    const key = observableKey(o);
    if (seen.has(key)) continue;
    seen.add(key);
    const given = lookup(input.provenance, o) ?? [];
    const recorded = lookup(fromBundle, o) ?? [];
    const all = [...given];
    for (const p of recorded) {
      if (!all.some((q) => q.url === p.url && q.time === p.time && q.context === p.context)) all.push(p);
    }
    out.push({ observable: { type: o.type, value: o.value }, verdict: lookup(input.verdicts, o), provenance: all });
  }
  return out;
}

/** The case's TLP (CTIM's default is green). */
export const tlpOf = (c: Casebook): Tlp =>
  c.tlp === 'red' || c.tlp === 'amber' || c.tlp === 'white' || c.tlp === 'green' ? c.tlp : 'green';

/** A valid timestamp as ISO-8601 UTC with milliseconds, or `fallback`. */
export function isoTime(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value) return fallback;
  const t = Date.parse(value);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

/** "Malicious (Talos: Malicious; Umbrella: Clean; modules disagree)" — the verdict line the formats carry. */
export function verdictText(v: ObservableVerdict | undefined): string {
  if (!v) return 'No verdict';
  const modules = v.modules.map((m) => `${m.module}: ${m.dispositionName}`).join('; ');
  return `${v.dispositionName}${modules || v.conflict ? ` (${[modules, v.conflict ? 'modules disagree' : ''].filter(Boolean).join('; ')})` : ''}`;
}

/** "Seen on <title> <url> at <time>: “<context>”" — one provenance as a line of text. */
export function provenanceText(p: Provenance): string {
  const where = [p.title, p.url].filter(Boolean).join(' ');
  return `Seen on ${where}${p.time ? ` at ${p.time}` : ''}${p.context ? `: “${p.context}”` : ''}`;
}

/** A safe file name for the case: `case-<title>-<date>.<ext>`, letters, digits and dashes only. */
export function filename(c: Casebook, ext: string, now: Date): string {
  const base =
    (c.title ?? '')
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') ||
    String(c.id ?? 'case')
      .replace(/[^a-zA-Z0-9-]+/g, '-')
      .slice(0, 60);
  return `case-${base}-${now.toISOString().slice(0, 10)}.${ext}`;
}
