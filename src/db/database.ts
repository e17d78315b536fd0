import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { EmbeddedDatabase } from './embedded-postgres';
import { initOrm, migrate, type OrmOptions } from './orm';

export interface Database {
  orm: MikroORM;
  /** Set when the server runs its own embedded PostgreSQL. */
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR; then applies pending migrations (on the
 * primary: a replica gets them by its replication, or from its operator for a logical subscriber). With `readReplicas`
 * (the server, not the maintenance commands) queries are read on DATABASE_REPLICA_URLS.
 * `statementTimeoutMs`: the limit of one statement, the API's (STATEMENT_TIMEOUT_MS) unless a command needs longer.
 */
export async function openDatabase(
  config: Config,
  entities: OrmOptions['entities'],
  logger: Logger,
  { readReplicas = false, statementTimeoutMs }: { readReplicas?: boolean; statementTimeoutMs?: number } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    if (config.production) {
      logger.warn('No DATABASE_URL: using the embedded PostgreSQL, which is meant for one machine, not for replicas');
    }
    logger.info({ dataDir: config.dataDir }, 'starting the embedded PostgreSQL');
    // loaded only without DATABASE_URL: a server on an external PostgreSQL never holds the embedded one's code
    const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      database: 'climate_alliance',
      log: (line) => logger.debug({ postgres: line }),
      warn: (message) => logger.warn(message),
    });
    logger.info(embedded.pids, 'the embedded PostgreSQL is ready');
  }
  try {
    const orm = await initOrm({
      clientUrl: config.databaseUrl ?? embedded!.clientUrl,
      replicaUrls: readReplicas ? config.databaseReplicaUrls : [],
      entities,
      logger,
      statementTimeoutMs,
    });
    const applied = await migrate(orm);
    if (applied.length) logger.info({ migrations: applied }, 'applied database migrations');
    return {
      orm,
      embedded,
      async close() {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Whether the database holds no data yet (a fresh embedded cluster). */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ count: string }[]>('select count(*) as count from country');
  return Number(row.count) === 0;
}
