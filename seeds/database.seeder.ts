import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { CountriesSeeder } from './countries.seeder';
import { IndigenousSeeder } from './indigenous.seeder';
import { MembersSeeder } from './members.seeder';
import { TimberSeeder } from './timber.seeder';

/** The whole demo data set: real countries, offices and members, with deterministic generated histories. */
export class DatabaseSeeder extends Seeder {
  run(em: EntityManager): Promise<void> {
    return this.call(em, [CountriesSeeder, MembersSeeder, IndigenousSeeder, TimberSeeder]);
  }
}
