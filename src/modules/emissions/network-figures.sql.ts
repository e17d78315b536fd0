import type { EntityManager } from '@mikro-orm/postgresql';
import { NETWORK_PROGRESS_TABLES } from '../targets/network-progress.sql';
import { membersCondition } from './emission-figures.sql';
import { NETWORK_LINE_MASK_TABLE } from './network-line-masks.sql';
import { LINE_KINDS_FIT_MASKS, lineTotalsRebuild } from './network-line-rebuild.sql';
import { NETWORK_MEMBER_LINE_TABLE } from './network-member-line-year-count.sql';
import { EVERY_VALUE } from './network-line-total.entity';

/** A country and member category: the members whose figures one row of the network totals sums. */
interface FigureGroup {
  country_code: string;
  member_category: string;
}

/**
 * One network table: its key columns (with their SQL types), its sums (each with the column counting the non-null
 * values summed, so a sum of nothing is null as a sum from scratch gives) and the SELECT that sums the per-member rows
 * `r` of the members `g` (member_figure_group) matching `where` into its rows, with a `member_count` per row.
 */
export interface NetworkTable {
  name: string;
  keys: [column: string, type: string][];
  sums: [column: string, count: string | null][];
  select(where: string): string;
  /**
   * For a rebuild, a SELECT of the same rows as `select('true')` that PostgreSQL can run in parallel, written with
   * CREATE TABLE AS (insertInParallel); without it, a rebuild inserts `select('true')`.
   */
  rebuild?: string;
}

/** The types of inventory_line_total's line columns: a branch without one selects a null of its type. */
const LINE_COLUMN_TYPES: Record<string, string> = {
  sector: 'emission_sector',
  energy_carrier: 'energy_carrier',
  scope: 'emission_scope',
};

/**
 * One branch of network_line_total's sums per inventory: the lines of inventory_line_total `f` that `lines` selects,
 * of the members `g` (member_figure_group) matching `where`, summed per inventory in each grouping set of `shapes`
 * (of `f.sector`, `f.energy_carrier`, `f.scope`, those of `lineColumns`; a column outside a row's set is null), with
 * `standard` (an SQL expression, null for every standard) and whether the inventory's lines count in the variant of
 * all inventories (`inAll`) and of public ones (`inPublic`).
 */
function inventoryLineSums(
  lines: string,
  inAll: string,
  inPublic: string,
  standard: string,
  lineColumns: string[],
  shapes: string,
  where: string,
): string {
  const columns = ['sector', 'energy_carrier', 'scope']
    .map((column) => (lineColumns.includes(column) ? `f.${column}` : `null::${LINE_COLUMN_TYPES[column]}`))
    .join(', ');
  // an inventory's own columns, grouped with it (a constant needs no grouping)
  const perInventory = [inAll, inPublic, standard].filter((column) => column.startsWith('f.'));
  return `select ${inAll} as in_all, ${inPublic} as in_public, f.year, ${standard} as standard, ${columns},
      g.country_code, g.member_category,
      sum(f.emissions_tco2e) as emissions_tco2e, count(f.emissions_tco2e) as emissions_count,
      sum(f.final_energy_mwh) as final_energy_mwh, count(f.final_energy_mwh) as final_energy_count
    from member_figure_group g join inventory_line_total f on f.member_id = g.member_id
    where (${lines}) and ${where}
    group by f.inventory_id, f.year, ${perInventory.map((column) => `${column}, `).join('')}g.country_code, g.member_category,
      grouping sets (${shapes})`;
}

/**
 * The rows network_line_total sums for the members `g` matching `where`, in three aggregations that each hash a few
 * columns and count rows: the lines summed per inventory in each grouping (a member has one preferred inventory a
 * year in each variant, and one inventory a year of each standard, so an inventory's row is its member's); those
 * rows summed per group and per the variants they count in (an inventory preferred among all and among public ones
 * is summed once for both); then per variant. A column outside a row's grouping holds `*`. The same sums and counts
 * as grouping the lines with count(distinct member_id) in each grouping set, without its sorts: at x1, 4-6 s of
 * CPU instead of 12 s, exactly the same rows.
 */
function lineTotals(where: string): string {
  const keys = ['year', 'standard', 'sector', 'energy_carrier', 'scope', 'country_code', 'member_category'];
  const shape = ['standard', 'sector', 'energy_carrier', 'scope']
    .map((column) => `case when c.${column} is not null then '${column}' end`)
    .join(', ');
  const preferred = inventoryLineSums(
    'f.preferred or f.preferred_public',
    'f.preferred',
    'f.preferred_public',
    'null::inventory_standard',
    ['sector', 'energy_carrier', 'scope'],
    '(f.energy_carrier), (f.scope), (f.sector, f.scope), (f.energy_carrier, f.scope)',
    where,
  );
  const perStandard = inventoryLineSums(
    'true',
    'true',
    'f.is_public',
    'f.standard',
    ['sector'],
    '(), (f.sector)',
    where,
  );
  return `select v.public_only, concat_ws(' ', ${shape}) as shape, c.year,
      ${['standard', 'sector', 'energy_carrier', 'scope'].map((column) => `coalesce(c.${column}::text, '${EVERY_VALUE}') as ${column}`).join(', ')},
      c.country_code, c.member_category,
      sum(c.emissions_tco2e) as emissions_tco2e, sum(c.emissions_count)::int as emissions_count,
      sum(c.final_energy_mwh) as final_energy_mwh, sum(c.final_energy_count)::int as final_energy_count,
      sum(c.member_count)::int as member_count
    from (
      select s.in_all, s.in_public, ${keys.map((key) => `s.${key}`).join(', ')},
        sum(s.emissions_tco2e) as emissions_tco2e, sum(s.emissions_count) as emissions_count,
        sum(s.final_energy_mwh) as final_energy_mwh, sum(s.final_energy_count) as final_energy_count,
        count(*) as member_count
      from (${preferred} union all ${perStandard}) s
      group by s.in_all, s.in_public, ${keys.map((key) => `s.${key}`).join(', ')}
    ) c cross join (values (false), (true)) v(public_only)
    where case when v.public_only then c.in_public else c.in_all end
    group by v.public_only, ${keys.map((key) => `c.${key}`).join(', ')}`;
}

/**
 * network_line_total: the preferred inventory's lines per energy carrier, scope, sector and scope, energy carrier
 * and scope (network_year_total and network_year_sector_total hold the groupings without them), and every visible
 * inventory's lines per standard, and per standard and sector. Not per sector and energy carrier: those rows would
 * be more than half of the table's (95,000 of each shape at x10) and the rebuild's time; such groupings read the
 * members' lines.
 */
const NETWORK_LINE_TABLE: NetworkTable = {
  name: 'network_line_total',
  keys: [
    ['public_only', 'boolean'],
    ['shape', 'text'],
    ['year', 'int'],
    ['standard', 'text'],
    ['sector', 'text'],
    ['energy_carrier', 'text'],
    ['scope', 'text'],
    ['country_code', 'varchar'],
    ['member_category', 'member_category'],
  ],
  sums: [
    ['emissions_tco2e', 'emissions_count'],
    ['final_energy_mwh', 'final_energy_count'],
  ],
  select: lineTotals,
  rebuild: LINE_KINDS_FIT_MASKS ? lineTotalsRebuild() : undefined,
};

/** network_year_sector_total's rows: the members' sums per year and sector. */
function yearSectorTotals(where: string): string {
  return `select r.public_only, r.year, r.sector, g.country_code, g.member_category,
         sum(r.emissions_tco2e) as emissions_tco2e, count(r.emissions_tco2e)::int as emissions_count,
         sum(r.final_energy_mwh) as final_energy_mwh, count(r.final_energy_mwh)::int as final_energy_count,
         count(*)::int as member_count
       from member_figure_group g join member_year_sector_total r on r.member_id = g.member_id
       where ${where}
       group by r.public_only, r.year, r.sector, g.country_code, g.member_category`;
}

/**
 * network_member_sector_year_count's rows: the members per sector, year and previous year of that sector's rows.
 */
function memberSectorYearCounts(where: string): string {
  return `select public_only, sector, previous_year, year, country_code, member_category, count(*)::int as member_count
       from (select r.public_only, r.sector, coalesce(lag(r.year) over (partition by r.member_id, r.public_only,
           r.sector order by r.year), 0) as previous_year, r.year, g.country_code, g.member_category
         from member_figure_group g join member_year_sector_total r on r.member_id = g.member_id
         where ${where}) r
       group by 1, 2, 3, 4, 5, 6`;
}

/** Every network table, each maintained on write and rebuilt from the members' rows. */
export const NETWORK_TABLES: NetworkTable[] = [
  {
    name: 'network_year_total',
    keys: [
      ['public_only', 'boolean'],
      ['year', 'int'],
      ['country_code', 'varchar'],
      ['member_category', 'member_category'],
    ],
    // member_year_total.emissions_tco2e is never null: its sum needs no count
    sums: [
      ['emissions_tco2e', null],
      ['final_energy_mwh', 'final_energy_count'],
    ],
    select: (where) =>
      `select r.public_only, r.year, g.country_code, g.member_category, sum(r.emissions_tco2e) as emissions_tco2e,
         sum(r.final_energy_mwh) as final_energy_mwh, count(r.final_energy_mwh)::int as final_energy_count,
         count(*)::int as member_count
       from member_figure_group g join member_year_total r on r.member_id = g.member_id
       where r.has_records and ${where}
       group by r.public_only, r.year, g.country_code, g.member_category`,
  },
  {
    name: 'network_year_sector_total',
    keys: [
      ['public_only', 'boolean'],
      ['year', 'int'],
      ['sector', 'emission_sector'],
      ['country_code', 'varchar'],
      ['member_category', 'member_category'],
    ],
    sums: [
      ['emissions_tco2e', 'emissions_count'],
      ['final_energy_mwh', 'final_energy_count'],
    ],
    select: yearSectorTotals,
    rebuild: yearSectorTotals('true'),
  },
  {
    name: 'network_member_year_count',
    keys: [
      ['public_only', 'boolean'],
      ['previous_year', 'int'],
      ['year', 'int'],
      ['country_code', 'varchar'],
      ['member_category', 'member_category'],
    ],
    sums: [],
    // a row's previous year is its own member's, the year of its row before (one sort, not a look-up per row: at
    // x10 the sectors' one took 100 s); a member's rows are counted from that member's rows alone
    select: (where) =>
      `select public_only, previous_year, year, country_code, member_category, count(*)::int as member_count
       from (select r.public_only, coalesce(lag(r.year) over (partition by r.member_id, r.public_only order by r.year),
           0) as previous_year, r.year, g.country_code, g.member_category
         from member_figure_group g join member_year_total r on r.member_id = g.member_id
         where r.has_records and ${where}) r
       group by 1, 2, 3, 4, 5`,
  },
  {
    name: 'network_member_sector_year_count',
    keys: [
      ['public_only', 'boolean'],
      ['sector', 'emission_sector'],
      ['previous_year', 'int'],
      ['year', 'int'],
      ['country_code', 'varchar'],
      ['member_category', 'member_category'],
    ],
    sums: [],
    select: memberSectorYearCounts,
    rebuild: memberSectorYearCounts('true'),
  },
  NETWORK_LINE_TABLE,
  NETWORK_MEMBER_LINE_TABLE,
  NETWORK_LINE_MASK_TABLE,
  ...NETWORK_PROGRESS_TABLES,
];

/** The columns of a network table's rows: keys, sums and their counts, members. */
function columns(table: NetworkTable): string[] {
  return [
    ...table.keys.map(([column]) => column),
    ...table.sums.flatMap(([column, count]) => (count ? [column, count] : [column])),
    'member_count',
  ];
}

/** What some members add to each network table, one list of rows (as PostgreSQL returns them) per table. */
export type NetworkContributions = Record<string, unknown>[][];

/**
 * The rows the given members add to the network totals, in the groups member_figure_group counts them in: read
 * before a write refreshes their figures (what the write takes away) and after (what it adds). Reads the members'
 * own rows only, whatever the size of their groups.
 */
export async function networkContributions(
  em: EntityManager,
  memberIds: readonly string[],
): Promise<NetworkContributions> {
  const [members, params] = membersCondition('g.member_id', memberIds);
  const contributions: NetworkContributions = [];
  for (const table of NETWORK_TABLES) {
    const sql = table.select(members);
    // the condition's parameters once for each time the select names it (network_line_total's union names it twice)
    const uses = sql.split(members).length - 1;
    contributions.push(await em.execute(sql, Array.from({ length: uses }, () => params).flat()));
  }
  return contributions;
}

/**
 * Adds `after` and takes `before` away from one network table: one upsert of the differences per row (numeric sums,
 * exact in PostgreSQL, so the result equals a sum from scratch), then rows no member is counted in any more deleted and
 * sums of no value made null.
 */
async function applyDifference(
  em: EntityManager,
  table: NetworkTable,
  before: Record<string, unknown>[],
  after: Record<string, unknown>[],
): Promise<void> {
  if (!before.length && !after.length) return;
  const rows = JSON.stringify([
    ...before.map((row) => ({ ...row, sign: -1 })),
    ...after.map((row) => ({ ...row, sign: 1 })),
  ]);
  const keys = table.keys.map(([column]) => column);
  const counts = [...table.sums.flatMap(([, count]) => (count ? [count] : [])), 'member_count'];
  const recordType = [
    'sign int',
    ...table.keys.map(([column, type]) => `${column} ${type}`),
    ...table.sums.map(([column]) => `${column} numeric`),
    ...counts.map((count) => `${count} int`),
  ].join(', ');
  const delta = (column: string) => `coalesce(sum(x.sign * x.${column}), 0)`;
  const differences = `select ${keys.map((key) => `x.${key}`).join(', ')},
      ${[...table.sums.map(([column]) => column), ...counts].map((column) => `${delta(column)} as ${column}`).join(', ')}
    from json_to_recordset(?::json) as x(${recordType})
    group by ${keys.map((key) => `x.${key}`).join(', ')}
    order by ${keys.map((key) => `x.${key}`).join(', ')}`;
  const sets = [
    ...table.sums.map(([column]) => `${column} = coalesce(t.${column}, 0) + excluded.${column}`),
    ...counts.map((count) => `${count} = t.${count} + excluded.${count}`),
  ];
  const ordered = [...keys, ...table.sums.map(([column]) => column), ...counts];
  await em.execute(
    `insert into ${table.name} as t (${ordered.join(', ')}) ${differences}
     on conflict (${keys.join(', ')}) do update set ${sets.join(', ')}`,
    [rows],
  );
  const touched = `(${keys.map((key) => `t.${key}`).join(', ')}) in
    (select ${keys.map((key) => `x.${key}`).join(', ')} from json_to_recordset(?::json) as x(${recordType}))`;
  await em.execute(`delete from ${table.name} t where t.member_count = 0 and ${touched}`, [rows]);
  const nulls = table.sums.filter(([, count]) => count);
  if (nulls.length) {
    await em.execute(
      `update ${table.name} t set ${nulls.map(([column, count]) => `${column} = case when t.${count} = 0 then null else t.${column} end`).join(', ')}
       where (${nulls.map(([, count]) => `t.${count} = 0`).join(' or ')}) and ${touched}`,
      [rows],
    );
  }
}

/**
 * Adjusts the network totals (network_year_total, network_year_sector_total, and the member counts by previous year
 * network_member_year_count, network_member_sector_year_count) by the difference a write made to the given members'
 * figures: takes away what they added before (`before`, read with networkContributions before their figures were
 * refreshed) and adds what they add now, in the groups they are in now (member_figure_group follows a member that
 * moved country or category, or changed status). A write reads and writes its members' rows only, not their groups'.
 */
export async function refreshNetworkFigures(
  em: EntityManager,
  memberIds: readonly string[],
  before: NetworkContributions,
): Promise<void> {
  const [members, memberParams] = membersCondition('id', memberIds);
  const [counted, countedParams] = membersCondition('member_id', memberIds);
  const groups = await em.execute<FigureGroup[]>(
    `select country_code, category::text as member_category from member where ${members}
     union select country_code, member_category::text from member_figure_group where ${counted}
     order by 1, 2`,
    [...memberParams, ...countedParams],
  );
  // writers of one group adjust its rows one at a time, the groups taken in a fixed order (no deadlock between them)
  await em.execute(
    `select pg_advisory_xact_lock(hashtext('network_figures'), hashtext(g->>'country_code' || '/' || (g->>'member_category')))
     from json_array_elements(?::json) with ordinality as l(g, n) order by n`,
    [JSON.stringify(groups)],
  );
  await em.execute(`delete from member_figure_group where ${counted}`, countedParams);
  await em.execute(
    `insert into member_figure_group (member_id, country_code, member_category, member_status)
     select id, country_code, category, status from member where ${members}`,
    memberParams,
  );
  const after = await networkContributions(em, memberIds);
  for (const [index, table] of NETWORK_TABLES.entries()) {
    await applyDifference(em, table, before[index] ?? [], after[index] ?? []);
  }
}

/**
 * Recomputes every group's network totals and every member's group from scratch (the rebuild command, the seed):
 * the tables with a `rebuild` statement of their own through insertInParallel, the others with their `select`.
 * `hashLineTotals`, for a transaction whose work_mem holds hash tables of the line totals' groups (the seed's 128 MB):
 * network_line_total's statement runs with sorts disabled (HASHED). The rebuild command keeps the planner's plans:
 * with the default work_mem the maintained-figures test's rebuild ran past its 5 s statement timeout with sorts
 * disabled (with lineTotals, before lineTotalsRebuild).
 */
export async function rebuildNetworkFigures(
  em: EntityManager,
  { hashLineTotals = false }: { hashLineTotals?: boolean } = {},
): Promise<void> {
  await em.execute('delete from member_figure_group');
  await em.execute(
    `insert into member_figure_group (member_id, country_code, member_category, member_status)
     select id, country_code, category, status from member`,
  );
  // the groups' counts: without them the planner took a freshly seeded database's 20,834 year and sector rows for
  // 862,554 and sorted 2 M member rows for them (x10: 1.9 s of the backend's CPU instead of 0.5 s)
  await em.execute('analyze member_figure_group');
  for (const table of NETWORK_TABLES) {
    await em.execute(`delete from ${table.name}`);
    const hashed = hashLineTotals && table === NETWORK_LINE_TABLE;
    if (table.rebuild) {
      await insertInParallel(em, table, table.rebuild, hashed ? HASHED : {});
      continue;
    }
    const insert = `insert into ${table.name} (${columns(table).join(', ')}) ${table.select('true')}`;
    await withSettings(em, hashed ? HASHED : {}, () => em.execute(insert));
  }
}

/**
 * Sets settings of the transaction for the statements `run` executes, then restores them (if one fails, the
 * transaction and the settings with it are rolled back).
 */
async function withSettings(
  em: EntityManager,
  settings: Record<string, string>,
  run: () => Promise<unknown>,
): Promise<void> {
  const names = Object.keys(settings);
  if (!names.length) {
    await run();
    return;
  }
  // as JSON: the driver would spell an array parameter as a list of parameters
  const set = (values: Record<string, string>) =>
    em.execute(`select set_config(s.key, s.value, true) from json_each_text(?::json) as s`, [JSON.stringify(values)]);
  const previous = await em.execute<{ name: string; value: string }[]>(
    `select s.name, current_setting(s.name) as value from json_array_elements_text(?::json) as s(name)`,
    [JSON.stringify(names)],
  );
  await set(settings);
  await run();
  await set(Object.fromEntries(previous.map((row) => [row.name, row.value])));
}

/**
 * Sorts disabled: the planner estimates the groups of network_line_total's statements at many times their number
 * and would sort millions of rows instead of hashing them (lineTotals, x10: 148 s of CPU before the per-inventory
 * sums, 75 s sorted, 55 s hashed; x1: 12 s, 9 s, 6 s; lineTotalsRebuild, x1: 2.4 s of CPU with the planner's sorts,
 * 1.6 s hashed).
 */
const HASHED = { enable_sort: 'off', enable_incremental_sort: 'off' };

/**
 * Fills a network table with the rows of a SELECT that PostgreSQL may run in parallel workers, on both cores:
 * INSERT ... SELECT never runs in parallel, CREATE TABLE AS does (in the writing transaction too), so the rows go
 * through a temporary table, dropped at once. Parallel plans priced as free: the planner estimates the groups of
 * lineTotalsRebuild at 4.4 M for 84,000 at x10, and the rows a Gather would pass with them, and keeps the statement
 * in one process otherwise (x10 at load 10: 31 s instead of 43 s, the same CPU time, 9-10 s; the sector sums and
 * counts 2.7 s and 7.7 s instead of 6.4 s and 12.9 s). Without JIT: each worker compiles the plan again, at x1
 * 0.5-2 s a process of a statement of 2 s.
 */
async function insertInParallel(
  em: EntityManager,
  table: NetworkTable,
  select: string,
  settings: Record<string, string>,
): Promise<void> {
  const names = columns(table).join(', ');
  await withSettings(em, { ...settings, ...IN_PARALLEL }, async () => {
    await em.execute(`create temporary table network_rebuild_rows as ${select}`);
    await em.execute(`insert into ${table.name} (${names}) select ${names} from network_rebuild_rows`);
    await em.execute('drop table network_rebuild_rows');
  });
}

/** The settings of insertInParallel's statements. */
const IN_PARALLEL = { parallel_setup_cost: '0', parallel_tuple_cost: '0', jit: 'off' };
