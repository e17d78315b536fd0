import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext } from '@mikro-orm/core';
import type { RequestSignal } from './request-signal';

/**
 * What the database layer knows of one request: where its reads go (read-scope.ts) and when its SQL must stop
 * (request-signal.ts). The read path is handed it (the request's ReadSource and its EntityManager carry it:
 * scoped-knex.ts), so a request that only reads never enters an AsyncLocalStorage: on Node 20 an enabled one runs
 * async hooks for every promise the process creates, whichever request made it.
 */
export class RequestScope {
  /** Set once the request must see the primary's latest state: from then on it reads there. */
  primary = false;
  /** The replica its reads went to: one per request, so a later statement never sees older data than an earlier one. */
  replica?: object;
  /** The request's views of the connections it used (scoped-knex.ts), made once per connection. */
  views?: Map<object, object>;

  /** `signal` aborts when the request is given up (timed out, or its client went away). */
  constructor(readonly signal?: RequestSignal) {}
}

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
  const scope = (em.getDriver() as { requestScope?: RequestScope }).requestScope ?? currentRequestScope();
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
export function currentRequestScope(): RequestScope | undefined {
  return transactionScopes.getStore();
}
