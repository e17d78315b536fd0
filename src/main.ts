import 'reflect-metadata';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { isEmpty, openDatabase } from './db/database';
import { EmbeddedPostgresError } from './db/embedded/embedded-postgres-error';
import { boundHeapGrowth } from './heap-growth';
import { graphqlUrl } from './http/graphql-url';
import { buildServer } from './http/server';
import { shutDown } from './http/shutdown';
import { entities } from './modules';
import { stopWithNpm } from './parent-watch';
import { buildFederatedSchema } from './schema/build-schema';

async function main(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, entities, logger, { readReplicas: true });
  if (database.embedded && (await isEmpty(database.orm))) {
    logger.info('fresh embedded database: seeding the demo data set (once; later starts reuse it)');
    // the seed's code and data are loaded only here: a server that never seeds does not hold them
    const [{ seedDatabase }, { logSeedProgress }] = await Promise.all([
      import('../seeds/seed-database.js'),
      import('../seeds/seed-progress.js'),
    ]);
    await seedDatabase(database.orm, { progress: logSeedProgress(logger) });
  }
  const app = await buildServer({ config, orm: database.orm, schema: await buildFederatedSchema(), logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await shutDown({ app, database, graceMs: config.shutdownGraceMs, logger });
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // this process owns its shutdown: Apollo Server installs handlers that exit on these signals at once, cutting
  // in-flight requests short. A repeated signal must not kill it either: Ctrl-C under `npm start` sends one from the
  // terminal and one forwarded by npm.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
  stopWithNpm(() => void stop('npm exited'));

  await app.listen({ port: config.port, host: config.host });
  const url = graphqlUrl(config.host, app.server.address());
  logger.info({ url }, `Climate Alliance API ready at ${url}`);
}

main().catch((error) => {
  const explained = error instanceof ConfigError || error instanceof EmbeddedPostgresError;
  const message = explained ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`Could not start the Climate Alliance API: ${message}`);
  process.exit(1);
});
