import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import type { EmissionTotalsFilter } from './emission-totals.filter';
import { EmissionDimension } from './emission-total.type';
import { publicInventoriesOnly, visibleInventoriesSql } from './inventory-visibility.rules';
import { lineMaskSums } from './line-mask-totals.sql';
import { standardRankSql } from './standard-preference';

/** The maintained tables, from the fewest rows per year to the most. */
export type FigureTable =
  'network years' | 'network sectors' | 'network lines' | 'network masks' | 'years' | 'sectors' | 'lines';

/** The network tables, summed per country, category and year. */
export type NetworkFigureTable = 'network years' | 'network sectors' | 'network lines';

/**
 * The groupings network_line_total holds (see network-figures.sql.ts): the columns that hold one value per row, the
 * others `*`, in the order standard, sector, energy carrier, scope.
 */
const LINE_SHAPES = new Set([
  'energy_carrier',
  'scope',
  'sector scope',
  'energy_carrier scope',
  'standard',
  'standard sector',
]);

/** The columns of network_line_total, each with its dimension (scope has none) and its filter list. */
export const LINE_COLUMNS = [
  { column: 'standard', dimension: EmissionDimension.STANDARD, list: 'standards' },
  { column: 'sector', dimension: EmissionDimension.SECTOR, list: 'sectors' },
  { column: 'energy_carrier', dimension: EmissionDimension.ENERGY_CARRIER, list: 'energyCarriers' },
  { column: 'scope', dimension: null, list: 'scopes' },
] as const;

/**
 * The columns of network_line_total a grouping and filter name (grouped, or filtered to any number of values: the rows
 * of one shape share no line, so their sums add up), or null when the table holds no such shape.
 */
export function lineSumShape(groupBy: EmissionDimension[], filter: EmissionTotalsFilter): string[] | null {
  const shape = LINE_COLUMNS.filter(
    ({ dimension, list }) => (dimension && groupBy.includes(dimension)) || filter[list]?.length,
  ).map(({ column }) => column);
  return LINE_SHAPES.has(shape.join(' ')) ? shape : null;
}

/**
 * The columns of network_line_total that a grouping and filter need one value of per row, or null when the table
 * cannot answer: not by member nor for named members, and each column grouped or filtered to one value (a member
 * counted in two values of a column summed over would be counted twice) in a shape the table holds. Not by year,
 * network_member_line_year_count counts the members.
 */
export function lineShape(groupBy: EmissionDimension[], filter: EmissionTotalsFilter): string[] | null {
  if (groupBy.includes(EmissionDimension.MEMBER)) return null;
  if (filter.memberIds?.length) return null;
  const several = LINE_COLUMNS.some(
    ({ dimension, list }) => !(dimension && groupBy.includes(dimension)) && (filter[list]?.length ?? 0) > 1,
  );
  return several ? null : lineSumShape(groupBy, filter);
}

/** Dimensions and filters the network totals (summed per country, category and year) can answer. */
const NETWORK_DIMENSIONS = new Set([
  EmissionDimension.COUNTRY,
  EmissionDimension.MEMBER_CATEGORY,
  EmissionDimension.YEAR,
  EmissionDimension.SECTOR,
]);

/**
 * The smallest maintained table that answers a grouping and filter. The network totals count each member once per
 * group of a year (and sector), so they answer unless the filter names members, or several sectors a member could
 * be counted in twice without grouping by sector.
 */
export function figureTable(groupBy: EmissionDimension[], filter: EmissionTotalsFilter): FigureTable {
  if (
    groupBy.includes(EmissionDimension.ENERGY_CARRIER) ||
    groupBy.includes(EmissionDimension.STANDARD) ||
    Boolean(filter.energyCarriers?.length || filter.scopes?.length || filter.standards?.length)
  ) {
    if (lineShape(groupBy, filter)) return 'network lines';
    return lineMaskSums(groupBy, filter) ? 'network masks' : 'lines';
  }
  const bySector = groupBy.includes(EmissionDimension.SECTOR) || Boolean(filter.sectors?.length);
  const network =
    groupBy.every((dimension) => NETWORK_DIMENSIONS.has(dimension)) &&
    !filter.memberIds?.length &&
    (groupBy.includes(EmissionDimension.SECTOR) || (filter.sectors?.length ?? 0) <= 1);
  if (network) return bySector ? 'network sectors' : 'network years';
  // several sectors not grouped by: the members counted once from network_line_mask_total
  if (lineMaskSums(groupBy, filter)) return 'network masks';
  return bySector ? 'sectors' : 'years';
}

/**
 * The network totals to sum, aliased `f`, in the variant the viewer may see: per country, category and year
 * (network_year_total), also per sector (network_year_sector_total) or per line column (network_line_total); with
 * `counts`, the members per previous year (network_member_year_count, network_member_sector_year_count,
 * network_member_line_year_count) instead.
 */
export function networkFigureRows(ctx: RequestContext, table: NetworkFigureTable, counts = false): Knex.QueryBuilder {
  const name = {
    'network years': counts ? 'network_member_year_count' : 'network_year_total',
    'network sectors': counts ? 'network_member_sector_year_count' : 'network_year_sector_total',
    'network lines': counts ? 'network_member_line_year_count' : 'network_line_total',
  }[table];
  return ctx.reads.getKnex().from(`${name} as f`).where('f.public_only', publicInventoriesOnly(ctx.viewer));
}

/**
 * The maintained rows to sum, aliased `f` and joined to `member m`, in the variant the viewer may see: the preferred
 * inventory's yearly totals (member_year_total), its sums per sector (member_year_sector_total) or its lines
 * (inventory_line_total). Grouped by STANDARD, every visible inventory counts; with a standards filter, the
 * preferred one among those standards.
 */
export function figureRows(
  ctx: RequestContext,
  groupBy: EmissionDimension[],
  filter: EmissionTotalsFilter,
  table: 'years' | 'sectors' | 'lines',
): Knex.QueryBuilder {
  const knex = ctx.reads.getKnex();
  const publicOnly = publicInventoriesOnly(ctx.viewer);
  if (table === 'years') {
    return knex
      .from('member_year_total as f')
      .join('member as m', 'm.id', 'f.member_id')
      .where({ 'f.public_only': publicOnly, 'f.has_records': true });
  }
  if (table === 'sectors') {
    return knex
      .from('member_year_sector_total as f')
      .join('member as m', 'm.id', 'f.member_id')
      .where('f.public_only', publicOnly);
  }
  const query = knex.from('inventory_line_total as f').join('member as m', 'm.id', 'f.member_id');
  if (publicOnly) query.where('f.is_public', true);
  if (groupBy.includes(EmissionDimension.STANDARD)) return query;
  if (!filter.standards?.length) return query.where(publicOnly ? 'f.preferred_public' : 'f.preferred', true);
  // preferred among the filtered standards: no more preferred visible inventory of those standards that year
  return query.whereNotExists(
    knex
      .from('emission_inventory as j')
      .whereRaw('j.member_id = f.member_id and j.year = f.year')
      .whereIn('j.standard', filter.standards)
      .whereRaw(visibleInventoriesSql(ctx.viewer, 'j'))
      .whereRaw(`${standardRankSql('j.standard')} < ${standardRankSql('f.standard')}`),
  );
}
