import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../common/context';

/** The resolvers' RequestContext plus what the HTTP plugins need: the Fastify request (client address, budget). */
export interface GraphqlContext extends RequestContext {
  request: FastifyRequest;
}
