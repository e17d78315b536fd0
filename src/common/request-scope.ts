/** What the SQL layer obeys of a request: whether it was given up, and a call when it is. */
export interface RequestSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * What the database layer knows of one request: where its reads go (src/db/read-scope.ts) and when its SQL must stop
 * (src/db/statement-guard.ts). The read path is handed it (the request's context, its ReadSource and its
 * EntityManager carry it: src/db/scoped-knex.ts), so a request that only reads never enters an AsyncLocalStorage: on
 * Node 20 an enabled one runs async hooks for every promise the process creates, whichever request made it.
 */
export class RequestScope {
  /** Set once the request must see the primary's latest state: from then on it reads there. */
  primary = false;
  /** The replica its reads went to: one per request, so a later statement never sees older data than an earlier one. */
  replica?: object;
  /** The request's views of the connections it used (src/db/scoped-knex.ts), made once per connection. */
  views?: Map<object, object>;

  /** `signal` aborts when the request is given up (timed out, or its client went away). */
  constructor(readonly signal?: RequestSignal) {}
}

/**
 * The key under which a statement's node-postgres config names the signal of its request, set on a config made for
 * that one statement (the statement guard may complete it in place). Without it, the statement runs in a
 * transaction, whose scope is async-local (src/db/transaction-scope.ts), or outside any request.
 */
export const STATEMENT_SIGNAL = Symbol('statement signal');

/** knex's client of a pool, or a request's view of it, which carries the request's scope. */
export interface ScopedClient {
  requestScope?: RequestScope;
  /** A request's view: a free connection of the pool taken at once, if one can be (src/db/scoped-knex.ts). */
  freeConnection?(): unknown;
}

/** A driver that can be seen as one request sees it (src/db/replica-routing-driver.ts). */
export interface RequestDriver {
  forRequest(scope: RequestScope): RequestDriver;
  getConnection(type: 'read' | 'write'): { getKnex(): unknown };
}
