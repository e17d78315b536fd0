/** `npm run db:migrate` and `npm run db:seed`: against DATABASE_URL, or the embedded PostgreSQL in DATA_DIR. */
import pino from 'pino';
import { loadConfig } from '../config';
import { entities } from '../modules';
import { isEmpty, openDatabase } from './database';
import { seedDatabase } from './seed';

async function main(command: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'seed') throw new Error('usage: cli.js migrate|seed');
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, entities, logger);
  try {
    if (command === 'seed') {
      if (!(await isEmpty(database.orm))) throw new Error('The database already holds data; seed an empty database.');
      const started = Date.now();
      await seedDatabase(database.orm);
      logger.info({ ms: Date.now() - started }, 'seeded the database');
    }
  } finally {
    await database.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
