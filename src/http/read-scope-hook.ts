import type { FastifyInstance } from 'fastify';
import { inReadScope } from '../db/read-scope';

/** Each request of the scope's routes reads as one (../db/read-scope.ts): on one replica, or on the primary once it must. */
export function registerReadScope(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (request, reply) {
      return inReadScope(() => handler.call(this, request, reply));
    };
  });
}
