import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { inFigureSlot } from '../../db/figure-slots';
import { EmissionDimension, EmissionTotal } from './emission-total.type';
import {
  type EmissionTotalsFilter,
  validEmissionFilter,
  whereInventoriesMatch,
  whereRecordsMatch,
} from './emission-totals.filter';
import {
  figureRows,
  figureTable,
  LINE_COLUMNS,
  lineSumShape,
  type NetworkFigureTable,
  networkFigureRows,
} from './emission-figure-rows.sql';
import { EVERY_VALUE } from './network-line-total.entity';
import { FIRST_INVENTORY_YEAR } from './inventory-submission.rules';
import { lineMaskSums, lineMaskTotalsQuery } from './line-mask-totals.sql';

/** Beyond this many groups a caller should narrow the filter or use the CSV export. */
export const MAX_TOTAL_GROUPS = 10_000;

/** Each dimension's column in the maintained figure rows `f` (see emission-figure-rows.sql.ts) joined to `member m`. */
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
 * Each dimension's column in the network totals `f` (see network-figures.sql.ts), as its enum: network_line_total
 * keeps them as text (with `*`), and groups are ordered as the enum orders its values.
 */
const NETWORK_COLUMNS: Partial<Record<EmissionDimension, string>> = {
  [EmissionDimension.COUNTRY]: 'f.country_code',
  [EmissionDimension.MEMBER_CATEGORY]: 'f.member_category',
  [EmissionDimension.YEAR]: 'f.year',
  [EmissionDimension.SECTOR]: 'f.sector::emission_sector',
  [EmissionDimension.ENERGY_CARRIER]: 'f.energy_carrier::energy_carrier',
  [EmissionDimension.STANDARD]: 'f.standard::inventory_standard',
};

/** The network totals (or with `counts`, the member counts by previous year) matching the filter, grouped. */
function networkRows(
  ctx: RequestContext,
  dimensions: EmissionDimension[],
  filter: EmissionTotalsFilter,
  table: NetworkFigureTable,
  counts: boolean,
): Knex.QueryBuilder {
  const knex = ctx.reads.getKnex();
  const query = networkFigureRows(ctx, table, counts);
  if (filter.countryCodes?.length) query.whereIn('f.country_code', filter.countryCodes);
  if (filter.memberCategories?.length) query.whereIn('f.member_category', filter.memberCategories);
  if (filter.fromYear != null) query.where('f.year', '>=', filter.fromYear);
  if (filter.toYear != null) query.where('f.year', '<=', filter.toYear);
  if (table === 'network lines') {
    // the rows of the grouping's shape: its columns hold values, the others every value
    const shape = lineSumShape(dimensions, filter) ?? [];
    query.where('f.shape', shape.join(' '));
    for (const { column, list } of LINE_COLUMNS) {
      const values = filter[list];
      if (!shape.includes(column)) query.where(`f.${column}`, EVERY_VALUE);
      else if (values?.length) query.whereIn(`f.${column}`, values);
      else query.whereNot(`f.${column}`, EVERY_VALUE);
    }
  } else if (filter.sectors?.length) query.whereIn('f.sector', filter.sectors);
  for (const dimension of dimensions) {
    const sql = NETWORK_COLUMNS[dimension]!;
    query.select(knex.raw(`${sql} as "${DIMENSION_COLUMNS[dimension].field}"`)).groupByRaw(sql);
  }
  return query;
}

/** The grouped sums of the network totals matching the filter, without their member counts. */
function networkSums(
  ctx: RequestContext,
  dimensions: EmissionDimension[],
  filter: EmissionTotalsFilter,
  table: NetworkFigureTable,
): Knex.QueryBuilder {
  const knex = ctx.reads.getKnex();
  return networkRows(ctx, dimensions, filter, table, false)
    .select(knex.raw('coalesce(sum(f.emissions_tco2e), 0) as "emissionsTco2e"'))
    .select(knex.raw('sum(f.final_energy_mwh) as "finalEnergyMwh"'));
}

/**
 * The grouped sums of the network totals: a few rows per country, category and year. Grouped by year, their member
 * counts add up; otherwise each member is counted once, in the first year of the range it reported in (the one
 * whose previous report came before the range).
 */
function networkTotalsQuery(
  ctx: RequestContext,
  dimensions: EmissionDimension[],
  filter: EmissionTotalsFilter,
  table: NetworkFigureTable,
): Knex.QueryBuilder {
  const knex = ctx.reads.getKnex();
  const sums = networkSums(ctx, dimensions, filter, table);
  const fields = dimensions.map((dimension) => DIMENSION_COLUMNS[dimension].field);
  if (dimensions.includes(EmissionDimension.YEAR)) {
    for (const field of fields) sums.orderBy(field);
    return sums.select(knex.raw('sum(f.member_count) as "memberCount"'));
  }
  const counts = networkRows(ctx, dimensions, filter, table, true)
    .where('f.previous_year', '<', filter.fromYear ?? FIRST_INVENTORY_YEAR)
    .select(knex.raw('coalesce(sum(f.member_count), 0) as "memberCount"'));
  const query = knex.with('s', sums).with('c', counts).from('s').select('s.*', 'c.memberCount');
  if (!fields.length) return query.crossJoin(knex.raw('c'));
  for (const field of fields) query.orderBy(`s.${field}`);
  return query.join('c', (on) => {
    for (const field of fields) on.on(`s.${field}`, `c.${field}`);
  });
}

/** The grouped sums of the per-member figure rows, summed per member first. */
function memberTotalsQuery(
  ctx: RequestContext,
  dimensions: EmissionDimension[],
  filter: EmissionTotalsFilter,
  table: 'years' | 'sectors' | 'lines',
): Knex.QueryBuilder {
  const knex = ctx.reads.getKnex();
  const perMember = whereRecordsMatch(
    whereInventoriesMatch(figureRows(ctx, dimensions, filter, table), filter, 'f'),
    filter,
    'f',
  )
    .select('f.member_id')
    .select(knex.raw('sum(f.emissions_tco2e) as tco2e'), knex.raw('sum(f.final_energy_mwh) as mwh'))
    .groupBy('f.member_id');
  // summed per member first, so each group counts its members with count(*) instead of sorting for a distinct count
  const query = knex.from(knex.raw('(?) as g', [perMember]));
  for (const dimension of dimensions) {
    const { sql, field } = DIMENSION_COLUMNS[dimension];
    perMember.select(knex.raw(`${sql} as "${field}"`)).groupByRaw(sql);
    query.select(`g.${field}`).groupBy(`g.${field}`).orderBy(`g.${field}`);
  }
  return query
    .select(knex.raw('coalesce(sum(g.tco2e), 0) as "emissionsTco2e"'))
    .select(knex.raw('sum(g.mwh) as "finalEnergyMwh"'))
    .select(knex.raw('count(*) as "memberCount"'));
}

/**
 * Sums the emissions of the inventories the viewer may see, grouped by the given dimensions, in PostgreSQL, from
 * the figures maintained on write (see emission-figures.sql.ts, network-figures.sql.ts): the work follows the groups,
 * members, years and lines matched, not the records stored. Per member and year only the preferred inventory counts
 * (see InventoryStandard), so nothing is counted twice; grouped by STANDARD, every standard counts in its own group.
 */
export async function emissionTotals(
  ctx: RequestContext,
  groupBy: EmissionDimension[],
  rawFilter: EmissionTotalsFilter,
): Promise<EmissionTotal[]> {
  const filter = await validEmissionFilter(ctx, rawFilter);
  const dimensions = [...new Set(groupBy)];
  const table = figureTable(dimensions, filter);
  let query: Knex.QueryBuilder;
  if (table === 'network masks') {
    // the sums from the network totals (for several standards alone, the mask rows' own), the members counted once
    const sums = lineMaskSums(dimensions, filter);
    const networkTable = sums === 'masks' ? null : sums;
    query = lineMaskTotalsQuery(
      ctx,
      dimensions,
      filter,
      networkTable && networkSums(ctx, dimensions, filter, networkTable),
    );
  } else if (table === 'network years' || table === 'network sectors' || table === 'network lines') {
    query = networkTotalsQuery(ctx, dimensions, filter, table);
  } else query = memberTotalsQuery(ctx, dimensions, filter, table);
  query.limit(MAX_TOTAL_GROUPS + 1);
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
