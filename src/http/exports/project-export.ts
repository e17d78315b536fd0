import { requireUuids } from '../../common/validation';
import { accessColumns } from '../../modules/consent/governed-access-sql';
import { GeoPrecision, RecordVisibility } from '../../modules/consent/governance.enums';
import { governedProjects, PROJECT_TABLE } from '../../modules/projects/project-access.sql';
import { ProjectStatus, ProjectTheme } from '../../modules/projects/project.enums';
import type { BiodiversityProjectFilter } from '../../modules/projects/project.filter';
import { filterProjects } from '../../modules/projects/project.list';
import { bool, date, double, enumOf, text } from './export-columns';
import type { ExportDefinition } from './export-definition';
import { enumList, TEXT_LIST, validParameters } from './export-params';
import { governedProjectRows } from './governed-project-rows';

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
  parameters: {
    countryCodes: TEXT_LIST,
    statuses: enumList(ProjectStatus),
    themes: enumList(ProjectTheme),
    organisationIds: TEXT_LIST,
    memberIds: TEXT_LIST,
  },
  async validate(ctx, parameters) {
    const checked = await validParameters(ctx, parameters);
    if (Array.isArray(parameters.organisationIds)) {
      checked.organisationIds = requireUuids('organisationIds', parameters.organisationIds);
    }
    return checked;
  },
  query(ctx, parameters) {
    const knex = ctx.em.getKnex();
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
