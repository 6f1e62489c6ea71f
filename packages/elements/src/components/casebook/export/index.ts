/**
 * Export of a case (CTIM casebook JSON, CSV, STIX 2.1, MISP), each carrying the verdicts and provenance, and
 * import of a CTIM casebook JSON file.
 * @module
 */
import { csvText } from './csv.js';
import { ctimCasebook } from './ctim.js';
import { filename, type ExportedFile, type ExportInput, type ExportOptions } from './common.js';
import { mispEvent } from './misp.js';
import { stixBundle } from './stix.js';

export { parseCasebookImport, MAX_IMPORT_BYTES, type ImportResult } from './import.js';
export { CSV_COLUMNS, csvCell } from './csv.js';
export { TLP_MARKINGS } from './stix.js';
export { MISP_TYPES } from './misp.js';
export type { ExportedFile, ExportInput, ExportOptions } from './common.js';

/** The export formats. */
export type ExportFormat = 'ctim' | 'csv' | 'stix' | 'misp';

/** The formats in menu order, with what a person calls them. */
export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'ctim', label: 'CTIM casebook (JSON)' },
  { format: 'csv', label: 'CSV' },
  { format: 'stix', label: 'STIX 2.1 bundle (JSON)' },
  { format: 'misp', label: 'MISP event (JSON)' },
];

/**
 * A case as a file in one format, with its verdicts and provenance. Pure and synchronous: the caller offers
 * the text for download (a `Blob` and an `<a download>`).
 * @example const f = exportCase('stix', { casebook, verdicts, provenance }); download(f.filename, f.mime, f.text);
 */
export function exportCase(format: ExportFormat, input: ExportInput, opts: ExportOptions = {}): ExportedFile {
  const now = opts.now ?? new Date();
  const c = input.casebook;
  switch (format) {
    case 'ctim':
      return {
        filename: filename(c, 'json', now),
        mime: 'application/json',
        text: `${JSON.stringify(ctimCasebook(input, now), null, 2)}\n`,
      };
    case 'csv':
      return { filename: filename(c, 'csv', now), mime: 'text/csv;charset=utf-8', text: csvText(input) };
    case 'stix':
      return {
        filename: filename(c, 'stix.json', now),
        mime: 'application/stix+json;version=2.1',
        text: `${JSON.stringify(stixBundle(input, now), null, 2)}\n`,
      };
    case 'misp':
      return {
        filename: filename(c, 'misp.json', now),
        mime: 'application/json',
        text: `${JSON.stringify(mispEvent(input, now), null, 2)}\n`,
      };
    default:
      throw new TypeError(`[@pivotkit/elements] unknown export format: ${String(format)}`);
  }
}
