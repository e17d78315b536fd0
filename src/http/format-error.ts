import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ApiError } from '../common/errors';
import { databaseTrouble } from '../db/database-trouble';
import { SERVICE_UNAVAILABLE, TROUBLE_MESSAGES } from './service-unavailable';

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

/** graphql-js's parse error when a document passes the token limit (parseOptions.maxTokens; 16.x says "more that"). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\./;

/**
 * The input path a variable coercion error names: `Variable "$input" got invalid value "X" at "input.records[0].sector"; …`
 * → `input.records[0].sector`; a missing or unknown input field is appended (`…; Field "countryCode" of required type
 * "String!" was not provided.` → `input.countryCode`); otherwise the variable itself (`Variable "$first" …` → `first`).
 */
function variableField(message: string): string | undefined {
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value/.exec(message);
  if (!variable) return undefined;
  const base = / at "([^"]+)"; /.exec(message)?.[1] ?? variable[1];
  const inputField = /; Field "([A-Za-z_][A-Za-z0-9_]*)" (?:of required type|is not defined)/.exec(message)?.[1];
  return inputField ? `${base}.${inputField}` : base;
}

/**
 * Shows our own errors and request errors as they are; reports a database that cannot serve now as SERVICE_UNAVAILABLE;
 * masks everything else (a bug, any other database error) as INTERNAL_SERVER_ERROR, so no SQL, stack or internal name
 * reaches the caller. The full error is logged with the request id by the error-logging plugins.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof ApiError) return formatted;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    return {
      message: `The document has more than ${tokens[1]} tokens; send a smaller one`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const field = code === 'BAD_USER_INPUT' ? variableField(formatted.message) : undefined;
    return field && !formatted.extensions?.field
      ? { ...formatted, extensions: { ...formatted.extensions, field } }
      : formatted;
  }
  const trouble = databaseTrouble(original);
  if (trouble || code === SERVICE_UNAVAILABLE) {
    // raised by the database or by us (the key lookup, before any resolver): one shape, never a stack
    return {
      message: trouble ? TROUBLE_MESSAGES[trouble] : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: SERVICE_UNAVAILABLE },
    };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
