import type { FastifyInstance } from 'fastify';
import { RequestScope } from '../common/request-scope';

declare module 'fastify' {
  interface FastifyRequest {
    /** Where the request's reads go and when its SQL stops (../common/request-scope.ts); its contexts carry it. */
    requestScope: RequestScope | null;
  }
}

/**
 * Each request of the scope gets its request scope (../common/request-scope.ts): its reads on one replica, or on the primary
 * once it must, and its SQL under the abort signal of its deadline (./request-deadline.ts, registered before). The
 * contexts made for the request hand it to the database layer: no async-local store is entered for it.
 */
export function registerRequestScope(scope: FastifyInstance): void {
  scope.decorateRequest('requestScope', null);
  scope.addHook('onRequest', (request, _reply, done) => {
    request.requestScope = new RequestScope(request.requestAbort ?? undefined);
    done();
  });
}
