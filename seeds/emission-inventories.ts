import type { EntityManager } from '@mikro-orm/postgresql';
import type { InventoryStandard, VerificationStatus } from '../src/modules/emissions/emission.enums';
import type { ValidRecord } from '../src/modules/emissions/inventory-submission';
import { refreshInventoryTotals } from '../src/modules/emissions/inventory-totals';
import { bulkInsert } from './bulk-insert';

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

/** Writes inventories and their records in bulk, then derives their totals from their records. */
export async function insertInventories(em: EntityManager, inventories: InventorySeed[]): Promise<void> {
  await bulkInsert(
    em,
    'emission_inventory',
    [
      { name: 'id', type: 'uuid' },
      { name: 'member_id', type: 'uuid' },
      { name: 'year', type: 'int' },
      { name: 'standard', type: 'inventory_standard' },
      { name: 'is_baseline', type: 'boolean' },
      { name: 'verification_status', type: 'verification_status' },
      { name: 'is_public', type: 'boolean' },
      { name: 'data_source_id', type: 'uuid' },
      { name: 'tool_name', type: 'text' },
    ],
    inventories.map((i) => [
      i.id,
      i.memberId,
      i.year,
      i.standard,
      i.isBaseline,
      i.verificationStatus,
      i.isPublic,
      i.dataSourceId,
      i.toolName,
    ]),
  );
  await bulkInsert(
    em,
    'emission_record',
    [
      { name: 'id', type: 'uuid' },
      { name: 'inventory_id', type: 'uuid' },
      { name: 'sector', type: 'emission_sector' },
      { name: 'energy_carrier', type: 'energy_carrier' },
      { name: 'scope', type: 'emission_scope' },
      { name: 'final_energy_mwh', type: 'numeric' },
      { name: 'emissions_tco2e', type: 'numeric' },
      { name: 'data_quality', type: 'data_quality' },
      { name: 'notation_key', type: 'notation_key' },
      { name: 'notation_explanation', type: 'text' },
    ],
    inventories.flatMap((i) =>
      i.records.map((r) => [
        r.id,
        i.id,
        r.sector,
        r.energyCarrier,
        r.scope,
        r.finalEnergyMwh,
        r.emissionsTco2e,
        r.dataQuality,
        r.notationKey,
        r.notationExplanation,
      ]),
    ),
  );
  await refreshInventoryTotals(
    em,
    inventories.map((inventory) => inventory.id),
  );
}
