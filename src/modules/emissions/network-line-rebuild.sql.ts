import { EmissionScope, EnergyCarrier, Sector } from './emission.enums';
import { EVERY_VALUE } from './network-line-total.entity';

const SECTORS = Object.values(Sector);
const CARRIERS = Object.values(EnergyCarrier);
const SCOPES = Object.values(EmissionScope);

/** A bigint with one bit set, as PostgreSQL reads it (bit 63 is the sign bit). */
export function bit(index: number): bigint {
  return BigInt.asIntN(64, 1n << BigInt(index));
}

/** A bigint in SQL: in parentheses, or -9223372036854775808::bigint would cast the positive number, out of range. */
export function bigintSql(value: bigint): string {
  return `(${value})::bigint`;
}

/** The bits of several indexes. */
export function bits(indexes: number[]): bigint {
  return indexes.reduce((mask, index) => mask | bit(index), 0n);
}

/** An inventory's energy carriers and scopes, one bit for each pair it has lines of. */
export const carrierScopeBit = (carrier: number, scope: number) => carrier * SCOPES.length + scope;
/** An inventory's sectors and scopes, one bit for each pair it has lines of. */
export const sectorScopeBit = (sector: number, scope: number) => sector * SCOPES.length + scope;

/** Whether every pair of each mask has its bit in a bigint: otherwise the rebuild sums per inventory instead. */
export const LINE_KINDS_FIT_MASKS = Math.max(CARRIERS.length, SECTORS.length) * SCOPES.length <= 64;

/** The index of a line's value of `column` among `values`, as an SQL expression. */
function indexOf(column: string, values: string[]): string {
  return `case ${column} ${values.map((value, index) => `when '${value}' then ${index}`).join(' ')} end`;
}

/**
 * A line's bit in each mask, computed from its values rather than joined to a table of them: the planner estimates
 * such a join on three columns at one row, and plans the rest for one.
 */
export const CARRIER_SCOPE_BIT = `1::bigint << (${indexOf('f.energy_carrier', CARRIERS)} * ${SCOPES.length} + ${indexOf('f.scope', SCOPES)})`;
export const SECTOR_SCOPE_BIT = `1::bigint << (${indexOf('f.sector', SECTORS)} * ${SCOPES.length} + ${indexOf('f.scope', SCOPES)})`;

/**
 * Each row of every shape an inventory counts in, with the mask (`sector_scope` or not) and the bits of it that put an
 * inventory in that row: any line of the row's values. `per_standard`: a shape of every inventory per standard, the
 * others the preferred inventory's.
 */
export function shapeRows(): string {
  const row = (
    shape: string,
    [sector, carrier, scope]: [string | null, string | null, string | null],
    sectorScope: boolean,
    mask: bigint,
  ) =>
    `('${shape}', ${sector ? `'${sector}'` : 'null'}::emission_sector, ${carrier ? `'${carrier}'` : 'null'}::energy_carrier, ` +
    `${scope ? `'${scope}'` : 'null'}::emission_scope, ${shape.startsWith('standard')}, ${sectorScope}, ${bigintSql(mask)})`;
  const everyScope = SCOPES.map((_, p) => p);
  const everySector = SECTORS.map((_, s) => s);
  const rows = [
    ...CARRIERS.flatMap((carrier, c) =>
      SCOPES.map((scope, p) => row('energy_carrier scope', [null, carrier, scope], false, bit(carrierScopeBit(c, p)))),
    ),
    ...CARRIERS.map((carrier, c) =>
      row('energy_carrier', [null, carrier, null], false, bits(everyScope.map((p) => carrierScopeBit(c, p)))),
    ),
    ...SECTORS.flatMap((sector, s) =>
      SCOPES.map((scope, p) => row('sector scope', [sector, null, scope], true, bit(sectorScopeBit(s, p)))),
    ),
    ...SCOPES.map((scope, p) =>
      row('scope', [null, null, scope], true, bits(everySector.map((s) => sectorScopeBit(s, p)))),
    ),
    ...SECTORS.map((sector, s) =>
      row('standard sector', [sector, null, null], true, bits(everyScope.map((p) => sectorScopeBit(s, p)))),
    ),
    row('standard', [null, null, null], true, -1n),
  ];
  return `(values ${rows.join(', ')}) b(shape, sector, energy_carrier, scope, per_standard, sector_scope, mask)`;
}

/**
 * A sum of lines (numeric, 3 decimals) in thousandths, as a bigint: summed again in a fixed-size state instead of a
 * numeric one (the sums of sums in every shape are most of their cost), exactly; the network's columns
 * (numeric(18,3)) hold less than a bigint's thousandths.
 */
const THOUSANDTHS = (sum: string) => `(${sum} * 1000)::bigint`;

/** The shape of a row of the line sums' grouping sets: the columns it groups by. */
const SHAPE_OF_GROUPING = `concat_ws(' ', ${['standard', 'sector', 'energy_carrier', 'scope']
  .map((column) => `case when grouping(s.${column}) = 0 then '${column}' end`)
  .join(', ')})`;

/**
 * The same rows as network_line_total's select for every member (network-figures.sql.ts), read from
 * inventory_line_total in two passes that each run in a process of their own (a Parallel Append, once the statement
 * is a SELECT) and hash no more groups than the network has, instead of summing every inventory's lines in six
 * groupings: the sums of the lines per variant, year, standard, line and group, then summed into every shape's rows;
 * and the members counted in each row from one row per inventory, with a bit for each energy carrier and scope
 * (and sector and scope) it has lines of, counted per group and masks (inventories of one kind of members share
 * their masks), then each counted in the rows whose bits it has. A row's variants as in lineTotals: in_all, in_public.
 */
export function lineTotalsRebuild(): string {
  const keys = ['shape', 'year', 'standard', 'sector', 'energy_carrier', 'scope', 'country_code', 'member_category'];
  const sums = `select ${SHAPE_OF_GROUPING} as shape,
      case when grouping(s.standard) = 0 then true else s.preferred end as in_all,
      case when grouping(s.standard) = 0 then s.is_public else s.preferred_public end as in_public,
      s.year, s.standard, s.sector, s.energy_carrier, s.scope, s.country_code, s.member_category,
      sum(s.emissions_tco2e)::bigint as emissions_tco2e, sum(s.emissions_count)::bigint as emissions_count,
      sum(s.final_energy_mwh)::bigint as final_energy_mwh, sum(s.final_energy_count)::bigint as final_energy_count,
      0::bigint as member_count
    from (
      select f.preferred, f.preferred_public, f.is_public, f.standard, f.year, f.sector, f.energy_carrier, f.scope,
        g.country_code, g.member_category,
        ${THOUSANDTHS('sum(f.emissions_tco2e)')} as emissions_tco2e, count(f.emissions_tco2e) as emissions_count,
        ${THOUSANDTHS('sum(f.final_energy_mwh)')} as final_energy_mwh, count(f.final_energy_mwh) as final_energy_count
      from inventory_line_total f join member_figure_group g on g.member_id = f.member_id
      group by f.preferred, f.preferred_public, f.is_public, f.standard, f.year, f.sector, f.energy_carrier, f.scope,
        g.country_code, g.member_category
    ) s
    group by s.year, s.country_code, s.member_category, grouping sets (
      (s.preferred, s.preferred_public, s.energy_carrier), (s.preferred, s.preferred_public, s.scope),
      (s.preferred, s.preferred_public, s.sector, s.scope), (s.preferred, s.preferred_public, s.energy_carrier, s.scope),
      (s.is_public, s.standard), (s.is_public, s.standard, s.sector))
    having grouping(s.standard) = 0 or s.preferred or s.preferred_public`;
  const members = `select b.shape,
      case when b.per_standard then true else d.preferred end as in_all,
      case when b.per_standard then d.is_public else d.preferred_public end as in_public,
      d.year, case when b.per_standard then d.standard end as standard, b.sector, b.energy_carrier, b.scope,
      d.country_code, d.member_category, null::bigint, 0::bigint, null::bigint, 0::bigint, d.inventories
    from (
      select i.preferred, i.preferred_public, i.is_public, i.standard, i.year, g.country_code, g.member_category,
        i.carrier_scope, i.sector_scope, count(*) as inventories
      from (
        select f.inventory_id, f.member_id, f.year, f.standard, f.is_public, f.preferred, f.preferred_public,
          bit_or(${CARRIER_SCOPE_BIT}) as carrier_scope, bit_or(${SECTOR_SCOPE_BIT}) as sector_scope
        from inventory_line_total f
        group by f.inventory_id, f.member_id, f.year, f.standard, f.is_public, f.preferred, f.preferred_public
      ) i join member_figure_group g on g.member_id = i.member_id
      group by i.preferred, i.preferred_public, i.is_public, i.standard, i.year, g.country_code, g.member_category,
        i.carrier_scope, i.sector_scope
    ) d join ${shapeRows()}
      on (case when b.sector_scope then d.sector_scope else d.carrier_scope end) & b.mask <> 0
        and (b.per_standard or d.preferred or d.preferred_public)`;
  return `select v.public_only, c.shape, c.year,
      ${['standard', 'sector', 'energy_carrier', 'scope'].map((column) => `coalesce(c.${column}::text, '${EVERY_VALUE}') as ${column}`).join(', ')},
      c.country_code, c.member_category,
      sum(c.emissions_tco2e) * 0.001 as emissions_tco2e, sum(c.emissions_count)::int as emissions_count,
      sum(c.final_energy_mwh) * 0.001 as final_energy_mwh, sum(c.final_energy_count)::int as final_energy_count,
      sum(c.member_count)::int as member_count
    from (${sums} union all ${members}) c cross join (values (false), (true)) v(public_only)
    where case when v.public_only then c.in_public else c.in_all end
    group by v.public_only, ${keys.map((key) => `c.${key}`).join(', ')}`;
}
