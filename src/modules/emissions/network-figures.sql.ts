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

/** Sums the maintained per-member rows of the groups matching `groups` (an SQL condition on `g`) into the network totals. */
async function insertNetworkTotals(em: EntityManager, groups: string, params: unknown[]): Promise<void> {
  await em.execute(
    `insert into network_year_total (public_only, year, country_code, member_category, emissions_tco2e,
       final_energy_mwh, member_count)
     select y.public_only, y.year, g.country_code, g.member_category, sum(y.emissions_tco2e), sum(y.final_energy_mwh),
       count(*)
     from member_figure_group g join member_year_total y on y.member_id = g.member_id
     where y.has_records and ${groups}
     group by y.public_only, y.year, g.country_code, g.member_category`,
    params,
  );
  await em.execute(
    `insert into network_year_sector_total (public_only, year, sector, country_code, member_category,
       emissions_tco2e, final_energy_mwh, member_count)
     select s.public_only, s.year, s.sector, g.country_code, g.member_category, sum(s.emissions_tco2e),
       sum(s.final_energy_mwh), count(*)
     from member_figure_group g join member_year_sector_total s on s.member_id = g.member_id
     where ${groups}
     group by s.public_only, s.year, s.sector, g.country_code, g.member_category`,
    params,
  );
  await em.execute(
    `insert into network_member_year_count (public_only, previous_year, year, country_code, member_category,
       member_count)
     select y.public_only, y.previous_year, y.year, g.country_code, g.member_category, count(*)
     from member_figure_group g
     join lateral (select t.public_only, t.year, coalesce(lag(t.year) over (partition by t.public_only
         order by t.year), 0) as previous_year
       from member_year_total t where t.member_id = g.member_id and t.has_records) y on true
     where ${groups}
     group by y.public_only, y.previous_year, y.year, g.country_code, g.member_category`,
    params,
  );
  await em.execute(
    `insert into network_member_sector_year_count (public_only, sector, previous_year, year, country_code,
       member_category, member_count)
     select s.public_only, s.sector, s.previous_year, s.year, g.country_code, g.member_category, count(*)
     from member_figure_group g
     join lateral (select t.public_only, t.sector, t.year, coalesce(lag(t.year) over (partition by t.public_only,
         t.sector order by t.year), 0) as previous_year
       from member_year_sector_total t where t.member_id = g.member_id) s on true
     where ${groups}
     group by s.public_only, s.sector, s.previous_year, s.year, g.country_code, g.member_category`,
    params,
  );
}

const NETWORK_TABLES = [
  'network_year_total',
  'network_year_sector_total',
  'network_member_year_count',
  'network_member_sector_year_count',
];

/**
 * Recomputes the network totals (network_year_total, network_year_sector_total, and the member counts by previous
 * year network_member_year_count, network_member_sector_year_count) of the groups the given members'
 * figures leave or join, after their per-member figures were refreshed in this transaction. A group is recomputed
 * from its members' rows rather than adjusted, so it always equals a sum from scratch.
 */
export async function refreshNetworkFigures(em: EntityManager, memberIds: readonly string[]): Promise<void> {
  const [counted, countedParams] = membersCondition('member_id', memberIds);
  const [members, memberParams] = membersCondition('id', memberIds);
  const groups = await em.execute<FigureGroup[]>(
    `select country_code, member_category from member_figure_group where ${counted}
     union select country_code, category from member where ${members}
     order by country_code, member_category`,
    [...countedParams, ...memberParams],
  );
  // one recompute of a group at a time, taken in a fixed order: a concurrent write to the same group waits for this
  // transaction, then sums what it committed (each statement of READ COMMITTED sees the commits before it)
  await em.execute(
    `select pg_advisory_xact_lock(hashtext('network_figures'), hashtext(g->>'country_code' || '/' || (g->>'member_category')))
     from json_array_elements(?::json) with ordinality as l(g, n) order by n`,
    [JSON.stringify(groups)],
  );
  await em.execute(`delete from member_figure_group where ${counted}`, countedParams);
  await em.execute(
    `insert into member_figure_group (member_id, country_code, member_category)
     select id, country_code, category from member where ${members}`,
    memberParams,
  );
  const [inGroups, groupParams] = groupsCondition('t', groups);
  for (const table of NETWORK_TABLES) await em.execute(`delete from ${table} t where ${inGroups}`, groupParams);
  const [memberInGroups] = groupsCondition('g', groups);
  await insertNetworkTotals(em, memberInGroups, groupParams);
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
