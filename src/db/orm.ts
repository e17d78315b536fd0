import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Client } from 'pg';
import type { Logger } from 'pino';
import { ConfigError } from '../config';
import { migrationsList } from './migrations';
import { ormLogging } from './orm-logging';
import { ReplicaHealth } from './replica-health';
import { ReplicaRoutingDriver } from './replica-routing-driver';
import { guardStatements } from './statement-guard';
import { TransactionAwareEntityManager } from './transaction-aware-entity-manager';

/** How long a request may wait for a pooled connection (opening one included), and how long one SQL statement may run. */
export const POOL_ACQUIRE_TIMEOUT_MS = 5_000;
export const STATEMENT_TIMEOUT_MS = 5_000;
/**
 * The client's own limit on one statement, a little over statement_timeout: PostgreSQL's cancel normally answers first
 * (and frees the server side too), this one holds when the server cannot answer at all (frozen, or the network stalled).
 */
export const QUERY_TIMEOUT_MARGIN_MS = 1_000;

/** PostgreSQL's SQLSTATE for "database does not exist". */
const INVALID_CATALOG_NAME = '3D000';

export interface OrmOptions {
  clientUrl: string;
  /** Read replicas of `clientUrl` (DATABASE_REPLICA_URLS): queries outside transactions go to them. */
  replicaUrls?: string[];
  /** How often the replicas are checked in the background (default REPLICA_CHECK_INTERVAL_MS). */
  replicaCheckIntervalMs?: number;
  entities: Options['entities'];
  poolMax?: number;
  statementTimeoutMs?: number;
  /** How long to wait for a pooled connection (default POOL_ACQUIRE_TIMEOUT_MS). */
  acquireTimeoutMs?: number;
  debug?: boolean;
  /** Where MikroORM and knex log (as JSON); without it they print plain text to the console. */
  logger?: Logger;
}

/**
 * A replica's session refuses writes: one sent there by mistake fails loudly instead of landing on a server whose data
 * the primary overwrites (a logical subscriber accepts writes).
 */
const READ_ONLY_SESSION = '-c default_transaction_read_only=on';

export function ormConfig(options: OrmOptions): Options {
  const { knexLog, ...logging } = options.logger ? ormLogging(options.logger) : { knexLog: undefined };
  const statementTimeoutMs = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  const acquireTimeoutMs = options.acquireTimeoutMs ?? POOL_ACQUIRE_TIMEOUT_MS;
  const guardFor = (connectionString: string) =>
    guardStatements({ connectionString, queryTimeoutMs: statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS });
  return {
    clientUrl: options.clientUrl,
    driver: ReplicaRoutingDriver,
    // each replica has a pool of the same size, whose statement guard cancels on that replica
    replicas: (options.replicaUrls ?? []).map((clientUrl) => ({
      clientUrl,
      driverOptions: { pool: { afterCreate: guardFor(clientUrl) }, connection: { options: READ_ONLY_SESSION } },
    })),
    entities: options.entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    driverOptions: {
      // here rather than in `pool`, which MikroORM merges each replica's pool settings into (the primary's would change)
      pool: {
        min: 0,
        max: options.poolMax ?? 10,
        // a connection whose statement the client gave up on is still busy on the wire: never hand it out again
        validate: (connection: Client & { readyForQuery?: boolean }) => connection.readyForQuery === true,
        afterCreate: guardFor(options.clientUrl),
      },
      acquireConnectionTimeout: acquireTimeoutMs,
      connection: {
        statement_timeout: statementTimeoutMs,
        connectionTimeoutMillis: acquireTimeoutMs,
        keepAlive: true,
      },
      ...(knexLog && { log: knexLog }),
    },
    // the configured database must exist: creating a missing one would hide a mistyped name behind an empty database
    ensureDatabase: false,
    // entities are listed explicitly: discovery from decorators, no folder scanning
    discovery: { warnWhenNoEntities: true },
    entityManager: TransactionAwareEntityManager,
    forceUtcTimezone: true,
    debug: options.debug ?? false,
    allowGlobalContext: false,
    ...logging,
  };
}

/**
 * Checks the replicas once before the first request (a replica down at start gets no reads), then in the background;
 * their going down and coming back is logged.
 */
async function routeReads(
  orm: MikroORM,
  { replicaUrls = [], replicaCheckIntervalMs, logger }: OrmOptions,
): Promise<void> {
  const health = new ReplicaHealth(replicaUrls, (state, error) => {
    if (state.status === 'down')
      logger?.warn({ replica: state.name, err: error }, 'read replica down: its reads go elsewhere');
    else logger?.info({ replica: state.name }, 'read replica answers again: it takes reads');
  });
  (orm.config.getDriver() as ReplicaRoutingDriver).routeReadsBy(health);
  const states = await health.check();
  logger?.info({ replicas: states }, 'read replicas checked');
  health.start(replicaCheckIntervalMs);
}

/** Connects; a database that does not exist on the server stops here with a message naming DATABASE_URL. */
export async function initOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  const check = await orm.checkConnection();
  if (!check.ok && (check.error as { code?: unknown } | undefined)?.code === INVALID_CATALOG_NAME) {
    await orm.close(true);
    const database = decodeURIComponent(new URL(options.clientUrl).pathname.slice(1));
    throw new ConfigError(
      'DATABASE_URL',
      `the database "${database}" does not exist on that server; correct the name, or create it ` +
        `(createdb ${database}) and run npm run db:migrate`,
    );
  }
  if (options.replicaUrls?.length) await routeReads(orm, options);
  return orm;
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
