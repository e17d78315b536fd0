import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Limits } from './limits';

/**
 * Errors Fastify raises before GraphQL runs (a body over the limit, an unknown content type, malformed JSON), answered in
 * the shape of a GraphQL response with a stable message and code. A request that takes too long is answered by
 * ./request-deadline.ts.
 */
export function httpErrorHandler(limits: Limits) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    let message = error.message;
    let code = status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
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
