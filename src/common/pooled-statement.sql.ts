import type { Knex } from '@mikro-orm/postgresql';

/** A statement's text in knex's form (`?`) and in PostgreSQL's (`$1`, `$2`, ...), and the name it is prepared under. */
export interface PooledStatement {
  sql: string;
  native: string;
  name: string | undefined;
}

/** The parts of knex's client this sends through: its pool, its events, its driver call. */
interface PooledClient {
  acquireConnection(): Promise<PooledConnection>;
  releaseConnection(connection: PooledConnection): Promise<void>;
  emit(event: string, ...args: unknown[]): boolean;
  _query(connection: PooledConnection, query: KnexQuery): Promise<{ response: { rows: Record<string, unknown>[] } }>;
}

interface PooledConnection {
  __knexUid?: string;
  __knexTxId?: string;
}

interface KnexQuery {
  method: 'raw';
  sql: string;
  bindings: unknown[];
  options?: { name: string };
}

/**
 * The rows of `statement` with `values`, sent on a connection of knex's pool as knex sends a raw statement (the same
 * driver call, so the pool's statement guard and timeouts apply; the same `query` and `query-error` events, which
 * the statement counter of the tests and any listener see; errors prefixed with the statement, as knex does), without
 * knex's runner: its builder, its `?` to `$n` rewriting and its promise chain cost more per request than the call.
 * In a transaction, knex's path: the statement must run on the transaction's connection.
 */
export async function pooledRows(
  knex: Knex,
  statement: PooledStatement,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  if (knex.isTransaction) {
    const raw = knex.raw(statement.sql, values as Knex.RawBinding[]);
    const result = await (statement.name ? raw.options({ name: statement.name }) : raw);
    return (result as { rows: Record<string, unknown>[] }).rows;
  }
  const client = knex.client as unknown as PooledClient;
  const connection = await client.acquireConnection();
  const query: KnexQuery = { method: 'raw', sql: statement.native, bindings: values };
  if (statement.name) query.options = { name: statement.name };
  const ids = { __knexUid: connection.__knexUid, __knexTxId: connection.__knexTxId };
  try {
    client.emit('query', { ...ids, ...query });
    return (await client._query(connection, query)).response.rows;
  } catch (error) {
    if (error instanceof Error) error.message = `${statement.native} - ${error.message}`;
    client.emit('query-error', error, { ...ids, ...query });
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}
