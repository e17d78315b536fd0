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

/** The filter on the members' groups, as the network progress tables `n` record them (member_figure_group's). */
function whereGroupsMatch(query: Knex.QueryBuilder, filter: AllianceProgressFilter): Knex.QueryBuilder {
  if (filter.countryCodes?.length) query.whereIn('n.country_code', filter.countryCodes);
  if (filter.memberCategories?.length) query.whereIn('n.member_category', filter.memberCategories);
  if (filter.memberStatuses?.length) query.whereIn('n.member_status', filter.memberStatuses);
  return query;
}

/**
 * Network emissions per year and members per Charter status, from the network totals by country, category and
 * membership status (network_status_year_total, network_charter_status_count; two statements): the work follows
 * the groups and years, not the members or records.
 */
export async function allianceProgress(
  ctx: RequestContext,
  rawFilter: AllianceProgressFilter,
): Promise<AllianceProgress> {
  const filter = await validFilter(ctx, rawFilter);
  const knex = ctx.reads.getKnex();
  const publicOnly = publicInventoriesOnly(ctx.viewer);
  const preferred = whereGroupsMatch(
    knex
      .from('network_status_year_total as n')
      .where('n.public_only', publicOnly)
      .select('n.year', knex.raw('sum(n.emissions_tco2e) as emissions'), knex.raw('sum(n.member_count) as reporting'))
      .groupBy('n.year')
      .orderBy('n.year'),
    filter,
  );
  if (filter.fromYear != null) preferred.where('n.year', '>=', filter.fromYear);
  if (filter.toYear != null) preferred.where('n.year', '<=', filter.toYear);
  const statusCounts = whereGroupsMatch(
    knex
      .from('network_charter_status_count as n')
      .where('n.public_only', publicOnly)
      .select('n.status', knex.raw('sum(n.member_count) as count'))
      .groupBy('n.status'),
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
