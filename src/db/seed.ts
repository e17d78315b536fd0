import type { MikroORM } from '@mikro-orm/postgresql';
import { DatabaseSeeder } from '../../seeds/database.seeder';
import type { SeedContext } from '../../seeds/scale';

/** Loads the demo data set (seeds/), in one transaction; `scale` multiplies it for benchmarks. */
export async function seedDatabase(orm: MikroORM, context: SeedContext = {}): Promise<void> {
  await orm.em.fork().transactional((em) => new DatabaseSeeder().run(em, context));
  // fresh statistics, or the planner scans 400k emission records until autovacuum gets round to them (measured: 160 ms vs 7 ms)
  await orm.em.getConnection().execute('analyze');
}
