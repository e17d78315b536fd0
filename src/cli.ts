/**
 * `npm run db:migrate`, `npm run db:seed` and `npm run db:rebuild-figures`: against DATABASE_URL, or the embedded
 * PostgreSQL in DATA_DIR.
 */
import pino from 'pino';
import { loadConfig } from './config';
import { entities } from './modules';
import { announceDataChange } from './http/response-cache/data-changes';
import { rebuildAllFigures } from './modules/targets/member-figures.service';
import { isEmpty, openDatabase } from './db/database';
import { seedDatabase } from '../seeds/seed-database';
import { logSeedProgress } from '../seeds/seed-progress';

/** `--scale N`: N times the demo data set (copies of every member with their own histories), for benchmarks. */
function seedScale(args: string[]): number {
  const index = args.indexOf('--scale');
  if (index === -1) return 1;
  const scale = Number(args[index + 1]);
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
    throw new Error('--scale must be a whole number from 1 to 100');
  }
  return scale;
}

/**
 * One statement of the seed or the rebuild may run for minutes at ×10 on a busy machine (a step of 500 members
 * sums their records), where the API's own limit of seconds would cancel it.
 */
const COMMAND_STATEMENT_TIMEOUT_MS = 30 * 60_000;

async function main(command: string | undefined, args: string[]): Promise<void> {
  if (command !== 'migrate' && command !== 'seed' && command !== 'rebuild-figures') {
    throw new Error('usage: cli.js migrate | seed [--scale N] | rebuild-figures');
  }
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, entities, logger, { statementTimeoutMs: COMMAND_STATEMENT_TIMEOUT_MS });
  try {
    if (command === 'seed') {
      if (!(await isEmpty(database.orm))) throw new Error('The database already holds data; seed an empty database.');
      const scale = seedScale(args);
      const started = Date.now();
      await seedDatabase(database.orm, { scale, progress: logSeedProgress(logger) });
      logger.info({ ms: Date.now() - started, scale }, 'seeded the database');
    }
    if (command === 'rebuild-figures') {
      const started = Date.now();
      // one transaction: readers see the old figures until the new ones are complete
      await database.orm.em.fork().transactional((em) => rebuildAllFigures(em));
      logger.info({ ms: Date.now() - started }, 'rebuilt the network figures from the records');
    }
    // running servers drop the answers they stored: the data under them changed
    if (command !== 'migrate') await announceDataChange(database.orm);
  } finally {
    await database.close();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
