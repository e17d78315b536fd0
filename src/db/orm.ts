import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import type { Client } from 'pg';
import type { Logger } from 'pino';
import { ConfigError } from '../config';
import { migrationsList } from './migrations';
import { ormLogging } from './orm-logging';
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
  entities: Options['entities'];
  poolMax?: number;
  statementTimeoutMs?: number;
  /** How long to wait for a pooled connection (default POOL_ACQUIRE_TIMEOUT_MS). */
  acquireTimeoutMs?: number;
  debug?: boolean;
  /** Where MikroORM and knex log (as JSON); without it they print plain text to the console. */
  logger?: Logger;
}

export function ormConfig(options: OrmOptions): Options {
  const { knexLog, ...logging } = options.logger ? ormLogging(options.logger) : { knexLog: undefined };
  const statementTimeoutMs = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  const acquireTimeoutMs = options.acquireTimeoutMs ?? POOL_ACQUIRE_TIMEOUT_MS;
  return {
    clientUrl: options.clientUrl,
    entities: options.entities,
    extensions: [Migrator, SeedManager],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      // a connection whose statement the client gave up on is still busy on the wire: never hand it out again
      validate: (connection: Client & { readyForQuery?: boolean }) => connection.readyForQuery === true,
      afterCreate: guardStatements({
        connectionString: options.clientUrl,
        queryTimeoutMs: statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
      }),
    } as Options['pool'],
    driverOptions: {
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
  return orm;
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
