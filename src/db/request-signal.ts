import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';

const requestSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs `work`, and everything it starts, under `signal`: once the signal aborts, their SQL stops. */
export function underSignal<T>(signal: AbortSignal, work: () => T): T {
  return requestSignal.run(signal, work);
}

/** A statement refused because the request it belongs to was given up (timed out, or its client went away). */
export class RequestAbortedError extends Error {
  override name = 'RequestAbortedError';
}

/** Lets a transaction end after its request was given up, so its connection is left clean. */
const ROLLBACK = /^\s*rollback\b/i;

type QueryCallback = (error: Error | null, result?: unknown) => void;
type QueryFunction = (...args: unknown[]) => unknown;

/** How long the side connection that cancels a given-up statement may take. */
const CANCEL_TIMEOUT_MS = 2_000;

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
 * Pool hook (knex `afterCreate`): each statement obeys the signal of the request running it. Once the request is given
 * up its statements are refused (a transaction can then only roll back: nothing is written), and a statement running at
 * that moment is cancelled and its connection closed, so PostgreSQL stops its work and the pool drops the connection
 * (closing it first means the cancel can never hit a later user of the same connection). Outside a request (exports,
 * migrations) statements run as they are.
 */
export function abortableStatements(connectionString: string) {
  return (connection: Client, done: (error: Error | null, connection: Client) => void): void => {
    const query = connection.query.bind(connection) as QueryFunction;
    const guarded: QueryFunction = (config, ...rest) => {
      const signal = requestSignal.getStore();
      const callback = rest.at(-1);
      if (!signal || typeof callback !== 'function') return query(config, ...rest);
      const text = typeof config === 'string' ? config : ((config as { text?: unknown }).text ?? '');
      if (signal.aborted && !ROLLBACK.test(String(text))) {
        process.nextTick(callback as QueryCallback, new RequestAbortedError('the request was given up'));
        return undefined;
      }
      const giveUp = () => {
        const pid = (connection as Client & { processID?: number }).processID;
        void connection.end().catch(() => undefined);
        if (pid) cancelBackend(connectionString, pid);
      };
      signal.addEventListener('abort', giveUp, { once: true });
      return query(config, ...rest.slice(0, -1), (error: Error | null, result?: unknown) => {
        signal.removeEventListener('abort', giveUp);
        (callback as QueryCallback)(error, result);
      });
    };
    connection.query = guarded as Client['query'];
    done(null, connection);
  };
}
