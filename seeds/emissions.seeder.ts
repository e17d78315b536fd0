import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { DataSource } from '../src/modules/emissions/data-source.entity';
import { InventoryStandard, VerificationStatus } from '../src/modules/emissions/emission.enums';
import { ClimateTarget } from '../src/modules/targets/climate-target.entity';
import { climateTargets, type TargetSeed } from './climate-targets';
import { sequentialUuid } from './bulk-insert';
import { insertInventories, type InventorySeed } from './emission-inventories';
import { emissionHistory } from './emission-history';
import { MEMBER_SEEDS } from './members.seeder';
import { uuidFromKey } from './random';
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

async function storeBatch(em: EntityManager, inventories: InventorySeed[], targets: TargetSeed[]): Promise<void> {
  await insertInventories(em, inventories);
  const now = new Date();
  await em.insertMany(
    ClimateTarget,
    targets.map((target) => ({ ...target, version: 1, createdAt: now, updatedAt: now })),
  );
}

/** Every member's inventories since its baseline, with ~30 records each, and its climate targets (bulk inserts). */
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
    // a few hundred members at a time, so memory stays small even at --scale 10; the next batch is generated
    // while the database stores the previous one
    let stored: Promise<void> = Promise.resolve();
    for (const members of inBatches(scaled(MEMBER_SEEDS, context.scale), 250)) {
      const histories: InventorySeed[][] = [];
      for (const seed of members) {
        histories.push(emissionHistory(seed, { dataSourceFor, nextRecordId }));
        // let the pending insert's I/O run meanwhile
        if (histories.length % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      const targets = members.flatMap((seed, i) => climateTargets(seed, histories[i]));
      await stored;
      stored = storeBatch(em, histories.flat(), targets);
      // a failure surfaces at the next `await stored`, not as an unhandled rejection meanwhile
      stored.catch(() => undefined);
    }
    await stored;
  }
}
