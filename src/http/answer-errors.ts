import { HeaderMap, type HTTPGraphQLHead } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Apollo Server's formatting options, as given to it. */
export interface ErrorFormatting {
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  includeStacktraceInErrorResponses: boolean;
}

/** Apollo Server's ensureGraphQLError: an error as a GraphQLError, wrapping whatever else was thrown. */
export function asGraphqlError(thrown: unknown): GraphQLError {
  const error = thrown instanceof Error ? thrown : new GraphQLError(`Unexpected error value: ${String(thrown)}`);
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

function isPartialHead(value: unknown): value is Partial<HTTPGraphQLHead> {
  if (!value || typeof value !== 'object') return false;
  const head = value as { status?: unknown; headers?: unknown };
  return (
    (!('status' in head) || typeof head.status === 'number') && (!('headers' in head) || head.headers instanceof Map)
  );
}

/** Apollo Server's mergeHTTPGraphQLHead: a status and headers laid over an answer's. */
export function mergeHead(target: HTTPGraphQLHead, source: Partial<HTTPGraphQLHead>): void {
  if (source.status) target.status = source.status;
  for (const [name, value] of source.headers ?? []) target.headers.set(name, value);
}

/**
 * The errors of an answer as Apollo Server 5 formats them (its normalizeAndFormatErrors, which it does not export):
 * every error a GraphQLError with a code (INTERNAL_SERVER_ERROR when it has none), `extensions.http` taken out into
 * the answer's status and headers, a stack trace when asked for, then formatError; a formatError that throws masks
 * the error. Used by ./direct-queries.ts, which must answer exactly as Apollo Server would.
 */
export function formatErrors(
  errors: readonly unknown[],
  { formatError, includeStacktraceInErrorResponses }: ErrorFormatting,
) {
  const http: HTTPGraphQLHead = { status: undefined, headers: new HeaderMap() };
  const enrich = (thrown: unknown): GraphQLFormattedError => {
    const error = asGraphqlError(thrown);
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
    };
    if (isPartialHead(extensions.http)) {
      mergeHead(http, { headers: new HeaderMap(), ...extensions.http });
      delete extensions.http;
    }
    if (includeStacktraceInErrorResponses) extensions.stacktrace = error.stack?.split('\n');
    return { ...error.toJSON(), extensions };
  };
  const formatted = errors.map((error) => {
    try {
      return formatError(enrich(error), error);
    } catch (formattingError) {
      if (includeStacktraceInErrorResponses) return enrich(formattingError);
      return { message: 'Internal server error', extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
    }
  });
  return { formatted, http };
}
