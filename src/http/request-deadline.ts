import type { FastifyInstance } from 'fastify';
import type { Limits } from './limits';
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from './service-unavailable';

/**
 * Every request of the scope is answered within `requestTimeoutMs` of its arrival, body included: at the limit the client
 * gets HTTP 503 with Retry-After and SERVICE_UNAVAILABLE. Fastify's own handlerTimeout is not used: it is disarmed as soon
 * as a request body has been read (so it never held for POST). The statement still running then is ended by its own,
 * shorter limits (statement_timeout and the client's query timeout, src/db/orm.ts).
 */
export function registerRequestDeadline(scope: FastifyInstance, limits: Limits): void {
  const ms = limits.requestTimeoutMs;
  const body = JSON.stringify({
    errors: [
      {
        message: `The request took longer than ${ms} ms and was stopped; retry shortly, or ask for less`,
        extensions: { code: SERVICE_UNAVAILABLE },
      },
    ],
  });
  scope.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      request.log.warn({ timeoutMs: ms }, 'request timed out');
      void reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .type('application/json; charset=utf-8')
        .send(body);
    }, ms);
    // 'close' comes when the response is done or the client went away: either way the deadline no longer matters
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}
