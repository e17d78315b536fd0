import type { NetworkTable } from './network-figures.sql';
import { CARRIER_SCOPE_BIT, SECTOR_SCOPE_BIT } from './network-line-rebuild.sql';
import { standardRankSql } from './standard-preference';

/** An inventory standard's bit among its member's standards: bit 0 for the most preferred (BISKO). */
const STANDARD_BIT = `(1 << (${standardRankSql('f.standard')} - 1))::smallint`;

/** A sum of lines (numeric, 3 decimals) in thousandths, as a bigint: summed again in a fixed-size state, exactly. */
const THOUSANDTHS = (sum: string) => `(${sum} * 1000)::bigint`;

/**
 * network_line_mask_total's rows for the members `g` (member_figure_group) matching `where` (every member with
 * `every`, a rebuild's: the lines are read without the join): each inventory's lines (inventory_line_total) summed
 * once, with a bit for each energy carrier and scope and each sector and scope it has lines of; the standards its
 * member has that year, among all inventories and among public ones (a window over the member's year, not a join:
 * every inventory has lines, the submission refuses one without records, so the lines know every inventory); then
 * counted and summed per group, year, standard, the standards preferred to it in the variant, and masks, in each
 * variant it counts in (a private inventory in the variant of all inventories only).
 */
function lineMaskTotals(where: string, every = false): string {
  return `select v.public_only, i.year, g.country_code, g.member_category, i.standard,
      ((case when v.public_only then i.public_standards else i.standards end) & (i.standard_bit - 1))::smallint
        as better_standards,
      i.carrier_scope, i.sector_scope,
      sum(i.emissions_tco2e) * 0.001 as emissions_tco2e, sum(i.emissions_count)::int as emissions_count,
      sum(i.final_energy_mwh) * 0.001 as final_energy_mwh, sum(i.final_energy_count)::int as final_energy_count,
      count(*)::int as member_count
    from (
      select i.*, bit_or(i.standard_bit) over w as standards,
        coalesce(bit_or(i.standard_bit) filter (where i.is_public) over w, 0::smallint) as public_standards
      from (
        select f.member_id, f.year, f.standard, f.is_public, ${STANDARD_BIT} as standard_bit,
          bit_or(${CARRIER_SCOPE_BIT}) as carrier_scope, bit_or(${SECTOR_SCOPE_BIT}) as sector_scope,
          ${THOUSANDTHS('sum(f.emissions_tco2e)')} as emissions_tco2e, count(f.emissions_tco2e) as emissions_count,
          ${THOUSANDTHS('sum(f.final_energy_mwh)')} as final_energy_mwh, count(f.final_energy_mwh) as final_energy_count
        from inventory_line_total f
        ${every ? '' : `join member_figure_group g on g.member_id = f.member_id where ${where}`}
        group by f.inventory_id, f.member_id, f.year, f.standard, f.is_public
      ) i
      window w as (partition by i.member_id, i.year)
    ) i join member_figure_group g on g.member_id = i.member_id
    cross join (values (false), (true)) v(public_only)
    where not v.public_only or i.is_public
    group by 1, 2, 3, 4, 5, 6, 7, 8`;
}

/**
 * network_line_mask_total (see its entity): the members' inventories counted and summed per kind, for the filters
 * naming several values of a line column. Rebuilt with the same statement over every member, which PostgreSQL runs in
 * parallel up to the window (the inventories' sums from 4.4 M lines at x10).
 */
export const NETWORK_LINE_MASK_TABLE: NetworkTable = {
  name: 'network_line_mask_total',
  keys: [
    ['public_only', 'boolean'],
    ['year', 'int'],
    ['country_code', 'varchar'],
    ['member_category', 'member_category'],
    ['standard', 'inventory_standard'],
    ['better_standards', 'smallint'],
    ['carrier_scope', 'bigint'],
    ['sector_scope', 'bigint'],
  ],
  sums: [
    ['emissions_tco2e', 'emissions_count'],
    ['final_energy_mwh', 'final_energy_count'],
  ],
  select: lineMaskTotals,
  rebuild: lineMaskTotals('true', true),
};
