import { ApiError } from '../common/errors';
import { databaseTrouble, type DatabaseTrouble } from '../db/database-trouble';
import type { GraphqlContext } from './graphql-context';
import type { RequestListener, RequestPlugin } from './request-plugin';

/** What a client is told to wait before retrying when the service cannot answer now. */
export const RETRY_AFTER_SECONDS = 5;

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** The caller's messages: no SQL, host or driver text, only what happened and what to do. */
export const TROUBLE_MESSAGES: Record<DatabaseTrouble, string> = {
  unavailable: 'The database cannot be reached or no connection is free right now; retry shortly',
  timeout: 'The database took too long to answer and the statement was cancelled; retry shortly, or ask for less',
};

/** An error answered with HTTP 503 and Retry-After (through `extensions.http`), by Apollo Server and by httpErrorHandler alike. */
export function serviceUnavailable(message: string): ApiError {
  return new ApiError(SERVICE_UNAVAILABLE, message, {
    http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
  });
}

const UNAVAILABLE = Symbol('databaseTrouble');

type Troubled = GraphqlContext & { [UNAVAILABLE]?: true };

/** Its listener keeps its one fact about a request, that the database failed it, on the request's context. */
const serviceUnavailableListener: RequestListener<GraphqlContext> = {
  didEncounterErrors({ errors, contextValue }) {
    for (const error of errors) {
      const trouble = databaseTrouble(error);
      if (!trouble) continue;
      (contextValue as Troubled)[UNAVAILABLE] = true;
      contextValue.log.warn({ err: error.originalError ?? error, path: error.path, trouble }, 'database trouble');
    }
  },
  willSendResponse({ response, contextValue }) {
    if (!(contextValue as Troubled)[UNAVAILABLE]) return;
    response.http.status = 503;
    response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
  },
};

/**
 * An operation that failed because of the database answers HTTP 503 with Retry-After, whatever else it holds (formatError
 * gives those errors the SERVICE_UNAVAILABLE code), and is logged as a warning with the request id, not as a bug.
 */
export const serviceUnavailablePlugin: RequestPlugin<GraphqlContext> = {
  requestDidStart() {
    return serviceUnavailableListener;
  },
};
