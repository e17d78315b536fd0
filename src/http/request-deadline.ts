import type { FastifyInstance } from 'fastify';
import { RequestAbort } from '../db/request-signal';
import type { Limits } from '../config/limits';
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from './service-unavailable';

declare module 'fastify' {
  interface FastifyRequest {
    /** Aborted when the request is given up: at its deadline, or when its client goes away first. */
    requestAbort: RequestAbort | null;
  }
}

/**
 * Every request of the scope is answered within `requestTimeoutMs` of its arrival, body included: at the limit the client
 * gets HTTP 503 with Retry-After and SERVICE_UNAVAILABLE, and the request's work is given up: its handler runs under an
 * abort signal that the SQL layer obeys (src/db/request-signal.ts; the request scope of ./request-scope-hook.ts carries it to
 * the handler's SQL), which also aborts when the client goes away first.
 * Fastify's own handlerTimeout is not used: it is disarmed as soon as a request body has been read (so it never held for
 * POST).
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
  scope.decorateRequest('requestAbort', null);

  scope.addHook('onRequest', (request, reply, done) => {
    const controller = new RequestAbort();
    request.requestAbort = controller;
    const timer = setTimeout(() => {
      controller.abort();
      if (reply.sent || reply.raw.headersSent) return;
      request.log.warn({ timeoutMs: ms }, 'request timed out');
      void reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .type('application/json; charset=utf-8')
        .send(body);
    }, ms);
    // a response closes once: a plain listener, without once()'s wrapper
    reply.raw.on('close', () => {
      clearTimeout(timer);
      // closed before the answer was written: the client went away, nobody waits for the work any more
      if (!reply.raw.writableFinished) controller.abort();
    });
    done();
  });
}
