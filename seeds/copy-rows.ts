import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ReferenceKind,
  type EntityClass,
  type EntityManager,
  type EntityProperty,
  type Knex,
} from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A row as `em.insertMany` takes it: values by property name, relations by the related row's id; absent is NULL. */
export type CopyRow<T> = { [K in keyof T]?: unknown };

type Encoder = (value: unknown) => string;

/** Characters of COPY text sent per write: few writes, and the stream's buffer stays small. */
const CHUNK_CHARS = 256 * 1024;
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** Column types whose values can hold any character; the others (uuid, numbers, enums, dates) never need escaping. */
const FREE_TEXT = /^(varchar|character|text|json)|\[\]$/;

function plainText(value: unknown): string {
  return String(value);
}

function arrayLiteral(items: unknown[]): string {
  return `{${items.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

function escapedText(value: unknown): string {
  const text = Array.isArray(value)
    ? arrayLiteral(value)
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : text;
}

/** How a property's values are written in COPY's text format: `\N` for NULL, free text escaped. */
function encoderFor(prop: EntityProperty): Encoder {
  const text = FREE_TEXT.test(prop.columnTypes[0] ?? '') ? escapedText : plainText;
  // every row of a seed carries the same timestamps: format each once
  let lastDate: Date | undefined;
  let lastStamp = '';
  return (value) => {
    if (value === null || value === undefined) return '\\N';
    if (typeof value === 'boolean') return value ? 't' : 'f';
    if (value instanceof Date) {
      if (value !== lastDate) [lastDate, lastStamp] = [value, value.toISOString()];
      return lastStamp;
    }
    return text(value);
  };
}

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
    encoders: props.map(encoderFor),
  };
}

/** The pg connection of the entity manager's transaction: COPY must run in it to see (and be undone with) its writes. */
async function transactionConnection(em: EntityManager): Promise<Client> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('copyRows runs inside a transaction');
  return (await transaction.client.acquireConnection()) as Client;
}

/**
 * Streams rows of `entity` into its table with `COPY ... FROM STDIN` on the transaction's connection, taking them
 * from `rows` as the server takes them, so memory stays flat however many there are (a generator may hand the same
 * object again: each is written out before the next is asked for). `freeze`: the table was truncated in this
 * transaction, so the rows can be written frozen and never need a vacuum's rewrite. Returns the number of rows.
 */
export async function copyRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Iterable<CopyRow<T>>,
  { freeze = false } = {},
): Promise<number> {
  const { table, properties, columns, encoders } = copyColumns(em, entity);
  const connection = await transactionConnection(em);
  const names = columns.map((column) => `"${column}"`).join(', ');
  const copy = connection.query(copyFrom(`copy "${table}" (${names}) from stdin${freeze ? ' with (freeze)' : ''}`));
  const last = properties.length - 1;
  function* chunks() {
    let chunk = '';
    for (const row of rows) {
      for (let i = 0; i < last; i++) chunk += encoders[i](row[properties[i]]) + '\t';
      chunk += encoders[last](row[properties[last]]) + '\n';
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), copy);
  return copy.rowCount;
}
