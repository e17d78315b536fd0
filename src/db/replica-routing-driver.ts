import { type ConnectionType, type PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { currentReadScope } from './read-scope';
import type { ReplicaHealth } from './replica-health';

/**
 * The PostgreSQL driver, choosing the server of each read (MikroORM asks for a 'read' connection for every query outside
 * a transaction; writes and transactions always take the primary):
 * - a request that wrote (or reads consent-governed data) reads on the primary from then on (./read-scope.ts);
 * - otherwise it reads on one replica, the same for all its statements, among those whose last check answered;
 * - with no replica answering (or none configured), on the primary: reads stay served while a replica is down.
 */
export class ReplicaRoutingDriver extends PostgreSqlDriver {
  private health?: ReplicaHealth;

  /** From now on, reads go only to the replicas `health` finds up; closing the ORM closes it too. */
  routeReadsBy(health: ReplicaHealth): void {
    this.health = health;
  }

  get replicaHealth(): ReplicaHealth | undefined {
    return this.health;
  }

  override getConnection(type: ConnectionType = 'write'): PostgreSqlConnection {
    if (type === 'write' || this.replicas.length === 0) return this.connection;
    const scope = currentReadScope();
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
