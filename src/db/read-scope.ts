import { currentRequestScope, type RequestScope } from './request-scope';

/** What one request did so far that decides where its reads go (see replica-routing-driver.ts). */
export type ReadScope = Pick<RequestScope, 'primary' | 'replica'>;

/** The read scope of the request whose code is running, if any (none: scripts, the CLI, background work). */
export function currentReadScope(): ReadScope | undefined {
  return currentRequestScope();
}

/**
 * The rest of the running request reads on the primary: before its first write (so it reads its own writes), and
 * before reading what must never be seen late (a consent withdrawn applies from the very next request on).
 */
export function readOnPrimary(): void {
  const scope = currentRequestScope();
  if (scope) scope.primary = true;
}
