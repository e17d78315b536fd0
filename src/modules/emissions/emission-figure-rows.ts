import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import type { EmissionTotalsFilter } from './emission-filter';
import { EmissionDimension } from './emission-total.type';
import { publicInventoriesOnly, visibleInventoriesSql } from './inventory-visibility';
import { standardRankSql } from './standard-preference';

/** The smallest maintained table that answers a grouping and filter: fewer rows per member and year first. */
function figureTable(groupBy: EmissionDimension[], filter: EmissionTotalsFilter): 'years' | 'sectors' | 'lines' {
  if (
    groupBy.includes(EmissionDimension.ENERGY_CARRIER) ||
    groupBy.includes(EmissionDimension.STANDARD) ||
    Boolean(filter.energyCarriers?.length || filter.scopes?.length || filter.standards?.length)
  ) {
    return 'lines';
  }
  return groupBy.includes(EmissionDimension.SECTOR) || filter.sectors?.length ? 'sectors' : 'years';
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
): Knex.QueryBuilder {
  const knex = ctx.em.getKnex();
  const publicOnly = publicInventoriesOnly(ctx.viewer);
  const table = figureTable(groupBy, filter);
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
