import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Limits } from './limits';

/**
 * Errors Fastify raises before GraphQL runs (a body over the limit, an unknown content type, malformed JSON, a
 * request that took too long), answered in the shape of a GraphQL response with a stable message and code.
 */
export function httpErrorHandler(limits: Limits) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    let message = error.message;
    let code = status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
    if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
      request.log.warn({ timeoutMs: limits.requestTimeoutMs }, 'request timed out');
      message = `The request took longer than ${limits.requestTimeoutMs} ms and was stopped; ask for less`;
      code = 'INTERNAL_SERVER_ERROR';
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      message = `The request body is larger than ${limits.bodyLimitBytes} bytes`;
    } else if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      message = 'Internal server error';
      code = 'INTERNAL_SERVER_ERROR';
    }
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message, extensions: { code } }] });
  };
}
