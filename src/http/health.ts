import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { Pool } from 'pg';

/** How long readiness waits for the database (connecting included) before answering 503. */
export const READINESS_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const ignore = () => undefined;

/**
 * `select 1` on one connection of its own, apart from the requests' pool: readiness tells whether the database answers,
 * never how busy the pool is. Checks that arrive while one runs share its answer.
 */
class ReadinessProbe {
  private readonly pool: Pool;
  private running?: Promise<void>;

  constructor(connectionString: string) {
    this.pool = new Pool({
      connectionString,
      max: 1,
      connectionTimeoutMillis: READINESS_TIMEOUT_MS,
      query_timeout: READINESS_TIMEOUT_MS,
      keepAlive: true,
    });
    // an idle connection cut by the server is replaced on the next check; the error itself tells nothing new
    this.pool.on('error', () => undefined);
  }

  check(): Promise<void> {
    this.running ??= withTimeout(this.probe(), READINESS_TIMEOUT_MS).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async probe(): Promise<void> {
    const client = await this.pool.connect();
    // a connection cut while checked out also fails the query; unheard, its 'error' event would end the process
    client.on('error', ignore);
    try {
      await client.query('select 1');
    } catch (error) {
      client.off('error', ignore);
      client.release(true);
      throw error;
    }
    client.off('error', ignore);
    client.release();
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Liveness (the process answers: no database, no slow code) and readiness (the database answers in time). */
export function registerHealth(app: FastifyInstance, orm: MikroORM): void {
  const probe = new ReadinessProbe(orm.config.get('clientUrl')!);
  app.addHook('onClose', () => probe.close());
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (request, reply) => {
    try {
      await probe.check();
      return { status: 'ok', database: 'up' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: database does not answer');
      return reply.code(503).send({ status: 'unavailable', database: 'down' });
    }
  });
}
