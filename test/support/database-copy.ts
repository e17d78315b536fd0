import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { onMaintenanceDatabase } from './database-server';

/** A database of this test file's own, copied from the run's template (migrated, with the test scenarios). */
export interface DatabaseCopy {
  url: string;
  drop(): Promise<void>;
}

export async function copyTemplateDatabase(label: string): Promise<DatabaseCopy> {
  const maintenanceUrl = inject('databaseServerUrl');
  const template = inject('templateDatabase');
  const database = `${template.replace(/_template$/, '')}_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onMaintenanceDatabase(maintenanceUrl, [`create database "${database}" template "${template}"`]);
  return {
    url: Object.assign(new URL(maintenanceUrl), { pathname: `/${database}` }).toString(),
    drop: () => onMaintenanceDatabase(maintenanceUrl, [`drop database if exists "${database}" with (force)`]),
  };
}

/** Copies every emission record `times` more times, so an export is far larger than any socket buffer. */
export function multiplyEmissionRecords(databaseUrl: string, times: number): Promise<void> {
  return onMaintenanceDatabase(databaseUrl, [
    'alter table emission_record drop constraint emission_record_inventory_line_unique',
    `insert into emission_record (id, created_at, updated_at, inventory_id, sector, energy_carrier, scope,
       final_energy_mwh, emissions_tco2e, data_quality, notation_key, notation_explanation)
     select gen_random_uuid(), created_at, updated_at, inventory_id, sector, energy_carrier, scope,
       final_energy_mwh, emissions_tco2e, data_quality, notation_key, notation_explanation
     from emission_record, generate_series(1, ${Number(times)})`,
  ]);
}
