import { Pool } from 'pg';

/** How long a probe waits for its database (connecting included) before calling it down. */
export const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const ignore = () => undefined;

/**
 * One statement on one connection of its own, apart from the requests' pools: a probe tells whether a database answers,
 * never how busy a pool is. Checks that arrive while one runs share its answer.
 */
export class DatabaseProbe<Row extends object = object> {
  private readonly pool: Pool;
  private running?: Promise<Row | undefined>;

  constructor(
    connectionString: string,
    private readonly sql = 'select 1',
  ) {
    this.pool = new Pool({
      connectionString,
      max: 1,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
      keepAlive: true,
    });
    // an idle connection cut by the server is replaced on the next check; the error itself tells nothing new
    this.pool.on('error', ignore);
  }

  /** The statement's first row; rejects when the database does not answer within PROBE_TIMEOUT_MS. */
  check(): Promise<Row | undefined> {
    this.running ??= withTimeout(this.probe(), PROBE_TIMEOUT_MS).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async probe(): Promise<Row | undefined> {
    const client = await this.pool.connect();
    // a connection cut while checked out also fails the query; unheard, its 'error' event would end the process
    client.on('error', ignore);
    try {
      const { rows } = await client.query<Row>(this.sql);
      client.off('error', ignore);
      client.release();
      return rows[0];
    } catch (error) {
      client.off('error', ignore);
      client.release(true);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
