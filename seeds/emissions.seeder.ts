import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { DataSource } from '../src/modules/emissions/data-source.entity';
import { InventoryStandard, VerificationStatus } from '../src/modules/emissions/emission.enums';
import { EmissionInventory } from '../src/modules/emissions/emission-inventory.entity';
import { EmissionRecord } from '../src/modules/emissions/emission-record.entity';
import { ClimateTarget } from '../src/modules/targets/climate-target.entity';
import { climateTargets } from './climate-targets';
import { copyRows, type CopyRow } from './copy-rows';
import { inventoryRow, recordRows } from './emission-inventories';
import { emissionHistory } from './emission-history';
import { MEMBER_SEEDS } from './members.seeder';
import { sequentialUuid, uuidFromKey } from './random';
import { inBatches, scaled, type SeedContext } from './scale';

/** Seeded record ids are 5eed0001-…, counting up. */
const RECORD_ID_PREFIX = 0x5eed0001;

const DATA_SOURCES = {
  planner: {
    id: uuidFromKey('data-source:klimaschutz-planer'),
    name: 'Klimaschutz-Planer export',
    publisher: 'Klima-Bündnis',
    url: 'https://www.klimaschutz-planer.de',
    licence: 'CC BY 4.0',
  },
  covenant: {
    id: uuidFromKey('data-source:mycovenant'),
    name: 'MyCovenant reporting',
    publisher: 'Covenant of Mayors Office',
    url: 'https://eu-mayors.ec.europa.eu',
    licence: 'CC BY 4.0',
  },
  estimate: {
    id: uuidFromKey('data-source:downscaled-national-inventory'),
    name: 'Downscaled national inventory (estimate)',
    publisher: 'Klima-Bündnis secretariat',
    url: null,
    licence: null,
  },
};

/** Members generated per round of COPY: their inventories and targets wait in memory while their records stream. */
const MEMBERS_PER_BATCH = 2_000;

/** Every member's inventories since its baseline, with ~30 records each, and its climate targets, written with COPY. */
export class EmissionsSeeder extends Seeder<SeedContext> {
  async run(em: EntityManager, context: SeedContext = {}): Promise<void> {
    const now = new Date();
    await em.insertMany(
      DataSource,
      Object.values(DATA_SOURCES).map((source) => ({ ...source, retrievedAt: now, createdAt: now, updatedAt: now })),
    );
    const dataSourceFor = (standard: InventoryStandard, verification: VerificationStatus) =>
      verification === VerificationStatus.ESTIMATED
        ? DATA_SOURCES.estimate.id
        : standard === InventoryStandard.BISKO
          ? DATA_SOURCES.planner.id
          : DATA_SOURCES.covenant.id;
    let records = 0;
    const nextRecordId = () => sequentialUuid(RECORD_ID_PREFIX, ++records);
    for (const members of inBatches(scaled(MEMBER_SEEDS, context.scale), MEMBERS_PER_BATCH)) {
      const inventories: CopyRow<EmissionInventory>[] = [];
      const targets: CopyRow<ClimateTarget>[] = [];
      // each member's history is generated as the server takes the records, and dropped once they are sent
      function* batchRecords() {
        for (const seed of members) {
          const history = emissionHistory(seed, { dataSourceFor, nextRecordId });
          for (const inventory of history) inventories.push(inventoryRow(inventory, now));
          for (const target of climateTargets(seed, history)) targets.push({ ...target, ...stamps(now) });
          yield* recordRows(history, now);
        }
      }
      // records before their inventories: the keys are off during the load (database.seeder.ts)
      await copyRows(em, EmissionRecord, batchRecords(), { freeze: true });
      await copyRows(em, EmissionInventory, inventories, { freeze: true });
      await copyRows(em, ClimateTarget, targets, { freeze: true });
    }
  }
}

function stamps(now: Date) {
  return { version: 1, createdAt: now, updatedAt: now };
}
