import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext, UnitOfWork } from '@mikro-orm/core';
import type { RequestScope } from '../common/request-scope';

/**
 * The scope of a transaction's statements when its client has no request's config (scoped-knex.ts gives one to the
 * transactions started on a request's view, which is every transaction of a request's EntityManager).
 */
const transactionScopes = new AsyncLocalStorage<RequestScope>();

/**
 * MikroORM's own stores: its TransactionContext's (entered by `em.transactional`), and the one its unit of work marks
 * a running flush with (not exported: found at the first flush).
 */
const mikroOrmStores = new Set<AsyncLocalStorage<unknown>>([
  (TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> }).storage,
]);
let flushStoreFound = false;

/** Transactions and flushes running now: the stores are disabled whenever none is. */
let running = 0;

function settled(): void {
  if (--running > 0) return;
  transactionScopes.disable();
  for (const store of mikroOrmStores) store.disable();
}

/** `work`, counted as running until it (or the promise it returns) settles. */
function counted<T>(work: () => T): T {
  running++;
  let result: T;
  try {
    result = work();
  } catch (error) {
    settled();
    throw error;
  }
  if (result instanceof Promise) return result.finally(settled) as T;
  settled();
  return result;
}

/**
 * On Node 20 the async hooks run for every promise of the process while any AsyncLocalStorage is enabled, and one
 * stays enabled once entered: without this, the first mutation would slow every later read. So every
 * `em.transactional` runs in the scope of the request whose EntityManager starts it, every transaction and flush is
 * counted (the CLI's and background work's too), and once none runs the stores above are disabled again; none is
 * disabled while a transaction or flush still reads it.
 */
const create = TransactionContext.create.bind(TransactionContext);
TransactionContext.create = <T>(em: Parameters<typeof create>[0], next: () => T): T => {
  const scope = (em.getDriver() as { requestScope?: RequestScope }).requestScope ?? currentTransactionScope();
  return counted(() => (scope ? transactionScopes.run(scope, create, em, next) : create(em, next)));
};

const commit = UnitOfWork.prototype.commit;
UnitOfWork.prototype.commit = function (this: UnitOfWork): Promise<void> {
  return counted(() => (flushStoreFound ? commit.call(this) : findingFlushStore(() => commit.call(this))));
};

/** Runs `work`, taking the first store it runs synchronously as the flush's (a flush enters it first). */
function findingFlushStore<T>(work: () => T): T {
  const prototype = AsyncLocalStorage.prototype as AsyncLocalStorage<unknown>;
  const run = prototype.run;
  prototype.run = function (this: AsyncLocalStorage<unknown>, ...args: Parameters<typeof run>) {
    prototype.run = run;
    mikroOrmStores.add(this);
    flushStoreFound = true;
    return run.apply(this, args);
  } as typeof run;
  try {
    return work();
  } finally {
    prototype.run = run;
  }
}

/** The scope of the transaction whose code is running, if any (none outside transactions: reads carry theirs). */
export function currentTransactionScope(): RequestScope | undefined {
  return transactionScopes.getStore();
}
