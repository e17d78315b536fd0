import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { rebuildAllFigures } from '../src/modules/targets/member-figures';
import { CountriesSeeder } from './countries.seeder';
import { EmissionsSeeder } from './emissions.seeder';
import { IndigenousSeeder } from './indigenous.seeder';
import { MembersSeeder } from './members.seeder';
import type { SeedContext } from './scale';
import { TimberSeeder } from './timber.seeder';

/**
 * The whole demo data set: real countries, offices and members, with deterministic generated histories; then the
 * network figures maintained from them.
 */
export class DatabaseSeeder extends Seeder<SeedContext> {
  async run(em: EntityManager, context: SeedContext = {}): Promise<void> {
    await this.call(em, [CountriesSeeder, MembersSeeder, EmissionsSeeder, IndigenousSeeder, TimberSeeder], context);
    await rebuildAllFigures(em);
  }
}
