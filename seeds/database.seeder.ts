import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { CountriesSeeder } from './countries.seeder';
import { EmissionsSeeder } from './emissions.seeder';
import { IndigenousSeeder } from './indigenous.seeder';
import { MembersSeeder } from './members.seeder';
import type { SeedContext } from './scale';
import { TimberSeeder } from './timber.seeder';

/** The whole demo data set: real countries, offices and members, with deterministic generated histories. */
export class DatabaseSeeder extends Seeder<SeedContext> {
  run(em: EntityManager, context: SeedContext = {}): Promise<void> {
    return this.call(em, [CountriesSeeder, MembersSeeder, EmissionsSeeder, IndigenousSeeder, TimberSeeder], context);
  }
}
