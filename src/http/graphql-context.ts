import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { RequestContext } from '../common/context';
import { LazyForkContext } from '../common/lazy-fork';

/** The resolvers' RequestContext plus what the HTTP plugins need: the Fastify request (client address, budget). */
export interface GraphqlContext extends RequestContext {
  request: FastifyRequest;
}

/** A header's value as sent, the first one when it was sent more than once. */
function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

/** The context of a GraphQL request; the viewer was resolved on arrival by the authentication hook (./authentication.ts). */
export class GraphqlRequestContext extends LazyForkContext implements GraphqlContext {
  constructor(
    root: EntityManager,
    readonly request: FastifyRequest,
  ) {
    super(root, {
      requestId: request.id,
      viewer: request.viewer,
      log: request.log as Logger,
      accessPurpose: firstValue(request.headers['x-access-purpose']),
      scope: request.requestScope ?? undefined,
    });
  }
}
