import { InventoryStandard, VerificationStatus } from '../src/modules/emissions/emission.enums';
import { climateTargets } from './climate-targets';
import { binaryRows, type CopyFormat, type CopyRow } from './copy-binary';
import { emissionHistory, emissionRecordCount } from './emission-history';
import { inventoryRow, recordRows } from './emission-inventories';
import type { MemberSeed } from './members.seeder';
import { sequentialUuid, uuidFromKey } from './random';

/** Seeded record ids are 5eed0001-…, counting up. */
const RECORD_ID_PREFIX = 0x5eed0001;

export const DATA_SOURCES = {
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

function dataSourceFor(standard: InventoryStandard, verification: VerificationStatus): string {
  return verification === VerificationStatus.ESTIMATED
    ? DATA_SOURCES.estimate.id
    : standard === InventoryStandard.BISKO
      ? DATA_SOURCES.planner.id
      : DATA_SOURCES.covenant.id;
}

/** The COPY formats of the tables a batch of members fills. */
export interface EmissionFormats {
  records: CopyFormat;
  inventories: CopyFormat;
  targets: CopyFormat;
}

/** Some consecutive members, and how many records the members before them have (their ids count on from there). */
export interface EmissionBatch {
  members: MemberSeed[];
  recordsBefore: number;
  /** How many records the batch's members have (emissionRecordCount): checked against what they were given. */
  records: number;
}

/** A batch's rows in COPY's binary format (binaryRows' chunks), per table. */
export interface EncodedBatch {
  records: Buffer[];
  inventories: Buffer[];
  targets: Buffer[];
}

/** The members in batches of `size`, each with the records before it, counted without generating any. */
export function emissionBatches(members: readonly MemberSeed[], size: number): EmissionBatch[] {
  const batches: EmissionBatch[] = [];
  let recordsBefore = 0;
  for (let start = 0; start < members.length; start += size) {
    const slice = members.slice(start, start + size);
    const records = slice.reduce((sum, seed) => sum + emissionRecordCount(seed), 0);
    batches.push({ members: slice, recordsBefore, records });
    recordsBefore += records;
  }
  return batches;
}

/**
 * Every inventory since its baseline of the batch's members, with ~30 records each, and their climate targets, in
 * COPY's binary format: the same rows, in the same order, wherever and in whatever order the batches are encoded.
 */
export function encodeEmissionBatch(formats: EmissionFormats, batch: EmissionBatch, now: Date): EncodedBatch {
  let record = batch.recordsBefore;
  const nextRecordId = () => sequentialUuid(RECORD_ID_PREFIX, ++record);
  const inventories: CopyRow<object>[] = [];
  const targets: CopyRow<object>[] = [];
  // each member's history is encoded as it is generated, and dropped once its records are written
  function* records() {
    for (const seed of batch.members) {
      const history = emissionHistory(seed, { dataSourceFor, nextRecordId });
      for (const inventory of history) inventories.push(inventoryRow(inventory, now));
      for (const target of climateTargets(seed, history)) {
        targets.push({ ...target, version: 1, createdAt: now, updatedAt: now });
      }
      yield* recordRows(history, now);
    }
  }
  const encoded = {
    records: [...binaryRows(formats.records, records())],
    inventories: [...binaryRows(formats.inventories, inventories)],
    targets: [...binaryRows(formats.targets, targets)],
  };
  if (record - batch.recordsBefore !== batch.records) {
    throw new Error(`emission batch: ${record - batch.recordsBefore} records generated, ${batch.records} counted`);
  }
  return encoded;
}
