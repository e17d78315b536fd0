import type { Knex } from '@mikro-orm/postgresql';
import type { ReadSource } from '../../common/context';
import { keysetPage, nullableDateKey, pageAndTotal, type SortKey, withTotal } from '../../common/keyset';
import { containsPattern } from '../../common/like-pattern';
import { OrderDirection } from '../../common/order';
import { cursorBindings, type PageRequest } from '../../common/pagination';
import { cachedRows, type ParamValue } from '../../common/statement-cache.sql';
import { charterProgressJoin, publicOnlyVariantSql } from '../targets/charter-progress.sql';
import { whereTargetProgressMatches } from '../targets/target-progress.sql';
import { type KeyedPlan, plannedObject, selectPlanned } from '../../common/read-plan';
import type { TargetProgressFilter } from '../targets/target-progress.filter';
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
 * A member filter as the values the statement binds: checked, the name as its ILIKE pattern, the target progress
 * filter flattened (`targetProgress` says whether there is one), empty text as none.
 */
export interface MemberConditions {
  [name: string]: ParamValue;
  countryCodes?: string[];
  categories?: string[];
  statuses?: string[];
  membershipTypes?: string[];
  namePattern?: string;
  populationMin?: number;
  populationMax?: number;
  joinedAfter?: string;
  joinedBefore?: string;
  progressStatuses?: string[];
  targetProgress: boolean;
  targetOrigins?: string[];
  targetTypes?: string[];
  targetYear?: number;
  targetStatuses?: string[];
}

export function memberConditions(filter: MemberFilter): MemberConditions {
  const { targetProgress } = filter;
  return {
    countryCodes: filter.countryCodes,
    categories: filter.categories,
    statuses: filter.statuses,
    membershipTypes: filter.membershipTypes,
    namePattern: filter.nameContains ? containsPattern(filter.nameContains) : undefined,
    populationMin: filter.populationMin ?? undefined,
    populationMax: filter.populationMax ?? undefined,
    joinedAfter: filter.joinedAfter || undefined,
    joinedBefore: filter.joinedBefore || undefined,
    progressStatuses: filter.progressStatuses,
    targetProgress: targetProgress != null,
    targetOrigins: targetProgress?.origins,
    targetTypes: targetProgress?.types,
    targetYear: targetProgress?.targetYear ?? undefined,
    targetStatuses: targetProgress?.statuses,
  };
}

/**
 * The members matching `where`, as a query over `member m`; with `joins.population` the latest population joined as
 * `lp`, with `joins.progress` the stored Charter progress as `pg` (charterProgressJoin), in the variant of the
 * inventories that `visibleInventories` (an SQL condition on `i`) lets the viewer see. A condition on either joins it whatever `joins` says.
 */
export function filteredMembers(
  reads: ReadSource,
  where: MemberConditions,
  visibleInventories: string,
  joins: Joins,
): Knex.QueryBuilder {
  const knex = reads.getKnex();
  const query = knex.from('member as m');
  if (joins.population || where.populationMin != null || where.populationMax != null) query.joinRaw(LATEST_POPULATION);
  if (joins.progress || where.progressStatuses?.length) {
    query.joinRaw(charterProgressJoin('m.id', visibleInventories));
  }
  if (where.progressStatuses?.length) query.whereIn('pg.status', where.progressStatuses);
  if (where.targetProgress) {
    const progress = {
      origins: where.targetOrigins,
      types: where.targetTypes,
      targetYear: where.targetYear,
      statuses: where.targetStatuses,
    } as TargetProgressFilter;
    whereTargetProgressMatches(query, progress, visibleInventories);
  }
  if (where.countryCodes?.length) query.whereIn('m.country_code', where.countryCodes);
  if (where.categories?.length) query.whereIn('m.category', where.categories);
  if (where.statuses?.length) query.whereIn('m.status', where.statuses);
  if (where.membershipTypes?.length) query.whereIn('m.membership_type', where.membershipTypes);
  if (where.namePattern) query.whereRaw(`m.name ilike ? escape '\\'`, [where.namePattern]);
  if (where.populationMin != null) query.where('lp.population', '>=', where.populationMin);
  if (where.populationMax != null) query.where('lp.population', '<=', where.populationMax);
  if (where.joinedAfter) query.where('m.joined_on', '>=', where.joinedAfter);
  if (where.joinedBefore) query.where('m.joined_on', '<=', where.joinedBefore);
  return query;
}

/**
 * Members read by a plan (plain objects with their selected properties), and by index each one's sort key and, when
 * asked, its latest population.
 */
export interface PlannedMembers {
  members: Member[];
  sortKeys: (string | number)[];
  populations: (number | null)[] | null;
}

/** What the list asks beside the plan's columns: the latest population, and the `totalCount` of the filter. */
export interface MemberPageOptions {
  withPopulation: boolean;
  withTotalCount: boolean;
}

/**
 * One page of members (first + 1, to tell whether more follow) in one statement: the columns `plan` selects (as `m`,
 * relations joined), the sort key, the latest population when asked, and when asked the `totalCount` (null when not).
 * The statement's text is built once per shape (plan, options, order, which conditions, visibility).
 */
export async function memberPageRows(
  reads: ReadSource,
  { plan, key }: KeyedPlan,
  options: MemberPageOptions,
  where: MemberConditions,
  order: MemberOrder,
  page: PageRequest,
  visibleInventories: string,
): Promise<PlannedMembers & { totalCount: number | null }> {
  const sortKey = SORT_KEYS[order.field];
  const direction = order.direction ?? OrderDirection.ASC;
  const [afterValue, afterId] = page.after ? cursorBindings(page.after, sortKey.sqlType) : [];
  const idKey = `${plan.alias}__id`;
  const shape = `members ${key} ${order.field} ${direction} ${JSON.stringify(options)} ${visibleInventories}`;
  const params = { ...where, afterValue, afterId, limit: page.first + 1 };
  const read = await cachedRows(reads.getKnex(), shape, params, (bound) => {
    const conditions = bound as MemberConditions;
    const query = filteredMembers(reads, conditions, visibleInventories, {
      population: options.withPopulation || order.field === MemberOrderField.POPULATION,
      progress: order.field === MemberOrderField.REDUCTION_PERCENT,
    });
    selectPlanned(query, plan);
    if (options.withPopulation) query.select('lp.population as latest_population');
    const after = bound.afterId === undefined ? null : ([bound.afterValue, bound.afterId] as [string, string]);
    keysetPage(query, sortKey, direction, after, bound.limit as number);
    if (!options.withTotalCount) return query;
    // the count joins only what the filter needs, not the page's population or progress
    return withTotal(query, memberTotal(reads, conditions, visibleInventories), direction, idKey);
  });
  const { rows, totalCount } = options.withTotalCount ? pageAndTotal(read, idKey) : { rows: read, totalCount: null };
  const members: Member[] = [];
  const sortKeys: (string | number)[] = [];
  const populations: (number | null)[] | null = options.withPopulation ? [] : null;
  for (const row of rows) {
    // a plain object with the selected properties of Member: the resolvers read nothing else
    members.push(plannedObject(row, plan) as unknown as Member);
    sortKeys.push(row.sort_key as string | number);
    populations?.push((row.latest_population as number | null | undefined) ?? null);
  }
  return { members, sortKeys, populations, totalCount };
}

/**
 * Whether `where` conditions only columns network_charter_status_count groups by: the Charter status, the country,
 * the category and the membership status; no name, population, date, membership type nor target.
 */
function countedByGroups(where: MemberConditions): boolean {
  return (
    !where.targetProgress &&
    !where.membershipTypes?.length &&
    !where.namePattern &&
    where.populationMin == null &&
    where.populationMax == null &&
    !where.joinedAfter &&
    !where.joinedBefore
  );
}

/**
 * One row whose `total_count` is the number of members matching `where`. A filter on the grouped columns alone
 * (countedByGroups, no filter included) sums the few rows of network_charter_status_count of the viewer's variant
 * (per country, category, membership status and Charter status) instead of counting members: every member has
 * exactly one member_charter_progress row per variant, counted there in the member's current group in the
 * transaction of every write that changes either (refreshMemberFigures), so the sum is the count of the members
 * the page reads, at 100,000 members a few hundred rows instead of one per member. Otherwise the members matching
 * `where`, over the base table unless a condition needs a join.
 */
function memberTotal(reads: ReadSource, where: MemberConditions, visibleInventories: string): Knex.QueryBuilder {
  if (!countedByGroups(where)) {
    return filteredMembers(reads, where, visibleInventories, { population: false, progress: false }).count({
      total_count: '*',
    });
  }
  const knex = reads.getKnex();
  const query = knex
    .from('network_charter_status_count as n')
    .select(knex.raw('coalesce(sum(n.member_count), 0)::int as total_count'))
    .whereRaw(`n.public_only = ${publicOnlyVariantSql(visibleInventories)}`);
  if (where.progressStatuses?.length) query.whereIn('n.status', where.progressStatuses);
  if (where.countryCodes?.length) query.whereIn('n.country_code', where.countryCodes);
  if (where.categories?.length) query.whereIn('n.member_category', where.categories);
  if (where.statuses?.length) query.whereIn('n.member_status', where.statuses);
  return query;
}

/** The `totalCount` of the members matching `where`, in a statement of its own (when the page did not read it). */
export async function countMembers(
  reads: ReadSource,
  where: MemberConditions,
  visibleInventories: string,
): Promise<number> {
  const [row] = await memberTotal(reads, where, visibleInventories);
  return Number(row.total_count);
}
