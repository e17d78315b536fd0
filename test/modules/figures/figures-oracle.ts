import type { Knex } from '@mikro-orm/postgresql';
import { standardRankSql } from '../../../src/modules/emissions/standard-preference';

/**
 * emissionTotals as it was computed before the figures were maintained: straight from inventories and records,
 * the preferred inventory chosen per query. Kept here as the property test's oracle.
 */
export interface OracleFilter {
  memberIds?: string[];
  countryCodes?: string[];
  fromYear?: number;
  toYear?: number;
  standards?: string[];
  sectors?: string[];
  energyCarriers?: string[];
  scopes?: string[];
}

const DIMENSIONS: Record<string, { sql: string; field: string }> = {
  COUNTRY: { sql: 'm.country_code', field: 'countryCode' },
  MEMBER_CATEGORY: { sql: 'm.category', field: 'memberCategory' },
  MEMBER: { sql: 'i.member_id', field: 'memberId' },
  YEAR: { sql: 'i.year', field: 'year' },
  SECTOR: { sql: 'r.sector', field: 'sector' },
  ENERGY_CARRIER: { sql: 'r.energy_carrier', field: 'energyCarrier' },
  STANDARD: { sql: 'i.standard', field: 'standard' },
};

export async function oracleEmissionTotals(
  knex: Knex,
  publicOnly: boolean,
  groupBy: string[],
  filter: OracleFilter,
): Promise<Record<string, unknown>[]> {
  const inventories = knex
    .from('emission_inventory as i')
    .join('member as m', 'm.id', 'i.member_id')
    .whereRaw(publicOnly ? 'i.is_public' : 'true')
    .select('i.id', 'i.member_id', 'i.year', 'i.standard')
    .select(
      knex.raw(
        `row_number() over (partition by i.member_id, i.year order by ${standardRankSql('i.standard')}) as preference`,
      ),
    );
  if (filter.memberIds?.length) inventories.whereIn('i.member_id', filter.memberIds);
  if (filter.countryCodes?.length) inventories.whereIn('m.country_code', filter.countryCodes);
  if (filter.fromYear != null) inventories.where('i.year', '>=', filter.fromYear);
  if (filter.toYear != null) inventories.where('i.year', '<=', filter.toYear);
  if (filter.standards?.length) inventories.whereIn('i.standard', filter.standards);
  const query = knex
    .from(knex.raw('(?) as i', [inventories]))
    .join('member as m', 'm.id', 'i.member_id')
    .join('emission_record as r', 'r.inventory_id', 'i.id');
  if (filter.sectors?.length) query.whereIn('r.sector', filter.sectors);
  if (filter.energyCarriers?.length) query.whereIn('r.energy_carrier', filter.energyCarriers);
  if (filter.scopes?.length) query.whereIn('r.scope', filter.scopes);
  if (!groupBy.includes('STANDARD')) query.where('i.preference', 1);
  for (const dimension of groupBy) {
    const { sql, field } = DIMENSIONS[dimension];
    query
      .select(knex.raw(`${sql} as "${field}"`))
      .groupByRaw(sql)
      .orderByRaw(sql);
  }
  const rows: Record<string, string | number | null>[] = await query
    .select(knex.raw('coalesce(sum(r.emissions_tco2e), 0) as "emissionsTco2e"'))
    .select(knex.raw('sum(r.final_energy_mwh) as "finalEnergyMwh"'))
    .select(knex.raw('count(distinct i.member_id) as "memberCount"'));
  return rows.map((row) => ({
    ...row,
    emissionsTco2e: Number(row.emissionsTco2e),
    finalEnergyMwh: row.finalEnergyMwh === null ? null : Number(row.finalEnergyMwh),
    memberCount: Number(row.memberCount),
  }));
}
