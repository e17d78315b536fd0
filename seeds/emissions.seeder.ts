import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { DataSource } from '../src/modules/emissions/data-source.entity';
import { EmissionInventory } from '../src/modules/emissions/emission-inventory.entity';
import { EmissionRecord } from '../src/modules/emissions/emission-record.entity';
import { ClimateTarget } from '../src/modules/targets/climate-target.entity';
import { copyBinary, copyFormat } from './copy-rows';
import { DATA_SOURCES, emissionBatches, type EmissionFormats } from './emission-batches';
import { encodedBatches } from './emission-workers';
import { MEMBER_SEEDS } from './members.seeder';
import { scaled, type SeedContext } from './scale';

/**
 * Members per batch: the unit a worker thread encodes (its rows wait in memory, about 10 MB, until written) and of
 * one COPY per table.
 */
const MEMBERS_PER_BATCH = 250;

/**
 * Every member's inventories since its baseline, with ~30 records each, and its climate targets, written with COPY
 * on the transaction's connection, generated and encoded by worker threads batch by batch (emission-workers.ts).
 */
export class EmissionsSeeder extends Seeder<SeedContext> {
  async run(em: EntityManager, context: SeedContext = {}): Promise<void> {
    const now = new Date();
    await em.insertMany(
      DataSource,
      Object.values(DATA_SOURCES).map((source) => ({ ...source, retrievedAt: now, createdAt: now, updatedAt: now })),
    );
    const formats: EmissionFormats = {
      records: await copyFormat(em, EmissionRecord),
      inventories: await copyFormat(em, EmissionInventory),
      targets: await copyFormat(em, ClimateTarget),
    };
    const batches = emissionBatches(scaled(MEMBER_SEEDS, context.scale), MEMBERS_PER_BATCH);
    for await (const batch of encodedBatches(formats, batches, now)) {
      // records before their inventories: the keys are off during the load (database.seeder.ts)
      await copyBinary(em, formats.records, batch.records, { freeze: true });
      await copyBinary(em, formats.inventories, batch.inventories, { freeze: true });
      await copyBinary(em, formats.targets, batch.targets, { freeze: true });
    }
  }
}
