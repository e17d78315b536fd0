import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { initOrm, migrate } from '../../src/db/orm';
import { entities } from '../../src/modules';

/**
 * A DATA_DIR as the server's first start leaves it (cluster initialised, migrated, holding data), without the demo data
 * set, whose loading takes seconds: one country is enough for the server not to seed it.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const embedded = await startEmbeddedPostgres({ dataDir, database: 'climate_alliance', log: () => {} });
  try {
    const orm = await initOrm({ clientUrl: embedded.clientUrl, entities });
    try {
      await migrate(orm);
      await orm.em
        .getConnection()
        .execute(
          "insert into country (code, name, region, created_at, updated_at) values ('LU', 'Luxembourg', 'EUROPE', now(), now()) on conflict do nothing",
        );
    } finally {
      await orm.close();
    }
  } finally {
    await embedded.stop();
  }
}
