import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { type EmissionTotalsFilter, whereInventoriesMatch, whereRecordsMatch } from './emission-filter';
import { visibleInventoriesSql } from './inventory-visibility';
import { standardRankSql } from './standard-preference';

/** The columns of an export row, in order; numbers come as exact decimal text (numeric, trailing zeros trimmed). */
export const EXPORT_COLUMNS = [
  'member_id',
  'member_name',
  'country_code',
  'member_category',
  'year',
  'standard',
  'is_preferred',
  'sector',
  'energy_carrier',
  'scope',
  'final_energy_mwh',
  'emissions_tco2e',
  'data_quality',
  'notation_key',
  'emission_factor_tco2e_per_mwh',
  'emission_factor_set',
  'emission_factor_set_version',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;
export const EXPORT_NUMERIC_COLUMNS = new Set([
  'final_energy_mwh',
  'emissions_tco2e',
  'emission_factor_tco2e_per_mwh',
  'emission_factor_set_version',
]);

/**
 * One flat row per record of every matching inventory (all standards; `is_preferred` marks the inventory the
 * API's figures use for that member and year), ordered by member name, year, standard, sector, carrier, scope.
 */
export function emissionExportQuery(knex: Knex, viewer: Viewer, filter: EmissionTotalsFilter): Knex.QueryBuilder {
  const inventories = whereInventoriesMatch(
    knex
      .from('emission_inventory as i')
      .join('member as m', 'm.id', 'i.member_id')
      .whereRaw(visibleInventoriesSql(viewer, 'i'))
      .select('i.id', 'i.member_id', 'i.year', 'i.standard', 'm.name', 'm.country_code', 'm.category')
      .select(
        knex.raw(
          `row_number() over (partition by i.member_id, i.year order by ${standardRankSql('i.standard')}) = 1 ` +
            'as is_preferred',
        ),
      ),
    filter,
  );
  return whereRecordsMatch(
    knex
      .from(knex.raw('(?) as i', [inventories]))
      .join('emission_record as r', 'r.inventory_id', 'i.id')
      .leftJoin('emission_factor_set as fs', 'fs.id', 'r.emission_factor_set_id')
      .select('i.member_id', 'i.name as member_name', 'i.country_code', 'i.category as member_category')
      .select('i.year', 'i.standard', 'i.is_preferred', 'r.sector', 'r.energy_carrier', 'r.scope')
      .select(knex.raw('trim_scale(r.final_energy_mwh)::text as final_energy_mwh'))
      .select(knex.raw('trim_scale(r.emissions_tco2e)::text as emissions_tco2e'))
      .select('r.data_quality', 'r.notation_key')
      .select(knex.raw('trim_scale(r.emission_factor_tco2e_per_mwh)::text as emission_factor_tco2e_per_mwh'))
      .select('fs.name as emission_factor_set', 'fs.version as emission_factor_set_version')
      .orderBy(['i.name', 'i.member_id', 'i.year', 'i.standard', 'r.sector', 'r.energy_carrier', 'r.scope']),
    filter,
  );
}
