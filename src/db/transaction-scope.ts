import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext } from '@mikro-orm/core';
import type { RequestScope } from '../common/request-scope';

/**
 * The scope of a transaction's statements: knex makes a client of its own for each transaction (see scoped-knex.ts),
 * so the statements MikroORM runs in one find their request here.
 */
const transactionScopes = new AsyncLocalStorage<RequestScope>();

/** Transactions running now: the async-local stores are switched off whenever none is. */
let running = 0;

function settled(): void {
  if (--running > 0) return;
  transactionScopes.disable();
  (TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> }).storage.disable();
}

/**
 * Every `em.transactional` (MikroORM enters its own TransactionContext store in it) runs in the scope of the request
 * whose EntityManager starts it, and once no transaction runs both stores are disabled again: on Node 20 the async
 * hooks stay on for every promise of the process while any store is enabled, so without this the first mutation
 * would slow every later read. All transactions are counted (the CLI's and background work's too): MikroORM's store
 * is never disabled while a transaction still looks its EntityManager up there.
 */
const create = TransactionContext.create.bind(TransactionContext);
TransactionContext.create = <T>(em: Parameters<typeof create>[0], next: () => T): T => {
  const scope = (em.getDriver() as { requestScope?: RequestScope }).requestScope ?? currentTransactionScope();
  running++;
  let result: T;
  try {
    result = scope ? transactionScopes.run(scope, create, em, next) : create(em, next);
  } catch (error) {
    settled();
    throw error;
  }
  if (result instanceof Promise) return result.finally(settled) as T;
  settled();
  return result;
};

/** The scope of the transaction whose code is running, if any (none outside transactions: reads carry theirs). */
export function currentTransactionScope(): RequestScope | undefined {
  return transactionScopes.getStore();
}
