import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { EmissionInventory } from '../src/modules/emissions/emission-inventory.entity';
import { EmissionRecord } from '../src/modules/emissions/emission-record.entity';
import { Member } from '../src/modules/members/member.entity';
import { PopulationRecord } from '../src/modules/members/population-record.entity';
import { ClimateTarget } from '../src/modules/targets/climate-target.entity';
import { NETWORK_TABLES, rebuildNetworkFigures } from '../src/modules/emissions/network-figures.sql';
import { computeEveryMembersFigures, FIGURE_TABLES } from '../src/modules/targets/member-figures.service';
import { TimberProcurement } from '../src/modules/timber/timber-procurement.entity';
import { analyzeTablesWithoutStatistics, dropKeys, restoreKeys, tablesOf } from './bulk-load';
import { CountriesSeeder } from './countries.seeder';
import { EmissionFactorsSeeder } from './emission-factors.seeder';
import { EmissionsSeeder } from './emissions.seeder';
import { IndigenousSeeder } from './indigenous.seeder';
import { MembersSeeder } from './members.seeder';
import type { SeedContext } from './scale';
import { TimberSeeder } from './timber.seeder';

/**
 * The tables the seeders write with COPY, in bulk: loaded without their indexes and keys, and truncated in the
 * transaction first (bulk-load.ts), so the seeders write their rows frozen (COPY ... FREEZE).
 */
const COPIED = [Member, PopulationRecord, EmissionInventory, EmissionRecord, ClimateTarget, TimberProcurement];

/**
 * The whole demo data set: real countries, offices and members, with deterministic generated histories; then the
 * network figures computed from them. Runs in the entity manager's transaction, which must be the only one that
 * sees the database: the bulk tables go without indexes and keys until the indexes step.
 */
export class DatabaseSeeder extends Seeder<SeedContext> {
  async run(em: EntityManager, context: SeedContext = {}): Promise<void> {
    const copiedKeys = await dropKeys(em, tablesOf(em, COPIED));
    const figureKeys = await dropKeys(em, FIGURE_TABLES);
    // the network tables too, built again after their rebuild: their keys span up to nine columns, and inserting
    // x10's 157,000 line totals into them row by row took 1.7 s of the backend's CPU (with the builds after, 0.8 s)
    const networkKeys = await dropKeys(
      em,
      NETWORK_TABLES.map((table) => table.name),
    );
    const steps: [name: string, run: () => Promise<void>][] = [
      ['countries', () => new CountriesSeeder().run(em)],
      ['emission-factors', () => new EmissionFactorsSeeder().run(em)],
      ['members', () => new MembersSeeder().run(em, context)],
      ['emissions', () => new EmissionsSeeder().run(em, context)],
      ['indigenous', () => new IndigenousSeeder().run(em)],
      ['timber', () => new TimberSeeder().run(em)],
      [
        'indexes',
        async () => {
          await restoreKeys(em, copiedKeys);
          // the figures are computed from the seeded tables: the planner needs their statistics (the figures' own,
          // and those of the tables still empty, once their rows are in)
          await analyzeTablesWithoutStatistics(em, { except: FIGURE_TABLES, filledOnly: true });
        },
      ],
      [
        'figures',
        async () => {
          await computeEveryMembersFigures(em);
          await restoreKeys(em, figureKeys);
          // the network totals look members' figures up by their keys: only once those are back, and counted
          await em.execute(`analyze ${FIGURE_TABLES.join(', ')}`);
          // hashed: seedDatabase gives this transaction the work_mem for it
          await rebuildNetworkFigures(em, { hashLineTotals: true });
          await restoreKeys(em, networkKeys);
          // the network tables, and the tables the seed leaves empty
          await analyzeTablesWithoutStatistics(em);
        },
      ],
    ];
    for (const [index, [name, run]] of steps.entries()) {
      const report = { name, number: index + 1, of: steps.length };
      context.progress?.(report);
      const started = Date.now();
      await run();
      context.progress?.({ ...report, ms: Date.now() - started });
    }
  }
}
