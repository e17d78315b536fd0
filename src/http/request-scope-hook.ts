import type { FastifyInstance } from 'fastify';
import { inRequestScope } from '../db/request-scope';

/**
 * Each request of the scope's routes runs as one (../db/request-scope.ts): its reads on one replica, or on the primary
 * once it must, and its SQL under the abort signal of its deadline (./request-deadline.ts, registered before).
 */
export function registerRequestScope(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (request, reply) {
      return inRequestScope(request.requestAbort ?? undefined, () => handler.call(this, request, reply));
    };
  });
}
