import type { MikroORM } from '@mikro-orm/postgresql';
import { DatabaseSeeder } from '../../seeds/database.seeder';
import type { SeedContext } from '../../seeds/scale';

/** Loads the demo data set (seeds/), in one transaction; `scale` multiplies it for benchmarks. */
export async function seedDatabase(orm: MikroORM, context: SeedContext = {}): Promise<void> {
  await orm.em.fork().transactional((em) => new DatabaseSeeder().run(em, context));
}
