import { type ConnectionType, EntityManager, type Knex, type PostgreSqlDriver } from '@mikro-orm/postgresql';

/**
 * The project's EntityManager: inside a transaction, `getKnex()` is that transaction, so the plain SQL the read paths
 * build runs in it too (on its connection, seeing its writes) instead of on a second pooled connection beside it.
 * Every mutation runs in a transaction from start to end (src/http/mutation-transaction.ts), and a mutation that
 * needed two connections could wait for the pool forever under load.
 */
export class TransactionAwareEntityManager extends EntityManager<PostgreSqlDriver> {
  override getKnex(type?: ConnectionType): Knex {
    return this.getTransactionContext<Knex.Transaction>() ?? super.getKnex(type);
  }
}
