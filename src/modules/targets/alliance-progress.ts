import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { requireYearRange } from '../../common/validation';
import { visibleInventoriesSql } from '../emissions/inventory-visibility';
import { standardRankSql } from '../emissions/standard-preference';
import { requireKnownCountries } from '../members/country.service';
import { MembershipStatus } from '../members/member.enums';
import type { AllianceProgress, AllianceProgressFilter } from './alliance-progress.type';
import { charterProgressLateral } from './charter-progress-sql';
import { TrajectoryStatus } from './target.enums';

const CURRENT_MEMBER_STATUSES = Object.values(MembershipStatus).filter((status) => status !== MembershipStatus.LEFT);

async function validFilter(ctx: RequestContext, filter: AllianceProgressFilter): Promise<AllianceProgressFilter> {
  const checked = { ...filter, memberStatuses: filter.memberStatuses ?? CURRENT_MEMBER_STATUSES };
  if (filter.countryCodes) {
    checked.countryCodes = await requireKnownCountries(ctx, 'filter.countryCodes', filter.countryCodes);
  }
  requireYearRange('filter.', filter);
  return checked;
}

function whereMembersMatch(query: Knex.QueryBuilder, filter: AllianceProgressFilter): Knex.QueryBuilder {
  if (filter.countryCodes?.length) query.whereIn('m.country_code', filter.countryCodes);
  if (filter.memberCategories?.length) query.whereIn('m.category', filter.memberCategories);
  if (filter.memberStatuses?.length) query.whereIn('m.status', filter.memberStatuses);
  return query;
}

/** Network emissions per year and members per Charter status, aggregated in PostgreSQL (two statements). */
export async function allianceProgress(
  ctx: RequestContext,
  rawFilter: AllianceProgressFilter,
): Promise<AllianceProgress> {
  const filter = await validFilter(ctx, rawFilter);
  const knex = ctx.em.getKnex();
  const visible = visibleInventoriesSql(ctx.viewer, 'i');
  const preferred = whereMembersMatch(
    knex
      .from('emission_inventory as i')
      .join('member as m', 'm.id', 'i.member_id')
      .whereRaw(visible)
      .distinctOn('i.member_id', 'i.year')
      .select('i.member_id', 'i.year', 'i.total_emissions_tco2e')
      .orderByRaw(`i.member_id, i.year, ${standardRankSql('i.standard')}`),
    filter,
  );
  if (filter.fromYear != null) preferred.where('i.year', '>=', filter.fromYear);
  if (filter.toYear != null) preferred.where('i.year', '<=', filter.toYear);
  const years: { year: number; emissions: string; reporting: string }[] = await knex
    .from(knex.raw('(?) as p', [preferred]))
    .select('p.year', knex.raw('sum(p.total_emissions_tco2e) as emissions'), knex.raw('count(*) as reporting'))
    .groupBy('p.year')
    .orderBy('p.year');
  const statuses: { status: TrajectoryStatus; count: string }[] = await whereMembersMatch(
    knex
      .from('member as m')
      .joinRaw(`left join lateral ${charterProgressLateral('m.id', visible)} pg on true`)
      .select('pg.status', knex.raw('count(*) as count'))
      .groupBy('pg.status'),
    filter,
  );
  const count = (status: TrajectoryStatus) => Number(statuses.find((row) => row.status === status)?.count ?? 0);
  return {
    years: years.map((row) => ({
      year: row.year,
      emissionsTco2e: Number(row.emissions),
      reportingMembers: Number(row.reporting),
    })),
    memberCount: statuses.reduce((sum, row) => sum + Number(row.count), 0),
    onTrackCount: count(TrajectoryStatus.ON_TRACK),
    slightlyOffCount: count(TrajectoryStatus.SLIGHTLY_OFF),
    offTrackCount: count(TrajectoryStatus.OFF_TRACK),
    noDataCount: count(TrajectoryStatus.NO_DATA),
  };
}
