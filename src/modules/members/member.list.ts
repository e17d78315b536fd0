import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { applyKeyset, nullableDateKey, type SortKey, countAll } from '../../common/keyset';
import { containsPattern } from '../../common/like-pattern';
import { OrderDirection } from '../../common/order';
import type { PageRequest } from '../../common/pagination';
import { charterProgressLateral } from '../targets/charter-progress.sql';
import { whereTargetProgressMatches } from '../targets/target-progress.sql';
import { plannedObject, type ReadPlan, selectPlanned } from '../../common/read-plan';
import type { Member } from './member.entity';
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

/** Which optional joins a members query needs. */
interface Joins {
  population: boolean;
  progress: boolean;
}

/**
 * The members matching `filter`, as a query over `member m`; with `joins.population` the latest population joined as
 * `lp`, with `joins.progress` the Charter progress as `pg` computed from the inventories that `visibleInventories` (an
 * SQL condition on `i`) lets the viewer see. A filter on either joins it whatever `joins` says.
 */
export function filteredMembers(
  em: EntityManager,
  filter: MemberFilter,
  visibleInventories: string,
  joins: Joins,
): Knex.QueryBuilder {
  const knex = em.getKnex();
  const query = knex.from('member as m');
  if (joins.population || filter.populationMin != null || filter.populationMax != null)
    query.joinRaw(LATEST_POPULATION);
  if (joins.progress || filter.progressStatuses?.length) {
    query.joinRaw(`left join lateral ${charterProgressLateral('m.id', visibleInventories)} pg on true`);
  }
  if (filter.progressStatuses?.length) query.whereIn('pg.status', filter.progressStatuses);
  if (filter.targetProgress) whereTargetProgressMatches(query, filter.targetProgress, visibleInventories);
  if (filter.countryCodes?.length) query.whereIn('m.country_code', filter.countryCodes);
  if (filter.categories?.length) query.whereIn('m.category', filter.categories);
  if (filter.statuses?.length) query.whereIn('m.status', filter.statuses);
  if (filter.membershipTypes?.length) query.whereIn('m.membership_type', filter.membershipTypes);
  if (filter.nameContains) query.whereRaw(`m.name ilike ? escape '\\'`, [containsPattern(filter.nameContains)]);
  if (filter.populationMin != null) query.where('lp.population', '>=', filter.populationMin);
  if (filter.populationMax != null) query.where('lp.population', '<=', filter.populationMax);
  if (filter.joinedAfter) query.where('m.joined_on', '>=', filter.joinedAfter);
  if (filter.joinedBefore) query.where('m.joined_on', '<=', filter.joinedBefore);
  return query;
}

/** A member read by a plan (its selected properties), with its sort key and, when asked, its latest population. */
export interface PlannedMemberRow {
  member: Member;
  sortKey: string | number;
  population: number | null;
}

/**
 * One page of members (first + 1, to tell whether more follow) in one statement: the columns `plan` selects (as `m`,
 * relations joined), the sort key, and the latest population when `withPopulation`.
 */
export async function memberPageRows(
  em: EntityManager,
  plan: ReadPlan,
  withPopulation: boolean,
  filter: MemberFilter,
  order: MemberOrder,
  page: PageRequest,
  visibleInventories: string,
): Promise<PlannedMemberRow[]> {
  const byProgress = order.field === MemberOrderField.REDUCTION_PERCENT;
  const byPopulation = order.field === MemberOrderField.POPULATION;
  const query = filteredMembers(em, filter, visibleInventories, {
    population: withPopulation || byPopulation,
    progress: byProgress,
  });
  selectPlanned(query, plan);
  if (withPopulation) query.select('lp.population as latest_population');
  const direction = order.direction ?? OrderDirection.ASC;
  const rows: Record<string, unknown>[] = await applyKeyset(
    query,
    SORT_KEYS[order.field],
    direction,
    page.after,
    page.first + 1,
  );
  return rows.map((row) => ({
    // a plain object with the selected properties of Member: the resolvers read nothing else
    member: plannedObject(row, plan) as unknown as Member,
    sortKey: row.sort_key as string | number,
    population: (row.latest_population as number | null | undefined) ?? null,
  }));
}

/** The `totalCount` of the members matching `filter`, over the base table unless a filter needs a join. */
export async function countMembers(
  em: EntityManager,
  filter: MemberFilter,
  visibleInventories: string,
): Promise<number> {
  return countAll(filteredMembers(em, filter, visibleInventories, { population: false, progress: false }));
}
