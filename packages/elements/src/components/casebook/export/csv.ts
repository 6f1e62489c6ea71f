// CSV (RFC 4180): one row per observable, with its verdict, each module's, and where it was seen. Safe to open in
// a spreadsheet: a cell that would start a formula is prefixed with an apostrophe (OWASP "CSV injection").
import { provenanceText, rows, tlpOf, type ExportInput } from './common.js';

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'type',
  'value',
  'verdict',
  'disposition',
  'modules',
  'modules_disagree',
  'provenance_url',
  'provenance_title',
  'provenance_context',
  'provenance_time',
  'provenance',
  'tlp',
] as const;

/** One cell, neutralised and quoted as RFC 4180 needs. */
export function csvCell(value: string | number | boolean | undefined): string {
  let s = value === undefined ? '' : String(value);
  // = + - @ start a formula in Excel, LibreOffice and Sheets; tab and CR do in some of them (OWASP).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text: a header line, then one line per observable, CRLF line ends. */
export function csvText(input: ExportInput): string {
  const tlp = tlpOf(input.casebook);
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows(input)) {
    const v = r.verdict;
    const first = r.provenance[0];
    lines.push(
      [
        r.observable.type,
        r.observable.value,
        v?.dispositionName ?? '',
        v?.disposition ?? '',
        (v?.modules ?? []).map((m) => `${m.module}: ${m.dispositionName}`).join('; '),
        v ? (v.conflict ? 'yes' : 'no') : '',
        first?.url ?? '',
        first?.title ?? '',
        first?.context ?? '',
        first?.time ?? '',
        r.provenance.map(provenanceText).join('\n'),
        tlp,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
