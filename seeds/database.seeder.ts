import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { rebuildAllFigures } from '../src/modules/targets/member-figures';
import { CountriesSeeder } from './countries.seeder';
import { EmissionFactorsSeeder } from './emission-factors.seeder';
import { EmissionsSeeder } from './emissions.seeder';
import { IndigenousSeeder } from './indigenous.seeder';
import { MembersSeeder } from './members.seeder';
import type { SeedContext } from './scale';
import { TimberSeeder } from './timber.seeder';

const STEPS = [CountriesSeeder, EmissionFactorsSeeder, MembersSeeder, EmissionsSeeder, IndigenousSeeder, TimberSeeder];

/**
 * The whole demo data set: real countries, offices and members, with deterministic generated histories; then the
 * network figures maintained from them.
 */
export class DatabaseSeeder extends Seeder<SeedContext> {
  async run(em: EntityManager, context: SeedContext = {}): Promise<void> {
    for (const [index, step] of STEPS.entries()) {
      const report = { name: step.name.replace(/Seeder$/, '').toLowerCase(), number: index + 1, of: STEPS.length };
      context.progress?.(report);
      const started = Date.now();
      await this.call(em, [step], context);
      context.progress?.({ ...report, ms: Date.now() - started });
    }
    await rebuildAllFigures(em);
  }
}
