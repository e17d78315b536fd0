import type { EntityManager } from '@mikro-orm/postgresql';
import { membersCondition } from './emission-figures.sql';

/** A country and member category: the members whose figures one row of the network totals sums. */
interface FigureGroup {
  country_code: string;
  member_category: string;
}

/** An SQL condition limiting the columns `country_code` and `member_category` of `alias` to the groups given. */
function groupsCondition(alias: string, groups: readonly FigureGroup[]): [string, unknown[]] {
  return [
    `(${alias}.country_code, ${alias}.member_category) in (select g->>'country_code',
       (g->>'member_category')::member_category from json_array_elements(?::json) g)`,
    [JSON.stringify(groups)],
  ];
}

/**
 * Sums the maintained per-member rows `r` of the members `g` matching `where` (an SQL condition on `g` and `r`) into
 * the network totals.
 */
async function insertNetworkTotals(em: EntityManager, where: string, params: unknown[]): Promise<void> {
  await em.execute(
    `insert into network_year_total (public_only, year, country_code, member_category, emissions_tco2e,
       final_energy_mwh, member_count)
     select r.public_only, r.year, g.country_code, g.member_category, sum(r.emissions_tco2e), sum(r.final_energy_mwh),
       count(*)
     from member_figure_group g join member_year_total r on r.member_id = g.member_id
     where r.has_records and ${where}
     group by r.public_only, r.year, g.country_code, g.member_category`,
    params,
  );
  await em.execute(
    `insert into network_year_sector_total (public_only, year, sector, country_code, member_category,
       emissions_tco2e, final_energy_mwh, member_count)
     select r.public_only, r.year, r.sector, g.country_code, g.member_category, sum(r.emissions_tco2e),
       sum(r.final_energy_mwh), count(*)
     from member_figure_group g join member_year_sector_total r on r.member_id = g.member_id
     where ${where}
     group by r.public_only, r.year, r.sector, g.country_code, g.member_category`,
    params,
  );
  // each row's previous year looked up for the rows of the slice only, not computed over every member's history
  await em.execute(
    `insert into network_member_year_count (public_only, previous_year, year, country_code, member_category,
       member_count)
     select r.public_only, coalesce((select max(p.year) from member_year_total p where p.member_id = r.member_id
         and p.year < r.year and p.public_only = r.public_only and p.has_records), 0),
       r.year, g.country_code, g.member_category, count(*)
     from member_figure_group g join member_year_total r on r.member_id = g.member_id
     where r.has_records and ${where}
     group by 1, 2, 3, 4, 5`,
    params,
  );
  await em.execute(
    `insert into network_member_sector_year_count (public_only, sector, previous_year, year, country_code,
       member_category, member_count)
     select r.public_only, r.sector, coalesce((select max(p.year) from member_year_sector_total p
         where p.member_id = r.member_id and p.year < r.year and p.public_only = r.public_only
           and p.sector = r.sector), 0),
       r.year, g.country_code, g.member_category, count(*)
     from member_figure_group g join member_year_sector_total r on r.member_id = g.member_id
     where ${where}
     group by 1, 2, 3, 4, 5, 6`,
    params,
  );
}

/** The groups and years of the network totals the given members' figures are counted in now. */
export async function networkSlices(em: EntityManager, memberIds: readonly string[]): Promise<NetworkSlices> {
  const [counted, params] = membersCondition('member_id', memberIds);
  const groups = await em.execute<FigureGroup[]>(
    `select country_code, member_category from member_figure_group where ${counted}`,
    params,
  );
  const years = await em.execute<{ year: number }[]>(
    `select year from member_year_total where ${counted} union select year from member_year_sector_total where ${counted}`,
    [...params, ...params],
  );
  return { groups, years: years.map((row) => row.year) };
}

/** Groups (country and category) and years of the network totals: the slices a write recomputes. */
export interface NetworkSlices {
  groups: FigureGroup[];
  years: number[];
}

const NETWORK_TABLES = [
  'network_year_total',
  'network_year_sector_total',
  'network_member_year_count',
  'network_member_sector_year_count',
];

/**
 * Recomputes the network totals (network_year_total, network_year_sector_total, and the member counts by previous
 * year network_member_year_count, network_member_sector_year_count) that the given members' figures were counted in
 * (`before`, read with networkSlices before their figures were refreshed) or are counted in now: the years of those
 * members in their groups old and new. A slice is recomputed from its members' rows rather than adjusted, so it
 * always equals a sum from scratch, and a write reads the rows of its years only, not its whole group's.
 */
export async function refreshNetworkFigures(
  em: EntityManager,
  memberIds: readonly string[],
  before: NetworkSlices,
): Promise<void> {
  const [members, memberParams] = membersCondition('id', memberIds);
  const current = await em.execute<FigureGroup[]>(
    `select distinct country_code, category as member_category from member where ${members}`,
    memberParams,
  );
  const key = (group: FigureGroup) => `${group.country_code}/${group.member_category}`;
  const groups = [...new Map([...before.groups, ...current].map((group) => [key(group), group])).values()].sort(
    (a, b) => (key(a) < key(b) ? -1 : 1),
  );
  // one recompute of a group at a time, taken in a fixed order: a concurrent write to the same group waits for this
  // transaction, then sums what it committed (each statement of READ COMMITTED sees the commits before it)
  await em.execute(
    `select pg_advisory_xact_lock(hashtext('network_figures'), hashtext(g->>'country_code' || '/' || (g->>'member_category')))
     from json_array_elements(?::json) with ordinality as l(g, n) order by n`,
    [JSON.stringify(groups)],
  );
  const [counted, countedParams] = membersCondition('member_id', memberIds);
  await em.execute(`delete from member_figure_group where ${counted}`, countedParams);
  await em.execute(
    `insert into member_figure_group (member_id, country_code, member_category)
     select id, country_code, category from member where ${members}`,
    memberParams,
  );
  const after = await networkSlices(em, memberIds);
  const years = [...new Set([...before.years, ...after.years])];
  if (!years.length) return;
  const inYears = (alias: string) => `${alias}.year in (select value::int from json_array_elements_text(?::json))`;
  const [inGroups, groupParams] = groupsCondition('t', groups);
  for (const table of NETWORK_TABLES) {
    await em.execute(`delete from ${table} t where ${inGroups} and ${inYears('t')}`, [
      ...groupParams,
      JSON.stringify(years),
    ]);
  }
  const [memberInGroups] = groupsCondition('g', groups);
  await insertNetworkTotals(em, `${memberInGroups} and ${inYears('r')}`, [...groupParams, JSON.stringify(years)]);
}

/** Recomputes every group's network totals and every member's group from scratch (the rebuild command). */
export async function rebuildNetworkFigures(em: EntityManager): Promise<void> {
  await em.execute('delete from member_figure_group');
  await em.execute(
    `insert into member_figure_group (member_id, country_code, member_category)
     select id, country_code, category from member`,
  );
  for (const table of NETWORK_TABLES) await em.execute(`delete from ${table}`);
  await insertNetworkTotals(em, 'true', []);
}
