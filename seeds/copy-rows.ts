import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReferenceKind, type EntityClass, type EntityManager, type Knex } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A row as `em.insertMany` takes it: values by property name, relations by the related row's id; absent is NULL. */
export type CopyRow<T> = { [K in keyof T]?: unknown };

/** Bytes of COPY text sent per write: few writes, and the stream's buffer stays small. */
const CHUNK_CHARS = 64 * 1024;
const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: `\N` for NULL, backslash, tab and line breaks escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  const text = Array.isArray(value)
    ? `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return SPECIAL.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
    : text;
}

/** The table and the columns of an entity, as MikroORM maps them: every stored scalar and owning to-one relation. */
export function copyColumns<T extends object>(em: EntityManager, entity: EntityClass<T>) {
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

/** The pg connection of the entity manager's transaction: COPY must run in it to see (and be undone with) its writes. */
async function transactionConnection(em: EntityManager): Promise<Client> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('copyRows runs inside a transaction');
  return (await transaction.client.acquireConnection()) as Client;
}

/**
 * Streams rows of `entity` into its table with `COPY ... FROM STDIN` on the transaction's connection, generating them
 * as the server takes them (memory stays flat however many there are). `freeze`: the table was truncated in this
 * transaction, so the rows can be written frozen and never need a vacuum's rewrite. Returns the number of rows.
 */
export async function copyRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Iterable<CopyRow<T>> | AsyncIterable<CopyRow<T>>,
  { freeze = false } = {},
): Promise<number> {
  const { table, properties, columns } = copyColumns(em, entity);
  const connection = await transactionConnection(em);
  const names = columns.map((column) => `"${column}"`).join(', ');
  const copy = connection.query(copyFrom(`copy "${table}" (${names}) from stdin${freeze ? ' with (freeze)' : ''}`));
  async function* chunks() {
    let chunk = '';
    for await (const row of rows) {
      chunk += properties.map((property) => copyText(row[property])).join('\t') + '\n';
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), copy);
  return copy.rowCount;
}
