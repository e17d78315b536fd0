import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReferenceKind, type EntityClass, type EntityManager, type Knex } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { binaryEncoder, type ColumnType } from './copy-binary';
import { BINARY_HEADER, BINARY_TRAILER, BinaryCopyWriter } from './copy-binary-writer';

/** A row as `em.insertMany` takes it: values by property name, relations by the related row's id; absent is NULL. */
export type CopyRow<T> = { [K in keyof T]?: unknown };

/** Bytes of COPY data sent per write: few writes, and the stream's buffer stays small. */
const CHUNK_BYTES = 256 * 1024;

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

/**
 * Streams rows of `entity` into its table with `COPY ... FROM STDIN` in the binary format on the transaction's
 * connection, taking them from `rows` as the server takes them, so memory stays flat however many there are (a
 * generator may hand the same object again: each is written out before the next is asked for). `freeze`: the table
 * was truncated in this transaction, so the rows can be written frozen and never need a vacuum's rewrite. Returns
 * the number of rows.
 */
export async function copyRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Iterable<CopyRow<T>>,
  { freeze = false } = {},
): Promise<number> {
  const { table, properties, columns } = copyColumns(em, entity);
  const connection = await transactionConnection(em);
  const encoders = (await columnTypes(em, table, columns)).map(binaryEncoder);
  const names = columns.map((column) => `"${column}"`).join(', ');
  const copy = connection.query(
    copyFrom(`copy "${table}" (${names}) from stdin with (format binary${freeze ? ', freeze' : ''})`),
  );
  function* chunks() {
    yield BINARY_HEADER;
    const writer = new BinaryCopyWriter(CHUNK_BYTES);
    for (const row of rows) {
      writer.int16(properties.length);
      for (let i = 0; i < properties.length; i++) {
        const value = row[properties[i]];
        if (value === null || value === undefined) writer.null();
        else encoders[i](writer, value);
      }
      if (writer.chunks.length) yield* writer.chunks.splice(0);
    }
    writer.flush();
    yield* writer.chunks.splice(0);
    yield BINARY_TRAILER;
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), copy);
  return copy.rowCount;
}
