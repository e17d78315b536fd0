import type { EntityManager } from '@mikro-orm/postgresql';
import { EmissionInventory } from '../src/modules/emissions/emission-inventory.entity';
import { EmissionRecord } from '../src/modules/emissions/emission-record.entity';
import type { InventoryStandard, VerificationStatus } from '../src/modules/emissions/emission.enums';
import type { ValidRecord } from '../src/modules/emissions/inventory-submission.rules';
import { copyRows, type CopyRow } from './copy-rows';

/** A record as the API would store it after validation, with its id. */
export interface RecordSeed extends ValidRecord {
  id: string;
}

export interface InventorySeed {
  id: string;
  memberId: string;
  year: number;
  standard: InventoryStandard;
  isBaseline: boolean;
  verificationStatus: VerificationStatus;
  isPublic: boolean;
  dataSourceId: string | null;
  toolName: string | null;
  records: RecordSeed[];
}

/** Thousandths, the scale of the numeric(16,3) columns; a seeded value with more decimals is a mistake. */
function thousandths(value: number): number {
  const scaled = Math.round(value * 1000);
  if (Math.abs(scaled / 1000 - value) > 1e-9 * Math.max(1, Math.abs(value))) {
    throw new Error(`a seeded emission value has more than 3 decimals: ${value}`);
  }
  return scaled;
}

/** A sum of thousandths as numeric text ("-12.045"), exact where adding floating-point numbers is not. */
function decimalText(sum: number): string {
  const digits = String(Math.abs(sum)).padStart(4, '0');
  return `${sum < 0 ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
}

/**
 * An inventory's totals as PostgreSQL's sum over its records gives them (inventory-totals.sql.ts): emissions with
 * notation keys adding 0, energy null when no record gives any.
 */
export function inventoryTotals(records: readonly ValidRecord[]): {
  totalEmissionsTco2e: string;
  totalFinalEnergyMwh: string | null;
} {
  let tco2e = 0;
  let mwh: number | null = null;
  for (const record of records) {
    if (record.emissionsTco2e !== null) tco2e += thousandths(record.emissionsTco2e);
    if (record.finalEnergyMwh !== null) mwh = (mwh ?? 0) + thousandths(record.finalEnergyMwh);
  }
  return { totalEmissionsTco2e: decimalText(tco2e), totalFinalEnergyMwh: mwh === null ? null : decimalText(mwh) };
}

/** The inventory's row, with its totals and without its records. */
export function inventoryRow(inventory: InventorySeed, now: Date): CopyRow<EmissionInventory> {
  return {
    id: inventory.id,
    createdAt: now,
    updatedAt: now,
    version: 1,
    member: inventory.memberId,
    year: inventory.year,
    standard: inventory.standard,
    isBaseline: inventory.isBaseline,
    verificationStatus: inventory.verificationStatus,
    isPublic: inventory.isPublic,
    dataSource: inventory.dataSourceId,
    toolName: inventory.toolName,
    ...inventoryTotals(inventory.records),
  };
}

/**
 * The rows of the inventories' records: one object, filled again for each record (COPY writes each row out before it
 * asks for the next), not a new one per record for the garbage collector (22 M of them at x50).
 */
export function* recordRows(inventories: Iterable<InventorySeed>, now: Date): Iterable<CopyRow<EmissionRecord>> {
  const row: Record<keyof RecordSeed | 'createdAt' | 'updatedAt' | 'inventory', unknown> = {
    id: null,
    createdAt: now,
    updatedAt: now,
    inventory: null,
    sector: null,
    energyCarrier: null,
    scope: null,
    finalEnergyMwh: null,
    emissionsTco2e: null,
    dataQuality: null,
    notationKey: null,
    notationExplanation: null,
  };
  for (const inventory of inventories) {
    row.inventory = inventory.id;
    for (const record of inventory.records) {
      row.id = record.id;
      row.sector = record.sector;
      row.energyCarrier = record.energyCarrier;
      row.scope = record.scope;
      row.finalEnergyMwh = record.finalEnergyMwh;
      row.emissionsTco2e = record.emissionsTco2e;
      row.dataQuality = record.dataQuality;
      row.notationKey = record.notationKey;
      row.notationExplanation = record.notationExplanation;
      yield row;
    }
  }
}

/** Writes inventories, with their totals, and their records with COPY. */
export async function insertInventories(em: EntityManager, inventories: InventorySeed[]): Promise<void> {
  const now = new Date();
  await copyRows(
    em,
    EmissionInventory,
    inventories.map((inventory) => inventoryRow(inventory, now)),
  );
  await copyRows(em, EmissionRecord, recordRows(inventories, now));
}
