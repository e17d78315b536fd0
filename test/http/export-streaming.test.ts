import { pipeline, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ROWS_PER_BATCH } from '../../src/http/exports/batch-encoder';
import { EMISSIONS_EXPORT } from '../../src/modules/emissions/emission.export';
import { EXPORT_FORMATS, rowFormatter } from '../../src/http/exports/row-formats';

const TOTAL_ROWS = 5 * ROWS_PER_BATCH;

/** A cursor stand-in: makes each row only when the pipeline asks for it, and counts them. */
function lazyRows() {
  const source = { produced: 0 };
  const stream = new Readable({
    objectMode: true,
    read() {
      if (source.produced === TOTAL_ROWS) return void this.push(null);
      const index = source.produced++;
      this.push({
        member_id: `member-${index % 2000}`,
        member_name: `Member ${index % 2000}`,
        country_code: 'AT',
        member_category: 'CITY',
        year: 1990 + (index % 30),
        standard: 'BISKO',
        is_preferred: true,
        sector: 'RESIDENTIAL',
        energy_carrier: 'ELECTRICITY',
        scope: 'TERRITORIAL',
        final_energy_mwh: `${index}.125`,
        emissions_tco2e: `${index % 977}.5`,
        data_quality: null,
        notation_key: null,
        member_status: 'ACTIVE',
        is_baseline: index % 30 === 0,
        verification_status: 'VERIFIED',
        is_public: true,
      });
    },
  });
  return { source, stream };
}

describe('every format streams', () => {
  it.each(EXPORT_FORMATS)('%s: the first bytes leave before the cursor is drained, a batch at most', async (format) => {
    const { source, stream } = lazyRows();
    const output = pipeline(stream, await rowFormatter(format, EMISSIONS_EXPORT.columns), () => undefined);
    const chunks = output[Symbol.asyncIterator]();
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect((first.value as Uint8Array).byteLength).toBeGreaterThan(0);
    // one batch being encoded, plus what the streams' buffers hold ahead of it
    expect(source.produced).toBeLessThanOrEqual(ROWS_PER_BATCH + 64);
    let bytes = 0;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      bytes += (next.value as Uint8Array).byteLength;
    }
    expect(source.produced).toBe(TOTAL_ROWS);
    expect(bytes).toBeGreaterThan(0);
  });
});
