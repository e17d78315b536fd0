import type { Knex } from '@mikro-orm/postgresql';
import { type RequestSignal, type ScopedClient, STATEMENT_SIGNAL } from './request-scope';

/** A statement's text in knex's form (`?`) and in PostgreSQL's (`$1`, `$2`, ...), and the name it is prepared under. */
export interface PooledStatement {
  sql: string;
  native: string;
  name: string | undefined;
}

/** The parts of knex's client this sends through: its pool, its events; a request's view carries its scope. */
interface PooledClient extends ScopedClient {
  acquireConnection(): Promise<PooledConnection>;
  releaseConnection(connection: PooledConnection): Promise<void>;
  emit(event: string, ...args: unknown[]): boolean;
}

interface PooledConnection {
  __knexUid?: string;
  __knexTxId?: string;
  query(config: object, callback: (error: Error | null, result?: { rows: Record<string, unknown>[] }) => void): void;
}

/** node-postgres' config of one statement (what knex's driver call makes), with the request's signal when known. */
interface StatementConfig {
  text: string;
  values: unknown[];
  name?: string;
  [STATEMENT_SIGNAL]?: RequestSignal;
}

/**
 * The rows of `statement` with `values`, sent on a connection of knex's pool as knex sends a raw statement (the
 * config its driver call makes, so the pool's statement guard and timeouts apply; the same `query` and `query-error`
 * events, which the statement counter of the tests and any listener see; errors prefixed with the statement, as knex
 * does), without knex's runner: its builder, its `?` to `$n` rewriting and its promise chain cost more per request
 * than the call. The request's signal comes with `knex` when it is a request's (src/db/scoped-knex.ts).
 * In a transaction, knex's path: the statement must run on the transaction's connection.
 */
export function pooledRows(
  knex: Knex,
  statement: PooledStatement,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  if (knex.isTransaction) return transactionRows(knex, statement, values);
  const client = knex.client as unknown as PooledClient;
  const free = client.freeConnection?.() as PooledConnection | undefined;
  if (free) return send(client, free, statement, values);
  return client.acquireConnection().then((connection) => send(client, connection, statement, values));
}

async function transactionRows(knex: Knex, statement: PooledStatement, values: unknown[]) {
  const raw = knex.raw(statement.sql, values as Knex.RawBinding[]);
  const result = await (statement.name ? raw.options({ name: statement.name }) : raw);
  return (result as { rows: Record<string, unknown>[] }).rows;
}

function send(
  client: PooledClient,
  connection: PooledConnection,
  statement: PooledStatement,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  const event = {
    __knexUid: connection.__knexUid,
    __knexTxId: connection.__knexTxId,
    method: 'raw',
    sql: statement.native,
    bindings: values,
    ...(statement.name && { options: { name: statement.name } }),
  };
  const config: StatementConfig = { text: statement.native, values };
  if (statement.name) config.name = statement.name;
  if (client.requestScope) config[STATEMENT_SIGNAL] = client.requestScope.signal;
  return new Promise((resolve, reject) => {
    const settle = (error: Error | null, result?: { rows: Record<string, unknown>[] }) => {
      void client.releaseConnection(connection);
      if (!error) return resolve(result!.rows);
      error.message = `${statement.native} - ${error.message}`;
      client.emit('query-error', error, { ...event });
      reject(error);
    };
    client.emit('query', event);
    try {
      connection.query(config, settle);
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
