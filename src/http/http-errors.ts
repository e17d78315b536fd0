import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/errors';
import type { Limits } from '../config/limits';

const API_ERROR_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

/**
 * Puts the HTTP status and headers of an ApiError raised outside GraphQL (by the authentication hook, an export) on
 * the reply; returns its code and the public part of its extensions.
 */
export function replyWithApiError(error: ApiError, reply: FastifyReply): { code: string; field?: unknown } {
  const code = String(error.extensions.code);
  const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) reply.header(name, value);
  reply.code(http?.status ?? API_ERROR_STATUS[code] ?? 400);
  return error.extensions.field === undefined ? { code } : { code, field: error.extensions.field };
}

/**
 * Errors raised before GraphQL runs (a refused key from the authentication hook; from Fastify a body over the limit,
 * an unknown content type, malformed JSON), answered in the shape of a GraphQL
 * response with a stable message and code.
 */
export function httpErrorHandler(limits: Limits) {
  return (error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      const extensions = replyWithApiError(error, reply);
      return reply.type('application/json; charset=utf-8').send({ errors: [{ message: error.message, extensions }] });
    }
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
