/**
 * The MikroORM CLI's configuration (it loads the compiled dist/mikro-orm.config.js): the server's own ORM options
 * against DATABASE_URL. `npm run db:migration:*` (scripts/mikro-orm.ts) sets DATABASE_URL to the embedded PostgreSQL in
 * DATA_DIR when none is given.
 */
import { defineConfig } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig } from './src/config';
import { ormConfig } from './src/db/orm';
import { entities } from './src/modules';

const { databaseUrl } = loadConfig();
if (!databaseUrl) {
  throw new ConfigError('DATABASE_URL', 'the MikroORM CLI needs one; npm run db:migration:* starts the embedded one');
}

export default defineConfig(ormConfig({ clientUrl: databaseUrl, entities }));
