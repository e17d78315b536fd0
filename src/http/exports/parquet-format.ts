import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { batchEncoder, type BatchEncoding } from './batch-encoder';
import { columnValue, type ColumnKind, type ExportColumn, type ExportRow } from '../../common/exports/export-columns';

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** Enums are UTF-8 strings; the writer dictionary-encodes every column whose values repeat (enums always do). */
const PHYSICAL_TYPES: Record<ColumnKind, Omit<SchemaElement, 'name'>> = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  enum: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
  bool: { type: 'BOOLEAN' },
  date: { type: 'INT32', converted_type: 'DATE' },
};

/** Parquet: one row group per batch of rows, handed on as soon as it is written; the footer at the end. */
export function parquetEncoding(columns: readonly ExportColumn[]): BatchEncoding {
  const writer = new ByteWriter();
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
    ...columns.map((column) => ({
      name: column.name,
      repetition_type: 'OPTIONAL' as const,
      ...PHYSICAL_TYPES[column.kind],
    })),
  ];
  const parquet = new ParquetWriter({ writer, schema, createdBy: 'Climate Alliance partner API' });
  // the bytes written since the last take; the buffer is reused, its size stays that of one row group
  const take = () => {
    const bytes = Uint8Array.from(writer.getBytes());
    writer.index = 0;
    return [bytes];
  };
  return {
    batch(rows: ExportRow[]) {
      const columnData = columns.map((column) => ({
        name: column.name,
        data: rows.map((row) => {
          const value = columnValue(column, row[column.name]);
          return column.kind === 'date' && value !== null ? new Date(`${value}T00:00:00Z`) : value;
        }),
      }));
      void parquet.write({ columnData, rowGroupSize: rows.length });
      return take();
    },
    end() {
      void parquet.finish();
      return take();
    },
  };
}

export const parquetFormatter = (columns: readonly ExportColumn[]) => batchEncoder(parquetEncoding(columns));
