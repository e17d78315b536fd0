import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { requireYearRange } from '../../common/validation';
import { inFigureSlot } from '../../db/figure-slots';
import { publicInventoriesOnly } from '../emissions/inventory-visibility.rules';
import { requireKnownCountries } from '../members/country.service';
import { MembershipStatus } from '../members/member.enums';
import type { AllianceProgress, AllianceProgressFilter } from './alliance-progress.type';
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

/**
 * Network emissions per year and members per Charter status, from the maintained figures (member_year_total,
 * member_charter_progress; two statements): the work follows the members and years, not the records.
 */
export async function allianceProgress(
  ctx: RequestContext,
  rawFilter: AllianceProgressFilter,
): Promise<AllianceProgress> {
  const filter = await validFilter(ctx, rawFilter);
  const knex = ctx.em.getKnex();
  const publicOnly = publicInventoriesOnly(ctx.viewer);
  const preferred = whereMembersMatch(
    knex
      .from('member_year_total as t')
      .join('member as m', 'm.id', 't.member_id')
      .where('t.public_only', publicOnly)
      .select('t.year', knex.raw('sum(t.emissions_tco2e) as emissions'), knex.raw('count(*) as reporting'))
      .groupBy('t.year')
      .orderBy('t.year'),
    filter,
  );
  if (filter.fromYear != null) preferred.where('t.year', '>=', filter.fromYear);
  if (filter.toYear != null) preferred.where('t.year', '<=', filter.toYear);
  const statusCounts = whereMembersMatch(
    knex
      .from('member as m')
      .join('member_charter_progress as pg', 'pg.member_id', 'm.id')
      .where('pg.public_only', publicOnly)
      .select('pg.status', knex.raw('count(*) as count'))
      .groupBy('pg.status'),
    filter,
  );
  const [years, statuses] = await inFigureSlot(async () => {
    const perYear: { year: number; emissions: string; reporting: string }[] = await preferred;
    const perStatus: { status: TrajectoryStatus; count: string }[] = await statusCounts;
    return [perYear, perStatus] as const;
  });
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
