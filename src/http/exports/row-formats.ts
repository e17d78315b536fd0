import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { arrowFormatter } from './arrow-format';
import { columnValue, type ExportColumn, type ExportRow } from '../../common/exports/export-columns';
import { parquetFormatter } from './parquet-format';

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

/** Database rows in, the format's bytes out, a row or a batch of rows at a time. */
export function rowFormatter(format: ExportFormat, columns: readonly ExportColumn[]): Transform {
  switch (format) {
    case 'csv':
      return csvFormatter(columns);
    case 'ndjson':
      return ndjsonFormatter(columns);
    case 'arrow':
      return arrowFormatter(columns);
    case 'parquet':
      return parquetFormatter(columns);
  }
}
