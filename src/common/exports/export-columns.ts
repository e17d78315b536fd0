/**
 * What a column holds, so every format can type it: text, whole numbers, doubles (decimals from `numeric`, read as
 * the nearest double, as the GraphQL API's Float), booleans, calendar dates (`YYYY-MM-DD`), or one value of a closed
 * list (an enum: dictionary-encoded in Arrow and Parquet).
 */
export type ColumnKind = 'text' | 'int' | 'double' | 'bool' | 'date' | 'enum';

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
  /** An enum's values, in the order its dictionary lists them. */
  values?: readonly string[];
}

export type ExportValue = string | number | boolean | null;
export type ExportRow = Record<string, unknown>;

export const text = (name: string): ExportColumn => ({ name, kind: 'text' });
export const int = (name: string): ExportColumn => ({ name, kind: 'int' });
export const double = (name: string): ExportColumn => ({ name, kind: 'double' });
export const bool = (name: string): ExportColumn => ({ name, kind: 'bool' });
export const date = (name: string): ExportColumn => ({ name, kind: 'date' });
export const enumOf = (name: string, values: Record<string, string>): ExportColumn => ({
  name,
  kind: 'enum',
  values: Object.values(values),
});

/**
 * A database value as the column's JavaScript value: numbers from PostgreSQL's text (numeric, bigint) as numbers,
 * dates as `YYYY-MM-DD` text (queries select them as text, so no time zone ever shifts them).
 */
export function columnValue(column: ExportColumn, raw: unknown): ExportValue {
  if (raw === null || raw === undefined) return null;
  switch (column.kind) {
    case 'int':
    case 'double':
      return Number(raw);
    case 'bool':
      return Boolean(raw);
    default:
      return String(raw);
  }
}
