import type { MikroORM } from '@mikro-orm/postgresql';
import { DatabaseSeeder } from './database.seeder';
import type { SeedContext } from './scale';
import { initOrm } from '../src/db/orm';
import { NETWORK_TABLES } from '../src/modules/emissions/network-figures.sql';

/** How long one statement of a seed may run: at --scale 50 an index build or a figure table takes minutes. */
const SEED_STATEMENT_TIMEOUT_MS = 30 * 60_000;

/**
 * Loads the demo data set (seeds/) into an empty database, in one transaction; `scale` multiplies it for benchmarks.
 * It runs on a connection of its own, since the statement timeout of `orm` is meant for requests.
 */
export async function seedDatabase(orm: MikroORM, context: SeedContext = {}): Promise<void> {
  const seeding = await initOrm({
    clientUrl: orm.config.get('clientUrl')!,
    entities: orm.config.get('entities'),
    poolMax: 1,
    statementTimeoutMs: SEED_STATEMENT_TIMEOUT_MS,
  });
  try {
    await seeding.em.fork().transactional(async (em) => {
      // memory for the index builds (a parallel build gives each of its three processes a third of it) and the
      // figures' sorts of millions of rows, in this transaction only
      await em.execute(`set local maintenance_work_mem = '1GB'`);
      await em.execute(`set local work_mem = '128MB'`);
      // hash tables 8 times that: the members' sector sums hash a group per inventory and sector (x10: 1 M groups,
      // 266 MB) and spilled a quarter of a GB to disk with the default 2 (4.1 s of CPU, 3.4 s in memory)
      await em.execute(`set local hash_mem_multiplier = 8`);
      await new DatabaseSeeder().run(em, context);
    });
    // the figures read these tables' covering indexes alone only on pages a vacuum marked all-visible, and a vacuum
    // cannot run in the seed's transaction (x50 just seeded: the slowest figure 65 / 221 ms p50 / max, 38 / 59 after)
    const read = [...NETWORK_TABLES.map((table) => table.name), 'member_year_total'];
    await seeding.em.getConnection().execute(`vacuum ${read.join(', ')}`);
  } finally {
    await seeding.close();
  }
}
