import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ApiError } from '../common/errors';

/** Codes that graphql-js and Apollo Server give to errors in the request itself: safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** `Variable "$first" got invalid value ...` → `first`. */
function variableName(message: string): string | undefined {
  return /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message)?.[1];
}

/**
 * Shows our own errors and request errors as they are; masks everything else (a bug, a database error)
 * as INTERNAL_SERVER_ERROR, so no SQL, stack or internal name reaches the caller. The full error is logged
 * with the request id by the error-logging plugin.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof ApiError) return formatted;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const field = code === 'BAD_USER_INPUT' ? variableName(formatted.message) : undefined;
    return field && !formatted.extensions?.field
      ? { ...formatted, extensions: { ...formatted.extensions, field } }
      : formatted;
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
