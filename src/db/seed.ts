import type { MikroORM } from '@mikro-orm/postgresql';
import { DatabaseSeeder } from '../../seeds/database.seeder';

/** Loads the demo data set (seeds/), in one transaction. */
export async function seedDatabase(orm: MikroORM): Promise<void> {
  await orm.em.fork().transactional((em) => new DatabaseSeeder().run(em));
}
