import { bool, date, double, enumOf, text } from '../../common/exports/export-columns';
import type { ExportDefinition } from '../../common/exports/export-definition';
import { filterParameters } from '../../common/exports/export-params';
import { requireUuids } from '../../common/validation';
import { accessColumns } from '../governance/governed-access.sql';
import { GeoPrecision, RecordVisibility } from '../governance/governance.enums';
import { validExportConditions } from '../members/export-conditions';
import { governedProjectRows } from './governed-project-rows';
import { governedProjects, PROJECT_TABLE } from './project-access.sql';
import { ProjectStatus } from './project.enums';
import { BiodiversityProjectFilter } from './project.filter';
import { filterProjects } from './project.list';

/**
 * One row per biodiversity project the viewer may see, governed exactly as `biodiversityProjects` is: the same
 * visibility SQL, the same precision rule for the site (latitude/longitude at `location_precision`, empty when
 * hidden), the same access log. By title.
 */
export const PROJECTS_EXPORT: ExportDefinition = {
  name: 'biodiversity-projects',
  action: 'The biodiversity projects export',
  columns: [
    text('project_id'),
    text('title'),
    enumOf('status', ProjectStatus),
    text('themes'),
    text('implementing_organisation_id'),
    text('data_steward_id'),
    text('country_code'),
    date('start_date'),
    date('end_date'),
    double('hectares_protected'),
    double('hectares_restored'),
    double('budget_eur'),
    enumOf('visibility', RecordVisibility),
    bool('concerns_isolated_peoples'),
    double('latitude'),
    double('longitude'),
    enumOf('location_precision', GeoPrecision),
  ],
  parameters: filterParameters(BiodiversityProjectFilter, [
    'countryCodes',
    'statuses',
    'themes',
    'organisationIds',
    'memberIds',
  ]),
  async validate(ctx, parameters) {
    const checked = await validExportConditions(ctx, parameters);
    if (Array.isArray(parameters.organisationIds)) {
      checked.organisationIds = requireUuids('organisationIds', parameters.organisationIds);
    }
    return checked;
  },
  query(ctx, parameters) {
    const knex = ctx.reads.getKnex();
    return filterProjects(governedProjects(knex, ctx.viewer), parameters as BiodiversityProjectFilter)
      .select('p.id as project_id', 'p.title', 'p.status', knex.raw("array_to_string(p.themes, ',') as themes"))
      .select('p.implementing_organisation_id', 'p.data_steward_id', 'p.country_code')
      .select(knex.raw('p.start_date::text as start_date, p.end_date::text as end_date'))
      .select(knex.raw('trim_scale(p.hectares_protected)::text as hectares_protected'))
      .select(knex.raw('trim_scale(p.hectares_restored)::text as hectares_restored'))
      .select(knex.raw('trim_scale(p.budget_eur)::text as budget_eur'))
      .select('p.visibility', 'p.latitude', 'p.longitude', accessColumns(knex, PROJECT_TABLE, ctx.viewer))
      .orderBy(['p.title', 'p.id']);
  },
  serve: governedProjectRows,
};
