import type { NetworkTable } from './network-figures.sql';
import { CARRIER_SCOPE_BIT, LINE_KINDS_FIT_MASKS, SECTOR_SCOPE_BIT, shapeRows } from './network-line-rebuild.sql';
import { EVERY_VALUE } from './network-line-total.entity';

const LINE_KEYS = ['standard', 'sector', 'energy_carrier', 'scope'];

/** The key columns of network_member_line_year_count, in the order of its key (then country and category). */
const KEYS = ['public_only', 'shape', 'year', 'previous_year', ...LINE_KEYS];

/**
 * One branch of the rows network_member_line_year_count counts for the members `g` matching `where`: each inventory
 * of theirs whose lines `lines` selects, once per row of network_line_total it has lines in (the grouping sets
 * `shapes` of its lines), with `standard` (null for the preferred inventory) and the variants it counts in.
 */
function inventoryRows(
  lines: string,
  inAll: string,
  inPublic: string,
  standard: string,
  columns: string,
  shapes: string,
) {
  const perInventory = [inAll, inPublic, standard].filter((column) => column.startsWith('f.'));
  return (where: string) => `select f.member_id, f.year, ${inAll} as in_all, ${inPublic} as in_public,
      ${standard} as standard, ${columns}, g.country_code, g.member_category
    from member_figure_group g join inventory_line_total f on f.member_id = g.member_id
    where (${lines}) and ${where}
    group by f.inventory_id, f.member_id, f.year, ${perInventory.map((column) => `${column}, `).join('')}g.country_code,
      g.member_category, grouping sets (${shapes})`;
}

const PREFERRED_ROWS = inventoryRows(
  'f.preferred or f.preferred_public',
  'f.preferred',
  'f.preferred_public',
  'null::inventory_standard',
  'f.sector, f.energy_carrier, f.scope',
  '(f.energy_carrier), (f.scope), (f.sector, f.scope), (f.energy_carrier, f.scope)',
);
const PER_STANDARD_ROWS = inventoryRows(
  'true',
  'true',
  'f.is_public',
  'f.standard',
  'f.sector, null::energy_carrier, null::emission_scope',
  '(), (f.sector)',
);

/**
 * The members `g` matching `where` counted per row of network_line_total, year and previous year: each member's
 * rows of one variant and network row ordered by year, its previous year the year of the row before (0 for its
 * first). The statement the writes maintain the table with, reading their members' lines only.
 */
function memberLineYearCounts(where: string): string {
  const shape = LINE_KEYS.map((column) => `case when s.${column} is not null then '${column}' end`).join(', ');
  const values = LINE_KEYS.map((column) => `coalesce(s.${column}::text, '${EVERY_VALUE}') as ${column}`).join(', ');
  return `select ${KEYS.join(', ')}, country_code, member_category, count(*)::int as member_count
    from (
      select v.public_only, concat_ws(' ', ${shape}) as shape, ${values}, coalesce(lag(s.year) over (partition by
          s.member_id, v.public_only, s.standard, s.sector, s.energy_carrier, s.scope order by s.year), 0) as previous_year,
        s.year, s.country_code, s.member_category
      from (${PREFERRED_ROWS(where)} union all ${PER_STANDARD_ROWS(where)}) s
        cross join (values (false), (true)) v(public_only)
      where case when v.public_only then s.in_public else s.in_all end
    ) r
    group by ${KEYS.join(', ')}, country_code, member_category`;
}

/** An inventory's mask of `kind` (carrier_scope or sector_scope), chosen per network row `b` as shapeRows says. */
const maskOf = (prefix: string) =>
  `case when b.sector_scope then d.${prefix}sector_scope else d.${prefix}carrier_scope end`;

/**
 * The same rows as memberLineYearCounts('true'), without a row per member and network row (about 6 M at x10, sorted for
 * lag()): one row per inventory and track it counts in (its member's preferred inventories, or its standard's, in
 * one variant) with the bits of network_line_total's rows it has lines in (network-line-rebuild.sql.ts), and the
 * track's previous inventory and the bits of every earlier one (window functions over 0.5 M rows at x10); those
 * counted per group and masks (a kind of member has the same lines every year), then in each network row of their
 * bits: the previous year is the previous inventory's when it has lines in the row, 0 when no earlier one has. Only
 * a track whose previous inventory lacks lines an earlier one had keeps its member, and looks the year up in its
 * lines (none in the seed's data; the maintained-figures test's random lines make them common).
 */
function memberLineYearCountsRebuild(): string {
  // grouped by the inventory alone, whose other columns are the same on each of its lines: grouped by them too, the
  // planner estimates 3.5 M groups for 147,000 at x10 and sorts the 4.4 M lines instead of hashing them
  const inventories = `select i.member_id, i.year, i.standard, i.is_public, l.preferred, l.preferred_public,
      l.carrier_scope, l.sector_scope
    from (select f.inventory_id, bool_or(f.preferred) as preferred, bool_or(f.preferred_public) as preferred_public,
        bit_or(${CARRIER_SCOPE_BIT}) as carrier_scope, bit_or(${SECTOR_SCOPE_BIT}) as sector_scope
      from inventory_line_total f group by f.inventory_id) l
      join emission_inventory i on i.id = l.inventory_id`;
  const tracks = `select i.member_id, v.public_only, case when v.per_standard then i.standard end as standard, i.year,
      i.carrier_scope, i.sector_scope
    from (${inventories}) i cross join (values (false, false), (true, false), (false, true), (true, true))
      v(public_only, per_standard)
    where case when v.per_standard then i.is_public or not v.public_only
      when v.public_only then i.preferred_public else i.preferred end`;
  const earlier = 'partition by t.member_id, t.public_only, t.standard order by t.year';
  const sequences = `select t.*, lag(t.year) over (${earlier}) as previous_year,
      lag(t.carrier_scope) over (${earlier}) as previous_carrier_scope,
      lag(t.sector_scope) over (${earlier}) as previous_sector_scope,
      bit_or(t.carrier_scope) over (${earlier} rows between unbounded preceding and 1 preceding) as earlier_carrier_scope,
      bit_or(t.sector_scope) over (${earlier} rows between unbounded preceding and 1 preceding) as earlier_sector_scope
    from (${tracks}) t`;
  const masks = [
    'year',
    'previous_year',
    ...['', 'previous_', 'earlier_'].flatMap((prefix) => [`${prefix}carrier_scope`, `${prefix}sector_scope`]),
  ];
  const counted = `select s.public_only, s.standard, ${masks.map((column) => `s.${column}`).join(', ')},
      g.country_code, g.member_category,
      case when s.earlier_carrier_scope & ~s.previous_carrier_scope <> 0
        or s.earlier_sector_scope & ~s.previous_sector_scope <> 0 then s.member_id end as looked_up_member,
      count(*) as members
    from (${sequences}) s join member_figure_group g on g.member_id = s.member_id
    group by s.public_only, s.standard, ${masks.map((column) => `s.${column}`).join(', ')}, g.country_code,
      g.member_category, looked_up_member`;
  const trackLines = `case when d.standard is null then (case when d.public_only then f.preferred_public else f.preferred end)
      else f.standard = d.standard and (f.is_public or not d.public_only) end`;
  const rowLines = ['sector', 'energy_carrier', 'scope']
    .map((column) => `(b.${column} is null or f.${column} = b.${column})`)
    .join(' and ');
  const previousYear = `case when ${maskOf('previous_')} & b.mask <> 0 then d.previous_year
      when coalesce(${maskOf('earlier_')}, 0) & b.mask = 0 then 0
      else (select max(f.year) from inventory_line_total f
        where f.member_id = d.looked_up_member and f.year < d.year and ${trackLines} and ${rowLines}) end`;
  const lineValues = ['sector', 'energy_carrier', 'scope'].map(
    (column) => `coalesce(b.${column}::text, '${EVERY_VALUE}') as ${column}`,
  );
  // grouped and ordered by the same columns, in the order of the table's key: one sort for both, and the key's index
  // filled from left to right instead of a page here and there for each row (x10: 5.4 s of CPU to insert the rows
  // unordered, 1.4 s ordered)
  const columns = [...KEYS, 'country_code', 'member_category'].join(', ');
  return `select ${columns}, sum(members)::int as member_count
    from (
      select d.public_only, b.shape, d.year, ${previousYear} as previous_year,
        coalesce(d.standard::text, '${EVERY_VALUE}') as standard, ${lineValues.join(', ')}, d.country_code,
        d.member_category, d.members
      from (${counted}) d join ${shapeRows()}
        on b.per_standard = (d.standard is not null) and ${maskOf('')} & b.mask <> 0
    ) r
    group by ${columns}
    order by ${columns}`;
}

/**
 * network_member_line_year_count: network_line_total's member counts by previous year, as network_member_year_count
 * is network_year_total's (see network-member-line-year-count.entity.ts).
 */
export const NETWORK_MEMBER_LINE_TABLE: NetworkTable = {
  name: 'network_member_line_year_count',
  keys: [
    ['public_only', 'boolean'],
    ['shape', 'text'],
    ['year', 'int'],
    ['previous_year', 'int'],
    ['standard', 'text'],
    ['sector', 'text'],
    ['energy_carrier', 'text'],
    ['scope', 'text'],
    ['country_code', 'varchar'],
    ['member_category', 'member_category'],
  ],
  sums: [],
  select: memberLineYearCounts,
  rebuild: LINE_KINDS_FIT_MASKS ? memberLineYearCountsRebuild() : undefined,
};
