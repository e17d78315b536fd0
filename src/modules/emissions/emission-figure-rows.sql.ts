import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import type { EmissionTotalsFilter } from './emission-totals.filter';
import { EmissionDimension } from './emission-total.type';
import { publicInventoriesOnly, visibleInventoriesSql } from './inventory-visibility.rules';
import { standardRankSql } from './standard-preference';

/** The maintained tables, from the fewest rows per year to the most. */
export type FigureTable = 'network years' | 'network sectors' | 'years' | 'sectors' | 'lines';

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
    return 'lines';
  }
  const bySector = groupBy.includes(EmissionDimension.SECTOR) || Boolean(filter.sectors?.length);
  const network =
    groupBy.every((dimension) => NETWORK_DIMENSIONS.has(dimension)) &&
    !filter.memberIds?.length &&
    (groupBy.includes(EmissionDimension.SECTOR) || (filter.sectors?.length ?? 0) <= 1);
  if (network) return bySector ? 'network sectors' : 'network years';
  return bySector ? 'sectors' : 'years';
}

/**
 * The network totals to sum, aliased `f`, in the variant the viewer may see: per country, category and year
 * (network_year_total) or also per sector (network_year_sector_total); with `counts`, the members per previous year
 * (network_member_year_count, network_member_sector_year_count) instead.
 */
export function networkFigureRows(
  ctx: RequestContext,
  table: 'network years' | 'network sectors',
  counts = false,
): Knex.QueryBuilder {
  const name = {
    'network years': counts ? 'network_member_year_count' : 'network_year_total',
    'network sectors': counts ? 'network_member_sector_year_count' : 'network_year_sector_total',
  }[table];
  return ctx.em.getKnex().from(`${name} as f`).where('f.public_only', publicInventoriesOnly(ctx.viewer));
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
  const knex = ctx.em.getKnex();
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
