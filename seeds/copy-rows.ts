import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReferenceKind, type EntityClass, type EntityManager, type Knex } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { binaryRows, type ColumnType, type CopyFormat, type CopyRow } from './copy-binary';
import { BINARY_HEADER, BINARY_TRAILER } from './copy-binary-writer';

export type { CopyFormat, CopyRow } from './copy-binary';

/** The table and the columns of an entity, as MikroORM maps them: every stored scalar and owning to-one relation. */
function copyColumns<T extends object>(em: EntityManager, entity: EntityClass<T>) {
  const meta = em.getMetadata().get<T>(entity.name);
  const props = meta.props.filter(
    (prop) =>
      prop.persist !== false &&
      !prop.formula &&
      (prop.kind === ReferenceKind.SCALAR ||
        prop.kind === ReferenceKind.MANY_TO_ONE ||
        (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)),
  );
  const composite = props.find((prop) => prop.fieldNames.length !== 1);
  if (composite) throw new Error(`copyRows: ${meta.className}.${composite.name} spans several columns`);
  return {
    table: meta.tableName,
    properties: props.map((prop) => prop.name as keyof T & string),
    columns: props.map((prop) => prop.fieldNames[0]),
  };
}

/** The columns' types as PostgreSQL defines them (the binary format is the server's own representation). */
async function columnTypes(em: EntityManager, table: string, columns: string[]): Promise<ColumnType[]> {
  const rows = await em.execute<
    (Omit<ColumnType, 'element'> & { element_oid: number | null; element_type: string; element_kind: string })[]
  >(
    `select a.attname as name, t.typname as type, t.typtype as "typeKind", a.atttypmod as "typeModifier",
       e.oid::int as element_oid, e.typname as element_type, e.typtype as element_kind
     from pg_attribute a join pg_type t on t.oid = a.atttypid
     left join pg_type e on t.typcategory = 'A' and e.oid = t.typelem
     where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped`,
    [`"${table}"`],
  );
  return columns.map((column) => {
    const row = rows.find((candidate) => candidate.name === column);
    if (!row) throw new Error(`copyRows: ${table} has no column ${column}`);
    const { element_oid, element_type, element_kind, ...type } = row;
    return element_oid === null
      ? type
      : { ...type, element: { oid: element_oid, type: element_type, typeKind: element_kind } };
  });
}

/** The pg connection of the entity manager's transaction: COPY must run in it to see (and be undone with) its writes. */
async function transactionConnection(em: EntityManager): Promise<Client> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('copyRows runs inside a transaction');
  return (await transaction.client.acquireConnection()) as Client;
}

/** The COPY format of `entity`'s rows, as MikroORM maps it and PostgreSQL types its columns. */
export async function copyFormat<T extends object>(em: EntityManager, entity: EntityClass<T>): Promise<CopyFormat> {
  const { table, properties, columns } = copyColumns(em, entity);
  return { table, properties, columns, types: await columnTypes(em, table, columns) };
}

/**
 * Streams rows in COPY's binary format (binaryRows' chunks) into the format's table with `COPY ... FROM STDIN` on
 * the transaction's connection, as the server takes them. `freeze`: the table was truncated in this transaction, so
 * the rows can be written frozen and never need a vacuum's rewrite. Returns the number of rows.
 */
export async function copyBinary(
  em: EntityManager,
  format: CopyFormat,
  chunks: Iterable<Buffer>,
  { freeze = false } = {},
): Promise<number> {
  const connection = await transactionConnection(em);
  const names = format.columns.map((column) => `"${column}"`).join(', ');
  const copy = connection.query(
    copyFrom(`copy "${format.table}" (${names}) from stdin with (format binary${freeze ? ', freeze' : ''})`),
  );
  function* framed() {
    yield BINARY_HEADER;
    yield* chunks;
    yield BINARY_TRAILER;
  }
  await pipeline(Readable.from(framed(), { objectMode: false }), copy);
  return copy.rowCount;
}

/**
 * Streams rows of `entity` into its table with COPY in the binary format on the transaction's connection, taking
 * them from `rows` as the server takes them, so memory stays flat however many there are (copyBinary, binaryRows).
 * Returns the number of rows.
 */
export async function copyRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Iterable<CopyRow<T>>,
  options: { freeze?: boolean } = {},
): Promise<number> {
  const format = await copyFormat(em, entity);
  return copyBinary(em, format, binaryRows(format, rows), options);
}
