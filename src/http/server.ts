import type { MikroORM } from '@mikro-orm/postgresql';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { Config } from '../config';
import { AuthFailureGuard } from './auth-failures';
import { registerAuthentication } from './authentication';
import { MemoryCostStore } from './cost-store';
import { registerExports } from './exports/register-exports';
import { registerGraphql } from './graphql';
import { registerHealth } from './health';
import { httpErrorHandler } from './http-errors';
import { registerMetrics } from './metrics';
import { RedisCostStore } from './redis-cost-store';
import { requestIdFor } from './request-id';
import { openCaches } from './response-cache/caches';
import { listenForDataChanges } from './response-cache/data-changes';
import { registerSecurityHeaders } from './security-headers';

export interface ServerDeps {
  config: Config;
  orm: MikroORM;
  schema: GraphQLSchema;
  logger: Logger;
}

/** The HTTP server: GraphQL, health, metrics. Not listening yet. */
export async function buildServer({ config, orm, schema, logger }: ServerDeps): Promise<FastifyInstance> {
  const { limits } = config;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: limits.bodyLimitBytes,
    requestTimeout: limits.requestTimeoutMs,
    trustProxy: config.trustProxy,
    genReqId: requestIdFor(config.trustProxy),
  });
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // hooks that do no I/O take Fastify's callback form: an async one costs a promise and a microtask per request
  app.addHook('onSend', (_request, reply, payload, done) => {
    // a request still in flight at shutdown closes its keep-alive connection, so close() need not wait for the client
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.setErrorHandler(httpErrorHandler(limits));
  await registerSecurityHeaders(app, config);
  const store = config.redisUrl ? await RedisCostStore.connect(config.redisUrl) : new MemoryCostStore();
  app.addHook('onClose', () => store.close());
  const registry = new Registry();
  // before every route, so that none (present or future) is reachable with an unchecked key
  registerAuthentication(app, orm, config.adminApiKey, new AuthFailureGuard(store, limits, registry));
  registerMetrics(app, registry);
  registerHealth(app, orm);
  await registerExports(app, orm);
  const caches = await openCaches(config, orm);
  app.addHook('onClose', () => caches.close());
  const answers = caches.answers;
  if (answers) {
    // a seed or a figure rebuild run beside the server announces itself: the stored answers may be stale now
    const stopListening = listenForDataChanges(orm.config.get('clientUrl')!, () => answers.invalidate(), logger);
    app.addHook('onClose', stopListening);
  }
  await registerGraphql(app, { orm, schema, config, store, caches });
  return app;
}
