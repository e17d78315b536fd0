import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { EmissionDimension, EmissionTotal } from './emission-total.type';
import {
  type EmissionTotalsFilter,
  validEmissionFilter,
  whereInventoriesMatch,
  whereRecordsMatch,
} from './emission-filter';
import { visibleInventoriesSql } from './inventory-visibility';
import { standardRankSql } from './standard-preference';

/** Beyond this many groups a caller should narrow the filter or use the CSV export. */
export const MAX_TOTAL_GROUPS = 10_000;

const DIMENSION_COLUMNS: Record<EmissionDimension, { sql: string; field: keyof EmissionTotal }> = {
  [EmissionDimension.COUNTRY]: { sql: 'm.country_code', field: 'countryCode' },
  [EmissionDimension.MEMBER]: { sql: 'i.member_id', field: 'memberId' },
  [EmissionDimension.MEMBER_CATEGORY]: { sql: 'm.category', field: 'memberCategory' },
  [EmissionDimension.YEAR]: { sql: 'i.year', field: 'year' },
  [EmissionDimension.SECTOR]: { sql: 'r.sector', field: 'sector' },
  [EmissionDimension.ENERGY_CARRIER]: { sql: 'r.energy_carrier', field: 'energyCarrier' },
  [EmissionDimension.STANDARD]: { sql: 'i.standard', field: 'standard' },
};

const RECORD_DIMENSIONS = new Set([EmissionDimension.SECTOR, EmissionDimension.ENERGY_CARRIER]);

/** Whether the grouping or filter looks inside inventories; if not, their stored totals answer without reading records. */
function needsRecords(groupBy: EmissionDimension[], filter: EmissionTotalsFilter): boolean {
  return (
    groupBy.some((dimension) => RECORD_DIMENSIONS.has(dimension)) ||
    Boolean(filter.sectors?.length || filter.energyCarriers?.length || filter.scopes?.length)
  );
}

/**
 * Sums the records of the inventories the viewer may see, grouped by the given dimensions, in PostgreSQL.
 * Per member and year only the preferred inventory counts (see InventoryStandard), so nothing is counted twice;
 * grouped by STANDARD, every standard counts in its own group.
 */
export async function emissionTotals(
  ctx: RequestContext,
  groupBy: EmissionDimension[],
  rawFilter: EmissionTotalsFilter,
): Promise<EmissionTotal[]> {
  const filter = await validEmissionFilter(ctx, rawFilter);
  const dimensions = [...new Set(groupBy)].map((dimension) => DIMENSION_COLUMNS[dimension]);
  const knex = ctx.em.getKnex();
  const inventories = whereInventoriesMatch(
    knex
      .from('emission_inventory as i')
      .join('member as m', 'm.id', 'i.member_id')
      .whereRaw(visibleInventoriesSql(ctx.viewer, 'i'))
      .select('i.id', 'i.member_id', 'i.year', 'i.standard', 'i.total_emissions_tco2e', 'i.total_final_energy_mwh')
      .select(
        knex.raw(
          `row_number() over (partition by i.member_id, i.year order by ${standardRankSql('i.standard')}) as preference`,
        ),
      ),
    filter,
  );
  const fromRecords = needsRecords(groupBy, filter);
  const query = knex.from(knex.raw('(?) as i', [inventories])).join('member as m', 'm.id', 'i.member_id');
  if (fromRecords) whereRecordsMatch(query.join('emission_record as r', 'r.inventory_id', 'i.id'), filter);
  // an inventory without records counts for no member, as in the join above
  else query.whereExists(knex.select(knex.raw('1')).from('emission_record as r').whereRaw('r.inventory_id = i.id'));
  const [tco2e, mwh] = fromRecords
    ? ['r.emissions_tco2e', 'r.final_energy_mwh']
    : ['i.total_emissions_tco2e', 'i.total_final_energy_mwh'];
  if (!groupBy.includes(EmissionDimension.STANDARD)) query.where('i.preference', 1);
  for (const { sql, field } of dimensions)
    query
      .select(knex.raw(`${sql} as "${field}"`))
      .groupByRaw(sql)
      .orderByRaw(sql);
  query
    .select(knex.raw(`coalesce(sum(${tco2e}), 0) as "emissionsTco2e"`))
    .select(knex.raw(`sum(${mwh}) as "finalEnergyMwh"`))
    .select(knex.raw('count(distinct i.member_id) as "memberCount"'))
    .limit(MAX_TOTAL_GROUPS + 1);
  const rows: Record<string, string | number | null>[] = await query;
  if (rows.length > MAX_TOTAL_GROUPS) {
    throw new UserInputError('groupBy', `more than ${MAX_TOTAL_GROUPS} groups: narrow the filter or use the export`);
  }
  return rows.map((row) =>
    Object.assign(new EmissionTotal(), row, {
      emissionsTco2e: Number(row.emissionsTco2e),
      finalEnergyMwh: row.finalEnergyMwh === null ? null : Number(row.finalEnergyMwh),
      memberCount: Number(row.memberCount),
    }),
  );
}
