import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { EXPORT_COLUMNS, EXPORT_NUMERIC_COLUMNS, type ExportRow } from '../../modules/emissions/emission-export';

export type ExportFormat = 'csv' | 'ndjson';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** Database rows in, text out: CSV with a header line, or one JSON object per line with numbers as numbers. */
export function rowFormatter(format: ExportFormat): Transform {
  if (format === 'csv') {
    return stringify({
      header: true,
      columns: [...EXPORT_COLUMNS],
      cast: { boolean: (value) => (value ? 'true' : 'false') },
    });
  }
  return new Transform({
    writableObjectMode: true,
    transform(row: ExportRow, _encoding, done) {
      const line: Record<string, unknown> = {};
      for (const column of EXPORT_COLUMNS) {
        const value = row[column];
        line[column] = EXPORT_NUMERIC_COLUMNS.has(column) && value !== null ? Number(value) : value;
      }
      done(null, `${JSON.stringify(line)}\n`);
    },
  });
}
