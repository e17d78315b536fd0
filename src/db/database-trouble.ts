/**
 * Tells an error that says "the database cannot serve now" from a bug: such an error is the service's state, not the
 * caller's input nor a mistake in the code, so it is answered as SERVICE_UNAVAILABLE.
 * - `unavailable`: no connection could be had (refused, cut, the pool full or the server not answering in time);
 * - `timeout`: a statement ran past its limit (PostgreSQL's statement_timeout or the client's query timeout).
 */
export type DatabaseTrouble = 'unavailable' | 'timeout';

/** Socket errors when the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** SQLSTATEs: shutting down, starting up, out of connections, the database gone. Class 08 is matched as a prefix. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);

/** SQLSTATE of a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/** Messages of node-postgres and knex that carry no code (knex puts the statement and " - " before the driver's). */
const UNAVAILABLE_MESSAGES = [
  /^Knex: Timeout acquiring a connection/,
  /(?:^| - )Connection terminated/,
  /(?:^| - )timeout exceeded when trying to connect/,
  /(?:^| - )Client has encountered a connection error/,
  /(?:^| - )Client was closed and is not queryable/,
];
const TIMEOUT_MESSAGE = /(?:^| - )Query read timeout$/;

function troubleOf(error: object): DatabaseTrouble | undefined {
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  // a statement refused after its request ran out of time (see request-signal.ts)
  if (name === 'RequestAbortedError') return 'timeout';
  if (typeof code === 'string') {
    if (code === QUERY_CANCELED) return 'timeout';
    if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'unavailable';
  }
  if (typeof message === 'string') {
    if (TIMEOUT_MESSAGE.test(message)) return 'timeout';
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return 'unavailable';
  }
  return undefined;
}

/** The trouble this error (or an error it wraps: GraphQL's originalError, a cause) reports, if any. */
export function databaseTrouble(error: unknown): DatabaseTrouble | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current);) {
    seen.add(current);
    const trouble = troubleOf(current);
    if (trouble) return trouble;
    const { originalError, cause } = current as { originalError?: unknown; cause?: unknown };
    current = originalError ?? cause;
  }
  return undefined;
}
