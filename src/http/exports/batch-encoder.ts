import { Transform } from 'node:stream';
import type { ExportRow } from '../../common/exports/export-columns';

/** Rows per Arrow record batch and Parquet row group: large enough to compress well, small enough to stay flat. */
export const ROWS_PER_BATCH = 10_000;

export interface BatchEncoding {
  /** The bytes for one batch of rows (never empty). */
  batch(rows: ExportRow[]): Uint8Array[];
  /** The bytes that close the stream (after the last batch, or when there were no rows at all). */
  end(): Uint8Array[];
}

/**
 * Rows in (object mode), bytes out, one batch of rows at a time: at most one batch is held, and the stream's
 * backpressure stops the cursor while the client reads slowly.
 */
export function batchEncoder(encoding: BatchEncoding, rowsPerBatch = ROWS_PER_BATCH): Transform {
  let rows: ExportRow[] = [];
  const pushAll = (stream: Transform, chunks: Uint8Array[]) => {
    for (const chunk of chunks) stream.push(chunk);
  };
  return new Transform({
    writableObjectMode: true,
    transform(row: ExportRow, _encoding, done) {
      rows.push(row);
      if (rows.length < rowsPerBatch) return done();
      const full = rows;
      rows = [];
      try {
        pushAll(this, encoding.batch(full));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (rows.length) pushAll(this, encoding.batch(rows));
        rows = [];
        pushAll(this, encoding.end());
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
