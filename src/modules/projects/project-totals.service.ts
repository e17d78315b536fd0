import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { filterProjects } from './project.list';
import { governedProjects } from './project-access.sql';
import type { BiodiversityProjectFilter } from './project.filter';
import { validProjectFilter } from './project.service';
import { BiodiversityDimension, BiodiversityTotal } from './project-totals.type';

const COLUMNS: Record<BiodiversityDimension, { sql: string; alias: keyof BiodiversityTotal }> = {
  [BiodiversityDimension.COUNTRY]: { sql: 'p.country_code', alias: 'countryCode' },
  [BiodiversityDimension.STATUS]: { sql: 'p.status::text', alias: 'status' },
  [BiodiversityDimension.THEME]: { sql: 'theme.value::text', alias: 'theme' },
  [BiodiversityDimension.ORGANISATION]: { sql: 'p.implementing_organisation_id', alias: 'organisationId' },
};

/**
 * Sums per group, in PostgreSQL, over the projects the viewer may see one by one, and no others: then no difference
 * of two answers, under any filters or groupings, says anything about a project the viewer cannot list.
 */
export async function biodiversityTotals(
  ctx: RequestContext,
  groupBy: BiodiversityDimension[],
  rawFilter: BiodiversityProjectFilter,
): Promise<BiodiversityTotal[]> {
  const dimensions = [...new Set(groupBy)];
  if (dimensions.length > Object.keys(COLUMNS).length) throw new UserInputError('groupBy', 'too many dimensions');
  const filter = await validProjectFilter(ctx, rawFilter);
  const knex = ctx.reads.getKnex();
  const query = governedProjects(knex, ctx.viewer, true);
  if (dimensions.includes(BiodiversityDimension.THEME))
    query.joinRaw('cross join lateral unnest(p.themes) as theme(value)');
  filterProjects(query, filter);
  const columns = dimensions.map((dimension) => COLUMNS[dimension]);
  query.select([
    ...columns.map((column) => knex.raw(`${column.sql} as "${column.alias}"`)),
    knex.raw('count(*)::int as "projectCount"'),
    knex.raw('coalesce(sum(p.hectares_protected), 0)::float8 as "hectaresProtected"'),
    knex.raw('coalesce(sum(p.hectares_restored), 0)::float8 as "hectaresRestored"'),
    knex.raw('coalesce(sum(p.budget_eur), 0)::float8 as "budgetEur"'),
  ]);
  if (columns.length) {
    query.groupByRaw(columns.map((column) => column.sql).join(', '));
    query.orderByRaw(columns.map((column) => column.sql).join(', '));
  }
  const rows: Partial<BiodiversityTotal>[] = await query;
  return rows.map((row) =>
    Object.assign(new BiodiversityTotal(), { countryCode: null, status: null, theme: null, organisationId: null }, row),
  );
}
