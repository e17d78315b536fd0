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
  acquireConnection(): Promise<unknown>;
  pool?: TarnPool;
  config: { pool?: { validate?: (connection: unknown) => unknown; maxConnectionLifetimeMillis?: number } };
  connectionConfigExpirationChecker?: unknown;
  validateConnection(connection: unknown): unknown;
}

/** The parts of tarn's pool (knex's) a connection is taken from at once. */
interface TarnPool {
  destroyed: boolean;
  free: { resource: PgConnection & { __knex__disposed?: unknown } }[];
  used: unknown[];
  pendingAcquires: unknown[];
  emitter: { listenerCount(event: string): number };
  _startReaping(): void;
}

/**
 * A free connection of the client's pool, taken as tarn hands one out when nobody waits for one (the last freed,
 * checked by knex's validation first), but without tarn's and knex's promise chain: two pending operations, each a
 * timeout promise with its timer, and the validation's promises, about 15 promises for every statement. Nothing
 * when tarn must decide (a connection to create, others waiting, a validation knex runs asynchronously, listeners of
 * the pool's events): then the caller acquires as knex does.
 */
function freeConnection(this: ScopedClient): PgConnection | undefined {
  const pool = this.pool;
  if (!pool || pool.destroyed || pool.pendingAcquires.length > 0 || pool.free.length === 0) return undefined;
  if (this.connectionConfigExpirationChecker || this.config.pool?.maxConnectionLifetimeMillis) return undefined;
  if (pool.emitter.listenerCount('acquireRequest') + pool.emitter.listenerCount('acquireSuccess') > 0) return undefined;
  const free = pool.free[pool.free.length - 1];
  const connection = free.resource;
  if (connection.__knex__disposed) return undefined;
  const validate = this.config.pool?.validate;
  if (validate && validate(connection) !== true) return undefined;
  if (this.validateConnection(connection) !== true) return undefined;
  pool.free.pop();
  pool.used.push(free);
  pool._startReaping();
  return connection;
}

/** knex's `acquireConnection`, answered at once when a free connection can be taken (freeConnection). */
function acquireConnection(this: ScopedClient): Promise<unknown> {
  const connection = freeConnection.call(this);
  if (connection) return Promise.resolve(connection);
  return (Object.getPrototypeOf(this) as ScopedClient).acquireConnection.call(this);
}

/** The key under which a request's view of knex's client keeps the scope in its own config (shared with knex's
 * transaction clients, which knex gives the config of the client they start from). */
const CONFIG_SCOPE = Symbol('request scope');

interface ScopedConfig {
  [CONFIG_SCOPE]?: RequestScope;
}

type DriverCall = (this: ScopedClient, connection: PgConnection, obj: KnexQueryObject) => Promise<KnexQueryObject>;

/** The dialects' prototypes whose driver call is queryInScope's. */
const patched = new WeakSet<object>();

/**
 * knex's PostgreSQL driver call (`Client_PG._query`), with the signal of the request whose view of the client (or
 * whose transaction's client) sends it on the statement's config: the statement guard obeys it (statement-guard.ts).
 * Every other client sends as knex does.
 */
function patchDriverCall(prototype: { _query: DriverCall }): void {
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const original = prototype._query;
  prototype._query = function queryInScope(connection, obj) {
    const scope = (this.config as ScopedConfig)[CONFIG_SCOPE];
    if (!scope) return original.call(this, connection, obj);
    if (!obj.sql) throw new Error('The query is empty');
    const config = { text: obj.sql, values: obj.bindings || [], ...obj.options, [STATEMENT_SIGNAL]: scope.signal };
    return new Promise((resolve, reject) => {
      connection.query(config, (error, response) => {
        if (error) return reject(error);
        obj.response = response;
        resolve(obj);
      });
    });
  };
}

/**
 * `knex` as the request of `scope` uses it: a callable like knex's own, whose builders run on a view of its client
 * that carries the scope in a config of its own (the pool, the driver, the events and every other part are the
 * client's). Made once per request and connection (a knex instance is costlier: knex defines a hundred methods on
 * each). knex's transactions started on it make their client with that config, so their statements (an export's,
 * a mutation's) carry the scope too.
 */
export function scopedKnex(knex: Knex, scope: RequestScope): Knex {
  const base = knex as unknown as KnexFunction;
  patchDriverCall(
    (base.client as unknown as { constructor: { prototype: { _query: DriverCall } } }).constructor.prototype,
  );
  const client = Object.create(base.client) as ScopedClient;
  client.requestScope = scope;
  client.config = Object.create(base.client.config) as ScopedClient['config'];
  (client.config as ScopedConfig)[CONFIG_SCOPE] = scope;
  client.acquireConnection = acquireConnection;
  client.freeConnection = freeConnection;
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
