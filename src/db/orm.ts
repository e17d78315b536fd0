import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import type { Logger } from 'pino';
import { migrationsList } from './migrations';
import { ormLogging } from './orm-logging';
import { TransactionAwareEntityManager } from './transaction-aware-entity-manager';

/** How long a request may wait for a pooled connection, and how long one SQL statement may run. */
export const POOL_ACQUIRE_TIMEOUT_MS = 5_000;
export const STATEMENT_TIMEOUT_MS = 5_000;

export interface OrmOptions {
  clientUrl: string;
  entities: Options['entities'];
  poolMax?: number;
  statementTimeoutMs?: number;
  debug?: boolean;
  /** Where MikroORM and knex log (as JSON); without it they print plain text to the console. */
  logger?: Logger;
}

export function ormConfig(options: OrmOptions): Options {
  const { knexLog, ...logging } = options.logger ? ormLogging(options.logger) : { knexLog: undefined };
  return {
    clientUrl: options.clientUrl,
    entities: options.entities,
    extensions: [Migrator, SeedManager],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: {
      acquireConnectionTimeout: POOL_ACQUIRE_TIMEOUT_MS,
      connection: { statement_timeout: options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS },
      ...(knexLog && { log: knexLog }),
    },
    // entities are listed explicitly: discovery from decorators, no folder scanning
    discovery: { warnWhenNoEntities: true },
    entityManager: TransactionAwareEntityManager,
    forceUtcTimezone: true,
    debug: options.debug ?? false,
    allowGlobalContext: false,
    ...logging,
  };
}

export function initOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
