import { AsyncLocalStorage } from 'node:async_hooks';

/** What one request did so far that decides where its reads go (see replica-routing-driver.ts). */
export interface ReadScope {
  /** Set once the request must see the primary's latest state: from then on it reads there. */
  primary: boolean;
  /** The replica its reads went to: one per request, so a later statement never sees older data than an earlier one. */
  replica?: object;
}

const readScopes = new AsyncLocalStorage<ReadScope>();

/** Runs `work`, and everything it starts, as one request: reads on a replica until it asks for the primary. */
export function inReadScope<T>(work: () => T): T {
  return readScopes.run({ primary: false }, work);
}

/** The scope of the request whose code is running, if any (none: scripts, the CLI, background work). */
export function currentReadScope(): ReadScope | undefined {
  return readScopes.getStore();
}

/**
 * The rest of the running request reads on the primary: before its first write (so it reads its own writes), and
 * before reading what must never be seen late (a consent withdrawn applies from the very next request on).
 */
export function readOnPrimary(): void {
  const scope = readScopes.getStore();
  if (scope) scope.primary = true;
}
