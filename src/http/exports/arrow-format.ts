import {
  Bool,
  type DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int16,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Utf8,
  vectorFromArray,
  type Data,
  type Vector,
} from 'apache-arrow';
import { batchEncoder, type BatchEncoding } from './batch-encoder';
import { columnValue, type ExportColumn, type ExportRow } from '../../common/exports/export-columns';

/** The writer's bytes as it writes them, taken after each batch instead of queued inside the writer. */
class ChunkWriter extends RecordBatchStreamWriter {
  private chunks: Uint8Array[] = [];

  protected override _write(chunk: ArrayBufferView): this {
    if (this._started && chunk.byteLength > 0) {
      this.chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this._position += chunk.byteLength;
    }
    return this;
  }

  take(): Uint8Array[] {
    const taken = this.chunks;
    this.chunks = [];
    return taken;
  }
}

const SCALAR_TYPES = { text: Utf8, int: Int32, double: Float64, bool: Bool, date: DateDay } as const;

interface ArrowColumn {
  column: ExportColumn;
  field: Field;
  /** An enum's dictionary, the same vector in every batch, so the stream carries it once. */
  dictionary?: Vector<Utf8>;
}

function arrowColumns(columns: readonly ExportColumn[]): ArrowColumn[] {
  return columns.map((column, id) => {
    if (column.kind !== 'enum') {
      return { column, field: new Field(column.name, new SCALAR_TYPES[column.kind](), true) };
    }
    const type = new Dictionary(new Utf8(), new Int16(), id);
    return {
      column,
      field: new Field(column.name, type, true),
      dictionary: vectorFromArray([...column.values!], new Utf8()),
    };
  });
}

/** Null bitmap (LSB first) of `valid`, and how many are null. */
function validity(valid: boolean[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(valid.length / 8));
  let nullCount = 0;
  valid.forEach((isValid, index) => {
    if (isValid) nullBitmap[index >> 3] |= 1 << (index & 7);
    else nullCount++;
  });
  return { nullBitmap, nullCount };
}

function columnData({ column, field, dictionary }: ArrowColumn, rows: ExportRow[]): Data {
  const values = rows.map((row) => columnValue(column, row[column.name]));
  if (dictionary) {
    const positions = new Map(column.values!.map((value, index) => [value, index]));
    const indices = Int16Array.from(values, (value) => (value === null ? 0 : positions.get(value as string)!));
    return makeData({
      type: field.type as Dictionary<Utf8, Int16>,
      length: rows.length,
      data: indices,
      dictionary,
      ...validity(values.map((value) => value !== null)),
    });
  }
  const typed =
    column.kind === 'date' ? values.map((value) => (value === null ? null : new Date(`${value}T00:00:00Z`))) : values;
  return vectorFromArray(typed, field.type as DataType).data[0];
}

/** Apache Arrow IPC stream: the schema, each enum's dictionary once, then one record batch per batch of rows. */
export function arrowEncoding(columns: readonly ExportColumn[]): BatchEncoding {
  const fields = arrowColumns(columns);
  const schema = new Schema(fields.map((column) => column.field));
  const writer = new ChunkWriter();
  const batchOf = (rows: ExportRow[]) =>
    new RecordBatch(
      schema,
      makeData({
        type: new Struct(schema.fields),
        length: rows.length,
        nullCount: 0,
        children: fields.map((column) => columnData(column, rows)),
      }),
    );
  let started = false;
  return {
    batch(rows) {
      writer.write(batchOf(rows));
      started = true;
      return writer.take();
    },
    end() {
      // a stream without rows still carries its schema, so readers know the columns
      if (!started) writer.write(batchOf([]));
      writer.finish();
      return writer.take();
    },
  };
}

export const arrowFormatter = (columns: readonly ExportColumn[]) => batchEncoder(arrowEncoding(columns));
