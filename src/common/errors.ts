import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values of the public contract (README.md "Errors"; docs/domain.md "Error codes"). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** An error meant for the caller: its message and code are shown as they are; anything else is masked. */
export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = 'ApiError';
  }
}

/** Bad input, naming the offending field path (e.g. `input.populations[2].year`). */
export class UserInputError extends ApiError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }
}

export const unauthenticated = (message: string) => new ApiError('UNAUTHENTICATED', message, { http: { status: 401 } });
export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);
export const notFound = (field: string, what: string, id: string) =>
  new ApiError('NOT_FOUND', `${what} ${id} does not exist`, { field });
export const conflict = (what: string, id: string, version: number) =>
  new ApiError('CONFLICT', `${what} ${id} was changed by someone else (version ${version} is stale); reload and retry`);
