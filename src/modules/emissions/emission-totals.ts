import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { inFigureSlot } from '../../db/figure-slots';
import { EmissionDimension, EmissionTotal } from './emission-total.type';
import {
  type EmissionTotalsFilter,
  validEmissionFilter,
  whereInventoriesMatch,
  whereRecordsMatch,
} from './emission-filter';
import { figureRows } from './emission-figure-rows';

/** Beyond this many groups a caller should narrow the filter or use the CSV export. */
export const MAX_TOTAL_GROUPS = 10_000;

/** Each dimension's column in the maintained figure rows `f` (see emission-figure-rows.ts) joined to `member m`. */
const DIMENSION_COLUMNS: Record<EmissionDimension, { sql: string; field: keyof EmissionTotal }> = {
  [EmissionDimension.COUNTRY]: { sql: 'm.country_code', field: 'countryCode' },
  [EmissionDimension.MEMBER]: { sql: 'f.member_id', field: 'memberId' },
  [EmissionDimension.MEMBER_CATEGORY]: { sql: 'm.category', field: 'memberCategory' },
  [EmissionDimension.YEAR]: { sql: 'f.year', field: 'year' },
  [EmissionDimension.SECTOR]: { sql: 'f.sector', field: 'sector' },
  [EmissionDimension.ENERGY_CARRIER]: { sql: 'f.energy_carrier', field: 'energyCarrier' },
  [EmissionDimension.STANDARD]: { sql: 'f.standard', field: 'standard' },
};

/**
 * Sums the emissions of the inventories the viewer may see, grouped by the given dimensions, in PostgreSQL, from
 * the figures maintained on write (see emission-figures.sql.ts): the work follows the members, years and lines
 * matched, not the records stored. Per member and year only the preferred inventory counts (see InventoryStandard),
 * so nothing is counted twice; grouped by STANDARD, every standard counts in its own group.
 */
export async function emissionTotals(
  ctx: RequestContext,
  groupBy: EmissionDimension[],
  rawFilter: EmissionTotalsFilter,
): Promise<EmissionTotal[]> {
  const filter = await validEmissionFilter(ctx, rawFilter);
  const dimensions = [...new Set(groupBy)].map((dimension) => DIMENSION_COLUMNS[dimension]);
  const knex = ctx.em.getKnex();
  const perMember = whereRecordsMatch(whereInventoriesMatch(figureRows(ctx, groupBy, filter), filter, 'f'), filter, 'f')
    .select('f.member_id')
    .select(knex.raw('sum(f.emissions_tco2e) as tco2e'), knex.raw('sum(f.final_energy_mwh) as mwh'))
    .groupBy('f.member_id');
  // summed per member first, so each group counts its members with count(*) instead of sorting for a distinct count
  const query = knex.from(knex.raw('(?) as g', [perMember]));
  for (const { sql, field } of dimensions) {
    perMember.select(knex.raw(`${sql} as "${field}"`)).groupByRaw(sql);
    query.select(`g.${field}`).groupBy(`g.${field}`).orderBy(`g.${field}`);
  }
  query
    .select(knex.raw('coalesce(sum(g.tco2e), 0) as "emissionsTco2e"'))
    .select(knex.raw('sum(g.mwh) as "finalEnergyMwh"'))
    .select(knex.raw('count(*) as "memberCount"'))
    .limit(MAX_TOTAL_GROUPS + 1);
  const rows: Record<string, string | number | null>[] = await inFigureSlot(async () => await query);
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
