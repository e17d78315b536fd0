import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestSignal } from './request-signal';

/**
 * What the database layer knows of the request whose code is running: where its reads go (read-scope.ts) and when its
 * SQL must stop (request-signal.ts). One async-local store for both: on Node 20 each enabled AsyncLocalStorage is
 * copied into every promise the process creates, so a second one would double that cost for every request.
 */
export interface RequestScope {
  /** Set once the request must see the primary's latest state: from then on it reads there. */
  primary: boolean;
  /** The replica its reads went to: one per request, so a later statement never sees older data than an earlier one. */
  replica?: object;
  /** Aborts when the request is given up (timed out, or its client went away). */
  signal?: RequestSignal;
}

const requestScopes = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work`, and everything it starts, as one request: reads on a replica until it asks for the primary, and SQL that
 * stops once `signal` aborts.
 */
export function inRequestScope<T>(signal: RequestSignal | undefined, work: () => T): T {
  return requestScopes.run({ primary: false, signal }, work);
}

/** The scope of the request whose code is running, if any (none: scripts, the CLI, background work). */
export function currentRequestScope(): RequestScope | undefined {
  return requestScopes.getStore();
}
