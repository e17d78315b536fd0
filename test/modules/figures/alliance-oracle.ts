import type { Knex } from '@mikro-orm/postgresql';

/**
 * allianceProgress as it was computed before the network totals by membership status: a row per member and year
 * (member_year_total) and per member (member_charter_progress), filtered on `member`. Kept here as the property
 * test's oracle; the filter is the GraphQL one, its default statuses those of the API (all but LEFT).
 */
export interface AllianceOracleFilter {
  countryCodes?: string[];
  memberCategories?: string[];
  memberStatuses?: string[];
  fromYear?: number;
  toYear?: number;
}

const CURRENT_MEMBER_STATUSES = ['APPLIED', 'ACTIVE', 'SUSPENDED'];

export async function oracleAllianceProgress(knex: Knex, publicOnly: boolean, filter: AllianceOracleFilter) {
  const statuses = filter.memberStatuses ?? CURRENT_MEMBER_STATUSES;
  const members = (query: Knex.QueryBuilder) => {
    if (filter.countryCodes?.length) query.whereIn('m.country_code', filter.countryCodes);
    if (filter.memberCategories?.length) query.whereIn('m.category', filter.memberCategories);
    if (statuses.length) query.whereIn('m.status', statuses);
    return query;
  };
  const perYear = members(
    knex
      .from('member_year_total as t')
      .join('member as m', 'm.id', 't.member_id')
      .where('t.public_only', publicOnly)
      .select('t.year', knex.raw('sum(t.emissions_tco2e) as emissions'), knex.raw('count(*) as reporting'))
      .groupBy('t.year')
      .orderBy('t.year'),
  );
  if (filter.fromYear != null) perYear.where('t.year', '>=', filter.fromYear);
  if (filter.toYear != null) perYear.where('t.year', '<=', filter.toYear);
  const years: { year: number; emissions: string; reporting: string }[] = await perYear;
  const perStatus: { status: string; count: string }[] = await members(
    knex
      .from('member as m')
      .join('member_charter_progress as pg', 'pg.member_id', 'm.id')
      .where('pg.public_only', publicOnly)
      .select('pg.status', knex.raw('count(*) as count'))
      .groupBy('pg.status'),
  );
  const count = (status: string) => Number(perStatus.find((row) => row.status === status)?.count ?? 0);
  return {
    memberCount: perStatus.reduce((sum, row) => sum + Number(row.count), 0),
    onTrackCount: count('ON_TRACK'),
    slightlyOffCount: count('SLIGHTLY_OFF'),
    offTrackCount: count('OFF_TRACK'),
    noDataCount: count('NO_DATA'),
    years: years.map((row) => ({
      year: row.year,
      emissionsTco2e: Number(row.emissions),
      reportingMembers: Number(row.reporting),
    })),
  };
}
