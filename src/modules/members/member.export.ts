import { date, double, enumOf, int, text } from '../../common/exports/export-columns';
import type { ExportDefinition } from '../../common/exports/export-definition';
import { enumList, TEXT_LIST } from '../../common/exports/export-params';
import { visibleInventoriesSql } from '../emissions/inventory-visibility.rules';
import { charterProgressLateral } from '../targets/charter-progress.sql';
import { TrajectoryStatus } from '../targets/target.enums';
import { validExportConditions } from './export-conditions';
import { MemberCategory, MembershipStatus, MembershipType } from './member.enums';

/**
 * One row per member with its latest population and its progress against the Charter, as `Member.population` and
 * `Member.progress` give them (the stored progress, in the variant the viewer's inventories allow), by name.
 */
export const MEMBERS_EXPORT: ExportDefinition = {
  name: 'members',
  action: 'The members export',
  columns: [
    text('member_id'),
    text('member_name'),
    text('country_code'),
    enumOf('member_category', MemberCategory),
    enumOf('membership_type', MembershipType),
    enumOf('member_status', MembershipStatus),
    date('joined_on'),
    date('left_on'),
    int('population'),
    int('population_year'),
    double('latitude'),
    double('longitude'),
    enumOf('progress_status', TrajectoryStatus),
    int('baseline_year'),
    double('baseline_emissions_tco2e'),
    int('latest_year'),
    double('latest_emissions_tco2e'),
    double('reduction_percent'),
    double('charter_path_tco2e'),
    double('required_annual_reduction_percent'),
    double('per_capita_tco2e'),
  ],
  parameters: {
    countryCodes: TEXT_LIST,
    memberIds: TEXT_LIST,
    memberCategories: enumList(MemberCategory),
    statuses: enumList(MembershipStatus),
  },
  validate: validExportConditions,
  query(ctx, { countryCodes, memberIds, memberCategories, statuses }) {
    const knex = ctx.reads.getKnex();
    const query = knex
      .from('member as m')
      .joinRaw(
        'left join lateral (select pr.population, pr.year from population_record pr where pr.member_id = m.id ' +
          'order by pr.year desc limit 1) lp on true',
      )
      .joinRaw(`left join lateral ${charterProgressLateral('m.id', visibleInventoriesSql(ctx.viewer, 'i'))} pg on true`)
      .select('m.id as member_id', 'm.name as member_name', 'm.country_code', 'm.category as member_category')
      .select('m.membership_type', 'm.status as member_status')
      .select(knex.raw('m.joined_on::text as joined_on, m.left_on::text as left_on'))
      .select('lp.population', 'lp.year as population_year', 'm.latitude', 'm.longitude')
      .select(knex.raw(`coalesce(pg.status::text, '${TrajectoryStatus.NO_DATA}') as progress_status`))
      .select('pg.baseline_year', 'pg.baseline_tco2e as baseline_emissions_tco2e')
      .select('pg.latest_year', 'pg.latest_tco2e as latest_emissions_tco2e', 'pg.reduction_percent')
      .select('pg.charter_path_tco2e', 'pg.required_annual_reduction_percent', 'pg.per_capita_tco2e')
      .orderBy(['m.name', 'm.id']);
    if (Array.isArray(countryCodes)) query.whereIn('m.country_code', countryCodes);
    if (Array.isArray(memberIds)) query.whereIn('m.id', memberIds);
    if (Array.isArray(memberCategories)) query.whereIn('m.category', memberCategories);
    if (Array.isArray(statuses)) query.whereIn('m.status', statuses);
    return query;
  },
};
