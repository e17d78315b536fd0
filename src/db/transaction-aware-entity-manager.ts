import { type ConnectionType, EntityManager, type Knex, type PostgreSqlDriver } from '@mikro-orm/postgresql';

/**
 * The project's EntityManager. `getKnex()` is what the read paths build their SQL on:
 * - inside a transaction it is that transaction, so that SQL runs in it too (on its connection, seeing its writes)
 *   instead of on a second pooled connection beside it. Every mutation runs in a transaction from start to end
 *   (src/http/mutation-transaction.ts), and a mutation that needed two connections could wait for the pool forever
 *   under load;
 * - outside one it is a read connection (a replica's, or the primary's: see replica-routing-driver.ts), like MikroORM's
 *   own `find`. Plain SQL that writes outside a transaction asks for `getKnex('write')`.
 */
export class TransactionAwareEntityManager extends EntityManager<PostgreSqlDriver> {
  override getKnex(type: ConnectionType = 'read'): Knex {
    return this.getTransactionContext<Knex.Transaction>() ?? super.getKnex(type);
  }
}
