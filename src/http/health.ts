import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { DatabaseProbe, PROBE_TIMEOUT_MS } from '../db/database-probe';
import { ReplicaRoutingDriver } from '../db/replica-routing-driver';

/** How long readiness waits for the database (connecting included) before answering 503. */
export const READINESS_TIMEOUT_MS = PROBE_TIMEOUT_MS;

/**
 * Liveness (the process answers: no database, no slow code) and readiness (the primary answers in time, on a connection
 * of its own: never how busy the pool is). With read replicas, readiness lists each one as it finds it now; a replica
 * down leaves the process ready, since its reads go to the other replicas or the primary.
 */
export function registerHealth(app: FastifyInstance, orm: MikroORM): void {
  const probe = new DatabaseProbe(orm.config.get('clientUrl')!);
  const driver = orm.config.getDriver();
  const replicas = driver instanceof ReplicaRoutingDriver ? driver.replicaHealth : undefined;
  app.addHook('onClose', () => probe.close());
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (request, reply) => {
    const [primary, replicaStates] = await Promise.all([
      probe.check().then(
        () => undefined,
        (error: unknown) => error,
      ),
      replicas?.check(),
    ]);
    const listed = replicaStates && { replicas: replicaStates };
    if (primary === undefined) return { status: 'ok', database: 'up', ...listed };
    request.log.warn({ err: primary }, 'readiness check: database does not answer');
    return reply.code(503).send({ status: 'unavailable', database: 'down', ...listed });
  });
}
