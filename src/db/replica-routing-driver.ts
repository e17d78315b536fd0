import {
  type AnyEntity,
  type ConnectionType,
  type EntityData,
  type Knex,
  type LoggingOptions,
  type PostgreSqlConnection,
  PostgreSqlDriver,
  type QueryResult,
  type Transaction,
} from '@mikro-orm/postgresql';
import type { ReadScope } from './read-scope';
import type { ReplicaHealth } from './replica-health';
import type { RequestScope } from '../common/request-scope';
import { currentTransactionScope } from './transaction-scope';
import { scopedConnection } from './scoped-knex';

/**
 * The PostgreSQL driver, choosing the server of each read (MikroORM asks for a 'read' connection for every query outside
 * a transaction; writes and transactions always take the primary):
 * - a request that wrote (or reads consent-governed data) reads on the primary from then on (./read-scope.ts);
 * - otherwise it reads on one replica, the same for all its statements, among those whose last check answered;
 * - with no replica answering (or none configured), on the primary: reads stay served while a replica is down.
 * A request's view of the driver (`forRequest`) knows its scope; the shared driver finds one only in a transaction.
 */
export class ReplicaRoutingDriver extends PostgreSqlDriver {
  private health?: ReplicaHealth;
  /** Set on a request's view of the driver only (forRequest). */
  declare readonly requestScope?: RequestScope;

  /** From now on, reads go only to the replicas `health` finds up; closing the ORM closes it too. */
  routeReadsBy(health: ReplicaHealth): void {
    this.health = health;
  }

  get replicaHealth(): ReplicaHealth | undefined {
    return this.health;
  }

  /**
   * This driver as the request of `scope` uses it: its connections are the request's views (./scoped-knex.ts), whose
   * statements obey the request's signal, and its reads stick to the request's server.
   */
  forRequest(scope: RequestScope): ReplicaRoutingDriver {
    return Object.assign(Object.create(this) as ReplicaRoutingDriver, { requestScope: scope });
  }

  override getConnection(type: ConnectionType = 'write'): PostgreSqlConnection {
    const scope = this.requestScope;
    if (!scope) return this.connectionFor(type, currentTransactionScope());
    return scopedConnection(this.connectionFor(type, scope), scope);
  }

  /** `em.execute` runs on the primary, in the request's view of it when there is one. */
  override execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params?: unknown[],
    method?: 'all' | 'get' | 'run',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    const scope = this.requestScope;
    if (!scope) return super.execute<T>(queryOrKnex, params, method, ctx, loggerContext);
    const connection = scopedConnection(this.connection, scope);
    return this.rethrow(connection.execute<T>(queryOrKnex, params, method, ctx, loggerContext));
  }

  /** The server of a statement of `type` for the request of `scope` (none: scripts, the CLI, background work). */
  private connectionFor(type: ConnectionType, scope: ReadScope | undefined): PostgreSqlConnection {
    if (type === 'write' || this.replicas.length === 0) return this.connection;
    if (scope?.primary) return this.connection;
    const chosen = scope?.replica as PostgreSqlConnection | undefined;
    if (chosen && this.answers(chosen)) return chosen;
    const answering = this.replicas.filter((replica) => this.answers(replica));
    if (!answering.length) return this.connection;
    const replica = answering[Math.floor(Math.random() * answering.length)];
    if (scope) scope.replica = replica;
    return replica;
  }

  private answers(replica: PostgreSqlConnection): boolean {
    return this.health?.isUp(this.replicas.indexOf(replica)) ?? true;
  }

  override async close(force?: boolean): Promise<void> {
    await this.health?.close();
    await super.close(force);
  }
}
