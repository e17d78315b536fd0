import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';

const READINESS_TIMEOUT_MS = 1_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Liveness (the process answers) and readiness (the database answers within a second). */
export function registerHealth(app: FastifyInstance, orm: MikroORM): void {
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (request, reply) => {
    try {
      await withTimeout(orm.em.getConnection().execute('select 1'), READINESS_TIMEOUT_MS);
      return { status: 'ok', database: 'up' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: database does not answer');
      return reply.code(503).send({ status: 'unavailable', database: 'down' });
    }
  });
}
