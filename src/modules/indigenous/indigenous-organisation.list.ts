import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { applyKeyset, countAll, pageAndTotal, withTotalCount } from '../../common/keyset';
import { containsPattern } from '../../common/like-pattern';
import { OrderDirection } from '../../common/order';
import type { PageRequest } from '../../common/pagination';
import type { IndigenousOrganisationFilter } from './indigenous-organisation.inputs';

function filteredOrganisations(em: EntityManager, filter: IndigenousOrganisationFilter): Knex.QueryBuilder {
  const query = em.getKnex().from('indigenous_organisation as o');
  if (filter.countryCodes?.length) query.whereIn('o.country_code', filter.countryCodes);
  if (filter.levels?.length) query.whereIn('o.level', filter.levels);
  if (filter.parentId) query.where('o.parent_id', filter.parentId);
  if (filter.nameContains) {
    const pattern = containsPattern(filter.nameContains);
    query.whereRaw(
      `(o.acronym ilike ? escape '\\' or o.name ilike ? escape '\\' ` +
        `or exists (select 1 from unnest(o.alternate_names) a where a ilike ? escape '\\'))`,
      [pattern, pattern, pattern],
    );
  }
  return query;
}

/**
 * One page (first + 1 rows) of organisations by acronym, each with its `sort_key`; with `withTotal` the count of all
 * the filtered organisations read in the same statement.
 */
export async function organisationPage(
  em: EntityManager,
  filter: IndigenousOrganisationFilter,
  page: PageRequest,
  withTotal: boolean,
): Promise<{ rows: Record<string, unknown>[]; totalCount: number | null }> {
  const query = applyKeyset(
    filteredOrganisations(em, filter).select('o.*'),
    { expression: 'o.acronym', sqlType: 'text', idColumn: 'o.id' },
    OrderDirection.ASC,
    page.after,
    page.first + 1,
  );
  if (!withTotal) return { rows: await query, totalCount: null };
  return pageAndTotal(await withTotalCount(query, filteredOrganisations(em, filter), OrderDirection.ASC, 'id'), 'id');
}

export async function countOrganisations(em: EntityManager, filter: IndigenousOrganisationFilter): Promise<number> {
  return countAll(filteredOrganisations(em, filter));
}
