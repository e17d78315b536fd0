import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import {
  applyKeyset,
  countAll,
  nullableDateKey,
  pageAndTotal,
  type SortKey,
  withTotalCount,
} from '../../common/keyset';
import { OrderDirection } from '../../common/order';
import type { PageRequest } from '../../common/pagination';
import type { GovernedRow } from '../governance/governed-records.service';
import { governedProjects, PROJECT_TABLE, selectProjectRows } from './project-access.sql';
import {
  type BiodiversityProjectFilter,
  type BiodiversityProjectOrder,
  BiodiversityProjectOrderField,
} from './project.filter';

/** Missing figures sort last: a sentinel beyond any real value (finite, so cursors stay plain JSON numbers). */
const NUMBER_SENTINELS: [number, number] = [1e300, -1e300];

const SORT_KEYS: Record<BiodiversityProjectOrderField, SortKey> = {
  [BiodiversityProjectOrderField.TITLE]: { expression: 'p.title', sqlType: 'text', idColumn: 'p.id' },
  [BiodiversityProjectOrderField.START_DATE]: nullableDateKey('p.start_date', 'p.id'),
  [BiodiversityProjectOrderField.HECTARES_PROTECTED]: {
    expression: 'coalesce(p.hectares_protected::float8, ?)',
    sqlType: 'double precision',
    nullSentinels: NUMBER_SENTINELS,
    idColumn: 'p.id',
  },
  [BiodiversityProjectOrderField.BUDGET_EUR]: {
    expression: 'coalesce(p.budget_eur::float8, ?)',
    sqlType: 'double precision',
    nullSentinels: NUMBER_SENTINELS,
    idColumn: 'p.id',
  },
};

/** Applies the list filter to a query over projects `p`. */
export function filterProjects(query: Knex.QueryBuilder, filter: BiodiversityProjectFilter): Knex.QueryBuilder {
  if (filter.countryCodes?.length) query.whereIn('p.country_code', filter.countryCodes);
  if (filter.statuses?.length) query.whereIn('p.status', filter.statuses);
  if (filter.themes?.length) query.whereRaw('p.themes::text[] && ?::text[]', [filter.themes]);
  if (filter.organisationIds?.length) query.whereIn('p.implementing_organisation_id', filter.organisationIds);
  if (filter.memberIds?.length) {
    query.whereRaw(
      'exists (select 1 from project_supporting_member s where s.project_id = p.id and s.member_id = any(?::uuid[]))',
      [filter.memberIds],
    );
  }
  if (filter.concernsIsolatedPeoples != null) {
    // the same SQL the location cap and the field answer with
    query.whereRaw(`(${PROJECT_TABLE.isolatedSql}) = ?`, [filter.concernsIsolatedPeoples]);
  }
  return query;
}

type ProjectRow = GovernedRow & { sort_key: string | number };

/**
 * One page (first + 1 rows) of the projects the viewer may see, with access columns and `sort_key`; with `withTotal`
 * the count of all of them (`countProjects`) read in the same statement.
 */
export async function projectPage(
  knex: Knex,
  viewer: Viewer,
  filter: BiodiversityProjectFilter,
  order: BiodiversityProjectOrder,
  page: PageRequest,
  withTotal: boolean,
): Promise<{ rows: ProjectRow[]; totalCount: number | null }> {
  const direction = order.direction ?? OrderDirection.ASC;
  const query = applyKeyset(
    selectProjectRows(filterProjects(governedProjects(knex, viewer), filter), knex, viewer),
    SORT_KEYS[order.field],
    direction,
    page.after,
    page.first + 1,
  );
  if (!withTotal) return { rows: await query, totalCount: null };
  const read = pageAndTotal(await withTotalCount(query, countedProjects(knex, viewer, filter), direction, 'id'), 'id');
  const rows = read.rows.map(({ total_count: _totalCount, ...row }) => row as ProjectRow);
  return { rows, totalCount: read.totalCount };
}

function countedProjects(knex: Knex, viewer: Viewer, filter: BiodiversityProjectFilter): Knex.QueryBuilder {
  return filterProjects(governedProjects(knex, viewer, true), filter);
}

export async function countProjects(knex: Knex, viewer: Viewer, filter: BiodiversityProjectFilter): Promise<number> {
  return countAll(countedProjects(knex, viewer, filter));
}
