import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { CountriesSeeder } from '../../seeds/countries.seeder';
import { EmissionFactorsSeeder } from '../../seeds/emission-factors.seeder';
import { rebuildAllFigures } from '../../src/modules/targets/member-figures.service';
import { seedEmissionsScenario } from './emissions.scenario';
import { seedIndigenousScenario } from './indigenous.scenario';
import { seedMembersScenario } from './members.scenario';
import { seedTimberScenario } from './timber.scenario';

/** The data every test file starts from: the real countries and offices, plus the named scenarios, and the
 * network figures maintained from them. */
export class TestScenarioSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await new CountriesSeeder().run(em);
    await new EmissionFactorsSeeder().run(em);
    await seedMembersScenario(em);
    await seedEmissionsScenario(em);
    await seedTimberScenario(em);
    await seedIndigenousScenario(em);
    await rebuildAllFigures(em);
  }
}
