import type { NetworkTable } from '../emissions/network-figures.sql';

/**
 * The network tables allianceProgress reads, maintained with the other network totals (network-figures.sql.ts):
 * grouped by the member's membership status as well (member_figure_group.member_status), so its filter by status
 * (by default every member that has not left) sums a few rows per country, category and status, not a row per member.
 * A member leaving or coming back moves its rows from one status to the other like a member moving country.
 */
export const NETWORK_PROGRESS_TABLES: NetworkTable[] = [
  {
    name: 'network_status_year_total',
    keys: [
      ['public_only', 'boolean'],
      ['year', 'int'],
      ['country_code', 'varchar'],
      ['member_category', 'member_category'],
      ['member_status', 'membership_status'],
    ],
    // every member_year_total row, with records or not (allianceProgress counts both); its emissions are never null
    sums: [['emissions_tco2e', null]],
    select: (where) =>
      `select r.public_only, r.year, g.country_code, g.member_category, g.member_status,
         sum(r.emissions_tco2e) as emissions_tco2e, count(*)::int as member_count
       from member_figure_group g join member_year_total r on r.member_id = g.member_id
       where ${where}
       group by r.public_only, r.year, g.country_code, g.member_category, g.member_status`,
  },
  {
    name: 'network_charter_status_count',
    keys: [
      ['public_only', 'boolean'],
      ['country_code', 'varchar'],
      ['member_category', 'member_category'],
      ['member_status', 'membership_status'],
      ['status', 'trajectory_status'],
    ],
    sums: [],
    select: (where) =>
      `select r.public_only, g.country_code, g.member_category, g.member_status, r.status,
         count(*)::int as member_count
       from member_figure_group g join member_charter_progress r on r.member_id = g.member_id
       where ${where}
       group by r.public_only, g.country_code, g.member_category, g.member_status, r.status`,
  },
];
