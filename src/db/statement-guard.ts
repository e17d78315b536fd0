import { Client } from 'pg';
import { type RequestSignal, STATEMENT_SIGNAL } from '../common/request-scope';
import { RequestAbortedError } from './request-signal';
import { currentTransactionScope } from './transaction-scope';

/** Lets a transaction end after its request was given up, so its connection is left clean. */
const ROLLBACK = /^\s*rollback\b/i;
/** How long the side connection that cancels a given-up statement may take. */
const CANCEL_TIMEOUT_MS = 2_000;

type QueryCallback = (error: Error | null, result?: unknown) => void;
type QueryFunction = (...args: unknown[]) => unknown;

interface StatementConfig {
  text?: unknown;
  query_timeout?: number;
  [STATEMENT_SIGNAL]?: RequestSignal;
}

export interface StatementGuardOptions {
  connectionString: string;
  /** The client's own limit on one statement (node-postgres' query_timeout). */
  queryTimeoutMs: number;
}

/** Asks PostgreSQL to stop the statement of backend `pid`, from a short-lived connection of its own. */
function cancelBackend(connectionString: string, pid: number): void {
  const canceller = new Client({
    connectionString,
    connectionTimeoutMillis: CANCEL_TIMEOUT_MS,
    query_timeout: CANCEL_TIMEOUT_MS,
  });
  canceller.on('error', () => undefined);
  canceller
    .connect()
    .then(() => canceller.query('select pg_cancel_backend($1)', [pid]))
    .catch(() => undefined)
    .finally(() => void canceller.end().catch(() => undefined));
}

/**
 * Pool hook (knex `afterCreate`) on every statement sent with a callback (all but the export streams, which run as long
 * as their client reads, under their own statement_timeout):
 * - the client gives up after `queryTimeoutMs` even when the server cannot answer at all (frozen, network stalled);
 * - it obeys the signal of the request running it (request-signal.ts). Once the request is given up its statements are
 *   refused (a transaction can then only roll back: nothing is written), and a statement running at that moment is
 *   cancelled and its connection closed, so PostgreSQL stops its work and the pool drops the connection (closed first,
 *   the cancel can never hit a later user of the same connection).
 */
export function guardStatements({ connectionString, queryTimeoutMs }: StatementGuardOptions) {
  return (connection: Client, done: (error: Error | null, connection: Client) => void): void => {
    const query = connection.query.bind(connection) as QueryFunction;
    const guarded: QueryFunction = (config, ...rest) => {
      const callback = rest[rest.length - 1];
      if (typeof callback !== 'function' || !config || typeof config !== 'object') return query(config, ...rest);
      let timed = config as StatementConfig;
      let signal: RequestSignal | undefined;
      if (STATEMENT_SIGNAL in timed) {
        signal = timed[STATEMENT_SIGNAL];
        timed.query_timeout ??= queryTimeoutMs;
      } else {
        signal = currentTransactionScope()?.signal;
        timed = { query_timeout: queryTimeoutMs, ...timed };
      }
      if (!signal) return query(timed, ...rest);
      if (signal.aborted && !ROLLBACK.test(String(timed.text ?? ''))) {
        process.nextTick(callback as QueryCallback, new RequestAbortedError('the request was given up'));
        return undefined;
      }
      const giveUp = () => {
        const pid = (connection as Client & { processID?: number }).processID;
        void connection.end().catch(() => undefined);
        if (pid) cancelBackend(connectionString, pid);
      };
      signal.addEventListener('abort', giveUp, { once: true });
      const settle = (error: Error | null, result?: unknown) => {
        signal.removeEventListener('abort', giveUp);
        (callback as QueryCallback)(error, result);
      };
      return rest.length === 1 ? query(timed, settle) : query(timed, ...rest.slice(0, -1), settle);
    };
    connection.query = guarded as Client['query'];
    done(null, connection);
  };
}
