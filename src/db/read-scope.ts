import type { RequestScope } from '../common/request-scope';

/** What one request did so far that decides where its reads go (see replica-routing-driver.ts). */
export type ReadScope = Pick<RequestScope, 'primary' | 'replica'>;

/**
 * The rest of the request of `scope` reads on the primary: before its first write (so it reads its own writes), and
 * before reading what must never be seen late (a consent withdrawn applies from the very next request on). Without a
 * scope (scripts, the CLI, background work) there is nothing to remember.
 */
export function readOnPrimary(scope: ReadScope | undefined): void {
  if (scope) scope.primary = true;
}
