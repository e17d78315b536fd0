import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { applyKeyset, nullableDateKey, type SortKey, countAll } from '../../common/keyset';
import { OrderDirection } from '../../common/order';
import type { PageRequest } from '../../common/pagination';
import { charterProgressLateral } from '../targets/charter-progress-sql';
import { type MemberFilter, MemberOrderField, type MemberOrder } from './member.inputs';

/** The latest population of each member, as a lateral join `lp` (uses the (member, year) unique index). */
const LATEST_POPULATION =
  'left join lateral (select pr.population from population_record pr where pr.member_id = m.id ' +
  'order by pr.year desc limit 1) lp on true';

const SORT_KEYS: Record<MemberOrderField, SortKey> = {
  [MemberOrderField.NAME]: { expression: 'm.name', sqlType: 'text', idColumn: 'm.id' },
  [MemberOrderField.POPULATION]: {
    expression: 'coalesce(lp.population, ?)',
    sqlType: 'integer',
    nullSentinels: [2147483647, -1],
    idColumn: 'm.id',
  },
  [MemberOrderField.JOINED_ON]: nullableDateKey('m.joined_on', 'm.id'),
  [MemberOrderField.REDUCTION_PERCENT]: {
    expression: 'coalesce(pg.reduction_percent, ?)',
    sqlType: 'double precision',
    nullSentinels: [1e308, -1e308],
    idColumn: 'm.id',
  },
};

/**
 * The members matching `filter`, as a query over `member m` with the latest population joined as `lp`, and,
 * when filtering or sorting by it, the Charter progress as `pg` computed from the inventories that
 * `visibleInventories` (an SQL condition on `i`) lets the viewer see.
 */
export function filteredMembers(
  em: EntityManager,
  filter: MemberFilter,
  visibleInventories: string,
  withProgress = false,
): Knex.QueryBuilder {
  const knex = em.getKnex();
  const query = knex.from('member as m').joinRaw(LATEST_POPULATION);
  if (withProgress || filter.progressStatuses?.length) {
    query.joinRaw(`left join lateral ${charterProgressLateral('m.id', visibleInventories)} pg on true`);
  }
  if (filter.progressStatuses?.length) query.whereIn('pg.status', filter.progressStatuses);
  if (filter.countryCodes?.length) query.whereIn('m.country_code', filter.countryCodes);
  if (filter.categories?.length) query.whereIn('m.category', filter.categories);
  if (filter.statuses?.length) query.whereIn('m.status', filter.statuses);
  if (filter.membershipTypes?.length) query.whereIn('m.membership_type', filter.membershipTypes);
  if (filter.nameContains) query.whereRaw(`m.name ilike ? escape '\\'`, [`%${escapeLike(filter.nameContains)}%`]);
  if (filter.populationMin != null) query.where('lp.population', '>=', filter.populationMin);
  if (filter.populationMax != null) query.where('lp.population', '<=', filter.populationMax);
  if (filter.joinedAfter) query.where('m.joined_on', '>=', filter.joinedAfter);
  if (filter.joinedBefore) query.where('m.joined_on', '<=', filter.joinedBefore);
  return query;
}

export interface MemberRow {
  id: string;
  sort_key: string | number;
  latest_population: number | null;
  [column: string]: unknown;
}

/** One page of member rows (first + 1, to tell whether more follow), each with its sort key and latest population. */
export function memberPageRows(
  em: EntityManager,
  filter: MemberFilter,
  order: MemberOrder,
  page: PageRequest,
  visibleInventories: string,
): Promise<MemberRow[]> {
  const byProgress = order.field === MemberOrderField.REDUCTION_PERCENT;
  const query = filteredMembers(em, filter, visibleInventories, byProgress).select(
    'm.*',
    'lp.population as latest_population',
  );
  return applyKeyset(query, SORT_KEYS[order.field], order.direction ?? OrderDirection.ASC, page.after, page.first + 1);
}

export async function countMembers(
  em: EntityManager,
  filter: MemberFilter,
  visibleInventories: string,
): Promise<number> {
  return countAll(filteredMembers(em, filter, visibleInventories));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
