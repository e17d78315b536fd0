import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { columnValue, type ExportColumn, type ExportRow } from '../../common/exports/export-columns';

export const EXPORT_FORMATS = ['csv', 'ndjson', 'arrow', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.stream',
  parquet: 'application/vnd.apache.parquet',
};

/** CSV with a header line; numbers keep PostgreSQL's exact decimal text. */
function csvFormatter(columns: readonly ExportColumn[]): Transform {
  return stringify({
    header: true,
    columns: columns.map((column) => column.name),
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/** One JSON object per line, numbers as JSON numbers (the shortest text that reads back as the same double). */
function ndjsonFormatter(columns: readonly ExportColumn[]): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(row: ExportRow, _encoding, done) {
      const line: Record<string, unknown> = {};
      for (const column of columns) line[column.name] = columnValue(column, row[column.name]);
      done(null, `${JSON.stringify(line)}\n`);
    },
  });
}

/**
 * Database rows in, the format's bytes out, a row or a batch of rows at a time. Arrow's and Parquet's libraries are
 * loaded by the first export in their format: a server that never writes one does not hold them (about 20 MB of its
 * memory).
 */
export async function rowFormatter(format: ExportFormat, columns: readonly ExportColumn[]): Promise<Transform> {
  switch (format) {
    case 'csv':
      return csvFormatter(columns);
    case 'ndjson':
      return ndjsonFormatter(columns);
    case 'arrow':
      return (await import('./arrow-format.js')).arrowFormatter(columns);
    case 'parquet':
      return (await import('./parquet-format.js')).parquetFormatter(columns);
  }
}
