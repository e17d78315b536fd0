import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { LINE_COLUMNS, lineSumShape } from './emission-figure-rows.sql';
import { EmissionDimension, type EmissionTotal } from './emission-total.type';
import type { EmissionTotalsFilter } from './emission-totals.filter';
import { EmissionScope, EnergyCarrier, type InventoryStandard, Sector } from './emission.enums';
import { publicInventoriesOnly } from './inventory-visibility.rules';
import { bigintSql, bits, carrierScopeBit, LINE_KINDS_FIT_MASKS, sectorScopeBit } from './network-line-rebuild.sql';
import { STANDARD_PREFERENCE } from './standard-preference';

const CARRIERS = Object.values(EnergyCarrier);
const SECTORS = Object.values(Sector);
const SCOPES = Object.values(EmissionScope);

/**
 * Where a grouping whose filter names several values of a line column takes its sums from, the members being
 * counted from network_line_mask_total: the network line totals of the columns it names (any number of values of a
 * column add up: the rows of one shape share no line), the sector totals for several sectors alone, or the mask rows'
 * own sums for several standards alone (the preferred inventory among them). Null when no network table answers:
 * not grouped by year (the counts of a range would need each member's years), by member or for named members, and
 * combinations without sums (several standards with line columns, sectors with energy carriers).
 */
export function lineMaskSums(
  groupBy: EmissionDimension[],
  filter: EmissionTotalsFilter,
): 'network lines' | 'network sectors' | 'masks' | null {
  if (!LINE_KINDS_FIT_MASKS || !groupBy.includes(EmissionDimension.YEAR)) return null;
  if (groupBy.includes(EmissionDimension.MEMBER) || filter.memberIds?.length) return null;
  const grouped = (dimension: EmissionDimension | null) => dimension !== null && groupBy.includes(dimension);
  const several = LINE_COLUMNS.filter(
    ({ dimension, list }) => !grouped(dimension) && (filter[list]?.length ?? 0) > 1,
  ).map(({ column }) => column);
  if (!several.length) return null;
  const named = LINE_COLUMNS.filter(({ dimension, list }) => grouped(dimension) || filter[list]?.length).map(
    ({ column }) => column,
  );
  if (several.includes('standard')) return named.length === 1 ? 'masks' : null;
  if (named.join(' ') === 'sector') return 'network sectors';
  return lineSumShape(groupBy, filter) ? 'network lines' : null;
}

/** The bits of the standards among the preference order (bit 0 BISKO), as the table's better_standards holds them. */
function standardBits(standards: InventoryStandard[]): number {
  return standards.reduce((mask, standard) => mask | (1 << STANDARD_PREFERENCE.indexOf(standard)), 0);
}

/** The values of an enum a filter list keeps, in the enum's order (all of them for an empty list). */
function kept<T extends string>(values: T[], list: readonly T[] | undefined): T[] {
  return list?.length ? values.filter((value) => list.includes(value)) : values;
}

/**
 * The mask the filter's line values are tested against and, per value of its line column (energy carrier or sector),
 * the bits of that value in each scope the filter keeps; null when the filter names no line column.
 */
function lineBits(
  groupBy: EmissionDimension[],
  filter: EmissionTotalsFilter,
): { mask: string; type: string; dimension: EmissionDimension; values: [string, bigint][] } | null {
  const scopes = kept(SCOPES, filter.scopes).map((scope) => SCOPES.indexOf(scope));
  if (filter.energyCarriers?.length || groupBy.includes(EmissionDimension.ENERGY_CARRIER)) {
    return {
      mask: 'carrier_scope',
      type: 'energy_carrier',
      dimension: EmissionDimension.ENERGY_CARRIER,
      values: kept(CARRIERS, filter.energyCarriers).map((carrier) => [
        carrier,
        bits(scopes.map((scope) => carrierScopeBit(CARRIERS.indexOf(carrier), scope))),
      ]),
    };
  }
  if (filter.sectors?.length || filter.scopes?.length || groupBy.includes(EmissionDimension.SECTOR)) {
    return {
      mask: 'sector_scope',
      type: 'emission_sector',
      dimension: EmissionDimension.SECTOR,
      values: kept(SECTORS, filter.sectors).map((sector) => [
        sector,
        bits(scopes.map((scope) => sectorScopeBit(SECTORS.indexOf(sector), scope))),
      ]),
    };
  }
  return null;
}

/** Each dimension's column in network_line_mask_total `f` (a line column's from the values joined as `b`). */
const MASK_COLUMNS: Partial<Record<EmissionDimension, { sql: string; field: keyof EmissionTotal }>> = {
  [EmissionDimension.COUNTRY]: { sql: 'f.country_code', field: 'countryCode' },
  [EmissionDimension.MEMBER_CATEGORY]: { sql: 'f.member_category', field: 'memberCategory' },
  [EmissionDimension.YEAR]: { sql: 'f.year', field: 'year' },
  [EmissionDimension.STANDARD]: { sql: 'f.standard', field: 'standard' },
  [EmissionDimension.SECTOR]: { sql: 'b.value', field: 'sector' },
  [EmissionDimension.ENERGY_CARRIER]: { sql: 'b.value', field: 'energyCarrier' },
};

/**
 * The rows of network_line_mask_total in the viewer's variant of the inventories that count, grouped: grouped by
 * standard every inventory (of the filter's standards); with a standards filter the one preferred among them (no
 * standard of the filter preferred to it); otherwise the preferred one. Of those, the inventories with a line of the
 * filter's values (a bit of them in their mask), in each group of a line column grouped by.
 */
function maskRows(ctx: RequestContext, groupBy: EmissionDimension[], filter: EmissionTotalsFilter): Knex.QueryBuilder {
  const knex = ctx.reads.getKnex();
  const query = knex.from('network_line_mask_total as f').where('f.public_only', publicInventoriesOnly(ctx.viewer));
  if (filter.countryCodes?.length) query.whereIn('f.country_code', filter.countryCodes);
  if (filter.memberCategories?.length) query.whereIn('f.member_category', filter.memberCategories);
  if (filter.fromYear != null) query.where('f.year', '>=', filter.fromYear);
  if (filter.toYear != null) query.where('f.year', '<=', filter.toYear);
  const standards = filter.standards ?? [];
  if (standards.length) query.whereIn('f.standard', standards);
  // grouped by standard, every inventory counts in its standard's group
  if (!groupBy.includes(EmissionDimension.STANDARD)) {
    if (standards.length) query.whereRaw('f.better_standards & ? = 0', [standardBits(standards)]);
    else query.where('f.better_standards', 0);
  }
  const line = lineBits(groupBy, filter);
  if (line && groupBy.includes(line.dimension)) {
    const values = line.values.map(([value, mask]) => `('${value}'::${line.type}, ${bigintSql(mask)})`).join(', ');
    query.joinRaw(`join (values ${values}) as b(value, bits) on f.${line.mask} & b.bits <> 0`);
  } else if (line) {
    const mask = line.values.reduce((all, [, value]) => all | value, 0n);
    query.whereRaw(`f.${line.mask} & ${bigintSql(BigInt.asIntN(64, mask))} <> 0`);
  }
  for (const dimension of groupBy) {
    const { sql, field } = MASK_COLUMNS[dimension]!;
    query.select(knex.raw(`${sql} as "${field}"`)).groupByRaw(sql);
  }
  return query;
}

/**
 * emissionTotals with a filter naming several values of a line column (see lineMaskSums), in one statement: the sums
 * (`sums`: the network totals' grouped sums, as networkTotalsQuery selects them) joined to the members counted from
 * network_line_mask_total, or for several standards alone both from its rows. A few thousand rows at x10.
 */
export function lineMaskTotalsQuery(
  ctx: RequestContext,
  groupBy: EmissionDimension[],
  filter: EmissionTotalsFilter,
  sums: Knex.QueryBuilder | null,
): Knex.QueryBuilder {
  const knex = ctx.reads.getKnex();
  const fields = groupBy.map((dimension) => MASK_COLUMNS[dimension]!.field);
  const counts = maskRows(ctx, groupBy, filter);
  if (!sums) {
    for (const field of fields) counts.orderBy(field);
    return counts
      .select(knex.raw('coalesce(sum(f.emissions_tco2e), 0) as "emissionsTco2e"'))
      .select(knex.raw('sum(f.final_energy_mwh) as "finalEnergyMwh"'))
      .select(knex.raw('sum(f.member_count) as "memberCount"'));
  }
  counts.select(knex.raw('sum(f.member_count) as "memberCount"'));
  const query = knex.with('s', sums).with('c', counts).from('s').select('s.*', 'c.memberCount');
  for (const field of fields) query.orderBy(`s.${field}`);
  return query.join('c', (on) => {
    for (const field of fields) on.on(`s.${field}`, `c.${field}`);
  });
}
