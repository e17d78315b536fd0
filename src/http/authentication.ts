import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../modules/api-keys/api-key-authentication.service';
import { anonymousViewer, type Viewer } from '../auth/viewer';
import { ApiError } from '../common/errors';
import { databaseTrouble } from '../db/database-trouble';
import type { AuthFailureGuard } from './auth-failures';
import { serviceUnavailable, TROUBLE_MESSAGES } from './service-unavailable';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, resolved once on arrival by the authentication hook; every route reads it from here. */
    viewer: Viewer;
    /** The hash of the request's API key (hashApiKey), set with the viewer; null for a request without a key. */
    apiKeyHash: string | null;
  }
}

/**
 * The one authentication path of the server: on arrival, before any route (GraphQL, exports, metrics, and any added
 * later), a keyed request from an address that failed too often is refused (429), the key is looked up, and a failed
 * authentication is counted against the address and refused (401). Errors go to the route's error handler, which
 * answers in that route's shape.
 */
export function registerAuthentication(
  app: FastifyInstance,
  orm: MikroORM,
  adminApiKey: string | undefined,
  guard: AuthFailureGuard,
) {
  const identify = async (request: FastifyRequest, authorization: string) => {
    // in memory the check answers at once: awaited only when it is a promise (Redis)
    const throttled = authorization ? guard.refuseIfThrottled(request) : undefined;
    if (throttled) await throttled;
    try {
      const { viewer, keyHash } = await authenticate(authorization, orm.em, adminApiKey);
      request.viewer = viewer;
      request.apiKeyHash = keyHash ?? null;
    } catch (error) {
      if (error instanceof ApiError && error.extensions.code === 'UNAUTHENTICATED') {
        await guard.record(request, error.message);
      }
      const trouble = databaseTrouble(error);
      if (trouble) {
        request.log.warn({ err: error, trouble }, 'database trouble while authenticating');
        throw serviceUnavailable(TROUBLE_MESSAGES[trouble]);
      }
      throw error;
    }
  };
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('apiKeyHash', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const { authorization } = request.headers;
    // no header, nothing to look up: anonymous at once, without the promises of the lookup
    if (authorization === undefined) {
      request.viewer = anonymousViewer();
      return done();
    }
    identify(request, authorization).then(() => done(), done);
  });
}
