import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { applyKeyset, countAll } from '../../common/keyset';
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

/** One page (first + 1 rows) of organisations by acronym, each with its `sort_key`. */
export function organisationPageRows(
  em: EntityManager,
  filter: IndigenousOrganisationFilter,
  page: PageRequest,
): Promise<Record<string, unknown>[]> {
  const query = filteredOrganisations(em, filter).select('o.*');
  return applyKeyset(
    query,
    { expression: 'o.acronym', sqlType: 'text', idColumn: 'o.id' },
    OrderDirection.ASC,
    page.after,
    page.first + 1,
  );
}

export async function countOrganisations(em: EntityManager, filter: IndigenousOrganisationFilter): Promise<number> {
  return countAll(filteredOrganisations(em, filter));
}
