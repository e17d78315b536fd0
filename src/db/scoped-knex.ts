import type { Knex } from '@mikro-orm/postgresql';
import { type RequestScope, type ScopedClient as ClientScope, STATEMENT_SIGNAL } from '../common/request-scope';

/** The parts of a knex function this reads: its context, whose client every builder it starts is given. */
interface KnexFunction {
  context: { client: ScopedClient; queryBuilder(): Knex.QueryBuilder };
  client: ScopedClient;
}

interface KnexQueryObject {
  sql?: string;
  bindings?: unknown[];
  options?: object;
  response?: unknown;
}

interface PgConnection {
  query(config: object, callback: (error: Error | null, response: unknown) => void): unknown;
}

/** knex's client of a pool, or a request's view of it (which has `requestScope`). */
interface ScopedClient extends ClientScope {
  _query(connection: PgConnection, obj: KnexQueryObject): Promise<KnexQueryObject>;
}

/**
 * knex's PostgreSQL driver call (`Client_PG._query`), with the signal of the request the client belongs to on the
 * statement's config: the statement guard obeys it (statement-guard.ts).
 */
function queryInScope(this: ScopedClient, connection: PgConnection, obj: KnexQueryObject): Promise<KnexQueryObject> {
  if (!obj.sql) throw new Error('The query is empty');
  const config = {
    text: obj.sql,
    values: obj.bindings || [],
    ...obj.options,
    [STATEMENT_SIGNAL]: this.requestScope!.signal,
  };
  return new Promise((resolve, reject) => {
    connection.query(config, (error, response) => {
      if (error) return reject(error);
      obj.response = response;
      resolve(obj);
    });
  });
}

/**
 * `knex` as the request of `scope` uses it: a callable like knex's own, whose builders run on a view of its client
 * that carries the scope (the pool, the driver, the events and every other part are the client's). Made once per
 * request and connection (a knex instance is costlier: knex defines a hundred methods on each); knex's transactions
 * make a client of their own, whose statements find the scope async-locally (request-scope.ts).
 */
export function scopedKnex(knex: Knex, scope: RequestScope): Knex {
  const base = knex as unknown as KnexFunction;
  const client = Object.create(base.client) as ScopedClient;
  client.requestScope = scope;
  client._query = queryInScope;
  const context = Object.create(base.context) as KnexFunction['context'];
  context.client = client;
  const scoped = function (tableName?: string, options?: unknown) {
    const builder = context.queryBuilder();
    return tableName ? builder.table(tableName, options as never) : builder;
  };
  Object.setPrototypeOf(scoped, knex);
  (scoped as unknown as KnexFunction).context = context;
  return scoped as unknown as Knex;
}

/** The scope `knex` carries, if it is a request's (scopedKnex). */
export function scopeOfKnex(knex: Knex): RequestScope | undefined {
  return (knex.client as ScopedClient).requestScope;
}

/** A connection of MikroORM's (its knex is its `client`). */
interface KnexConnection {
  getKnex(): Knex;
}

/**
 * `connection` as the request of `scope` uses it: its knex is scopedKnex's, everything else is the connection's.
 * One per request and connection.
 */
export function scopedConnection<C extends KnexConnection>(connection: C, scope: RequestScope): C {
  const views = (scope.views ??= new Map());
  let view = views.get(connection) as C | undefined;
  if (!view) {
    view = Object.create(connection) as C;
    (view as C & { client: Knex }).client = scopedKnex(connection.getKnex(), scope);
    views.set(connection, view);
  }
  return view;
}
